//! One integration-test binary (fewer links on a small machine).

mod artefacts;
mod batch;
mod check;
mod cli;
mod common;
mod data_schemas;
mod edit_log_schema;
mod emend_schema;
mod hostile;
mod html;
mod idempotence;
mod linearity;
mod mojibake_cases;
mod names_cli;
mod names_eval;
mod outputs;
mod pdf_corpus;
mod profile;
mod properties;
mod readme;
mod regression;
mod review;
mod snapshots;
mod structure;
mod tei_schema;
mod web_furniture;
