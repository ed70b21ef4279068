//! Lines with spans. LF, CRLF and a lone CR each end a line.

use crate::span::Span;

/// One line of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// The line's text without its line end.
    pub span: Span,
    /// The text without leading and trailing whitespace (empty for a blank line).
    pub content: Span,
}

impl Line {
    /// True if the line holds only whitespace.
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// The next line of `rest`: its text and the length of its line end (0 at
/// the end of the text). The line end is found with `memchr2`, which scans
/// many bytes at a time; both bytes are ASCII, so the cut is on a character
/// boundary.
fn one_line(rest: &str) -> (&str, usize) {
    match memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
        None => (rest, 0),
        Some(i) => {
            let crlf = rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n');
            (&rest[..i], if crlf { 2 } else { 1 })
        }
    }
}

/// All lines of `text`, in order. A final line end does not start an empty line.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let (body, end_len) = one_line(&text[start..]);
        let span = Span::new(start, start + body.len());
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        let content = if trimmed.is_empty() {
            Span::new(span.end, span.end)
        } else {
            Span::new(start + lead, start + lead + trimmed.len())
        };
        out.push(Line { span, content });
        start = span.end + end_len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_ends() {
        let t = "a\r\n b \rc\n\nd";
        let ls = lines(t);
        let got: Vec<&str> = ls.iter().map(|l| l.content.of(t)).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert!(ls[3].is_blank());
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(lines("").is_empty());
        assert_eq!(lines("x\n").len(), 1);
    }
}
