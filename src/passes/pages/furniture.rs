//! Page furniture of a text whose pages are marked by form feeds (what
//! `pdftotext` writes between pages), found line by line.
//!
//! A printed page repeats its furniture: the running head, the footer, the
//! journal stamp stand on page after page, and the page numbers go up by
//! one from page to page. Evidence is taken from that recurrence, never from
//! what a line says:
//! - **running heads and footers**: a line that recurs (digits aside) on
//!   many pages, at the page's top or bottom edge, or anywhere when it is
//!   long enough not to be a table cell; then every copy of it goes;
//! - **page numbers**: number lines whose value minus the page's index is
//!   the same constant on most pages (a section number, table row or count
//!   does not follow the pages); one a page, the one beside other furniture
//!   or nearest the page's edge;
//! - **stamps**: the copyright and price line publishers print on the first
//!   page (an ISSN or ISBN with a price, a `©` line), the DOI beside it, the
//!   arXiv side stamp, the publishers' permission notices, and a short line
//!   naming the document's own page range ("J. Phys. 54, 272-273").
//!
//! Without form feeds nothing is found here: the page rule then falls back
//! to its block-level evidence.

use crate::parse::lines::{Line, lines};
use crate::span::Span;
use foldhash::{HashMap, HashSet};
use regex::Regex;
use std::sync::LazyLock;

/// What a furniture line is: the TEI `fw/@type` it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A running head (top of the page).
    Header,
    /// A running foot (bottom of the page).
    Footer,
    /// A page number.
    PageNum,
    /// A journal stamp, copyright line or permission notice.
    Stamp,
}

impl Kind {
    /// The rule suffix of the edit removing such a line.
    pub fn rule(self) -> &'static str {
        match self {
            Kind::Header => "running-head",
            Kind::Footer => "footer",
            Kind::PageNum => "number",
            Kind::Stamp => "stamp",
        }
    }
}

/// A furniture line: its trimmed span, what it is and the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The line without its leading and trailing whitespace.
    pub line: Span,
    /// What it is.
    pub kind: Kind,
    /// The evidence, for the edit's note.
    pub why: String,
}

/// Lines this close to a page's top or bottom (non-blank lines counted) are
/// where running heads and page numbers stand.
const EDGE: usize = 4;

/// Most page numbers stand this close to a page's edge, or beside other
/// furniture.
const PLACED: usize = 2;

/// A line this long (characters or words) recurring on many pages is
/// furniture wherever it stands; shorter ones only at a page's edge, where
/// a table cell rarely repeats page after page.
const LONG_CHARS: usize = 25;
const LONG_WORDS: usize = 4;

/// A stamp line holds at most this many words.
const STAMP_WORDS: usize = 25;

/// The lines of the text grouped by page.
struct Paged {
    lines: Vec<Line>,
    /// Per page (index = form feeds before it), its non-blank lines.
    pages: Vec<Vec<usize>>,
}

impl Paged {
    fn new(text: &str) -> Self {
        let lines = lines(text);
        let mut pages: Vec<Vec<usize>> = vec![Vec::new()];
        let mut feeds = 0;
        let mut counted = 0;
        for (i, l) in lines.iter().enumerate() {
            // form feeds up to the line's content (pdftotext puts them at
            // the start of the first line of a page)
            let upto = if l.is_blank() {
                l.span.end
            } else {
                l.content.start
            };
            feeds += memchr::memchr_iter(b'\x0c', &text.as_bytes()[counted..upto]).count();
            counted = upto.max(counted);
            if !l.is_blank() {
                pages.resize_with(pages.len().max(feeds + 1), Vec::new);
                pages[feeds].push(i);
            }
        }
        Paged { lines, pages }
    }

    fn text_pages(&self) -> usize {
        self.pages.iter().filter(|p| !p.is_empty()).count()
    }
}

/// The furniture lines of `text`, sorted; `None` without form feeds
/// separating two pages of text. `title` is the span of the document's
/// title, never taken for a running head on the first page.
pub fn find(text: &str, title: Option<Span>) -> Option<Vec<Found>> {
    let paged = Paged::new(text);
    let n_pages = paged.text_pages();
    if n_pages < 2 {
        return None;
    }
    let s = |i: usize| paged.lines[i].content.of(text);
    let mut found: HashMap<usize, Found> = HashMap::default();
    let mut mark = |i: usize, kind: Kind, why: String| {
        found.entry(i).or_insert(Found {
            line: paged.lines[i].content,
            kind,
            why,
        });
    };

    // running heads and footers: recurrence across pages
    let mut support: HashMap<String, (Vec<usize>, usize, usize)> = HashMap::default();
    for (p, page) in paged.pages.iter().enumerate() {
        for (j, &i) in page.iter().enumerate() {
            let line = s(i);
            let k = key(line);
            if k.chars().filter(|c| c.is_alphabetic()).count() < 3 || is_caption(line) {
                continue;
            }
            let from_bottom = page.len() - 1 - j;
            let edge = j.min(from_bottom) < EDGE;
            let long =
                line.chars().count() >= LONG_CHARS || line.split_whitespace().count() >= LONG_WORDS;
            if edge || long {
                let e = support.entry(k).or_default();
                if e.0.last() != Some(&p) {
                    e.0.push(p);
                }
                if j < from_bottom { e.1 += 1 } else { e.2 += 1 }
            }
        }
    }
    let recurring: HashMap<&str, Kind> = support
        .iter()
        .filter(|(_, (pages, _, _))| recurs(pages.len(), n_pages))
        .map(|(k, (_, top, bottom))| {
            let kind = if top > bottom {
                Kind::Header
            } else {
                Kind::Footer
            };
            (k.as_str(), kind)
        })
        .collect();
    let first_page = paged.pages.iter().position(|p| !p.is_empty());
    for (p, page) in paged.pages.iter().enumerate() {
        for &i in page {
            let k = key(s(i));
            let Some((&k, &kind)) = recurring.get_key_value(k.as_str()) else {
                continue;
            };
            let in_title = title.is_some_and(|t| t.contains(paged.lines[i].content));
            if Some(p) == first_page && in_title {
                continue;
            }
            let n = support[k].0.len();
            mark(
                i,
                kind,
                format!("a line that recurs on {n} of {n_pages} pages (digits aside)"),
            );
        }
    }

    // page numbers: values that go up by one with the pages
    let range = page_numbers(&paged, text, &mut mark, |i| {
        recurring.contains_key(key(s(i)).as_str())
    });

    // stamps
    for page in &paged.pages {
        for (j, &i) in page.iter().enumerate() {
            let line = s(i);
            if let Some(why) = stamp(line) {
                mark(i, Kind::Stamp, why.into());
                // the DOI printed beside it
                for &k in [j.checked_sub(1), Some(j + 1)].iter().flatten() {
                    if let Some(&d) = page.get(k)
                        && DOI_LINE.is_match(s(d))
                    {
                        mark(d, Kind::Stamp, "a DOI line beside a copyright stamp".into());
                    }
                }
            }
            if let Some(r) = lost_copyright(page, j, s) {
                for &d in &page[j..j + r] {
                    mark(
                        d,
                        Kind::Stamp,
                        "a copyright sign, year and publisher (the sign lost)".into(),
                    );
                }
            }
            if let Some((first, last)) = range
                && line.split_whitespace().count() <= STAMP_WORDS / 2
                && names_range(line, first, last)
            {
                mark(
                    i,
                    Kind::Stamp,
                    format!("a journal stamp naming the pages {first}-{last}"),
                );
            }
            if NOTICES.iter().any(|n| line.starts_with(n)) {
                notice(&paged.lines, i, |d| {
                    mark(d, Kind::Stamp, "a publisher's permission notice".into());
                });
            }
        }
    }
    let mut out: Vec<Found> = found.into_values().collect();
    out.sort_by_key(|f| f.line);
    Some(out)
}

/// True if a line found on `pages` of `n_pages` pages recurs as furniture
/// does: on three pages or more and a third of them at least, or on every
/// page of a short text.
fn recurs(pages: usize, n_pages: usize) -> bool {
    (pages >= 3 && pages * 3 >= n_pages) || (pages >= 2 && pages == n_pages)
}

/// Finds the page numbers; returns the first and last page number of the
/// document when they were found.
fn page_numbers(
    paged: &Paged,
    text: &str,
    mark: &mut impl FnMut(usize, Kind, String),
    is_furniture: impl Fn(usize) -> bool,
) -> Option<(u32, u32)> {
    let s = |i: usize| paged.lines[i].content.of(text);
    // per offset (number minus page index), the pages where it holds
    let mut offsets: HashMap<i64, HashSet<usize>> = HashMap::default();
    for (p, page) in paged.pages.iter().enumerate() {
        for &i in page {
            if let Some(n) = super::page_number_of(s(i), 4) {
                offsets
                    .entry(i64::from(n) - p as i64)
                    .or_default()
                    .insert(p);
            }
        }
    }
    let n_pages = paged.text_pages();
    let (&offset, pages) = offsets
        .iter()
        .max_by_key(|(o, pages)| (pages.len(), std::cmp::Reverse(o.abs()), **o))?;
    let count = pages.len();
    if !((count >= 3 && count * 2 > n_pages) || (count >= 2 && count == n_pages)) {
        return None;
    }
    // the number of each page, and whether it stands where page numbers do
    let mut chosen = Vec::new();
    for (p, page) in paged.pages.iter().enumerate() {
        let want = p as i64 + offset;
        let best = page
            .iter()
            .enumerate()
            .filter(|&(_, &i)| super::page_number_of(s(i), 4).map(i64::from) == Some(want))
            .min_by_key(|&(j, _)| {
                let beside = [j.checked_sub(1), Some(j + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| page.get(k))
                    .any(|&k| is_furniture(k));
                (!beside, j.min(page.len() - 1 - j))
            });
        if let Some((j, &i)) = best {
            let placed = j.min(page.len() - 1 - j) < PLACED
                || [j.checked_sub(1), Some(j + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| page.get(k))
                    .any(|&k| is_furniture(k));
            chosen.push((i, placed));
        }
    }
    // section numbers cut from their headings follow the pages of a short
    // paper too, but stand inside the page
    let placed = chosen.iter().filter(|c| c.1).count();
    if placed * 2 <= chosen.len() {
        return None;
    }
    for (i, _) in chosen {
        mark(
            i,
            Kind::PageNum,
            format!(
                "a page number: numbers going up by one with the pages on {count} of {n_pages} pages"
            ),
        );
    }
    let first_page = paged.pages.iter().position(|p| !p.is_empty())? as i64;
    let last_page = paged.pages.iter().rposition(|p| !p.is_empty())? as i64;
    let first = u32::try_from(first_page + offset).ok()?;
    let last = u32::try_from(last_page + offset).ok()?;
    Some((first, last))
}

/// The recurrence key of a line: whitespace folded, control characters
/// out, every digit one `#` (page and volume numbers change from page to
/// page).
fn key(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for w in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            w.chars()
                .filter(|c| !c.is_control())
                .map(|c| if c.is_ascii_digit() { '#' } else { c }),
        );
    }
    out
}

/// A caption or its label ("Figure 3.", "Table 2: …"), which repeats its
/// words from figure to figure but is no furniture.
fn is_caption(line: &str) -> bool {
    static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(fig(ure)?|tab(le)?|algorithm|listing|scheme|chart|plate|eq(uation)?)\.?\s*([0-9]|[ivxl]+\b)")
            .expect("a valid pattern")
    });
    CAPTION.is_match(line)
}

/// A DOI alone on its line.
static DOI_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(doi:?\s*|https?://(dx\.)?doi\.org/)10\.\d{4,9}/\S+$")
        .expect("a valid pattern")
});

/// Why `line` is a stamp: a copyright and price line, a copyright line, an
/// arXiv side stamp.
fn stamp(line: &str) -> Option<&'static str> {
    static PRICE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\$\s?\d{1,3}\.\d{2}\b").expect("a valid pattern"));
    // an ISSN, or an ISBN with its hyphens
    static SERIAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{4}-\d{3}[\dXx]|\d{1,5}-\d{1,7}-\d{1,7}-[\dXx])\b")
            .expect("a valid pattern")
    });
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(©|\(c\)|copyright\b).{0,20}\b(19|20)\d\d\b").expect("a valid pattern")
    });
    static ARXIV: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^arXiv:(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?\s+\[[^\]]+\]\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}$")
            .expect("a valid pattern")
    });
    let words = line.split_whitespace().count();
    if words > STAMP_WORDS {
        return None;
    }
    if PRICE.is_match(line) && SERIAL.is_match(line) {
        return Some("a publisher's ISSN or ISBN line with its price");
    }
    if COPYRIGHT.is_match(line) && words <= STAMP_WORDS / 2 {
        return Some("a copyright line");
    }
    if ARXIV.is_match(line) {
        return Some("the arXiv identifier stamped on the side of the page");
    }
    None
}

/// A copyright line whose sign was lost ("c" alone, then the year, then the
/// publisher): how many lines from `j` on it takes.
fn lost_copyright<'a>(page: &[usize], j: usize, s: impl Fn(usize) -> &'a str) -> Option<usize> {
    let clean = |i: usize| -> String { s(i).chars().filter(|c| !c.is_control()).collect() };
    if !matches!(clean(page[j]).trim(), "c" | "©" | "(c)" | "C") {
        return None;
    }
    let year = clean(*page.get(j + 1)?);
    let y = year.trim();
    let is_year = y.len() == 4
        && (y.starts_with("19") || y.starts_with("20"))
        && y.bytes().all(|b| b.is_ascii_digit());
    if !is_year {
        return None;
    }
    let publisher = page.get(j + 2).map(|&i| clean(i));
    let takes_publisher = publisher.is_some_and(|p| {
        let p = p.trim();
        p.split_whitespace().count() <= 6
            && p.starts_with(char::is_uppercase)
            && !crate::analysis::sentences::ends_sentence(p)
    });
    Some(if takes_publisher { 3 } else { 2 })
}

/// True if `line` names the page range `first`–`last` ("272-273").
fn names_range(line: &str, first: u32, last: u32) -> bool {
    if first >= last {
        return false;
    }
    ["-", "–", "—"].iter().any(|d| {
        let r = format!("{first}{d}{last}");
        line.match_indices(&r).any(|(at, _)| {
            let before = line[..at].chars().next_back();
            let after = line[at + r.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
    })
}

/// The opening words of publishers' permission notices, printed on the
/// first page of their papers (ACM, IEEE, VLDB).
const NOTICES: &[&str] = &[
    "Permission to make digital or hard copies",
    "Personal use of this material is permitted",
    "Permission to copy without fee all or part of this material",
];

/// A notice longer than this many lines has run into the text.
const NOTICE_LINES: usize = 12;

/// Marks the lines of the notice starting at line `i`: up to the next blank
/// line, at most [`NOTICE_LINES`].
fn notice(lines: &[Line], i: usize, mut mark: impl FnMut(usize)) {
    for (k, l) in lines[i..].iter().enumerate().take(NOTICE_LINES) {
        if l.is_blank() {
            break;
        }
        mark(i + k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(String, Kind)> {
        find(t, None)
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.line.of(t).to_owned(), f.kind))
            .collect()
    }

    const BODY: &[&str] = &[
        "Rain fell",
        "Then came snow",
        "Winds blew",
        "It was cold",
        "Ice formed",
        "Spring began",
    ];

    /// `n` pages of body text, each with `head(p)` on top and `foot(p)` below.
    fn pages(n: usize, head: impl Fn(usize) -> String, foot: impl Fn(usize) -> String) -> String {
        (1..=n)
            .map(|p| {
                format!(
                    "{}\n\n{} goes on here, with counts:\n{}\n7\n\n{}\n",
                    head(p),
                    BODY[p % BODY.len()],
                    p * 3,
                    foot(p)
                )
            })
            .collect::<Vec<_>>()
            .join("\x0c")
    }

    #[test]
    fn running_heads_and_page_numbers_recur_across_pages() {
        let t = pages(5, |_| "A Study of Things".into(), |p| format!("{}", p + 10));
        let k = kinds(&t);
        assert_eq!(
            k.iter().filter(|(_, k)| *k == Kind::Header).count(),
            5,
            "{k:?}"
        );
        let nums: Vec<&str> = k
            .iter()
            .filter(|(_, k)| *k == Kind::PageNum)
            .map(|(s, _)| s.as_str())
            .collect();
        assert_eq!(nums, ["11", "12", "13", "14", "15"]);
    }

    #[test]
    fn numbers_that_do_not_follow_the_pages_stay() {
        // the table's "7" on every page, and its cells that grow faster than the pages
        let t = pages(
            5,
            |_| "Intro".into(),
            |_| "Journal of Things 12 (2008) 3".into(),
        );
        let k = kinds(&t);
        assert!(k.iter().all(|(s, _)| s != "7"), "{k:?}");
        assert_eq!(k.iter().filter(|(_, k)| *k == Kind::Footer).count(), 5);
        assert!(k.iter().all(|(_, k)| *k != Kind::PageNum), "{k:?}");
    }

    #[test]
    fn a_cell_equal_to_the_page_number_gives_way_to_the_one_by_the_footer() {
        let t = pages(4, |p| format!("{p}"), |p| format!("Running Foot Line\n{p}"));
        let f = find(&t, None).expect("pages");
        for n in f.iter().filter(|f| f.kind == Kind::PageNum) {
            let before = &t[..n.line.start];
            assert!(before.ends_with("Running Foot Line\n"), "{:?}", n);
        }
        assert_eq!(f.iter().filter(|f| f.kind == Kind::PageNum).count(), 4);
    }

    #[test]
    fn without_form_feeds_nothing_is_found() {
        let t = pages(1, |_| "A Study of Things".into(), |_| "1".into());
        assert!(find(&t, None).is_none());
    }

    #[test]
    fn captions_and_headings_are_not_running_heads() {
        let t = pages(
            4,
            |p| format!("Figure {p}. Results of the run"),
            |_| "Footer text here".into(),
        );
        let k = kinds(&t);
        assert!(k.iter().all(|(s, _)| !s.starts_with("Figure")), "{k:?}");
    }

    #[test]
    fn stamps_of_publishers() {
        for s in [
            "978-0-7695-3958-4/10 $26.00 © 2010 IEEE",
            "1475-7516/08/10003+15$30.00",
            "Copyright 2004 ACM 1-58113-840-7/04/0006 ...$5.00.",
            "© 2019 Elsevier B.V. All rights reserved.",
            "arXiv:0908.0054v1 [astro-ph.CO] 1 Aug 2009",
        ] {
            assert!(stamp(s).is_some(), "{s}");
        }
        for s in [
            "The price rose to $26.00 in 2010.",
            "Copyright law changed in many ways.",
            "arXiv:0908.0054 shows the same.",
        ] {
            assert!(stamp(s).is_none(), "{s}");
        }
    }

    #[test]
    fn a_permission_notice_and_a_lost_copyright_sign_go() {
        let t = "Title\n\nPermission to make digital or hard copies of this\nwork is granted.\nCONF'04, Town.\n\nText.\n\nc\n2008\nSome Publisher Ltd\n\x0cPage two text.\n";
        let k = kinds(t);
        let got: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "Permission to make digital or hard copies of this",
                "work is granted.",
                "CONF'04, Town.",
                "c",
                "2008",
                "Some Publisher Ltd"
            ]
        );
    }

    #[test]
    fn a_line_naming_the_pages_of_the_paper_is_a_stamp() {
        let t = "272\nNotes\nJ. Sci. 54, 272-273 (1999);\nText.\n\x0cNotes\n273\nMore text, see 272-2735.\n";
        let k = kinds(t);
        let got: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            got,
            [
                "272",
                "Notes",
                "J. Sci. 54, 272-273 (1999);",
                "Notes",
                "273"
            ]
        );
    }
}
