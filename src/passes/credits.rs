//! `credits`: picture credits in the running text.
//!
//! A caption pasted from a web page ends with its credit ("Scenes of the
//! conflict. Picture/People’s Vision", "Photo: AFP"). The parser makes such a
//! block a `figure` whose credit is a `note type="credit"`; this pass takes
//! the credit (and the space before it) out of the reading text, so the
//! clean text is the article, not its page furniture.
//!
//! Why it is safe: only credits the figure grammar found at the very end of
//! a short caption are removed, and the TEI still shows them in the figure
//! (a layout edit renders as its original text there).

use super::{Context, Pass, Proposals};
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Credits;

impl Pass for Credits {
    fn id(&self) -> &'static str {
        "credits"
    }

    fn description(&self) -> &'static str {
        "Picture credits at the end of captions are taken out of the reading text (kept in the figure's credit note)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for (i, block) in cx.doc.blocks.iter().enumerate() {
            let BlockKind::Figure(fig) = &block.kind else {
                continue;
            };
            let Some(credit) = fig.credit else { continue };
            // Take the spaces before the credit with it, within the block; a
            // credit standing alone goes with the blank space after it.
            let before = &cx.text[block.span.start..credit.start];
            let span = if before.trim().is_empty() && credit.end == block.span.end {
                super::removal::removal_span(cx.text, cx.doc, i)
            } else {
                let start = block.span.start + before.trim_end_matches([' ', '\t']).len();
                Span::new(start, credit.end)
            };
            out.edits.push(
                Edit::new(cx.text, span, "", self.id(), Category::Layout, 0.9)
                    .with_note("picture credit: kept in the figure's credit note"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Credits, t))
    }

    #[test]
    fn a_credit_alone_goes_with_its_gap() {
        assert_eq!(
            fixed("News here.\n\nPhoto credit: Reuters\n\nMore."),
            "News here.\n\nMore."
        );
    }

    #[test]
    fn credits_leave_the_reading_text() {
        assert_eq!(
            fixed("News\n\nSoldiers at the front. Picture/People’s Vision\n\nMore."),
            "News\n\nSoldiers at the front.\n\nMore."
        );
        assert_eq!(
            fixed("News\n\nThe comet. (Photo: Reuters)\n\nMore."),
            "News\n\nThe comet.\n\nMore."
        );
    }

    #[test]
    fn mentions_of_photos_stay() {
        for t in [
            "News\n\nHe showed a photo: it was blurred.\n\nMore.",
            "News\n\nThe agency sent a picture to AFP. Then it spoke at length about the many things that happened.\n\nMore.",
        ] {
            assert_eq!(fixed(t), t);
        }
    }
}
