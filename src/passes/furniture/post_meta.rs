//! The lines a blog or a news page prints around a post's headline about
//! the post rather than in it: the byline ("By Sarah Yang", "Von Irmela
//! Schwab", "Par Loïc Le Clerc") and the stamp that ends in the link to
//! the comments ("19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare",
//! "September 15, 2020 by … Post a Comment").
//!
//! A byline's preposition is a word of the bylines' vocabulary
//! (`meta` in rules/furniture.toml) that is a function word of the page's
//! language (or of English): "by", "von", "par", "por"; a name follows, a
//! few capitalised words none of them a function word ("By The Numbers",
//! "By Any Means" are headings). The comments' link is a phrase of the
//! comment vocabulary closing a short line that holds a date or a time: a
//! listicle's headline ("Die 10 besten Kommentare") holds neither.

use super::classify::Evidence;
use super::stopwords::{Language, StopWords};
use super::vocabulary::{Category, Hits, Vocabulary};

/// Fewest words of the name after a byline's preposition: one capitalised
/// word may be a heading's noun ("Von Menschen").
const MIN_NAME_WORDS: usize = 2;
/// Most words of that name ("By Eduardo A. Santos Fuenzalida").
const MAX_NAME_WORDS: usize = 4;
/// Most words of a post's stamp that ends in the comments' link.
const MAX_STAMP_WORDS: usize = 14;

/// The evidence of a byline or a post's stamp, if the line is one.
pub fn evidence(
    core: &str,
    lower: &str,
    hits: &Hits,
    vocabulary: &Vocabulary,
    sw: &StopWords,
    language: Option<Language>,
) -> Option<Evidence> {
    byline(core, lower, hits, sw, language).or_else(|| comment_stamp(core, lower, hits, vocabulary))
}

/// A byline: the bylines' preposition, then a name.
fn byline(
    core: &str,
    lower: &str,
    hits: &Hits,
    sw: &StopWords,
    language: Option<Language>,
) -> Option<Evidence> {
    let &(start, end) = hits.spans.first()?;
    let phrase = lower.get(start..end)?;
    let mut tokens = core.split_whitespace();
    let first = tokens.next()?;
    let preposition = start == lower.len() - lower.trim_start().len()
        && hits.main_category() == Some(Category::Meta)
        && first.to_lowercase() == phrase
        && sw.is_stop(phrase, language);
    if !preposition || core.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let name: Vec<&str> = tokens.map(|w| w.trim_end_matches(',')).collect();
    let named = (MIN_NAME_WORDS..=MAX_NAME_WORDS).contains(&name.len())
        && name.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
        })
        // a name's particles are function words ("Le Clerc"), its first
        // word is not
        && !sw.is_stop(name[0], language);
    named.then(|| Evidence::Byline {
        preposition: phrase.to_owned(),
    })
}

/// A post's stamp closed by the comments' link: a short line, not a
/// sentence, holding a date or a time, whose last phrase, at its very end,
/// is one of the headings of comment sections.
fn comment_stamp(
    core: &str,
    lower: &str,
    hits: &Hits,
    vocabulary: &Vocabulary,
) -> Option<Evidence> {
    if core.ends_with(['.', '!', '?']) || core.split_whitespace().count() > MAX_STAMP_WORDS {
        return None;
    }
    // the link's label may carry a chevron or an ellipsis ("Kommentare »")
    let body = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    let &(start, end) = hits.spans.last()?;
    if end != body.len() || start == 0 || !dated(&lower[..start]) {
        return None;
    }
    // the link to the comments ("Post a Comment", "71 Kommentare"), not a
    // comment's own button ("Antworten"), which frames the readers' words
    // of a comment section ([`super::frames`])
    let link = vocabulary.hits(&lower[start..end]);
    let heading = link.has(Category::CommentSection);
    heading.then_some(Evidence::Vocabulary {
        category: Category::CommentSection,
        phrases: link.phrases,
    })
}

/// Whether `text` holds a year (four figures from 1900 to 2099) or a time
/// ("9:40"): a count or a rank alone ("Die 10 besten") is no date.
fn dated(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit() && c != ':')
        .any(|t| {
            let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
            let time = t.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len()) && m.len() == 2 && !m.contains(':')
            });
            year || time
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences that tell the page's language.
    const PAGES: [&str; 2] = [
        "The man and the dog were in the house, but they did not see that it was there.",
        "Der Mann und der Hund waren in dem Haus, aber sie haben nicht gesehen, dass es da war.",
    ];

    /// The evidence of `line` on a page of the language of `PAGES[page]`.
    fn evidence_on(page: usize, line: &str) -> Option<Evidence> {
        let sw = StopWords::get();
        let v = Vocabulary::get();
        let lower = line.to_lowercase();
        let hits = v.hits(&lower);
        let language = sw.guess(PAGES[page]);
        assert!(language.is_some(), "{}", PAGES[page]);
        evidence(line, &lower, &hits, v, sw, language)
    }

    #[test]
    fn bylines_in_several_languages() {
        for (page, line) in [
            (0, "By Sarah Yang"),
            (0, "By Staff Writer"),
            (0, "By R.C. Baker"),
            (1, "Von Irmela Schwab"),
            (1, "von Markus Balser, Berlin"),
            (1, "von Georg C. F. Greve"),
        ] {
            assert!(
                matches!(evidence_on(page, line), Some(Evidence::Byline { .. })),
                "{line}"
            );
        }
    }

    #[test]
    fn headings_and_sentences_are_no_bylines() {
        for (page, line) in [
            (0, "By Design"),
            (0, "By The Numbers"),
            (0, "By Any Means Necessary"),
            (0, "By 2030 Emissions Fall"),
            (0, "By Aaron Humes: The Americas cannot ignore the risk"),
            (0, "Photo Sarah Yang"),
            (0, "By the river we walked until dark."),
            (1, "Von Kopf bis Fuß"),
            // "von" is no English function word
            (0, "Von Irmela Schwab"),
        ] {
            assert!(evidence_on(page, line).is_none(), "{line}");
        }
    }

    #[test]
    fn stamps_closed_by_the_comments_link() {
        for (page, line) in [
            (1, "19.6.2007 9:40 Uhr Christoph Becker 71 Kommentare"),
            (0, "September 15, 2020 by Anna Berg Post a Comment"),
            (
                1,
                "Veröffentlicht am 6. Juli 2015 von Mark Hosak — 3 Kommentare",
            ),
        ] {
            assert!(
                matches!(
                    evidence_on(page, line),
                    Some(Evidence::Vocabulary {
                        category: Category::CommentSection,
                        ..
                    })
                ),
                "{line}"
            );
        }
    }

    #[test]
    fn counts_and_sentences_are_no_stamps() {
        for line in [
            "Die 10 besten Kommentare",
            "Im Jahr 2019 gab es mehr als 500 Kommentare.",
            "Kommentare",
            "2019 im Rückblick: was bleibt",
            "Ben 19. Juni 2018 um 15:28 Uhr - Antworten",
        ] {
            assert!(evidence_on(1, line).is_none(), "{line}");
        }
    }

    #[test]
    fn years_and_times_make_a_date() {
        assert!(dated("19.6.2007 "));
        assert!(dated("am 9:40 "));
        assert!(!dated("Die 10 besten "));
        assert!(!dated("Top 12345 "));
    }
}
