//! What every sub-rule of the `names` pass reads: the [`Matcher`] (the
//! document's resolved lexicon matches, the packs its context leaves off,
//! its lowercase words and language), the [`Guess`] each lexicon-based
//! sub-rule returns, and the small span and word helpers they share.
//!
//! One struct for all sub-rules so that the document is read once (the
//! lowercase words, the marked letters, the resolved matches) and each
//! sub-rule file holds only its own search (`impl Matcher` blocks).

use super::evidence::MarkedRanges;
use super::resolved::Resolved;
use crate::analysis::sites::Sites;
use crate::names::common::CommonWords;
use crate::names::context::word_iter;
use crate::names::lexicon::Lexicon;
use crate::names::{FuzzyEntry, Resources};
use crate::passes::Context;
use crate::span::Span;
use foldhash::{HashMap, HashSet};

/// Lowest similarity at which an unseen spelling is considered at all.
const MIN_SIMILARITY: f32 = 0.78;

/// Below this confidence nothing is proposed.
pub(super) const MIN_PROPOSAL: f32 = 0.5;

/// A guess of the fuzzy matcher.
#[derive(Debug, Clone)]
pub(super) struct Guess {
    pub(super) span: Span,
    pub(super) mention: Span,
    pub(super) after: String,
    pub(super) entity: usize,
    pub(super) conf: f32,
    pub(super) rule: &'static str,
    pub(super) notes: Vec<String>,
    /// Index into the resolved matches this guess replaces or extends.
    pub(super) replaces: Option<usize>,
}

/// Two neighbouring words of a block, as [`Matcher::word_pairs`] gives them.
pub(super) struct WordPair<'t> {
    pub(super) first: &'t str,
    /// What stands between them (a space, a hyphen, punctuation).
    pub(super) sep: &'t str,
    pub(super) second: &'t str,
    /// From the first word's start to the second's end.
    pub(super) span: Span,
}

pub(super) struct Matcher<'c, 'a> {
    pub(super) cx: &'c Context<'a>,
    pub(super) res: &'c Resources,
    pub(super) lex: &'c Lexicon,
    /// Packs the document's context leaves off (see [`packs_off`]).
    pub(super) off: Vec<&'c str>,
    /// People the document names by a canonical or short form.
    pub(super) named: HashSet<usize>,
    /// The common words of the languages.
    pub(super) common: &'static CommonWords,
    /// The document's language, if told.
    pub(super) lang: Option<&'static str>,
    pub(super) phrase_spans: SpanSet,
    pub(super) resolved: Vec<Resolved<'c>>,
    pub(super) resolved_spans: SpanSet,
    /// The entities resolved at each span, for the list rule's question
    /// "is this other item a place of the same country".
    pub(super) resolved_at: EntitiesAt,
    /// The distinct words written in lowercase, borrowed from the text:
    /// gathered on first use (a document without a capitalised word never
    /// asks, and a text of a million short lines was a million insertions).
    pub(super) lower_words: std::cell::OnceCell<HashSet<&'a str>>,
    /// Where the text has marked letters: [`Matcher::foreign`] reads a
    /// sentence only near one.
    pub(super) marked: MarkedRanges,
    pub(super) foreign: std::cell::RefCell<std::collections::BTreeMap<Span, bool>>,
    /// The documents of the batch about the same thing as this one, found
    /// when a variant first asks (see [`crate::names::batch::Related`]).
    pub(super) related: std::cell::OnceCell<Option<crate::names::batch::Related>>,
}

impl Matcher<'_, '_> {
    pub(super) fn text(&self) -> &str {
        self.cx.text
    }

    /// Each two neighbouring words of the blocks holding an ASCII capital,
    /// in order: the rules that read a name across two words (a split, a
    /// name before an English generic) look only at pairs with a capital,
    /// so a block without one is skipped unread.
    pub(super) fn word_pairs(&self) -> impl Iterator<Item = WordPair<'_>> + '_ {
        let text = self.text();
        self.cx
            .doc
            .blocks
            .iter()
            .filter(move |b| Sites::UPPER.in_text(b.span.of(text)))
            .flat_map(move |b| {
                let bt = b.span.of(text);
                let mut words = word_iter(bt);
                let mut prev = words.next();
                std::iter::from_fn(move || {
                    let (k1, first) = prev?;
                    let (k2, second) = words.next()?;
                    prev = Some((k2, second));
                    Some(WordPair {
                        first,
                        sep: &bt[k1 + first.len()..k2],
                        second,
                        span: Span::new(b.span.start + k1, b.span.start + k2 + second.len()),
                    })
                })
            })
    }

    /// True if entity `e`'s pack is on for this document, or `e` is a
    /// person the document names by a canonical or short form: only then is anything
    /// rewritten or guessed into it.
    pub(super) fn on(&self, e: usize) -> bool {
        let pack = self.lex.entities[e].pack.as_str();
        !self.off.contains(&pack) || self.named.contains(&e)
    }

    /// True if `span` may not be guessed at: protected, or already a known name or phrase.
    /// The batch's name counts and the documents of the batch about the
    /// same thing as this one, when the batch is evidence and holds any
    /// (found on the first question and kept).
    pub(super) fn batch_related(
        &self,
    ) -> Option<(
        &crate::names::batch::NameCounts,
        &crate::names::batch::Related,
    )> {
        let counts = self.cx.corpus_names.filter(|c| c.is_evidence())?;
        let related = self
            .related
            .get_or_init(|| Some(counts.related(self.text())).filter(|r| !r.is_empty()))
            .as_ref()?;
        Some((counts, related))
    }

    pub(super) fn taken(&self, span: Span) -> bool {
        self.cx.is_protected(span)
            || self.phrase_spans.overlaps(span)
            || self.resolved_spans.overlaps(span)
    }

    /// The best lexicon form for `word` in its phonetic block, other than `except`.
    pub(super) fn best(&self, word: &str, except: Option<usize>) -> Option<(&FuzzyEntry, f32)> {
        self.res.fuzzy().best(word, except, MIN_SIMILARITY)
    }

    /// True if `w` is an ordinary word: the document writes it in
    /// lowercase, or its language's frequency list knows it as a common word.
    pub(super) fn is_ordinary_word(&self, w: &str) -> bool {
        self.lower_words().contains(w.to_lowercase().as_str()) || self.is_common(w)
    }

    /// The distinct words the document writes in lowercase.
    pub(super) fn lower_words(&self) -> &HashSet<&str> {
        self.lower_words.get_or_init(|| {
            word_iter(self.cx.text)
                .filter(|(_, w)| w.starts_with(char::is_lowercase))
                .map(|(_, w)| w)
                .collect()
        })
    }

    /// True if the frequency list of the document's language (of any
    /// language listed, when it is not told) knows `w` as a common word.
    pub(super) fn is_common(&self, w: &str) -> bool {
        self.common.is_common(w, self.lang)
    }
}

/// Spans sorted by start, for overlap queries in logarithmic time.
#[derive(Debug, Default)]
pub(super) struct SpanSet {
    spans: Vec<Span>,
    max_len: usize,
}

impl SpanSet {
    pub(super) fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort();
        let max_len = spans.iter().map(Span::len).max().unwrap_or(0);
        SpanSet { spans, max_len }
    }

    pub(super) fn overlaps(&self, span: Span) -> bool {
        let i = self
            .spans
            .partition_point(|s| s.start + self.max_len < span.start);
        self.spans[i..]
            .iter()
            .take_while(|s| s.start <= span.end)
            .any(|s| s.overlaps(span))
    }
}

/// Entities by the exact span they were found at: a list asks about each
/// of its items, and looking through every match of the document for each
/// was quadratic.
#[derive(Debug, Default)]
pub(super) struct EntitiesAt(HashMap<Span, Vec<usize>>);

impl EntitiesAt {
    pub(super) fn of(found: impl Iterator<Item = (Span, usize)>) -> EntitiesAt {
        let mut at: HashMap<Span, Vec<usize>> = HashMap::default();
        for (span, e) in found {
            at.entry(span).or_default().push(e);
        }
        EntitiesAt(at)
    }

    /// True if some entity found at exactly `span` satisfies `f`.
    pub(super) fn any(&self, span: Span, f: impl Fn(usize) -> bool) -> bool {
        self.0.get(&span).is_some_and(|es| es.iter().any(|&e| f(e)))
    }
}

/// The run of letters `s` ends with ("city" in "the city").
pub(super) fn last_letters(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// True if `w` is a word the unseen-spelling and same-document rules look
/// at: capitalised, five letters or more, all ASCII letters, not all
/// capitals. Read by bytes (a word of ASCII letters has as many characters
/// as bytes), the first one first: `chars().count()` on every word of the
/// text was a sixteenth of the names pass.
pub(super) fn is_candidate(w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && b.len() >= 5
        && b.iter().all(u8::is_ascii_alphabetic)
        && !b.iter().all(u8::is_ascii_uppercase)
}

/// True if `s` has more than `n` characters, read no further than the
/// character after the `n`th (rather than counting them all, word by word).
pub(super) fn more_chars_than(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_some()
}

#[cfg(test)]
mod tests {
    use super::last_letters;

    proptest::proptest! {
        /// The byte tests pick the words the character tests picked.
        #[test]
        fn candidates_by_bytes_are_those_by_chars(w in "[aAzZ0éÉßİ]{0,8}") {
            let by_chars = w.starts_with(char::is_uppercase)
                && w.chars().count() >= 5
                && !w.chars().all(char::is_uppercase)
                && w.chars().all(|c| c.is_ascii_alphabetic());
            proptest::prop_assert_eq!(super::is_candidate(&w), by_chars);
        }

        #[test]
        fn more_chars_than_counts_characters(s in "[aé字🄰]{0,6}", n in 0usize..7) {
            proptest::prop_assert_eq!(super::more_chars_than(&s, n), s.chars().count() > n);
        }

    }

    #[test]
    fn last_letters_are_the_word_a_text_ends_with() {
        assert_eq!(last_letters("the city"), "city");
        assert_eq!(last_letters("Kremlin spokesman Dmitry"), "Dmitry");
        assert_eq!(last_letters("Şəhər"), "Şəhər");
        assert_eq!(last_letters("ends, "), "");
    }
}
