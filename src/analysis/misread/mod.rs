//! Text once misread in a single-byte encoding (mojibake): how likely a
//! text is as written ([`badness`]), the code pages a misreading goes
//! through ([`codecs`]), and the way back ([`repair`]). The mojibake rule
//! decodes what it finds; the rules that write or delete characters beside
//! such text (whitespace, quotes, entities, NFC) ask here first whether
//! they would make or break a misread sequence.

pub(crate) mod badness;
pub(crate) mod codecs;
pub(crate) mod repair;

use crate::analysis::chars::{is_xml_forbidden, is_zero_width};
use unicode_normalization::UnicodeNormalization;

/// Characters another rule deletes (XML-forbidden controls, zero-width
/// spaces): a misread sequence is read through them, or deleting them would
/// join its pieces into mojibake that only a second conversion repairs.
pub(crate) fn transparent(c: char) -> bool {
    is_xml_forbidden(c) || is_zero_width(c)
}

/// `s` with its mojibake decoded, if it holds any, in NFC (a decoded
/// character may have a canonical equivalent: "Í¾" decodes to U+037E,
/// whose NFC form is ";"). Decoding repeats until nothing changes, so a
/// second conversion finds nothing left.
pub(crate) fn decoded(s: &str) -> Option<String> {
    // asked by other rules for the few characters around a space or a
    // quote: most are sound text, passed over before anything is built
    if !badness::is_bad(s) {
        return None;
    }
    let fixed: String = repair::fix(repair::pieces(s.chars()))
        .iter()
        .map(|p| p.c)
        .collect();
    (fixed != s).then(|| fixed.nfc().collect())
}

/// The character windows-1252 gives byte `b` (a C1 control where it leaves
/// the byte undefined): what a numeric reference 128–159 means in HTML.
pub(crate) fn windows_1252_char(b: u8) -> char {
    codecs::Codec::Windows1252.decode(b)
}

/// Whether a character may be one byte of a misread sequence.
pub(crate) fn may_be_misread(c: char) -> bool {
    codecs::may_be_misread(c)
}

/// Whether `c`, put between `before` and `after`, would be a byte of a
/// sequence the mojibake rule decodes. Other rules ask before they write such a
/// character: curling the apostrophe in "Ã'" makes "Ã’", which reads as a
/// misread "Ò". Characters other rules delete are looked through, as that
/// rule itself does. Cautious: besides what the rule would decode in that
/// neighbourhood, any complete UTF-8 sequence read as windows-1252 counts.
pub(crate) fn completes_sequence(before: &str, c: char, after: &str) -> bool {
    // a UTF-8 sequence has at most four bytes: three neighbours a side
    let mut chars: Vec<char> = before
        .chars()
        .rev()
        .filter(|&c| !transparent(c))
        .take(3)
        .collect();
    chars.reverse();
    let at = chars.len();
    chars.push(c);
    chars.extend(after.chars().filter(|&c| !transparent(c)).take(3));
    let window: String = chars.iter().collect();
    let decodes = badness::is_bad(&window)
        && repair::fix(repair::pieces(chars.iter().copied()))
            .iter()
            .any(|p| !p.path.is_empty() && p.from <= at && at < p.to);
    decodes || windows_1252_sequence_through(&chars, at)
}

/// Whether a complete UTF-8 sequence, read as windows-1252, covers
/// `chars[at]`.
fn windows_1252_sequence_through(chars: &[char], at: usize) -> bool {
    let byte = |c: char| codecs::Codec::Windows1252.encode(c).filter(|&b| b >= 0x80);
    (0..=at).any(|k| {
        let Some(n) = byte(chars[k]).and_then(|b| match b {
            0xC2..=0xDF => Some(2),
            0xE0..=0xEF => Some(3),
            0xF0..=0xF4 => Some(4),
            _ => None,
        }) else {
            return false;
        };
        if k + n <= at || k + n > chars.len() {
            return false;
        }
        let bytes: Option<Vec<u8>> = chars[k..k + n].iter().map(|&c| byte(c)).collect();
        bytes.is_some_and(|b| std::str::from_utf8(&b).is_ok())
    })
}
