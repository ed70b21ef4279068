//! A name written as two words one letter off the one word the document
//! also writes: "Kelly Ann Conway" beside "Kellyanne Conway".
//!
//! Machine translation splits a given name it does not know into given
//! names it does, and drops or adds a letter doing so. The exact split
//! ("Xiao wen" beside "Xiaowen") is the join rule's (see
//! [`super::variants`]); a split one letter off is taken only where both
//! forms stand beside the same capitalised word, the rest of the person's
//! name, so that two people ("Mary Ann Smith", "Maryanne Jones") keep
//! apart. Only proposed: which of the two spellings is the person's the
//! document does not tell, and the one-word form is the one a name of one
//! word is written in.

use super::matcher::WordPair;
use super::variants::{Spelling, capitalised_neighbours};
use super::{Matcher, SpanSet};
use crate::edit::{Category, Edit};
use crate::names::fold::fold;
use foldhash::HashMap;
use std::collections::BTreeMap;

/// Least letters of the two words together: a short pair is too often two
/// words that merely look like a longer one.
const MIN_LETTERS: usize = 7;
/// Confidence of the join.
const CONF: f32 = 0.65;

/// The one-word spellings of a document, found by a form one letter off
/// theirs ("kellyann" finds "kellyanne", and the reverse): each folded
/// spelling is filed under itself and under each of its forms with one
/// byte dropped, so a key's spellings one letter longer are those filed
/// under the key, and those one letter shorter are the ones filed as the
/// key with one byte dropped — a few lookups per key, however many names
/// the document has (comparing each pair of words with every spelling of
/// a length one off grows as the square of a list of names).
struct OneLetterOff<T> {
    /// Spellings by their folded form, with their order of filing.
    whole: HashMap<Vec<u8>, Vec<(usize, T)>>,
    /// Spellings by their folded form less one byte.
    dropped: HashMap<Vec<u8>, Vec<(usize, T)>>,
    filed: usize,
}

impl<T: Copy> OneLetterOff<T> {
    fn new() -> Self {
        OneLetterOff {
            whole: HashMap::default(),
            dropped: HashMap::default(),
            filed: 0,
        }
    }

    fn file(&mut self, folded: &str, s: T) {
        let f = folded.as_bytes();
        let at = (self.filed, s);
        self.filed += 1;
        self.whole.entry(f.to_vec()).or_default().push(at);
        for k in 0..f.len() {
            let mut d = f.to_vec();
            d.remove(k);
            self.dropped.entry(d).or_default().push(at);
        }
    }

    fn is_empty(&self) -> bool {
        self.filed == 0
    }

    /// The spellings one letter off `key`: the shorter ones first, each
    /// kind in the order filed, each spelling once.
    fn near(&self, key: &str) -> Vec<T> {
        let k = key.as_bytes();
        let mut found: Vec<(bool, usize, T)> = Vec::new();
        for i in 0..k.len() {
            let mut d = k.to_vec();
            d.remove(i);
            if let Some(v) = self.whole.get(&d) {
                found.extend(v.iter().map(|&(n, s)| (false, n, s)));
            }
        }
        if let Some(v) = self.dropped.get(k) {
            found.extend(v.iter().map(|&(n, s)| (true, n, s)));
        }
        crate::work::read(found.len());
        found.sort_by_key(|&(longer, n, _)| (longer, n));
        found.dedup_by_key(|&mut (_, n, _)| n);
        found.into_iter().map(|(_, _, s)| s).collect()
    }
}

impl Matcher<'_, '_> {
    /// Two capitalised words one letter off a one-word spelling of the
    /// document, both beside the same capitalised word: proposed as the
    /// one word (see the module documentation).
    pub(super) fn near_joins(
        &self,
        spellings: &BTreeMap<String, Spelling<'_>>,
        guessed: &SpanSet,
    ) -> Vec<Edit> {
        let text = self.text();
        let mut index = OneLetterOff::new();
        for s in spellings.values() {
            if s.word.len() + 1 >= MIN_LETTERS && !s.neighbours.is_empty() {
                index.file(&fold(s.word), s);
            }
        }
        if index.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for WordPair {
            first: w1,
            sep,
            second: w2,
            span,
        } in self.word_pairs()
        {
            let name = |w: &str| {
                w.len() >= 2
                    && w.bytes().all(|c| c.is_ascii_alphabetic())
                    && w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w[1..].bytes().all(|c| c.is_ascii_lowercase())
            };
            if sep != " " || !name(w1) || !name(w2) {
                continue;
            }
            let key = fold(&format!("{w1}{w2}"));
            if key.len() < MIN_LETTERS {
                continue;
            }
            if self.taken(span) || guessed.overlaps(span) {
                continue;
            }
            let beside: Vec<&str> = capitalised_neighbours(text, span).collect();
            let Some(one) = index
                .near(&key)
                .into_iter()
                .find(|s| beside.iter().any(|n| s.neighbours.contains(n)))
            else {
                continue;
            };
            let shared = beside
                .iter()
                .find(|n| one.neighbours.contains(*n))
                .copied()
                .unwrap_or_default();
            out.push(
            Edit::new(text, span, one.word, "names/join", Category::Name, CONF)
                .with_note(format!(
                    "{:?} and {:?} both occur in this document, one letter apart, each beside {shared:?}: one name split in two; only proposed",
                    span.of(text),
                    one.word
                )),
        );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_added_or_dropped() {
        let mut index = OneLetterOff::new();
        for word in ["Kellyanne", "Maryane", "Kellyama"] {
            index.file(&fold(word), word);
        }
        let near = |key: &str| index.near(key);
        assert_eq!(near("kellyann"), ["Kellyanne"], "one letter dropped");
        assert_eq!(near("kellyannes"), ["Kellyanne"], "one letter added");
        assert_eq!(near("maryanne"), ["Maryane"]);
        assert!(near("kellyanne").is_empty(), "the same is not one off");
        assert!(near("kellyamo").is_empty(), "a letter changed");
        assert!(near("kelly").is_empty());
    }
}
