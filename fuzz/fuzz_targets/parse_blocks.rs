//! Any text parses into blocks that keep the parser's invariants, and the
//! whole conversion renders TEI that restores to the same characters.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = emend::parse::parse(&text);
    if let Err(e) = emend::parse::check_invariants(&text, &doc) {
        panic!("{e}");
    }
    if data.len() <= 4096 {
        let c = emend::convert_text("fuzz.txt", &text);
        let tei = emend::emit::tei::to_string(&c);
        let back = emend::restore::from_tei(&tei, "fuzz.xml").expect("emend's own TEI restores");
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&back), squeeze(&text));
    }
});
