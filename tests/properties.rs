//! Invariants over arbitrary input: nothing lost, deterministic, idempotent,
//! well-formed, never a panic.

use crate::common::squeeze;
use emend::emit::{json, tei};
use emend::{Engine, Options, Source};
use proptest::prelude::*;

fn engine() -> Engine {
    Engine::new(Options::default()).expect("engine")
}

/// Text built from pieces that stress the pipeline: XML specials, CDATA ends,
/// controls, combining marks, RTL and bidi controls, emoji with ZWJ, quotes,
/// blank lines and CRs.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Naka".to_owned()),
        Just(" ".to_owned()),
        Just("  ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("<&>\"'".to_owned()),
        Just("]]>".to_owned()),
        Just("<!DOCTYPE x>&amp;".to_owned()),
        Just("\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFF}\u{FFFE}".to_owned()),
        Just("\u{85}\u{9F}".to_owned()),
        Just("e\u{301}\u{302}\u{303}".to_owned()),
        Just("שלום עולם \u{202E}abc\u{202C}".to_owned()),
        Just("👩‍👩‍👧 🇦🇿".to_owned()),
        Just("“ quoted ” \"straight\" it's ‘x’".to_owned()),
        Just(" , . ; ".to_owned()),
        Just("\u{A0}\u{200B}\u{FEFF}".to_owned()),
        Just("https://x.az/a_(b)".to_owned()),
        Just("mail@x.az".to_owned()),
        Just("**bold** *it* [t](#)".to_owned()),
        "[A-Za-z]{1,12}".prop_map(|s| s),
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    // 256 random cases by default (CI fixes PROPTEST_RNG_SEED); a deep run:
    // PROPTEST_CASES=100000 cargo test --release --test tests properties
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn edit_log_restores_exact_source(text in tricky_text()) {
        let c = engine().convert(Source::from_text("p", text.clone()));
        let log = json::log(&c);
        let bytes = emend::restore::from_edit_log(&log, &c.clean, "p").expect("log fits");
        prop_assert_eq!(String::from_utf8(bytes).unwrap(), text);
    }

    #[test]
    fn tei_keeps_every_non_space_character_and_parses(text in tricky_text()) {
        let c = engine().convert(Source::from_text("p", text.clone()));
        let xml = tei::to_string(&c);
        let mut reader = quick_xml::Reader::from_str(&xml);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => prop_assert!(false, "not well-formed: {e}\n{xml}"),
            }
        }
        let back = emend::restore::from_tei(&xml, "p.xml").expect("restores");
        prop_assert_eq!(squeeze(&back), squeeze(&text));
    }

    #[test]
    fn conversion_is_deterministic(text in tricky_text()) {
        let a = engine().convert(Source::from_text("p", text.clone()));
        let b = engine().convert(Source::from_text("p", text));
        prop_assert_eq!(tei::to_string(&a), tei::to_string(&b));
        prop_assert_eq!(json::to_string(&a), json::to_string(&b));
    }

    #[test]
    fn every_rule_is_idempotent(text in tricky_text()) {
        let once = engine().convert(Source::from_text("p", text));
        let twice = engine().convert(Source::from_text("p", once.clean.clone()));
        let again: Vec<_> = twice.edits.iter().filter(|e| e.is_applied()).collect();
        prop_assert!(again.is_empty(), "second pass changed {:?}", again);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(c) = engine().convert_bytes("p", &bytes) {
            let _ = tei::to_string(&c);
        }
    }
}
