//! Review workflow: diff formats, decisions that stick, terminal review.

use crate::common::emend;

const SRC: &str = "Title  here\n\nWar , and  peace “ again”.\n\nA second paragraph , with more.\n";

/// `emend convert SRC --to FORMAT --decisions DECISIONS`.
fn convert_with_decisions(src: &str, format: &str, decisions: &str) -> std::process::Output {
    emend(
        &["convert", src, "--to", format, "--decisions", decisions],
        b"",
    )
}

fn write_src(dir: &std::path::Path) -> std::path::PathBuf {
    let p = dir.join("doc.txt");
    std::fs::write(&p, SRC).unwrap();
    p
}

#[test]
fn unified_diff_applies_to_the_source_with_patch() {
    let tmp = tempfile::tempdir().unwrap();
    let src = write_src(tmp.path());
    let o = emend(&["diff", "--format", "unified", src.to_str().unwrap()], b"");
    assert!(o.status.success());
    let patch_file = tmp.path().join("p.diff");
    std::fs::write(&patch_file, &o.stdout).unwrap();
    let clean = emend(&["convert", src.to_str().unwrap(), "--to", "text"], b"");
    let applied = std::process::Command::new("patch")
        .args([
            "-o",
            "-",
            src.to_str().unwrap(),
            patch_file.to_str().unwrap(),
        ])
        .output();
    match applied {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(out.stdout, clean.stdout);
        }
        Err(_) => eprintln!("skipped: `patch` is not installed"),
    }
}

#[test]
fn terminal_diff_is_plain_when_not_a_tty_and_json_lists_fingerprints() {
    let tmp = tempfile::tempdir().unwrap();
    let src = write_src(tmp.path());
    let o = emend(&["diff", src.to_str().unwrap()], b"");
    let t = String::from_utf8_lossy(&o.stdout);
    assert!(!t.contains('\x1b'), "no colour into a pipe");
    assert!(
        t.contains("=== changes by rule") && t.contains("whitespace"),
        "{t}"
    );
    let j = emend(&["diff", "--format", "json", src.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    let edits = v["edits"].as_array().unwrap();
    assert!(!edits.is_empty());
    assert!(
        edits
            .iter()
            .all(|e| e["fingerprint"].as_str().is_some_and(|f| f.len() == 16))
    );
}

#[test]
fn rejecting_everything_gives_the_source_back_as_clean_text() {
    let tmp = tempfile::tempdir().unwrap();
    let src = write_src(tmp.path());
    let j = emend(&["diff", "--format", "json", src.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    let rules: std::collections::BTreeSet<&str> = v["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap())
        .collect();
    let decisions = serde_json::json!({
        "emend_decisions": 1,
        "rules": rules.iter().map(|r| serde_json::json!({"rule": r, "decision": "reject"})).collect::<Vec<_>>(),
    });
    let dfile = tmp.path().join("d.json");
    std::fs::write(&dfile, decisions.to_string()).unwrap();
    let clean = convert_with_decisions(src.to_str().unwrap(), "text", dfile.to_str().unwrap());
    assert!(clean.status.success());
    assert_eq!(String::from_utf8_lossy(&clean.stdout), SRC);
}

#[test]
fn terminal_review_writes_decisions_that_the_next_run_uses() {
    let tmp = tempfile::tempdir().unwrap();
    let src = write_src(tmp.path());
    let dfile = tmp.path().join("doc.decisions.json");
    // reject the first edit, accept the second, quit
    let o = emend(&["review", "--all", src.to_str().unwrap()], b"n\ny\nq\n");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Accept this edit [y,n,s,a,d,q,?]?"));
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dfile).unwrap()).unwrap();
    let edits = d["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0]["decision"], "reject");
    assert_eq!(edits[1]["decision"], "accept");
    // the rejected edit is not applied any more; the TEI names the decisions file
    let tei = convert_with_decisions(src.to_str().unwrap(), "tei", dfile.to_str().unwrap());
    let tei = String::from_utf8_lossy(&tei.stdout);
    assert!(tei.contains("xml:id=\"decisions\""), "{tei}");
    let log = convert_with_decisions(src.to_str().unwrap(), "json", dfile.to_str().unwrap());
    assert!(
        String::from_utf8_lossy(&log.stdout).contains("\"reviewed\": \"accept\""),
        "the log marks the accepted edit"
    );
    let text = convert_with_decisions(src.to_str().unwrap(), "text", dfile.to_str().unwrap());
    assert!(
        String::from_utf8_lossy(&text.stdout).starts_with("Title  here"),
        "first edit rejected"
    );
    // resuming asks only about what is left
    let first = String::from_utf8_lossy(&o.stdout).into_owned();
    let total: usize = first
        .split("(1/")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let again = emend(&["review", "--all", src.to_str().unwrap()], b"q\n");
    let again = String::from_utf8_lossy(&again.stdout);
    assert!(
        again.contains(&format!("(1/{})", total - 2)),
        "decided edits are not asked again: {again}"
    );
}

#[test]
fn unknown_fingerprints_are_reported_not_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    let src = write_src(tmp.path());
    let dfile = tmp.path().join("d.json");
    std::fs::write(&dfile, r#"{"emend_decisions": 1, "edits": [{"fingerprint": "0123456789abcdef", "decision": "accept"}]}"#).unwrap();
    let o = convert_with_decisions(src.to_str().unwrap(), "text", dfile.to_str().unwrap());
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("0123456789abcdef"));
}

#[test]
fn review_goes_through_a_folder_into_one_decisions_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("docs");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), SRC).unwrap();
    std::fs::write(dir.join("b.txt"), "Other  words , here.\n").unwrap();
    let dir = dir.to_str().unwrap();
    // several documents need the one decisions file named
    let o = emend(&["review", "--all", dir], b"q\n");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--decisions"));
    let file = tmp.path().join("corpus.decisions.json");
    let answers = "n\n".repeat(40);
    let o = emend(
        &[
            "review",
            "--all",
            dir,
            "--decisions",
            file.to_str().unwrap(),
        ],
        answers.as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(
        shown.contains("a.txt (1/2)") && shown.contains("b.txt (2/2)"),
        "{shown}"
    );
    let d: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let befores: Vec<&str> = d["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["before"].as_str().unwrap())
        .collect();
    assert!(befores.len() >= 4, "{befores:?}");
    // a quit in the first document ends the review
    let file2 = tmp.path().join("quit.decisions.json");
    let o = emend(
        &[
            "review",
            "--all",
            dir,
            "--decisions",
            file2.to_str().unwrap(),
        ],
        b"n\nq\n",
    );
    assert!(!String::from_utf8_lossy(&o.stdout).contains("b.txt (2/2)"));
}

#[test]
fn review_asks_about_the_edits_of_the_lexicons_and_packs_given() {
    let tmp = tempfile::tempdir().unwrap();
    let lexicon = tmp.path().join("mine.toml");
    std::fs::write(
        &lexicon,
        "[pack]\nname = \"mine\"\ndescription = \"d\"\n\n[[entity]]\nid = \"ann-lee\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\nvariants = [\"Ann Leigh\"]\n",
    )
    .unwrap();
    let src = tmp.path().join("doc.txt");
    std::fs::write(&src, "Ann Leigh met the committee in the morning.\n").unwrap();
    let review = |extra: &[&str]| {
        let mut args = vec!["review", "--all", src.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = emend(&args, "n\n".repeat(10).as_bytes());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(review(&["--lexicon", lexicon.to_str().unwrap()]).contains("Ann Lee"));
    std::fs::remove_file(src.with_extension("decisions.json")).unwrap();
    assert!(!review(&["--no-packs"]).contains("Ann Lee"));
}
