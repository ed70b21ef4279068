//! Generic words for a kind of place, which a gloss or a name may carry
//! after the place's own name: "Nagorno-Karabakh (Naka region)",
//! "Stepanakert district". The gloss rule and the name matcher both read
//! past them; one list keeps them agreeing on what a gloss can say.

/// Lowercase generic place words (administrative units of the regions the
/// packs cover, in English).
const GENERIC_PLACE_WORDS: &[&str] = &[
    "region",
    "area",
    "province",
    "district",
    "oblast",
    "territory",
];

/// True if `word`, lowercase, is a generic place word.
pub(crate) fn is_generic_place_word(word: &str) -> bool {
    GENERIC_PLACE_WORDS.contains(&word)
}
