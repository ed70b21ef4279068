//! Stop words per language, for the density test of the classifier.
//!
//! Running text is full of function words ("the", "und", "que"); a menu, a
//! list of tags or a row of buttons has almost none. The lists come from
//! stopwords-iso through the `stop-words` crate (MIT), not typed here: one
//! table maps each folded word to the set of languages listing it (a bit
//! per language), so guessing the document's language and measuring a
//! line's density are one look-up a word.

use foldhash::HashMap;
use std::sync::OnceLock;

/// Fewest stop-word hits that make a language guess: below that the
/// document is too short, or written in a script without spaces, and the
/// classifier goes without densities.
const MIN_HITS: usize = 12;

/// The languages' stop words, folded to lowercase.
pub struct StopWords {
    /// Language codes, the index being the bit in `words`.
    languages: Vec<&'static str>,
    /// Word → bit set of the languages listing it.
    words: HashMap<String, u64>,
    /// Bytes of the longest stop word: a longer ASCII word is none, and is
    /// not lowercased and hashed to learn it (most words of a page).
    longest: usize,
}

/// A language picked for one document: its index in [`StopWords`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language(usize);

impl StopWords {
    /// The table over every list the crate ships (at most 64 languages).
    pub fn get() -> &'static StopWords {
        static TABLE: OnceLock<StopWords> = OnceLock::new();
        TABLE.get_or_init(|| {
            let languages: Vec<&'static str> = stop_words::available_languages()
                .iter()
                .copied()
                .filter(|code| code.len() == 2)
                .take(64)
                .collect();
            let mut words: HashMap<String, u64> = HashMap::default();
            for (bit, code) in languages.iter().enumerate() {
                for w in stop_words::lookup(code).unwrap_or_default() {
                    *words.entry(w.to_lowercase()).or_default() |= 1 << bit;
                }
            }
            let longest = words.keys().map(String::len).max().unwrap_or(0);
            StopWords {
                languages,
                words,
                longest,
            }
        })
    }

    /// The language whose stop words the words of `text` hit most, if
    /// they hit often enough to tell.
    pub fn guess(&self, text: &str) -> Option<Language> {
        let mut hits = vec![0usize; self.languages.len()];
        let mut buf = String::new();
        let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let distinct = text.lines().filter(|l| seen.insert(l.trim()));
        for w in distinct.flat_map(words) {
            if let Some(mut set) = self.lookup(w, &mut buf) {
                while set != 0 {
                    let bit = set.trailing_zeros() as usize;
                    hits[bit] += 1;
                    set &= set - 1;
                }
            }
        }
        let (best, &n) = hits
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))?;
        (n >= MIN_HITS).then_some(Language(best))
    }

    /// The language's code ("de").
    pub fn code(&self, language: Language) -> &'static str {
        self.languages[language.0]
    }

    /// Words of `text` and how many of them are stop words of `language`.
    pub fn density(&self, text: &str, language: Language) -> (usize, usize) {
        let mut buf = String::new();
        let mut n = 0;
        let mut stop = 0;
        for w in words(text) {
            n += 1;
            if self
                .lookup(w, &mut buf)
                .is_some_and(|set| set & (1 << language.0) != 0)
            {
                stop += 1;
            }
        }
        (n, stop)
    }

    /// Whether `word` is a stop word of `language` or of English (a page
    /// in any language carries English buttons and headings).
    pub fn is_stop(&self, word: &str, language: Option<Language>) -> bool {
        let english = self.languages.iter().position(|&c| c == "en");
        let mut buf = String::new();
        self.lookup(word, &mut buf).is_some_and(|set| {
            [language.map(|l| l.0), english]
                .into_iter()
                .flatten()
                .any(|bit| set & (1 << bit) != 0)
        })
    }

    fn lookup(&self, word: &str, buf: &mut String) -> Option<u64> {
        buf.clear();
        if word.is_ascii() {
            // lowercasing keeps an ASCII word's length
            if word.len() > self.longest {
                return None;
            }
            buf.push_str(word);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(word.chars().flat_map(char::to_lowercase));
        }
        self.words.get(buf.as_str()).copied()
    }
}

/// The words of `text`: runs of letters and digits, apostrophes inside them
/// kept ("don't", "l'homme" stays one token, as the lists write them).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_the_language_from_its_function_words() {
        let sw = StopWords::get();
        let de = "Wir haben uns am Montag in der Stadt getroffen, weil es dort einen Markt gibt, \
                  und wir wollten sehen, ob er noch so ist wie früher, als wir jung waren.";
        assert_eq!(sw.guess(de).map(|l| sw.code(l)), Some("de"));
        let en = "We met in the town on Monday because there is a market there, and we wanted \
                  to see whether it is still the way it was when we were young.";
        assert_eq!(sw.guess(en).map(|l| sw.code(l)), Some("en"));
        assert_eq!(sw.guess("Home Kontakt Impressum"), None);
    }

    #[test]
    fn prose_is_denser_in_stop_words_than_a_menu() {
        let sw = StopWords::get();
        let en = sw.guess("this is the way that it was and we are going to do it again as we did before the war").unwrap();
        let (n, s) = sw.density("It was the first time that we had seen it.", en);
        assert!(s * 2 > n, "{s}/{n}");
        let (n, s) = sw.density("Products Pricing Solutions Careers Blog", en);
        assert_eq!((n, s), (5, 0));
    }

    #[test]
    fn english_function_words_count_on_every_page() {
        let sw = StopWords::get();
        let de = sw.guess("Wir haben uns am Montag in der Stadt getroffen, weil es dort einen Markt gibt, und wir wollten sehen, ob er noch so ist wie früher.");
        assert!(sw.is_stop("Dich", de) && sw.is_stop("it", de));
        assert!(!sw.is_stop("Beiträge", de) && !sw.is_stop("share", None));
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        assert_eq!(
            words("don't stop—'now' 42").collect::<Vec<_>>(),
            ["don't", "stop", "now", "42"]
        );
    }
}
