//! Front matter of scholarly texts: DOI, ORCID, e-mail and author lines,
//! affiliations, abstract and keyword leads, bibliography headings.
//!
//! Each function is a small nom grammar over the text of one block and gives
//! byte ranges relative to that text. A grammar that does not match the whole
//! block (apart from surrounding space and markup) does not fire: a DOI
//! inside a sentence is an inline identifier, not a DOI line.

pub mod affiliations;
pub mod emails;
pub mod orcids;
pub mod title_page;

use super::grammar::{cap_word, doi, email, hspace, lower_starts_with, offset, orcid, ws};
use foldhash::HashSet;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::char as ch,
    combinator::{eof, opt},
    multi::many0,
    sequence::preceded,
};
use std::sync::OnceLock;

/// A byte range inside a block's text.
pub type Range = (usize, usize);

fn range(whole: &str, part: &str) -> Range {
    let s = offset(whole, part);
    (s, s + part.len())
}

/// `DOI <https://doi.org/10.x/y>`, `doi: 10.x/y`, `https://doi.org/10.x/y`:
/// the range of the identifier when the block is nothing but a DOI.
pub fn doi_line(s: &str) -> Option<Range> {
    let label = (tag_no_case("doi"), opt(ch(':')), ws);
    let resolver = (
        alt((tag("https://"), tag("http://"))),
        opt(tag("dx.")),
        tag_no_case("doi.org/"),
    );
    let mut p = (
        ws,
        opt(label),
        opt(ch('<')),
        opt(resolver),
        doi,
        opt(ch('>')),
        opt(ch('.')),
        ws,
        eof,
    );
    let (_, (_, _, _, _, id, ..)) = p.parse(s).ok()?;
    Some(range(s, id))
}

/// A labelled DOI anywhere in `s`: "… 45–67. DOI: 10.1234/abc" or a
/// `doi.org/` URL. Bare "10.x/y" strings are not taken (a reference list
/// holds many).
pub fn labelled_doi(s: &str) -> Option<Range> {
    let lower = s.to_ascii_lowercase();
    for (i, _) in lower.match_indices("doi") {
        let rest = &s[i + 3..];
        let mut p = (
            opt(alt((tag(".org/"), tag_no_case(" id:"), tag(":")))),
            nom::character::complete::space0,
            doi,
        );
        if let Ok((_, (_, _, id))) = p.parse(rest) {
            let before = s[..i].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric() || c == '.') {
                return Some(range(s, id));
            }
        }
    }
    None
}

/// `ORCID ID: 0000-0002-3466-4951`, `ORCID: https://orcid.org/…`, or a bare iD.
pub fn orcid_line(s: &str) -> Option<Range> {
    let label = (
        tag_no_case("orcid"),
        opt(preceded(hspace, alt((tag_no_case("id"), tag("iD"))))),
        opt(ch(':')),
        ws,
    );
    let resolver = (alt((tag("https://"), tag("http://"))), tag("orcid.org/"));
    let mut p = (
        ws,
        opt(label),
        opt(ch('<')),
        opt(resolver),
        orcid,
        opt(ch('>')),
        ws,
        eof,
    );
    let (_, (_, _, _, _, id, ..)) = p.parse(s).ok()?;
    Some(range(s, id))
}

/// `Gulgun2004@mail.ru`, `E-mail: a@b.org`, `<a@b.org>`: the address.
pub fn email_line(s: &str) -> Option<Range> {
    let label = (
        alt((
            tag_no_case("e-mail"),
            tag_no_case("email"),
            tag_no_case("mail"),
        )),
        opt(ch(':')),
        ws,
    );
    let mut p = (
        ws,
        opt(label),
        opt(ch('<')),
        opt(tag("mailto:")),
        email,
        opt(ch('>')),
        ws,
        eof,
    );
    let (_, (_, _, _, _, addr, ..)) = p.parse(s).ok()?;
    Some(range(s, addr))
}

/// A name part: a capitalised word, an initial ("J."), or a particle.
fn name_part(input: &str) -> IResult<&str, &str> {
    alt((
        nom::combinator::recognize((cap_word, opt(ch('.')))),
        alt((
            tag("van"),
            tag("von"),
            tag("de"),
            tag("der"),
            tag("al-"),
            tag("da"),
            tag("di"),
            tag("bin"),
        )),
    ))
    .parse(input)
}

/// One author name of two to five parts, e.g. "Gulgun Quliyeva" or "J. R. Smith".
fn author_name(input: &str) -> IResult<&str, &str> {
    nom::combinator::verify(
        nom::combinator::recognize((name_part, many0(preceded(hspace, name_part)))),
        |n: &str| {
            let parts = n.split_whitespace().count();
            (2..=5).contains(&parts) && n.chars().filter(|c| c.is_lowercase()).count() > 0
        },
    )
    .parse(input)
}

/// An affiliation mark after an author's name or before an affiliation:
/// "1", "1,2", "*", "¹", "†" (PDF superscripts pasted as plain characters).
fn mark(input: &str) -> IResult<&str, &str> {
    let one = take_while1(|c: char| c.is_ascii_digit() || is_mark_symbol(c));
    nom::combinator::recognize((one, many0(preceded(ch(','), mark_digits)))).parse(input)
}

fn mark_digits(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit() || is_mark_symbol(c)).parse(input)
}

fn is_mark_symbol(c: char) -> bool {
    matches!(
        c,
        '*' | '†' | '‡' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰'
    )
}

/// One author of an author line: the name and its marks (empty if none).
fn marked_author(input: &str) -> IResult<&str, (&str, &str)> {
    (author_name, nom::combinator::recognize(opt(mark))).parse(input)
}

/// An author line: one or more names separated by commas or "and", each
/// with optional affiliation marks ("Jane Smith1, Ana de Souza2,3"), and an
/// optional trailing comma. The range covers the names.
pub fn author_line(s: &str) -> Option<Range> {
    let mut p = (
        ws,
        opt(alt((tag("By "), tag("by ")))),
        nom::combinator::recognize((marked_author, many0(preceded(name_sep, marked_author)))),
        opt(ch(',')),
        ws,
        eof,
    );
    let (_, (_, _, names, ..)) = p.parse(s).ok()?;
    if s.contains('\n') {
        return None;
    }
    let names =
        names.trim_end_matches(|c: char| c == ',' || c.is_ascii_digit() || is_mark_symbol(c));
    Some(range(s, names))
}

fn name_sep(input: &str) -> IResult<&str, &str> {
    alt((tag(", "), tag(" and "), tag(" & "), tag("; "))).parse(input)
}

/// The names of an author line, one range each with the range of its marks
/// ("Jane Smith, J. R. Tolkien and Ana de Souza1" gives three names, the
/// last marked "1").
pub fn author_names(s: &str) -> Vec<(Range, Range)> {
    let Some((a, b)) = author_line(s) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut rest = &s[a..];
    while let Ok((r, (name, marks))) = marked_author(rest) {
        out.push((range(s, name), range(s, marks)));
        if offset(s, r) >= b {
            break;
        }
        match name_sep(r) {
            Ok((r, _)) => rest = r,
            Err(_) => break,
        }
    }
    out
}

/// The marks of a mark range ("1,2" gives "1" and "2").
pub fn marks(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').filter(|m| !m.is_empty())
}

/// Whether an e-mail address's local part holds a part of `name` of three
/// letters or more ("leyla.m@…" for "Leyla Mammadova"): with several authors,
/// it tells whose address a bare e-mail line is.
pub fn address_names(address: &str, name: &str) -> bool {
    let local = address.split('@').next().unwrap_or("").to_lowercase();
    name.split(|c: char| !c.is_alphabetic())
        .filter(|p| p.chars().count() >= 3)
        .any(|p| local.contains(&p.to_lowercase()))
}

/// An affiliation that starts with its mark ("1 Baku State University,
/// Baku" or "²Department of History"): the mark's range and the
/// affiliation's.
pub fn marked_affiliation(s: &str) -> Option<(Range, Range)> {
    let t = s.trim_start();
    let (rest, m) = mark_digits(t).ok()?;
    if m.chars().count() > 2 || !rest.starts_with(|c: char| c == ' ' || c.is_uppercase()) {
        return None;
    }
    let (a, b) = affiliation(rest)?;
    let base = offset(s, rest);
    Some((range(s, m), (base + a, base + b)))
}

/// Words that name an institution: an affiliation holds at least one.
const INSTITUTION_WORDS: &[&str] = &[
    "University",
    "Universität",
    "Université",
    "Universidad",
    "Institute",
    "Institut",
    "Academy",
    "College",
    "Department",
    "Faculty",
    "School",
    "Laboratory",
    "Centre",
    "Center",
    "Ministry",
    "Lecturer",
    "Professor",
    "PhD",
    "Researcher",
];

/// An affiliation block: wrapped in markdown emphasis, or naming an
/// institution in a short text that is not a sentence. The range is the text
/// inside any emphasis delimiters.
pub fn affiliation(s: &str) -> Option<Range> {
    let t = s.trim();
    let start = offset(s, t);
    for d in ["**", "*", "__", "_"] {
        if t.len() > 2 * d.len() && t.starts_with(d) && t.ends_with(d) {
            let inner = &t[d.len()..t.len() - d.len()];
            if !inner.contains(d) {
                return Some((start + d.len(), start + d.len() + inner.len()));
            }
        }
    }
    let words = t.split_whitespace().count();
    let names_institution = t
        .split(|c: char| !c.is_alphabetic())
        .any(|w| INSTITUTION_WORDS.contains(&w));
    (names_institution && words <= 40 && !t.contains(". ")).then_some((start, start + t.len()))
}

/// `Abstract.`, `Abstract:`, `ABSTRACT —` at the start of a block: the lead's
/// length in bytes (punctuation and following space included). A block that
/// is only "Abstract" gives its whole length.
pub fn abstract_lead(s: &str) -> Option<usize> {
    const LABELS: Labels = Labels::new(&[
        Label::new("abstract"),
        Label::new("summary"),
        Label::new("annotation"),
        Label::new("аннотация"),
        Label::new("xülasə"),
    ]);
    labelled_lead(s, &LABELS)
}

/// The label of ACM's subject classification on a paper's first page.
const SUBJECT_LABEL: &str = "Categories and Subject Descriptors";

/// Labels that end the subject descriptors when they run on.
const AFTER_SUBJECTS: [&str; 4] = ["General Terms", "Keywords", "Key words", "Index Terms"];

/// How far into a text its subject descriptors are looked for, in bytes
/// (they stand on the first page, beside the abstract).
const SUBJECTS_WITHIN: usize = 12_000;

/// The subject descriptors of a paper under ACM's label ("Categories and
/// Subject Descriptors D.3.4 [Programming Languages]: Processors —
/// Incremental compilers; F.2.2 […]"), one span each: from the label at a
/// line's start to a blank line, a form feed or the next label ("General
/// Terms", "Keywords"), split at semicolons, without the closing stop.
pub fn subject_descriptors(text: &str) -> Vec<crate::span::Span> {
    let mut end = SUBJECTS_WITHIN.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let Some(at) = head
        .match_indices(SUBJECT_LABEL)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || head[..i].ends_with('\n'))
    else {
        return Vec::new();
    };
    let from = at + SUBJECT_LABEL.len();
    // to a blank line, a page break or the next label at a line's start
    let mut to = from;
    for line in head[from..].split_inclusive('\n') {
        let l = line.trim();
        let first = to == from;
        if !first && (l.is_empty() || AFTER_SUBJECTS.iter().any(|a| l.starts_with(a))) {
            break;
        }
        if line.contains('\x0c') {
            break;
        }
        to += line.len();
    }
    let mut out = Vec::new();
    let mut start = from;
    for part in head[from..to].split_inclusive(';') {
        let lead = part.len() - part.trim_start().len();
        let body = part.trim_end().trim_end_matches([';', '.']).trim_end();
        if !body.trim().is_empty() {
            out.push(crate::span::Span::new(start + lead, start + body.len()));
        }
        start += part.len();
    }
    out
}

/// `Key words:`, `Keywords:`, `Index terms —` at the start of a block.
pub fn keywords_lead(s: &str) -> Option<usize> {
    const LABELS: Labels = Labels::new(&[
        Label::new("key words"),
        Label::new("keywords"),
        Label::new("key-words"),
        Label::new("index terms"),
        Label::new("açar sözlər"),
        Label::new("ключевые слова"),
    ]);
    labelled_lead(s, &LABELS)
}

/// A lower-case label of a block with its length in characters, counted
/// once when compiled rather than for every block it is compared with.
struct Label {
    text: &'static str,
    chars: usize,
}

impl Label {
    const fn new(text: &'static str) -> Self {
        let bytes = text.as_bytes();
        let (mut i, mut chars) = (0, 0);
        while i < bytes.len() {
            // every byte but a UTF-8 continuation byte starts a character
            if bytes[i] & 0xC0 != 0x80 {
                chars += 1;
            }
            i += 1;
        }
        Label { text, chars }
    }
}

/// The labels one kind of lead opens with, and the fewest characters of
/// any of them.
struct Labels {
    list: &'static [Label],
    shortest: usize,
}

impl Labels {
    const fn new(list: &'static [Label]) -> Self {
        let (mut i, mut shortest) = (0, usize::MAX);
        while i < list.len() {
            if list[i].chars < shortest {
                shortest = list[i].chars;
            }
            i += 1;
        }
        Labels { list, shortest }
    }
}

fn labelled_lead(s: &str, labels: &Labels) -> Option<usize> {
    // a block of fewer bytes than the shortest label has characters holds
    // none (most blocks of a text of short lines): spared the comparisons
    if s.len() < labels.shortest {
        return None;
    }
    let t = s.trim_start();
    // the first character of `t` lowered opens the label: labels that start
    // otherwise are not compared (this runs on every block)
    let c = t.chars().next()?;
    let first = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next()?
    };
    // Lowering can change lengths outside ASCII ("İ" gives two characters);
    // the label's length is counted in characters of `t`.
    // A text has at least as many bytes as characters: a block of fewer
    // bytes than the label has characters (most lines of a text of short
    // lines) is settled before the label is lowered into.
    let label = labels.list.iter().find(|l| {
        l.text.starts_with(first)
            && t.len() >= l.chars
            && lower_starts_with(t, l.text)
            && t.chars().take(l.chars).count() == l.chars
    })?;
    let n_chars = label.chars;
    let after_label = t.char_indices().nth(n_chars).map_or(t.len(), |(i, _)| i);
    let rest = &t[after_label..];
    let mut p = (
        hspace,
        opt(alt((tag(":"), tag("."), tag("—"), tag("–"), tag("-")))),
        ws,
    );
    let (after, (_, punct, _)) = p.parse(rest).ok()?;
    // a label alone on its line ("Abstract⏎We study…") leads the lines after it
    let whole_block = after.is_empty()
        || rest
            .trim_start_matches([' ', '\t'])
            .starts_with(['\n', '\r']);
    if punct.is_none() && !whole_block {
        return None; // "Abstracts of papers are …" is a sentence, not a lead
    }
    Some(offset(s, after))
}

/// The terms of a keyword block after its lead, one range each, in order;
/// "etc." and empty items are left out, duplicates are kept (the keywords
/// pass proposes their removal).
pub fn keyword_terms(s: &str, lead: usize) -> Vec<Range> {
    let mut out = Vec::new();
    let body = &s[lead.min(s.len())..];
    let sep = if body.contains(';') { ';' } else { ',' };
    let mut pos = lead;
    for piece in body.split(sep) {
        let start = pos;
        pos += piece.len() + sep.len_utf8();
        let t = piece.trim().trim_end_matches(['.', ';']).trim_end();
        let t = t.strip_suffix(" etc").unwrap_or(t).trim_end();
        if t.is_empty() || t.eq_ignore_ascii_case("etc") {
            continue;
        }
        let a = start + offset(piece, piece.trim_start());
        out.push((a, a + t.len()));
    }
    out
}

/// Headings that open a bibliography.
const BIBL_HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "bibliography",
    "works cited",
    "literature",
    "literature cited",
    "literatur",
    "literaturverzeichnis",
    "références",
    "références bibliographiques",
    "bibliographie",
    "bibliografía",
    "referencias",
    "bibliografia",
    "riferimenti bibliografici",
    "sources",
    "sources and literature",
    "ədəbiyyat",
    "ədəbiyyat siyahısı",
    "список литературы",
    "литература",
];

/// Characters in the longest of [`BIBL_HEADINGS`].
const LONGEST_BIBL_HEADING: usize = 27;

/// Characters in the shortest of [`BIBL_HEADINGS`].
const SHORTEST_BIBL_HEADING: usize = 7;

/// `References:`, `## Bibliography`, `7. Works cited`: a line that is only a
/// bibliography heading.
pub fn bibl_heading(line: &str) -> bool {
    // most lines of a text settle here, before the trims below
    if line.len() < SHORTEST_BIBL_HEADING && line.is_ascii() {
        return false;
    }
    let t = line.trim().trim_start_matches('#').trim();
    let t = t
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim();
    // a Roman section number: "VII. REFERENCES"
    let roman = t.starts_with(['I', 'V', 'X', 'L', 'C']);
    let t = match if roman { t.split_once(". ") } else { None } {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| "IVXLC".contains(c)) => rest.trim(),
        _ => t,
    };
    let t = t
        .trim_matches(['*', '_'])
        .trim_end_matches([':', '.'])
        .trim();
    // Lowering never shortens a text in characters: a longer line is no heading.
    // (ASCII lowers one character to one: a shorter ASCII line is none)
    if t.is_empty()
        || (t.len() < SHORTEST_BIBL_HEADING && t.is_ascii())
        || t.chars().nth(LONGEST_BIBL_HEADING).is_some()
    {
        return false;
    }
    // One look-up of the lowered line (as `lower_eq` lowers it) instead of
    // a comparison with every heading: this runs on every line of a text.
    static HEADINGS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let headings = HEADINGS.get_or_init(|| BIBL_HEADINGS.iter().copied().collect());
    let lower: String = t.chars().flat_map(char::to_lowercase).collect();
    headings.contains(lower.as_str())
}

#[cfg(test)]
mod subject_tests {
    use super::subject_descriptors;

    fn terms(t: &str) -> Vec<&str> {
        subject_descriptors(t).iter().map(|s| s.of(t)).collect()
    }

    #[test]
    fn acm_subject_descriptors_on_their_line_or_under_the_label() {
        let t = "programs.\nCategories and Subject Descriptors D.3.4 [Programming Languages]: Processors — Incremental compilers.\nGeneral Terms Design, Performance.\n";
        assert_eq!(
            terms(t),
            ["D.3.4 [Programming Languages]: Processors — Incremental compilers"]
        );
        let t = "x\n\nCategories and Subject Descriptors\nF.2.2 [Analysis of Algorithms]: Problems—Sequencing\nand scheduling; D.4.1 [Operating Systems]: Process management\n\nGeneral Terms\n";
        assert_eq!(
            terms(t),
            [
                "F.2.2 [Analysis of Algorithms]: Problems—Sequencing\nand scheduling",
                "D.4.1 [Operating Systems]: Process management"
            ]
        );
        // the words in a sentence are no label
        assert!(terms("We list the Categories and Subject Descriptors used.").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_their_characters() {
        for t in ["abstract", "xülasə", "ключевые слова", ""] {
            assert_eq!(Label::new(t).chars, t.chars().count(), "{t}");
        }
    }

    #[test]
    fn bibliography_headings_in_any_case_and_numbering() {
        for s in [
            "REFERENCES",
            "VII. REFERENCES",
            "## Bibliography:",
            "7. Works cited",
            "СПИСОК ЛИТЕРАТУРЫ",
            "Ədəbiyyat",
        ] {
            assert!(bibl_heading(s), "{s}");
        }
        for s in ["", "References list", "Reference", "See the references."] {
            assert!(!bibl_heading(s), "{s}");
        }
    }

    #[test]
    fn the_longest_and_shortest_bibliography_headings_are_known() {
        let longest = BIBL_HEADINGS.iter().map(|h| h.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_BIBL_HEADING));
        let shortest = BIBL_HEADINGS.iter().map(|h| h.chars().count()).min();
        assert_eq!(shortest, Some(SHORTEST_BIBL_HEADING));
    }

    fn at(s: &str, r: Option<Range>) -> Option<&str> {
        r.map(|(a, b)| &s[a..b])
    }

    #[test]
    fn doi_lines_in_their_forms() {
        let s = "DOI <https://doi.org/10.30525/2592-8813-2025-2-28>";
        assert_eq!(at(s, doi_line(s)), Some("10.30525/2592-8813-2025-2-28"));
        for s in [
            "doi:10.1000/xyz123",
            "https://dx.doi.org/10.1000/xyz123",
            "DOI: 10.1000/xyz123.",
        ] {
            assert_eq!(at(s, doi_line(s)), Some("10.1000/xyz123"), "{s}");
        }
    }

    #[test]
    fn a_doi_inside_a_sentence_is_not_a_doi_line() {
        assert_eq!(doi_line("See doi:10.1000/xyz for details."), None);
        assert_eq!(doi_line("Smith (2019). Title. doi:10.1000/xyz"), None);
    }

    #[test]
    fn labelled_dois_inside_lines() {
        let s = "Journal of History 3(2), 45–67. DOI: 10.1234/abc.5";
        assert_eq!(at(s, labelled_doi(s)), Some("10.1234/abc.5"));
        let s = "Published at https://doi.org/10.1234/abc";
        assert_eq!(at(s, labelled_doi(s)), Some("10.1234/abc"));
        assert_eq!(labelled_doi("Smith 2019, 10.1234/abc"), None);
        assert_eq!(labelled_doi("the doily 10.1234/abc"), None);
    }

    #[test]
    fn orcid_and_email_lines() {
        let s = "ORCID ID: 0000-0002-3466-4951";
        assert_eq!(at(s, orcid_line(s)), Some("0000-0002-3466-4951"));
        let s = "ORCID: https://orcid.org/0000-0001-2345-678X";
        assert_eq!(at(s, orcid_line(s)), Some("0000-0001-2345-678X"));
        let s = "E-mail: jane.doe@uni.example.org";
        assert_eq!(at(s, email_line(s)), Some("jane.doe@uni.example.org"));
        assert_eq!(email_line("Write to jane@uni.org for copies."), None);
    }

    #[test]
    fn author_lines() {
        let s = "Gulgun Quliyeva,";
        assert_eq!(at(s, author_line(s)), Some("Gulgun Quliyeva"));
        let s = "Jane Smith, J. R. Tolkien and Ana de Souza1";
        let names: Vec<&str> = author_names(s)
            .into_iter()
            .map(|((a, b), _)| &s[a..b])
            .collect();
        assert_eq!(names, ["Jane Smith", "J. R. Tolkien", "Ana de Souza"]);
        let s = "Leyla Mammadova1, Tigran Hakobyan2,3 and Jane Smith*";
        let found: Vec<(&str, &str)> = author_names(s)
            .into_iter()
            .map(|((a, b), (c, d))| (&s[a..b], &s[c..d]))
            .collect();
        assert_eq!(
            found,
            [
                ("Leyla Mammadova", "1"),
                ("Tigran Hakobyan", "2,3"),
                ("Jane Smith", "*")
            ]
        );
        assert_eq!(
            at(s, author_line(s)),
            Some("Leyla Mammadova1, Tigran Hakobyan2,3 and Jane Smith")
        );
        let s = "Jane Smith, J. R. Tolkien and Ana de Souza1";
        assert_eq!(
            at(s, author_line(s)),
            Some("Jane Smith, J. R. Tolkien and Ana de Souza")
        );
        for s in [
            "Casualties on both sides",
            "The fighting went on.",
            "WAR",
            "Many Countries Call For An End Now",
        ] {
            assert_eq!(author_line(s), None, "{s}");
        }
    }

    #[test]
    fn affiliations() {
        let s = "*PhD in Political Science, Lecturer\nBaku State University (Baku, Azerbaijan)*";
        assert_eq!(
            at(s, affiliation(s)).map(|a| a.starts_with("PhD")),
            Some(true)
        );
        assert!(affiliation("Department of History, University of Oslo").is_some());
        assert!(affiliation("He studied at the University. Then he left.").is_none());
        let s = "2 Yerevan State University, Yerevan, Armenia";
        let ((a, b), (c, d)) = marked_affiliation(s).expect("a numbered affiliation");
        assert_eq!(
            (&s[a..b], &s[c..d]),
            ("2", "Yerevan State University, Yerevan, Armenia")
        );
        let s = "¹Department of History, University of Oslo";
        assert!(marked_affiliation(s).is_some());
        assert!(marked_affiliation("2020 University reforms were debated").is_none());
        assert!(marked_affiliation("Baku State University").is_none());
    }

    #[test]
    fn abstract_and_keyword_leads() {
        let s = "Abstract. During the war";
        assert_eq!(&s[abstract_lead(s).unwrap()..], "During the war");
        assert_eq!(abstract_lead("ABSTRACT"), Some(8));
        assert_eq!(abstract_lead("Abstracts of papers are due."), None);
        assert_eq!(abstract_lead("Abstract art is"), None);
        let s = "Key words: War, conflict, victory, region, victory, etc.";
        let lead = keywords_lead(s).unwrap();
        let terms: Vec<&str> = keyword_terms(s, lead)
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(terms, ["War", "conflict", "victory", "region", "victory"]);
        let s = "Keywords: memory; archives; oral history.";
        let terms: Vec<&str> = keyword_terms(s, keywords_lead(s).unwrap())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect();
        assert_eq!(terms, ["memory", "archives", "oral history"]);
    }

    #[test]
    fn bibliography_headings() {
        for s in [
            "References:",
            "## Bibliography",
            "7. Works cited",
            "LITERATURE",
            "**References**",
            "VII. REFERENCES",
            "Literatur",
            "Références",
            "6. REFERENCES",
        ] {
            assert!(bibl_heading(s), "{s}");
        }
        for s in [
            "References to the war are rare.",
            "Literature review shows",
            "Sources say",
            "I. Introduction",
        ] {
            assert!(!bibl_heading(s), "{s}");
        }
    }
}
