//! JSON Lines in and out (`convert --from jsonl`): one record a line, in
//! order, `id` kept, the same conversion as one document at a time, a bad
//! line an error record while the stream goes on.

use crate::common::{emend, root, txt_files};
use serde_json::{Value, json};

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The project's own inputs as a JSON Lines stream, ids their file names.
fn stream() -> (Vec<(String, String)>, String) {
    let docs: Vec<(String, String)> = [
        "input",
        "tests/fixtures/convert",
        "tests/fixtures/artefacts",
    ]
    .iter()
    .flat_map(|dir| txt_files(&root().join(dir)))
    .filter_map(|p| {
        let text = std::fs::read_to_string(&p).ok()?;
        Some((p.file_name()?.to_string_lossy().into_owned(), text))
    })
    .take(12)
    .collect();
    let lines = docs
        .iter()
        .map(|(id, text)| json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    (docs, lines)
}

#[test]
fn each_line_converts_as_its_document_alone_in_order() {
    let (docs, lines) = stream();
    assert!(docs.len() >= 5, "the project's inputs");
    let o = emend(
        &["convert", "--from", "jsonl", "-", "-j", "2"],
        lines.as_bytes(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got = records(&o.stdout);
    assert_eq!(got.len(), docs.len(), "one record a line");
    for ((id, text), rec) in docs.iter().zip(&got) {
        assert_eq!(rec["id"], json!(id), "in input order, id kept");
        let alone = emend(&["convert", "-", "--to", "jsonl"], text.as_bytes());
        let alone = records(&alone.stdout).remove(0);
        // the TEI names its source: the id here, `-` for standard input
        let tei = rec["tei"].as_str().unwrap().replace(id.as_str(), "-");
        assert_eq!(tei, alone["tei"].as_str().unwrap(), "{id}: same TEI");
        for field in ["clean", "edits", "entities", "profile"] {
            assert_eq!(rec[field], alone[field], "{id}: same {field}");
        }
    }
}

#[test]
fn a_bad_line_gives_an_error_record_with_its_number_and_the_stream_goes_on() {
    let input = "{\"id\": 7, \"text\": \"One  doc.\"}\n{\"id\": 8, \"text\": \n[1]\n{\"id\": \"z\", \"text\": \"Last , one.\"}\n";
    let o = emend(
        &["convert", "--from", "jsonl", "-", "--no-tei"],
        input.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(1), "some record failed");
    let got = records(&o.stdout);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0]["clean"], "One doc.");
    assert_eq!(
        (got[1]["line"].clone(), got[2]["line"].clone()),
        (json!(2), json!(3))
    );
    assert!(got[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(got[3]["id"], "z");
    assert_eq!(got[3]["clean"], "Last, one.");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("-: line 2:") && stderr.contains("-: line 3:"),
        "{stderr}"
    );
}

#[test]
fn files_are_streams_read_one_after_the_other() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.jsonl");
    let b = tmp.path().join("b.jsonl");
    std::fs::write(
        &a,
        "{\"id\": 1, \"text\": \"A .\"}\n{\"id\": 2, \"text\": \"B .\"}\n",
    )
    .unwrap();
    std::fs::write(&b, "{\"text\": \"C .\"}\n").unwrap();
    let o = emend(
        &[
            "convert",
            "--from",
            "jsonl",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--no-tei",
        ],
        b"",
    );
    assert!(o.status.success());
    let got = records(&o.stdout);
    let clean: Vec<&str> = got.iter().map(|r| r["clean"].as_str().unwrap()).collect();
    assert_eq!(clean, ["A.", "B.", "C."]);
    assert_eq!(
        got[2]["source"],
        format!("{}:1", b.display()),
        "no id: named by file and line"
    );
    let usage = emend(&["convert", "--from", "jsonl", "-", "--to", "text"], b"");
    assert_eq!(usage.status.code(), Some(2));
}
