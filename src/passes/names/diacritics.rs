//! One name written with and without its diacritics in one document.
//!
//! A translation copies "Sánchez" from one sentence of the source and writes
//! "Sanchez" in the next; "São Paulo" and "Sao Paulo" stand a paragraph
//! apart. The two are one name whatever the lexicon knows, for only the
//! marks differ, and the document's own words tell nothing else about them.
//! The form written more often is proposed for the other; written as often,
//! the form with its marks (the name's own spelling, which a keyboard or a
//! system lost in the other). Only proposed: an English text may drop the
//! marks on purpose, and which form a house style keeps is for review.

use super::variants::capitalised_neighbours;
use super::{Matcher, SpanSet};
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::capitalised_words;
use crate::names::fold::fold;
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};

/// Confidence when one form is written at least twice as often as the
/// other, and otherwise.
const CONF_MAJORITY: f32 = 0.7;
const CONF: f32 = 0.6;

impl Matcher<'_, '_> {
    /// Names written with and without their diacritics (see the module
    /// documentation).
    pub(super) fn diacritic_variants(&self, guessed: &SpanSet) -> Vec<Edit> {
        let text = self.text();
        // folded key → spelling as written → its spans
        let mut by_key: BTreeMap<String, BTreeMap<&str, Vec<Span>>> = BTreeMap::new();
        for b in &self.cx.doc.blocks {
            if !Sites::CAPITAL.in_text(b.span.of(text)) {
                continue;
            }
            for (k, w) in capitalised_words(b.span.of(text)) {
                if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
                    continue;
                }
                let span = Span::new(b.span.start + k, b.span.start + k + w.len());
                if self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                by_key
                    .entry(fold(w))
                    .or_default()
                    .entry(w)
                    .or_default()
                    .push(span);
            }
        }
        let mut out = Vec::new();
        for forms in by_key.values() {
            let Some((plain, marked)) = plain_and_marked(forms) else {
                continue;
            };
            let (np, nm) = (forms[plain].len(), forms[marked].len());
            let (from, to, nf, nt) = if np > nm {
                (marked, plain, nm, np)
            } else {
                (plain, marked, np, nm)
            };
            if self.is_ordinary_word(plain) || self.two_people(&forms[plain], &forms[marked]) {
                continue;
            }
            let conf = if nt >= 2 * nf { CONF_MAJORITY } else { CONF };
            let why = if nt > nf {
                format!("{to:?} is written {nt} times, {from:?} {nf}")
            } else {
                format!("each is written {nt} times; {marked:?} keeps the marks of the name")
            };
            for span in &forms[from] {
                out.push(
                    Edit::new(text, *span, to, "names/diacritics", Category::Name, conf)
                        .with_note(format!(
                            "{from:?} and {to:?} differ only in diacritics and both occur in this document; {why}"
                        )),
                );
            }
        }
        out
    }
}

impl Matcher<'_, '_> {
    /// True if the two forms, at `a` and at `b`, are each written with the
    /// rest of a name and never the same rest: two people ("Víctor Manuel
    /// Fernández" and "Victor Wembanyama").
    fn two_people(&self, a: &[Span], b: &[Span]) -> bool {
        let rest = |spans: &[Span]| -> BTreeSet<&str> {
            spans
                .iter()
                .flat_map(|s| capitalised_neighbours(self.text(), *s))
                .filter(|n| !self.is_ordinary_word(n))
                .collect()
        };
        let (ra, rb) = (rest(a), rest(b));
        !ra.is_empty() && !rb.is_empty() && ra.is_disjoint(&rb)
    }
}

/// The two spellings of one folded key, the one without marks first, when
/// a key is written exactly these two ways with the same capitals (a
/// capital more or less is a styling, not a lost mark).
fn plain_and_marked<'a>(forms: &BTreeMap<&'a str, Vec<Span>>) -> Option<(&'a str, &'a str)> {
    let [a, b]: [&str; 2] = forms.keys().copied().collect::<Vec<_>>().try_into().ok()?;
    let caps = |w: &str| -> Vec<bool> { w.chars().map(char::is_uppercase).collect() };
    if caps(a) != caps(b) {
        return None;
    }
    match (a.is_ascii(), b.is_ascii()) {
        (true, false) => Some((a, b)),
        (false, true) => Some((b, a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms<'a>(ws: &[&'a str]) -> BTreeMap<&'a str, Vec<Span>> {
        ws.iter().map(|w| (*w, vec![Span::new(0, 1)])).collect()
    }

    #[test]
    fn a_name_with_and_without_its_marks_pairs_plain_then_marked() {
        assert_eq!(
            plain_and_marked(&forms(&["Sánchez", "Sanchez"])),
            Some(("Sanchez", "Sánchez"))
        );
        assert_eq!(
            plain_and_marked(&forms(&["São", "Sao"])),
            Some(("Sao", "São"))
        );
        assert_eq!(plain_and_marked(&forms(&["Sanchez"])), None);
        assert_eq!(
            plain_and_marked(&forms(&["SÃO", "Sao"])),
            None,
            "capitals differ"
        );
        assert_eq!(
            plain_and_marked(&forms(&["Sánchez", "Sanchéz"])),
            None,
            "two marked forms: nothing tells which"
        );
    }
}
