//! `punctuation`: stray, doubled and misplaced punctuation.
//!
//! - an orphan separator after a finished sentence, where a clause was lost:
//!   "resolved. ; On the other hand" → "resolved. On the other hand";
//! - doubled marks: "war,, and" → "war, and", "ended.." → "ended."
//!   ("pollen. ." proposed); an ellipsis "..." or ". . ." is left alone,
//!   and so are ranges like "1..5";
//! - a stop glued to the next sentence or a comma to the next word:
//!   "process.This is" → "process. This is" (not in abbreviations,
//!   domains, paths or decimals);
//! - a spaced dash inside a hyphenated name: "Nagorno – Karabakh" →
//!   "Nagorno-Karabakh", applied when the hyphenated form occurs elsewhere in
//!   the document, proposed when both words are capitalised and neither is
//!   used on its own anywhere in the document ("Helsinki – Tampere" is a
//!   route when Helsinki appears alone elsewhere; "Baku – the capital" is a
//!   real dash and is left alone);
//! - a degree sign spaced on both sides, "44 ° C" → "44 °C";
//! - a hyphen spaced inside a compound, "has co - evolved" → "has
//!   co-evolved" (after a prefix that is no word), "the green - headed fly"
//!   → "the green-headed fly" (proposed);
//! - unbalanced curly quotes in a paragraph: a closing quote is proposed at
//!   the paragraph end, or a stray closing quote proposed for deletion.
//!
//! Why it is safe: each repair removes only a mark that cannot be meant
//! (two separators in a row, a doubled comma); dash repairs need the
//! document's own spelling as evidence; quote repairs are only proposed, and
//! a paragraph whose quotation continues in the next (which opens with a
//! quote mark, the English convention) is not flagged.

use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_cjk;
use crate::analysis::function_words::function_words;
use crate::analysis::sites::Sites;
use crate::document::{Block, BlockKind};
use crate::edit::{Category, Edit};
use crate::span::Span;
use foldhash::HashSet;

/// See the module documentation.
pub struct Punctuation;

impl Pass for Punctuation {
    fn id(&self) -> &'static str {
        "punctuation"
    }

    fn description(&self) -> &'static str {
        "Stray and doubled punctuation removed (orphan separators after a sentence, doubled commas and periods); the missing space after a mark glued to the next word restored; a degree sign spaced from its scale letter joined to it; a hyphen spaced inside a compound closed; spaced dashes inside hyphenated names closed; unbalanced quotes proposed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let mut evidence = Evidence::new(cx.text, &cx.doc.blocks);
        let blocks = &cx.doc.blocks;
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::Front(_)) {
                continue;
            }
            // every rule below starts at an ASCII mark or at a character
            // outside ASCII (a dash, a curly quote, a degree sign)
            if !Sites::MARK.in_text(b.span.of(text)) {
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
            missing_spaces(s, &mut push);
            degree_signs(s, &mut push);
            spaced_hyphens(s, &mut push);
            dashes(s, &mut evidence, &mut push);
            if b.kind == BlockKind::Paragraph
                && let Some(pair) = quote_pair(cx.profile.block_lang(i).typography())
            {
                let next_opens = blocks
                    .get(i + 1)
                    .is_some_and(|n| n.span.of(text).starts_with([pair.0, '"', '«']));
                quotes(s, pair, next_opens, &mut push);
            }
        }
    }
}

type Push<'a> = dyn FnMut(usize, usize, &str, &str, f32, &str) + 'a;

fn is_sep(c: char) -> bool {
    matches!(c, ',' | ';' | ':')
}

/// Whether `head` ends with an abbreviation whose full stop follows it:
/// a listed one ("etc", "Co", "ca") or letters with a stop inside ("A.G",
/// "e.g").
fn is_abbreviation(head: &str) -> bool {
    let word = &head[head
        .trim_end_matches(|c: char| c.is_alphabetic() || c == '.')
        .len()..];
    let word = word.trim_start_matches('.');
    !word.is_empty() && (word.contains('.') || function_words().is_abbreviation(word))
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
            // "pollen. ." — a stop repeated after a space, at a sentence end
            if c == b'.'
                && b.get(j) == Some(&b'.')
                && before(k).is_some_and(char::is_alphabetic)
                && at(j + 1).is_none_or(char::is_whitespace)
                && !s[j + 1..].starts_with(" .")
            {
                push(
                    k + 1,
                    j + 1,
                    "",
                    "doubled",
                    0.7,
                    "a full stop repeated after a space (proposed: a segment's stray end as often as a typo)",
                );
                k = j + 1;
                continue;
            }
            if at(j).is_some_and(is_sep)
                && at(j + 1).is_none_or(char::is_whitespace)
                && before(k) != Some('.')
            {
                // after an abbreviation's stop ("Co. , Ltd.", "etc. ;",
                // "A.G. , Munich") the separator is the sentence's own, only
                // spaced off: the space goes, not the mark
                if c == b'.' && is_abbreviation(&s[..k]) {
                    push(
                        k + 1,
                        j,
                        "",
                        "orphan",
                        0.85,
                        "a separator spaced off the abbreviation before it",
                    );
                    k = j + 1;
                    continue;
                }
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
                // after a Chinese or Japanese word two dots are an
                // ellipsis ("稳企业.." in a list of cut headlines): such
                // text ends its sentences with "。"
                run_end - k == 2
                    && prev.is_some_and(|p| p.is_alphabetic() && !is_cjk(p))
                    && next.is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '"' | ')'))
            } else if c == b':' {
                // a doubled colon not after a word and before a space is
                // decoration or syntax, not a slip: menu marks (".:: Site
                // ::.", "• :: Imprint"), a bullet (":: Have you"), rsync's
                // "host::" at a line's end, Haskell's "f :: Int"
                prev.is_some_and(char::is_alphanumeric) && next == Some(' ')
            } else {
                // a run glued to what follows is syntax, not a slip: a
                // scope operator ("Walker::start_el"), an emoji code
                // (":smile::grin:"), an IPv6 address, an empty field
                // ("a,,b"), C's "for (;;)"
                next.is_none_or(char::is_whitespace)
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

/// A sentence mark glued to the next sentence ("process.This is", "Thank
/// you.Thank you") or a comma glued to the next word ("dazzling,we"): the
/// space after it restored. Only between words of two letters or more, the
/// one before in lowercase and standing after a space (not "e.g.The", a
/// domain "site.Com" or a path), the one after a word of letters; a stop
/// needs a capitalised word after it.
fn missing_spaces(s: &str, push: &mut Push<'_>) {
    let b = s.as_bytes();
    for k in 0..b.len() {
        if !matches!(b[k], b'.' | b'!' | b'?' | b',' | b';') {
            continue;
        }
        let head = &s[..k];
        let word_len = head.len()
            - head
                .trim_end_matches(|c: char| c.is_ascii_lowercase())
                .len();
        let before_word = head[..k - word_len].chars().next_back();
        if word_len < 2 || before_word.is_some_and(|c| !c.is_whitespace() && !"(“\"".contains(c))
        {
            continue;
        }
        let tail = &s[k + 1..];
        let next_len = tail.len() - tail.trim_start_matches(|c: char| c.is_alphabetic()).len();
        let next_end = tail[next_len..].chars().next();
        if tail[..next_len].chars().nth(1).is_none()
            || next_end.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, '.' | '@' | '/' | '_' | '(' | '[' | '=')
            })
        {
            continue;
        }
        let mark = char::from(b[k]);
        let capital = tail.chars().next().is_some_and(char::is_uppercase)
            && tail[..next_len].chars().skip(1).all(char::is_lowercase);
        if matches!(mark, '.' | '!' | '?') && !capital {
            continue;
        }
        push(
            k,
            k + 1,
            &format!("{mark} "),
            "missing-space",
            0.85,
            "no space after the punctuation mark between two words",
        );
    }
}

/// A degree sign spaced on both sides between a number and its scale
/// ("155 ° F", "44 ° C"): text tokenised for a translation system and not
/// joined again. No style writes the sign apart from the letter with a
/// space before it too (SI writes "44 °C", others "44°C" or "44° C"), so
/// the space after the sign goes.
fn degree_signs(s: &str, push: &mut Push<'_>) {
    // most blocks hold no degree sign: a byte search says so without
    // building a substring searcher per block
    if !s.contains('°') {
        return;
    }
    for (k, _) in s.match_indices(" ° ") {
        let number = s[..k]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let mut unit = s[k + " ° ".len()..].chars();
        let scale = unit.next().is_some_and(|c| matches!(c, 'C' | 'F' | 'K'));
        if number && scale && unit.next().is_none_or(|c| !c.is_alphanumeric()) {
            let space = k + " °".len();
            push(
                space,
                space + 1,
                "",
                "degree",
                0.85,
                "a degree sign spaced from its scale letter and from its number (\"155 ° F\"): text tokenised for translation",
            );
        }
    }
}

/// Prefixes that are no words of their own: before a spaced hyphen they
/// open a compound ("co - evolved"), never a clause before a dash.
const BOUND_PREFIXES: &[&str] = &[
    "co", "non", "pre", "anti", "multi", "semi", "inter", "intra", "ultra", "pseudo", "quasi",
];

/// The lowercase ASCII word that ends `s` and stands after a space or at
/// its start.
fn last_word(s: &str) -> Option<(&str, &str)> {
    let head = s.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let word = &s[head.len()..];
    (!word.is_empty() && (head.is_empty() || head.ends_with(' '))).then_some((head, word))
}

/// A hyphen with a space on each side inside a compound, as text tokenised
/// for a translation system and not joined again writes it: after a prefix
/// that is no word ("has co - evolved", applied), or in a compound
/// adjective between a determiner and its noun ("these pollen - covered
/// insects", "the green - headed fly", proposed). A spaced hyphen before a
/// clause or a phrase ("small flower - located in", "species - at least")
/// is a dash and is left to the dash rules.
fn spaced_hyphens(s: &str, push: &mut Push<'_>) {
    if crate::scan::find_byte(b'-', s.as_bytes()).is_none() {
        return;
    }
    let fw = function_words();
    for (k, _) in s.match_indices(" - ") {
        let Some((head, left)) = last_word(&s[..k]) else {
            continue;
        };
        let tail = &s[k + " - ".len()..];
        let right = &tail[..tail.len()
            - tail
                .trim_start_matches(|c: char| c.is_ascii_lowercase())
                .len()];
        let after = &tail[right.len()..];
        // "pre - and post-war": a suspended prefix, its compound further on
        if right.len() < 2
            || fw.is_function(right)
            || after.starts_with(|c: char| c.is_alphanumeric() || c == '-')
        {
            continue;
        }
        let (confidence, evidence) = if BOUND_PREFIXES.contains(&left) {
            (0.85, format!("\"{left}\" is a prefix, no word of its own"))
        } else {
            let determiner = head
                .trim_end_matches(' ')
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .map(str::to_lowercase)
                .is_some_and(|d| fw.articles.contains(&d) || fw.determiners.contains(&d));
            let noun = after
                .strip_prefix(' ')
                .and_then(|a| a.split(|c: char| !c.is_ascii_lowercase()).next())
                .is_some_and(|n| n.len() > 2 && !fw.is_function(n));
            if !(determiner && noun && right.len() > 4 && right.ends_with("ed")) {
                continue;
            }
            (
                0.7,
                format!(
                    "\"{left}-{right}\" between a determiner and its noun: a compound adjective"
                ),
            )
        };
        push(
            k,
            k + " - ".len(),
            "-",
            "spaced-hyphen",
            confidence,
            &format!(
                "a hyphen spaced inside a compound, as text tokenised for translation writes it; {evidence}"
            ),
        );
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

fn cap(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

const DASHES: [&str; 3] = ["–", "—", "-"];

fn gather_evidence<'a>(blocks: impl Iterator<Item = &'a str>) -> DashEvidence {
    let mut ev = DashEvidence::default();
    let is_dash = |t: Option<&str>| t.is_some_and(|t| DASHES.contains(&t));
    for b in blocks {
        // each token with its neighbours, not a table of a block's tokens:
        // a block can be one line of millions of them
        let mut tokens = b.split_whitespace().peekable();
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

/// A document is searched for the words of a dash this many times before
/// [`DashEvidence`] is gathered instead: a search reads a fraction of the
/// bytes a gathering decodes, hashes and lowercases, and most documents ask
/// about a dash or two; past this, a document with many costs no more than
/// the gathering.
const SEARCHES_BEFORE_GATHERING: usize = 16;

/// Answers what [`dashes`] asks as [`DashEvidence`] gathered over the
/// document would: by searching the document for the words asked about
/// while few were, then from the gathered evidence.
struct Evidence<'a> {
    text: &'a str,
    blocks: &'a [Block],
    searches: usize,
    gathered: Option<DashEvidence>,
}

impl<'a> Evidence<'a> {
    fn new(text: &'a str, blocks: &'a [Block]) -> Self {
        Evidence {
            text,
            blocks,
            searches: 0,
            gathered: None,
        }
    }

    fn blocks(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let text = self.text;
        self.blocks.iter().map(move |b| b.span.of(text))
    }

    /// Whether a search may answer, counting it.
    fn may_search(&mut self) -> bool {
        self.searches += 1;
        self.gathered.is_none() && self.searches <= SEARCHES_BEFORE_GATHERING
    }

    fn gathered(&mut self) -> &DashEvidence {
        let blocks = self.blocks();
        self.gathered.get_or_insert_with(|| gather_evidence(blocks))
    }

    /// Whether "`left`-`right`" is written somewhere with a hyphen.
    fn hyphenated(&mut self, left: &str, right: &str) -> bool {
        if self.may_search() {
            return hyphenated_in(self.blocks(), left, right);
        }
        self.gathered()
            .hyphenated
            .contains(&(left.to_owned(), right.to_owned()))
    }

    /// Whether a capitalised word lowercasing to `lower` is used on its own.
    /// Searched for only when `lower` is ASCII and no character of the
    /// document lowercases to an ASCII letter but itself (the Kelvin sign
    /// makes a "k"; "İ" makes "i" and a combining dot): then the words
    /// sought are `lower` in ASCII with a capital first.
    fn free(&mut self, lower: &str) -> bool {
        if lower.is_ascii() && !self.text.contains('\u{212a}') && self.may_search() {
            return free_in(self.blocks(), lower);
        }
        self.gathered().free.contains(lower)
    }
}

/// The tokens (as `split_whitespace` cuts them) of `s` that hold one of the
/// byte offsets `hits` (increasing, each a character boundary), as ranges,
/// each once: a search goes on after the token holding a hit, so no text is
/// read twice, even in a block that is one long token.
fn tokens_at(s: &str, hits: impl Iterator<Item = usize>) -> impl Iterator<Item = (usize, usize)> {
    let mut from = 0;
    hits.filter_map(move |p| {
        if p < from {
            return None;
        }
        let start = s[from..p]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(from, |(i, c)| from + i + c.len_utf8());
        let end = s[p..].find(char::is_whitespace).map_or(s.len(), |i| p + i);
        from = end;
        Some((start, end))
    })
}

/// [`DashEvidence::hyphenated`] holds (`left`, `right`), found by searching
/// for the hyphenated form.
fn hyphenated_in<'a>(blocks: impl Iterator<Item = &'a str>, left: &str, right: &str) -> bool {
    let joined = format!("{left}-{right}");
    let finder = memchr::memmem::Finder::new(&joined);
    blocks.into_iter().any(|s| {
        tokens_at(s, finder.find_iter(s.as_bytes())).any(|(start, end)| {
            let w = s[start..end].trim_matches(|c: char| !c.is_alphanumeric());
            w.split_once('-').is_some_and(|(x, y)| {
                x == left && y == right && cap(x) && cap(y) && !y.contains('-')
            })
        })
    })
}

/// [`DashEvidence::free`] holds the ASCII word `lower`, when no character
/// of `blocks` but an ASCII letter lowercases to one: the words it would
/// come from start with `lower`'s first letter in capitals.
fn free_in<'a>(blocks: impl Iterator<Item = &'a str>, lower: &str) -> bool {
    let Some(&first) = lower.as_bytes().first() else {
        return false;
    };
    let is_dash = |t: &str| DASHES.contains(&t);
    blocks.into_iter().any(|s| {
        let hits = memchr::memchr_iter(first.to_ascii_uppercase(), s.as_bytes());
        tokens_at(s, hits).any(|(start, end)| {
            let w = s[start..end].trim_matches(|c: char| !c.is_alphanumeric());
            let before = s[..start].trim_end();
            let after = s[end..].trim_start();
            let prev = before
                .rsplit(char::is_whitespace)
                .next()
                .filter(|_| !before.is_empty());
            let next = after
                .split(char::is_whitespace)
                .next()
                .filter(|_| !after.is_empty());
            !w.contains('-')
                && cap(w)
                && !next.is_some_and(is_dash)
                && !prev.is_some_and(is_dash)
                && w.to_lowercase() == lower
        })
    })
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

fn dashes(s: &str, ev: &mut Evidence<'_>, push: &mut Push<'_>) {
    for d in spaced_dashes(s) {
        let (from, to, lw, rw) = (d.from, d.to, d.left, d.right);
        if ev.hyphenated(lw, rw) {
            push(
                from,
                to,
                "-",
                "dash-in-name",
                0.9,
                "the document spells this name with a hyphen elsewhere",
            );
        } else if d.dash != '-' && !ev.free(&lw.to_lowercase()) && !ev.free(&rw.to_lowercase()) {
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

/// The double quotation marks a language opens and closes with, where they
/// are one pair; `None` where its marks change role or nest (French « … »
/// beside “…”, Russian «…» with „…“ inside): their balance is not judged.
fn quote_pair(t: crate::profile::Typography) -> Option<(char, char)> {
    use crate::profile::Typography::*;
    match t {
        English | FullWidth => Some(('“', '”')),
        LowHigh => Some(('„', '“')),
        LowHighRight => Some(('„', '”')),
        French | Guillemets => None,
    }
}

fn quotes(s: &str, pair: (char, char), next_opens: bool, push: &mut Push<'_>) {
    let (stray, depth) = quote_balance(s, pair);
    if let Some(i) = stray {
        push(
            i,
            i + pair.1.len_utf8(),
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
            &pair.1.to_string(),
            "quote",
            0.35,
            "an opening quote is never closed in this paragraph",
        );
    }
}

/// The first closing curly quote of `s` without an opening one, and how
/// many opening ones stay open.
fn quote_balance(s: &str, (open, close): (char, char)) -> (Option<usize>, i32) {
    let mut depth: i32 = 0;
    let mut stray: Option<usize> = None;
    // the marks start with the byte 0xE2, which only ever leads a
    // character: a byte search, not a decoding of every character
    for i in memchr::memchr_iter(0xE2, s.as_bytes()) {
        match s[i..].chars().next() {
            Some(c) if c == open => depth += 1,
            Some(c) if c == close => {
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
        /// The searches answer as the evidence gathered over the blocks,
        /// with words in any case, hyphenated, around dashes, among
        /// characters whose lowercase is (or holds) an ASCII letter.
        #[test]
        fn searches_answer_as_the_gathered_evidence(
            blocks in proptest::collection::vec(
                "(Riga|RIGA|rIGA|Baku|Baku-Riga|Riga-Baku-Riga|B-|\u{212a}ey|Key|İx|Ix|\\(Riga\\)|,| |\n| – | — | - |-){0,12}",
                0..4,
            ),
            left in "(Riga|Baku|B|Key|Ix|)",
            right in "(Riga|Baku|B|Key|Ix|)",
        ) {
            let texts = || blocks.iter().map(String::as_str);
            let all = super::gather_evidence(texts());
            proptest::prop_assert_eq!(
                super::hyphenated_in(texts(), &left, &right),
                all.hyphenated.contains(&(left.clone(), right.clone()))
            );
            let lower = left.to_lowercase();
            if !blocks.iter().any(|b| b.contains('\u{212a}')) {
                proptest::prop_assert_eq!(
                    super::free_in(texts(), &lower),
                    all.free.contains(&lower)
                );
            }
        }

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
            proptest::prop_assert_eq!(super::quote_balance(&s, ('“', '”')), (stray, depth));
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
    fn words_asked_about_past_the_searches_or_beside_a_kelvin_sign_are_gathered() {
        let t = "Later, Riga-Baku and Tartu went.\n\nNot Key, nor \u{212a}ey.";
        let doc = crate::parse::parse(t);
        let mut ev = super::Evidence::new(t, &doc.blocks);
        // a Kelvin sign lowercases to "k": no search for "key"
        assert!(ev.free("key"));
        assert!(ev.gathered.is_some());
        let mut ev = super::Evidence::new(t, &doc.blocks);
        for _ in 0..super::SEARCHES_BEFORE_GATHERING {
            assert!(!ev.hyphenated("Tartu", "Riga"));
        }
        assert!(ev.gathered.is_none());
        assert!(ev.hyphenated("Riga", "Baku"));
        assert!(ev.free("tartu"));
        assert!(ev.gathered.is_some());
    }

    #[test]
    fn a_degree_sign_spaced_on_both_sides_is_joined_to_its_scale() {
        assert_eq!(
            clean("It warms up to 155 ° F, 43 or 44 ° C, for two days."),
            "It warms up to 155 °F, 43 or 44 °C, for two days."
        );
        for t in [
            "It warms up to 44 °C, or 44°C, or 44° C in older styles.",
            "Turn it by 30 ° clockwise, then by 10 ° Celsius scales differ.",
            "The angle is x ° C in the formula.",
        ] {
            assert_eq!(clean(t), t, "{t}");
        }
    }

    #[test]
    fn a_hyphen_spaced_inside_a_compound_is_closed() {
        assert_eq!(
            clean("I guess something has co - evolved with it."),
            "I guess something has co-evolved with it."
        );
        assert_eq!(edits("The green - headed fly can't help it.")[0].after, "-");
        let t = "The bristles let these pollen - covered insects escape.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].before.as_str(), e[0].after.as_str()), (" - ", "-"));
        assert!(e[0].confidence < 0.8);
        for t in [
            "This is another small flower - located in a different range.",
            "There are 250000 species - at least as many as we know.",
            "Little insects - trapped under this container - die there.",
            "It is the red - and the blue.",
            "Both pre - and post-war data were kept.",
        ] {
            assert!(edits(t).is_empty(), "{t}: {:?}", edits(t));
        }
    }

    #[test]
    fn a_mark_glued_to_the_next_sentence_gets_its_space() {
        assert_eq!(
            clean("Insects do this process.This is smarter. Thank you.Thank you all."),
            "Insects do this process. This is smarter. Thank you. Thank you all."
        );
        assert_eq!(
            clean("The sunlight is so dazzling,we stay inside."),
            "The sunlight is so dazzling, we stay inside."
        );
        assert_eq!(
            clean("Ünïcode ends.Élan and so.É ok."),
            "Ünïcode ends. Élan and so.É ok."
        );
        for t in [
            "See e.g.The report and the list a.Bc today.",
            "Call node.js or config.json from the shell, or a,b and x.Y now.",
            "Then write mybar = mod.Bar() and call it.",
            "It cost 1,000 dollars; the ratio was 3.5 percent.",
            "Visit www.example.Org or write to someone@mail.Com today.",
        ] {
            assert_eq!(clean(t), t, "{t}");
        }
    }

    #[test]
    fn orphan_separator_goes() {
        assert_eq!(
            clean("The dispute has not been settled. ; On the other hand, trade grew."),
            "The dispute has not been settled. On the other hand, trade grew."
        );
        // after an abbreviation the mark is kept and the space goes
        assert_eq!(
            clean(
                "Beijing Houdley Bee Co. , Ltd. and the teaching room, etc. ; then A.G. , Munich."
            ),
            "Beijing Houdley Bee Co., Ltd. and the teaching room, etc.; then A.G., Munich."
        );
    }

    #[test]
    fn doubled_marks_go() {
        assert_eq!(clean("war,, and peace.."), "war, and peace.");
        assert_eq!(clean("First;; second"), "First; second");
        assert_eq!(clean("Note:: the end"), "Note: the end");
        let t = "It is covered in pollen. .\n\nThen it flies.";
        let e = edits(t);
        assert!(
            e.len() == 1 && e[0].before == " ." && e[0].confidence < 0.8,
            "{e:?}"
        );
        for t in [
            "Wait. . . and see.",
            "Version 2. . then",
            "Dots . . . here.",
        ] {
            assert_eq!(clean(t), t, "{t}");
        }
    }

    #[test]
    fn ellipses_ranges_and_real_separators_stay() {
        for t in [
            "Wait... and then. Nothing.",
            "Pages 1..5 and 2,,3 stay.",
            "Declaration of Walker::start_el() should match.",
            "Smileys :wpds_cool::wpds_evil: and fe80::1 and for (;;) and a,,b stay.",
            ".:: NMB-Media ::.\n\n:: Hast Du einen Moment?\n\nrsync localhost::\n\nf :: Int",
            "3、李克强主持常务会多措并举稳企业..",
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

    #[test]
    fn quotes_are_balanced_as_the_language_pairs_them() {
        let run =
            |t: &str, lang: &str| crate::passes::tests::run_pass_in(&super::Punctuation, t, lang);
        // German „…“ and Polish „…” are balanced; nothing is proposed
        assert!(run("Er sagte „wir kommen wieder“ und ging.", "de").is_empty());
        assert!(run("Powiedział „wrócimy” i wyszedł.", "pl").is_empty());
        // an unclosed German quotation gets a German closing mark
        let e = run("Er sagte „wir kommen wieder und ging.", "de");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].after, "“");
        // French and Russian marks nest and change role: not judged
        assert!(run("Il a dit « nous reviendrons et partit.", "fr").is_empty());
        assert!(run("Он сказал «мы вернёмся и ушёл.", "ru").is_empty());
    }
}
