//! Bibliography entries and in-text citations.
//!
//! Entries: the number that starts an entry ("1.", "\[1\]", "1)"). Citations:
//! parenthesised author–year references ("(Smith 2019, p. 4)", "(Məmmədov,
//! 2022: p.203)"), numbered ones ("(7. Azərbaycan …)", "\[3\]", "\[3, 5\]"), and
//! title references ("(NATO chief tells Turkey …)") when an entry with the
//! same title words exists. Each is matched to an entry where one can be found.

pub mod region;

use super::grammar::{digits, offset};
use foldhash::HashMap;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while1,
    character::complete::{char as ch, one_of},
    combinator::{opt, recognize, verify},
    multi::separated_list1,
    sequence::{delimited, terminated},
};

/// A bibliography entry as the citation matcher sees it.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Index of the entry's block in the document.
    pub block: usize,
    /// Its number, if it has one.
    pub n: Option<u32>,
    /// Its text.
    pub text: &'a str,
}

/// The entries with their folded words indexed once (a document may cite
/// its entries thousands of times): word -> the entries holding it, each
/// once, in entry order. Posting lists instead of a word set per entry keep
/// memory near the size of the distinct vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Bibliography<'a> {
    entries: Vec<Entry<'a>>,
    /// Words of each entry's first 80 characters (authors, title start).
    head: HashMap<String, Vec<u32>>,
    /// Words of four letters or more (title matching).
    words: HashMap<String, Vec<u32>>,
}

impl<'a> Bibliography<'a> {
    /// Indexes `entries`.
    pub fn new(entries: Vec<Entry<'a>>) -> Self {
        let mut head: HashMap<String, Vec<u32>> = HashMap::default();
        let mut words_index: HashMap<String, Vec<u32>> = HashMap::default();
        // Words are folded into one buffer and copied only when new to an index.
        let mut folded = String::new();
        let mut post = |index: &mut HashMap<String, Vec<u32>>, w: &str, k: u32| {
            fold_into(&mut folded, w);
            match index.get_mut(folded.as_str()) {
                Some(list) if list.last() == Some(&k) => {}
                Some(list) => list.push(k),
                None => {
                    index.insert(folded.clone(), vec![k]);
                }
            }
        };
        for (k, e) in entries.iter().enumerate() {
            let k = k as u32;
            let first: &str = e
                .text
                .char_indices()
                .nth(80)
                .map_or(e.text, |(i, _)| &e.text[..i]);
            for w in first
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                post(&mut head, w, k);
            }
            for w in long_words(e.text) {
                post(&mut words_index, w, k);
            }
        }
        Bibliography {
            entries,
            head,
            words: words_index,
        }
    }
}

/// The number that starts an entry: "1.", "\[1\]", "1)". Returns the number
/// and the label's length.
pub fn entry_number(s: &str) -> Option<(u32, usize)> {
    let num = |i| verify(digits, |d: &str| d.len() <= 4).parse(i);
    let mut p = alt((
        delimited(ch('['), num, ch(']')),
        terminated(num, one_of(".)")),
    ));
    let (rest, n) = p.parse(s).ok()?;
    Some((n.parse().ok()?, offset(s, rest)))
}

/// A citation found inside a block: its range and the entry it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range in the block's text, brackets included.
    pub range: (usize, usize),
    /// Index of the cited entry's block.
    pub bibl: Option<usize>,
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.starts_with(['1', '2']) && w.bytes().all(|b| b.is_ascii_digit())
}

/// "Smith 2019", "Məmmədov, 2022: p.203", "İsmayıl Musa, 2010: p.593",
/// "Smith and Jones 2019, pp. 4–5", "Smith et al., 2019a": the name part.
fn author_year(input: &str) -> IResult<&str, &str> {
    let name = take_while1(|c: char| {
        c.is_alphabetic() || matches!(c, ' ' | '-' | '–' | '\'' | '’' | '.' | '&')
    });
    let year = verify(
        take_while1(|c: char| c.is_ascii_alphanumeric()),
        |y: &str| is_year(&y[..y.len().min(4)]) && y.len() <= 5,
    );
    let (rest, (author, _, _)) = (
        verify(name, |n: &str| {
            let n = n.trim();
            n.chars().next().is_some_and(char::is_uppercase) && n.split_whitespace().count() <= 6
        }),
        opt(one_of(",")),
        recognize((opt(ch(' ')), year)),
    )
        .parse(input)?;
    // Page part: anything short without parentheses.
    let tail_ok = rest.len() <= 30 && !rest.contains(['(', ')']);
    if !tail_ok {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok(("", author.trim()))
}

/// The words of four letters or more of `s`, folded.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    long_words(s).map(fold)
}

fn long_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
}

/// Index of the entry whose leading words hold `name` (a surname or a title
/// start), preferring one that also holds `year`.
fn match_author(bib: &Bibliography<'_>, name: &str, year: Option<&str>) -> Option<usize> {
    let first = fold(name.split([' ', ',']).next()?);
    let hits: Vec<&Entry<'_>> = bib
        .head
        .get(&first)
        .map(|ks| ks.iter().map(|&k| &bib.entries[k as usize]).collect())
        .unwrap_or_default();
    hits.iter()
        .find(|e| year.is_some_and(|y| e.text.contains(y)))
        .or(hits.first())
        .map(|e| e.block)
}

/// Lower case without combining marks ("İsmayıl" and "i̇smayıl" fold alike).
fn fold(w: &str) -> String {
    let mut out = String::new();
    fold_into(&mut out, w);
    out
}

/// [`fold`] into `out`, replacing its contents, without a lower-case copy
/// of its own: ASCII is lowered in place, other text character by
/// character unless it holds a capital sigma, the one letter
/// `str::to_lowercase` lowers by its context.
fn fold_into(out: &mut String, w: &str) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
        if !w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            out.retain(|c| c.is_ascii_alphanumeric());
        }
    } else if !w.contains('Σ') {
        let lower = w.chars().flat_map(char::to_lowercase);
        out.extend(lower.filter(|c| c.is_alphanumeric()));
    } else {
        out.extend(w.to_lowercase().chars().filter(|c| c.is_alphanumeric()));
    }
}

/// Index of the entry sharing most title words with `s` (at least three, and
/// most of `s`'s words).
fn match_title(bib: &Bibliography<'_>, s: &str) -> Option<usize> {
    if bib.words.is_empty() {
        return None; // no entry to match: the words need not be folded
    }
    let ws: Vec<String> = words(s).collect();
    if ws.len() < 3 {
        return None;
    }
    // how many of the words each entry holds
    let mut hits: HashMap<u32, usize> = HashMap::default();
    for w in &ws {
        for &k in bib.words.get(w).into_iter().flatten() {
            *hits.entry(k).or_default() += 1;
        }
    }
    // the most hits, the first entry among equals
    let (k, hit) = hits
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (hit * 10 >= ws.len() * 6 && hit >= 3).then(|| bib.entries[k as usize].block)
}

fn by_number(bib: &Bibliography<'_>, n: u32) -> Option<usize> {
    bib.entries.iter().find(|e| e.n == Some(n)).map(|e| e.block)
}

/// Citations in a block's text `s`, matched against the entries of `bib`.
pub fn citations(s: &str, bib: &Bibliography<'_>) -> Vec<Citation> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    // A citation opens with '(' or '['; memchr skips the text between.
    while let Some(k) = memchr::memchr2(b'(', b'[', &bytes[i..]) {
        i += k;
        let close = if bytes[i] == b'(' { b')' } else { b']' };
        let inner_start = i + 1;
        let inner_len = bytes[inner_start..]
            .iter()
            .position(|&b| b == close || matches!(b, b'(' | b'[' | b'\n'));
        if let Some(len) = inner_len
            && bytes[inner_start + len] == close
            && len > 0
            && len <= 300
        {
            let inner_end = inner_start + len;
            let inner = &s[inner_start..inner_end];
            if let Some(bibl) = classify(inner, close == b']', bib) {
                out.push(Citation {
                    range: (i, inner_end + 1),
                    bibl,
                });
                i = inner_end + 1;
                continue;
            }
        }
        if inner_len.is_none() {
            break; // no bracket or line end follows: no citation can close
        }
        i += 1;
    }
    out
}

/// Decides whether bracket content `inner` is a citation; `Some(bibl)` if so.
fn classify(inner: &str, square: bool, bib: &Bibliography<'_>) -> Option<Option<usize>> {
    let inner = inner.trim();
    if square {
        // [3], [3, 5], [3–5]
        let nums = separated_list1(
            alt((recognize((ch(','), opt(ch(' ')))), recognize(one_of("–-")))),
            verify(digits, |d: &str| d.len() <= 3),
        )
        .parse(inner);
        return match nums {
            Ok(("", ns)) => Some(
                ns.first()
                    .and_then(|n| n.parse().ok())
                    .and_then(|n| by_number(bib, n)),
            ),
            _ => None,
        };
    }
    // (7. Title …) or (10.Title): a numbered reference to an entry.
    if let Some((n, len)) = entry_number(inner) {
        let rest = inner[len..].trim_start();
        if rest.chars().next().is_some_and(char::is_alphabetic) {
            let hit = by_number(bib, n)?;
            return Some(Some(hit));
        }
    }
    // Author–year, possibly several separated by ';'.
    let parts: Vec<&str> = inner.split(';').map(str::trim).collect();
    let mut first_hit = None;
    let mut all = true;
    for p in &parts {
        match author_year(p) {
            Ok((_, name)) => {
                let year = p.split(|c: char| !c.is_ascii_digit()).find(|w| is_year(w));
                if first_hit.is_none() {
                    first_hit = match_author(bib, name, year);
                }
            }
            Err(_) => all = false,
        }
    }
    if all {
        return Some(first_hit);
    }
    // A title quoted in brackets: only with a matching entry.
    match_title(bib, inner).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFS: [&str; 4] = [
        "İsmayıl Musa. Çağdaş beynəlxalq münasibətlər. Bakı 2011, 776 s.",
        "Məmmədov Nazim. İkinci Qarabağ müharibəsi. Bakı 2022, 464 s.",
        "Smith, J. (2019). Wars of words. Oxford.",
        "NATO chief tells Turkey to help calm Karabakh conflict: <https://example.com/x>",
    ];

    fn entries() -> Bibliography<'static> {
        Bibliography::new(
            REFS.iter()
                .enumerate()
                .map(|(i, &text)| Entry {
                    block: 10 + i,
                    n: Some(i as u32 + 1),
                    text,
                })
                .collect(),
        )
    }

    fn cites(s: &str) -> Vec<(&str, Option<usize>)> {
        citations(s, &entries())
            .into_iter()
            .map(|c| (&s[c.range.0..c.range.1], c.bibl))
            .collect()
    }

    #[test]
    fn author_year_citations_match_their_entries() {
        assert_eq!(
            cites("as shown (Məmmədov, 2022: p.203)."),
            [("(Məmmədov, 2022: p.203)", Some(11))]
        );
        assert_eq!(
            cites("x (İsmayıl Musa, 2010: p.593) y"),
            [("(İsmayıl Musa, 2010: p.593)", Some(10))]
        );
        assert_eq!(
            cites("x (Smith 2019, p. 4) y"),
            [("(Smith 2019, p. 4)", Some(12))]
        );
        assert_eq!(
            cites("(Smith et al., 2019a; Jones 2020)"),
            [("(Smith et al., 2019a; Jones 2020)", Some(12))]
        );
        assert_eq!(cites("(Unknown 2001)"), [("(Unknown 2001)", None)]);
    }

    #[test]
    fn numbered_and_title_citations() {
        assert_eq!(
            cites("see [3] and [2, 4]"),
            [("[3]", Some(12)), ("[2, 4]", Some(11))]
        );
        assert_eq!(
            cites("(2. İkinci Qarabağ)"),
            [("(2. İkinci Qarabağ)", Some(11))]
        );
        assert_eq!(
            cites("said so (NATO chief tells Turkey to help calm Karabakh conflict.)"),
            [(
                "(NATO chief tells Turkey to help calm Karabakh conflict.)",
                Some(13)
            )]
        );
    }

    #[test]
    fn parentheses_that_are_not_citations() {
        for s in [
            "(the 2020 presidential elections)",
            "(UN)",
            "(822, 853, 874, 884)",
            "(co-chaired by France, the United States, and Russia)",
            "(Baku, Azerbaijan)",
            "[sic]",
            "(in 2019 the war started again after a long period of peace and quiet)",
        ] {
            assert!(cites(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn folding_in_place_agrees_with_lowering_a_copy() {
        for w in [
            "Smith",
            "O'Neil",
            "x2020",
            "NATO-led",
            "",
            "İsmayıl",
            "Məmmədov",
            "ΟΔΟΣ",
            "ΣΑΣ.",
        ] {
            let slow: String = w
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            assert_eq!(fold(w), slow, "{w}");
        }
    }

    #[test]
    fn entry_numbers() {
        assert_eq!(entry_number("12. Title"), Some((12, 3)));
        assert_eq!(entry_number("[3] Smith"), Some((3, 3)));
        assert_eq!(entry_number("Smith"), None);
    }
}
