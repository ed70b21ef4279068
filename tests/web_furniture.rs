//! The furniture rule on real web copies: over a handful of the pages of
//! `../shared/corpora/web` (when it is there; skipped otherwise), no applied
//! furniture removal may touch a string the page's expectations say to keep.
//! Kept quick: one page in forty.

use emend::{Engine, Options, Status};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expectation {
    page: String,
    keep: Vec<String>,
}

/// Every `STEP`th page of the corpus is converted.
const STEP: usize = 40;

#[test]
fn furniture_removals_keep_every_must_keep_string_of_sampled_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/web");
    let Ok(lines) = std::fs::read_to_string(dir.join("expectations.jsonl")) else {
        eprintln!("skipped: no web corpus at {}", dir.display());
        return;
    };
    let engine = Engine::new(Options::default()).expect("default options");
    let mut checked = 0;
    let mut removals = 0;
    for line in lines.lines().filter(|l| !l.trim().is_empty()).step_by(STEP) {
        let e: Expectation = serde_json::from_str(line).expect("expectation line");
        let Ok(bytes) = std::fs::read(dir.join(&e.page)) else {
            continue;
        };
        let c = engine.convert_vec(&e.page, bytes).expect("converted");
        let text = &c.source.text;
        let furniture: Vec<_> = c
            .edits
            .iter()
            .filter(|x| x.status == Status::Applied && x.rule.starts_with("furniture/"))
            .collect();
        removals += furniture.len();
        for keep in &e.keep {
            for (at, _) in text.match_indices(keep.as_str()) {
                let end = at + keep.len();
                checked += 1;
                for x in &furniture {
                    assert!(
                        x.span.end <= at || x.span.start >= end,
                        "{}: {} removed must-keep {keep:?} ({})",
                        e.page,
                        x.rule,
                        x.note.as_deref().unwrap_or("")
                    );
                }
            }
        }
    }
    assert!(checked > 20, "too few must-keep strings found: {checked}");
    assert!(removals > 20, "the rule removed almost nothing: {removals}");
}
