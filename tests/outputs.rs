//! `output/` must be what the current code makes of `input/`.

use crate::common::{root, txt_files};
use emend::emit::Format;
use emend::{Engine, Options};

#[test]
fn output_folder_is_current() {
    let engine = Engine::new(Options::default()).expect("engine");
    let inputs = txt_files(&root().join("input"));
    assert!(!inputs.is_empty(), "input/ holds the sample texts");
    let mut stale = Vec::new();
    for input in inputs {
        let bytes = std::fs::read(&input).expect("read input");
        let name = format!("input/{}", input.file_name().unwrap().to_string_lossy());
        let c = engine
            .convert_bytes(&name, &bytes)
            .expect("sample converts");
        let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = [
            ("xml", Format::Tei.render(&c)),
            ("txt", Format::Text.render(&c)),
            (
                "edits.json",
                emend::emit::json::to_string_with_build(&c, &engine.build_id()),
            ),
        ];
        for (ext, rendered) in expected {
            let path = root().join("output").join(format!("{stem}.{ext}"));
            if std::fs::read_to_string(&path).unwrap_or_default() != rendered {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "output/ is stale; run `cargo run --release -- convert input/ --out output/ --force`: {stale:?}"
    );
}
