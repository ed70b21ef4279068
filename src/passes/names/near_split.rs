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

use super::variants::{Spelling, capitalised_neighbours};
use super::{Matcher, SpanSet};
use crate::edit::{Category, Edit};
use crate::names::context::word_iter;
use crate::names::fold::fold;
use crate::names::similar::one_byte_inserted;
use crate::span::Span;
use std::collections::BTreeMap;

/// Least letters of the two words together: a short pair is too often two
/// words that merely look like a longer one.
const MIN_LETTERS: usize = 7;
/// Confidence of the join.
const CONF: f32 = 0.65;

/// True if `a` and `b` differ by one letter added or dropped ("kellyann",
/// "kellyanne").
fn one_letter_apart(a: &str, b: &str) -> bool {
    one_byte_inserted(a, b).is_some()
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
        // the one-word spellings by length, to compare a pair only with
        // those one letter longer or shorter
        let mut by_len: BTreeMap<usize, Vec<(String, &Spelling<'_>)>> = BTreeMap::new();
        for s in spellings.values() {
            if s.word.len() + 1 >= MIN_LETTERS && !s.neighbours.is_empty() {
                let f = fold(s.word);
                by_len.entry(f.len()).or_default().push((f, s));
            }
        }
        if by_len.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for b in &self.cx.doc.blocks {
            let bt = b.span.of(text);
            let ws: Vec<(usize, &str)> = word_iter(bt).collect();
            for pair in ws.windows(2) {
                let ((k1, w1), (k2, w2)) = (pair[0], pair[1]);
                let name = |w: &str| {
                    w.len() >= 2
                        && w.bytes().all(|c| c.is_ascii_alphabetic())
                        && w.starts_with(|c: char| c.is_ascii_uppercase())
                        && w[1..].bytes().all(|c| c.is_ascii_lowercase())
                };
                if &bt[k1 + w1.len()..k2] != " " || !name(w1) || !name(w2) {
                    continue;
                }
                let key = fold(&format!("{w1}{w2}"));
                if key.len() < MIN_LETTERS {
                    continue;
                }
                let span = Span::new(b.span.start + k1, b.span.start + k2 + w2.len());
                if self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                let beside: Vec<&str> = capitalised_neighbours(text, span).collect();
                let near = [key.len() - 1, key.len() + 1]
                    .iter()
                    .filter_map(|n| by_len.get(n))
                    .flatten()
                    .find(|(f, s)| {
                        one_letter_apart(f, &key) && beside.iter().any(|n| s.neighbours.contains(n))
                    });
                let Some((_, one)) = near else {
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
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter_added_or_dropped() {
        assert!(one_letter_apart("kellyann", "kellyanne"));
        assert!(one_letter_apart("kellyanne", "kellyann"));
        assert!(one_letter_apart("maryane", "maryanne"));
        assert!(!one_letter_apart("kellyann", "kellyann"), "the same");
        assert!(
            !one_letter_apart("kellyann", "kellyama"),
            "a letter changed"
        );
        assert!(!one_letter_apart("kelly", "kellyanne"));
    }
}
