//! Parsing with nom: source text to [`Document`].
//!
//! The grammar works in layers, each a small module: [`lines`] cuts the text
//! into lines with spans, [`blocks`] groups them into blocks by the document's
//! paragraph convention, [`classify`] decides what each block is, and
//! [`inline`] finds inline elements inside blocks. Whatever no rule claims is a
//! paragraph; no text is ever dropped.

pub mod bibl;
pub mod blocks;
pub mod classify;
pub mod figure;
pub mod front;
pub mod grammar;
pub mod inline;
pub mod label;
pub mod lead;
pub mod lines;
pub mod markdown;

use crate::document::{BlockKind, Document};

/// Parses `text` into a document. Never panics, never drops text: every
/// non-blank line lies inside exactly one block.
pub fn parse(text: &str) -> Document {
    let lines = lines::lines(text);
    let (convention, raw) = blocks::group(text, &lines);
    let mut doc = classify::classify(text, convention, raw);
    let entries: Vec<bibl::Entry<'_>> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Bibl { n } => Some(bibl::Entry {
                block: i,
                n,
                text: b.span.of(text),
            }),
            _ => None,
        })
        .collect();
    let cites: Vec<Vec<crate::document::Inline>> = doc
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Paragraph
            | BlockKind::Item { .. }
            | BlockKind::Abstract
            | BlockKind::Figure(_) => inline::citations(text, b.span, &entries),
            _ => Vec::new(),
        })
        .collect();
    for (block, cites) in doc.blocks.iter_mut().zip(cites) {
        block.inlines = inline::inlines(text, block.span);
        inline::add_markdown(text, block.span, &mut block.inlines);
        inline::add_citations(&mut block.inlines, cites);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_blank_line_is_in_one_block() {
        let text = "Title here\n\nFirst para\nwraps here.\n\n  \nSecond para.\n";
        let doc = parse(text);
        let covered: String = doc.blocks.iter().map(|b| b.span.of(text)).collect();
        let expected: String = text.split_whitespace().collect();
        assert_eq!(covered.split_whitespace().collect::<String>(), expected);
    }
}
