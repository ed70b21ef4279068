//! The cheap facts a rule needs of a block before it can fire there: does
//! the block hold a digit, a capital, a byte outside ASCII? One walk over
//! the block's bytes through a lookup table answers all of them at once
//! (pulldown-cmark's first pass reads its special bytes the same way).
//! A rule whose every match needs one of these sites skips the blocks
//! without it instead of tokenising them: a text of a million short lines
//! ("a⏎a⏎…") then costs each rule a table lookup a byte, not its word walk.

/// The byte classes a block holds, one bit a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sites(u8);

impl Sites {
    /// An ASCII digit, `0`–`9`.
    pub(crate) const DIGIT: Sites = Sites(1);
    /// An ASCII capital, `A`–`Z`.
    pub(crate) const UPPER: Sites = Sites(1 << 1);
    /// A byte of a character outside ASCII (which may be a capital, a
    /// digit, a letter or a mark of any script).
    pub(crate) const NON_ASCII: Sites = Sites(1 << 2);
    /// An ASCII punctuation mark or symbol (`.`, `:`, `@`, `-`, `"`, …).
    pub(crate) const PUNCT: Sites = Sites(1 << 3);

    /// The classes of the bytes of `s`.
    pub(crate) fn of(s: &str) -> Sites {
        let mut bits = 0u8;
        for &b in s.as_bytes() {
            bits |= TABLE[usize::from(b)];
        }
        Sites(bits)
    }

    /// True if any class of `other` is among these.
    pub(crate) fn any(self, other: Sites) -> bool {
        self.0 & other.0 != 0
    }

    /// True if a character that is uppercase may stand here: an ASCII
    /// capital, or a character outside ASCII ("É", "Ж").
    pub(crate) fn may_capitalise(self) -> bool {
        self.any(Sites(Sites::UPPER.0 | Sites::NON_ASCII.0))
    }
}

/// The class bits of each byte value.
static TABLE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => Sites::DIGIT.0,
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
        assert_eq!(Sites::of("a\n"), Sites::default());
        assert!(Sites::of("page 12").any(Sites::DIGIT));
        assert!(!Sites::of("page 12").may_capitalise());
        assert!(Sites::of("in Paris").may_capitalise());
        assert!(Sites::of("à Évian").any(Sites::NON_ASCII));
        assert!(!Sites::of("à Évian").any(Sites::UPPER));
        assert!(Sites::of("a@b").any(Sites::PUNCT));
        assert!(!Sites::of("ab cd").any(Sites::PUNCT));
    }

    proptest::proptest! {
        /// The table walk agrees with asking each character.
        #[test]
        fn table_walk_agrees_with_the_characters(s in "[a-zA-Z0-9 .,:@\\-\n'éÉЖж٣字]{0,40}") {
            let sites = Sites::of(&s);
            proptest::prop_assert_eq!(sites.any(Sites::DIGIT), s.chars().any(|c| c.is_ascii_digit()));
            proptest::prop_assert_eq!(sites.any(Sites::UPPER), s.chars().any(|c| c.is_ascii_uppercase()));
            proptest::prop_assert_eq!(sites.any(Sites::NON_ASCII), !s.is_ascii());
            proptest::prop_assert_eq!(sites.any(Sites::PUNCT), s.chars().any(|c| c.is_ascii_punctuation()));
            // every capital, of any script, is found by may_capitalise
            if s.chars().any(char::is_uppercase) {
                proptest::prop_assert!(sites.may_capitalise());
            }
        }
    }
}
