//! Parsing with nom: source text to [`Document`].
//!
//! The grammar works in layers, each a small module: [`lines`] cuts the text
//! into lines with spans, [`blocks`] groups them into blocks by the document's
//! paragraph convention, [`classify`] decides what each block is, and
//! [`inline`] finds inline elements inside blocks. Whatever no rule claims is a
//! paragraph; no text is ever dropped.

pub mod blocks;
pub mod classify;
pub mod inline;
pub mod lines;

use crate::document::Document;

/// Parses `text` into a document. Never panics, never drops text: every
/// non-blank line lies inside exactly one block.
pub fn parse(text: &str) -> Document {
    let lines = lines::lines(text);
    let (convention, raw) = blocks::group(text, &lines);
    let mut doc = classify::classify(text, convention, raw);
    for block in &mut doc.blocks {
        block.inlines = inline::inlines(text, block.span);
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
