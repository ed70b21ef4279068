mod smoke { #[test] fn builds() {} }
mod names_eval;
