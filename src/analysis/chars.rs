//! Character classes several rules and the TEI writer agree on: what XML
//! cannot hold, what takes no room on the page, what is written without
//! spaces between words.

/// True for a character XML 1.0 forbids in content.
pub const fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A zero-width space, word joiner or byte-order mark: characters
/// that separate nothing a reader sees.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// A letter of a script written without spaces between words (Chinese,
/// Japanese kana, Korean syllables): next to one, an ASCII mark is not a
/// Latin sentence's punctuation.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}
