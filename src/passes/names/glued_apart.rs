//! A name one translation glues into one word and the other translations
//! of the text write as two: "Dongyilong" where the others write "Dong
//! Yilong", "Hamifuguang" for "Hami Fuguang".
//!
//! Machine translation that does not know a Chinese person or place writes
//! its syllables as one word; the translations that know it write the
//! family name apart from the given name (or the place apart from the
//! name it heads). The document itself writes only the glued form, so the
//! split and join rule of [`super::variants`] has nothing to weigh; the
//! batch does (see [`crate::names::batch::NameCounts::written_apart`]):
//! the documents about the same thing that write the two words, against
//! those that write the one. A glued form one final letter longer than
//! the two words ("Lindane" for Lin Dan: the letter added makes an
//! English word of it, which several systems write) is weighed the same
//! way, and only proposed: the letter may be the name's.
//!
//! Pinyin writes a given name and a place as one word: a glued word after
//! a family name ("Zhang Jicolin", "Zheng Thixin") is a given name, one
//! before the head of a longer proper name ("Suxiao Primary School") a
//! place named, and both stay. Two ordinary words ("Clear Water",
//! "Master Plan") are a phrase the others translated, not a name. Applied
//! only when most of the other translations write the two words, the
//! letters being the same; else proposed.

use super::matcher::last_letters;
use super::variants::{
    BATCH_MIN, BATCH_RATIO, OVERWHELMING_DOCS, OVERWHELMING_RATIO, Spelling, before_proper_head,
};
use super::{Matcher, SpanSet};
use crate::analysis::pinyin::pinyin_syllables;
use crate::edit::{Category, Edit};
use crate::names::fold::fold;
use crate::span::Span;
use foldhash::HashSet;
use std::collections::BTreeMap;

/// Least letters of a glued name: two short words glued ("Lida" for "Li
/// Da") are too often a word of their own.
const MIN_LETTERS: usize = 6;
/// Confidence when the documents about the same thing overwhelmingly write
/// the two words, the letters being the same.
const CONF_OVERWHELMING: f32 = 0.8;
/// Confidence otherwise (only proposed).
const CONF: f32 = 0.65;
/// The two words must be written by at least one in this many of the other
/// documents about the same thing to be proposed at all: a phrase three
/// translations of twenty-three read as a name ("Shexiaojia", "Wanlisha"
/// for a saying or a line of verse) is their guess, not the name.
const LEAST_SHARE: u32 = 4;

impl Matcher<'_, '_> {
    /// Glued names the documents about the same thing write apart (see the
    /// module documentation), other than at `done`.
    pub(super) fn glued_apart(
        &self,
        spellings: &BTreeMap<String, Spelling<'_>>,
        done: &SpanSet,
    ) -> Vec<Edit> {
        let Some((counts, related)) = self.batch_related() else {
            return Vec::new();
        };
        let text = self.text();
        // the two-word names the document writes itself, gathered on the
        // first glued word the batch writes apart: the document that
        // writes both is the split and join rule's
        let mut own_pairs: Option<HashSet<&str>> = None;
        let mut out = Vec::new();
        for s in spellings.values() {
            // a capital inside is two names glued at it, another rule's
            if s.word.len() < MIN_LETTERS
                || s.word[1..].contains(|c: char| c.is_ascii_uppercase())
                || s.spans.iter().any(|sp| {
                    done.overlaps(*sp)
                        || before_proper_head(text, *sp)
                        || after_family_name(text, *sp)
                })
            {
                continue;
            }
            let key = fold(s.word);
            let others = related.len().saturating_sub(1) as u32;
            // this document is among the related ones when part of the batch
            let glued_docs = related.documents_with(counts, s.word).saturating_sub(1);
            let exact = counts.written_apart(&key).iter().map(|t| (t, false));
            let appended = counts
                .written_apart(&key[..key.len() - 1])
                .iter()
                .map(|t| (t, true));
            let best = exact
                .chain(appended)
                .map(|(t, slip)| (t, slip, related.documents_with(counts, t)))
                .filter(|&(t, _, apart)| {
                    !t.split(' ').all(|w| self.is_ordinary_word(w))
                        && apart >= BATCH_MIN
                        && LEAST_SHARE * apart >= others
                        && apart >= BATCH_RATIO * glued_docs.max(1)
                })
                .max_by_key(|&(t, slip, apart)| (!slip, apart, std::cmp::Reverse(t)));
            let Some((t, slip, apart)) = best else {
                continue;
            };
            let own = own_pairs.get_or_insert_with(|| {
                self.word_pairs()
                    .filter(|p| p.sep == " ")
                    .map(|p| p.span.of(text))
                    .collect()
            });
            if own.contains(t.as_str()) {
                continue;
            }
            // most of the other translations, not a few of many
            let overwhelming = apart >= OVERWHELMING_DOCS
                && apart >= OVERWHELMING_RATIO * glued_docs.max(1)
                && 2 * apart > others;
            let conf = if overwhelming && !slip {
                CONF_OVERWHELMING
            } else {
                CONF
            };
            let letters = if slip {
                format!(
                    "{:?} is the letters of {t:?} and one more at the end",
                    s.word
                )
            } else {
                format!("{:?} is the letters of {t:?} glued", s.word)
            };
            let note = format!(
                "{letters}; the {} other documents of the batch that share its rarer names write {t:?} in {apart} and {:?} in {glued_docs}; the document writes only the one word",
                related.len().saturating_sub(1),
                s.word
            );
            for span in &s.spans {
                out.push(
                    Edit::new(text, *span, t.clone(), "names/split", Category::Name, conf)
                        .with_note(note.clone()),
                );
            }
        }
        out
    }
}

/// True if the word at `span` follows a capitalised word of one pinyin
/// syllable one space before it: a family name, whose given name the
/// glued word is.
fn after_family_name(text: &str, span: Span) -> bool {
    text[..span.start]
        .strip_suffix(' ')
        .map(last_letters)
        .is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase()) && pinyin_syllables(w) == Some(1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glued_word_after_a_one_syllable_name_is_a_given_name() {
        let t = "Mr. Zheng Thixin spoke. Villager Dongyilong left; the Dongyilong case.";
        let at = |w: &str| {
            let k = t.find(w).unwrap();
            Span::new(k, k + w.len())
        };
        assert!(after_family_name(t, at("Thixin")));
        assert!(!after_family_name(t, at("Dongyilong")), "not pinyin");
        let k = t.rfind("Dongyilong").unwrap();
        assert!(!after_family_name(t, Span::new(k, k + 10)), "lowercase");
    }
}
