//! Where the bibliography stands and how its lines make entries.
//!
//! It opens at a heading line ("References", "VII. REFERENCES",
//! "Literatur", wherever the line stands in its block) that entries follow;
//! of several such headings the last (a table of contents lists
//! "References" long before the list itself). Without a heading, a run of
//! bracketed entries "\[1\]", "\[2\]", "\[3\]" in the second half of the text
//! is one. Numbered entries take the unnumbered lines after them, across
//! blank lines (an entry broken by a page or column), and the bibliography
//! ends with the block of its last numbered entry and a short tail of it in
//! lowercase: footnotes, appendices and the body's column after it are no
//! entries.

use super::super::blocks::RawBlock;
use super::super::{front, heads};
use super::entry_number;
use crate::span::Span;

/// The bibliography's blocks among the raw blocks [`split`] returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Index of its first block: the heading, or the first entry.
    pub start: usize,
    /// Index after its last entry.
    pub end: usize,
    /// True if the first block is a heading.
    pub headed: bool,
    /// Blocks of the body's text that stand between two entries (a
    /// column pdftotext put inside the list): first and end index.
    pub column: Option<(usize, usize)>,
}

impl Region {
    /// True if block `i` is an entry (or the heading) of the bibliography,
    /// not the body's text inside it.
    pub fn holds(&self, i: usize) -> bool {
        i >= self.start && i < self.end && !self.column.is_some_and(|(a, b)| i >= a && i < b)
    }
}

/// Lines looked at to decide that entries follow a heading.
const LOOK_AHEAD: usize = 50;

/// Most lines of a block that carries the last entry on past a page or
/// column break.
const ENTRY_TAIL_LINES: usize = 4;

/// Splits the bibliography of `raw` into one block per entry; returns the
/// blocks and where the bibliography stands among them.
pub fn split(text: &str, raw: Vec<RawBlock>) -> (Vec<RawBlock>, Option<Region>) {
    let lines: Vec<(usize, Span)> = raw
        .iter()
        .enumerate()
        .flat_map(|(b, r)| r.lines().iter().map(move |l| (b, *l)))
        .collect();
    let of = |k: usize| lines[k].1.of(text);
    let heading = (0..lines.len()).rev().find(|&k| {
        front::bibl_heading(of(k)) && entries_follow(text, lines[k + 1..].iter().map(|(_, l)| l))
    });
    let (open, first, headed) = match heading {
        Some(k) => (k, k + 1, true),
        None => match headless(text, &lines) {
            Some(k) => (k, k, false),
            None => return (raw, None),
        },
    };
    if first >= lines.len() {
        return (raw, None);
    }
    let numbered = lines[first..]
        .iter()
        .filter(|(_, l)| entry_number(l.of(text)).is_some())
        .count()
        >= 2;
    let starts = if numbered {
        numbered_starts(text, &lines[first..])
    } else {
        // unnumbered: a line an entry, unless it plainly goes on
        (first..lines.len())
            .map(|k| {
                k == first
                    || lines[k].0 != lines[k - 1].0
                    || !of(k).starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
            })
            .collect()
    };
    // the last line of the bibliography (exclusive): numbered entries end
    // with the block of the last one
    let end = if numbered {
        let last = first + starts.iter().rposition(|&s| s).unwrap_or(0);
        let mut block = lines[last].0;
        let mut end = last;
        loop {
            end = (end..lines.len())
                .find(|&k| lines[k].0 != block)
                .unwrap_or(lines.len());
            // the last entry goes on in a block of its own that starts in
            // lowercase (a page or column break inside it), a few lines as
            // an entry's tail is; a longer block is the body's column that
            // pdftotext put after the list ("observations, it is needed…
            // We have shown…")
            match lines.get(end) {
                Some(&(b, l))
                    if l.of(text).starts_with(char::is_lowercase)
                        && raw[b].lines().len() <= ENTRY_TAIL_LINES =>
                {
                    block = b
                }
                _ => break end,
            }
        }
    } else {
        lines.len()
    };
    let open_block = lines[open].0;
    let mut out: Vec<RawBlock> = raw[..open_block].to_vec();
    // lines of the opening block before the heading or first entry
    let before: Vec<Span> = lines
        .iter()
        .take(open)
        .filter(|(b, _)| *b == open_block)
        .map(|&(_, l)| l)
        .collect();
    out.extend(block_of(&before));
    let start = out.len();
    if headed {
        out.push(RawBlock::new(lines[open].1));
    }
    let body = if numbered {
        body_column(text, &raw, &lines[first..end], &starts)
    } else {
        None
    };
    let mut column: Option<(usize, usize)> = None;
    // the raw block the last line written to the column came from (none
    // after a section's name, which stands on its own)
    let mut column_block = None;
    for (k, &(b, l)) in lines.iter().enumerate().take(end).skip(first) {
        if body.is_some_and(|(from, to)| b >= from && b < to) {
            // the body's column: its blocks as they are, a section's name
            // on a line of its own made a block ("Acknowledgements")
            let named = heads::is_named_section(l.of(text));
            match out.last_mut() {
                Some(e) if column_block == Some(b) && !named => e.push(l),
                _ => out.push(RawBlock::new(l)),
            }
            column_block = (!named).then_some(b);
            let c = column.get_or_insert((out.len() - 1, out.len()));
            c.1 = out.len();
            continue;
        }
        let open_entry =
            out.len() > start + usize::from(headed) && column.is_none_or(|(_, to)| to < out.len());
        match out.last_mut() {
            Some(e) if !starts[k - first] && open_entry => e.push(l),
            _ => out.push(RawBlock::new(l)),
        }
    }
    let end_block = out.len();
    if end < lines.len() {
        out.extend(raw[lines[end].0..].iter().cloned());
    }
    (
        out,
        Some(Region {
            start,
            end: end_block,
            headed,
            column,
        }),
    )
}

/// Which of `lines` (the bibliography after its heading, numbered) start
/// an entry: the first line, and each line labelled as the first entry is
/// ("\[n\]" or "n."), with a number not seen before and no more than a few
/// past the last one (pdftotext may put a column's entries out of order),
/// followed by the entry's text, not by punctuation ("\[17\], \[18\]. We
/// have shown" is body text cited between columns; "2007." a year that
/// wrapped). Lines before the first label go with it (a running foot under
/// the heading).
fn numbered_starts(text: &str, lines: &[(usize, Span)]) -> Vec<bool> {
    let label = |s: &str| -> Option<(u32, bool)> {
        let (n, len) = entry_number(s)?;
        let rest = &s[len..];
        let follows =
            rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c.is_alphabetic());
        follows.then_some((n, s.starts_with('[')))
    };
    let mut style = None;
    let mut seen = std::collections::BTreeSet::new();
    let mut last = 0;
    let mut numbered_open = false;
    lines
        .iter()
        .enumerate()
        .map(|(k, (_, l))| {
            let Some((n, bracketed)) = label(l.of(text)) else {
                return k == 0;
            };
            let fits = *style.get_or_insert(bracketed) == bracketed
                && !seen.contains(&n)
                && n <= last + MAX_SKIP;
            if !fits {
                return k == 0;
            }
            seen.insert(n);
            last = last.max(n);
            let starts = k == 0 || numbered_open;
            numbered_open = true;
            starts
        })
        .collect()
}

/// The raw blocks (first, end) of the body's text standing between two
/// entries of a numbered list: a column pdftotext put inside it
/// ("[16] Woo T.P. …⏎⏎observations, it is needed … We have shown …⏎
/// Acknowledgements⏎⏎We would like to thank …⏎⏎[17] Ureña-López …"). It
/// opens with a block longer than an entry's tail that starts in
/// lowercase and holds a sentence's end followed by another sentence; it
/// runs over the blocks after it that open no entry, up to one that does.
/// `lines` are the bibliography's lines after its heading, `starts` which
/// of them open an entry.
fn body_column(
    text: &str,
    raw: &[RawBlock],
    lines: &[(usize, Span)],
    starts: &[bool],
) -> Option<(usize, usize)> {
    let mut opens = vec![false; raw.len()];
    for (&(b, _), &s) in lines.iter().zip(starts) {
        opens[b] |= s;
    }
    let first_entry = opens.iter().position(|&o| o)?;
    let last_entry = opens.iter().rposition(|&o| o)?;
    let from = (first_entry + 1..last_entry).find(|&b| {
        let block = raw[b].span.of(text);
        !opens[b]
            && raw[b].lines().len() > ENTRY_TAIL_LINES
            && block.starts_with(char::is_lowercase)
            && runs_on_as_prose(block)
    })?;
    let to = (from + 1..=last_entry).find(|&b| opens[b])?;
    Some((from, to))
}

/// Whether `s` ends a sentence and opens another: ". The", "? We".
fn runs_on_as_prose(s: &str) -> bool {
    s.match_indices(['.', '?', '!']).any(|(k, _)| {
        let rest = &s[k + 1..];
        let after = rest.trim_start_matches([' ', '\n']);
        rest.len() > after.len()
            && after.split(' ').next().is_some_and(|w| {
                w.len() > 1
                    && w.starts_with(|c: char| c.is_uppercase())
                    && w[1..].chars().all(char::is_lowercase)
            })
    })
}

/// Entries may be this many numbers ahead of the last one seen.
const MAX_SKIP: u32 = 3;

/// A block of `lines`, if any.
fn block_of(lines: &[Span]) -> Option<RawBlock> {
    let (first, rest) = lines.split_first()?;
    let mut b = RawBlock::new(*first);
    for &l in rest {
        b.push(l);
    }
    Some(b)
}

/// The line opening a bibliography without a heading: the last "\[1\]"
/// followed by "\[2\]" and "\[3\]" as the next numbered lines, in the second
/// half of the text.
fn headless(text: &str, lines: &[(usize, Span)]) -> Option<usize> {
    let bracketed = |k: usize| -> Option<u32> {
        let s = lines[k].1.of(text);
        s.starts_with('[')
            .then(|| entry_number(s))
            .flatten()
            .map(|(n, _)| n)
    };
    let half = lines.len() / 2;
    (half..lines.len()).rev().find(|&k| {
        bracketed(k) == Some(1) && {
            let mut next = (k + 1..lines.len()).filter_map(bracketed);
            next.next() == Some(2) && next.next() == Some(3)
        }
    })
}

/// True if most of `lines` look like bibliography entries: numbered, or
/// holding a year or a URL. A news subhead "Sources" followed by running
/// text does not open a bibliography.
fn entries_follow<'a>(text: &str, lines: impl Iterator<Item = &'a Span>) -> bool {
    let (mut all, mut like) = (0usize, 0usize);
    for l in lines.take(LOOK_AHEAD) {
        let s = l.of(text);
        all += 1;
        let year = s
            .split(|c: char| !c.is_ascii_digit())
            .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
        if entry_number(s).is_some() || year || s.contains("://") || s.contains("doi") {
            like += 1;
        }
    }
    all > 0 && like * 2 >= all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{blocks, lines};

    fn parts(t: &str) -> (Vec<String>, Option<Region>) {
        let (_, raw) = blocks::group(t, &lines::lines(t));
        let (out, r) = split(t, raw);
        (out.iter().map(|b| b.span.of(t).to_owned()).collect(), r)
    }

    #[test]
    fn a_contents_line_is_not_the_bibliography() {
        let t = "Contents\n1. Intro 2\nReferences 9\n\n1. Intro\n\nText [1].\n\nReferences\n[1] A. Author, Title, 2001.\n[2] B. Author, Other,\n2002.";
        let (b, r) = parts(t);
        let r = r.expect("a bibliography");
        assert!(r.headed);
        assert_eq!(b[r.start], "References");
        assert_eq!(r.end - r.start, 3);
        assert_eq!(b[r.end - 1], "[2] B. Author, Other,\n2002.");
    }

    #[test]
    fn numbered_entries_cross_blank_lines_and_end_with_the_last() {
        let t = "Text.\n\nVII. REFERENCES\n[1]\n\nA. Author, Title, 2001.\n[2] B. Author, Title,\n\nin Proc. 2002.\n\n3\n\nA footnote after the list.";
        let (b, r) = parts(t);
        let r = r.expect("a bibliography");
        let entries: Vec<&str> = b[r.start + 1..r.end].iter().map(String::as_str).collect();
        assert_eq!(
            entries,
            [
                "[1]\n\nA. Author, Title, 2001.",
                "[2] B. Author, Title,\n\nin Proc. 2002."
            ]
        );
        assert_eq!(&b[r.end..], ["3", "A footnote after the list."]);
    }

    #[test]
    fn the_body_column_after_the_list_is_no_tail_of_its_last_entry() {
        let prose = "observations, it is needed at least a value of 0.07.\nThe most promising feature of\nthe model resides on its state [1],\n[2]. We have shown that the change in the type of\nstatistics has effects in the CMB.\nIt is necessary to investigate whether\nthe condition holds, or not.";
        let list: String = (1..=8)
            .map(|n| format!("[{n}] A. Author, Title {n}, 2001.\n"))
            .collect();
        let t = format!(
            "Text.\n\nReferences\n{list}[9] B. Author, Title,\n\nin Proc. 2002.\n\n{prose}"
        );
        let (b, r) = parts(&t);
        let r = r.expect("a bibliography");
        assert_eq!(b[r.end - 1], "[9] B. Author, Title,\n\nin Proc. 2002.");
        assert_eq!(b[r.end], prose);
    }

    #[test]
    fn the_body_column_between_entries_stays_body_text() {
        let prose = "observations, it is needed at least a value of 0.07.\nThe most promising feature of\nthe model resides on its state [16],\n[17]. We have shown that the change in the type of\nstatistics has effects in the CMB.\nIt is necessary to investigate whether\nthe condition holds, or not.\nAcknowledgements";
        let list: String = (1..=16)
            .map(|n| format!("[{n}] A. Author, Title {n}, 2001.\n"))
            .collect();
        let t = format!(
            "Text.\n\nReferences\n{list}\n{prose}\n\nWe would like to thank them.\n\n[17] B. Author, Title,\n2002.\n[18] C. Author, 2003."
        );
        let (b, r) = parts(&t);
        let r = r.expect("a bibliography");
        let (from, to) = r.column.expect("a column inside the list");
        assert_eq!(b[from - 1], "[16] A. Author, Title 16, 2001.");
        assert_eq!(
            &b[from..to],
            [
                prose.trim_end_matches("\nAcknowledgements"),
                "Acknowledgements",
                "We would like to thank them."
            ]
        );
        assert_eq!(
            &b[to..r.end],
            ["[17] B. Author, Title,\n2002.", "[18] C. Author, 2003."]
        );
        assert!(r.holds(from - 1) && !r.holds(from) && r.holds(to));
        // an entry carried over a column break in a few lines is no column
        let t = format!(
            "Text.\n\nReferences\n{list}\nin Proc. 2002, pp. 1-2.\n\n[17] B. Author, 2002.\n[18] C. Author, 2003."
        );
        assert_eq!(parts(&t).1.expect("a bibliography").column, None);
    }

    #[test]
    fn bracketed_entries_at_the_end_make_one_without_a_heading() {
        let t = "Text one.\n\nText two.\n\nText three.\n\n[1] A. Author, Title, 2001.\n[2] B. Author, 2002.\n[3] C. Author,\n2003.";
        let (b, r) = parts(t);
        let r = r.expect("a bibliography");
        assert!(!r.headed);
        assert_eq!(r.end - r.start, 3);
        assert_eq!(b[r.start], "[1] A. Author, Title, 2001.");
    }

    #[test]
    fn a_heading_inside_a_block_opens_it() {
        let t =
            "Text.\n\nFigure 11. A caption\nREFERENCES\n[1] A. Author, 2001.\n[2] B. Author, 2002.";
        let (b, r) = parts(t);
        let r = r.expect("a bibliography");
        assert_eq!(b[r.start - 1], "Figure 11. A caption");
        assert_eq!(b[r.start], "REFERENCES");
        assert_eq!(r.end - r.start, 3);
    }
}
