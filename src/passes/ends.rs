//! `ends`: the blank space left at the end of the text when the blocks
//! after it go.
//!
//! Removing a block takes the blank space after it, so removing the last
//! blocks of a text (a comment section, a share bar, a footer) left the
//! blank line before them: the clean text ended "…the last sentence.⏎⏎".
//! This rule, run after the others, narrows that space to one line break
//! when every block after it is removed with confidence.
//!
//! Why it is safe: only blank space is touched, and one line break always
//! stays, so even if a removal it counted on is not applied, no two blocks
//! are glued together.

use super::{Context, Pass, Proposals, removed_blocks};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Ends;

impl Pass for Ends {
    fn id(&self) -> &'static str {
        "ends"
    }

    fn description(&self) -> &'static str {
        "The blank lines left at the end of the text by the removal of its last blocks narrowed to one line break."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let blocks = &cx.doc.blocks;
        let removed = removed_blocks(cx, out, |_| true);
        let Some(last_kept) = removed.iter().rposition(|r| !r) else {
            return;
        };
        let Some(next) = blocks.get(last_kept + 1) else {
            return;
        };
        let gap = Span::new(blocks[last_kept].span.end, next.span.start);
        if gap.of(cx.text).trim().is_empty() && gap.of(cx.text) != "\n" {
            out.edits.push(
                Edit::new(cx.text, gap, "\n", self.id(), Category::Whitespace, 0.95)
                    .with_note("the blocks after it are all removed"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::convert_text;

    #[test]
    fn the_text_ends_on_one_line_break_after_its_last_blocks_go() {
        let t = "A real paragraph of the story that goes on for a while.\n\nShare this:\n\nLeave a Reply\n";
        assert_eq!(
            convert_text("t.txt", t).clean,
            "A real paragraph of the story that goes on for a while.\n"
        );
        // nothing removed at the end: nothing changes
        let t = "A paragraph.\n\nShare this:\n\nThe end of it all.\n\n";
        assert_eq!(
            convert_text("t.txt", t).clean,
            "A paragraph.\n\nThe end of it all.\n\n"
        );
    }
}
