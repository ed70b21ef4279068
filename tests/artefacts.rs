//! Fixture cases for the artefact rules (duplicates, boilerplate, residue,
//! joins, punctuation, hyphen-dash, repetition, fragments, mojibake,
//! whitespace inside paired straight quotes).
//!
//! Each case in `tests/fixtures/artefacts/` is `NAME.txt` (the input),
//! `NAME.clean` (the clean text expected with the default options) and,
//! optionally, `NAME.review`: one `rule | text` line per edit that must be
//! *suggested* (not applied): an edit whose rule starts with `rule` and
//! whose source text contains `text`; optionally `NAME.kind`, the kind of
//! source the user states (`--kind`) for a text that shows no evidence of
//! it (a copy from a PDF viewer keeps no form feeds or page numbers).
//! Adding a case is adding files.

use crate::common::{root, txt_files};
use emend::{Engine, Options, Source};

#[test]
fn artefact_fixtures_clean_as_expected() {
    let engine = Engine::new(Options::default()).expect("engine");
    let stated = |kind: &str| {
        let kind = <emend::profile::SourceKind as clap::ValueEnum>::from_str(kind.trim(), true)
            .expect("NAME.kind names a kind of source");
        Engine::new(Options {
            kind: Some(kind),
            ..Options::default()
        })
        .expect("engine")
    };
    let dir = root().join("tests/fixtures/artefacts");
    let cases = txt_files(&dir);
    assert!(!cases.is_empty(), "no fixtures in {}", dir.display());
    let mut failures = Vec::new();
    for path in cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let input = std::fs::read_to_string(&path).expect("fixture reads");
        let expected =
            std::fs::read_to_string(path.with_extension("clean")).expect("NAME.clean exists");
        let c = match std::fs::read_to_string(path.with_extension("kind")) {
            Ok(kind) => stated(&kind).convert(Source::from_text(&name, input)),
            Err(_) => engine.convert(Source::from_text(&name, input)),
        };
        if c.clean != expected {
            failures.push(format!(
                "{name}: clean text differs\n--- expected\n{expected}\n--- got\n{}",
                c.clean
            ));
        }
        if let Ok(review) = std::fs::read_to_string(path.with_extension("review")) {
            for line in review.lines().filter(|l| !l.trim().is_empty()) {
                let (rule, text) = line.split_once(" | ").expect("`rule | text` line");
                let found = c.edits.iter().any(|e| {
                    !e.is_applied() && e.rule.starts_with(rule) && e.before.contains(text)
                });
                if !found {
                    failures.push(format!("{name}: no suggested {rule} edit over {text:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
