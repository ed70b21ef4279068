//! The command line: formats, batch output, restore, exit codes.

use crate::common::{emend, root};

#[test]
fn single_input_from_stdin_writes_each_format() {
    let src = "A  Title\n\nText , here.\n";
    let text = emend(&["convert", "-", "--to", "text"], src.as_bytes());
    assert!(text.status.success());
    assert_eq!(
        String::from_utf8_lossy(&text.stdout),
        "A Title\n\nText, here.\n"
    );
    let json = emend(&["convert", "-", "--to", "json"], src.as_bytes());
    let log: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(log["source"], "-");
    assert_eq!(log["edits"].as_array().map(Vec::len), Some(2));
    let tei = emend(&["convert", "-"], src.as_bytes());
    assert!(String::from_utf8_lossy(&tei.stdout).starts_with("<?xml"));
}

#[test]
fn batch_mirrors_folders_and_restores_exact_bytes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let inp = tmp.path().join("in");
    std::fs::create_dir_all(inp.join("sub dir")).unwrap();
    let src = "Title\r\n\r\nSome  text\u{A0}here , and “ more”.\r\n";
    std::fs::write(inp.join("sub dir/ä b.txt"), src).unwrap();
    std::fs::write(inp.join("skip.md"), "not converted").unwrap();
    let out = tmp.path().join("out");
    let o = emend(
        &[
            "convert",
            inp.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stem = out.join("sub dir/ä b");
    for ext in ["xml", "txt", "edits.json"] {
        assert!(
            stem.with_extension(ext).exists() || out.join(format!("sub dir/ä b.{ext}")).exists(),
            "{ext}"
        );
    }
    assert!(!out.join("skip.xml").exists());
    let clean = out.join("sub dir/ä b.txt");
    let log = out.join("sub dir/ä b.edits.json");
    let back = emend(
        &[
            "restore",
            "--edits",
            log.to_str().unwrap(),
            clean.to_str().unwrap(),
        ],
        b"",
    );
    assert!(back.status.success());
    assert_eq!(back.stdout, src.as_bytes());
    let from_tei = emend(
        &["restore", out.join("sub dir/ä b.xml").to_str().unwrap()],
        b"",
    );
    assert_eq!(
        crate::common::squeeze(&String::from_utf8_lossy(&from_tei.stdout)),
        crate::common::squeeze(src)
    );
}

#[test]
fn a_binary_file_fails_alone_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("a.txt"), "Good text.").unwrap();
    std::fs::write(tmp.path().join("b.txt"), b"\x7fELF\x00\x00\x01binary").unwrap();
    let out = tmp.path().join("out");
    let o = emend(
        &[
            "convert",
            tmp.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("b.txt") && err.contains("NUL byte at byte 4"),
        "{err}"
    );
    assert!(out.join("a.xml").exists());
    assert!(!out.join("b.xml").exists(), "no output for a failed input");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(emend(&["convert"], b"").status.code(), Some(2));
    assert_eq!(
        emend(&["convert", "-", "--to", "pdf"], b"").status.code(),
        Some(2)
    );
    assert_eq!(
        emend(&["convert", "input"], b"").status.code(),
        Some(2),
        "a folder needs --out"
    );
    assert_eq!(emend(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(
        emend(&["convert", "-", "--min-confidence", "1.5"], b"x")
            .status
            .code(),
        Some(2)
    );
    let bad_label = emend(&["convert", "-", "--encoding", "klingon"], b"x");
    assert_eq!(bad_label.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_label.stderr).contains("--encoding klingon"));
}

#[test]
fn help_documents_exit_codes() {
    let o = emend(&["convert", "--help"], b"");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Exit status: 0"));
}

#[test]
fn restore_rejects_a_log_that_does_not_fit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let json = emend(&["convert", "-", "--to", "json"], b"A  b");
    std::fs::write(tmp.path().join("log.json"), &json.stdout).unwrap();
    std::fs::write(tmp.path().join("clean.txt"), "something else entirely").unwrap();
    let o = emend(
        &[
            "restore",
            "--edits",
            tmp.path().join("log.json").to_str().unwrap(),
            tmp.path().join("clean.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not match"));
    let _ = root();
}

#[test]
fn mistakes_get_one_clear_message_each() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = |name: &str| tmp.path().join(name).to_str().unwrap().to_owned();
    // a folder without .txt files: said, and a failure
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    std::fs::write(tmp.path().join("empty/notes.md"), "not text").unwrap();
    let o = emend(&["convert", &dir("empty"), "--out", &dir("out")], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("no .txt file in this folder"), "{err}");
    // a missing file: its OS error once, with its name
    let missing = dir("missing.txt");
    for args in [
        vec!["convert", missing.as_str()],
        vec!["convert", missing.as_str(), "--out", &dir("out")],
        vec!["diff", missing.as_str()],
    ] {
        let o = emend(&args, b"");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.matches("os error 2").count(), 1, "{args:?}: {err}");
        assert!(err.contains(&missing), "{args:?}: {err}");
    }
    // --out naming a file: a usage error that says what --out is
    std::fs::write(tmp.path().join("a.txt"), "Some text.\n").unwrap();
    std::fs::write(tmp.path().join("taken"), "").unwrap();
    let o = emend(&["convert", &dir("a.txt"), "--out", &dir("taken")], b"");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("--out names the folder"), "{err}");
}

#[test]
fn completions_and_manual_page() {
    for shell in ["bash", "zsh", "fish"] {
        let o = emend(&["completions", shell], b"");
        let script = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{shell}");
        for command in ["convert", "restore", "review"] {
            assert!(script.contains(command), "{shell} completes {command}");
        }
    }
    let o = emend(&["man"], b"");
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success());
    assert!(page.contains(".TH emend 1"), "{page}");
    assert!(page.contains("convert"), "{page}");
}
