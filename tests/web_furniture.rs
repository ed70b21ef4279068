//! The furniture rule on real web copies: over a handful of the pages of
//! `../shared/corpora/web` (when it is there; skipped otherwise), no applied
//! furniture removal may touch a string the page's expectations say to keep.
//! Kept quick: one page in forty. And corpus evidence: the line statistics
//! of a batch, their map and reduce steps on the command line, and what the
//! furniture rule makes of them.

use emend::corpus_lines::{LineStats, MIN_DOCUMENTS};
use emend::{Engine, Options, Status};
use serde::Deserialize;
use std::path::Path;
use std::process::Command;

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

/// Article sentences unique to page `i`: no line of one page recurs in another.
fn article(i: usize) -> String {
    (0..4)
        .map(|p| {
            format!(
                "Report {i}.{p}: the committee of district {i} met again on day {p} to discuss the budget for the new school and the roads around it, and the members agreed that the plans of page {i} should be published before the summer."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A page of a site: a menu, a headline, the article, a sign-up line that
/// no vocabulary knows, a footer.
fn page(i: usize) -> String {
    format!(
        "[logo]\n\n  • Home\n  • Local\n  • Sport\n\nHeadline number {i} of the site\n\n{}\n\nGet the Tuesday digest from our desk\n\n[                    ][Go]\n\nPrivacy Policy | Imprint | Cookie Settings\n",
        article(i)
    )
}

fn write_corpus(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("corpus dir");
    for i in 0..n {
        std::fs::write(dir.join(format!("p{i:03}.txt")), page(i)).expect("page");
    }
}

#[test]
fn a_line_recurring_across_the_batch_goes_with_the_evidence_in_its_note() {
    let n = 2 * MIN_DOCUMENTS as usize;
    let mut stats = LineStats::default();
    (0..n).for_each(|i| stats.add_document(&page(i)));
    let alone = Engine::new(Options::default()).expect("engine");
    let batch = Engine::new(Options::default())
        .expect("engine")
        .with_corpus_lines(stats);
    let signup = "Get the Tuesday digest from our desk";
    let c = alone
        .convert_bytes("p.txt", page(3).as_bytes())
        .expect("alone");
    assert!(emend::apply::apply(&c.source.text, &c.edits).contains(signup));
    let c = batch
        .convert_bytes("p.txt", page(3).as_bytes())
        .expect("batch");
    let clean = emend::apply::apply(&c.source.text, &c.edits);
    assert!(!clean.contains(signup), "{clean}");
    assert!(clean.contains(&article(3)), "{clean}");
    assert!(clean.contains("Headline number 3"), "{clean}");
    let edit = c
        .edits
        .iter()
        .find(|e| e.before.contains(signup))
        .expect("sign-up line removed");
    assert_eq!(edit.rule, "furniture/recurrent");
    let note = edit.note.as_deref().unwrap_or("");
    assert!(
        note.contains(&format!("recurs in {n} of the {n} documents")),
        "{note}"
    );
}

#[test]
fn count_and_merge_give_what_convert_counts_by_itself() {
    let emend = env!("CARGO_BIN_EXE_emend");
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write_corpus(&a, 7);
    std::fs::create_dir_all(&b).expect("b");
    for i in 7..14 {
        std::fs::write(b.join(format!("p{i:03}.txt")), page(i)).expect("page");
    }
    let run = |args: &[&Path]| {
        let out = Command::new(emend).args(args).output().expect("emend runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let p = |s: &str| dir.path().join(s);
    run(&[
        Path::new("furniture"),
        Path::new("count"),
        &a,
        Path::new("--emit-stats"),
        &p("a.json"),
    ]);
    run(&[
        Path::new("furniture"),
        Path::new("count"),
        &b,
        Path::new("--emit-stats"),
        &p("b.json"),
    ]);
    run(&[
        Path::new("furniture"),
        Path::new("merge"),
        &p("a.json"),
        &p("b.json"),
        Path::new("--emit-stats"),
        &p("all.json"),
    ]);
    let merged = LineStats::load(&p("all.json")).expect("merged shard");
    let mut whole = LineStats::default();
    (0..14).for_each(|i| whole.add_document(&page(i)));
    assert_eq!(merged, whole);
    // the whole corpus in one folder, counted by convert itself
    let all = p("all");
    write_corpus(&all, 14);
    run(&[
        Path::new("convert"),
        &all,
        Path::new("--out"),
        &p("out1"),
        Path::new("-q"),
    ]);
    run(&[
        Path::new("convert"),
        &all,
        Path::new("--out"),
        &p("out2"),
        Path::new("-q"),
        Path::new("--line-stats"),
        &p("all.json"),
    ]);
    let one = std::fs::read_to_string(p("out1/p005.txt")).expect("out1");
    let two = std::fs::read_to_string(p("out2/p005.txt")).expect("out2");
    assert_eq!(one, two);
    assert!(!one.contains("Tuesday digest"), "{one}");
}

/// The statistics grow with the corpus's distinct lines, not faster:
/// doubling the pages at most about doubles the table, and a line shared
/// by all pages stays one entry.
#[test]
fn line_statistics_grow_linearly() {
    let size = |n: usize| {
        let mut s = LineStats::default();
        (0..n).for_each(|i| s.add_document(&page(i)));
        s.to_json().len() as f64
    };
    let (a, b, c) = (size(50), size(100), size(200));
    assert!(b / a <= 2.5 && c / b <= 2.5, "{a} {b} {c}");
}
