//! Nothing is lost: the TEI of any text restores every non-whitespace
//! character in order, and the edit log with the clean text restores the
//! exact source bytes.
#![no_main]

use emend::{Engine, Options};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Options::default()).expect("built-in packs load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(c) = engine().convert_bytes("fuzz.txt", data) else { return };
    let tei = emend::emit::tei::to_string(&c);
    let back = emend::restore::from_tei(&tei, "fuzz.xml").expect("emend's own TEI restores");
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squeeze(&back), squeeze(&c.source.text), "TEI lost or added characters");
    let log = emend::emit::json::log(&c);
    let exact = emend::restore::from_edit_log(&log, &c.clean, "fuzz.edits.json").expect("edit log restores");
    assert_eq!(exact, data, "edit log does not give back the exact bytes");
});
