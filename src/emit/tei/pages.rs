//! Page breaks of a paged source (form feeds, as pdftotext writes them) as
//! TEI `pb`, numbered (`@n`) where the printed page numbers are known.
//!
//! The `pages` rule takes a page's printed number out of the reading text
//! (an `fw type="pageNum"`); the page it stood on is the number of form
//! feeds before it. Pages numbered in print run on by one from page to
//! page, so the printed number less the page's place is the same on every
//! page: when at least [`MIN_AGREEING`] pages agree on it, every page gets
//! its number from it, also those whose number was not found (a page with
//! a figure only, a number glued to a line) or misread (a number line of a
//! table of contents). Only numbers at a page's top or foot are counted.
//! Without that agreement the `pb` has no `@n`.

use crate::Conversion;
use crate::edit::Status;
use foldhash::HashMap;

/// A page number stands among the first or the last lines of its page
/// (with the running head or foot): one further in is a section's number,
/// a table's or a chart's.
const EDGE_LINES: usize = 4;

/// Pages whose number and place agree before the others are numbered by them.
const MIN_AGREEING: usize = 2;

/// The page breaks of the source and how many are written.
#[derive(Debug, Default)]
pub(crate) struct Pages {
    /// Byte offsets of the form feeds.
    feeds: Vec<usize>,
    /// The printed number of the page each form feed opens.
    labels: Vec<Option<u32>>,
    /// Form feeds written so far, in source order.
    pub(crate) written: usize,
}

impl Pages {
    /// The page breaks of `c`'s source, numbered from its page-number edits.
    pub(crate) fn of(c: &Conversion) -> Self {
        let text = &c.source.text;
        let feeds: Vec<usize> = memchr::memchr_iter(b'\x0c', text.as_bytes()).collect();
        if feeds.is_empty() {
            return Pages::default();
        }
        // page (0 = before the first feed) → the number printed on it
        let mut seen: HashMap<usize, u32> = HashMap::default();
        for e in &c.edits {
            if e.status != Status::Applied || !e.rule.ends_with("/number") {
                continue;
            }
            if !crate::passes::is_page_furniture(e) {
                continue;
            }
            let page = feeds.partition_point(|&f| f < e.span.start);
            let start = page.checked_sub(1).map_or(0, |p| feeds[p] + 1);
            let end = feeds.get(page).copied().unwrap_or(text.len());
            let lines = |s: &str| s.lines().filter(|l| !l.trim().is_empty()).count();
            let at_edge = lines(&text[start..e.span.start]) < EDGE_LINES
                || lines(&text[e.span.end.min(end)..end]) < EDGE_LINES;
            if at_edge && let Some(n) = printed_number(&e.before) {
                seen.entry(page).or_insert(n);
            }
        }
        // the offset of printed numbers from places most pages agree on
        let mut votes: HashMap<i64, usize> = HashMap::default();
        for (&page, &n) in &seen {
            *votes.entry(i64::from(n) - page as i64).or_insert(0) += 1;
        }
        let offset = votes
            .iter()
            .filter(|&(_, &v)| v >= MIN_AGREEING)
            .max_by_key(|&(&d, &v)| (v, std::cmp::Reverse(d)))
            .map(|(&d, _)| d);
        let labels = (1..=feeds.len())
            .map(|page| u32::try_from(page as i64 + offset?).ok().filter(|&n| n > 0))
            .collect();
        Pages {
            feeds,
            labels,
            written: 0,
        }
    }

    /// The number of the page the next form feed opens, and counts it written.
    pub(crate) fn next(&mut self) -> Option<u32> {
        let label = self.labels.get(self.written).copied().flatten();
        self.written += 1;
        label
    }

    /// True if a form feed before byte `at` of the source is not written yet.
    pub(crate) fn pending_before(&self, at: usize) -> bool {
        self.feeds.get(self.written).is_some_and(|&f| f < at)
    }
}

/// The number a removed page-number line gives: its digits, when the line
/// holds one number and little else ("14", "- 14 -", "Page 14").
fn printed_number(s: &str) -> Option<u32> {
    let runs: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    match runs.as_slice() {
        [n] | [n, _] if n.len() <= 5 => n.parse().ok().filter(|&n| n > 0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &str) -> Vec<Option<u32>> {
        let c = crate::convert_text("p.txt", t);
        Pages::of(&c).labels
    }

    #[test]
    fn printed_numbers_of_page_number_lines() {
        assert_eq!(printed_number("14"), Some(14));
        assert_eq!(printed_number("- 7 -"), Some(7));
        assert_eq!(printed_number("14 of 20"), Some(14));
        assert_eq!(printed_number("0"), None);
        assert_eq!(printed_number("1 2 3"), None);
    }

    #[test]
    fn pages_in_sequence_number_every_break() {
        let page = |n: u32| {
            format!(
                "The text of this page goes on for a while and says what it has to say.\n\nSome more of it, as a page has.\n\n{n}\n"
            )
        };
        // printed from 101 on; the third page's number is missing
        let t = format!(
            "{}\x0c{}\x0cThe third page has no number of its own here.\n\x0c{}",
            page(101),
            page(102),
            page(104)
        );
        assert_eq!(labels(&t), [Some(102), Some(103), Some(104)]);
        // no numbers, no labels
        let t = "One page of text.\n\x0cAnother page of text.\n";
        assert_eq!(labels(t), [None]);
    }
}
