//! Regressions, each named after the input that broke what. Fuzz crashes
//! land here as plain tests (see fuzz/README.md).

use emend::{Engine, Options, Source};

/// fuzz `decode`: chardetng guessed Big5 for Latin text with a stray
/// 0xA0 byte; the pair A0 44 decodes to U+75D3, which the Big5 encoder
/// writes as "&#30147;", so the edit log could not restore the exact bytes.
/// A legacy decoding that does not encode back is now an error naming the
/// byte, like any other undecodable input.
#[test]
fn big5_pair_that_does_not_encode_back_is_an_error_not_a_lossy_restore() {
    let mut bytes = b"Regional Water Policy ".to_vec();
    bytes.extend([0xBE; 20]);
    bytes.extend_from_slice(
        b"s need joint ruleStk\xa0Data are at https://example.org/data (see table 2).\r\n\r\n\
          Contact: editor@example.org\r\n\r\nConclusion\r\n\r\nCoopera4ion pays off , as the cases s\nCo.\r\n",
    );
    for forced in [None, Some("big5")] {
        match Source::decode("big5.txt", &bytes, forced) {
            Ok(s) => assert_eq!(
                Source::encode(&s.text, s.encoding, s.bom),
                bytes,
                "decoded as {} but the bytes do not come back",
                s.encoding
            ),
            Err(e) => {
                let msg = e.to_string();
                assert!(msg.starts_with("big5.txt:1:"), "{msg}");
                assert!(msg.contains("--encoding"), "{msg}");
            }
        }
    }
    // Whatever decodes, the edit log gives the exact bytes back.
    let engine = Engine::new(Options::default()).unwrap();
    if let Ok(c) = engine.convert_bytes("big5.txt", &bytes) {
        let log = emend::emit::json::log(&c);
        let back = emend::restore::from_edit_log(&log, &c.clean, "x").unwrap();
        assert_eq!(back, bytes);
    }
}
