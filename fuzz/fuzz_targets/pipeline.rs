//! Any bytes through the whole engine (built-in packs loaded): the TEI passes
//! `emend check` (well-formed, valid against emend's TEI subset, pointers
//! resolve, restores) and the edit log is JSON.
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
    let problems = emend::check::check(&tei, "fuzz.xml");
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        panic!("emend's TEI fails its own check:\n{}\n{tei}", list.join("\n"));
    }
    let json = emend::emit::json::to_string(&c);
    serde_json::from_str::<serde_json::Value>(&json).expect("the edit log is JSON");
});
