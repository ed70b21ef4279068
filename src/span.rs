//! Byte spans into the decoded source text.
//!
//! Every node of the document and every edit points back into the source by a
//! [`Span`]: UTF-8 byte offsets into [`crate::Source::text`]. Spans are the
//! common currency that lets the TEI, the clean text, the JSON log and the
//! diff reports stay views of one edit list.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the source text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if `end < start`.
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-width span (an insertion point).
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True if `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte, or are the same
    /// insertion point, or one is an insertion point strictly inside the other.
    pub const fn overlaps(&self, other: Span) -> bool {
        if self.is_empty() && other.is_empty() {
            return self.start == other.start;
        }
        if self.is_empty() {
            return other.start < self.start && self.start < other.end;
        }
        if other.is_empty() {
            return self.start < other.start && other.start < self.end;
        }
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span moved right by `by` bytes.
    pub const fn shift(&self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// A line/column position (both 1-based, column in characters) for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in Unicode scalar values.
    pub column: usize,
}

impl std::fmt::Display for LineCol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Line and column of byte `offset` in `text` (LF, CRLF and CR all end a line).
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let offset = offset.min(text.len());
    let mut line = 1;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let column = text
        .get(line_start..offset)
        .map_or(offset - line_start, |s| s.chars().count())
        + 1;
    LineCol { line, column }
}

/// Line and column of offsets visited in increasing order, in time linear
/// in the text ([`line_col`] rescans from the start each time); the same
/// numbers as [`line_col`].
pub struct LineCursor<'a> {
    text: &'a str,
    /// Scanned up to here.
    pos: usize,
    line: usize,
    /// Characters of the current line before `col_pos`.
    col_chars: usize,
    col_pos: usize,
}

impl<'a> LineCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        LineCursor {
            text,
            pos: 0,
            line: 1,
            col_chars: 0,
            col_pos: 0,
        }
    }

    /// Line and column of byte `offset`.
    pub fn at(&mut self, offset: usize) -> LineCol {
        let offset = offset.min(self.text.len());
        if offset < self.pos || !self.text.is_char_boundary(offset) {
            return line_col(self.text, offset); // out of order: the slow way
        }
        let bytes = self.text.as_bytes();
        for i in self.pos..offset {
            let brk = match bytes[i] {
                b'\n' => true,
                b'\r' => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if brk {
                self.line += 1;
                self.col_chars = 0;
                self.col_pos = i + 1;
            }
        }
        self.pos = offset;
        match self.text.get(self.col_pos..offset) {
            Some(s) => {
                self.col_chars += s.chars().count();
                self.col_pos = offset;
            }
            None => return line_col(self.text, offset),
        }
        LineCol {
            line: self.line,
            column: self.col_chars + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_cursor_agrees_with_line_col() {
        let text = "a\r\nbé\rc\n\nd  e\r\n\r\nfin";
        let mut cur = LineCursor::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(cur.at(i), line_col(text, i), "at {i}");
        }
        assert_eq!(cur.at(1), line_col(text, 1), "out of order");
    }

    #[test]
    fn overlap_of_insertions_and_ranges() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 6)));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.overlaps(Span::new(3, 3)));
        assert!(!a.overlaps(Span::new(5, 5)));
        assert!(Span::new(5, 5).overlaps(Span::new(5, 5)));
    }

    #[test]
    fn line_col_counts_crlf_once() {
        let t = "ab\r\ncd\re\nf";
        assert_eq!(line_col(t, 4), LineCol { line: 2, column: 1 });
        assert_eq!(line_col(t, 7), LineCol { line: 3, column: 1 });
        assert_eq!(line_col(t, 9), LineCol { line: 4, column: 1 });
    }
}
