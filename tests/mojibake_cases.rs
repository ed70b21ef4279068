//! The encoding repair on ftfy's own test cases
//! (`../shared/corpora/mojibake/ftfy-cases.jsonl`, scored as
//! `shared/tools/eval-mojibake` does): only the applied edits of the
//! encoding category are carried out on each case, and the result must equal
//! what `ftfy.fix_encoding` gives. Fails if fewer damaged cases come out
//! exact, or more sound ones are changed, than the figures below; skipped
//! when the corpus is absent.

use emend::{Category, Engine, Options, Source};
use serde::Deserialize;
use std::path::Path;

/// Damaged cases (expected to pass in ftfy) repaired exactly, at least.
const FIXED_AT_LEAST: usize = 100;
/// Sound cases changed, at most.
const CHANGED_AT_MOST: usize = 1;

#[derive(Deserialize)]
struct Case {
    id: String,
    original: String,
    fixed_encoding: String,
    expect: String,
}

/// `text` with the applied encoding edits of its conversion carried out.
fn repaired(engine: &Engine, text: &str) -> String {
    let c = engine.convert(Source::from_text("case", text.to_owned()));
    let mut out = String::new();
    let mut at = 0;
    for e in c
        .edits
        .iter()
        .filter(|e| e.is_applied() && e.category == Category::Encoding)
    {
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.after);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

#[test]
fn ftfy_cases_are_repaired_as_ftfy_does() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/mojibake/ftfy-cases.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: no {}", path.display());
        return;
    };
    let engine = Engine::new(Options {
        no_packs: true,
        ..Options::default()
    })
    .expect("engine");
    let (mut fixed, mut positives, mut changed, mut negatives) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).expect("a case");
        let got = repaired(&engine, &case.original);
        if case.fixed_encoding == case.original {
            negatives += 1;
            if got != case.original {
                changed += 1;
                misses.push(format!("{} changed: {got:?}", case.id));
            }
        } else if case.expect == "pass" {
            positives += 1;
            if got == case.fixed_encoding {
                fixed += 1;
            } else {
                misses.push(format!("{} not repaired: {got:?}", case.id));
            }
        }
    }
    assert!(
        fixed >= FIXED_AT_LEAST && changed <= CHANGED_AT_MOST,
        "fixed {fixed}/{positives}, negatives changed {changed}/{negatives}:\n{}",
        misses.join("\n")
    );
}
