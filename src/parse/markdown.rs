//! Markdown residue in pasted text: `**bold**`, `*italic*` (also across a
//! line break), `[text](url)` links and `![alt](src)` images. Their spans include the delimiters;
//! the `markup` pass proposes the delimiters' removal.
//!
//! Empty or placeholder links (`[…](#)`) are left alone: they are residue of
//! a citation tool, another rule's business.

use super::grammar::offset;
use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_until, take_while_m_n, take_while1},
    character::complete::char as ch,
    combinator::verify,
    sequence::delimited,
};

/// A markdown element found in a block: range, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Emphasis over a range; `delim` is the delimiter length (2 bold, 1 italic).
    Emphasis {
        /// Byte range with delimiters.
        range: (usize, usize),
        /// Delimiter length.
        delim: usize,
    },
    /// A link `[text](target)`.
    Link {
        /// Byte range with brackets and target.
        range: (usize, usize),
        /// The target.
        target: String,
    },
    /// An image `![alt](src)`.
    Image {
        /// Byte range from the `!` to the closing parenthesis.
        range: (usize, usize),
        /// The image address.
        target: String,
    },
}

/// Longest link text or target, in characters: bounds the work per `[`.
const MAX_LINK_TEXT: usize = 2000;

/// What a pair of delimiters may enclose: text that starts and ends on
/// something other than a space, within one paragraph, and not from a
/// bracket's close to a bracket's open (`(*) 1 kg ( ) 500 g (*)`, `[*]Today
/// [*]`: the marks of a form's choices, not the edges of an emphasis), and
/// not up to a superscript's caret (`16,99 € ^**`: a footnote's mark, as a
/// web shop's copy writes one).
fn inner_ok(inner: &str) -> bool {
    !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.ends_with('^')
        && !inner.starts_with([')', ']', '}'])
        && !inner.ends_with(['(', '[', '{'])
        && !inner.contains("\n\n")
}

fn bold(input: &str) -> IResult<&str, &str> {
    delimited(tag("**"), verify(take_until("**"), inner_ok), tag("**")).parse(input)
}

fn italic(input: &str) -> IResult<&str, &str> {
    delimited(
        ch('*'),
        verify(take_while1(|c| c != '*'), |s: &str| {
            inner_ok(s) && s.len() <= 2000
        }),
        ch('*'),
    )
    .parse(input)
}

fn link(input: &str) -> IResult<&str, (&str, &str)> {
    (
        delimited(
            ch('['),
            verify(
                take_while_m_n(1, MAX_LINK_TEXT, |c| !matches!(c, '[' | ']' | '\n')),
                inner_ok,
            ),
            ch(']'),
        ),
        delimited(
            ch('('),
            verify(
                take_while_m_n(1, MAX_LINK_TEXT, |c: char| c != ')' && !c.is_whitespace()),
                |t: &str| t != "#" && !t.starts_with("#"),
            ),
            ch(')'),
        ),
    )
        .parse(input)
}

/// Markdown elements of `s`, in order, not overlapping.
pub fn marks(s: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut i = 0;
    // Every element starts at a '*' or a '['; the text between is skipped
    // whole (both are ASCII, so the jump lands on a character boundary).
    while let Some(k) = memchr::memchr2(b'*', b'[', &s.as_bytes()[i..]) {
        i += k;
        let rest = &s[i..];
        let prev = s[..i].chars().next_back();
        let word_before = prev.is_some_and(char::is_alphanumeric);
        // "^*" is a footnote's mark in superscript, not an emphasis
        if prev == Some('^') {
            i += 1;
            continue;
        }
        let found = if rest.starts_with("**") {
            bold(rest).ok().map(|(r, _)| (r, 2))
        } else if rest.starts_with('*') && !word_before {
            italic(rest).ok().map(|(r, _)| (r, 1))
        } else {
            None
        };
        if let Some((r, delim)) = found {
            let end = offset(s, r);
            // A closing delimiter does not sit inside a word.
            if !r.chars().next().is_some_and(char::is_alphanumeric) {
                out.push(Mark::Emphasis {
                    range: (i, end),
                    delim,
                });
                i = end;
                continue;
            }
        }
        if rest.starts_with('[')
            && let Ok((r, (_, target))) = link(rest)
        {
            let end = offset(s, r);
            let target = target.to_owned();
            // "![alt](src)": the '!' before the bracket makes it an image
            out.push(match s[..i].strip_suffix('!') {
                Some(before) => Mark::Image {
                    range: (before.len(), end),
                    target,
                },
                None => Mark::Link {
                    range: (i, end),
                    target,
                },
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<&str> {
        marks(s)
            .iter()
            .map(|m| match m {
                Mark::Emphasis { range, .. }
                | Mark::Link { range, .. }
                | Mark::Image { range, .. } => &s[range.0..range.1],
            })
            .collect()
    }

    #[test]
    fn emphasis_and_links() {
        assert_eq!(
            found("We said **Let's live and see.** Then"),
            ["**Let's live and see.**"]
        );
        assert_eq!(
            found("*PhD in Science,\nBaku State University*"),
            ["*PhD in Science,\nBaku State University*"]
        );
        assert_eq!(
            found("see [the report](https://x.org/r) now"),
            ["[the report](https://x.org/r)"]
        );
        match &marks("[a](https://x.org)")[0] {
            Mark::Link { target, .. } => assert_eq!(target, "https://x.org"),
            m => panic!("{m:?}"),
        }
    }

    #[test]
    fn a_flood_of_open_brackets_scans_each_once() {
        // Link text stops at the next '[': a line of brackets is linear work.
        let s = format!("{}[a](https://x.org)", "[".repeat(5000));
        assert_eq!(found(&s), ["[a](https://x.org)"]);
    }

    #[test]
    fn not_markdown() {
        for s in [
            "Required fields are marked *",
            "5 * 3 * 2",
            "a*b*c",
            "[catalog.gomap.az+1](#)",
            "** not bold **",
            "[1] Smith",
            "Größe\n(*)\n1KG [soldout]\n( )\n500g\nRöstung\n(*)\nEspresso",
            "[*]ÚLTIMA HORA [*]LAS 5 DE LAS 5AM [*]ASÍ ESTÁ EL MUNDO",
            "10,49 € ^* 10,99 € ^**\n0,75 l\n**former price\nRosé 2015\n4,99 € ^* 7,90 € ^**\n**former price",
        ] {
            assert!(found(s).is_empty(), "{s}");
        }
    }
}
