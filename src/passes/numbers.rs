//! `numbers`: large numbers written without the thousands separators
//! English prose uses ("at least 20000 species" → "20,000 species").
//!
//! Machine translation from languages that group digits differently (or
//! not at all) leaves bare runs of five digits and more; English style
//! guides group them by threes with commas. A bare run is grouped when it
//! counts something — a lowercase word follows it ("40000 years ago") —
//! and is no label or identifier: not glued to letters, a hyphen, `#`, a
//! slash or another number ("VAZ-21083", "+7 495…", "12345.67"), and not
//! after a capitalised word ("Project 22800", "Room 10234") or a word that
//! introduces a code ("number 12345", "code 90210"), nor between a noun and
//! a function word ("the project 11711 of the yard"). Only in English text:
//! German writes "20.000" or "20 000": the document profile must say the
//! block is English (an undetermined language is not enough). And only in
//! text that arrives as sentences (MT output, prose, a chat answer): a web
//! copy's or a paper's numbers were written by their authors, who chose
//! them, and there a bare run is as often a score, a reputation count or a
//! title ("Beverly Hills, 90210") as a count left by translation.

use super::{Context, Pass, Proposals};
use crate::analysis::function_words::function_words;
use crate::edit::{Category, Edit};
use crate::profile::Lang;
use crate::span::Span;

/// See the module documentation.
pub struct Numbers;

/// A count in English prose grouped by threes: certain.
const GROUPED: f32 = 0.85;

/// Words after which a number is a code, not a count.
const LABELS: &[&str] = &[
    "number",
    "no",
    "nr",
    "code",
    "id",
    "tel",
    "phone",
    "fax",
    "zip",
    "postcode",
    "page",
    "room",
    "flight",
    "order",
    "account",
    "serial",
    "model",
    "version",
    "patent",
    "isbn",
    "case",
    "ref",
    "reference",
    "ticket",
    "item",
    "article",
    "box",
    "route",
    "bus",
    "train",
    "line",
    "unit",
];

impl Pass for Numbers {
    fn id(&self) -> &'static str {
        "numbers"
    }

    fn description(&self) -> &'static str {
        "Counts of five digits or more written without thousands separators in English prose grouped by threes with commas (“20000 species” → “20,000 species”); codes, identifiers and non-English text left alone."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - start < 5 || !counts_something(text, start, i) {
                continue;
            }
            if cx.profile.lang_at(cx.doc, start) != Lang::EN {
                continue;
            }
            let span = Span::new(start, i);
            if cx.is_protected(span) {
                continue;
            }
            let grouped = group(&text[start..i]);
            out.edits.push(
                Edit::new(
                    text,
                    span,
                    grouped.as_str(),
                    "numbers/grouping",
                    Category::Punctuation,
                    GROUPED,
                )
                .with_note(format!(
                    "a count of {} digits before “{}” without thousands separators: English groups digits by threes",
                    i - start,
                    next_word(&text[i..])
                )),
            );
        }
    }
}

/// The digits of `digits` grouped by threes with commas.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The word right after a number and a space.
fn next_word(rest: &str) -> &str {
    let rest = rest.strip_prefix(' ').unwrap_or("");
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// True if the digits `start..end` of `text` count what the lowercase word
/// after them names, and nothing marks them as a code.
fn counts_something(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || ",.-#/:+_'’".contains(c)) {
        return false;
    }
    let next = next_word(&text[end..]);
    if !next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let head = text[..start].trim_end_matches([' ', '$', '€', '£', '¥']);
    let word_start = last_word_start(head);
    let word = &head[word_start..];
    let sentence_start = head[..word_start].trim_end().is_empty()
        || head[..word_start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '\n']);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    // a group of a longer number ("+7 49512 …")
    let numeric = word.chars().next().is_some_and(|c| c.is_ascii_digit());
    let lower = word.to_lowercase();
    let label =
        LABELS.contains(&lower.as_str()) || names_a_thing(&head[..word_start], &lower, next);
    let name = capitalised && !sentence_start;
    !(numeric || name || label)
}

/// Where the last run of letters and digits of `s` starts (`s.len()` when
/// `s` ends on anything else).
fn last_word_start(s: &str) -> usize {
    s.rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8))
}

/// True for "the project 11711 of the Nevsky yard": a determiner, a noun
/// (`noun`, lowercase, after `before`), the number, then a function word
/// (`next`). A count stands before what it counts ("the estimated 40000
/// protesters", "the remaining 12345 cases"); a number between a noun and
/// "of" names that noun, whatever the noun is.
fn names_a_thing(before: &str, noun: &str, next: &str) -> bool {
    let fw = function_words();
    if noun.is_empty() || fw.is_function(noun) || !fw.is_function(&next.to_lowercase()) {
        return false;
    }
    let before = before.trim_end_matches(' ');
    let det = before[last_word_start(before)..].to_lowercase();
    fw.articles.contains(&det) || fw.determiners.contains(&det)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass, run_pass_in};

    const PROSE: &str = "The garden is full of plants and the bees visit them all day. ";

    fn clean(t: &str) -> String {
        applied_text(t, &run_pass_in(&Numbers, t, "en"))
    }

    #[test]
    fn counts_in_english_prose_are_grouped() {
        assert_eq!(
            clean(&format!(
                "{PROSE}There are at least 20000 species of orchids."
            )),
            format!("{PROSE}There are at least 20,000 species of orchids.")
        );
        assert_eq!(
            clean(&format!(
                "{PROSE}It took 1250000 years and $450000 dollars."
            )),
            format!("{PROSE}It took 1,250,000 years and $450,000 dollars.")
        );
        assert_eq!(
            clean(&format!(
                "{PROSE}It gets closer - 40000 years ago, we painted."
            )),
            format!("{PROSE}It gets closer - 40,000 years ago, we painted.")
        );
    }

    #[test]
    fn codes_identifiers_and_short_numbers_stay() {
        for t in [
            "He drove a VAZ-21083 towards the village.",
            "The Project 22800 small missile ships were built.",
            "Call +7 49512 today or write to code 90210 now.",
            "The value 12345.67 is exact and 2020 was the year in 1000 towns.",
            "The total was 20000. Then it fell.",
            "Order number 123456 was shipped with the rest.",
            "The landing ship was built to the project 11711 of the Nevsky yard.",
        ] {
            let t = format!("{PROSE}{t}");
            assert_eq!(clean(&t), t);
        }
    }

    #[test]
    fn a_page_in_another_language_with_an_english_menu_is_left_alone() {
        let menu = "About the shop and the team | Terms of use and the privacy of the data\n\n";
        let polish = "W rok później wyprodukowano 12000 litrów wina, a jego ulubionym szczepem jest riesling z winnicy nad jeziorem. ";
        let t = format!("{menu}{}", polish.repeat(8));
        assert!(run_pass_in(&Numbers, &t, "pl").is_empty());
    }

    #[test]
    fn german_text_is_left_alone() {
        let t =
            "Die Stadt hat 20000 Einwohner und die Zahl ist nicht klein, das ist mit der Zeit so.";
        assert!(run_pass_in(&Numbers, t, "de").is_empty());
        let t = "Es gibt 20000 verschiedene Arten, und die meisten sind nicht bekannt, sagt der Forscher.";
        assert!(run_pass_in(&Numbers, t, "de").is_empty());
        // nor is text whose language is not determined
        let t = format!("{PROSE}There are at least 20000 species of orchids.");
        assert!(run_pass(&Numbers, &t).is_empty());
    }

    #[test]
    fn grouping_by_threes() {
        assert_eq!(group("12345"), "12,345");
        assert_eq!(group("123456"), "123,456");
        assert_eq!(group("1234567"), "1,234,567");
    }
}
