//! Hostile input: every case gives valid, well-formed TEI that keeps the
//! text, or a clear error naming the file and the position; a batch goes on.
//! (Sizes are scaled down for debug builds; `scripts/hostile-big` runs the
//! 50 MB line and the million lines against the release binary.)

use crate::common::{emend, squeeze};
use emend::emit::tei;
use emend::{Engine, Options};

fn convert(bytes: &[u8]) -> Result<emend::Conversion, emend::Error> {
    Engine::new(Options::default())
        .unwrap()
        .convert_bytes("hostile.txt", bytes)
}

fn assert_keeps_text(bytes: &[u8]) {
    let c = convert(bytes).expect("converts");
    let xml = tei::to_string(&c);
    let back = emend::restore::from_tei(&xml, "x").expect("well-formed");
    assert_eq!(squeeze(&back), squeeze(&c.source.text));
    let log = emend::emit::json::log(&c);
    let exact = emend::restore::from_edit_log(&log, &c.clean, "x").unwrap();
    assert_eq!(exact, bytes, "edit log restores the exact bytes");
}

#[test]
fn matrix_of_texts_that_must_convert() {
    let long_word = "x".repeat(10_000);
    let many_lines = "a\n".repeat(100_000);
    let long_line = "word ".repeat(400_000);
    let marks = format!("a{}", "\u{301}".repeat(2_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("only whitespace", b"  \n\t\n\r\n   ".to_vec()),
        ("mixed line endings", b"Title\r\n\r\nOne\rtwo\nthree\r\n\nfour".to_vec()),
        ("xml specials", b"<a>&amp; ]]> <!DOCTYPE x [<!ENTITY e \"x\">]> &e; <?pi?> <!-- c -->".to_vec()),
        ("c0 and c1 controls", "a\u{1}b\u{7f}c\u{85}d\u{9f}e\u{c}".as_bytes().to_vec()),
        ("noncharacters", "a\u{FFFE}b\u{FFFF}c\u{FDD0}d\u{10FFFF}".as_bytes().to_vec()),
        ("combining runs", marks.as_bytes().to_vec()),
        ("bidi", "שלום \u{202E}evil\u{202C} مرحبا \u{2067}x\u{2069}".as_bytes().to_vec()),
        ("emoji zwj", "👩‍👩‍👧‍👦 🏳️‍🌈 🇦🇿🇦🇲".as_bytes().to_vec()),
        ("10k-character word", long_word.into_bytes()),
        ("100k one-character lines", many_lines.into_bytes()),
        ("2 MB single line", long_line.into_bytes()),
        ("tei already", b"<?xml version=\"1.0\"?><TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body></text></TEI>".to_vec()),
        ("html already", b"<!DOCTYPE html><html><body><p>Hi &nbsp; there</p><script>alert(1)</script></body></html>".to_vec()),
    ];
    for (name, bytes) in cases {
        eprintln!("case: {name}");
        assert_keeps_text(&bytes);
    }
}

#[test]
fn utf16_without_bom_and_lone_surrogates() {
    let le: Vec<u8> = "Şuşa and Ganja"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(convert(&le).unwrap().source.text, "Şuşa and Ganja");
    // a lone surrogate in UTF-16 with a BOM: an error naming the position
    let mut bad = vec![0xFF, 0xFE];
    bad.extend("ab".encode_utf16().flat_map(u16::to_le_bytes));
    bad.extend([0x00, 0xD8]); // lone high surrogate
    bad.extend("cd".encode_utf16().flat_map(u16::to_le_bytes));
    let err = convert(&bad).unwrap_err().to_string();
    assert!(
        err.contains("hostile.txt") && err.contains("invalid UTF-16LE"),
        "{err}"
    );
}

#[test]
fn errors_name_file_and_position_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let inp = tmp.path().join("in dir ü");
    std::fs::create_dir_all(&inp).unwrap();
    std::fs::write(inp.join("a good one.txt"), "Fine text.").unwrap();
    std::fs::write(inp.join("binary.txt"), b"PK\x03\x04\x00\x00zip").unwrap();
    let mut damaged = "Məmmədov said “yes”.\nSecond line ".as_bytes().to_vec();
    damaged.extend([0xC3, 0x28]);
    std::fs::write(inp.join("damaged.txt"), &damaged).unwrap();
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
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("binary.txt: binary data (NUL byte at byte 4)"),
        "{err}"
    );
    assert!(
        err.contains("damaged.txt:2:13: invalid UTF-8 at byte"),
        "{err}"
    );
    assert!(out.join("a good one.xml").exists());
    assert!(!out.join("damaged.xml").exists() && !out.join("binary.xml").exists());
}

#[test]
fn an_unwritable_output_folder_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    let blocker = tmp.path().join("not-a-dir");
    std::fs::write(&blocker, "file in the way").unwrap();
    let out = blocker.join("out");
    let o = emend(&["convert", "-", "--out", out.to_str().unwrap()], b"text");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not-a-dir"));
}

/// Unmounts the small tmpfs when the test ends, pass or fail.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_fails_cleanly_without_partial_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let disk = tmp.path().join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&disk)
        .output();
    if !mounted.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    let _guard = Mounted(disk.clone());
    let input = tmp.path().join("big.txt");
    std::fs::write(
        &input,
        "A paragraph of ordinary text , with a space to fix.\n\n".repeat(4000),
    )
    .unwrap();
    let small = tmp.path().join("small.txt");
    std::fs::write(&small, "Short.").unwrap();
    let o = emend(
        &[
            "convert",
            small.to_str().unwrap(),
            input.to_str().unwrap(),
            "--out",
            disk.to_str().unwrap(),
            "-j",
            "1",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("big") && err.contains("No space left"),
        "{err}"
    );
    for entry in std::fs::read_dir(&disk).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.ends_with(".tmp"),
            "temporary file left behind: {name}"
        );
        if name.ends_with(".xml") {
            let xml = std::fs::read_to_string(&path).unwrap();
            assert!(xml.ends_with("</TEI>\n"), "{name} is cut short");
        }
    }
    assert!(
        disk.join("small.xml").exists(),
        "the input that fits is still converted"
    );
}
