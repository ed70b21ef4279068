//! Picture credits at the end of a caption: "… Picture/People’s Vision",
//! "Photo: AFP", "(Photo: Reuters)", "Image courtesy of NASA".
//!
//! A caption is a short paragraph whose last words are a credit; the credit
//! names its source in at most six words and nothing follows it.

use super::grammar::offset;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while1},
    character::complete::char as ch,
    combinator::{eof, opt, recognize, verify},
    sequence::delimited,
};

/// Longest caption, in words (a longer paragraph is running text).
pub const MAX_CAPTION_WORDS: usize = 80;

fn credit_word(input: &str) -> IResult<&str, &str> {
    alt((
        tag_no_case("photographs"),
        tag_no_case("photograph"),
        tag_no_case("pictures"),
        tag_no_case("picture"),
        tag_no_case("photos"),
        tag_no_case("photo"),
        tag_no_case("images"),
        tag_no_case("image"),
        tag_no_case("credit"),
        tag_no_case("foto"),
    ))
    .parse(input)
}

/// The source named by a credit: up to six words, no sentence punctuation.
fn source(input: &str) -> IResult<&str, &str> {
    verify(
        take_while1(|c: char| !matches!(c, '.' | '!' | '?' | ';' | '(' | ')' | '\n' | '“' | '”')),
        |s: &str| {
            let n = s.split_whitespace().count();
            (1..=6).contains(&n)
                && s.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        },
    )
    .parse(input)
}

fn bare_credit(input: &str) -> IResult<&str, &str> {
    recognize(alt((
        recognize((
            credit_word,
            alt((
                recognize((opt(ch(' ')), alt((tag("/"), tag(":"))))),
                tag(" by"),
                tag(" courtesy of"),
                tag(" courtesy"),
            )),
            opt(ch(' ')),
            source,
        )),
        recognize((tag_no_case("courtesy of "), source)),
    )))
    .parse(input)
}

fn credit(input: &str) -> IResult<&str, &str> {
    recognize((
        alt((delimited(ch('('), bare_credit, ch(')')), bare_credit)),
        opt(ch('.')),
        eof,
    ))
    .parse(input)
}

/// The range of a credit that ends `s`, if any, when it follows a caption
/// (or stands alone).
pub fn trailing_credit(s: &str) -> Option<(usize, usize)> {
    let t = s.trim_end();
    // Try each word start, left to right: the longest credit wins.
    let starts = std::iter::once(0).chain(
        t.char_indices()
            .filter_map(|(i, c)| c.is_whitespace().then_some(i + c.len_utf8())),
    );
    for i in starts {
        let cand = &t[i..];
        if cand.is_empty() || cand.starts_with(char::is_whitespace) {
            continue;
        }
        // A credit follows the end of a caption sentence or stands alone:
        // checked first, so the grammar runs at sentence starts only.
        let before = t[..i].trim_end();
        if !(before.is_empty() || before.ends_with(['.', '!', '?', '”', '"', ')'])) {
            continue;
        }
        if let Ok((_, m)) = credit(cand) {
            let a = offset(s, m);
            return Some((a, a + m.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cr(s: &str) -> Option<&str> {
        trailing_credit(s).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn credits() {
        assert_eq!(
            cr("Scenes of the conflict. At present, war. Picture/People’s Vision"),
            Some("Picture/People’s Vision")
        );
        assert_eq!(cr("Troops at the border. Photo: AFP"), Some("Photo: AFP"));
        assert_eq!(
            cr("Troops at the border. (Photo: Reuters)"),
            Some("(Photo: Reuters)")
        );
        assert_eq!(
            cr("The comet. Image courtesy of NASA"),
            Some("Image courtesy of NASA")
        );
        assert_eq!(cr("Photo by Jane Doe"), Some("Photo by Jane Doe"));
    }

    #[test]
    fn not_credits() {
        for s in [
            "He showed a photo: it was blurred.",
            "The picture is clear. Photo: the war goes on and on and on and on.",
            "They took a picture/video of the scene",
            "Photo: AFP. Then the minister spoke at length about the war.",
        ] {
            assert_eq!(cr(s), None, "{s}");
        }
    }
}
