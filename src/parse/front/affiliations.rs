//! Affiliations of a PDF title page matched to the authors by their marks.
//!
//! pdftotext writes the authors with their marks glued to the names
//! ("Bolejko1,2 and Lars Andersson3,4", "Wang1", "Gal∗+") and the
//! affiliations after them, each opening with its mark ("1 School of
//! Physics, …", or the mark alone on its line and the address on the next
//! lines). An author gets every affiliation whose mark follows the name, in
//! the order of the marks; a marked line counts only when one of the
//! authors carries its mark.

use crate::parse::footnotes;

/// Most lines of one affiliation after its first (an address wraps); it
/// ends before a line with an e-mail address or another mark.
const MAX_LINES: usize = 3;

/// The marks glued after a name: "1,2" → ["1", "2"], "∗†" → ["∗", "†"],
/// "²,³" → ["2", "3"] (superscript digits read as digits, a run of them
/// one number, as a run of digits is).
pub fn name_marks(after: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut number = String::new();
    for c in after.chars() {
        let digit = c
            .to_digit(10)
            .filter(|_| c.is_ascii_digit())
            .or(superscript(c));
        match digit {
            Some(d) => number.push(char::from_digit(d, 10).unwrap_or('0')),
            None => {
                if !number.is_empty() {
                    out.push(std::mem::take(&mut number));
                }
                if ['*', '∗', '†', '‡', '§', '¶', '‖'].contains(&c) {
                    out.push(c.to_string());
                } else if c != ',' {
                    break;
                }
            }
        }
    }
    if !number.is_empty() {
        out.push(number);
    }
    out
}

/// The value of a superscript digit.
fn superscript(c: char) -> Option<u32> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c).map(|p| p as u32)
}

/// One affiliation: its mark, and where its text lies in the lines given
/// (first line, byte offset in it, last line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The mark, digits in ASCII.
    pub mark: String,
    /// The line the affiliation's text starts on.
    pub first: usize,
    /// Where its text starts in that line (after a mark on the line).
    pub offset: usize,
    /// The line it ends on.
    pub last: usize,
}

/// The marked affiliations among `lines[..until]` whose mark one of
/// `marks` (the authors') holds.
pub fn by_mark(lines: &[&str], until: usize, marks: &[Vec<String>]) -> Vec<Marked> {
    let until = until.min(lines.len());
    let known = |m: &str| marks.iter().flatten().any(|x| x == m);
    let opens = |s: &str| {
        footnotes::mark(s)
            .map(|(len, _)| name_marks(&s[..len]).join(","))
            .filter(|m| known(m))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < until {
        let s = lines[i];
        let Some(mark) = opens(s) else {
            i += 1;
            continue;
        };
        let len = footnotes::mark(s).map_or(0, |(l, _)| l);
        let inline = !s[len..].trim().is_empty();
        let (first, offset) = if inline {
            (i, len + (s[len..].len() - s[len..].trim_start().len()))
        } else {
            (i + 1, 0)
        };
        let mut last = first;
        while last + 1 < until
            && last + 1 - first < MAX_LINES
            && opens(lines[last + 1]).is_none()
            && !lines[last + 1].contains('@')
        {
            last += 1;
        }
        let address = first < until
            && (inline || opens(lines[first]).is_none())
            && !lines[first].contains('@')
            && !lines[first..=last].iter().any(|l| l.ends_with('.'));
        if address {
            out.push(Marked {
                mark,
                first,
                offset,
                last,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_after_names() {
        assert_eq!(name_marks("1,2 and Lars"), ["1", "2"]);
        assert_eq!(name_marks("∗† and"), ["∗", "†"]);
        assert_eq!(name_marks("²,³"), ["2", "3"]);
        assert_eq!(name_marks("¹²"), ["12"]);
        assert!(name_marks(" and").is_empty());
    }

    #[test]
    fn affiliations_by_their_marks() {
        let lines = [
            "A Title",
            "1 School of Physics, University of Melbourne, VIC 3010, Australia",
            "2 Nicolaus Copernicus Astronomical Center, Warsaw,",
            "Poland",
            "E-mail: a@b.org and b@b.org",
            "Ann Smith1,2 and Bo Li2",
        ];
        let marks = vec![vec!["1".into(), "2".into()], vec!["2".into()]];
        let found = by_mark(&lines, lines.len(), &marks);
        assert_eq!(found.len(), 2);
        assert_eq!((found[1].first, found[1].last), (2, 3));
        assert_eq!(
            &lines[1][found[0].offset..],
            "School of Physics, University of Melbourne, VIC 3010, Australia"
        );
        // a mark alone, the address on the next lines, an e-mail after it
        let lines = [
            "Rui Wang1",
            "1",
            "Saarland University",
            "66123 Saarbrücken, Germany",
            "rw@coli.example.de",
        ];
        let found = by_mark(&lines, lines.len(), &[vec!["1".into()]]);
        assert_eq!(
            found,
            [Marked {
                mark: "1".into(),
                first: 2,
                offset: 0,
                last: 3
            }]
        );
        // a mark no author carries
        assert!(by_mark(&lines, lines.len(), &[vec!["3".into()]]).is_empty());
    }
}
