//! One integration-test binary (fewer links on a small machine).

mod artefacts;
mod batch;
mod cli;
mod common;
mod edit_log_schema;
mod hostile;
mod outputs;
mod properties;
mod readme;
mod review;
mod snapshots;
mod tei_schema;
