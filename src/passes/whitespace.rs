//! `whitespace`: spacing inside paragraphs.
//!
//! - no-break spaces (U+00A0, U+202F) between words become plain spaces;
//! - zero-width spaces and stray byte-order marks are removed;
//! - runs of spaces inside a line become one;
//! - a space before `, . ; : ! ?` goes ("war , and" → "war, and");
//! - a space just inside quotes or brackets goes ("“ If" → "“If").
//!
//! Why it is safe: none of these changes a word; the rule skips spaces whose
//! neighbours make the intent unclear (straight quotes, a space between two
//! punctuation marks, which the punctuation rule judges). Only text inside
//! blocks is touched, never the layout between them.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Whitespace;

const SENTENCE_PUNCT: &[char] = &[',', '.', ';', ':', '!', '?'];
const OPENERS: &[char] = &['“', '‘', '«', '(', '['];
const CLOSERS: &[char] = &['”', '»', ')', ']'];

fn is_hspace(c: char) -> bool {
    c == ' ' || c == '\t'
}

impl Pass for Whitespace {
    fn id(&self) -> &'static str {
        "whitespace"
    }

    fn description(&self) -> &'static str {
        "Spacing inside paragraphs: no-break and zero-width spaces, doubled spaces, spaces before punctuation and inside quotes."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for block in &cx.doc.blocks {
            block_edits(cx.text, block.span, self.id(), &mut out.edits);
        }
    }
}

fn block_edits(text: &str, block: Span, rule: &str, out: &mut Vec<Edit>) {
    let s = block.of(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let mut push = |from: usize, to: usize, after: &str, note: &str, conf: f32| {
        let span = Span::new(block.start + from, block.start + to);
        out.push(Edit::new(text, span, after, rule, Category::Whitespace, conf).with_note(note));
    };
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        match c {
            '\u{A0}' | '\u{202F}' => {
                push(i, i + c.len_utf8(), " ", "no-break space", 0.9);
                k += 1;
            }
            '\u{200B}' | '\u{FEFF}' | '\u{2060}' => {
                push(i, i + c.len_utf8(), "", "zero-width space", 0.95);
                k += 1;
            }
            ' ' | '\t' => {
                let mut j = k;
                while at(j).is_some_and(is_hspace) {
                    j += 1;
                }
                let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
                let prev = k.checked_sub(1).and_then(at);
                let next = at(j);
                let line_start = prev.is_none_or(|p| p == '\n' || p == '\r');
                let line_end = next.is_none_or(|n| n == '\n' || n == '\r');
                if line_start || line_end {
                    // indentation and trailing space are layout, not text
                } else if next.is_some_and(|n| SENTENCE_PUNCT.contains(&n))
                    && prev.is_some_and(|p| p.is_alphanumeric() || CLOSERS.contains(&p))
                    && !starts_ellipsis_or_number(&s[end..])
                {
                    push(i, end, "", "space before punctuation", 0.9);
                } else if prev.is_some_and(|p| OPENERS.contains(&p)) {
                    push(i, end, "", "space after an opening quote or bracket", 0.9);
                } else if next.is_some_and(|n| CLOSERS.contains(&n))
                    && prev.is_some_and(|p| !p.is_whitespace() && !OPENERS.contains(&p))
                {
                    push(i, end, "", "space before a closing quote or bracket", 0.9);
                } else if end - i > 1 {
                    push(i, end, " ", "doubled space", 0.95);
                }
                k = j;
            }
            _ => k += 1,
        }
    }
}

/// ". . ." and ".5" are not sentence punctuation after a space.
fn starts_ellipsis_or_number(rest: &str) -> bool {
    let mut it = rest.chars();
    let first = it.next();
    let second = it.next();
    matches!((first, second), (Some('.'), Some('.' | ' ')) | (Some('.' | ','), Some('0'..='9')))
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Whitespace, t))
    }

    #[test]
    fn spacing_fixes() {
        assert_eq!(fixed("war , and  peace ."), "war, and peace.");
        assert_eq!(fixed("he said: “ If so ”"), "he said: “If so”");
        assert_eq!(fixed("a\u{A0}b\u{200B}c"), "a bc");
    }

    #[test]
    fn leaves_ellipses_indentation_and_straight_quotes() {
        for t in ["wait . . . now", "  indented line", "say \" hi \" there", "x .5 y"] {
            assert_eq!(fixed(t), t);
        }
    }

    #[test]
    fn space_between_two_marks_is_left_to_punctuation() {
        assert_eq!(fixed("resolved. ; On"), "resolved. ; On");
    }
}
