//! Labels of list items and numbered headings: "1.", "2)", "(a)", "•", "-",
//! "Phase I:", "Step 3 —", and section numbers "1.", "1.1", "2.3.1" or
//! markdown `##`.

use super::grammar::{cap_word, digits, roman};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char as ch, one_of},
    combinator::{opt, recognize, verify},
    multi::many1,
    sequence::{delimited, preceded},
};

/// A list marker followed by a space: "1.", "12)", "(a)", "a)", "•", "-", "–", "*".
fn marker(input: &str) -> IResult<&str, &str> {
    let letter = |i| {
        verify(take_while1(|c: char| c.is_ascii_lowercase()), |s: &str| {
            s.len() == 1
        })
        .parse(i)
    };
    alt((
        recognize((verify(digits, |d: &str| d.len() <= 3), one_of(".)"))),
        recognize(delimited(ch('('), alt((digits, letter, roman)), ch(')'))),
        recognize((letter, ch(')'))),
        recognize(delimited(
            ch('['),
            verify(digits, |d: &str| d.len() <= 3),
            ch(']'),
        )),
        recognize(one_of("•●▪◦·-–—*")),
    ))
    .parse(input)
}

/// A word label: a capitalised word, a number or Roman numeral, then ':' or
/// '.': "Phase I:", "Step 3:", "Stage IV.".
fn word_label(input: &str) -> IResult<&str, &str> {
    recognize((cap_word, ch(' '), alt((roman, digits)), one_of(":."))).parse(input)
}

/// The label at the start of an item and its length (the following space is
/// not included). The label must be followed by a space and text.
pub fn item_label(s: &str) -> Option<usize> {
    // a label is followed by a space or tab: most lines show one early,
    // and a line without any is no item
    if !s.contains([' ', '\t']) {
        return None;
    }
    let mut p = (
        alt((word_label, marker)),
        take_while1(|c| c == ' ' || c == '\t'),
    );
    let (rest, (label, _)) = p.parse(s).ok()?;
    rest.chars().next().filter(|c| !c.is_whitespace())?;
    Some(label.len())
}

/// A section number: groups of one or two digits between dots, maybe with
/// a dot after ("5", "3.2", "4.1.") — a year or a volume is longer.
fn section_number(input: &str) -> IResult<&str, &str> {
    recognize((
        verify(digits, |d: &str| d.len() <= 2),
        nom::multi::many0(preceded(ch('.'), verify(digits, |d: &str| d.len() <= 2))),
        opt(ch('.')),
    ))
    .parse(input)
}

/// `line` after a leading section number and its space ("5. Results" →
/// "Results"), if it opens with one.
pub fn after_section_number(line: &str) -> Option<&str> {
    let (rest, _) = (section_number, tag(" ")).parse(line).ok()?;
    Some(rest)
}

/// A section number or markdown heading marker at the start of a heading,
/// with the level it gives: "## Methods" → 2, "1.2 Data" → 2, "3. Results" → 1.
pub fn heading_level(s: &str) -> Option<u8> {
    let hashes = |i| recognize(many1(ch('#'))).parse(i);
    let mut p = (alt((hashes, section_number)), tag(" "));
    let (_, (m, _)) = p.parse(s).ok()?;
    let level = if m.starts_with('#') {
        m.len()
    } else {
        m.trim_end_matches('.').split('.').count()
    };
    u8::try_from(level.clamp(1, 6)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> Option<&str> {
        item_label(s).map(|n| &s[..n])
    }

    #[test]
    fn item_labels() {
        assert_eq!(label("Phase I: Emphasizes"), Some("Phase I:"));
        assert_eq!(label("Phase VII: This phase"), Some("Phase VII:"));
        assert_eq!(label("1. Ermənistan"), Some("1."));
        assert_eq!(label("12) twelve"), Some("12)"));
        assert_eq!(label("(b) second"), Some("(b)"));
        assert_eq!(label("• bullet"), Some("•"));
        assert_eq!(label("- dash item"), Some("-"));
        assert_eq!(label("[3] Smith, J."), Some("[3]"));
    }

    #[test]
    fn not_item_labels() {
        for s in [
            "*italic* text",
            "2020 was a year",
            "Phase one begins",
            "1.5 million people",
            "-5 degrees",
            "I. e. this",
        ] {
            assert_eq!(label(s), None, "{s}");
        }
    }

    #[test]
    fn heading_levels() {
        assert_eq!(
            after_section_number("5. CONCLUDING REMARKS"),
            Some("CONCLUDING REMARKS")
        );
        assert_eq!(after_section_number("3.2 Data"), Some("Data"));
        assert_eq!(after_section_number("2010 IEEE"), None);
        assert_eq!(after_section_number("JCAP10(2008)003"), None);
        assert_eq!(heading_level("## Methods"), Some(2));
        assert_eq!(heading_level("1. Introduction"), Some(1));
        assert_eq!(heading_level("2.3 Data sources"), Some(2));
        assert_eq!(heading_level("Methods"), None);
        assert_eq!(heading_level("#hashtag"), None);
    }
}
