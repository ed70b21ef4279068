//! Where a run of characters of one class ends: the word and spacing scans
//! of the names, repetition and whitespace rules, which each walk every
//! byte of a document. ASCII bytes are judged through a table, other
//! characters decoded and judged only where met; the offset stays in a
//! local for the whole walk. (A `char_indices` walk with a predicate was
//! the hottest function of the names rule.)

/// The largest character boundary of `text` at or before `at` (the
/// standard library's `floor_char_boundary` is newer than our minimum Rust).
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at`.
pub(crate) fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Longest haystack [`find_byte`] reads byte by byte.
const SHORT_HAYSTACK: usize = 16;

/// The offset of the first `needle` in `hay`. A short haystack (a line of
/// a list, a word) is read byte by byte: setting up `memchr`'s vector
/// search costs more there than the search (seven rules asked it of each
/// line of a text of a million one-character lines).
#[inline]
pub(crate) fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() <= SHORT_HAYSTACK {
        hay.iter().position(|&b| b == needle)
    } else {
        memchr::memchr(needle, hay)
    }
}

/// Whether `b`, at an edge of a text, stays there when the text is
/// trimmed: ASCII other than white space (a byte that is a whole
/// character, and one `str::trim` keeps).
fn kept_edge(b: &u8) -> bool {
    b.is_ascii() && !char::from(*b).is_whitespace()
}

/// `s.trim()`, without the search when both edges are kept anyway: most
/// lines, which several rules trim each (the standard trim decodes and
/// tests a character at each end).
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first().is_some_and(kept_edge) && b.last().is_some_and(kept_edge) {
        s
    } else {
        s.trim()
    }
}

/// `s.trim_start()`, without the search when the first byte is kept.
#[inline]
pub(crate) fn trim_start(s: &str) -> &str {
    if s.as_bytes().first().is_some_and(kept_edge) {
        s
    } else {
        s.trim_start()
    }
}

/// `s.trim_end()`, without the search when the last byte is kept.
#[inline]
pub(crate) fn trim_end(s: &str) -> &str {
    if s.as_bytes().last().is_some_and(kept_edge) {
        s
    } else {
        s.trim_end()
    }
}

/// A class of characters.
pub(crate) struct CharClass {
    /// The class of each ASCII character, by byte.
    ascii: [bool; 128],
    /// The class of any character (agrees with `ascii` on ASCII).
    any: fn(char) -> bool,
}

impl CharClass {
    /// The class `any`, with `ascii` its answers for the ASCII bytes
    /// (made by [`ascii_table`]).
    pub(crate) const fn new(ascii: [bool; 128], any: fn(char) -> bool) -> Self {
        CharClass { ascii, any }
    }

    /// The first offset from `from` on where a character is (`inside`) or
    /// is not of the class; the end of `s` if none.
    #[inline]
    pub(crate) fn edge(&self, s: &str, from: usize, inside: bool) -> usize {
        let bytes = s.as_bytes();
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            if let Some(&is) = self.ascii.get(usize::from(b)) {
                if is == inside {
                    return i;
                }
                i += 1;
                continue;
            }
            let c = s[i..].chars().next().unwrap_or_default();
            if (self.any)(c) == inside {
                return i;
            }
            i += c.len_utf8();
        }
        bytes.len()
    }
}

/// The ASCII half of a [`CharClass`]: `$e` evaluated with `$b` bound to each
/// ASCII byte, at compile time.
macro_rules! ascii_table {
    ($b:ident => $e:expr) => {{
        let mut t = [false; 128];
        let mut i = 0;
        while i < 128 {
            let $b = i as u8;
            t[i] = $e;
            i += 1;
        }
        t
    }};
}
pub(crate) use ascii_table;

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick trims trim as the standard ones do.
        #[test]
        fn trims_are_the_standard_trims(s in "[a. \t\n\r\u{b}\u{c}\u{a0}\u{2003}\u{85}é]{0,8}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
            proptest::prop_assert_eq!(trim_start(&s), s.trim_start());
            proptest::prop_assert_eq!(trim_end(&s), s.trim_end());
        }

        /// The byte found is the one `memchr` finds, short haystack or long.
        #[test]
        fn find_byte_finds_what_memchr_finds(hay in proptest::collection::vec(0u8..4, 0..40), needle in 0u8..4) {
            proptest::prop_assert_eq!(find_byte(needle, &hay), memchr::memchr(needle, &hay));
        }
    }

    fn spacing(c: char) -> bool {
        c == ' ' || c == '\u{A0}'
    }

    const SPACING: CharClass = CharClass::new(ascii_table!(b => b == b' '), spacing);

    proptest::proptest! {
        #[test]
        fn edges_are_where_a_character_walk_finds_them(
            s in "[a \\u{A0}é字]{0,16}",
            from in 0usize..16,
            inside: bool,
        ) {
            let mut from = from.min(s.len());
            while !s.is_char_boundary(from) {
                from -= 1;
            }
            let walk = s[from..]
                .char_indices()
                .find(|&(_, c)| spacing(c) == inside)
                .map_or(s.len(), |(k, _)| from + k);
            proptest::prop_assert_eq!(SPACING.edge(&s, from, inside), walk);
        }
    }
}
