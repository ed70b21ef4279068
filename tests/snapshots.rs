//! Snapshots of every output format (TEI, clean text, edit log, terminal diff,
//! unified patch) for the fixtures in `tests/fixtures/convert/`.
//! Review changes with `cargo insta review`; CI never accepts them.

use crate::common::{root, txt_files};
use emend::emit::Format;
use emend::{Engine, Options};

#[test]
fn fixtures_convert_as_recorded() {
    let engine = Engine::new(Options::default()).expect("engine");
    let dir = root().join("tests/fixtures/convert");
    for path in txt_files(&dir) {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let c = engine
            .convert_bytes(&format!("{stem}.txt"), &bytes)
            .expect("fixture converts");
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(root().join("tests/snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| {
            insta::assert_snapshot!(format!("{stem}.xml"), Format::Tei.render(&c));
            insta::assert_snapshot!(format!("{stem}.txt"), Format::Text.render(&c));
            insta::assert_snapshot!(format!("{stem}.edits.json"), Format::Json.render(&c));
            insta::assert_snapshot!(
                format!("{stem}.diff"),
                emend::emit::diff::terminal(&c, false)
            );
            insta::assert_snapshot!(format!("{stem}.patch"), emend::emit::diff::unified(&c));
        });
    }
}
