//! The HTML review report: one self-contained page whose embedded data
//! carries every edit of the conversion with its fingerprint.

use crate::common::emend;
use std::collections::BTreeSet;

const SRC: &str = "Title  here\n\nWar , and  peace “ again”. He said “yes” , she said \"no\".\n\nA closing tag </script><script>alert(1)</script> and <!-- a comment , too.\n";

/// The JSON inside `<script type="application/json" id="emend-data">`.
fn page_data(html: &str) -> serde_json::Value {
    let open = "<script type=\"application/json\" id=\"emend-data\">";
    let start = html.find(open).expect("data script") + open.len();
    let len = html[start..].find("</script>").expect("end of data");
    serde_json::from_str(&html[start..start + len]).expect("data parses")
}

fn report(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.html");
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--html", out.to_str().unwrap()]);
    let o = emend(&all, SRC.as_bytes());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn report_page_is_self_contained() {
    let html = report(&["-"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "page refers outside: {external}");
    }
    // Exactly the two script elements of the page end: the data and the code.
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(html.contains("<\\/script><script>alert(1)<\\/script>"));
}

#[test]
fn report_data_has_every_edit_with_its_fingerprint() {
    let flags = ["--min-confidence", "0.9"];
    let html = report(&["-", flags[0], flags[1]]);
    let data = page_data(&html);
    let j = emend(
        &["diff", "--format", "json", "-", flags[0], flags[1]],
        SRC.as_bytes(),
    );
    let diff: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    let want = diff["edits"].as_array().unwrap();
    let docs = data["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    let got = docs[0]["edits"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    assert!(want.iter().any(|e| e["status"] == "suggested"));
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["fp"], w["fingerprint"]);
        for key in [
            "rule", "category", "status", "before", "after", "line", "column",
        ] {
            assert_eq!(g[key], w[key], "{key}");
        }
    }
    // The chunks give back the source, and place every edit once, in order.
    let mut text = String::new();
    let mut placed = Vec::new();
    for seg in docs[0]["chunks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c.as_array().unwrap())
    {
        match seg {
            serde_json::Value::String(s) => text.push_str(s),
            serde_json::Value::Number(n) => {
                let i = n.as_u64().unwrap() as usize;
                text.push_str(got[i]["before"].as_str().unwrap());
                placed.push(i);
            }
            other => panic!("unexpected segment {other}"),
        }
    }
    assert_eq!(text, SRC);
    assert_eq!(placed, (0..got.len()).collect::<Vec<_>>());
    let rules: BTreeSet<&str> = data["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains("whitespace") && rules.contains("quotes"),
        "{rules:?}"
    );
}

#[test]
fn report_on_a_folder_holds_every_document_and_keeps_prior_decisions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), "One  two.\n").unwrap();
    std::fs::write(dir.join("sub/b.txt"), "Three , four.\n").unwrap();
    std::fs::write(dir.join("skip.md"), "not text  here\n").unwrap();
    let decisions = tmp.path().join("d.json");
    std::fs::write(
        &decisions,
        r#"{"emend_decisions": 1, "rules": [{"rule": "quotes", "decision": "reject"}]}"#,
    )
    .unwrap();
    let out = tmp.path().join("r.html");
    let o = emend(
        &[
            "report",
            dir.to_str().unwrap(),
            "--decisions",
            decisions.to_str().unwrap(),
            "--html",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = page_data(&std::fs::read_to_string(out).unwrap());
    let names: Vec<&str> = data["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with("a.txt") && names[1].ends_with("b.txt"),
        "{names:?}"
    );
    assert_eq!(data["prior"]["rules"][0]["rule"], "quotes");
    assert_eq!(data["decisions_name"], "emend.decisions.json");
}

#[test]
fn report_of_a_missing_file_fails_but_writes_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.txt");
    std::fs::write(&good, "A  b.\n").unwrap();
    let out = tmp.path().join("r.html");
    let o = emend(
        &[
            "report",
            good.to_str().unwrap(),
            tmp.path().join("missing.txt").to_str().unwrap(),
            "--html",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.txt"));
    let data = page_data(&std::fs::read_to_string(out).unwrap());
    assert_eq!(data["docs"].as_array().unwrap().len(), 1);
}

#[test]
fn report_with_decisions_lists_rejected_edits_again() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("d.txt");
    std::fs::write(&src, SRC).unwrap();
    let j = emend(&["diff", "--format", "json", src.to_str().unwrap()], b"");
    let diff: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    let first = &diff["edits"][0];
    let decisions = tmp.path().join("d.json");
    let file = serde_json::json!({"emend_decisions": 1, "edits": [
        {"fingerprint": first["fingerprint"], "decision": "reject"}]});
    std::fs::write(&decisions, file.to_string()).unwrap();
    let out = tmp.path().join("r.html");
    let o = emend(
        &[
            "report",
            src.to_str().unwrap(),
            "--decisions",
            decisions.to_str().unwrap(),
            "--html",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = page_data(&std::fs::read_to_string(out).unwrap());
    let edits = data["docs"][0]["edits"].as_array().unwrap();
    assert_eq!(edits.len(), diff["edits"].as_array().unwrap().len());
    assert_eq!(edits[0]["fp"], first["fingerprint"]);
    assert_eq!(edits[0]["reviewed"], "reject");
    assert_eq!(
        edits[0]["status"], first["status"],
        "status as without the verdict"
    );
}
