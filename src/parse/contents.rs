//! A table of contents: its heading ("Contents", "Table of Contents",
//! "Inhaltsverzeichnis", "Table des matières", "Sommaire") and the entries
//! under it, each a heading's text and its page number — on one line
//! ("2.1 Data . . . 4") or, as pdftotext often writes them, the number on
//! the next line.
//!
//! Found, its lines become one block (TEI `div type="contents"`), so that
//! no other reading takes them: not headings of the text (they name the
//! sections a second time), not page numbers or running heads (they recur
//! as the headings do), not a bibliography (an entry says "References").
//!
//! Evidence: the heading alone on its line (a page number may follow it),
//! then entry lines only, at least [`MIN_NUMBERS`] page numbers among them
//! and a number for at least every other entry; the table ends at the
//! first line that is no entry (a sentence, a long line), and entries
//! after the last page number (a section's heading and its text right
//! after the table) are left to the text.

use super::blocks::RawBlock;
use crate::span::Span;

/// Names of a table of contents (lowercase, the whole line).
const NAMES: &[&str] = &[
    "contents",
    "table of contents",
    "inhalt",
    "inhaltsverzeichnis",
    "table des matières",
    "sommaire",
    "índice",
    "indice",
];

/// Fewest characters of a name in [`NAMES`].
const SHORTEST_NAME: usize = 6;

/// Fewest page numbers in a table.
const MIN_NUMBERS: usize = 3;

/// Most words of an entry.
const MAX_ENTRY_WORDS: usize = 16;

/// Most digits of a page number.
const MAX_PAGE_DIGITS: usize = 4;

/// A line of a table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// A page number alone.
    Number,
    /// A heading's text with its page number at the end.
    Numbered,
    /// A heading's text (its number on the next line).
    Text,
}

/// The heading of a table of contents, with or without a page number after it.
fn is_heading(s: &str) -> bool {
    // an ASCII line shorter than every name is none (this runs on every line)
    if s.len() < SHORTEST_NAME && s.is_ascii() {
        return false;
    }
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let t = if t.is_empty() { s } else { t };
    let t = t.trim();
    // compared as they are lowered, without a lowered copy of each line
    // (this runs on every line; the names hold no Greek sigma, the one
    // letter `str::to_lowercase` lowers by context)
    let ascii = t.is_ascii();
    NAMES.iter().any(|name| {
        if ascii {
            t.eq_ignore_ascii_case(name)
        } else {
            let mut lower = t.chars().flat_map(char::to_lowercase);
            name.chars().all(|n| lower.next() == Some(n)) && lower.next().is_none()
        }
    })
}

/// A page number alone: arabic, or a roman one in lowercase (front matter).
fn page_number(s: &str) -> bool {
    let arabic = !s.is_empty()
        && s.len() <= MAX_PAGE_DIGITS
        && s.bytes().all(|b| b.is_ascii_digit())
        && !s.starts_with('0');
    let roman = !s.is_empty() && s.len() <= 6 && s.chars().all(|c| "ivxl".contains(c));
    arabic || roman
}

/// What a line of a table of contents is, if it is one.
fn entry(s: &str) -> Option<Entry> {
    let s = s.trim();
    if page_number(s) {
        return Some(Entry::Number);
    }
    let words = s.split_whitespace().count();
    if words > MAX_ENTRY_WORDS || !s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // a trailing page number, after dot leaders or a space
    let body = s.trim_end_matches(|c: char| c.is_ascii_digit());
    let trailing = body.len() < s.len() && (body.ends_with(' ') || body.ends_with('.'));
    let text = if trailing {
        body.trim_end_matches(['.', ' ', '…'])
    } else {
        s
    };
    // a sentence is no entry ("Appendix. Model specification" is one)
    if text.ends_with(['.', '?', '!', ':', ';', ',']) || text.is_empty() {
        return None;
    }
    Some(if trailing && words > 1 {
        Entry::Numbered
    } else {
        Entry::Text
    })
}

/// A line of the raw blocks: its block and its span.
#[derive(Debug, Clone, Copy)]
struct At {
    block: usize,
    span: Span,
}

/// Finds the first table of contents in `raw` and makes its lines one
/// block: the blocks, and the first byte of the table's block.
pub fn merge(text: &str, raw: Vec<RawBlock>) -> (Vec<RawBlock>, Option<usize>) {
    let lines: Vec<At> = raw
        .iter()
        .enumerate()
        .flat_map(|(block, r)| r.lines().iter().map(move |&span| At { block, span }))
        .collect();
    let Some(first) = lines.iter().position(|l| is_heading(l.span.of(text))) else {
        return (raw, None);
    };
    let mut numbers = 0;
    let mut texts = 0;
    // the last line of the table: its last page number
    let mut last = None;
    for (k, l) in lines.iter().enumerate().skip(first + 1) {
        match entry(l.span.of(text)) {
            None => break,
            Some(Entry::Text) => texts += 1,
            Some(e) => {
                numbers += 1;
                texts += usize::from(e == Entry::Numbered);
                last = Some(k);
            }
        }
    }
    let Some(last) = last else {
        return (raw, None);
    };
    if numbers < MIN_NUMBERS || 2 * numbers < texts {
        return (raw, None);
    }
    // the table's lines are one block; the blocks it cuts keep their rest
    let (b0, b1) = (lines[first].block, lines[last].block);
    let mut table = RawBlock::new(lines[first].span);
    lines[first + 1..=last]
        .iter()
        .for_each(|l| table.push(l.span));
    let start = table.span.start;
    let end = table.span.end;
    let part = |r: &RawBlock, keep: &dyn Fn(&Span) -> bool| {
        let kept: Vec<Span> = r.lines().iter().copied().filter(|l| keep(l)).collect();
        let (&h, tail) = kept.split_first()?;
        let mut b = RawBlock::new(h);
        tail.iter().for_each(|&l| b.push(l));
        Some(b)
    };
    let head = part(&raw[b0], &|l| l.end <= start);
    let tail = part(&raw[b1], &|l| l.start > end);
    let mut out: Vec<RawBlock> = Vec::with_capacity(raw.len() + 2);
    let mut raw = raw.into_iter();
    out.extend(raw.by_ref().take(b0));
    out.extend(head);
    out.push(table);
    out.extend(tail);
    out.extend(raw.skip(b1 + 1 - b0));
    (out, Some(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{blocks, lines};

    #[test]
    fn no_name_is_shorter_than_the_shortest() {
        assert!(NAMES.iter().all(|n| n.chars().count() >= SHORTEST_NAME));
        assert!(NAMES.iter().any(|n| n.chars().count() == SHORTEST_NAME));
    }

    fn table(t: &str) -> Option<(String, Vec<String>)> {
        let (_, raw) = blocks::group(t, &lines::lines(t));
        let (out, start) = merge(t, raw);
        let start = start?;
        let b = out.iter().find(|b| b.span.start == start)?;
        Some((
            b.span.of(t).to_owned(),
            out.iter().map(|b| b.span.of(t).to_owned()).collect(),
        ))
    }

    #[test]
    fn entries_with_their_numbers_on_the_next_line() {
        let t = "Title of it\n\nContents\n2\n\n2. The method\n\n4\n\n3. Results\n\n7\n\nReferences\n\n9\n\n1. Introduction\nThe text of the paper begins here and runs on for a while.";
        let (toc, blocks) = table(t).expect("a table");
        assert!(toc.starts_with("Contents\n2"));
        assert!(toc.ends_with("References\n\n9"), "{toc:?}");
        assert!(blocks.iter().any(|b| b.starts_with("1. Introduction")));
        assert_eq!(
            blocks
                .iter()
                .filter(|b| b.contains("2. The method"))
                .count(),
            1
        );
    }

    #[test]
    fn entries_with_dot_leaders() {
        let t = "Table of Contents\n1 Introduction . . . . 1\n2 Data . . . . 3\n2.1 Sources 4\n3 Results . . . 9\n\nIntroduction\n\nWe begin.";
        let (toc, blocks) = table(t).expect("a table");
        assert!(toc.ends_with("3 Results . . . 9"));
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn a_contents_heading_without_entries_is_no_table() {
        assert!(table("Contents\n\nThe contents of the box were lost in the move.").is_none());
        assert!(table("Contents\n1 Introduction\n2 Data\n\nText.").is_none());
    }
}
