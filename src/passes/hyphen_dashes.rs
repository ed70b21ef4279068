//! `hyphen-dash`: a hyphen glued between two clauses where a dash is meant
//! ("two black holes-each with a mass", "from Norway-a wonderful pattern",
//! "in the middle-it produces") becomes the document's own dash.
//!
//! Machine translation renders the source's dash (Chinese `——`, a spaced
//! dash) as a bare hyphen, which reads as a compound ("holes-each"). A
//! hyphen is taken for a dash only when the word after it opens a clause and
//! never closes an English compound: an article, a demonstrative, a subject
//! pronoun, "which", "each", "maybe" (`clause_openers` in
//! `rules/function-words.toml`, a closed class). Compounds that end on a
//! function word ("thank-you", "built-in", "twenty-one") are kept out of the
//! list, and so are hyphen chains ("state-of-the-art", "know-it-all"): a
//! hyphen before the left word or after the right one leaves it alone.
//!
//! So does a hyphen before a two-word connective ("species-at least"),
//! after a closing bracket or quote, or before an opening quote ("said-\"Oh").
//! A hyphen between a word and a count ("closer-40000 years ago") stands
//! for a dash too: a number of five digits or more that counts something
//! joins no English compound.
//!
//! The dash put in is the one the document uses elsewhere (" -- ", " — ",
//! "—" or " – ", the most frequent); a document with no dash gets an
//! unspaced em dash. Only in English text (the registry scopes it).

use super::{Context, Pass, Proposals};
use crate::analysis::dictionary::is_dictionary_word;
use crate::analysis::function_words::function_words;
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct HyphenDashes;

/// A hyphen before a clause-opening word: certain.
const CERTAIN: f32 = 0.85;

/// The shortest left word: two-letter ones are too often prefixes or
/// syllables of a romanised name ("Ji-a").
const MIN_LEFT_CHARS: usize = 3;

/// The dash forms a document may use, as they are written in place of the
/// hyphen, with how they are recognised.
const FORMS: [&str; 4] = [" -- ", " — ", "—", " – "];

impl Pass for HyphenDashes {
    fn id(&self) -> &'static str {
        "hyphen-dash"
    }

    fn description(&self) -> &'static str {
        "A hyphen glued between a word and a clause-opening word (an article, a demonstrative, a subject pronoun, a connective such as “at least”), between a word and a count, or beside a closing bracket or an opening quote, replaced by the document's own dash."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let openers = &function_words().clause_openers;
        let text = cx.text;
        let mut style: Option<(&'static str, usize)> = None;
        for b in &cx.doc.blocks {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::Front(_)) {
                continue;
            }
            let s = b.span.of(text);
            for (h, _) in s.match_indices('-') {
                let Some((left, right)) = dash_words(s, h)
                    .filter(|(_, right)| openers.contains(*right) || opens_with_phrase(&s[h + 1..]))
                    .or_else(|| count_after(s, h))
                    .or_else(|| beside_quote_or_bracket(s, h))
                else {
                    continue;
                };
                let span = Span::new(b.span.start + h, b.span.start + h + 1);
                if cx.is_protected(span) {
                    continue;
                }
                let (form, n) = *style.get_or_insert_with(|| dash_style(text));
                let evidence = if n == 0 {
                    "the document writes no dash elsewhere: an em dash".to_string()
                } else {
                    let times = if n == 1 {
                        "once".to_string()
                    } else {
                        format!("{n} times")
                    };
                    format!("the document writes its dashes as \"{form}\" ({times})")
                };
                out.edits.push(
                    Edit::new(
                        text,
                        span,
                        form,
                        "hyphen-dash",
                        Category::Punctuation,
                        CERTAIN,
                    )
                    .with_note(if right.starts_with(|c: char| c.is_ascii_digit()) {
                        format!(
                            "hyphen between the word \"{left}\" and the count \"{right}\" (five digits or more, a lowercase word after it) stands for a dash; {evidence}"
                        )
                    } else {
                        format!(
                            "hyphen between \"{left}\" and \"{right}\", a word that opens a clause and ends no compound, stands for a dash; {evidence}"
                        )
                    }),
                );
            }
        }
    }
}

/// The words either side of the hyphen at byte `h` of `s`, when the hyphen
/// is glued to both, the left word has at least [`MIN_LEFT_CHARS`] letters,
/// the right one is lowercase ASCII, and neither is part of a longer token
/// (a hyphen chain, a number, a path), and the word after the right one
/// is not hyphenated (a suspended compound).
fn dash_words(s: &str, h: usize) -> Option<(&str, &str)> {
    let before = &s[..h];
    let left_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    let left = &before[left_start..];
    if left.chars().count() < MIN_LEFT_CHARS {
        return None;
    }
    // a word opening a square bracket is a label or a slug ("[Simple-and]",
    // an image's name left in a web copy), not prose
    if before[..left_start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '@' | '['))
    {
        return None;
    }
    let after = &s[h + 1..];
    let right_len = after.bytes().take_while(|c| c.is_ascii_lowercase()).count();
    if right_len == 0 {
        return None;
    }
    let right = &after[..right_len];
    let rest = &after[right_len..];
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '@'))
    {
        return None;
    }
    // "low-and middle-income": the first half of a suspended compound
    let next_word = rest
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next());
    if next_word.is_some_and(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .contains('-')
    }) {
        return None;
    }
    Some((left, right))
}

/// Two-word connectives that open a clause ("species-at least as many",
/// "bodies-in fact, they are"): their first word alone ends compounds
/// ("sit-in", "stand-at"), the pair never does.
const OPENING_PHRASES: &[&str] = &[
    "at least",
    "in fact",
    "of course",
    "for example",
    "for instance",
    "in other words",
    "that is",
];

/// True if `after` (the text after a hyphen) starts with one of
/// [`OPENING_PHRASES`] as whole words.
fn opens_with_phrase(after: &str) -> bool {
    OPENING_PHRASES.iter().any(|p| {
        after.starts_with(p)
            && !after[p.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// A hyphen glued between a closing bracket or quote and a lowercase word
/// ("(matter also means \"matter\")-if you put"), or between a word and an
/// opening quote ("said-\"Oh, who"): no compound has a quotation or a
/// bracketed phrase for a part. A bracket around a formula, a letter or a
/// prefix does make compounds ("(1 + 1)-dimensional", "(R)-enantiomer",
/// "(re)-use"), so a bracket counts only when it holds prose (see
/// [`holds_prose`]). The mark beside the hyphen and the word.
fn beside_quote_or_bracket(s: &str, h: usize) -> Option<(&str, &str)> {
    let before = &s[..h];
    let after = &s[h + 1..];
    let prev = before.chars().next_back()?;
    let bracket = matches!(prev, ')' | ']');
    if bracket && !holds_prose(before) {
        return None;
    }
    if bracket || prev == '”' || (prev == '"' && !before[..h - 1].ends_with(' ')) {
        let right_len = after.bytes().take_while(u8::is_ascii_lowercase).count();
        let rest = &after[right_len..];
        if right_len >= 2 && rest.starts_with([' ', ',']) {
            return Some((&before[h - prev.len_utf8()..], &after[..right_len]));
        }
        return None;
    }
    let open = after.chars().next().filter(|c| matches!(c, '"' | '“'))?;
    let left_len = before
        .chars()
        .rev()
        .take_while(char::is_ascii_lowercase)
        .count();
    (left_len >= MIN_LEFT_CHARS && after[open.len_utf8()..].starts_with(|c: char| c.is_uppercase()))
        .then(|| (&before[h - left_len..], &after[..open.len_utf8()]))
}

/// How far back [`holds_prose`] looks for the bracket that opens the one
/// `before` ends with, in bytes: further than a parenthetical phrase runs,
/// and a bound on the work each hyphen costs.
const BRACKET_REACH: usize = 300;

/// Whether the bracketed part `before` ends with (")" or "]") holds prose:
/// two words of two letters or more ("(matter also means it)"), not a
/// formula, a letter or a prefix ("(1 + l)", "(R)", "(re)").
fn holds_prose(before: &str) -> bool {
    let close = before.as_bytes()[before.len() - 1];
    let open = if close == b')' { '(' } else { '[' };
    let from = crate::scan::floor_boundary(before, before.len().saturating_sub(BRACKET_REACH));
    let Some(k) = before[from..before.len() - 1].rfind(open) else {
        return false;
    };
    let inside = &before[from + k + 1..before.len() - 1];
    inside
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .nth(1)
        .is_some()
}

/// The fewest digits of a count after a hyphen: shorter numbers join
/// compounds ("type-2", "post-1945", "top-100").
const MIN_COUNT_DIGITS: usize = 5;

/// Words a number after a hyphen labels (a model, a route): a code, not a
/// count.
const LABELS: &[&str] = &[
    "model", "type", "version", "flight", "code", "route", "number", "item", "case", "patent",
    "page", "room", "unit", "line", "order", "serial", "phase", "class", "level", "series",
];

/// The word and the count either side of the hyphen at byte `h` of `s`
/// when a count follows a word where a dash is meant ("getting closer and
/// closer-40000 years ago"): a lowercase dictionary word of
/// [`MIN_LEFT_CHARS`] letters or more, glued to nothing before it, and a
/// number of [`MIN_COUNT_DIGITS`] digits or more (thousands separators
/// allowed) that counts what the lowercase word after it names.
fn count_after(s: &str, h: usize) -> Option<(&str, &str)> {
    let before = &s[..h];
    let left_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_lowercase())
        .last()
        .map(|(i, _)| i)?;
    let left = &before[left_start..];
    if left.len() < MIN_LEFT_CHARS
        || LABELS.contains(&left)
        || !is_dictionary_word(left)
        || before[..left_start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '@'))
    {
        return None;
    }
    let after = &s[h + 1..];
    let len = after
        .char_indices()
        .take_while(|&(i, c)| {
            c.is_ascii_digit()
                || (c == ',' && after[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .last()
        .map(|(i, _)| i + 1)?;
    let count = &after[..len];
    let digits = count.bytes().filter(u8::is_ascii_digit).count();
    let rest = after[len..].strip_prefix(' ')?;
    (digits >= MIN_COUNT_DIGITS && rest.starts_with(|c: char| c.is_ascii_lowercase()))
        .then_some((left, count))
}

/// The dash form the document uses most, with its count; an unspaced em
/// dash and 0 when it uses none.
fn dash_style(text: &str) -> (&'static str, usize) {
    let spaced_em = text.matches(" — ").count();
    let counts = [
        text.matches(" -- ").count(),
        spaced_em,
        text.matches('—').count() - spaced_em,
        text.matches(" – ").count(),
    ];
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
        .map(|(i, n)| (i, *n))
        .expect("four forms");
    if n == 0 { ("—", 0) } else { (FORMS[best], n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass_in};

    fn mend(t: &str) -> String {
        applied_text(t, &run_pass_in(&HyphenDashes, t, "en"))
    }

    #[test]
    fn a_hyphen_before_a_clause_opener_becomes_a_dash() {
        assert_eq!(
            mend("They collapsed into two black holes-each ten times the mass of the sun."),
            "They collapsed into two black holes—each ten times the mass of the sun."
        );
        assert_eq!(
            mend("Flies are attracted by the heat-and they are trapped."),
            "Flies are attracted by the heat—and they are trapped."
        );
        assert_eq!(
            mend("It was sent to me from Norway-a wonderful hidden pattern."),
            "It was sent to me from Norway—a wonderful hidden pattern."
        );
    }

    #[test]
    fn the_dash_is_the_one_the_document_uses() {
        let t = "We come to the middle -- it sticks out.\n\nIn full bloom-this is the spike-it grows.\n";
        assert_eq!(
            mend(t),
            "We come to the middle -- it sticks out.\n\nIn full bloom -- this is the spike -- it grows.\n"
        );
        let t = "A test – a real one.\n\nThe research-a simple model.\n";
        assert!(mend(t).contains("research – a simple"));
    }

    #[test]
    fn a_hyphen_before_a_connective_phrase_or_beside_a_quote_becomes_a_dash() {
        assert_eq!(
            mend("There are 250 species-at least as many as we know."),
            "There are 250 species—at least as many as we know."
        );
        assert_eq!(
            mend("Black holes are real bodies-in fact, they are dead stars."),
            "Black holes are real bodies—in fact, they are dead stars."
        );
        assert_eq!(
            mend("The key part (matter means \"matter\")-if you put energy in."),
            "The key part (matter means \"matter\")—if you put energy in."
        );
        assert_eq!(
            mend("Some people mocked and said-\"Oh, who believes that?\""),
            "Some people mocked and said—\"Oh, who believes that?\""
        );
        for t in [
            "A sit-in and a stand-at-ease and a drop-in centre.",
            "The (a)-b form and x\"-y\" and 3-\"A\" codes.",
            "A (1 + l)-dimensional wave, the (R)-enantiomer, a (re)-use of [n]-gram counts.",
            "The in-fact-checking tool and the that-is-it moment.",
        ] {
            assert_eq!(mend(t), t, "{t}");
        }
    }

    #[test]
    fn a_hyphen_before_a_count_becomes_a_dash() {
        assert_eq!(
            mend("It is getting closer and closer-40000 years ago, we were painting."),
            "It is getting closer and closer—40000 years ago, we were painting."
        );
        assert_eq!(
            mend("At least as many as we know-250,000 flowering plants."),
            "At least as many as we know—250,000 flowering plants."
        );
        for t in [
            "A type-2 case after post-1945 rules in the top-100 list.",
            "The model-12345 units and the Flight-20000 crew and MiG-29000 jets.",
            "See closer-40000 Years and re-12345 and closer-40000.",
        ] {
            assert_eq!(mend(t), t, "{t}");
        }
    }

    #[test]
    fn compounds_chains_and_codes_stay() {
        for t in [
            "A thank-you note and a built-in clock.",
            "It is state-of-the-art and know-it-all.",
            "Twenty-one people and no-one else.",
            "A Phase-I trial of a type-A drug.",
            "Flight SU-the and x-a and 12-a.",
            "See www.example.com/path-the-end for more.",
            "Especially in low-and middle-income countries.",
            "Equipment: [Simple-and] Simple and Delicious Vegan Cookbook.",
        ] {
            assert_eq!(mend(t), t, "{t}");
        }
    }

    #[test]
    fn the_note_gives_the_words_and_the_dash_evidence() {
        let t = "There are 250 species -- at least. As you can see-it is fuzzy.";
        let edits = run_pass_in(&HyphenDashes, t, "en");
        assert_eq!(edits.len(), 1);
        let note = edits[0].note.as_deref().unwrap_or_default();
        assert!(note.contains("\"see\" and \"it\""), "{note}");
        assert!(note.contains("\" -- \" (once)"), "{note}");
    }
}
