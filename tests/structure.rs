//! Document structure fixtures: each `tests/fixtures/structure/NAME.txt` is
//! converted and checked against `NAME.expect`, one expectation a line:
//!
//! - `+ SNIPPET`: the TEI contains SNIPPET;
//! - `- SNIPPET`: the TEI does not contain it;
//! - `clean+ TEXT` / `clean- TEXT`: the clean text does / does not contain it;
//! - `#` starts a comment.
//!
//! Every fixture's TEI must also give back the source's characters.
//! Adding a case is adding two files.

use std::path::Path;

fn check(txt: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(txt).expect("fixture readable");
    let expect =
        std::fs::read_to_string(txt.with_extension("expect")).expect("NAME.expect beside NAME.txt");
    let name = txt.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    let c = emend::convert_text(name, &text);
    let tei = emend::emit::tei::to_string(&c);
    let mut failures = Vec::new();
    for line in expect
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (op, want) = line.split_once(' ').unwrap_or((line, ""));
        let ok = match op {
            "+" => tei.contains(want),
            "-" => !tei.contains(want),
            "clean+" => c.clean.contains(want),
            "clean-" => !c.clean.contains(want),
            _ => false,
        };
        if !ok {
            failures.push(format!("{name}: {line}"));
        }
    }
    let back = emend::restore::from_tei(&tei, name).expect("TEI restores");
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    if squeeze(&back) != squeeze(&text) {
        failures.push(format!("{name}: restore from TEI lost or added characters"));
    }
    if !failures.is_empty() {
        eprintln!("---- TEI of {name} ----\n{tei}");
    }
    failures
}

#[test]
fn structure_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/structure");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let failures: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
