//! Markdown delimiters in the text (`**`, `*`, `[`, `](url)`, `<`, `>`):
//! the markup rule takes them out, and the rules that judge a character by
//! its neighbours (mojibake, NFC) must read through them, so all of them
//! ask this one definition where they stand.

use crate::document::{Inline, InlineKind};
use crate::span::Span;

/// The delimiters the markup rule removes around `inline` ("**" and "**", "["
/// and "](url)", "<" and ">"), if it has any. The mojibake rule reads
/// through them: "*Â*®" is "®" misread once the marks are gone.
pub(crate) fn delimiters(text: &str, inline: &Inline) -> Option<[Span; 2]> {
    let s = inline.span.of(text);
    let (open, close) = match &inline.kind {
        InlineKind::Emphasis { rend } => {
            let d = if *rend == "bold" { 2 } else { 1 };
            (d, d)
        }
        InlineKind::Link { target } if s.starts_with('[') => {
            let tail = target.len() + 3; // "](" + target + ")"
            (1, tail)
        }
        InlineKind::Link { .. } if s.starts_with('<') && s.ends_with('>') => (1, 1),
        _ => return None,
    };
    if open + close > s.len() {
        return None;
    }
    let (a, b) = (inline.span.start, inline.span.end);
    let spans = [Span::new(a, a + open), Span::new(b - close, b)];
    spans
        .iter()
        .all(|p| text.is_char_boundary(p.start) && text.is_char_boundary(p.end))
        .then_some(spans)
}

/// Where the markup rule's delimiters stand among `inlines`: the rules
/// that must read through them (mojibake, NFC) ask here.
pub(crate) struct Marks(Vec<Span>);

impl Marks {
    /// The delimiters of `inlines`, sorted.
    pub(crate) fn of<'a>(text: &str, inlines: impl IntoIterator<Item = &'a Inline>) -> Marks {
        let mut spans: Vec<Span> = inlines
            .into_iter()
            .filter_map(|i| delimiters(text, i))
            .flatten()
            .collect();
        spans.sort();
        Marks(spans)
    }

    /// True if byte `at` of the text is part of a delimiter.
    pub(crate) fn holds(&self, at: usize) -> bool {
        let k = self.0.partition_point(|m| m.end <= at);
        self.0.get(k).is_some_and(|m| m.start <= at)
    }
}
