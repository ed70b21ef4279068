mod smoke { #[test] fn builds() {} }
mod structure;
