//! Footnotes of a paged text (a PDF extract, pages split by form feeds).
//!
//! pdftotext writes a page's footnotes where the page has them: after the
//! text of the page (or of its column), before the running foot and the
//! page break, as a line opening with the note's mark — `5`, `*`, `†`,
//! `¹` — followed by the note, or the mark alone on its line and the note
//! on the next. Read as text they would run into the paragraph above or
//! below; they are split off into blocks of their own (TEI
//! `note place="foot"`), nothing dropped.
//!
//! Evidence, all of it needed, so that a numbered line of the text (a list
//! item, a heading, a row of a table) is not taken for a note:
//! - the page has a reference to the mark before the note: the digits glued
//!   to the end of a word ("invoked5 ,") or standing after a sentence's
//!   punctuation ("the inner loop. 2"), a symbol or superscript anywhere;
//! - the note reads as one: at least [`MIN_NOTE_WORDS`] words or a full
//!   stop, its first word a letter's;
//! - it is no heading found before (those are settled first).
//!
//! A note runs to the end of its block, and on into the next block of the
//! page when it stopped mid-sentence and that block goes on in lowercase
//! (pdftotext cuts a note at a column's foot).

use super::blocks::RawBlock;
use crate::span::Span;
use std::collections::BTreeMap;

/// Fewest words of a note without a full stop.
const MIN_NOTE_WORDS: usize = 6;

/// Marks written as symbols.
const SYMBOLS: &[char] = &['*', '∗', '†', '‡', '§', '¶', '‖'];

/// Superscript digits.
const SUPERSCRIPTS: &[char] = &['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// The mark opening a line, if the line is shaped as a note's first line:
/// the mark's length in bytes, and whether text follows it on the line.
pub fn mark(line: &str) -> Option<(usize, bool)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let len = if digits > 0 {
        if digits > 2 || line.starts_with('0') {
            return None;
        }
        digits
    } else {
        let first = line.chars().next()?;
        let set = if SYMBOLS.contains(&first) {
            SYMBOLS
        } else if SUPERSCRIPTS.contains(&first) {
            SUPERSCRIPTS
        } else {
            return None;
        };
        // a doubled symbol (`**`, `††`) or a superscript number
        line.chars()
            .take_while(|c| *c == first || set == SUPERSCRIPTS && set.contains(c))
            .take(3)
            .map(char::len_utf8)
            .sum()
    };
    let rest = &line[len..];
    if rest.is_empty() {
        return Some((len, false));
    }
    // digits need a space before the note ("5 These"); a symbol may be glued
    let spaced = rest.starts_with(char::is_whitespace);
    if digits > 0 && !spaced {
        return None;
    }
    let first = rest.trim_start().chars().next()?;
    let opens = if digits > 0 {
        first.is_uppercase()
    } else {
        first.is_alphabetic()
    };
    opens.then_some((len, true))
}

/// Most references to one mark on a page before its note: a footnote is
/// referred to once or twice (an author line, the text); a mark seen more
/// often is an operator or an exponent of the formulas ("Cmax∗", "r2").
const MAX_REFERENCES: usize = 2;

/// True if `body` refers to the note mark `m` at least once and at most
/// [`MAX_REFERENCES`] times.
fn refers_to(body: &str, m: &str) -> bool {
    (1..=MAX_REFERENCES).contains(&references(body, m))
}

/// How often `body` refers to the note mark `m`: a symbol or superscript
/// anywhere; digits glued to the end of a word or after a sentence's
/// punctuation and a space, not inside a longer number.
fn references(body: &str, m: &str) -> usize {
    if !m.starts_with(|c: char| c.is_ascii_digit()) {
        return body.matches(m).count();
    }
    let b = body.as_bytes();
    let mut found = 0;
    let mut from = 0;
    while let Some(i) = body[from..].find(m) {
        let at = from + i;
        let end = at + m.len();
        from = end;
        let after_ok = body[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !after_ok || at == 0 {
            continue;
        }
        let before = body[..at].chars().next_back().unwrap_or(' ');
        // a word of three letters or more: "i2", "t2" label a figure's parts
        let word = body[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .count();
        let glued = word >= 3 || matches!(before, ')' | '.' | ',' | ';' | ':');
        let after_stop =
            before == ' ' && at >= 2 && matches!(b[at - 2], b'.' | b',' | b';' | b':' | b')');
        if glued && !before.is_ascii_digit() || after_stop {
            found += 1;
        }
    }
    found
}

/// Most tokens of a note are words ("dz", "ρ(tLS", "0.5", "=" are not):
/// a formula or a column of a table under a mark-like line is no note.
const MIN_WORD_SHARE: f32 = 0.7;

/// True if `body` (a note without its mark) reads as a note: it opens with
/// a word of two letters or more, at least [`MIN_NOTE_WORDS`] tokens or a
/// full stop, and mostly words.
fn reads_as_a_note(body: &str) -> bool {
    let is_word = |t: &str| {
        let t = t.trim_end_matches([',', '.', ';', ':', ')']);
        t.trim_start_matches('(').chars().count() >= 2
            && t.trim_start_matches('(')
                .chars()
                .all(|c| c.is_alphabetic() || c == '-')
    };
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let Some(first) = tokens.first() else {
        return false;
    };
    let words = tokens.iter().filter(|t| is_word(t)).count();
    is_word(first)
        && (tokens.len() >= MIN_NOTE_WORDS || super::heads::ends_sentence(body))
        && words as f32 >= MIN_WORD_SHARE * tokens.len() as f32
}

/// A line of the raw blocks: its block, its place in the block, its span.
#[derive(Debug, Clone, Copy)]
struct At {
    block: usize,
    line: usize,
    span: Span,
}

/// Splits the footnotes of a paged text off the blocks before `until` (the
/// bibliography, if any): the new blocks, and the mark of each note by the
/// first byte of its block. Blocks whose first byte is in `heads` are
/// headings and stay so.
pub fn split(
    text: &str,
    raw: Vec<RawBlock>,
    until: usize,
    heads: &BTreeMap<usize, u8>,
) -> (Vec<RawBlock>, BTreeMap<usize, Span>) {
    let feeds: Vec<usize> = memchr::memchr_iter(b'\x0c', text.as_bytes()).collect();
    if feeds.is_empty() {
        return (raw, BTreeMap::new());
    }
    let page = |at: usize| feeds.partition_point(|&f| f < at);
    let until = until.min(raw.len());
    let lines: Vec<At> = raw[..until]
        .iter()
        .enumerate()
        .flat_map(|(block, r)| {
            r.lines()
                .iter()
                .enumerate()
                .map(move |(line, &span)| At { block, line, span })
        })
        .collect();
    // the first line of each note, and the line it ends on
    let mut notes: Vec<(usize, usize, Span)> = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let at = lines[k];
        let s = at.span.of(text);
        let Some((len, inline)) = mark(s) else {
            k += 1;
            continue;
        };
        let alone_with_next = !inline
            && lines.get(k + 1).is_some_and(|n| {
                let s = n.span.of(text);
                let mut cs = s.chars();
                n.block == at.block
                    && mark(s).is_none()
                    && cs.next().is_some_and(char::is_uppercase)
                    && cs.next().is_some_and(char::is_lowercase)
            });
        let mut last = k;
        if !inline {
            if !alone_with_next {
                k += 1;
                continue;
            }
            last = k + 1;
        }
        let head = at.line == 0 && heads.contains_key(&at.span.start);
        // the page's text before the note holds a reference to its mark
        let page_start = page(at.span.start)
            .checked_sub(1)
            .map_or(0, |p| feeds[p] + 1);
        let referred =
            page_start < at.span.start && refers_to(&text[page_start..at.span.start], &s[..len]);
        if head || !referred {
            k += 1;
            continue;
        }
        // to the end of the block, then on across a cut mid-sentence
        while lines
            .get(last + 1)
            .is_some_and(|n| n.block == at.block && mark(n.span.of(text)).is_none())
        {
            last += 1;
        }
        while let Some(n) = lines.get(last + 1)
            && n.line == 0
            && page(n.span.start) == page(at.span.start)
            && !heads.contains_key(&n.span.start)
            && !super::heads::ends_sentence(lines[last].span.of(text))
            && n.span.of(text).starts_with(char::is_lowercase)
        {
            last += 1;
            while lines
                .get(last + 1)
                .is_some_and(|m| m.block == n.block && mark(m.span.of(text)).is_none())
            {
                last += 1;
            }
        }
        let note = Span::new(at.span.start, lines[last].span.end);
        let body = &text[at.span.start + len..note.end];
        let address = lines[k..=last].iter().any(|l| {
            let s = l.span.of(text);
            super::front::affiliation(s).is_some() || super::front::email_line(s).is_some()
        });
        if !address && reads_as_a_note(body) {
            let mark = Span::new(at.span.start, at.span.start + len);
            notes.push((k, last, mark));
            k = last + 1;
        } else {
            k += 1;
        }
    }
    if notes.is_empty() {
        return (raw, BTreeMap::new());
    }
    let mut marks = BTreeMap::new();
    let mut out: Vec<RawBlock> = Vec::with_capacity(raw.len() + 2 * notes.len());
    let mut current: Option<RawBlock> = None;
    let mut next = notes.iter().peekable();
    let mut k = 0;
    while k < lines.len() {
        let at = lines[k];
        if let Some(&&(first, last, mark)) = next.peek()
            && first == k
        {
            next.next();
            out.extend(current.take());
            let mut note = RawBlock::new(at.span);
            for l in &lines[k + 1..=last] {
                note.push(l.span);
            }
            marks.insert(at.span.start, mark);
            out.push(note);
            k = last + 1;
            continue;
        }
        if at.line == 0 || current.is_none() {
            out.extend(current.take());
            current = Some(RawBlock::new(at.span));
        } else if let Some(b) = current.as_mut() {
            b.push(at.span);
        }
        k += 1;
    }
    out.extend(current);
    out.extend(raw.into_iter().skip(until));
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{blocks, lines};

    fn notes(t: &str) -> Vec<(String, String)> {
        let (_, raw) = blocks::group(t, &lines::lines(t));
        let n = raw.len();
        let (out, marks) = split(t, raw, n, &BTreeMap::new());
        out.iter()
            .filter_map(|b| {
                let m = marks.get(&b.span.start)?;
                Some((m.of(t).to_owned(), b.span.of(t).to_owned()))
            })
            .collect()
    }

    #[test]
    fn note_marks_in_their_shapes() {
        assert_eq!(mark("5"), Some((1, false)));
        assert_eq!(mark("12 These theorems imply"), Some((2, true)));
        assert_eq!(mark("† Electronic address"), Some(("†".len(), true)));
        assert_eq!(mark("∗Part of it"), Some(("∗".len(), true)));
        assert_eq!(mark("¹²Note"), Some(("¹²".len(), true)));
        for s in ["2008 was", "5.2 Data", "3 = x + y", "0 items", "5th", "a 5"] {
            assert_eq!(mark(s), None, "{s}");
        }
    }

    #[test]
    fn references_to_a_mark() {
        assert!(refers_to("theorems [4] are invoked5 , then", "5"));
        assert!(refers_to("start recording the inner loop. 2\nIf all", "2"));
        assert!(refers_to("T. Matos‡ and", "‡"));
        assert!(!refers_to("Cmax∗ and Cmax∗ then Cmax∗", "∗"));
        for s in [
            "in 2005 we",
            "x = 5 + y",
            "in 15 ways",
            "Figure 5 shows",
            "i5 and t5",
        ] {
            assert!(!refers_to(s, "5"), "{s}");
        }
    }

    #[test]
    fn a_note_at_the_page_foot_is_split_off_the_paragraph() {
        let t = "Page one.\x0cThe theorems are invoked5 , then the\nback-reaction is\n5\nThese theorems imply that anisotropies are small.\n\nJournal 10 (2008) 003\n\n2\n\x0cNext page.";
        assert_eq!(
            notes(t),
            [(
                "5".to_owned(),
                "5\nThese theorems imply that anisotropies are small.".to_owned()
            )]
        );
    }

    #[test]
    fn a_note_cut_at_a_column_foot_goes_on_in_lowercase() {
        let t = "x\x0cThe operator is slow.1 More text of the column here.\n1 Arrays are actually worse than this: if the index is a number, it must\n\nbe converted from a double to a string.\n\nStarting a tree. Trees start at loop headers.";
        let n = notes(t);
        assert_eq!(n.len(), 1);
        assert!(n[0].1.ends_with("to a string."), "{:?}", n[0].1);
    }

    #[test]
    fn formulas_tables_and_addresses_under_a_mark_are_no_notes() {
        for t in [
            "x\x0cthe radius r2 grows.\n2\ndr\ndt\nd DL\n+ R",
            "x\x0cthe rate Cmax∗ is\n∗\nCmax\nK = blog 2 tmin c\nfor j = 0..K + 1 do",
            "x\x0cRui Wang1 and Jane Roe2\n2\nLT-Lab, DFKI\nStuhlsatzenhausweg 3, 66123 Saarbrücken, Germany\nneumann@dfki.de",
        ] {
            assert!(notes(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn numbered_lines_without_a_reference_stay() {
        // a list, a heading, a table: no mark in the page's text before
        let t = "x\x0cSteps of the method:\n1 Read the input and the options given\n2 Write the output and the edit log\n\n3 Results\n\n4 Tables of counts are shown";
        assert!(notes(t).is_empty());
        // and no pages, no notes
        assert!(notes("invoked5 , then\n5 These theorems imply that it holds.").is_empty());
    }
}
