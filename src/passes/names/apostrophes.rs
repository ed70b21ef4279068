//! A pinyin name written with and without its syllable apostrophe.
//!
//! Pinyin writes an apostrophe before a syllable that starts with a, o or
//! e inside a word, where the letters could be cut another way: "Yan'an"
//! is yan-an, not ya-nan; "Xi'an" is xi-an, not the one syllable xian.
//! Machine translation drops it now and then ("Yanan" beside "Yan'an" a
//! paragraph later). The form with the apostrophe is the official spelling
//! and tells the syllables apart, so the plain form is rewritten to it when
//! the document writes both. Applied when the apostrophe form is written
//! at least twice as often and the plain form reads as the same number of
//! syllables; otherwise (a plain form that is one syllable, "Xian", may be
//! another word; a form written as often) only proposed.

use super::{Matcher, SpanSet};
use crate::analysis::pinyin::pinyin_syllables;
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::capitalised_words;
use crate::span::Span;
use std::collections::BTreeMap;

/// Confidence when the apostrophe form is the clear majority and the plain
/// form reads as as many syllables, and otherwise.
const CONF_MAJORITY: f32 = 0.8;
const CONF: f32 = 0.65;

impl Matcher<'_, '_> {
    /// Plain spellings of pinyin names the document also writes with the
    /// syllable apostrophe (see the module documentation).
    pub(super) fn apostrophe_variants(&self, guessed: &SpanSet) -> Vec<Edit> {
        let text = self.text();
        // the name without its apostrophe → (the form with it → its spans)
        let mut marked: BTreeMap<String, BTreeMap<&str, Vec<Span>>> = BTreeMap::new();
        // plain capitalised word → its spans
        let mut plain: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
        for b in &self.cx.doc.blocks {
            if !Sites::CAPITAL.in_text(b.span.of(text)) {
                continue;
            }
            let bt = b.span.of(text);
            for (k, w) in capitalised_words(bt) {
                let start = b.span.start + k;
                let rest = &bt[k + w.len()..];
                if let Some(len) = apostrophe_form_len(w, rest) {
                    let whole = &bt[k..k + len];
                    let span = Span::new(start, start + len);
                    if !self.taken(span) && !guessed.overlaps(span) {
                        let key: String = whole.chars().filter(|c| c.is_alphabetic()).collect();
                        marked
                            .entry(key)
                            .or_default()
                            .entry(whole)
                            .or_default()
                            .push(span);
                    }
                    continue;
                }
                let span = Span::new(start, start + w.len());
                let apostrophe_after = rest.starts_with(['\'', '\u{2019}']);
                let apostrophe_before = bt[..k].ends_with(['\'', '\u{2019}']);
                if w.len() >= 4
                    && w.bytes().all(|c| c.is_ascii_alphabetic())
                    && !apostrophe_after
                    && !apostrophe_before
                    && !self.taken(span)
                    && !guessed.overlaps(span)
                {
                    plain.entry(w).or_default().push(span);
                }
            }
        }
        let mut out = Vec::new();
        for (key, forms) in &marked {
            let Some(spans) = plain.get(key.as_str()) else {
                continue;
            };
            // the apostrophe form written most often, first met on a tie
            let Some((to, to_spans)) = forms
                .iter()
                .max_by_key(|(_, s)| (s.len(), std::cmp::Reverse(s[0])))
            else {
                continue;
            };
            let from = key.as_str();
            if self.is_ordinary_word(from) {
                continue;
            }
            let (nt, nf) = (to_spans.len(), spans.len());
            let syllables = |w: &str| pinyin_syllables(&w.replace(['\'', '\u{2019}'], ""));
            let cut = to
                .split(['\'', '\u{2019}'])
                .map(|p| pinyin_syllables(p).unwrap_or(0))
                .sum::<usize>();
            let same_cut = syllables(from) == Some(cut);
            let conf = if nt >= 2 * nf && same_cut {
                CONF_MAJORITY
            } else {
                CONF
            };
            let why = if same_cut {
                format!("{from:?} reads as {cut} syllables like {to:?}")
            } else {
                format!("{from:?} may be read as other syllables than {to:?}: only proposed")
            };
            for span in spans {
                out.push(
                    Edit::new(text, *span, *to, "names/apostrophe", Category::Name, conf).with_note(
                        format!(
                            "{from:?} and {to:?} both occur in this document and differ only in the apostrophe that pinyin writes before a syllable starting with a, o or e; {to:?} is written {nt} times, {from:?} {nf}; {why}"
                        ),
                    ),
                );
            }
        }
        out
    }
}

/// The length of the pinyin name written with a syllable apostrophe that
/// starts with the capitalised word `w`, followed in the text by `rest`:
/// "Yan" then "'an Spirit" gives the length of "Yan'an". Each piece is made
/// of pinyin syllables and each after an apostrophe starts with a, o or e,
/// as the pinyin rule has it: a possessive ("Jordan's") or a contraction is
/// none.
fn apostrophe_form_len(w: &str, rest: &str) -> Option<usize> {
    pinyin_syllables(w)?;
    let mut end = 0;
    let mut tail = rest;
    while let Some(after) = tail
        .strip_prefix('\'')
        .or_else(|| tail.strip_prefix('\u{2019}'))
    {
        let piece_len = after.bytes().take_while(u8::is_ascii_lowercase).count();
        let piece = &after[..piece_len];
        if !piece.starts_with(['a', 'o', 'e']) || pinyin_syllables(piece).is_none() {
            break;
        }
        end += tail.len() - after.len() + piece_len;
        tail = &after[piece_len..];
    }
    (end > 0 && !rest[end..].starts_with(char::is_alphanumeric)).then_some(w.len() + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pinyin_name_with_its_syllable_apostrophe_is_read_whole() {
        assert_eq!(apostrophe_form_len("Yan", "'an Spirit"), Some(6));
        assert_eq!(apostrophe_form_len("Xi", "\u{2019}an, the city"), Some(7));
        assert_eq!(apostrophe_form_len("Tian", "'anmen"), Some(10));
        assert_eq!(apostrophe_form_len("Gao", "'anchang."), Some(11));
    }

    #[test]
    fn a_possessive_or_a_word_that_is_no_pinyin_is_no_apostrophe_form() {
        assert_eq!(
            apostrophe_form_len("Jordan", "'s team"),
            None,
            "s is no syllable start"
        );
        assert_eq!(apostrophe_form_len("Wang", "'s"), None);
        assert_eq!(
            apostrophe_form_len("Smith", "'an"),
            None,
            "Smith is no pinyin"
        );
        assert_eq!(
            apostrophe_form_len("Xi", "'anx"),
            None,
            "anx is no syllable"
        );
        assert_eq!(
            apostrophe_form_len("Xi", "'an2"),
            None,
            "runs on into a digit"
        );
        assert_eq!(apostrophe_form_len("Li", " an"), None);
    }
}
