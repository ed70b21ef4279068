//! Character classes several rules and the TEI writer agree on: what XML
//! cannot hold, what takes no room on the page.

/// True for a character XML 1.0 forbids in content.
pub const fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A zero-width space, word joiner or byte-order mark: characters
/// that separate nothing a reader sees.
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}
