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

/// All lines of `text`, in order. A final line end does not start an empty line.
/// The line ends are found by one `memchr2` walk over the text (a search
/// started afresh at every line cost more than the rest on a text of a
/// million one-character lines); both bytes are ASCII, so every cut is on
/// a character boundary.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        // the first line end at or after `start` (the LF of a CRLF was
        // taken with its CR)
        let (end, end_len) = loop {
            match ends.next() {
                Some(i) if i < start => continue,
                Some(i) => {
                    let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
                    break (i, if crlf { 2 } else { 1 });
                }
                None => break (text.len(), 0),
            }
        };
        let span = Span::new(start, end);
        out.push(Line {
            span,
            content: content(text, span),
        });
        start = end + end_len;
    }
    out
}

/// The span of `line` in `text` without leading and trailing whitespace
/// (empty, at its end, for a blank line).
fn content(text: &str, line: Span) -> Span {
    let body = line.of(text);
    let lead = body.len() - crate::scan::trim_start(body).len();
    let trimmed = crate::scan::trim(body);
    if trimmed.is_empty() {
        Span::new(line.end, line.end)
    } else {
        Span::new(line.start + lead, line.start + lead + trimmed.len())
    }
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

    proptest::proptest! {
        /// The lines are those of a search for each line's end and a trim
        /// of both sides of each, the way they were first found.
        #[test]
        fn lines_are_those_found_one_at_a_time(t in "[a\r\n \t\u{b}\u{c}\u{a0}\u{2003}é]{0,24}") {
            let mut expected = Vec::new();
            let mut start = 0;
            while start < t.len() {
                let rest = &t[start..];
                let (body, end_len) = match rest.find(['\n', '\r']) {
                    None => (rest, 0),
                    Some(i) => (&rest[..i], if rest[i..].starts_with("\r\n") { 2 } else { 1 }),
                };
                let span = Span::new(start, start + body.len());
                let lead = body.len() - body.trim_start().len();
                let trimmed = body.trim();
                let content = if trimmed.is_empty() {
                    Span::new(span.end, span.end)
                } else {
                    Span::new(start + lead, start + lead + trimmed.len())
                };
                expected.push(Line { span, content });
                start = span.end + end_len;
            }
            proptest::prop_assert_eq!(lines(&t), expected);
        }
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(lines("").is_empty());
        assert_eq!(lines("x\n").len(), 1);
    }
}
