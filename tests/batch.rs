//! Batches: parallel conversion that does not depend on the number of jobs,
//! up-to-date skipping, JSON Lines streaming.

use crate::common::emend;
use std::path::Path;

fn corpus(dir: &Path) {
    for i in 0..12 {
        let sub = dir.join(format!("part{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        let text = format!(
            "Report {i}\n\nThe talks , held in round {i}, went on  for hours.\n\n“ Quote {i}”.\n"
        );
        std::fs::write(sub.join(format!("doc{i:02}.txt")), text).unwrap();
    }
}

fn read_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn outputs_do_not_depend_on_the_number_of_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    corpus(&inp);
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    for (dir, jobs) in [(&one, "1"), (&two, "2")] {
        let o = emend(
            &[
                "convert",
                inp.to_str().unwrap(),
                "--out",
                dir.to_str().unwrap(),
                "-j",
                jobs,
            ],
            b"",
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (a, b) = (read_tree(&one), read_tree(&two));
    assert_eq!(a.len(), 36);
    assert_eq!(a, b);
}

#[test]
fn up_to_date_outputs_are_skipped_unless_forced_or_options_change() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    corpus(&inp);
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "convert",
            inp.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        String::from_utf8_lossy(&emend(&args, b"").stderr).into_owned()
    };
    assert!(run(&[]).contains("12 converted"));
    assert!(run(&[]).contains("0 converted") && run(&[]).contains("12 up to date"));
    assert!(run(&["--force"]).contains("12 converted"));
    assert!(
        run(&["--quotes", "straight"]).contains("12 converted"),
        "other options, other outputs"
    );
    assert!(run(&["-q"]).is_empty(), "quiet prints nothing on success");
}

#[test]
fn jsonl_streams_one_record_per_document_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in");
    corpus(&inp);
    let o = emend(
        &[
            "convert",
            inp.to_str().unwrap(),
            "--to",
            "jsonl",
            "--no-tei",
            "-j",
            "2",
        ],
        b"",
    );
    assert!(o.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 12);
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l["source"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "records come in input order");
    assert!(
        lines
            .iter()
            .all(|l| l.get("tei").is_none() && l["clean"].as_str().unwrap().contains("The talks,"))
    );
    let with_tei = emend(&["convert", "-", "--to", "jsonl"], b"One  doc.");
    let rec: serde_json::Value = serde_json::from_slice(&with_tei.stdout).unwrap();
    assert!(rec["tei"].as_str().unwrap().starts_with("<?xml"));
}
