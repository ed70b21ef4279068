//! Deciding what each raw block is: title, heading or paragraph.
//!
//! Evidence, not file type, decides: a heading is a short single line without
//! sentence-final punctuation that is followed by more text. Whatever no rule
//! claims stays a paragraph.

use super::blocks::RawBlock;
use crate::document::{Block, BlockKind, Convention, Document, Meta};

/// Longest heading, in words.
const MAX_HEAD_WORDS: usize = 20;
/// Longest heading, in bytes.
const MAX_HEAD_BYTES: usize = 200;

/// Classifies raw blocks into a document.
pub fn classify(text: &str, convention: Convention, raw: Vec<RawBlock>) -> Document {
    let n = raw.len();
    let mut blocks: Vec<Block> = Vec::with_capacity(n);
    for (i, rb) in raw.iter().enumerate() {
        let s = rb.span.of(text);
        let heading_like = rb.lines.len() == 1 && looks_like_heading(s);
        let kind = if i == 0 && heading_like && n > 1 {
            BlockKind::Title
        } else if heading_like && i + 1 < n {
            let after_head = matches!(blocks.last().map(|b| &b.kind), Some(BlockKind::Head { .. }));
            BlockKind::Head {
                level: if after_head { 2 } else { 1 },
            }
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: rb.span,
            lead: None,
            inlines: Vec::new(),
        });
    }
    let meta = Meta {
        title: blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| b.span),
        ..Meta::default()
    };
    Document {
        convention,
        blocks,
        meta,
    }
}

/// A short line that starts like a heading and does not end like a sentence.
pub fn looks_like_heading(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    (first.is_uppercase() || first.is_numeric())
        && words <= MAX_HEAD_WORDS
        && s.len() <= MAX_HEAD_BYTES
        && !matches!(last, '.' | ',' | ';' | ':' | '”' | '"' | '…')
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind;
    use crate::parse::parse;

    fn kinds(t: &str) -> Vec<BlockKind> {
        parse(t).blocks.into_iter().map(|b| b.kind).collect()
    }

    #[test]
    fn title_heads_and_paragraphs() {
        let t = "War Latest Update\n\nCasualties on both sides\n\nThe fighting went on.\n\nWhy is it hard?\n\nBecause it is.";
        assert_eq!(
            kinds(t),
            [
                BlockKind::Title,
                BlockKind::Head { level: 1 },
                BlockKind::Paragraph,
                BlockKind::Head { level: 1 },
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn sentences_and_last_lines_are_not_heads() {
        let t = "A long first paragraph that ends with a period.\n\nShort sentence, then more.\n\nLast short line";
        assert!(kinds(t).iter().all(|k| *k == BlockKind::Paragraph));
    }

    #[test]
    fn a_head_right_after_a_head_is_a_subhead() {
        let t = "Title\n\nMain heading\n\nA deck under it\n\nText.";
        assert_eq!(kinds(t)[2], BlockKind::Head { level: 2 });
    }
}
