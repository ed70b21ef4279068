//! The first page of a paper as a PDF extract gives it: title, authors
//! and the block of affiliations and e-mails, line by line.
//!
//! pdftotext writes the title page without blank lines between its parts,
//! so the reader goes by lines: the title is the first line that reads like
//! one (several words, a capital, no venue or year as a conference banner
//! has, no sentence end), continued by the lines after it that start in
//! lowercase or carry no sign of being a name; an author line is a list of
//! names (capitalised words, initials, hyphens) with affiliation marks
//! ("Bolejko1,2", "Gal∗+"), or names whose words stand in an e-mail
//! address of the page, or names followed by an affiliation or e-mail.

use super::{affiliation, email_line};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What the first page says, by index into the lines given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitlePage {
    /// The title's first and last lines.
    pub title: Option<(usize, usize)>,
    /// Author names: the line and the name's byte range in it.
    pub authors: Vec<(usize, (usize, usize))>,
    /// The last line of the front (title, author, affiliation or e-mail
    /// line) before the front's end.
    pub last: usize,
}

/// Most lines a title runs over.
const TITLE_LINES: usize = 3;

/// Lines of the front (wrapped affiliations, addresses) between two
/// recognised ones.
const FRONT_GAP: usize = 4;

/// Most words of a title.
const TITLE_WORDS: usize = 30;

/// Words that name a venue: a line holding one and a year, or one of them
/// in lowercase ("An IOP and SISSA journal"), is the banner of a journal
/// or conference, not the title.
const VENUE_WORDS: &[&str] = &[
    "conference",
    "journal",
    "proceedings",
    "symposium",
    "workshop",
    "transactions",
    "congress",
];

/// Reads the title page from `lines` (the first page's non-blank lines,
/// trimmed), up to `front_end` (the first line of the abstract or of the
/// body); marked author lines are also found past it (pdftotext may put
/// them at the end of the page).
pub fn read(lines: &[&str], front_end: usize) -> TitlePage {
    let mut page = TitlePage::default();
    let front_end = front_end.min(lines.len());
    let locals: Vec<String> = lines.iter().flat_map(|l| email_locals(l)).collect();
    let Some(start) = (0..front_end).find(|&i| title_line(lines[i])) else {
        return page;
    };
    let is_author = |i: usize| -> Option<Vec<((usize, usize), bool)>> {
        // "Mozilla Corporation∗" is capitalised and marked, but no person
        if address_line(lines[i]) {
            return None;
        }
        let names = name_list(lines[i])?;
        let marked = names.iter().any(|n| n.1);
        let mailed = names.iter().any(|(r, _)| {
            let name = &lines[i][r.0..r.1];
            locals.iter().any(|l| local_names(l, name))
        });
        let several = names.len() >= 2;
        let next_is_address = lines
            .get(i + 1)
            .is_some_and(|n| address_line(n) || email_line(n).is_some());
        (marked || mailed || several || next_is_address).then_some(names)
    };
    let mut end = start;
    while end + 1 < front_end && end + 1 - start < TITLE_LINES {
        let next = lines[end + 1];
        let lower = next.starts_with(|c: char| c.is_lowercase());
        let no_letters = !next.chars().any(char::is_alphabetic);
        if !(lower || no_letters)
            && (is_author(end + 1).is_some()
                || address_line(next)
                || email_line(next).is_some()
                || next.split_whitespace().count() > TITLE_WORDS / 2
                || next.ends_with('.'))
        {
            break;
        }
        end += 1;
    }
    // a trailing mark line ("∗") is no part of the title
    while end > start && !lines[end].chars().any(char::is_alphabetic) {
        end -= 1;
    }
    page.title = Some((start, end));
    page.last = end;
    for (i, line) in lines.iter().enumerate().skip(end + 1) {
        // the front runs on without a gap of more than a few lines
        // (an affiliation may wrap)
        let address = address_line(line) || !email_locals(line).is_empty();
        if address && i < front_end && i <= page.last + FRONT_GAP {
            page.last = i;
        }
        let Some(names) = is_author(i) else {
            continue;
        };
        // past the front, only lines of marked names: body text is no
        // author list
        if i >= front_end && !names.iter().all(|n| n.1) {
            continue;
        }
        page.authors.extend(names.into_iter().map(|(r, _)| (i, r)));
        if i < front_end && i <= page.last + FRONT_GAP {
            page.last = i;
        }
    }
    page
}

/// True if `s` reads like (the start of) a title.
fn title_line(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let visible = s.chars().filter(|c| !c.is_whitespace()).count();
    words.len() >= 3
        && words.len() <= TITLE_WORDS
        && s.starts_with(char::is_uppercase)
        && letters * 10 >= visible * 7
        && !s.ends_with(['.', ',', ';', ':'])
        && !is_venue(s)
        && name_list(s).is_none()
        && affiliation(s).is_none()
}

/// A journal or conference banner: a venue word with a year, or a venue
/// word in lowercase inside the line.
fn is_venue(s: &str) -> bool {
    let year = s
        .split(|c: char| !c.is_ascii_digit())
        .any(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
    s.split(|c: char| !c.is_alphabetic()).any(|w| {
        let lw = w.to_lowercase();
        VENUE_WORDS.contains(&lw.as_str()) && (year || w.starts_with(char::is_lowercase))
    })
}

/// Characters that mark a name for its affiliation or a note.
fn is_mark(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '*' | '∗' | '†' | '‡' | '§' | '¶' | '+' | '$' | '#' | '\'' | '¹' | '²' | '³' | '⁴'
        )
}

/// Honorifics left before a name.
const HONORIFICS: &[&str] = &["Dr.", "Prof.", "Dr", "Prof"];

/// The names of a line that is only a list of names ("A. B. Smith1,2, Jane
/// Doe∗ and Lee Wu"): each name's range and whether it carries a mark.
pub fn name_list(s: &str) -> Option<Vec<((usize, usize), bool)>> {
    let mut out = Vec::new();
    let mut rest = s;
    let mut base = 0;
    loop {
        // the next separator: a comma, " and ", " & "
        let cut = [",", " and ", " & ", ";"]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        let (piece, next) = match cut {
            Some((i, len)) => (&rest[..i], Some(i + len)),
            None => (rest, None),
        };
        let marks_only = !piece.chars().any(char::is_alphabetic);
        if !marks_only {
            let (r, marked) = one_name(piece)?;
            out.push(((base + r.0, base + r.1), marked));
        } else if let Some(last) = out.last_mut() {
            // "Bolejko1,2": the mark after the comma belongs to the name
            last.1 |= piece.chars().any(is_mark);
        }
        match next {
            Some(n) => {
                base += n;
                rest = &rest[n..];
            }
            None => break,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// One name with its marks: the name's range and whether marks follow it.
fn one_name(piece: &str) -> Option<((usize, usize), bool)> {
    let t = piece.trim_end_matches(|c: char| is_mark(c) || c.is_whitespace());
    let marked = t.len() < piece.trim_end().len();
    let lead = t.len() - t.trim_start().len();
    let mut t = t.trim_start();
    let mut start = lead;
    for h in HONORIFICS {
        if let Some(r) = t.strip_prefix(h).filter(|r| r.starts_with(' ')) {
            start += t.len() - r.trim_start().len();
            t = r.trim_start();
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let name_word = |w: &str| {
        let w = w.trim_end_matches('.');
        w.split('-').all(|p| {
            let mut cs = p.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_alphabetic() || is_combining_mark(c) || c == '\'' || c == '’')
        }) || matches!(
            w,
            "van" | "von" | "de" | "der" | "da" | "di" | "del" | "la" | "le"
        )
    };
    let lowercase = t.chars().any(char::is_lowercase);
    ((2..=4).contains(&words.len()) && words.iter().all(|w| name_word(w)) && lowercase)
        .then_some(((start, start + t.len()), marked))
}

/// The local parts of the e-mail addresses in `s`, lowercase, a list
/// giving each of its names ("{gal,brendan}@mozilla.com"): the addresses
/// [`super::emails::addresses`] reads.
pub fn email_locals(s: &str) -> Vec<String> {
    super::emails::addresses(s)
        .into_iter()
        .filter_map(|a| Some(a.address.split_once('@')?.0.to_lowercase()))
        .collect()
}

/// True if an e-mail local part holds a word of `name` of three letters or
/// more, or its initials and surname ("pfdutot" for "Pierre-François Dutot").
pub fn local_names(local: &str, name: &str) -> bool {
    let local: String = bare_letters(local);
    let name =
        bare_letters(&name.replace(|c: char| !c.is_alphabetic() && !is_combining_mark(c), " "));
    let parts: Vec<&str> = name.split(' ').filter(|p| !p.is_empty()).collect();
    parts
        .iter()
        .any(|p| p.chars().count() >= 3 && local.contains(p))
}

/// `s` lowercased without accents (decomposed, marks dropped) and without
/// characters other than letters, digits and spaces: "Grégory" and the
/// "gregory" of an address agree.
fn bare_letters(s: &str) -> String {
    s.nfd()
        .filter(|&c| !is_combining_mark(c) && (c.is_alphanumeric() || c == ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An address line of the title page: an affiliation, or a line naming an
/// institution in another language or a company, even with abbreviations
/// ("Centro de Investigación del IPN, A.P. 14-740").
fn address_line(s: &str) -> bool {
    affiliation(s).is_some()
        || (s.split_whitespace().count() <= 40
            && s.split(|c: char| !c.is_alphabetic() && !is_combining_mark(c))
                .any(|w| super::INSTITUTION_WORDS.contains(&w) || MORE_INSTITUTIONS.contains(&w)))
}

/// Institution words besides those of an affiliation block: other
/// languages, companies, laboratories.
const MORE_INSTITUTIONS: &[&str] = &[
    "Departamento",
    "Departament",
    "Dipartimento",
    "Département",
    "Centro",
    "Instituto",
    "Istituto",
    "Laboratoire",
    "Laboratorio",
    "Universitat",
    "Università",
    "Corporation",
    "Inc",
    "Ltd",
    "GmbH",
    "Lab",
    "Research",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_marks_and_separators() {
        let s = "Andreas Gal∗+ , Brendan Eich∗ , Mohammad R. Haghighat$";
        let got: Vec<&str> = name_list(s)
            .expect("names")
            .iter()
            .map(|(r, _)| &s[r.0..r.1])
            .collect();
        assert_eq!(
            got,
            ["Andreas Gal", "Brendan Eich", "Mohammad R. Haghighat"]
        );
        let s = "Krzysztof Bolejko1,2 and Lars Andersson3,4";
        let n = name_list(s).expect("names");
        assert_eq!(n.len(), 2);
        assert!(n.iter().all(|x| x.1));
        assert!(name_list("Dr. Saeed Murtaza").is_some());
        for s in [
            "Information Synthesis for Answer Validation",
            "the Universe",
            "Department of Physics, University of Oslo",
        ] {
            assert!(name_list(s).is_none(), "{s}");
        }
    }

    #[test]
    fn braced_addresses_give_each_name() {
        assert_eq!(
            email_locals("{gal,brendan}@mozilla.com"),
            ["gal", "brendan"]
        );
        assert_eq!(email_locals("E-mail: a.b@x.org"), ["a.b"]);
    }

    fn title(lines: &[&str]) -> String {
        let p = read(lines, lines.len());
        let (a, b) = p.title.expect("a title");
        lines[a..=b].join(" ")
    }

    #[test]
    fn banners_go_before_and_wrapped_titles_continue() {
        let lines = [
            "2010 International Conference on Data Engineering",
            "A New Model for Market Driven Products Using",
            "Analytical Hierarchical Process",
            "Jane Roe",
            "Department of Sciences, University of Nowhere",
            "jane.roe@uni.example",
        ];
        assert_eq!(
            title(&lines),
            "A New Model for Market Driven Products Using Analytical Hierarchical Process"
        );
        let p = read(&lines, lines.len());
        assert_eq!(p.authors, [(3, (0, 8))]);
        let lines = [
            "J",
            "ournal of Things",
            "An IOP journal",
            "Apparent accelerations of",
            "the Universe",
            "1 School of Physics, University of Melbourne",
        ];
        assert_eq!(title(&lines), "Apparent accelerations of the Universe");
    }

    #[test]
    fn a_name_found_in_an_address_ends_the_title() {
        let lines = [
            "Energy Efficient Routing for Zone Based",
            "Mobile Sensor Networks",
            "Usama Ahmed",
            "usamaahmed@mcs.example",
        ];
        assert_eq!(
            title(&lines),
            "Energy Efficient Routing for Zone Based Mobile Sensor Networks"
        );
        assert_eq!(read(&lines, 4).authors.len(), 1);
    }
}
