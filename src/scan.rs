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
