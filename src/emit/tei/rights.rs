//! The publisher's rights and identifiers of a paper, for the header's
//! `publicationStmt`: read from the stamps the `pages` rule took out of
//! the reading text (`pages/stamp`: the copyright and price line, the
//! permission notice), which stay in the body as `fw`.
//!
//! A stamp that states rights (a `©`, "Copyright", a permission notice)
//! becomes a `licence` as printed. Identifiers are taken by their form
//! and check digit, never by position alone: an ISBN-13 (978/979), an
//! ISBN-10 labelled or in the price-line form (`1-58113-840-7/04/0006`),
//! an ISSN labelled or opening a line (`0932-0784 / 99 / …`), and a DOI
//! when the text gave none elsewhere.

use crate::Conversion;

/// What the stamps say: licences (folded to one line each) and
/// identifiers (`type`, value), in text order, without repeats.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Rights {
    pub licences: Vec<String>,
    pub ids: Vec<(&'static str, String)>,
}

impl Rights {
    pub fn is_empty(&self) -> bool {
        self.licences.is_empty() && self.ids.is_empty()
    }
}

/// The rights of `c` from its applied stamp edits.
pub(super) fn of(c: &Conversion) -> Rights {
    let mut r = Rights::default();
    let have_doi = c.document.meta.doi.is_some();
    for e in c
        .edits
        .iter()
        .filter(|e| e.is_applied() && e.rule == "pages/stamp")
    {
        read_stamp(&e.before, have_doi, &mut r);
    }
    r
}

/// Adds what one stamp says to `r`.
fn read_stamp(stamp: &str, have_doi: bool, r: &mut Rights) {
    let lower = stamp.to_lowercase();
    if stamp.contains('©') || lower.contains("copyright") || lower.contains("permission") {
        let folded = stamp.split_whitespace().collect::<Vec<_>>().join(" ");
        if !r.licences.contains(&folded) {
            r.licences.push(folded);
        }
    }
    for line in stamp.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        for (k, w) in words.iter().enumerate() {
            let label = k
                .checked_sub(1)
                .map(|j| words[j].trim_end_matches(':').to_ascii_uppercase());
            let found = identifier(w, k == 0, label.as_deref(), have_doi);
            if let Some(id) = found
                && !r.ids.contains(&id)
            {
                r.ids.push(id);
            }
        }
    }
}

/// The identifier a word of a stamp is, if any: `first` when it opens its
/// line, `label` the word before it.
fn identifier(
    word: &str,
    first: bool,
    label: Option<&str>,
    have_doi: bool,
) -> Option<(&'static str, String)> {
    let word = word.trim_end_matches([',', ';', '.']);
    if word.starts_with("10.") && word.contains('/') {
        return (!have_doi && label == Some("DOI")).then(|| ("DOI", word.to_owned()));
    }
    let (head, priced) = match word.split_once('/') {
        Some((h, _)) => (h, true),
        None => (word, false),
    };
    let shaped = !head.is_empty()
        && head.contains('-')
        && head
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == 'X');
    if !shaped {
        return None;
    }
    let digits: Vec<u32> = head
        .chars()
        .filter(|&c| c != '-')
        .map(|c| c.to_digit(10).unwrap_or(10))
        .collect();
    let groups = head.split('-').count();
    let isbn_label = label == Some("ISBN");
    match digits.len() {
        13 if (head.starts_with("978") || head.starts_with("979")) && isbn13(&digits) => {
            Some(("ISBN", head.to_owned()))
        }
        10 if groups == 4 && (priced || isbn_label) && isbn10(&digits) => {
            Some(("ISBN", head.to_owned()))
        }
        8 if groups == 2 && (first || label == Some("ISSN")) && issn(&digits) => {
            Some(("ISSN", head.to_owned()))
        }
        _ => None,
    }
}

/// The ISBN-13 check: weights 1 and 3, sum divisible by 10.
fn isbn13(d: &[u32]) -> bool {
    checks(d, |i| if i % 2 == 0 { 1 } else { 3 }, 10)
}

/// The ISBN-10 check: weights 10 down to 1, sum divisible by 11.
fn isbn10(d: &[u32]) -> bool {
    checks(d, |i| 10 - i as u32, 11)
}

/// The ISSN check: weights 8 down to 1, sum divisible by 11.
fn issn(d: &[u32]) -> bool {
    checks(d, |i| 8 - i as u32, 11)
}

/// True if the weighted sum of the digits `d` is divisible by `modulus`;
/// only the last (the check digit) may be `X` (10).
fn checks(d: &[u32], weight: impl Fn(usize) -> u32, modulus: u32) -> bool {
    d[..d.len() - 1].iter().all(|&x| x < 10)
        && d.iter()
            .enumerate()
            .map(|(i, &x)| weight(i) * x)
            .sum::<u32>()
            % modulus
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(stamp: &str) -> Rights {
        let mut r = Rights::default();
        read_stamp(stamp, false, &mut r);
        r
    }

    #[test]
    fn price_lines_give_their_identifiers_and_licence() {
        let r = read("978-0-7695-3958-4/10 $26.00 © 2010 IEEE\nDOI 10.1109/X.2010.49");
        assert_eq!(
            r.ids,
            [
                ("ISBN", "978-0-7695-3958-4".to_owned()),
                ("DOI", "10.1109/X.2010.49".to_owned())
            ]
        );
        assert_eq!(r.licences.len(), 1);
        let r = read("Copyright 2004 ACM 1-58113-840-7/04/0006 ...$5.00.");
        assert_eq!(r.ids, [("ISBN", "1-58113-840-7".to_owned())]);
        let r = read("0932-0784 / 99 / 0300-0272 $ 06.00 © Verlag, Tübingen");
        assert_eq!(r.ids, [("ISSN", "0932-0784".to_owned())]);
    }

    #[test]
    fn a_wrong_check_digit_or_no_form_gives_nothing() {
        // a misprinted check digit, a number not opening its line, a date
        let r = read("978-1-4577-9538-3/11/$26.00\nPages 0300-0272 and 2010-11-04");
        assert!(r.ids.is_empty(), "{r:?}");
        assert!(read("arXiv:0908.0054v1 [astro-ph.CO] 1 Aug 2009").is_empty());
    }
}
