//! One integration-test binary (fewer links on a small machine).

mod artefacts;
mod cli;
mod common;
mod edit_log_schema;
mod outputs;
mod properties;
mod readme;
mod snapshots;
mod tei_schema;
