//! Every TEI file in `output/` and every converted fixture validates against
//! the official `tei_all` schema.
//!
//! The schema is not part of the project (README, "Set-up", says where it
//! comes from): set `EMEND_TEI_ALL` to a `tei_all.rng` (`.ci/run` does;
//! default `../shared/schemas/tei_all.rng` when there is one) and have
//! `jing` on the PATH (Debian package `jing`), or `EMEND_JING` naming it.
//! Without them the test says so on the test output and passes, except
//! under CI (`CI` set), where it fails loudly.

use crate::common::{root, skipped, txt_files};
use emend::emit::Format;
use emend::{Engine, Options};
use std::path::PathBuf;
use std::process::Command;

fn validator() -> Option<(String, PathBuf)> {
    let rng = std::env::var_os("EMEND_TEI_ALL")
        .map(PathBuf::from)
        .or_else(|| Some(root().join("../shared/schemas/tei_all.rng")));
    let jing = std::env::var("EMEND_JING").unwrap_or_else(|_| "jing".into());
    let jing_ok = Command::new(&jing).arg("-h").output().is_ok();
    match rng {
        Some(rng) if rng.exists() && jing_ok => Some((jing, rng)),
        _ => {
            let msg = "TEI validation needs EMEND_TEI_ALL=path/to/tei_all.rng and jing on the PATH";
            assert!(std::env::var_os("CI").is_none(), "{msg}");
            skipped("tei_schema", msg);
            None
        }
    }
}

#[test]
fn outputs_and_fixtures_are_valid_tei_all() {
    let Some((jing, rng)) = validator() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let engine = Engine::new(Options::default()).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    for fixture in txt_files(&root().join("tests/fixtures/convert")) {
        let c = engine
            .convert_bytes("f.txt", &std::fs::read(&fixture).unwrap())
            .unwrap();
        let out = tmp
            .path()
            .join(fixture.with_extension("xml").file_name().unwrap());
        std::fs::write(&out, Format::Tei.render(&c)).unwrap();
        files.push(out);
    }
    files.sort();
    assert!(files.len() >= 3);
    let o = Command::new(&jing)
        .arg(&rng)
        .args(&files)
        .output()
        .expect("jing runs");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "tei_all validation failed:\n{report}");
}
