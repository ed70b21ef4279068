//! The cheap facts a rule needs of a block before it can fire there: does
//! the block hold a capital, a punctuation mark, a byte outside ASCII? A
//! walk over the block's bytes through a lookup table answers, stopping at
//! the first byte of the classes asked for (pulldown-cmark's first pass
//! reads its special bytes through such a table). A rule whose every match
//! needs one of these sites skips the blocks without it instead of
//! tokenising them: a text of a million short lines ("a⏎a⏎…") then costs
//! each rule a lookup or two a line, and a block of prose, which opens on a
//! capital and has a mark in its first sentence, is answered in a few bytes.

/// Classes of bytes, one bit a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sites(u8);

impl Sites {
    /// An ASCII capital, `A`–`Z`.
    pub(crate) const UPPER: Sites = Sites(1);
    /// A byte of a character outside ASCII.
    pub(crate) const NON_ASCII: Sites = Sites(1 << 1);
    /// An ASCII punctuation mark or symbol (`.`, `:`, `@`, `-`, `"`, …).
    pub(crate) const PUNCT: Sites = Sites(1 << 2);
    /// Where a capital of any script may stand: an ASCII capital or a
    /// character outside ASCII ("É", "Ж").
    pub(crate) const CAPITAL: Sites = Sites(Sites::UPPER.0 | Sites::NON_ASCII.0);
    /// Where a mark may stand: an ASCII mark, or a character outside ASCII
    /// (a dash, a curly quote, a degree sign).
    pub(crate) const MARK: Sites = Sites(Sites::PUNCT.0 | Sites::NON_ASCII.0);

    /// True if `s` holds a byte of one of these classes.
    pub(crate) fn in_text(self, s: &str) -> bool {
        s.as_bytes()
            .iter()
            .any(|&b| TABLE[usize::from(b)] & self.0 != 0)
    }
}

/// The class bits of each byte value.
static TABLE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => Sites::UPPER.0,
            0x80..=0xFF => Sites::NON_ASCII.0,
            c if c.is_ascii_punctuation() => Sites::PUNCT.0,
            _ => 0,
        };
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_plain_and_marked_text() {
        assert!(!Sites::CAPITAL.in_text("a\n"));
        assert!(!Sites::MARK.in_text("a\n"));
        assert!(!Sites::CAPITAL.in_text("page 12"));
        assert!(Sites::CAPITAL.in_text("in Paris"));
        assert!(Sites::NON_ASCII.in_text("à evian"));
        assert!(!Sites::UPPER.in_text("à Évian"));
        assert!(Sites::MARK.in_text("a@b"));
        assert!(!Sites::PUNCT.in_text("ab cd"));
    }

    proptest::proptest! {
        /// The table walk agrees with asking each character.
        #[test]
        fn table_walk_agrees_with_the_characters(s in "([a-zA-Z0-9 .,:@\\-\n'éÉЖж٣字]|[a-z ]{30,70}){0,8}") {
            let upper = s.chars().any(|c| c.is_ascii_uppercase());
            let punct = s.chars().any(|c| c.is_ascii_punctuation());
            proptest::prop_assert_eq!(Sites::UPPER.in_text(&s), upper);
            proptest::prop_assert_eq!(Sites::NON_ASCII.in_text(&s), !s.is_ascii());
            proptest::prop_assert_eq!(Sites::PUNCT.in_text(&s), punct);
            proptest::prop_assert_eq!(Sites::CAPITAL.in_text(&s), upper || !s.is_ascii());
            proptest::prop_assert_eq!(Sites::MARK.in_text(&s), punct || !s.is_ascii());
            // every capital, of any script, is found
            if s.chars().any(char::is_uppercase) {
                proptest::prop_assert!(Sites::CAPITAL.in_text(&s));
            }
        }
    }
}
