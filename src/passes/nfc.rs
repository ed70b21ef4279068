//! `nfc`: Unicode canonical composition (NFC).
//!
//! Text pasted from PDFs often carries decomposed letters ("e" + U+0301)
//! that look right but match nothing: search, the name lexicon and
//! citations all compare composed text. NFC changes no visible character, so
//! the edit is certain. Texts already in NFC (the quick check says so) cost
//! one scan.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

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
        // clusters are the smallest spans an edit can cover.
        for (i, g) in cx.text.grapheme_indices(true) {
            if !is_nfc(g) {
                let after: String = g.nfc().collect();
                let span = Span::new(i, i + g.len());
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
    fn composed_text_gives_nothing() {
        assert!(run_pass(&super::Nfc, "Məmmədov, Çavuşoğlu, İsmayıl").is_empty());
    }
}
