//! `emend packs learn`: a phrase pack of MT-isms learned from machine
//! translations against human text, loaded back by `convert --lexicon`.

use crate::common::emend;
use std::path::Path;

/// Writes `docs` as `DIR/docK.txt`.
fn version(dir: &Path, docs: &[&str]) {
    std::fs::create_dir_all(dir).unwrap();
    for (k, d) in docs.iter().enumerate() {
        std::fs::write(dir.join(format!("doc{k}.txt")), d).unwrap();
    }
}

#[test]
fn learns_a_pack_that_convert_loads_and_only_proposes() {
    let tmp = tempfile::tempdir().unwrap();
    let machine = [
        "We praised the epidemic prevention work of the town, and the people agreed.\n",
        "Officials said the epidemic prevention work went on, as they planned.\n",
    ];
    let human = [
        "We praised the epidemic control work of the town, and the people agreed.\n",
        "Officials said the epidemic control work went on, as they planned.\n",
        "Nobody doubted the epidemic control work, or the people behind it.\n",
    ];
    let mut args = vec![
        "packs".to_owned(),
        "learn".to_owned(),
        "--machine".to_owned(),
    ];
    for s in ["a", "b", "c"] {
        let dir = tmp.path().join(s);
        version(&dir, &machine);
        args.push(dir.display().to_string());
    }
    version(&tmp.path().join("ref"), &human);
    let pack = tmp.path().join("learned.toml");
    for a in ["--human", "ref", "--out", "learned.toml"] {
        args.push(match a {
            "ref" | "learned.toml" => tmp.path().join(a).display().to_string(),
            _ => a.to_owned(),
        });
    }
    args.extend(["--min-count", "3", "--min-docs", "2", "--min-ratio", "1"].map(str::to_owned));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = emend(&argv, b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(text.contains("epidemic control"), "{text}");

    let doc = tmp.path().join("new.txt");
    std::fs::write(
        &doc,
        "Volunteers joined the epidemic prevention work in May.\n",
    )
    .unwrap();
    let out = emend(
        &[
            "convert",
            &doc.display().to_string(),
            "--lexicon",
            &pack.display().to_string(),
            "--to",
            "json",
        ],
        b"",
    );
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&log).unwrap();
    let learned: Vec<&serde_json::Value> = v["edits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["rule"].as_str().unwrap().starts_with("phrases/mt-ism-"))
        .collect();
    assert!(!learned.is_empty(), "{log}");
    assert!(learned.iter().all(|e| e["status"] == "suggested"), "{log}");
}
