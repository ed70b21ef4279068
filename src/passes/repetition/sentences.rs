//! A sentence said twice in a row: pasted twice ("The talks failed. The
//! talks failed."), or an attribution that a translation or a copy doubled
//! ("“We will return our lands,” Aliyev said. Aliyev said.").
//!
//! The second sentence goes when it repeats the whole sentence before it
//! (applied from [`MIN_APPLY_WORDS`] words, proposed from [`MIN_WHOLE_WORDS`]:
//! "Never say never. Never say never." may be rhetoric, and "Thank you.
//! Thank you." is speech) or only its last words (proposed).

/// A whole sentence repeated is applied from this many words.
const MIN_APPLY_WORDS: usize = 6;

/// A whole sentence repeated is proposed from this many words: a shorter
/// one said twice is how people speak ("Thank you. Thank you.", "No. No.")
/// in a transcript or a quotation, not a copy the translation doubled.
const MIN_WHOLE_WORDS: usize = 3;

/// Longest sentence compared, in bytes: a "sentence" longer than this is a
/// block without stops (a list, a table row), not one said twice.
const MAX_SENTENCE: usize = 2_000;

/// A repeat found: the bytes to remove and how sure the rule is.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Repeat {
    /// From the end of the first sentence to the end of its repeat.
    pub start: usize,
    pub end: usize,
    pub confidence: f32,
    /// The words repeated.
    pub words: usize,
    /// True when the whole sentence is repeated, not only its end.
    pub whole: bool,
}

/// The sentences of `s`, as byte ranges from the first character to the
/// terminal mark and any closing quotes or brackets after it.
fn sentences(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = it.peek() {
            if matches!(q, '.' | '!' | '?' | '”' | '"' | '’' | '\'' | ')' | '»') {
                end = j + q.len_utf8();
                it.next();
            } else {
                break;
            }
        }
        // a stop ends a sentence only before a space or the end
        if it.peek().is_none_or(|&(_, n)| n.is_whitespace())
            && let Some(a) = start.take()
        {
            out.push((a, end));
        }
    }
    out
}

/// The words of a sentence, punctuation trimmed.
fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// The same word but for case.
fn same_word(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase())
}

/// Sentences of `s` that repeat the one before them, or its last words.
/// Compared from the end, word by word, without copies: most sentences
/// differ from the one before in their last word.
pub(super) fn repeats(s: &str) -> Vec<Repeat> {
    let found = sentences(s);
    let mut out = Vec::new();
    for pair in found.windows(2) {
        let ((a0, a1), (b0, b1)) = (pair[0], pair[1]);
        if a1 - a0 > MAX_SENTENCE || b1 - b0 > MAX_SENTENCE {
            continue;
        }
        // only a space between them: a line break may be a verse or a list
        if !s[a1..b0].bytes().all(|c| c == b' ') {
            continue;
        }
        let (first, second) = (&s[a0..a1], &s[b0..b1]);
        let mut n = 0;
        let mut firsts = words(first).rev();
        let matched = words(second).rev().all(|w| {
            n += 1;
            firsts.next().is_some_and(|f| same_word(f, w))
        });
        if !matched || n < 2 {
            continue;
        }
        let whole = firsts.next().is_none();
        if whole && n < MIN_WHOLE_WORDS {
            continue;
        }
        let confidence = match (whole, n >= MIN_APPLY_WORDS) {
            (true, true) => 0.9,
            (true, false) => 0.7,
            (false, _) => 0.6,
        };
        out.push(Repeat {
            start: a1,
            end: b1,
            confidence,
            words: n,
            whole,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(s: &str) -> Vec<(&str, f32)> {
        repeats(s)
            .into_iter()
            .map(|r| (&s[r.start..r.end], r.confidence))
            .collect()
    }

    #[test]
    fn a_sentence_said_twice_goes() {
        assert_eq!(
            removed(
                "The talks in Moscow failed again on Monday. The talks in Moscow failed again on Monday. Then came peace."
            ),
            [(" The talks in Moscow failed again on Monday.", 0.9)]
        );
        assert_eq!(
            removed("“We will return our lands,” Aliyev said. Aliyev said."),
            [(" Aliyev said.", 0.6)]
        );
        assert_eq!(
            removed("Never say never. Never say never."),
            [(" Never say never.", 0.7)]
        );
    }

    #[test]
    fn different_sentences_and_lines_stay() {
        for s in [
            "He said no. She said no.",
            "The war ended. Peace came.",
            "No. No.",
            "Thank you. Thank you.",
            "Never again. Never again.",
            "Never again.\nNever again.",
            "See p. 5. See p. 5 of the report for more.",
            "",
        ] {
            assert!(repeats(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn sentences_end_at_stops_before_spaces() {
        let s = "“Go!” he said. U.S. troops left… Then (quietly.) more";
        let got: Vec<&str> = sentences(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(
            got,
            [
                "“Go!”",
                "he said.",
                "U.S.",
                "troops left…",
                "Then (quietly.)"
            ]
        );
    }
}
