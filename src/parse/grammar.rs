//! Small shared combinators for the block and inline grammars.
//!
//! Each grammar in this module tree works on `&str` slices of the source and
//! reports positions as byte offsets relative to the slice it was given, so
//! callers turn them into [`Span`](crate::span::Span)s by adding the slice's
//! start.

use nom::{
    IResult, Parser,
    bytes::complete::{take_while, take_while1},
    character::complete::char as ch,
    combinator::{recognize, verify},
};

/// Byte offset of `part` inside `whole` (`part` must be a subslice of it).
pub fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

/// Horizontal and vertical whitespace, possibly none.
pub fn ws(input: &str) -> IResult<&str, &str> {
    take_while(char::is_whitespace).parse(input)
}

/// At least one whitespace character.
pub fn ws1(input: &str) -> IResult<&str, &str> {
    take_while1(char::is_whitespace).parse(input)
}

/// Spaces and tabs only (no line break).
pub fn hspace(input: &str) -> IResult<&str, &str> {
    take_while(|c| c == ' ' || c == '\t').parse(input)
}

/// A word of letters (any script), apostrophes and inner hyphens.
pub fn word(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '&')).parse(input)
}

/// A word starting with an upper-case letter.
pub fn cap_word(input: &str) -> IResult<&str, &str> {
    verify(word, |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
    })
    .parse(input)
}

/// A run of ASCII digits.
pub fn digits(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(input)
}

/// A Roman numeral of capital letters (I to XXXIX and the like).
pub fn roman(input: &str) -> IResult<&str, &str> {
    verify(
        take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'L')),
        |s: &str| s.len() <= 6,
    )
    .parse(input)
}

/// A DOI: `10.` + registrant digits + `/` + suffix (no spaces or angle brackets).
pub fn doi(input: &str) -> IResult<&str, &str> {
    let (_, id) = recognize((
        nom::bytes::complete::tag("10."),
        verify(digits, |d: &str| (4..=9).contains(&d.len())),
        ch('/'),
        take_while1(|c: char| !c.is_whitespace() && !matches!(c, '<' | '>' | '"')),
    ))
    .parse(input)?;
    // A DOI does not end in sentence punctuation.
    let trimmed = id.trim_end_matches(['.', ',', ';', ':', ')', ']']);
    Ok((&input[trimmed.len()..], trimmed))
}

/// An ORCID iD: four groups of four digits, the last may end in X.
pub fn orcid(input: &str) -> IResult<&str, &str> {
    let group = |i| verify(digits, |d: &str| d.len() == 4).parse(i);
    let last = |i| {
        verify(
            take_while1(|c: char| c.is_ascii_digit() || c == 'X'),
            |d: &str| d.len() == 4 && d[..3].bytes().all(|b| b.is_ascii_digit()),
        )
        .parse(i)
    };
    recognize((group, ch('-'), group, ch('-'), group, ch('-'), last)).parse(input)
}

/// An e-mail address.
pub fn email(input: &str) -> IResult<&str, &str> {
    let local = take_while1(|c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
    });
    let domain = verify(
        take_while1(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')),
        |d: &str| {
            let d = d.trim_end_matches('.');
            d.contains('.')
                && d.rsplit('.').next().is_some_and(|tld| {
                    tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
                })
        },
    );
    let (_, m) = recognize((local, ch('@'), domain)).parse(input)?;
    let m = m.trim_end_matches('.');
    Ok((&input[m.len()..], m))
}

/// True if `s` lower-cased starts with `prefix`, compared as it is lowered,
/// so a long block is not copied in lower case to test its first word.
/// Agrees with `s.to_lowercase().starts_with(prefix)` for a lower-case
/// `prefix` without Greek sigma (the one letter `str::to_lowercase` lowers
/// by context).
pub fn lower_starts_with(s: &str, prefix: &str) -> bool {
    // ASCII lowers byte for byte: compare bytes, and only fall back to
    // full case mapping when the head of `s` is not ASCII
    if prefix.is_ascii() {
        match s.as_bytes().get(..prefix.len()) {
            Some(head) if head.is_ascii() => {
                return head
                    .iter()
                    .zip(prefix.bytes())
                    .all(|(a, b)| a.to_ascii_lowercase() == b);
            }
            None if s.is_ascii() => return false,
            _ => {}
        }
    }
    let mut lower = s.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lower.next() == Some(p))
}

/// True if `s` has at least one letter and every letter is upper case.
pub fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doi_stops_before_punctuation_and_brackets() {
        assert_eq!(
            doi("10.30525/2592-8813-2025-2-28>").unwrap().1,
            "10.30525/2592-8813-2025-2-28"
        );
        assert_eq!(doi("10.1111/mepo.12529.").unwrap().1, "10.1111/mepo.12529");
        assert!(doi("10.12/x").is_err());
    }

    #[test]
    fn orcid_and_email() {
        assert_eq!(
            orcid("0000-0002-3466-495X rest").unwrap().1,
            "0000-0002-3466-495X"
        );
        assert!(orcid("0000-0002-3466").is_err());
        assert_eq!(email("a.b@mail.ru.").unwrap().1, "a.b@mail.ru");
        assert!(email("a@localhost").is_err());
    }

    #[test]
    fn lower_case_comparisons_agree_with_to_lowercase() {
        assert!(lower_starts_with("ABSTRACT. We", "abstract"));
        assert!(lower_starts_with("АННОТАЦИЯ", "аннотация"));
        assert!(!lower_starts_with("Abs", "abstract"));
    }

    proptest::proptest! {
        #[test]
        fn lowered_comparisons_match_lowering_the_text(
            s in "[a-zA-ZİIıəƏКкЛл\u{307} .:]{0,12}",
            target in "[a-zıəкл\u{307} .:]{0,6}",
        ) {
            let lower = s.to_lowercase();
            proptest::prop_assert_eq!(lower_starts_with(&s, &target), lower.starts_with(&target));
        }
    }

    #[test]
    fn words_and_numerals() {
        assert_eq!(cap_word("Phase I").unwrap().1, "Phase");
        assert!(cap_word("phase").is_err());
        assert_eq!(roman("VII:").unwrap().1, "VII");
        assert!(is_all_caps("THE POSITION, 2"));
        assert!(!is_all_caps("The"));
    }
}
