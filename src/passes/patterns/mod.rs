//! Rule files of regex patterns (`rules/boilerplate.toml`,
//! `rules/assistant-residue.toml`): parsed once, each regex compiled the
//! first time a text holds one of the literals every match of it contains
//! (see [`literals`]). The `boilerplate` and `residue` rules both run on
//! this machinery; neither owns it.

use super::Context;
use super::removal::removal_span;
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::error::Error;
use crate::span::Span;
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

mod literals;
// the build script's literal extraction, unit-tested here
#[cfg(test)]
#[path = "../../../build/required_literals.rs"]
mod required_literals;

use literals::LiteralFilter;

/// Highest confidence given to a pattern whose action is `propose`: below
/// the default applying threshold, so a reviewer decides.
pub(crate) const PROPOSE_CAP: f32 = 0.75;

/// One pattern of a rule file, as written in TOML.
#[derive(Debug, Deserialize)]
struct RawPattern {
    id: String,
    regex: String,
    scope: String,
    action: String,
    confidence: f32,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawFile {
    #[serde(default)]
    pattern: Vec<RawPattern>,
}

/// A pattern of a rule file, its regex compiled when first needed.
#[derive(Debug)]
pub(crate) struct Pattern {
    pub id: String,
    /// The regex as written (inline scope) or anchored to the whole text
    /// (block scope).
    regex: LazyRegex,
    /// A cheaper regex that must match wherever `regex` does, tried first.
    prefilter: Option<LazyRegex>,
    /// Fewest bytes any match of `regex` spans (known at build time for the
    /// embedded files, else 0): shorter texts are not searched. A search
    /// costs setup even when it fails at once, and most lines of a page are
    /// shorter than most patterns.
    pub min_len: usize,
    pub confidence: f32,
    pub note: String,
}

/// The sentence prefix the residue patterns put before their phrase so the
/// match starts at the sentence's first character (documented in the data
/// file). Without it the phrase alone is a cheap, necessary condition.
const SENTENCE_PREFIX: &str = r"(?:[^.!?\s][^.!?]*)?";

/// Patterns of one rule file, read once.
///
/// Each pattern is tried on its own: measured on 1.2 MB of mixed text, a
/// `RegexSet` over all patterns was several times slower than the single
/// regexes (its lazy DFA thrashes on so many case-insensitive patterns),
/// and block patterns anchored at both ends fail fast on long paragraphs.
#[derive(Debug)]
pub(crate) struct PatternSet {
    block: Vec<Pattern>,
    inline: Vec<Pattern>,
    /// Which of `block` a line may match.
    block_filter: LiteralFilter,
    /// Which of `inline` a block may match.
    inline_filter: LiteralFilter,
    /// Fewest bytes a match of any of `block` spans (`usize::MAX` if none):
    /// a shorter line is settled at once, however many patterns there are.
    block_min_len: usize,
    /// The same for `inline`.
    inline_min_len: usize,
}

/// A regex compiled the first time it is used. A source that does not
/// compile never matches; the embedded files' sources are all compiled by
/// the unit tests.
#[derive(Debug)]
struct LazyRegex {
    source: String,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    fn new(source: String) -> Self {
        LazyRegex {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// Compiles it now, returning the error.
    fn force(&self) -> Result<(), regex::Error> {
        let re = Regex::new(&self.source)?;
        // a race lost to another thread compiled the same source
        let _ = self.compiled.set(Some(re));
        Ok(())
    }

    fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| Regex::new(&self.source).ok())
            .as_ref()
    }

    fn is_match(&self, s: &str) -> bool {
        self.get().is_some_and(|re| re.is_match(s))
    }
}

impl PatternSet {
    /// Parses a pattern file and compiles every regex at once. Every problem
    /// is an [`Error::Data`] naming the file, line and column.
    #[cfg(test)]
    pub fn parse(path: &str, data: &str) -> Result<Self, Error> {
        Self::read(path, data, true)
    }

    /// Parses a pattern file; regexes are compiled at once when `eager`,
    /// else when first needed.
    fn read(path: &str, data: &str, eager: bool) -> Result<Self, Error> {
        let err = |offset: usize, message: String| {
            let lc = crate::span::line_col(data, offset.min(data.len()));
            Error::Data {
                path: path.to_owned(),
                line: lc.line,
                column: lc.column,
                message,
            }
        };
        let raw: RawFile = match crate::embedded::from_json(data) {
            Some(raw) => raw,
            None => toml::from_str(data).map_err(|e| {
                let at = e.span().map_or(0, |s| s.start);
                err(at, e.message().to_owned())
            })?,
        };
        let mut block = Vec::new();
        let mut inline = Vec::new();
        for p in raw.pattern {
            // where the pattern is written, sought only for an error
            let at = || data.find(&format!("\"{}\"", p.id)).unwrap_or(0);
            let bad = |e: regex::Error| err(at(), format!("pattern {}: {e}", p.id));
            let source = ascii_word_boundaries(&p.regex);
            let lazy = |source: String| -> Result<LazyRegex, Error> {
                let re = LazyRegex::new(source);
                if eager {
                    re.force().map_err(bad)?;
                }
                Ok(re)
            };
            let (regex, prefilter) = match p.scope.as_str() {
                "block" => (lazy(format!(r"\A(?:{source})\z"))?, None),
                "inline" => {
                    let prefilter = match source.contains(SENTENCE_PREFIX) {
                        true => Some(lazy(source.replacen(SENTENCE_PREFIX, "", 1))?),
                        false => None,
                    };
                    (lazy(source)?, prefilter)
                }
                other => {
                    return Err(err(
                        at(),
                        format!("pattern {}: unknown scope {other:?}", p.id),
                    ));
                }
            };
            if !(0.0..=1.0).contains(&p.confidence) {
                return Err(err(
                    at(),
                    format!("pattern {}: confidence outside 0..=1", p.id),
                ));
            }
            let confidence = match p.action.as_str() {
                "remove" => p.confidence,
                "propose" => p.confidence.min(PROPOSE_CAP),
                other => {
                    return Err(err(
                        at(),
                        format!("pattern {}: unknown action {other:?}", p.id),
                    ));
                }
            };
            let facts = literals::facts(path, &p.id);
            let pattern = Pattern {
                note: p.note.unwrap_or_else(|| p.id.clone()),
                id: p.id,
                regex,
                prefilter,
                min_len: facts.map_or(0, |f| f.min_len),
                confidence,
            };
            let literals = facts.map_or(&[][..], |f| f.literals);
            if p.scope == "block" {
                block.push((pattern, literals));
            } else {
                inline.push((pattern, literals));
            }
        }
        let (block, block_literals): (Vec<_>, Vec<_>) = block.into_iter().unzip();
        let (inline, inline_literals): (Vec<_>, Vec<_>) = inline.into_iter().unzip();
        Ok(PatternSet {
            block_min_len: min_len(&block),
            inline_min_len: min_len(&inline),
            block,
            inline,
            block_filter: LiteralFilter::new(block_literals),
            inline_filter: LiteralFilter::new(inline_literals),
        })
    }

    /// Reads embedded data, each regex compiled when first needed. A bad
    /// embedded file is caught by the unit tests; at run time it degrades to
    /// an empty set instead of panicking.
    pub fn embedded(path: &str, data: &str) -> Self {
        Self::read(path, data, false).unwrap_or_else(|_| PatternSet {
            block: Vec::new(),
            inline: Vec::new(),
            block_filter: LiteralFilter::default(),
            inline_filter: LiteralFilter::default(),
            block_min_len: usize::MAX,
            inline_min_len: usize::MAX,
        })
    }

    /// Number of compiled patterns.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.block.len() + self.inline.len()
    }

    /// Pushes one deletion per match over the blocks of `cx`.
    pub fn propose(&self, cx: &Context<'_>, pass: &str, category: Category, out: &mut Vec<Edit>) {
        let text = cx.text;
        for (i, b) in cx.doc.blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead) {
                continue;
            }
            let s = b.span.of(text);
            let mut push = |span: Span, p: &Pattern| {
                out.push(
                    Edit::new(
                        text,
                        span,
                        "",
                        &format!("{pass}/{}", p.id),
                        category,
                        p.confidence,
                    )
                    .with_note(p.note.clone()),
                );
            };
            if let Some(p) = self.block_match(s) {
                push(removal_span(text, cx.doc, i), p);
                continue;
            }
            if self.may_match_inline(s) {
                for (span, p) in self.inline_matches(text, b.span) {
                    push(span, p);
                }
            }
        }
    }

    /// The block pattern covering all of `line` (trimmed), if any. With
    /// several, the most confident wins; ties go to the first listed.
    pub(crate) fn line_match(&self, line: &str) -> Option<&Pattern> {
        let line = crate::scan::trim(line);
        if line.len() < self.block_min_len {
            return None;
        }
        let long_enough = |p: &Pattern| line.len() >= p.min_len;
        self.block
            .iter()
            .zip(self.block_filter.candidates(line))
            .filter(|(p, may)| *may && long_enough(p) && p.regex.is_match(line))
            .map(|(p, _)| p)
            .fold(None, |best: Option<&Pattern>, p| match best {
                Some(b) if b.confidence >= p.confidence => Some(b),
                _ => Some(p),
            })
    }

    /// Whether `block` is long enough to hold a match of an inline pattern:
    /// a shorter one (a line of a word) is passed over without setting up
    /// the walk of the patterns.
    pub(crate) fn may_match_inline(&self, block: &str) -> bool {
        block.len() >= self.inline_min_len
    }

    /// Matches of the inline patterns in `block`, as source spans.
    pub(crate) fn inline_matches<'s>(
        &'s self,
        text: &'s str,
        block: Span,
    ) -> impl Iterator<Item = (Span, &'s Pattern)> + 's {
        let s = block.of(text);
        let may = match s.len() >= self.inline_min_len {
            true => self.inline_filter.candidates(s),
            false => Vec::new(),
        };
        self.inline
            .iter()
            .zip(may)
            .filter(move |(p, may)| {
                *may && s.len() >= p.min_len && p.prefilter.as_ref().is_none_or(|f| f.is_match(s))
            })
            .filter_map(|(p, _)| Some((p, p.regex.get()?)))
            .flat_map(move |(p, re)| {
                re.find_iter(s)
                    .filter(|m| !m.as_str().trim().is_empty())
                    .map(move |m| {
                        let span = Span::new(block.start + m.start(), block.start + m.end());
                        (span, p)
                    })
            })
    }

    /// Panics if a pattern matches `text` (as a line, or inside it) that the
    /// literal filters did not let through.
    #[cfg(test)]
    pub fn assert_filter_admits_every_match(&self, text: &str) {
        let line = text.trim();
        for (p, may) in self.block.iter().zip(self.block_filter.candidates(line)) {
            let hit = p.regex.is_match(line);
            assert!(may || !hit, "{} matches {line:?} unseen", p.id);
        }
        for (p, may) in self.inline.iter().zip(self.inline_filter.candidates(text)) {
            let hit = p.regex.is_match(text);
            assert!(may || !hit, "{} matches {text:?} unseen", p.id);
        }
    }

    /// The block pattern covering all of `s` (or every line of it), if any.
    /// With several, the most confident wins; ties go to the first listed;
    /// over lines, the least confident line's pattern speaks for the block.
    pub(crate) fn block_match(&self, s: &str) -> Option<&Pattern> {
        let whole = |line: &str| self.line_match(line);
        if let Some(p) = whole(s) {
            return Some(p);
        }
        // a block of one line was read whole above (most blocks: spared
        // collecting its lines)
        crate::scan::find_byte(b'\n', s.as_bytes())?;
        let lines: Vec<&str> = s.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.len() < 2 {
            return None;
        }
        let found: Vec<&Pattern> = lines.iter().filter_map(|l| whole(l)).collect();
        if found.len() != lines.len() {
            return None;
        }
        found
            .into_iter()
            .fold(None, |best: Option<&Pattern>, p| match best {
                Some(b) if b.confidence <= p.confidence => Some(b),
                _ => Some(p),
            })
    }
}

/// Fewest bytes a match of any of `patterns` spans; `usize::MAX` for none.
fn min_len(patterns: &[Pattern]) -> usize {
    patterns
        .iter()
        .map(|p| p.min_len)
        .min()
        .unwrap_or(usize::MAX)
}

/// `pattern` with each `\b` made ASCII-only (`(?-u:\b)`). A Unicode word
/// boundary forces the regex engine off its DFA on any non-ASCII text, which
/// made these scans many times slower; the patterns put `\b` beside ASCII
/// words, where both kinds agree.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut it = pattern.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The boilerplate rule's file: real patterns with build-time facts.
    const BOILERPLATE: (&str, &str) = (
        "rules/boilerplate.toml",
        include_str!("../../../rules/boilerplate.toml"),
    );

    #[test]
    fn bad_pattern_is_a_data_error_with_position() {
        let data = "[[pattern]]\nid = \"x\"\nregex = '(unclosed'\nscope = \"block\"\naction = \"remove\"\nconfidence = 0.9\n";
        match PatternSet::parse("t.toml", data) {
            Err(Error::Data { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("pattern x"));
            }
            other => panic!("expected a data error, got {other:?}"),
        }
        let data = "[[pattern]]\nid = \"y\"\nregex = 'a'\nscope = \"page\"\naction = \"remove\"\nconfidence = 0.9\n";
        assert!(PatternSet::parse("t.toml", data).is_err());
    }

    #[test]
    fn a_text_shorter_than_a_pattern_is_not_searched_and_still_found_when_long_enough() {
        let set = PatternSet::parse(BOILERPLATE.0, BOILERPLATE.1).unwrap();
        let p = set
            .inline
            .iter()
            .find(|p| p.id == "read-more-inline")
            .unwrap();
        // "read more…" is the shortest match
        assert!(p.min_len > 5, "{}", p.min_len);
        let hits = |text: &str| {
            set.inline_matches(text, Span::new(0, text.len()))
                .filter(|(_, p)| p.id == "read-more-inline")
                .count()
        };
        assert_eq!(hits("The story goes on. Read more »"), 1);
        assert_eq!(hits("Read"), 0);
    }

    #[test]
    fn a_file_without_build_time_facts_tries_every_pattern() {
        let data = "[[pattern]]\nid = \"s\"\nregex = '(?i)share (this|it)'\nscope = \"inline\"\naction = \"remove\"\nconfidence = 0.9\n";
        let set = PatternSet::parse("t.toml", data).unwrap();
        assert_eq!(set.inline[0].min_len, 0);
        let text = "Share it";
        assert_eq!(
            set.inline_matches(text, Span::new(0, text.len())).count(),
            1
        );
    }

    #[test]
    fn a_line_without_a_patterns_literals_is_not_matched_and_its_regex_not_compiled() {
        let set = PatternSet::embedded(BOILERPLATE.0, BOILERPLATE.1);
        let p = set
            .block
            .iter()
            .find(|p| p.id == "all-rights-reserved")
            .unwrap();
        assert!(
            set.line_match("An ordinary sentence of the article.")
                .is_none()
        );
        assert!(p.regex.compiled.get().is_none());
        let line = "© 2024 Example Media. All rights reserved.";
        assert_eq!(
            set.line_match(line).map(|p| p.id.as_str()),
            Some("all-rights-reserved")
        );
        assert!(p.regex.compiled.get().is_some());
    }

    #[test]
    fn word_boundaries_become_ascii_only_escapes_stay() {
        assert_eq!(
            ascii_word_boundaries(r"\bI hope\b"),
            r"(?-u:\b)I hope(?-u:\b)"
        );
        assert_eq!(ascii_word_boundaries(r"a\\b\s"), r"a\\b\s");
    }
}
