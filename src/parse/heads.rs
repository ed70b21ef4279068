//! Numbered section headings that a PDF extract runs into the text around
//! them: "1. INTRODUCTION⏎1.1 Cluster computing⏎The last few years…", a
//! heading after the last line of a paragraph, a section number alone on
//! its line ("I.⏎INTRODUCTION", "4.⏎⏎Nested Trace Tree Formation") or a
//! heading in capitals wrapped over two lines. Each such heading becomes a
//! block of its own.
//!
//! A line is a candidate when it opens with a section number — "2.",
//! "2.1", "4.1.", "III.", "B.", "1)" — followed by heading-shaped text
//! (short, capitalised, no sentence punctuation, not ending on a function
//! word), stands after a sentence end or a block start, and is followed by
//! a new block, a full-width line that opens a sentence, or another
//! candidate. Numbers alone prove little (a table row, a footnote, a list),
//! so a candidate counts only when the document's numbering backs it: its
//! predecessor ("2.1" for "2.2", "2." or "1." for "2.1", "A." for "B.") or
//! its successor is a candidate too. Two candidates of the same level on
//! consecutive lines are a list (a menu, a table of contents), not
//! headings. Before an abstract label nothing is a heading here (numbered
//! affiliations). A few sections papers head without a number by the same
//! name ("Acknowledgments", "Appendix", "Contents") count placed alike.

use super::blocks::RawBlock;
use super::grammar::{digits, roman};
use crate::span::Span;
use nom::{
    Parser,
    branch::alt,
    character::complete::{char as ch, satisfy},
    combinator::{opt, recognize, verify},
    multi::many0,
    sequence::preceded,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Most words of a heading found inside a block.
const MAX_WORDS: usize = 12;
/// Deepest section number read ("1.2.3.4").
const MAX_DEPTH: usize = 4;
/// A line opening a sentence after a heading is at least this share of the
/// text's usual line width (a wrapped paragraph line, not an address).
const PROSE_WIDTH: f32 = 0.6;
/// Lines from the start searched for an abstract label.
const ABSTRACT_LINES: usize = 120;
/// Most times one section number stands in a text (in the text and in its
/// table of contents).
const MAX_TIMES: usize = 2;
/// Line widths counted, in characters (longer lines count as this).
const WIDTHS: usize = 256;
/// A line of this many words or more counts towards the usual width.
const WIDTH_WORDS: usize = 5;

/// Words a heading does not end on: a line ending on one runs on.
const RUNS_ON: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as",
    "is", "are", "was", "were", "be", "that", "this", "which", "we", "our", "its", "their", "but",
    "nor", "than", "into", "onto", "via",
];

/// Sections papers head without a number, by the same few names, which
/// no sentence is (lowercase, compared with the whole line).
const NAMED: &[&str] = &[
    "acknowledgments",
    "acknowledgements",
    "acknowledgment",
    "acknowledgement",
    "appendix",
    "contents",
    "table of contents",
];

/// Whether the line `s` is the heading of a section papers name alike
/// ([`NAMED`]: "Acknowledgements", "Appendix").
pub fn is_named_section(s: &str) -> bool {
    NAMED.contains(&s.trim().to_lowercase().as_str())
}

/// Whether the line `s` heads a named section with its title after it:
/// "Appendix. Model specification", "Appendix A: Proofs" (a label of a
/// few letters or digits allowed before the mark).
fn named_with_title(s: &str) -> bool {
    NAMED.iter().any(|name| {
        let Some(rest) = s
            .get(..name.len())
            .filter(|p| p.eq_ignore_ascii_case(name))
            .map(|_| &s[name.len()..])
        else {
            return false;
        };
        let rest = match rest.strip_prefix(' ') {
            Some(r) => {
                let label = r.find(['.', ':']).unwrap_or(0);
                if label == 0 || label > 3 || !r[..label].bytes().all(|c| c.is_ascii_alphanumeric())
                {
                    return false;
                }
                &r[label..]
            }
            None => rest,
        };
        rest.strip_prefix(['.', ':'])
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(heading_text)
    })
}

/// How a section number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Scheme {
    /// "1", "1.", "2.3", "4.1."
    Arabic,
    /// "III."
    Roman,
    /// "B."
    Letter,
    /// "2)"
    Paren,
    /// No number: a section every paper names alike ([`NAMED`]).
    Named,
}

/// A section number: its scheme and its parts ("2.3" → [2, 3]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Key {
    scheme: Scheme,
    parts: [u16; MAX_DEPTH],
    depth: usize,
}

impl Key {
    fn last(&self) -> u16 {
        self.parts[self.depth - 1]
    }

    fn with_last(mut self, n: u16) -> Key {
        self.parts[self.depth - 1] = n;
        self
    }

    fn parent(mut self) -> Option<Key> {
        (self.depth > 1).then(|| {
            self.parts[self.depth - 1] = 0;
            self.depth -= 1;
            self
        })
    }

    /// The numbers that come right before this one: "2.2" → "2.1";
    /// "2.1" → "2." or, that heading lost, "1.".
    fn predecessors(self) -> [Option<Key>; 2] {
        if self.last() > 1 {
            return [Some(self.with_last(self.last() - 1)), None];
        }
        let parent = self.parent();
        let before = parent
            .filter(|p| p.last() > 1)
            .map(|p| p.with_last(p.last() - 1));
        [parent, before]
    }

    /// The heading level the number gives: the depth of an Arabic number,
    /// 1 for Roman, 2 for letters, 3 for "1)" (IEEE's three levels).
    fn level(&self) -> u8 {
        match self.scheme {
            Scheme::Arabic => u8::try_from(self.depth).unwrap_or(1),
            Scheme::Roman | Scheme::Named => 1,
            Scheme::Letter => 2,
            Scheme::Paren => 3,
        }
    }
}

/// The value of a Roman numeral of I, V, X and L, if well formed enough.
fn roman_value(s: &str) -> Option<u16> {
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    let digits: Vec<u16> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= i32::from(d);
        } else {
            total += i32::from(d);
        }
    }
    u16::try_from(total).ok().filter(|&n| n > 0)
}

/// The section number at the start of `s` and the text after it (after
/// the spaces), or `None`.
fn section_number(s: &str) -> Option<(Key, &str)> {
    section_label(s).map(|(k, rest, _)| (k, rest))
}

/// [`section_number`], and whether the number is marked as one (a final
/// "." or ")", or several parts): a bare "2" alone on a line is a page
/// number far more often than a section's.
fn section_label(s: &str) -> Option<(Key, &str, bool)> {
    let small = |i| verify(digits, |d: &str| d.len() <= 2).parse(i);
    let arabic = recognize((small, many0(preceded(ch('.'), small)), opt(ch('.'))));
    let paren = recognize((small, ch(')')));
    let roman_dot = recognize((roman, ch('.')));
    let letter = recognize((satisfy(|c: char| c.is_ascii_uppercase()), ch('.')));
    let (rest, label) = alt((paren, roman_dot, letter, arabic)).parse(s).ok()?;
    let after = rest.trim_start_matches([' ', '\t']);
    if !after.is_empty() && after.len() == rest.len() {
        return None; // "1.5million", "A.Smith"
    }
    let mut parts = [0u16; MAX_DEPTH];
    let (scheme, depth) = if let Some(n) = label.strip_suffix(')') {
        parts[0] = n.parse().ok()?;
        (Scheme::Paren, 1)
    } else if label.starts_with(|c: char| c.is_ascii_digit()) {
        let mut depth = 0;
        for p in label.trim_end_matches('.').split('.') {
            *parts.get_mut(depth)? = p.parse().ok()?;
            depth += 1;
        }
        (Scheme::Arabic, depth)
    } else {
        let word = label.trim_end_matches('.');
        match roman_value(word) {
            Some(n) => {
                parts[0] = n;
                (Scheme::Roman, 1)
            }
            None if word.len() == 1 => {
                parts[0] = u16::from(word.as_bytes()[0] - b'A' + 1);
                (Scheme::Letter, 1)
            }
            None => return None,
        }
    };
    let marked = depth > 1 || label.ends_with(['.', ')']);
    (parts[..depth].iter().all(|&p| p > 0)).then_some((
        Key {
            scheme,
            parts,
            depth,
        },
        after,
        marked,
    ))
}

/// Text shaped like a heading: a few words, capitalised, mostly letters,
/// no sentence punctuation inside or at the end, not ending on a word that
/// runs on; after a colon, title case ("Overview: Example Run", not
/// "Route Request: A zone head disseminates").
fn heading_text(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let others = s
        .chars()
        .filter(|c| !c.is_alphabetic() && !c.is_whitespace())
        .count();
    let runs_on = |w: &str| RUNS_ON.contains(&w.to_lowercase().as_str());
    let title_case = || {
        words
            .iter()
            .all(|w| runs_on(w) || !w.starts_with(char::is_lowercase))
    };
    first.is_uppercase()
        && words.len() <= MAX_WORDS
        && letters >= 3
        && letters >= 2 * others
        && !matches!(last, '.' | ',' | ';' | ':')
        && !s.contains([',', ';', '=', '<', '>'])
        && !(words.len() > 1 && words.last().is_some_and(|w| runs_on(w)))
        && (!s.contains(':') || title_case())
        && section_number(s).is_none()
}

/// A line position: block index and line index inside it.
type At = (usize, usize);

/// A heading candidate: its lines (first and last), its number.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: At,
    last: At,
    key: Key,
    /// The number ends in "." or ")" or has several parts.
    marked: bool,
}

/// Line access over the blocks before the bibliography.
struct Lines<'a> {
    text: &'a str,
    raw: &'a [RawBlock],
}

impl Lines<'_> {
    fn line(&self, (b, l): At) -> &str {
        self.raw[b].lines()[l].of(self.text)
    }

    /// The next line, in the same block or the first of the next block.
    fn next(&self, (b, l): At) -> Option<At> {
        if l + 1 < self.raw[b].lines().len() {
            Some((b, l + 1))
        } else {
            (b + 1 < self.raw.len()).then_some((b + 1, 0))
        }
    }

    /// How far the line is indented, in bytes from the start of its line.
    fn indent(&self, (b, l): At) -> usize {
        let start = self.raw[b].lines()[l].start;
        let line_start = self.text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        start - line_start
    }

    /// The last line of the block.
    fn ends_block(&self, (b, l): At) -> bool {
        l + 1 == self.raw[b].lines().len()
    }

    /// Every line, in order.
    fn all(&self) -> impl Iterator<Item = At> + '_ {
        self.raw
            .iter()
            .enumerate()
            .flat_map(|(b, r)| (0..r.lines().len()).map(move |l| (b, l)))
    }
}

/// The usual width of a text line, in characters: the median of the lines
/// of several words (a histogram, so a long text costs no list of widths).
fn usual_width(lines: &Lines<'_>) -> usize {
    let mut histogram = [0usize; WIDTHS + 1];
    let mut n = 0;
    for at in lines.all() {
        let s = lines.line(at);
        if s.split_whitespace().nth(WIDTH_WORDS - 1).is_some() {
            histogram[s.chars().count().min(WIDTHS)] += 1;
            n += 1;
        }
    }
    let mut seen = 0;
    histogram
        .iter()
        .position(|&k| {
            seen += k;
            2 * seen > n
        })
        .unwrap_or(0)
}

/// The candidate starting at `at`, if the line opens with a section number
/// and heading text (on the line, or on the next line for a number alone).
fn candidate(lines: &Lines<'_>, at: At) -> Option<Candidate> {
    let s = lines.line(at);
    // most lines fail here, before any parsing
    if !s.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase()) {
        return None;
    }
    if is_named_section(s) || named_with_title(s) {
        let key = Key {
            scheme: Scheme::Named,
            parts: [0; MAX_DEPTH],
            depth: 1,
        };
        return Some(Candidate {
            first: at,
            last: at,
            key,
            marked: true,
        });
    }
    let (key, rest, marked) = section_label(s)?;
    let mut last = at;
    let words = if rest.is_empty() {
        if !marked {
            return None;
        }
        last = lines.next(at)?;
        lines.line(last)
    } else {
        rest
    };
    // "G. Cornet": an initial and a name, not section G
    if !heading_text(words)
        || (key.scheme == Scheme::Letter && words.split_whitespace().nth(1).is_none())
    {
        return None;
    }
    // a heading in capitals wrapped onto a second line in capitals
    if super::grammar::is_all_caps(words)
        && !lines.ends_block(last)
        && let Some(next) = lines.next(last)
        && super::grammar::is_all_caps(lines.line(next))
        && heading_text(lines.line(next))
    {
        last = next;
    }
    Some(Candidate {
        first: at,
        last,
        key,
        marked,
    })
}

/// Ends a sentence: what a heading inside a block comes after (not a list
/// number "2." alone).
pub(super) fn ends_sentence(s: &str) -> bool {
    s.ends_with(['.', '?', '!', ':'])
        && section_label(s).is_none_or(|(_, rest, _)| !rest.is_empty())
}

/// Splits the blocks before `until` at the numbered headings inside them;
/// returns the blocks and the first byte and level of each heading block
/// made (headings that were blocks of their own already are left to the
/// block classifier).
pub fn split(text: &str, raw: Vec<RawBlock>, until: usize) -> (Vec<RawBlock>, BTreeMap<usize, u8>) {
    let until = until.min(raw.len());
    let lines = Lines {
        text,
        raw: &raw[..until],
    };
    let heads = find(&lines);
    if heads.is_empty() {
        return (raw, BTreeMap::new());
    }
    let mut made = BTreeMap::new();
    let mut out: Vec<RawBlock> = Vec::with_capacity(raw.len() + heads.len());
    let mut heads = heads.into_iter().peekable();
    let mut current: Option<RawBlock> = None;
    let mut inside: Option<Candidate> = None;
    for at in lines.all() {
        let line: Span = raw[at.0].lines()[at.1];
        if let Some(h) = inside {
            if let Some(b) = current.as_mut() {
                b.push(line);
            }
            if at == h.last {
                out.extend(current.take());
                inside = None;
            }
            continue;
        }
        if heads.peek().is_some_and(|h| h.first == at) {
            let h = heads.next().unwrap_or_else(|| unreachable!());
            out.extend(current.take());
            let whole = at.1 == 0 && h.last.0 == at.0 && lines.ends_block(h.last);
            if !whole {
                made.insert(line.start, h.key.level());
            }
            current = Some(RawBlock::new(line));
            if at == h.last {
                out.extend(current.take());
            } else {
                inside = Some(h);
            }
            continue;
        }
        match current.as_mut() {
            Some(b) if at.1 > 0 => b.push(line),
            _ => {
                out.extend(current.take());
                current = Some(RawBlock::new(line));
            }
        }
    }
    out.extend(current);
    out.extend(raw.into_iter().skip(until));
    (out, made)
}

/// The headings found inside or across the blocks of `lines`, in order.
fn find(lines: &Lines<'_>) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    // the last line of the previous candidate: its lines are not read again
    let mut skip_to: Option<At> = None;
    for at in lines.all() {
        if skip_to.is_some_and(|s| at <= s) {
            continue;
        }
        if let Some(c) = candidate(lines, at) {
            found.push(c);
            skip_to = Some(c.last);
        }
    }
    if found.is_empty() {
        return found;
    }
    let width = usual_width(lines);
    let abstract_at = lines
        .all()
        .take(ABSTRACT_LINES)
        .find(|&at| super::front::abstract_lead(lines.line(at)).is_some());
    let starts: HashSet<At> = found.iter().map(|c| c.first).collect();
    let ends: HashSet<At> = found.iter().map(|c| c.last).collect();
    // a sentence opening a full line, not indented under the number (the
    // hanging indent of a list item's description)
    let prose = |at: At, head: At| {
        let s = lines.line(at);
        s.starts_with(char::is_uppercase)
            && s.chars().count() as f32 >= PROSE_WIDTH * width as f32
            && lines.indent(at) <= lines.indent(head)
    };
    let placed = |c: &Candidate| {
        let (b, l) = c.first;
        let before = l == 0 || {
            let prev = (b, l - 1);
            ends_sentence(lines.line(prev)) || ends.contains(&prev)
        };
        let after = match lines.next(c.last) {
            None => false,
            Some(next) => {
                lines.ends_block(c.last) || prose(next, c.first) || starts.contains(&next)
            }
        };
        before && after && abstract_at.is_none_or(|a| c.first > a)
    };
    // two numbers of one level on consecutive lines: a list
    let mut listed: HashSet<At> = HashSet::new();
    for pair in found.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // (named sections follow each other: "Acknowledgments", then
        // "Appendix. Model specification")
        if lines.next(a.last) == Some(b.first)
            && a.key.scheme == b.key.scheme
            && a.key.scheme != Scheme::Named
            && a.key.depth == b.key.depth
        {
            listed.insert(a.first);
            listed.insert(b.first);
        }
    }
    found.retain(|c| placed(c) && !listed.contains(&c.first));
    // named sections need no numbering behind them
    let (named, mut found): (Vec<Candidate>, Vec<Candidate>) = found
        .into_iter()
        .partition(|c| c.key.scheme == Scheme::Named);
    // a number that recurs (a reading time, a rating on every teaser) is
    // no section's: a section number stands in the text and at most once
    // more, in a table of contents
    let mut times: HashMap<Key, usize> = HashMap::new();
    for c in &found {
        *times.entry(c.key).or_default() += 1;
    }
    found.retain(|c| times[&c.key] <= MAX_TIMES);
    let keys: HashSet<Key> = found.iter().map(|c| c.key).collect();
    // "3 Minuten": a number without a mark counts when subsections under
    // it ("3.1") show the numbering is the document's
    let parents: HashSet<u16> = keys
        .iter()
        .filter(|k| k.scheme == Scheme::Arabic && k.depth > 1)
        .map(|k| k.parts[0])
        .collect();
    found.retain(|c| c.marked || parents.contains(&c.key.parts[0]));
    let keys: HashSet<Key> = found.iter().map(|c| c.key).collect();
    let mut linked: HashSet<Key> = HashSet::new();
    for k in &keys {
        for p in k.predecessors().into_iter().flatten() {
            if keys.contains(&p) {
                linked.insert(*k);
                linked.insert(p);
            }
        }
    }
    found.retain(|c| linked.contains(&c.key));
    found.extend(named);
    found.sort_by_key(|c| c.first);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{blocks, lines};

    fn heads(t: &str) -> Vec<(String, u8)> {
        let (_, raw) = blocks::group(t, &lines::lines(t));
        let n = raw.len();
        let (raw, made) = split(t, raw, n);
        raw.iter()
            .filter_map(|b| {
                made.get(&b.span.start)
                    .map(|&l| (b.span.of(t).to_owned(), l))
            })
            .collect()
    }

    const PROSE: &str = "The last few years have been characterized by huge changes in";

    #[test]
    fn numbered_headings_inside_blocks_become_blocks() {
        let t = format!(
            "1. INTRODUCTION\n1.1 Cluster computing\n{PROSE}\nthe area.\n\n\
             1.2 Related approaches\n{PROSE}\nthe area.\n2. CONTEXT AND DEFINITION\n{PROSE}\nthe end.\n"
        );
        assert_eq!(
            heads(&t),
            vec![
                ("1. INTRODUCTION".to_owned(), 1),
                ("1.1 Cluster computing".to_owned(), 2),
                ("1.2 Related approaches".to_owned(), 2),
                ("2. CONTEXT AND DEFINITION".to_owned(), 1),
            ]
        );
    }

    #[test]
    fn a_number_alone_joins_its_heading_and_caps_wrap() {
        let t = format!(
            "I.\nINTRODUCTION\n{PROSE}\nthe area.\nII. MDRPM (MARKET DRIVEN\nPRIORITIZATION MODEL)\n{PROSE}\nit.\n\n\
             A. Mobility Factor\n{PROSE}\nit.\nB. Route Maintenance\n{PROSE}\nit.\n"
        );
        assert_eq!(
            heads(&t),
            vec![
                ("I.\nINTRODUCTION".to_owned(), 1),
                (
                    "II. MDRPM (MARKET DRIVEN\nPRIORITIZATION MODEL)".to_owned(),
                    1
                ),
                ("A. Mobility Factor".to_owned(), 2),
                ("B. Route Maintenance".to_owned(), 2),
            ]
        );
    }

    #[test]
    fn a_number_at_a_block_end_joins_the_heading_after_the_gap() {
        let t =
            format!("{PROSE}\nthe end.\n3.1\n\nTraces\n\n{PROSE}\n\n3.2 Trace Trees\n{PROSE}\n");
        assert_eq!(
            heads(&t),
            vec![
                ("3.1\n\nTraces".to_owned(), 2),
                ("3.2 Trace Trees".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn named_sections_without_numbers_are_headings() {
        let t = format!(
            "{PROSE}\nor not.\nAcknowledgements\n\nWe thank them.\n\nAcknowledgments\n{PROSE}\n"
        );
        assert_eq!(
            heads(&t),
            vec![
                ("Acknowledgements".to_owned(), 1),
                ("Acknowledgments".to_owned(), 1)
            ]
        );
        // with its title after the name, a label before the mark allowed;
        // a sentence after the name is none
        assert!(named_with_title("Appendix. Model specification"));
        assert!(named_with_title("Appendix B: Further Proofs"));
        assert!(!named_with_title(
            "Acknowledgements. We thank them all for it."
        ));
        let t = format!(
            "{PROSE}\nor not.\nAcknowledgments\n\nAppendix. Model specification\n{PROSE}\nthe end.\n\nAppendix B: Further Proofs\n{PROSE}\nthe end.\n\nAcknowledgements. We thank them all for it.\n{PROSE}\nthe end.\n"
        );
        assert_eq!(
            heads(&t),
            vec![
                ("Acknowledgments".to_owned(), 1),
                ("Appendix. Model specification".to_owned(), 1),
                ("Appendix B: Further Proofs".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn lists_table_rows_footnotes_and_affiliations_are_no_headings() {
        for t in [
            // a list of short items: consecutive siblings
            format!("Steps.\n1. Apples\n2. Pears\n{PROSE}\n"),
            // an unbacked number: no predecessor or successor
            format!("{PROSE}\nthe end.\n8 DEMT\n{PROSE}\n"),
            // a sentence cut at the line end
            format!(
                "the end.\n2. All other algorithms have an average\nratio of two.\n1. Foo\n{PROSE}\n"
            ),
            // run-in heads with a sentence after a colon
            format!(
                "the end.\n1) Route Request: A zone head sends\n{PROSE}\n2) Route Reply: A node answers\n{PROSE}\n"
            ),
            // reading times on teasers: unmarked, recurring numbers
            format!(
                "A teaser\n3 Minuten Lesezeit\n{PROSE}\n\nB teaser\n4 Minuten Lesezeit\n{PROSE}\n\nC\n4 Minuten Lesezeit\n{PROSE}\n\nD\n4 Minuten Lesezeit\n{PROSE}\n"
            ),
            // pager numbers: "2." alone is no sentence end
            format!("{PROSE}\n\n1.\n2.\n3.\n\nNext\n\n{PROSE}\n"),
            // list items with a description under a hanging indent
            format!(
                "Steps.\n 1. Gehaltsabrechnungen\n    {PROSE}\n 2. Kontoauszüge\n    {PROSE}\n"
            ),
            // numbered affiliations before the abstract
            format!(
                "A Title\n1 Department of Physics\n{PROSE}\n2 Institute of Astronomy\n{PROSE}\nAbstract\n{PROSE}\n"
            ),
        ] {
            assert_eq!(heads(&t), vec![], "{t}");
        }
    }

    #[test]
    fn section_numbers() {
        let k = |s| section_number(s).map(|(k, rest)| (k.scheme, k.parts, k.depth, rest));
        assert_eq!(
            k("4.1. Step 1"),
            Some((Scheme::Arabic, [4, 1, 0, 0], 2, "Step 1"))
        );
        assert_eq!(k("XIV. X"), Some((Scheme::Roman, [14, 0, 0, 0], 1, "X")));
        assert_eq!(
            k("C. Node"),
            Some((Scheme::Letter, [3, 0, 0, 0], 1, "Node"))
        );
        assert_eq!(
            k("2) Partial"),
            Some((Scheme::Paren, [2, 0, 0, 0], 1, "Partial"))
        );
        assert_eq!(k("1.5million"), None);
        assert_eq!(k("2020 was"), None);
    }
}
