//! Captions inside paragraphs: a line that ends with a picture credit ends
//! its caption.
//!
//! A web page's copy sets a picture's caption and credit on one line and
//! the paragraph after it often on the next, with no blank line between
//! ("Hilfe nach dem Hochwasser in der Eifel. Foto: Galli/Malteser⏎
//! Katastrophenschutz: Engagierte …"). Read as one paragraph, the credit
//! stands in the middle of the text, where [`super::figure`]'s grammar,
//! which finds a credit at a block's end, cannot see it. Each such line is
//! split off into a block of its own, which the parser then reads as a
//! caption; the lines around stay as they were.

use super::blocks::RawBlock;
use super::figure;

/// `raw` with every line that ends with a picture credit (and is short
/// enough to be a caption) ending its block, for the blocks before `until`
/// except those whose first byte is in `keep` (headings, notes, a table of
/// contents: settled already). The last line of a block is left alone: the
/// parser reads a block that ends with a credit as a caption already.
pub fn split(
    text: &str,
    raw: Vec<RawBlock>,
    until: usize,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<RawBlock> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, b) in raw.into_iter().enumerate() {
        let lines = b.lines();
        let inner = &lines[..lines.len().saturating_sub(1)];
        if i >= until || keep(b.span.start) || !inner.iter().any(|l| ends_caption(l.of(text))) {
            out.push(b);
            continue;
        }
        let mut current: Option<RawBlock> = None;
        for &l in lines {
            match &mut current {
                Some(c) => c.push(l),
                None => current = Some(RawBlock::new(l)),
            }
            if ends_caption(l.of(text)) {
                out.extend(current.take());
            }
        }
        out.extend(current);
    }
    out
}

/// Whether `line` is a caption's line: words of a caption, then a credit,
/// and no longer than a caption. A credit alone on its line inside a block
/// is left where it is: it stands in a gallery's or a teaser box's lines
/// (a picture's alt text, its credit, the teaser's title), whose reading
/// the furniture rules make from the whole box. Lines without a mark a
/// credit needs (a colon, a slash, a parenthesis, a copyright sign, "by",
/// "courtesy") are passed over before the grammar runs.
fn ends_caption(line: &str) -> bool {
    let marked = line.bytes().any(|b| matches!(b, b':' | b'/' | b'(' | 0xC2))
        || line.contains(" by ")
        || line.contains("ourtesy");
    marked
        && line
            .split_whitespace()
            .nth(figure::MAX_CAPTION_WORDS)
            .is_none()
        && figure::trailing_credit(line).is_some_and(|(a, _)| !line[..a].trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn blocks(text: &str) -> Vec<&str> {
        let mut raw = RawBlock::new(Span::new(0, 0));
        let mut first = true;
        let mut at = 0;
        for line in text.split('\n') {
            let span = Span::new(at, at + line.len());
            at += line.len() + 1;
            if first {
                raw = RawBlock::new(span);
                first = false;
            } else {
                raw.push(span);
            }
        }
        split(text, vec![raw], usize::MAX, &|_| false)
            .iter()
            .map(|b| b.span.of(text))
            .collect()
    }

    #[test]
    fn a_caption_line_with_its_credit_ends_its_block() {
        assert_eq!(
            blocks(
                "Hilfe in der Eifel. Foto: Galli/Malteser\nKatastrophenschutz: Engagierte Frauen helfen."
            ),
            [
                "Hilfe in der Eifel. Foto: Galli/Malteser",
                "Katastrophenschutz: Engagierte Frauen helfen."
            ]
        );
        assert_eq!(
            blocks("Intro line.\nThe comet. (Photo: Reuters)\nMore text here."),
            [
                "Intro line.\nThe comet. (Photo: Reuters)",
                "More text here."
            ]
        );
    }

    #[test]
    fn blocks_without_a_credit_inside_stay_whole() {
        for t in [
            "One line of text.\nAnother one: with a colon.",
            "A caption at the end. Photo: AFP",
            "He said: see the photo: it was blurred.\nThen more.",
            // a credit alone on its line: a gallery's or a box's
            "A man holds a test.\n© Getty Images/Someone\nThe teaser's title",
        ] {
            assert_eq!(blocks(t), [t], "{t}");
        }
    }
}
