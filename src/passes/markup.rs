//! `markup`: markdown delimiters left in pasted text.
//!
//! The parser marks `**bold**`, `*italic*`, `[text](url)` and `<url>` as
//! inline elements (TEI `hi @rend` and `ref @target`); this pass proposes the
//! removal of their delimiters from the reading text: `**`, `*`, `[`,
//! `](url)`, `<`, `>`, and the `##` of a markdown heading; a markdown image
//! `![alt](src)` goes whole (TEI `ref type="image"`). Example: "We
//! said **Let's live.**" reads "We said Let's live." and the TEI shows `<hi rend="bold"><surplus
//! reason="markup">**</surplus>Let's live.<surplus …>**</surplus></hi>`.
//!
//! Why it is safe: only delimiters the grammar paired up are touched, never
//! the words between them; the link target stays in `ref @target`, and the
//! removed characters stay in the TEI as `surplus`, so restore gets them back.

use super::{Context, Pass, Proposals};
use crate::analysis::marks::delimiters;
use crate::document::{BlockKind, InlineKind};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Markup;

impl Pass for Markup {
    fn id(&self) -> &'static str {
        "markup"
    }

    fn description(&self) -> &'static str {
        "Markdown delimiters (**, *, [..](url), <url>) removed; the text they marked becomes TEI hi or ref; markdown images leave the reading text."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for (i, block) in cx.doc.blocks.iter().enumerate() {
            // "## Methods": the heading marker goes, the heading stays a TEI
            // head (or the document's title).
            if matches!(
                block.kind,
                BlockKind::Head { .. } | BlockKind::Title | BlockKind::Subtitle
            ) {
                let s = block.span.of(cx.text);
                let hashes = s.len() - s.trim_start_matches('#').len();
                if (1..=6).contains(&hashes) && s[hashes..].starts_with(' ') {
                    let marker = s[hashes..].len() - s[hashes..].trim_start().len() + hashes;
                    let span = Span::new(block.span.start, block.span.start + marker);
                    out.edits.push(
                        Edit::new(cx.text, span, "", self.id(), Category::Markup, 0.95)
                            .with_note("markdown heading marker: the heading is a TEI head"),
                    );
                }
            }
            if is_rule_line(block.span.of(cx.text)) {
                let span = super::removal::removal_span(cx.text, cx.doc, i);
                out.edits.push(
                    Edit::new(cx.text, span, "", self.id(), Category::Markup, 0.9)
                        .with_note("a separator line (markdown rule): layout, not text"),
                );
                continue;
            }
            for inline in &block.inlines {
                if let InlineKind::Image { .. } = inline.kind {
                    let span = image_removal(cx, i, inline.span);
                    out.edits.push(
                        Edit::new(cx.text, span, "", self.id(), Category::Markup, 0.95)
                            .with_note("markdown image: its address and description stay in the TEI, out of the reading text"),
                    );
                    continue;
                }
                let note = "markdown delimiter: the element is kept as TEI markup";
                for span in delimiters(cx.text, inline).into_iter().flatten() {
                    out.edits.push(
                        Edit::new(cx.text, span, "", self.id(), Category::Markup, 0.95)
                            .with_note(note),
                    );
                }
            }
        }
    }
}

/// A line of three or more of one of `-`, `_`, `*`, `=`, `~` (spaces between
/// allowed): a separator, markdown's thematic break.
fn is_rule_line(s: &str) -> bool {
    // read as far as the first character that is neither the mark nor a
    // space: a paragraph fails at once, however long
    let mut marks = s.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks
        .next()
        .filter(|c| matches!(c, '-' | '_' | '*' | '=' | '~'))
    else {
        return false;
    };
    let mut n = 1;
    for c in marks {
        if c != mark {
            return false;
        }
        n += 1;
    }
    n >= 3 && !s.trim().contains('\n')
}

/// The span taking image `image` out of block `i`: an image that is the
/// whole block goes with the blank space after it, one alone on its line
/// with the line break after it.
fn image_removal(cx: &Context<'_>, i: usize, image: Span) -> Span {
    let block = cx.doc.blocks[i].span;
    if image == block {
        return super::removal::removal_span(cx.text, cx.doc, i);
    }
    let line_start = image.start == block.start || cx.text[..image.start].ends_with('\n');
    match cx.text[image.end..block.end].strip_prefix('\n') {
        Some(_) if line_start => Span::new(image.start, image.end + 1),
        _ => image,
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Markup, t))
    }

    #[test]
    fn delimiters_go() {
        assert_eq!(
            fixed("We said **Let's live.** Then"),
            "We said Let's live. Then"
        );
        assert_eq!(
            fixed("T\n\nan *italic\nphrase* here"),
            "T\n\nan italic\nphrase here"
        );
        assert_eq!(
            fixed("see [the report](https://x.org/r) now"),
            "see the report now"
        );
        assert_eq!(fixed("URL: <https://x.org/a>"), "URL: https://x.org/a");
        assert_eq!(
            fixed("T\n\n## Methods\n\nWe read."),
            "T\n\nMethods\n\nWe read."
        );
    }

    #[test]
    fn separator_lines_go() {
        assert_eq!(
            fixed("The truce held.\n\n___\n\nA writer contributed.\n\n* * *\n\nEnd."),
            "The truce held.\n\nA writer contributed.\n\nEnd."
        );
        assert_eq!(fixed("A -- B\n\n--\n\nC"), "A -- B\n\n--\n\nC");
    }

    #[test]
    fn heading_markers_go_from_titles_too() {
        assert_eq!(
            fixed("# Ceasefire signed\n\n## What we know\n\nThe deal held for a week and more."),
            "Ceasefire signed\n\nWhat we know\n\nThe deal held for a week and more."
        );
    }

    #[test]
    fn a_markdown_image_leaves_the_reading_text() {
        assert_eq!(
            fixed(
                "Intro.\n\n![Russian peacekeepers](https://x.org/p.jpg)\nPeacekeepers arrive. Then"
            ),
            "Intro.\n\nPeacekeepers arrive. Then"
        );
        assert_eq!(
            fixed("Intro.\n\n![Peacekeepers](https://x.org/p.jpg)\n\nThey arrive."),
            "Intro.\n\nThey arrive."
        );
        // an exclamation before a link is no image when a space parts them
        assert_eq!(
            fixed("Wow! [the report](https://x.org) says"),
            "Wow! the report says"
        );
    }

    #[test]
    fn lone_marks_and_placeholder_links_stay() {
        for t in [
            "Required fields are marked *",
            "5 * 3 * 2",
            "[catalog.az+1](#)",
            "a < b > c",
            "[1] Smith",
        ] {
            assert_eq!(fixed(t), t);
        }
    }
}
