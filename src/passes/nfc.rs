//! `nfc`: Unicode canonical composition (NFC).
//!
//! Text pasted from PDFs often carries decomposed letters ("e" + U+0301)
//! that look right but match nothing: search, the name lexicon and
//! citations all compare composed text. NFC changes no visible character, so
//! the edit is certain. Texts already in NFC (the quick check says so) cost
//! one scan.

use super::xml_chars::is_xml_forbidden;
use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

/// True if the first grapheme of `rest` belongs with the cluster before it:
/// once characters XML forbids are taken away, what follows starts with a
/// combining mark.
fn continues_cluster(rest: &[(usize, &str)]) -> bool {
    let starts_with_mark = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|c| canonical_combining_class(c) != 0)
    };
    rest.iter()
        .map(|(_, s)| s.trim_start_matches(is_xml_forbidden))
        .find(|s| !s.is_empty())
        .is_some_and(starts_with_mark)
}

/// See the module documentation.
pub struct Nfc;

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
        let graphemes: Vec<(usize, &str)> = cx.text.grapheme_indices(true).collect();
        let mut k = 0;
        while k < graphemes.len() {
            let start = graphemes[k].0;
            let mut j = k + 1;
            while j < graphemes.len() && continues_cluster(&graphemes[j..]) {
                j += 1;
            }
            let end = graphemes.get(j).map_or(cx.text.len(), |&(i, _)| i);
            k = j;
            let group = &cx.text[start..end];
            let kept: String = group.chars().filter(|&c| !is_xml_forbidden(c)).collect();
            if !is_nfc(&kept) {
                let after: String = kept.nfc().collect();
                let span = Span::new(start, end);
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
        assert_eq!(e[0].span.len(), t.len());
        assert!(!e[0].after.contains('\u{1}'));
    }

    #[test]
    fn composed_text_gives_nothing() {
        assert!(run_pass(&super::Nfc, "Məmmədov, Çavuşoğlu, İsmayıl").is_empty());
    }
}
