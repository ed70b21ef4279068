//! `nfc`: Unicode canonical composition (NFC).
//!
//! Text pasted from PDFs often carries decomposed letters ("e" + U+0301)
//! that look right but match nothing: search, the name lexicon and
//! citations all compare composed text. NFC changes no visible character, so
//! the edit is certain. Texts already in NFC (the quick check says so) cost
//! one scan.

use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_xml_forbidden;
use crate::analysis::marks::Marks;
use crate::edit::{Category, Edit};
use crate::span::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// True if the first grapheme of `rest` belongs with the cluster before it:
/// once the characters other rules delete are taken away (see [`Away`]),
/// what follows starts with a combining mark.
fn continues_cluster(rest: &[(usize, &str)], away: &Away) -> bool {
    rest.iter()
        .flat_map(|&(at, s)| s.char_indices().map(move |(k, c)| (at + k, c)))
        .find(|&(at, c)| !away.deletes(at, c))
        .is_some_and(|(_, c)| canonical_combining_class(c) != 0)
}

/// The characters other rules delete, which composition reads through:
/// characters XML forbids (rule xml-chars) and the markdown delimiters the
/// markup rule removes ("*u*" + U+0300 is "ù" once the marks are gone).
struct Away(Marks);

impl Away {
    fn deletes(&self, at: usize, c: char) -> bool {
        is_xml_forbidden(c) || self.is_mark(at)
    }

    fn is_mark(&self, at: usize) -> bool {
        self.0.holds(at)
    }
}

/// See the module documentation.
pub struct Nfc;

/// The edit is kept to the characters composing changes, so that it does
/// not overlap an edit of another rule on an unchanged neighbour ("*" before
/// a mark that decomposes, which the markup rule removes).
fn changed_part(group: &str, start: usize, composed: &str) -> (Span, String) {
    let (prefix, suffix) = super::common_ends(group, composed);
    let after = composed[prefix..composed.len() - suffix].to_owned();
    (
        Span::new(start + prefix, start + group.len() - suffix),
        after,
    )
}

/// Composing can complete a misread UTF-8 sequence ("A\u{302}´" composes
/// to "Â´", the mojibake of "´"), which the mojibake rule, reading the
/// source, cannot see. The edit then takes in the neighbouring characters
/// that may be misread bytes and decodes them with the composed text, so a
/// second conversion finds nothing to do.
fn with_misread_neighbours(text: &str, span: Span, composed: String) -> (Span, String) {
    use crate::analysis::misread::{decoded, may_be_misread};
    // a UTF-8 sequence has at most four bytes: three neighbours a side
    let left: usize = text[..span.start]
        .chars()
        .rev()
        .take(3)
        .take_while(|&c| may_be_misread(c))
        .map(char::len_utf8)
        .sum();
    let right: usize = text[span.end..]
        .chars()
        .take(3)
        .take_while(|&c| may_be_misread(c))
        .map(char::len_utf8)
        .sum();
    let (from, to) = (span.start - left, span.end + right);
    let before = format!(
        "{}{composed}{}",
        &text[from..span.start],
        &text[span.end..to]
    );
    let raw_holds_mojibake = decoded(&text[from..to]).is_some();
    match decoded(&before) {
        Some(fixed) if !raw_holds_mojibake => (Span::new(from, to), fixed),
        _ => (span, composed),
    }
}

/// A cluster with markdown delimiters inside, composed: the pieces between
/// the delimiters are edited apart, the first becoming the composed text and
/// the others going, so that no edit overlaps the markup rule's.
fn split_edits(
    text: &str,
    rule: &str,
    group: Span,
    away: &Away,
    composed: String,
    out: &mut Proposals,
) {
    let mut pieces: Vec<Span> = Vec::new();
    for (i, c) in text[group.start..group.end].char_indices() {
        let at = group.start + i;
        if away.is_mark(at) {
            continue;
        }
        match pieces.last_mut() {
            Some(p) if p.end == at => p.end = at + c.len_utf8(),
            _ => pieces.push(Span::new(at, at + c.len_utf8())),
        }
    }
    let mut composed = Some(composed);
    for piece in pieces {
        let after = composed.take().unwrap_or_default();
        out.edits
            .push(Edit::new(text, piece, after, rule, Category::Unicode, 1.0));
    }
}

impl Pass for Nfc {
    fn id(&self) -> &'static str {
        "nfc"
    }

    fn description(&self) -> &'static str {
        "Unicode text is brought to canonical composition (NFC)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        if is_nfc_quick(cx.text.chars()) == IsNormalized::Yes {
            return;
        }
        // Composition never crosses an extended grapheme cluster boundary, so
        // clusters are the smallest spans an edit can cover. A character XML
        // forbids between a letter and its combining marks splits the cluster
        // but goes away (rule xml-chars), so such runs are judged together,
        // without it; the edit then covers and removes it too.
        let away = Away(Marks::of(
            cx.text,
            cx.doc.blocks.iter().flat_map(|b| &b.inlines),
        ));
        let graphemes: Vec<(usize, &str)> = cx.text.grapheme_indices(true).collect();
        let mut k = 0;
        while k < graphemes.len() {
            let start = graphemes[k].0;
            let mut j = k + 1;
            while j < graphemes.len() && continues_cluster(&graphemes[j..], &away) {
                j += 1;
            }
            let end = graphemes.get(j).map_or(cx.text.len(), |&(i, _)| i);
            k = j;
            let group = &cx.text[start..end];
            let kept: String = group
                .char_indices()
                .filter(|&(i, c)| !away.deletes(start + i, c))
                .map(|(_, c)| c)
                .collect();
            if is_nfc(&kept) {
                continue;
            }
            let composed: String = kept.nfc().collect();
            if (start..end).any(|at| away.is_mark(at)) {
                split_edits(
                    cx.text,
                    self.id(),
                    Span::new(start, end),
                    &away,
                    composed,
                    out,
                );
                continue;
            }
            let (span, composed) = changed_part(group, start, &composed);
            let (span, after) = with_misread_neighbours(cx.text, span, composed);
            out.edits.push(Edit::new(
                cx.text,
                span,
                after,
                self.id(),
                Category::Unicode,
                1.0,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    #[test]
    fn decomposed_letters_are_composed() {
        let e = run_pass(&super::Nfc, "Me\u{301}mme\u{308}dov and café");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].after, "é");
        assert_eq!(e[1].after, "ë");
    }

    #[test]
    fn marks_split_by_a_forbidden_character_are_judged_together() {
        let t = "e\u{301}\u{1}\u{FFFE}\u{3099}\u{302}";
        let e = run_pass(&super::Nfc, t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(!e[0].after.contains('\u{1}'));
        // the marks are put in canonical order across the removed characters
        let kept: String = t
            .chars()
            .filter(|&c| !crate::analysis::chars::is_xml_forbidden(c))
            .collect();
        let fixed = crate::apply::apply(t, &e);
        assert_eq!(
            fixed,
            unicode_normalization::UnicodeNormalization::nfc(kept.chars()).collect::<String>()
        );
    }

    #[test]
    fn composing_that_completes_mojibake_also_decodes_it() {
        let e = run_pass(&super::Nfc, "x A\u{302}´ y");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            (e[0].before.as_str(), e[0].after.as_str()),
            ("A\u{302}´", "´")
        );
    }

    #[test]
    fn the_edit_covers_only_what_composing_changes() {
        let e = run_pass(&super::Nfc, "*\u{f9d}*");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            (e[0].before.as_str(), e[0].after.as_str()),
            ("\u{f9d}", "\u{f9c}\u{fb7}")
        );
    }

    #[test]
    fn marks_after_markdown_delimiters_compose_with_the_letter_inside() {
        // "*u*" + U+0300: once the markup rule removes the stars, "u" and the
        // grave are neighbours; composing them now saves a second conversion
        let t = "A *u*\u{300} b";
        let nfc = run_pass(&super::Nfc, t);
        assert_eq!(nfc.len(), 2, "{nfc:?}");
        let mut all = nfc;
        all.extend(run_pass(&crate::passes::markup::Markup, t));
        all.sort_by_key(|e| e.span);
        assert_eq!(crate::apply::apply(t, &all), "A ù b");
    }

    #[test]
    fn composed_text_gives_nothing() {
        assert!(run_pass(&super::Nfc, "Məmmədov, Çavuşoğlu, İsmayıl").is_empty());
    }
}
