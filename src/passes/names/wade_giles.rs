//! One person's given name in Wade–Giles and in pinyin in one document.
//!
//! Chinese names reach English in two romanizations: pinyin, and the older
//! Wade–Giles that Taiwan and many older sources keep ("Kuei-ying" for
//! Guiying, "Ching-kuo" for Jingguo). A translation that copies one
//! mention from a source quoting the other writes both ("Wu Kuei-ying
//! said…", "Wu Guiying and other leaders…"). Two mentions are read as one
//! person when they share the surname, written alike, and the given names
//! are syllable for syllable the same in the two systems, after the table
//! of `lexicons/wade-giles.tsv` (from pypinyin), with the aspiration
//! apostrophe and the ü folded away as machine translation drops them. The
//! Wade–Giles form must show itself as one: a syllable pinyin has not
//! ("kuei", "hsin") or the hyphen before a lowercase syllable, so that two
//! pinyin names of one family ("Li Cheng", "Li Zheng") stay two people.
//! Only proposed: which system a text keeps to is for the reviewer; the
//! form written more often is proposed, and on a tie the pinyin one.

use super::{Matcher, SpanSet};
use crate::analysis::pinyin::{pinyin_syllables, syllable_pairs};
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::word_iter;
use crate::names::fold::fold;
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

/// Confidence when one form is written more often, and on a tie.
const CONF_MAJORITY: f32 = 0.65;
const CONF_TIE: f32 = 0.6;
/// Most pinyin readings of one Wade–Giles name kept (a syllable written
/// without its apostrophe has two: "chang" is zhang, "ch'ang" chang).
const MAX_READINGS: usize = 64;
/// Longest piece of a given name between hyphens read, in letters.
const MAX_PIECE: usize = 12;

/// Folded Wade–Giles syllable (no apostrophe, ü as u) → its pinyin readings.
static TABLE: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut t: HashMap<String, Vec<String>> = HashMap::new();
    for (pinyin, wg) in syllable_pairs(include_str!("../../../lexicons/wade-giles.tsv")) {
        let key: String = fold(wg).chars().filter(char::is_ascii_lowercase).collect();
        let readings = t.entry(key).or_default();
        let p = fold(pinyin);
        if !readings.contains(&p) {
            readings.push(p);
        }
    }
    t
});

/// The pinyin readings of a Wade–Giles given name (pieces joined by
/// hyphens, each one or more syllables), folded and written as one word;
/// empty if a piece is no Wade–Giles.
pub(super) fn pinyin_readings(wg: &str) -> BTreeSet<String> {
    let mut readings = BTreeSet::from([String::new()]);
    for piece in wg.split('-') {
        let piece: String = fold(piece)
            .chars()
            .filter(char::is_ascii_lowercase)
            .collect();
        // two syllables of six letters at most: a longer piece is no
        // given name, and its cuts would multiply
        if piece.len() > MAX_PIECE {
            return BTreeSet::new();
        }
        let mut next = BTreeSet::new();
        for segmentation in segmentations(&piece) {
            for r in &readings {
                for tail in &segmentation {
                    if next.len() < MAX_READINGS {
                        next.insert(format!("{r}{tail}"));
                    }
                }
            }
        }
        readings = next;
        if readings.is_empty() {
            break;
        }
    }
    readings
}

/// The pinyin strings a folded Wade–Giles word reads as, grouped by the
/// way it is cut into syllables (each group: the readings of one cut).
fn segmentations(w: &str) -> Vec<Vec<String>> {
    if w.is_empty() {
        return vec![vec![String::new()]];
    }
    let mut out = Vec::new();
    for end in (1..=w.len().min(6)).rev() {
        let Some(readings) = TABLE.get(&w[..end]) else {
            continue;
        };
        for rest in segmentations(&w[end..]) {
            let mut group = Vec::new();
            for head in readings {
                for tail in &rest {
                    if group.len() < MAX_READINGS {
                        group.push(format!("{head}{tail}"));
                    }
                }
            }
            out.push(group);
        }
    }
    out
}

/// True if the given name `w` shows itself as Wade–Giles: a hyphen before
/// a lowercase syllable, or letters that are no pinyin.
fn looks_wade_giles(w: &str) -> bool {
    let hyphenated = w
        .split_once('-')
        .is_some_and(|(_, b)| b.starts_with(|c: char| c.is_ascii_lowercase()));
    hyphenated || pinyin_syllables(w).is_none()
}

/// A given name written after a surname.
struct Mention<'a> {
    surname: &'a str,
    given: &'a str,
    span: Span,
}

impl Matcher<'_, '_> {
    /// Given names of one surname written in Wade–Giles and in pinyin (see
    /// the module documentation).
    pub(super) fn wade_giles_variants(&self, guessed: &SpanSet) -> Vec<Edit> {
        let text = self.text();
        let mut mentions: Vec<Mention<'_>> = Vec::new();
        for b in &self.cx.doc.blocks {
            // a surname and a given name open on ASCII capitals
            if !Sites::UPPER.in_text(b.span.of(text)) {
                continue;
            }
            let bt = b.span.of(text);
            let ws: Vec<(usize, &str)> = word_iter(bt).collect();
            for (i, &(k1, surname)) in ws.iter().enumerate() {
                let Some(&(k2, given)) = ws.get(i + 1) else {
                    continue;
                };
                if &bt[k1 + surname.len()..k2] != " "
                    || !title_case(surname)
                    || !title_case(given)
                    || pinyin_syllables(surname) != Some(1)
                {
                    continue;
                }
                // "Kuei-ying": the piece after a hyphen, in lowercase
                let mut end = k2 + given.len();
                if let Some(&(k3, piece)) = ws.get(i + 2)
                    && &bt[end..k3] == "-"
                    && piece.bytes().all(|c| c.is_ascii_lowercase())
                {
                    end = k3 + piece.len();
                }
                let span = Span::new(b.span.start + k2, b.span.start + end);
                if self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                mentions.push(Mention {
                    surname,
                    given: &bt[k2..end],
                    span,
                });
            }
        }
        // surname → given name as written → its spans
        let mut by_surname: BTreeMap<&str, BTreeMap<&str, Vec<Span>>> = BTreeMap::new();
        for m in &mentions {
            by_surname
                .entry(m.surname)
                .or_default()
                .entry(m.given)
                .or_default()
                .push(m.span);
        }
        let mut out = Vec::new();
        for (surname, forms) in &by_surname {
            for (wg, wg_spans) in forms {
                if !looks_wade_giles(wg)
                    || self.is_ordinary_word(wg.split('-').next().unwrap_or(wg))
                {
                    continue;
                }
                let readings = pinyin_readings(wg);
                for (py, py_spans) in forms {
                    let folded = fold(py);
                    if py.contains('-')
                        || pinyin_syllables(py).is_none()
                        || fold(wg).replace('-', "") == folded
                        || !readings.contains(&folded)
                        || self.is_ordinary_word(py)
                    {
                        continue;
                    }
                    let (nw, np) = (wg_spans.len(), py_spans.len());
                    let (from, to, spans, conf, why) = if nw > np {
                        (
                            py,
                            wg,
                            py_spans,
                            CONF_MAJORITY,
                            format!("{wg:?} is written {nw} times, {py:?} {np}"),
                        )
                    } else {
                        (
                            wg,
                            py,
                            wg_spans,
                            if np > nw { CONF_MAJORITY } else { CONF_TIE },
                            if np > nw {
                                format!("{py:?} is written {np} times, {wg:?} {nw}")
                            } else {
                                format!(
                                    "each is written {nw} times; {py:?} is pinyin, the romanization of the text's other names"
                                )
                            },
                        )
                    };
                    for span in spans {
                        out.push(
                            Edit::new(text, *span, *to, "names/wade-giles", Category::Name, conf)
                                .with_note(format!(
                                    "\"{surname} {from}\" and \"{surname} {to}\" are one surname with one given name in two romanizations: Wade–Giles {wg:?} reads as pinyin {py:?} syllable for syllable (lexicons/wade-giles.tsv); {why}"
                                )),
                        );
                    }
                }
            }
        }
        out
    }
}

/// A capital and then lowercase ASCII letters only.
fn title_case(w: &str) -> bool {
    let mut b = w.bytes();
    b.next().is_some_and(|c| c.is_ascii_uppercase()) && b.all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wade_giles_given_name_reads_as_its_pinyin() {
        let r = pinyin_readings("Kuei-ying");
        assert!(r.contains("guiying"), "{r:?}");
        assert!(pinyin_readings("Ching-kuo").contains("jingguo"));
        // the aspiration apostrophe dropped: both readings kept
        let r = pinyin_readings("Chang");
        assert!(r.contains("zhang") && r.contains("chang"), "{r:?}");
        assert!(pinyin_readings("Hsin").contains("xin"));
        assert!(pinyin_readings("Smith").is_empty());
        assert!(pinyin_readings(&"a".repeat(40)).is_empty(), "no given name");
    }

    #[test]
    fn only_a_hyphen_or_a_syllable_pinyin_lacks_marks_wade_giles() {
        assert!(looks_wade_giles("Kuei-ying"));
        assert!(looks_wade_giles("Hsin"));
        assert!(
            !looks_wade_giles("Cheng"),
            "a pinyin syllable too: Li Cheng and Li Zheng are two"
        );
        assert!(!looks_wade_giles("Guiying"));
    }
}
