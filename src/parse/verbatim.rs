//! Formulae and table columns inside paragraphs of a PDF extract.
//!
//! pdftotext writes a displayed equation where it stands on the page, as
//! lines of their own between the lines of the sentence around it ("the
//! following equations are obtained [16]:⏎ä⏎3 = −4πGρ + Q,⏎a⏎…"), and a
//! table column one cell a line, often without a blank line between them
//! and the text. Read as one paragraph, the rules would join, rejoin and
//! respace them as prose. Each run of such lines
//! ([`crate::profile::verbatim::runs`]) is split off into a block of its own,
//! which the profile then keeps verbatim; the text around stays as it was.

use super::blocks::RawBlock;
use crate::profile::verbatim::runs;
use crate::span::Span;

/// `raw` with the formula and table runs of the blocks before `until`
/// split off, except blocks whose first byte is in `keep` (headings,
/// notes, a table of contents: settled already).
pub fn split(
    text: &str,
    raw: Vec<RawBlock>,
    until: usize,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<RawBlock> {
    let paged = memchr::memchr(b'\x0c', text.as_bytes()).is_some();
    let mut out = Vec::with_capacity(raw.len());
    // one buffer for every block's lines: most blocks are prose and stay whole
    let mut strs: Vec<&str> = Vec::new();
    for (i, b) in raw.into_iter().enumerate() {
        // a block of one line is one run whole or none: never split
        if i >= until || keep(b.span.start) || b.lines().len() < 2 {
            out.push(b);
            continue;
        }
        strs.clear();
        strs.extend(b.lines().iter().map(|l| l.of(text)));
        let found = runs(&strs, paged);
        // a block that is one run whole stays as it is
        if found.is_empty() || found == [(0, strs.len(), found[0].2)] {
            out.push(b);
            continue;
        }
        let lines: Vec<Span> = b.lines().to_vec();
        let mut at = 0;
        let piece = |from: usize, to: usize, out: &mut Vec<RawBlock>| {
            if from < to {
                let mut r = RawBlock::new(lines[from]);
                for &l in &lines[from + 1..to] {
                    r.push(l);
                }
                out.push(r);
            }
        };
        for &(first, end, _) in &found {
            piece(at, first, &mut out);
            piece(first, end, &mut out);
            at = end;
        }
        piece(at, lines.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{blocks, lines};

    fn pieces(t: &str) -> Vec<String> {
        let (_, raw) = blocks::group(t, &lines::lines(t));
        let n = raw.len();
        split(t, raw, n, &|_| false)
            .iter()
            .map(|b| b.span.of(t).to_owned())
            .collect()
    }

    #[test]
    fn a_displayed_equation_is_split_off_the_sentence_around_it() {
        let t = "x\n\nFor pressureless matter the following equations are obtained:\nä\n3 = −4πGρ + Q,\na\n1\nwhere R is the average of the spatial curvature scalar.\n\x0c";
        assert_eq!(
            pieces(t),
            [
                "x",
                "For pressureless matter the following equations are obtained:",
                "ä\n3 = −4πGρ + Q,\na\n1",
                "where R is the average of the spatial curvature scalar."
            ]
        );
    }

    #[test]
    fn a_numeric_column_of_a_paged_text_is_split_off() {
        let t = "x\n\nThe values of the matrix are normalized as follows.\n0.20\n0.35\n1/20\n=0.05\n\x0c";
        assert_eq!(
            pieces(t),
            [
                "x",
                "The values of the matrix are normalized as follows.",
                "0.20\n0.35\n1/20\n=0.05"
            ]
        );
        // without pages, numbers one a line may be a pager's links
        let t = "x\n\nThe values of the matrix are normalized as follows.\n0.20\n0.35\n1/20";
        assert_eq!(pieces(t).len(), 2);
    }

    #[test]
    fn prose_with_a_relation_stays_whole() {
        for t in [
            "x\n\nWe set the price = cost plus the margin of the firm,\nwhich is what most of the shops around here do.\n\x0c",
            "x\n\nThe ratio x = 2 was chosen\nfor all the runs of the test.\n\x0c",
        ] {
            assert_eq!(pieces(t).len(), 2, "{t}");
        }
    }
}
