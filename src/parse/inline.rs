//! Inline elements inside a block: links, URLs, e-mail addresses, DOIs and
//! quotations. Their spans mark scopes that other rules must not rewrite.

use crate::document::{Inline, InlineKind};
use crate::span::Span;
use memchr::memmem::Finder;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// A pattern, compiled the first time a block holds one of its tell-tale
/// strings (most documents hold no DOI or ORCID, and compiling all four cost
/// a process more than parsing a small document), and those strings,
/// searched with finders built once (`str::contains` builds its searcher on
/// every call).
struct Pattern {
    source: &'static str,
    regex: OnceLock<Regex>,
    tells: Vec<Finder<'static>>,
}

impl Pattern {
    fn regex(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(self.source).expect("inline patterns compile"))
    }
}

/// The inline patterns, most specific first: links and URLs, e-mail
/// addresses, DOIs, ORCID identifiers. Kept apart so each runs only on
/// blocks holding its tell-tale characters, and each gets a literal prefilter.
fn patterns() -> &'static [Pattern; 4] {
    static RE: OnceLock<[Pattern; 4]> = OnceLock::new();
    RE.get_or_init(|| {
        let p = |source: &'static str, tells: &[&'static str]| Pattern {
            source,
            regex: OnceLock::new(),
            tells: tells.iter().map(|&t| Finder::new(t)).collect(),
        };
        [
            p(
                r"<(?:https?|ftp)://[^\s<>]+>|(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+",
                &["://", "www."],
            ),
            p(
                r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
                &["@"],
            ),
            p(r"\b10\.\d{4,9}/[^\s<>]+", &["10."]),
            p(r"\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b", &["-"]),
        ]
    })
}

/// Inline elements of the block at `span`, sorted by start, never overlapping
/// except quotations, which may contain the others.
pub fn inlines(text: &str, span: Span) -> Vec<Inline> {
    let s = span.of(text);
    let mut out = Vec::new();
    // find_iter runs the fast DFA; which pattern matched is told by the
    // match's own shape. Matches of later patterns inside earlier ones (an
    // e-mail inside a URL) are dropped, as one alternation would.
    let mut found: Vec<(usize, usize)> = Vec::new();
    for p in patterns() {
        if p.tells.iter().any(|f| f.find(s.as_bytes()).is_some()) {
            found.extend(p.regex().find_iter(s).map(|m| (m.start(), m.end())));
        }
    }
    found.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    let mut last_end = 0;
    for (start, end) in found {
        if start < last_end {
            continue;
        }
        last_end = end;
        let t = &s[start..end];
        let (kind, end) = if let Some(target) = t.strip_prefix('<') {
            let target = target.strip_suffix('>').unwrap_or(target);
            (
                InlineKind::Link {
                    target: target.to_owned(),
                },
                end,
            )
        } else if t.contains("://") || t.starts_with("www.") {
            (InlineKind::Url, start + trim_trailing_punct(t).len())
        } else if t.contains('@') {
            (InlineKind::Email, end)
        } else if t.starts_with("10.") {
            (InlineKind::Doi, start + trim_trailing_punct(t).len())
        } else {
            (InlineKind::Orcid, end)
        };
        out.push(Inline {
            kind,
            span: Span::new(span.start + start, span.start + end),
        });
    }
    out.extend(quotes(s).map(|q| Inline {
        kind: InlineKind::Quote,
        span: q.shift(span.start),
    }));
    out.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
    out
}

/// Markdown emphasis and links of the block at `span`, added to `inlines`
/// (sorted again). A link replaces a bare URL found inside it.
pub fn add_markdown(text: &str, span: Span, inlines: &mut Vec<Inline>) {
    let s = span.of(text);
    // links and images, whose bare URLs go: removed in one pass at the end
    // (a pass over every inline for each link was quadratic on a line of
    // 10^5 links)
    let mut containers: Vec<Span> = Vec::new();
    let mut added: Vec<Inline> = Vec::new();
    for m in super::markdown::marks(s) {
        match m {
            super::markdown::Mark::Emphasis { range, delim } => added.push(Inline {
                kind: InlineKind::Emphasis {
                    rend: if delim == 2 { "bold" } else { "italic" },
                },
                span: Span::new(span.start + range.0, span.start + range.1),
            }),
            super::markdown::Mark::Link { range, target } => {
                let link = Span::new(span.start + range.0, span.start + range.1);
                containers.push(link);
                added.push(Inline {
                    kind: InlineKind::Link { target },
                    span: link,
                });
            }
            super::markdown::Mark::Image { range, target } => {
                let image = Span::new(span.start + range.0, span.start + range.1);
                containers.push(image);
                added.push(Inline {
                    kind: InlineKind::Image { target },
                    span: image,
                });
            }
        }
    }
    if !containers.is_empty() {
        containers.sort_unstable();
        // reach[k]: the furthest end of containers[..=k]; a URL is inside
        // one of them if one starting at or before it reaches its end
        let reach: Vec<usize> = containers
            .iter()
            .scan(0, |far, c| {
                *far = c.end.max(*far);
                Some(*far)
            })
            .collect();
        inlines.retain(|i| {
            if !matches!(i.kind, InlineKind::Url) {
                return true;
            }
            let k = containers.partition_point(|c| c.start <= i.span.start);
            crate::work::read(1);
            !(k > 0 && reach[k - 1] >= i.span.end)
        });
    }
    inlines.extend(added);
    inlines.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
}

/// In-text citations of the block at `span`, matched against `entries`.
pub fn citations(text: &str, span: Span, entries: &super::bibl::Bibliography<'_>) -> Vec<Inline> {
    super::bibl::citations(span.of(text), entries)
        .into_iter()
        .map(|c| Inline {
            kind: InlineKind::Citation { bibl: c.bibl },
            span: Span::new(span.start + c.range.0, span.start + c.range.1),
        })
        .collect()
}

/// Adds citations that do not cross an inline element already found.
pub fn add_citations(inlines: &mut Vec<Inline>, cites: Vec<Inline>) {
    let order = |i: &Inline| (i.span.start, std::cmp::Reverse(i.span.end));
    if cites.is_empty() {
        // most blocks cite nothing: no sets of the placed spans to build
        inlines.sort_by_key(order);
        return;
    }
    // A citation crosses a placed span when one starts strictly inside the
    // other and ends strictly outside it. The placed spans are kept by
    // start and by end, so only those starting or ending inside the
    // citation are looked at (a walk over all of them for each citation
    // was quadratic on a line of 10^5 citations).
    let mut by_start: BTreeSet<(usize, usize)> =
        inlines.iter().map(|i| (i.span.start, i.span.end)).collect();
    let mut by_end: BTreeSet<(usize, usize)> =
        inlines.iter().map(|i| (i.span.end, i.span.start)).collect();
    for c in cites {
        let (s, e) = (c.span.start, c.span.end);
        let inside = (s + 1, 0)..(e, 0);
        let crosses = e > s + 1
            && (by_start.range(inside.clone()).any(|&(_, end)| end > e)
                || by_end.range(inside).any(|&(_, start)| start < s));
        crate::work::read(c.span.len());
        if !crosses {
            by_start.insert((s, e));
            by_end.insert((e, s));
            inlines.push(c);
        }
    }
    inlines.sort_by_key(order);
}

/// URLs and DOIs do not end in sentence punctuation or an unmatched bracket.
fn trim_trailing_punct(s: &str) -> &str {
    let mut t = s;
    loop {
        let before = t;
        t = t.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '”', '’']);
        if t.ends_with(')') && t.matches('(').count() < t.matches(')').count() {
            t = &t[..t.len() - 1];
        }
        if t == before {
            return t;
        }
    }
}

/// Balanced curly quotations “…” inside one block (nested quotes are left to
/// the outer one).
fn quotes(s: &str) -> impl Iterator<Item = Span> + '_ {
    let mut depth = 0usize;
    let mut open = 0usize;
    let mut spans = Vec::new();
    for (i, c) in curly_quotes(s) {
        match c {
            '“' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            '”' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    spans.push(Span::new(open, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    spans.into_iter()
}

/// The curly double quotes of `s` with their offsets. Both are E2 80 9C/9D
/// in UTF-8: memchr finds the lead byte instead of decoding every character.
fn curly_quotes(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = s.as_bytes();
    memchr::memchr_iter(0xE2, b).filter_map(move |i| match b.get(i + 1..i + 3) {
        Some([0x80, 0x9C]) => Some((i, '“')),
        Some([0x80, 0x9D]) => Some((i, '”')),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block without an ASCII mark or a character outside ASCII is
    /// given no inline elements on this ground ([`super::super::parse`]).
    #[test]
    fn every_tell_holds_an_ascii_mark() {
        for p in patterns() {
            for f in &p.tells {
                assert!(
                    f.needle().iter().any(u8::is_ascii_punctuation),
                    "{}",
                    p.source
                );
            }
        }
    }

    #[test]
    fn every_inline_pattern_compiles() {
        for p in patterns() {
            assert!(!p.regex().as_str().is_empty());
        }
    }

    fn found(t: &str) -> Vec<(String, &'static str)> {
        inlines(t, Span::new(0, t.len()))
            .into_iter()
            .map(|i| {
                let k = match i.kind {
                    InlineKind::Link { .. } => "link",
                    InlineKind::Image { .. } => "image",
                    InlineKind::Url => "url",
                    InlineKind::Email => "email",
                    InlineKind::Doi => "doi",
                    InlineKind::Orcid => "orcid",
                    InlineKind::Quote => "quote",
                    _ => "other",
                };
                (i.span.of(t).to_owned(), k)
            })
            .collect()
    }

    #[test]
    fn links_urls_emails_dois() {
        let t = "See <https://a.org/x> or https://b.com/y). Mail Gulgun2004@mail.ru, doi 10.30525/2592-8813-2025-2-28.";
        assert_eq!(
            found(t),
            [
                ("<https://a.org/x>".into(), "link"),
                ("https://b.com/y".into(), "url"),
                ("Gulgun2004@mail.ru".into(), "email"),
                ("10.30525/2592-8813-2025-2-28".into(), "doi")
            ]
        );
    }

    #[test]
    fn curly_quotes_pair_up() {
        let t = "He said “no” and “yes, “really”” — “open";
        let q: Vec<_> = found(t).into_iter().map(|x| x.0).collect();
        assert_eq!(q, ["“no”", "“yes, “really””"]);
    }

    #[test]
    fn curly_quotes_are_found_as_decoding_finds_them() {
        let t = "“a” — ’x“…”\u{2000}“";
        let slow: Vec<(usize, char)> = t
            .char_indices()
            .filter(|(_, c)| matches!(c, '“' | '”'))
            .collect();
        assert_eq!(curly_quotes(t).collect::<Vec<_>>(), slow);
    }

    #[test]
    fn orcid_is_found() {
        assert_eq!(found("ORCID ID: 0000-0002-3466-4951")[0].1, "orcid");
    }
}
