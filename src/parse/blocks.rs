//! Grouping lines into raw blocks, by the paragraph convention of the document.
//!
//! Most texts separate paragraphs by blank lines and may wrap lines inside a
//! paragraph. Some (news copied from web pages) put one paragraph on a line
//! and use no blank lines at all. The convention is detected per document:
//! with no blank line between text lines, every line is a block.

use super::lines::Line;
use crate::document::Convention;
use crate::span::Span;

/// A block before classification: its span and the spans of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    /// From the first character of the first line to the last of the last.
    pub span: Span,
    /// The trimmed lines when there are several. A block of one line (most
    /// blocks of a text with a paragraph a line) keeps none: its line is
    /// `span`, so a million one-line blocks allocate no million lists.
    several: Vec<Span>,
}

impl RawBlock {
    /// A block of one line.
    pub fn new(line: Span) -> Self {
        RawBlock {
            span: line,
            several: Vec::new(),
        }
    }

    /// The trimmed lines inside the block.
    pub fn lines(&self) -> &[Span] {
        if self.several.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.several
        }
    }

    /// Adds a line at the end of the block.
    pub fn push(&mut self, line: Span) {
        if self.several.is_empty() {
            self.several.push(self.span);
        }
        self.span = self.span.cover(line);
        self.several.push(line);
    }
}

/// Detects the convention and groups `lines` into blocks.
pub fn group(text: &str, lines: &[Line]) -> (Convention, Vec<RawBlock>) {
    let convention = detect(lines);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut current: Option<RawBlock> = None;
    for line in lines {
        if line.is_blank() {
            blocks.extend(current.take());
            continue;
        }
        // a form feed (pdftotext's page break) starts a block: the next
        // page's first line is no part of the last block of the page before
        let new_page = text[line.span.start..line.content.start].contains('\x0c');
        match (&mut current, convention) {
            (Some(b), Convention::BlankLines) if !new_page => {
                b.push(line.content);
            }
            _ => {
                blocks.extend(current.take());
                current = Some(RawBlock::new(line.content));
            }
        }
    }
    blocks.extend(current);
    (convention, blocks)
}

/// Blank lines anywhere between text lines mean blank-line paragraphs;
/// several text lines and no blank line between them mean one paragraph a line.
fn detect(lines: &[Line]) -> Convention {
    let first = lines.iter().position(|l| !l.is_blank());
    let last = lines.iter().rposition(|l| !l.is_blank());
    let (Some(first), Some(last)) = (first, last) else {
        return Convention::BlankLines;
    };
    let inner = &lines[first..=last];
    let blanks = inner.iter().filter(|l| l.is_blank()).count();
    let texts = inner.len() - blanks;
    if blanks == 0 && texts > 1 {
        Convention::LineBreaks
    } else {
        Convention::BlankLines
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn texts(t: &str) -> (Convention, Vec<String>) {
        let (c, b) = group(t, &lines(t));
        (c, b.iter().map(|b| b.span.of(t).to_owned()).collect())
    }

    #[test]
    fn blank_line_paragraphs_keep_wrapped_lines_together() {
        let (c, b) = texts("Title\n\nOne line\nwrapped.\n\nTwo.\n");
        assert_eq!(c, Convention::BlankLines);
        assert_eq!(b, ["Title", "One line\nwrapped.", "Two."]);
    }

    #[test]
    fn one_paragraph_a_line_without_blank_lines() {
        let (c, b) = texts("Yerevan: first.\nSecond para.\r\nThird.");
        assert_eq!(c, Convention::LineBreaks);
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn a_single_line_is_one_block() {
        let (_, b) = texts("  just this  ");
        assert_eq!(b, ["just this"]);
    }
}
