//! One Hong Kong person's name in Cantonese and in pinyin in one document.
//!
//! Hong Kong names reach English in the Hong Kong Government Cantonese
//! Romanisation, the form of identity cards and official English ("Chan
//! Mo-po", "Hui Ching-yu"): a surname, then the given name a syllable a
//! piece, joined by a hyphen. Machine translation from Chinese writes the
//! Mandarin pinyin of the same characters ("Chen Maobo", "Xu Zhengyu"),
//! and a translation that copies the official form from one sentence
//! writes both. In a document that names Hong Kong or Macao, a pinyin name
//! whose surname and given name read syllable for syllable as a Cantonese
//! name written in the document, after the syllable correspondences of
//! `lexicons/cantonese.tsv` (characters read so in both, from the PyPI
//! packages cantonese-romanisation and pypinyin), is that person, and
//! takes the official form. Both the surname and every syllable of the
//! given name must correspond, and the Cantonese form must show itself as
//! one (a hyphen before a lowercase syllable); a form that also reads as
//! the Wade–Giles of the pinyin is left to that rule.

use super::{Matcher, SpanSet};
use crate::analysis::pinyin::{pinyin_syllables, syllable_pairs};
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::word_iter;
use crate::names::fold::fold;
use crate::span::Span;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

/// Confidence of the rewrite: the surname and each syllable correspond, in
/// a text about Hong Kong, and the official form is written in it.
const CONF: f32 = 0.8;
/// Most pinyin readings of one Cantonese given name kept.
const MAX_READINGS: usize = 256;
/// Most syllables of a Cantonese given name read.
const MAX_PIECES: usize = 3;

/// Cantonese syllable → the pinyin syllables of its characters.
static TABLE: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut t: HashMap<String, Vec<String>> = HashMap::new();
    for (pinyin, cantonese) in syllable_pairs(include_str!("../../../lexicons/cantonese.tsv")) {
        t.entry(cantonese.to_owned())
            .or_default()
            .push(pinyin.to_owned());
    }
    t
});

/// The pinyin readings of a Cantonese name (pieces joined by hyphens, one
/// syllable each), folded and written as one word; empty if a piece is no
/// Cantonese syllable.
fn pinyin_readings(cantonese: &str) -> BTreeSet<String> {
    let pieces: Vec<String> = cantonese.split('-').map(fold).collect();
    if pieces.len() > MAX_PIECES {
        return BTreeSet::new();
    }
    let mut readings = BTreeSet::from([String::new()]);
    for piece in &pieces {
        let Some(syllables) = TABLE.get(piece) else {
            return BTreeSet::new();
        };
        let mut next = BTreeSet::new();
        for r in &readings {
            for s in syllables {
                if next.len() < MAX_READINGS {
                    next.insert(format!("{r}{s}"));
                }
            }
        }
        readings = next;
    }
    readings
}

/// True if the text names Hong Kong or Macao, where names are written in
/// Cantonese.
fn about_hong_kong(text: &str) -> bool {
    ["Hong Kong", "Macao", "Macau"]
        .iter()
        .any(|p| text.contains(p))
}

/// A capital and then lowercase ASCII letters only.
fn title_case(w: &str) -> bool {
    let mut b = w.bytes();
    b.next().is_some_and(|c| c.is_ascii_uppercase()) && b.all(|c| c.is_ascii_lowercase())
}

/// A surname and a given name written one after the other.
struct FullName<'a> {
    surname: &'a str,
    given: &'a str,
    span: Span,
}

impl Matcher<'_, '_> {
    /// Pinyin names rewritten to the Cantonese form of the same person
    /// written in the document (see the module documentation).
    pub(super) fn cantonese_variants(&self, guessed: &SpanSet) -> Vec<Edit> {
        let text = self.text();
        if !about_hong_kong(text) {
            return Vec::new();
        }
        let mut names: Vec<FullName<'_>> = Vec::new();
        for b in &self.cx.doc.blocks {
            let bt = b.span.of(text);
            if !Sites::UPPER.in_text(bt) {
                continue;
            }
            let ws: Vec<(usize, &str)> = word_iter(bt).collect();
            for (i, &(k1, surname)) in ws.iter().enumerate() {
                let Some(&(k2, given)) = ws.get(i + 1) else {
                    continue;
                };
                if &bt[k1 + surname.len()..k2] != " " || !title_case(surname) || !title_case(given)
                {
                    continue;
                }
                // "Mo-po": the pieces after hyphens, in lowercase
                let mut end = k2 + given.len();
                for &(k, piece) in ws.iter().skip(i + 2).take(MAX_PIECES) {
                    if &bt[end..k] != "-" || !piece.bytes().all(|c| c.is_ascii_lowercase()) {
                        break;
                    }
                    end = k + piece.len();
                }
                let span = Span::new(b.span.start + k1, b.span.start + end);
                if self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                names.push(FullName {
                    surname,
                    given: &bt[k2..end],
                    span,
                });
            }
        }
        let cantonese: BTreeSet<(&str, &str)> = names
            .iter()
            .filter(|n| n.given.contains('-'))
            .map(|n| (n.surname, n.given))
            .collect();
        let mut out = Vec::new();
        let mut done: HashSet<Span> = HashSet::new();
        for (c_surname, c_given) in cantonese {
            let surnames = pinyin_readings(c_surname);
            let givens = pinyin_readings(c_given);
            if surnames.is_empty() || givens.is_empty() {
                continue;
            }
            let pieces = c_given.split('-').count();
            let wade_giles = super::wade_giles::pinyin_readings(c_given);
            for n in &names {
                let (surname, given) = (fold(n.surname), fold(n.given));
                if n.given.contains('-')
                    || pinyin_syllables(n.given) != Some(pieces)
                    || pinyin_syllables(n.surname) != Some(1)
                    || !(n.surname == c_surname || surnames.contains(&surname))
                    || !givens.contains(&given)
                    || wade_giles.contains(&given)
                    || !done.insert(n.span)
                {
                    continue;
                }
                let to = format!("{c_surname} {c_given}");
                out.push(
                    Edit::new(text, n.span, to.as_str(), "names/cantonese", Category::Name, CONF)
                        .with_note(format!(
                            "{:?} is the pinyin of the Hong Kong name {to:?} written in this document: the surname and each syllable of the given name read alike in Mandarin and in the Hong Kong Government Cantonese Romanisation (lexicons/cantonese.tsv); the text is about Hong Kong, where the Cantonese form is the person's official one",
                            n.span.of(text)
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
    fn a_cantonese_name_reads_as_its_pinyin_syllable_for_syllable() {
        assert!(pinyin_readings("Mo-po").contains("maobo"));
        assert!(pinyin_readings("Ching-yu").contains("zhengyu"));
        assert!(pinyin_readings("Chan").contains("chen"));
        assert!(pinyin_readings("Hui").contains("xu"));
        assert!(
            !pinyin_readings("Mo-po").contains("maoyu"),
            "each syllable its own"
        );
        assert!(pinyin_readings("Smith").is_empty());
        assert!(pinyin_readings("Ka-ka-ka-ka").is_empty(), "no given name");
    }

    #[test]
    fn only_a_text_naming_hong_kong_or_macao_is_read() {
        assert!(about_hong_kong("the Hong Kong SAR government"));
        assert!(about_hong_kong("casinos of Macau"));
        assert!(!about_hong_kong("the Beijing municipal government"));
    }
}
