//! Any bytes either decode, and encode back to exactly the same bytes (the
//! edit log's exact restore depends on it), or give a typed error; never a
//! panic. The first byte picks a forced encoding now and then.
#![no_main]

use emend::Source;
use libfuzzer_sys::fuzz_target;

const LABELS: &[&str] = &["utf-8", "windows-1251", "windows-1252", "utf-16le", "utf-16be", "koi8-r", "gb18030"];

fuzz_target!(|data: &[u8]| {
    let forced = match data.first() {
        Some(&b) if b < LABELS.len() as u8 => Some(LABELS[b as usize]),
        _ => None,
    };
    if let Ok(s) = Source::decode("fuzz.txt", data, forced) {
        if forced.is_none() {
            let back = Source::encode(&s.text, s.encoding, s.bom);
            assert_eq!(back, data, "decoded as {} (bom {}) but does not encode back", s.encoding, s.bom);
        }
    }
});
