//! The English word lists rules check words against. Two sizes, because
//! they answer different questions: the small list (common words of four
//! letters or more, lowercase) is evidence strong enough to join two halves
//! of a word broken at a line end or to call a repeated word ordinary; the
//! large one (SCOWL size 50, proper names capitalised) tells a spelling
//! rule that a word exists at all; a third (SCOWL size 70 less size 50)
//! keeps the rule from calling a rare but real word a typo.

use foldhash::HashSet;
use std::sync::LazyLock;

/// SCOWL via Debian's `wamerican-small`, four letters or more, lowercase,
/// sorted; see `lexicons/words/README.md`.
static COMMON: &str = include_str!("../../lexicons/words/en.txt");

/// True if `w` (lowercase) is in the small list (sorted: binary search).
pub(crate) fn is_common_word(w: &str) -> bool {
    static LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| COMMON.lines().collect());
    LIST.binary_search(&w).is_ok()
}

/// SCOWL size 50 (American), proper names capitalised; see the header of
/// `rules/en-words.txt`.
static SCOWL_50: &str = include_str!("../../rules/en-words.txt");

/// The large list's words, hashed: a misspelling's candidates are hundreds
/// of look-ups, which a binary search made a quarter of the pipeline.
static WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    SCOWL_50
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// True if the large list has `w` exactly as written.
pub(crate) fn is_dictionary_word(w: &str) -> bool {
    WORDS.contains(w)
}

/// The large list's own copy of `w`, for callers that keep the words they
/// find beyond the string they looked up with.
pub(crate) fn dictionary_entry(w: &str) -> Option<&'static str> {
    WORDS.get(w).copied()
}

/// SCOWL size 70 (American and British) less size 50: lowercase words of
/// five letters or more; see the header of `rules/en-words-rare.txt`.
static SCOWL_70_RARE: &str = include_str!("../../rules/en-words-rare.txt");

/// True if `w` (lowercase) is a word only a larger dictionary knows: rare,
/// technical or British ("convective", "euphorbia", "epicentre"). Asked
/// only of words the large list lacks, once each: a binary search.
pub(crate) fn is_rare_word(w: &str) -> bool {
    static LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        SCOWL_70_RARE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    LIST.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_list_knows_names_apart() {
        assert!(WORDS.len() > 70_000);
        assert!(is_dictionary_word("orbit") && is_dictionary_word("Earth"));
        assert!(!is_dictionary_word("Orbit"));
        assert_eq!(dictionary_entry("orbit"), Some("orbit"));
    }

    #[test]
    fn the_rare_list_knows_technical_and_british_words_not_typos() {
        for w in ["asymptomatic", "convective", "euphorbia", "epicentre"] {
            assert!(is_rare_word(w), "{w}");
            assert!(!is_dictionary_word(w), "{w} is in the large list already");
        }
        for w in ["famiiy", "necause", "orderign", "recieve"] {
            assert!(!is_rare_word(w), "{w}");
        }
    }

    #[test]
    fn the_small_list_is_lowercase_common_words() {
        assert!(is_common_word("orbit") && is_common_word("representations"));
        assert!(!is_common_word("Orbit") && !is_common_word("xqzv"));
    }
}
