//! Lines with spans. LF, CRLF and a lone CR each end a line.

use crate::span::Span;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_till},
    combinator::opt,
};

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

fn line_end(input: &str) -> IResult<&str, &str> {
    alt((tag("\r\n"), tag("\n"), tag("\r"))).parse(input)
}

fn one_line(input: &str) -> IResult<&str, (&str, Option<&str>)> {
    (take_till(|c| c == '\n' || c == '\r'), opt(line_end)).parse(input)
}

/// All lines of `text`, in order. A final line end does not start an empty line.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let start = text.len() - rest.len();
        let Ok((next, (body, _))) = one_line(rest) else {
            break; // unreachable: take_till accepts any input
        };
        let span = Span::new(start, start + body.len());
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        let content = if trimmed.is_empty() {
            Span::new(span.end, span.end)
        } else {
            Span::new(start + lead, start + lead + trimmed.len())
        };
        out.push(Line { span, content });
        rest = next;
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
