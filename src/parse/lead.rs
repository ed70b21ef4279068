//! Run-in leads at the start of a paragraph: section heads ("Methods. The
//! data…", "Great Britain. The UK's veto…") and news datelines ("Yerevan: The
//! fierce…", "MOSCOW (Reuters) —", "BAKU, Oct 5 (Reuters) -").
//!
//! Both grammars decide by the shape of the text alone and are strict: a
//! lead is short, capitalised, free of sentence-internal punctuation and
//! followed by a capitalised sentence. Whether a candidate head really is one
//! is settled by the caller with document evidence (several such leads).

use super::grammar::{cap_word, digits, hspace, is_all_caps, offset, word, ws1};
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::char as ch,
    combinator::{opt, recognize, verify},
    multi::many0,
    sequence::{delimited, preceded},
};

/// Longest run-in head, in words.
pub const MAX_HEAD_WORDS: usize = 7;

/// Lower-case words that make a phrase a clause rather than a heading
/// (verbs, pronouns, sentence adverbs), and short answers that end in a period.
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "said", "says",
    "say", "told", "not", "no", "we", "i", "he", "she", "they", "it", "you", "this", "that",
    "these", "those", "there", "here", "which", "who", "what", "when", "where", "why", "how", "if",
    "then", "than", "so", "yes", "ok", "okay", "well", "now", "thanks", "thank", "please", "still",
    "also", "again", "indeed", "however", "but", "because", "very",
];

/// One-word answers and sentence adverbs that end in a period ("Yes.",
/// "Thanks.", "Still."): a sentence of their own, not a head. Abbreviations
/// ("Mr.", "Fig.", "Jan.") are the shared list of
/// [`function_words`](crate::analysis::function_words).
const SHORT_SENTENCES: &[&str] = &[
    "Yes", "No", "Ok", "Okay", "Thanks", "Well", "So", "Now", "Right", "Sure", "Indeed", "Again",
    "Still", "Also", "Then", "Here", "There",
];

/// A word that ends in a period without ending a sentence, or that is a
/// sentence alone: never a run-in head.
fn no_head(w: &str) -> bool {
    SHORT_SENTENCES.contains(&w)
        || (!is_all_caps(w) && crate::analysis::function_words::function_words().is_abbreviation(w))
}

/// A run-in head: the phrase before the first period of a paragraph when it
/// has the shape of a heading. Returns the lead's length including the
/// period; the rest of the paragraph starts after the following space.
pub fn run_in_head(s: &str) -> Option<usize> {
    // the head ends on a full stop: a block without one has none
    crate::scan::find_byte(b'.', s.as_bytes())?;
    let phrase = |i| {
        recognize((
            cap_word,
            many0(preceded(
                ch(' '),
                verify(word, |w: &str| !w.starts_with('-')),
            )),
        ))
        .parse(i)
    };
    let mut p = (
        phrase,
        ch('.'),
        ws1,
        take_while1(|c: char| !c.is_whitespace()),
    );
    let (_, (head, _, _, next)) = p.parse(s).ok()?;
    let words: Vec<&str> = head.split(' ').collect();
    let first_next = next.chars().next()?;
    let ok = words.len() <= MAX_HEAD_WORDS
        && (first_next.is_uppercase() || first_next == '“' || first_next == '"' || first_next.is_ascii_digit())
        && !words.iter().any(|w| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()) && !is_all_caps(w))
        && !(words.len() == 1 && no_head(words[0]))
        && !(words.len() == 1 && words[0].chars().count() <= 3 && !is_all_caps(words[0]))
        // A single capital letter is an initial ("J. Smith"), not a head.
        && !(words.len() == 1 && words[0].chars().count() == 1)
        // The last word is not a lone initial or a title either.
        && !words.last().is_some_and(|w| no_head(w));
    ok.then_some(head.len() + 1)
}

/// Words that label a paragraph but are not places.
const NOT_PLACES: &[&str] = &[
    "Note",
    "Notes",
    "Update",
    "Updated",
    "Editor",
    "Abstract",
    "Summary",
    "Keywords",
    "Source",
    "Sources",
    "Author",
    "Photo",
    "Picture",
    "Image",
    "Breaking",
    "Warning",
    "Q",
    "A",
    "Question",
    "Answer",
    "Read",
    "Watch",
    "Listen",
    "See",
    "Also",
    "Advertisement",
    "Tags",
    "Category",
    "Comment",
    "Comments",
    "Reply",
    "Disclaimer",
    "Conclusion",
    "Introduction",
    "Methods",
    "Results",
    "Discussion",
    "Translation",
    "Phase",
    "Step",
    "Stage",
    "Part",
    "Chapter",
    "Section",
    "Table",
    "Figure",
    "Date",
    "Time",
    "Title",
    "Subject",
    "Re",
    "Fwd",
    "From",
    "To",
    "Cc",
    "Tel",
    "Fax",
    "Email",
    "Website",
    "Address",
    "Key",
    "Keyword",
];

/// A place name of one to three capitalised words ("Yerevan", "New York", "BAKU").
fn place(input: &str) -> IResult<&str, &str> {
    verify(
        recognize((cap_word, many0(preceded(ch(' '), cap_word)))),
        |p: &str| {
            let n = p.split(' ').count();
            n <= 3 && !p.split(' ').any(|w| NOT_PLACES.contains(&w))
        },
    )
    .parse(input)
}

/// A short date after a dateline's place: "Oct 5", "5 October", "March 3, 2021".
fn date(input: &str) -> IResult<&str, &str> {
    let month = verify(word, |w: &str| {
        let w = w.trim_end_matches('.');
        w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase)
    });
    recognize(alt((
        recognize((
            month,
            opt(ch('.')),
            ch(' '),
            digits,
            opt((ch(','), ch(' '), digits)),
        )),
        recognize((digits, ch(' '), verify(word, |w: &str| w.len() >= 3))),
    )))
    .parse(input)
}

/// `(Reuters)`, `(AP)`.
fn agency(input: &str) -> IResult<&str, &str> {
    delimited(
        ch('('),
        take_while1(|c: char| c != ')' && c != '\n' && c != '('),
        ch(')'),
    )
    .parse(input)
}

fn dash(input: &str) -> IResult<&str, &str> {
    alt((tag("—"), tag("–"), tag("--"), tag("-"))).parse(input)
}

/// A news dateline at the start of the first paragraph. Returns the range of
/// the place name and the dateline's length (its separator included).
pub fn dateline(s: &str) -> Option<((usize, usize), usize)> {
    // PLACE[, DATE] (AGENCY) —
    let with_agency = (
        place,
        opt(preceded(tag(", "), date)),
        hspace,
        agency,
        hspace,
        alt((dash, tag(":"))),
    );
    // PLACE, DATE —   or  PLACE —  (capitals only for the bare form)
    let with_date = (place, preceded(tag(", "), date), hspace, dash);
    let bare_caps = (verify(place, is_all_caps), hspace, dash);
    // Place: Text
    let colon = (place, ch(':'));
    let mut any = alt((
        recognize(with_agency).map(|r: &str| (r, 0u8)),
        recognize(with_date).map(|r: &str| (r, 1)),
        recognize(bare_caps).map(|r: &str| (r, 2)),
        recognize(colon).map(|r: &str| (r, 3)),
    ));
    let (rest, (lead, _form)) = any.parse(s).ok()?;
    let (_, p) = place(s).ok()?;
    let (after, _) = ws1(rest).ok()?;
    let next = after.chars().next()?;
    if !(next.is_uppercase() || next == '“' || next == '"') {
        return None;
    }
    let start = offset(s, p);
    Some(((start, start + p.len()), lead.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(s: &str) -> Option<&str> {
        run_in_head(s).map(|n| &s[..n])
    }

    #[test]
    fn run_in_heads() {
        assert_eq!(head("Methods. During the research"), Some("Methods."));
        assert_eq!(head("Great Britain. The UK's veto"), Some("Great Britain."));
        assert_eq!(head("UN. The United Nations"), Some("UN."));
        assert_eq!(
            head("Relevance of the topic. In 2020, as"),
            Some("Relevance of the topic.")
        );
        assert_eq!(
            head("Bosnia and Herzegovina. The Bosniak member"),
            Some("Bosnia and Herzegovina.")
        );
        assert_eq!(
            head("Data collection. We interviewed 40 people"),
            Some("Data collection.")
        );
        // an all-capitals word is a heading's, not an abbreviation
        assert_eq!(head("ART. The collection"), Some("ART."));
    }

    #[test]
    fn not_run_in_heads() {
        for s in [
            "Mr. Smith said the talks failed.",
            "U.S. officials said so.",
            "He said it was over. Then he left.",
            "The war is over. Then it stops.",
            "Yes. We will go.",
            "Karabakh War, etc. One of the most",
            "Prices rose 5. Then they fell.",
            "Methods. during the research",
            "J. Smith wrote",
            "Dr. Jones arrived",
            "The long and winding road to the final peace treaty. It",
            "Moscow has tried to.",
            // the shared abbreviations: a phrase ending in one is no head
            "Coinbase vs. Coinbase Pro",
            "Bestseller Nr. 1 Windows 10",
            "Für Hauptgeschäftsartikel bis max. 3 Gebrauchstagen",
            "Rep. Alexandria Ocasio-Cortez said",
        ] {
            assert_eq!(head(s), None, "{s}");
        }
    }

    fn dl(s: &str) -> Option<(&str, &str)> {
        dateline(s).map(|((a, b), n)| (&s[a..b], &s[..n]))
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dl("Yerevan: The fierce fighting"),
            Some(("Yerevan", "Yerevan:"))
        );
        assert_eq!(
            dl("MOSCOW (Reuters) — Russia said"),
            Some(("MOSCOW", "MOSCOW (Reuters) —"))
        );
        assert_eq!(
            dl("BAKU, Oct 5 (Reuters) - Azerbaijan said"),
            Some(("BAKU", "BAKU, Oct 5 (Reuters) -"))
        );
        assert_eq!(
            dl("New York, March 3, 2021 — Stocks fell"),
            Some(("New York", "New York, March 3, 2021 —"))
        );
        assert_eq!(dl("KYIV — Ukrainian forces"), Some(("KYIV", "KYIV —")));
        assert_eq!(
            dl("Yerevan, 5 October (Armenpress): The ministry said"),
            Some(("Yerevan", "Yerevan, 5 October (Armenpress):"))
        );
    }

    #[test]
    fn not_datelines() {
        for s in [
            "Note: This article was updated.",
            "The ministry said: It is over.",
            "Kyiv - a city in Ukraine",
            "Yerevan: the capital",
            "Phase I: Emphasizes the history",
            "Key words: War",
            "Armenian Prime Minister Nikol Pashinian retorted: No.",
        ] {
            assert_eq!(dl(s), None, "{s}");
        }
    }
}
