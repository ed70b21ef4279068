//! `punctuation`: stray, doubled and misplaced punctuation.
//!
//! - an orphan separator after a finished sentence, where a clause was lost:
//!   "resolved. ; On the other hand" → "resolved. On the other hand";
//! - doubled marks: "war,, and" → "war, and", "ended.." → "ended." (an
//!   ellipsis "..." is left alone, and so are ranges like "1..5");
//! - a spaced dash inside a hyphenated name: "Nagorno – Karabakh" →
//!   "Nagorno-Karabakh", applied when the hyphenated form occurs elsewhere in
//!   the document, proposed when both words are capitalised and neither is
//!   used on its own anywhere in the document ("Helsinki – Tampere" is a
//!   route when Helsinki appears alone elsewhere; "Baku – the capital" is a
//!   real dash and is left alone);
//! - unbalanced curly quotes in a paragraph: a closing quote is proposed at
//!   the paragraph end, or a stray closing quote proposed for deletion.
//!
//! Why it is safe: each repair removes only a mark that cannot be meant
//! (two separators in a row, a doubled comma); dash repairs need the
//! document's own spelling as evidence; quote repairs are only proposed, and
//! a paragraph whose quotation continues in the next (which opens with a
//! quote mark, the English convention) is not flagged.

use super::{Context, Pass, Proposals};
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;
use std::collections::HashSet;

/// See the module documentation.
pub struct Punctuation;

impl Pass for Punctuation {
    fn id(&self) -> &'static str {
        "punctuation"
    }

    fn description(&self) -> &'static str {
        "Stray and doubled punctuation removed (orphan separators after a sentence, doubled commas and periods); spaced dashes inside hyphenated names closed; unbalanced quotes proposed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        // gathered only for a document with a spaced dash between two
        // capitalised words: most have none, and it is a set of every name
        let evidence = std::cell::OnceCell::new();
        let evidence = || evidence.get_or_init(|| gather_evidence(cx));
        let blocks = &cx.doc.blocks;
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::Front(_)) {
                continue;
            }
            let s = b.span.of(text);
            let mut push =
                |from: usize, to: usize, after: &str, rule: &str, conf: f32, note: &str| {
                    let span = Span::new(b.span.start + from, b.span.start + to);
                    out.edits.push(
                        Edit::new(
                            text,
                            span,
                            after,
                            &format!("punctuation/{rule}"),
                            Category::Punctuation,
                            conf,
                        )
                        .with_note(note),
                    );
                };
            orphans_and_doubles(s, &mut push);
            dashes(s, &evidence, &mut push);
            if b.kind == BlockKind::Paragraph {
                let next_opens = blocks
                    .get(i + 1)
                    .is_some_and(|n| n.span.of(text).starts_with(['“', '"', '«']));
                quotes(s, next_opens, &mut push);
            }
        }
    }
}

type Push<'a> = dyn FnMut(usize, usize, &str, &str, f32, &str) + 'a;

fn is_sep(c: char) -> bool {
    matches!(c, ',' | ';' | ':')
}

fn orphans_and_doubles(s: &str, push: &mut Push<'_>) {
    // Byte offsets, not a vector of characters: every mark looked for is
    // ASCII, so each offset where one is found is a character boundary, and
    // a block that is one 50 MB line costs no 800 MB table.
    let b = s.as_bytes();
    let at = |k: usize| s.get(k..).and_then(|r| r.chars().next());
    let before = |k: usize| s.get(..k).and_then(|r| r.chars().next_back());
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        // ". ;" / ", ;" — a mark, spaces, a separator, then a space
        if matches!(c, b'.' | b',' | b';' | b'!' | b'?') && b.get(k + 1) == Some(&b' ') {
            let mut j = k + 1;
            while b.get(j) == Some(&b' ') {
                j += 1;
            }
            if at(j).is_some_and(is_sep)
                && at(j + 1).is_none_or(char::is_whitespace)
                && before(k) != Some('.')
            {
                push(
                    k + 1,
                    j + 1,
                    "",
                    "orphan",
                    0.85,
                    "a separator stranded after finished punctuation (a clause was probably lost)",
                );
                k = j + 1;
                continue;
            }
        }
        // ",," ";;" "::" and ".." (not an ellipsis, not a range)
        if matches!(c, b',' | b';' | b':' | b'.') && b.get(k + 1) == Some(&c) {
            let run_end = (k..).find(|&j| b.get(j) != Some(&c)).unwrap_or(b.len());
            let prev = before(k);
            let next = at(run_end);
            let ok = if c == b'.' {
                run_end - k == 2
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '"' | ')'))
            } else {
                !(prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()))
            };
            if ok {
                push(
                    k + 1,
                    run_end,
                    "",
                    "doubled",
                    0.9,
                    "doubled punctuation mark",
                );
            }
            k = run_end;
            continue;
        }
        k += 1;
    }
}

/// What the document says about dashes between capitalised words.
#[derive(Default)]
struct DashEvidence {
    /// Pairs written with a hyphen somewhere ("Nagorno-Karabakh").
    hyphenated: HashSet<(String, String)>,
    /// Capitalised words used on their own somewhere, not tied to a dash
    /// ("Helsinki" in "Helsinki – Tampere" is also a word of its own).
    free: HashSet<String>,
}

fn gather_evidence(cx: &Context<'_>) -> DashEvidence {
    let mut ev = DashEvidence::default();
    let cap = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    let is_dash = |t: Option<&str>| t.is_some_and(|t| matches!(t, "–" | "—" | "-"));
    for b in &cx.doc.blocks {
        // each token with its neighbours, not a table of a block's tokens:
        // a block can be one line of millions of them
        let mut tokens = b.span.of(cx.text).split_whitespace().peekable();
        let mut prev = None;
        while let Some(raw) = tokens.next() {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some((x, y)) = w.split_once('-') {
                if cap(x) && cap(y) && !y.contains('-') {
                    ev.hyphenated.insert((x.to_owned(), y.to_owned()));
                }
            } else if cap(w) && !is_dash(tokens.peek().copied()) && !is_dash(prev) {
                ev.free.insert(w.to_lowercase());
            }
            prev = Some(raw);
        }
    }
    ev
}

/// A spaced dash between two capitalised words in a block.
struct SpacedDash<'s> {
    /// Where the spaces and the dash are, relative to the block.
    from: usize,
    to: usize,
    dash: char,
    left: &'s str,
    right: &'s str,
}

/// The spaced dashes between capitalised words of block text `s`. The
/// dashes are found by a byte search: '-' is ASCII, and '–' and '—' start
/// with the byte 0xE2, which only ever leads a character.
fn spaced_dashes(s: &str) -> impl Iterator<Item = SpacedDash<'_>> {
    memchr::memchr2_iter(b'-', 0xE2, s.as_bytes()).filter_map(move |i| {
        let c = s[i..].chars().next()?;
        if !matches!(c, '–' | '—' | '-') {
            return None;
        }
        let before = &s[..i];
        let after = &s[i + c.len_utf8()..];
        if !before.ends_with(' ') || !after.starts_with(' ') {
            return None;
        }
        let left = before.trim_end();
        let right = after.trim_start();
        let lw = left
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        let rw = right
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or("");
        if lw.is_empty() || rw.is_empty() || !left.ends_with(lw) {
            return None;
        }
        let cap = |t: &str| {
            t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().skip(1).any(char::is_lowercase)
        };
        if !cap(lw) || !cap(rw) {
            return None;
        }
        Some(SpacedDash {
            from: left.len(),
            to: s.len() - right.len(),
            dash: c,
            left: lw,
            right: rw,
        })
    })
}

fn dashes<'e>(s: &str, evidence: &dyn Fn() -> &'e DashEvidence, push: &mut Push<'_>) {
    for d in spaced_dashes(s) {
        let (from, to, lw, rw) = (d.from, d.to, d.left, d.right);
        let ev = evidence();
        if ev.hyphenated.contains(&(lw.to_owned(), rw.to_owned())) {
            push(
                from,
                to,
                "-",
                "dash-in-name",
                0.9,
                "the document spells this name with a hyphen elsewhere",
            );
        } else if d.dash != '-'
            && !ev.free.contains(&lw.to_lowercase())
            && !ev.free.contains(&rw.to_lowercase())
        {
            push(
                from,
                to,
                "-",
                "dash-in-name",
                0.45,
                "a spaced dash between two capitalised words may be a hyphenated name",
            );
        }
    }
}

fn quotes(s: &str, next_opens: bool, push: &mut Push<'_>) {
    let (stray, depth) = quote_balance(s);
    if let Some(i) = stray {
        push(
            i,
            i + '”'.len_utf8(),
            "",
            "quote",
            0.4,
            "a closing quote without an opening one",
        );
    } else if depth == 1 && !next_opens {
        let end = s.trim_end().len();
        push(
            end,
            end,
            "”",
            "quote",
            0.35,
            "an opening quote is never closed in this paragraph",
        );
    }
}

/// The first closing curly quote of `s` without an opening one, and how
/// many opening ones stay open.
fn quote_balance(s: &str) -> (Option<usize>, i32) {
    let mut depth: i32 = 0;
    let mut stray: Option<usize> = None;
    // both marks start with the byte 0xE2, which only ever leads a
    // character: a byte search, not a decoding of every character
    for i in memchr::memchr_iter(0xE2, s.as_bytes()) {
        match s[i..].chars().next() {
            Some('“') => depth += 1,
            Some('”') => {
                if depth == 0 {
                    stray.get_or_insert(i);
                } else {
                    depth -= 1;
                }
            }
            _ => {}
        }
    }
    (stray, depth)
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::passes::tests::run_pass;

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&super::Punctuation, t)
    }

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &edits(t))
    }

    proptest::proptest! {
        /// The byte searches find the spaced dashes and the balance of
        /// curly quotes a scan of every character finds, among other
        /// characters led by the byte 0xE2.
        #[test]
        fn byte_searches_find_what_a_character_scan_finds(
            s in "(Riga|Baku|ab| |“|”|–|—|-|…|‰){0,20}",
        ) {
            let fast: Vec<_> = super::spaced_dashes(&s)
                .map(|d| (d.from, d.to, d.dash, d.left, d.right))
                .collect();
            proptest::prop_assert_eq!(fast, spaced_dashes_by_chars(&s));
            let mut depth = 0;
            let mut stray = None;
            for (i, c) in s.char_indices() {
                match c {
                    '“' => depth += 1,
                    '”' if depth == 0 => {
                        stray.get_or_insert(i);
                    }
                    '”' => depth -= 1,
                    _ => {}
                }
            }
            proptest::prop_assert_eq!(super::quote_balance(&s), (stray, depth));
        }
    }

    /// The spaced dashes between capitalised words, found character by
    /// character.
    fn spaced_dashes_by_chars(s: &str) -> Vec<(usize, usize, char, &str, &str)> {
        let mut out = Vec::new();
        for (i, c) in s.char_indices() {
            if !matches!(c, '–' | '—' | '-') {
                continue;
            }
            let before = &s[..i];
            let after = &s[i + c.len_utf8()..];
            if !before.ends_with(' ') || !after.starts_with(' ') {
                continue;
            }
            let left = before.trim_end();
            let right = after.trim_start();
            let lw = left
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            let rw = right
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            if lw.is_empty() || rw.is_empty() || !left.ends_with(lw) {
                continue;
            }
            let cap = |t: &str| {
                t.chars().next().is_some_and(char::is_uppercase)
                    && t.chars().skip(1).any(char::is_lowercase)
            };
            if cap(lw) && cap(rw) {
                out.push((left.len(), s.len() - right.len(), c, lw, rw));
            }
        }
        out
    }

    #[test]
    fn orphan_separator_goes() {
        assert_eq!(
            clean("The dispute has not been settled. ; On the other hand, trade grew."),
            "The dispute has not been settled. On the other hand, trade grew."
        );
    }

    #[test]
    fn doubled_marks_go() {
        assert_eq!(clean("war,, and peace.."), "war, and peace.");
        assert_eq!(clean("First;; second"), "First; second");
    }

    #[test]
    fn ellipses_ranges_and_real_separators_stay() {
        for t in [
            "Wait... and then. Nothing.",
            "Pages 1..5 and 2,,3 stay.",
            "He said: yes; she said: no.",
            "Items: a, b, c.",
        ] {
            let e = edits(t);
            assert!(e.iter().all(|e| e.confidence < 0.8), "{t}: {e:?}");
        }
    }

    #[test]
    fn spaced_dash_in_a_known_name_closes() {
        let t = "The Schleswig-Holstein question. Later, Schleswig – Holstein joined.";
        assert_eq!(
            clean(t),
            "The Schleswig-Holstein question. Later, Schleswig-Holstein joined."
        );
    }

    #[test]
    fn real_dashes_stay_and_unknown_names_are_proposed() {
        assert_eq!(
            clean("Riga – the capital – was calm."),
            "Riga – the capital – was calm."
        );
        let e = edits("The Transnistria – Moldova talks. Later the Schleswig – Holstein question.");
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|e| e.confidence < 0.8));
        // a route between two places named on their own elsewhere
        let t = "Paris is far. Berlin too. The Paris – Berlin train left.";
        assert!(edits(t).is_empty());
    }

    #[test]
    fn unbalanced_quotes_are_proposed() {
        let e = edits("He said “we will return and left.");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].after, "”");
        assert!(e[0].confidence < 0.8);
        assert!(edits("He said “we will return” and left.").is_empty());
        // a quotation running on into the next paragraph is the convention
        assert!(edits("“The first part of the letter\n\n“and the second part.”").is_empty());
    }
}
