//! `fragments`: truncated and dangling sentences left by translation or
//! conversion. Everything here is *proposed* for review, never applied.
//!
//! - a sentence ending on a word no sentence ends on: "Although Moscow has
//!   tried to." (a function word right before the period);
//! - a short verbless sentence dangling at the end of a paragraph, sharing no
//!   content word with the sentence before it: "… resolve it through political
//!   dialogue. Contradictions and differences.";
//! - a whole short paragraph made only of such pieces: "Baltic region.
//!   Although Riga has tried to."
//!
//! "Verbless" is a small heuristic over closed word classes
//! (`rules/function-words.toml`): no auxiliary, no listed irregular verb, no
//! lowercase word with a verb ending (-ed, -ing, or -s after a content word).
//! It errs towards finding verbs, so real sentences are rarely flagged, and a
//! flag only proposes a deletion: the reviewer decides.
//!
//! Why it is safe: headings, list items, captions and references are not
//! examined; sentences in quotation marks or ending in `!`/`?` are left alone;
//! confidence stays far below the applying threshold.

use super::{Context, Pass, Proposals};
use crate::analysis::function_words::{FunctionWords, function_words};
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;
use foldhash::HashSet;

/// See the module documentation.
pub struct Fragments;

/// The longest sentence judged a dangling fragment, in words.
const MAX_FRAGMENT_WORDS: usize = 6;
/// The longest paragraph judged a fragment as a whole, in words.
const MAX_FRAGMENT_PARAGRAPH_WORDS: usize = 14;

/// A sentence inside a block: byte range relative to the block.
#[derive(Debug, Clone, Copy)]
struct Sentence {
    start: usize,
    end: usize,
}

/// Splits `s` into sentences: a sentence ends at `.`, `!` or `?` (with any
/// closing quotes) followed by whitespace, or at the end of `s`.
fn sentences(s: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = s.len() - s.trim_start().len();
    // from mark to mark, not through a table of every character: a block
    // that is one 50 MB line costs no 800 MB
    let mut pos = 0;
    // the marks are ASCII, so a byte search finds them at character
    // boundaries, without decoding every character on the way
    while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &s.as_bytes()[pos..]) {
        let i = pos + off;
        let c = char::from(s.as_bytes()[i]);
        // closing quotes, brackets and further dots belong to the sentence
        let tail = &s[i + 1..];
        let end = s.len()
            - tail
                .trim_start_matches(['”', '"', '’', '\'', ')', '.'])
                .len();
        let at_space = s[end..].chars().next().is_none_or(char::is_whitespace);
        let word_before = s
            .get(start..i)
            .unwrap_or("")
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let abbrev = c == '.'
            && (function_words().is_abbreviation(word_before.trim_start_matches('('))
                || word_before.chars().count() == 1);
        if at_space && !abbrev {
            out.push(Sentence { start, end });
            let rest = &s[end..];
            start = end + (rest.len() - rest.trim_start().len());
            pos = end;
            continue;
        }
        pos = i + 1;
    }
    if start < s.trim_end().len() {
        out.push(Sentence {
            start,
            end: s.trim_end().len(),
        });
    }
    out
}

fn content_words(fw: &FunctionWords, s: &str) -> HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .filter(|w| !fw.is_function(w) && !fw.auxiliaries.contains(w))
        .map(|w| w.trim_end_matches('s').to_owned())
        .collect()
}

impl Pass for Fragments {
    fn id(&self) -> &'static str {
        "fragments"
    }

    fn description(&self) -> &'static str {
        "Truncated sentences (ending on a function word), verbless fragments dangling at a paragraph end, and paragraphs made only of fragments, proposed for deletion (never applied)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let fw = function_words();
        let text = cx.text;
        // one buffer of flags for every paragraph, not a Vec each
        let mut flags: Vec<Option<&'static str>> = Vec::new();
        for (i, b) in cx.doc.blocks.iter().enumerate() {
            if !matches!(b.kind, BlockKind::Paragraph) {
                continue;
            }
            let s = b.span.of(text);
            // every fragment ends on a full stop: a paragraph without one
            // has none (spared splitting it into sentences)
            if crate::scan::find_byte(b'.', s.as_bytes()).is_none() {
                continue;
            }
            let sents = sentences(s);
            flags.clear();
            flags.extend(
                sents
                    .iter()
                    .enumerate()
                    .map(|(k, x)| judge(fw, s, &sents, k, x)),
            );
            // the flags first: the words of most paragraphs need no counting
            if !sents.is_empty()
                && flags.contains(&Some("truncated"))
                && s.split_whitespace()
                    .nth(MAX_FRAGMENT_PARAGRAPH_WORDS)
                    .is_none()
                && sents
                    .iter()
                    .zip(&flags)
                    .all(|(x, f)| f.is_some() || fw.verbless(&s[x.start..x.end]))
            {
                let span = super::removal::removal_span(text, cx.doc, i);
                out.edits.push(
                    Edit::new(text, span, "", self.id(), Category::Fragment, 0.45).with_note(
                        "the paragraph is only sentence fragments (verbless or cut off)",
                    ),
                );
                continue;
            }
            for (k, (x, f)) in sents.iter().zip(&flags).enumerate() {
                let Some(kind) = f else { continue };
                // delete the fragment with the space before it
                let from = if k > 0 { sents[k - 1].end } else { x.start };
                let span = Span::new(b.span.start + from, b.span.start + x.end);
                let note = match *kind {
                    "truncated" => "the sentence stops on a word no sentence ends on: cut off",
                    _ => {
                        "a short verbless sentence at the end of the paragraph that does not connect to the one before"
                    }
                };
                out.edits.push(
                    Edit::new(text, span, "", self.id(), Category::Fragment, 0.4).with_note(note),
                );
            }
        }
    }
}

/// Why sentence `k` of block text `s` is a fragment, if it is.
fn judge(
    fw: &FunctionWords,
    s: &str,
    sents: &[Sentence],
    k: usize,
    x: &Sentence,
) -> Option<&'static str> {
    let t = &s[x.start..x.end];
    if !t.ends_with('.') || t.ends_with("..") {
        return None;
    }
    let body = t.trim_end_matches('.');
    let last = body.split_whitespace().next_back()?;
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    // Words counted only as far as a test needs them, and the sentence
    // searched for quotes only once it would be flagged: most sentences are
    // neither, and reading each one whole cost half the rule.
    let words = || body.split_whitespace();
    let truncated = last.chars().all(char::is_lowercase)
        && fw.cannot_end(last)
        && words().nth(1).is_some()
        && !stranded(fw, body, last);
    let is_last = k + 1 == sents.len();
    let short_last = is_last && k > 0 && words().nth(MAX_FRAGMENT_WORDS).is_none();
    if !(truncated || short_last) || t.contains(['“', '”', '"']) {
        return None;
    }
    if truncated {
        return Some("truncated");
    }
    if fw.verbless(body) && !pronoun_clause(body) {
        let prev = &s[sents[k - 1].start..sents[k - 1].end];
        let mine = content_words(fw, body);
        let theirs = content_words(fw, prev);
        if !mine.is_empty() && mine.is_disjoint(&theirs) {
            return Some("dangling");
        }
    }
    None
}

/// True if the preposition `last` that ends `body` is stranded, as English
/// allows ("the universe we look up into.", "what I'm looking at."): it
/// follows a verb or a particle. An article, a determiner or a conjunction
/// never ends a sentence so, and neither does a preposition after a noun
/// ("the talks with.") — nor a clause that only opens with a subordinating
/// conjunction and has no main clause ("Although the mayor has tried to.").
fn stranded(fw: &FunctionWords, body: &str, last: &str) -> bool {
    if !fw.prepositions.contains(last) {
        return false;
    }
    let mut ws = body.split_whitespace().rev().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase()
    });
    ws.next();
    let Some(before) = ws.next() else {
        return false;
    };
    let first = body.split_whitespace().next().unwrap_or("").to_lowercase();
    let subordinate_only = matches!(
        first.as_str(),
        "although" | "though" | "because" | "while" | "whereas" | "unless" | "if"
    ) && !body.contains([',', ';', ':']);
    !subordinate_only
        && (fw.prepositions.contains(before.as_str())
            || fw.can_end.contains(before.as_str())
            || !fw.verbless(&before))
}

/// True if a personal pronoun is followed by a lowercase word, the shape of
/// a subject and its verb ("I hear you ask."): a clause, even when its verb
/// is none the word classes know.
fn pronoun_clause(body: &str) -> bool {
    let ws: Vec<&str> = body
        .split_whitespace()
        .take(MAX_FRAGMENT_WORDS + 1)
        .collect();
    ws.windows(2).any(|p| {
        matches!(
            p[0].to_lowercase().as_str(),
            "i" | "you" | "we" | "they" | "he" | "she" | "it"
        ) && p[1].chars().next().is_some_and(char::is_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::run_pass;

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&Fragments, t)
    }

    /// `judge` as it was: every sentence read whole for quotes and words.
    fn judge_reading_all(
        fw: &FunctionWords,
        s: &str,
        sents: &[Sentence],
        k: usize,
        x: &Sentence,
    ) -> Option<&'static str> {
        let t = &s[x.start..x.end];
        if !t.ends_with('.') || t.ends_with("..") || t.contains(['“', '”', '"']) {
            return None;
        }
        let body = t.trim_end_matches('.');
        let last = body.split_whitespace().next_back()?;
        let last = last.trim_matches(|c: char| !c.is_alphanumeric());
        let n = body.split_whitespace().count();
        if n >= 2
            && last.chars().all(char::is_lowercase)
            && fw.cannot_end(last)
            && !stranded(fw, body, last)
        {
            return Some("truncated");
        }
        let is_last = k + 1 == sents.len();
        if is_last && k > 0 && n <= MAX_FRAGMENT_WORDS && fw.verbless(body) && !pronoun_clause(body)
        {
            let prev = &s[sents[k - 1].start..sents[k - 1].end];
            let mine = content_words(fw, body);
            let theirs = content_words(fw, prev);
            if !mine.is_empty() && mine.is_disjoint(&theirs) {
                return Some("dangling");
            }
        }
        None
    }

    proptest::proptest! {
        /// Counting words only as far as needed and looking for quotes last
        /// judge every sentence as reading it whole did.
        #[test]
        fn judging_reads_only_what_it_needs(
            s in r#"(the |to |of |Riga |has |tried |region |Baltic |and |differences |talks |“|”|"|\. |\.|!|\?| |\.\.|\n){0,30}"#,
        ) {
            let fw = function_words();
            let sents = sentences(&s);
            for (k, x) in sents.iter().enumerate() {
                proptest::prop_assert_eq!(
                    judge(fw, &s, &sents, k, x),
                    judge_reading_all(fw, &s, &sents, k, x)
                );
            }
        }
    }

    #[test]
    fn a_truncated_sentence_is_proposed() {
        let t = "The talks went on for months. Although the mayor has tried to. Nothing changed after that.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, " Although the mayor has tried to.");
        assert!(e[0].confidence < 0.8);
    }

    #[test]
    fn a_dangling_verbless_sentence_is_proposed() {
        let t = "The ministers asked both parties to solve it through dialogue. Disputes and rivalries.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, " Disputes and rivalries.");
    }

    #[test]
    fn a_fragment_paragraph_is_proposed_whole() {
        let t = "First paragraph ends well.\n\nBaltic region. Although Riga has tried to.\n\nLast paragraph.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            e[0].before,
            "Baltic region. Although Riga has tried to.\n\n"
        );
    }

    #[test]
    fn abbreviations_of_the_shared_list_end_no_sentence() {
        let s = "The alert was issued on Dec. 11 after the storm. The room is 12 sq. ft. in all.";
        let n = sentences(s).len();
        assert_eq!(n, 2, "{:?}", sentences(s));
    }

    #[test]
    fn stranded_prepositions_and_pronoun_clauses_are_sentences() {
        for t in [
            "It would be music to our ears, for the echo comes from the universe we look up into.",
            "The bees see colour. When I call it red, you know what I'm looking at.",
            "It is unlike other surfaces. It is very different from the ones we've looked at.",
            "Why do this? I hear you ask.",
        ] {
            assert!(edits(t).is_empty(), "{t}: {:?}", edits(t));
        }
        // a preposition after a noun, an article: cut off
        let e = edits("The talks went on. They ended the meeting with the.");
        assert_eq!(e.len(), 1, "{e:?}");
        let e = edits("The envoys came home. Nobody signed the talks with.");
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn real_sentences_headings_and_quotes_stay() {
        for t in [
            "The war is over. Everyone went home and the town was quiet again.",
            "He asked what it was for. Nobody knew.",
            "The report was published in May. Its findings surprised the ministry.",
            "Results and discussion\n\nThe data show a clear trend.",
            "She wrote: “The end of the road.” It was her last letter.",
            "They waited for the bus. Then they walked home through the park.",
            "Prices fell sharply in March, see p. 12 for details.",
        ] {
            assert!(edits(t).is_empty(), "{t}: {:?}", edits(t));
        }
    }
}
