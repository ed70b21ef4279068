//! `boilerplate`: web-page furniture copied with the article.
//!
//! Comment forms ("Leave a Reply", "Your email address will not be published.
//! Required fields are marked *"), CMS bylines ("Author: admin"),
//! share/subscribe/cookie lines, read-more links and copyright footers are
//! removed from the reading text and kept in the TEI as
//! `surplus reason="boilerplate"`.
//!
//! The patterns are data (`rules/boilerplate.toml`, embedded at build time):
//! each has an id, a regex, a scope (`block`: the regex must cover a whole
//! block, or every line of it; `inline`: any match inside a block), an action
//! (`remove` or `propose`) and a confidence. They are compiled once per process, when
//! the registry is first built (see [`PatternSet`] for why not a `RegexSet`).
//!
//! Why it is safe: block patterns must cover the whole block, so a paragraph
//! that merely mentions cookies or comments is never touched; `propose`
//! patterns are capped below the applying threshold; bibliography entries are
//! never matched. A removed block takes the blank lines after it with it, so
//! the clean text keeps one blank line between the remaining paragraphs.
//!
//! The same machinery ([`PatternSet`]) serves the `residue` rule.

use super::{Context, Pass, Proposals};
use crate::document::{BlockKind, Document};
use crate::edit::{Category, Edit};
use crate::error::Error;
use crate::span::Span;
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// Highest confidence given to a pattern whose action is `propose`: below
/// the default applying threshold, so a reviewer decides.
pub(super) const PROPOSE_CAP: f32 = 0.75;

/// See the module documentation.
pub struct Boilerplate {
    patterns: &'static PatternSet,
}

impl Boilerplate {
    /// The pass over the embedded pattern file (compiled once per process).
    pub fn new() -> Self {
        static SET: OnceLock<PatternSet> = OnceLock::new();
        Boilerplate {
            patterns: SET.get_or_init(|| PatternSet::embedded(PATH, DATA)),
        }
    }
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::new()
    }
}

const PATH: &str = "rules/boilerplate.toml";
const DATA: &str = include_str!("../../rules/boilerplate.toml");

impl Pass for Boilerplate {
    fn id(&self) -> &'static str {
        "boilerplate"
    }

    fn description(&self) -> &'static str {
        "Web-page furniture (comment forms, CMS bylines, share, subscribe and cookie lines, footers) removed as surplus, from the patterns in rules/boilerplate.toml."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        self.patterns
            .propose(cx, self.id(), Category::Boilerplate, &mut out.edits);
    }
}

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

/// A compiled pattern.
#[derive(Debug)]
pub(super) struct Pattern {
    pub id: String,
    /// The regex as written (inline scope) or anchored to the whole text
    /// (block scope).
    pub regex: Regex,
    /// A cheaper regex that must match wherever `regex` does, tried first.
    pub prefilter: Option<Regex>,
    pub confidence: f32,
    pub note: String,
}

/// The sentence prefix the residue patterns put before their phrase so the
/// match starts at the sentence's first character (documented in the data
/// file). Without it the phrase alone is a cheap, necessary condition.
const SENTENCE_PREFIX: &str = r"(?:[^.!?\s][^.!?]*)?";

/// Patterns of one rule file, compiled once.
///
/// Each pattern is tried on its own: measured on 1.2 MB of mixed text, a
/// `RegexSet` over all patterns was several times slower than the single
/// regexes (its lazy DFA thrashes on so many case-insensitive patterns),
/// and block patterns anchored at both ends fail fast on long paragraphs.
#[derive(Debug)]
pub(super) struct PatternSet {
    block: Vec<Pattern>,
    inline: Vec<Pattern>,
}

impl PatternSet {
    /// Parses and compiles a pattern file. Every problem is an
    /// [`Error::Data`] naming the file, line and column.
    pub fn parse(path: &str, data: &str) -> Result<Self, Error> {
        let err = |offset: usize, message: String| {
            let lc = crate::span::line_col(data, offset.min(data.len()));
            Error::Data {
                path: path.to_owned(),
                line: lc.line,
                column: lc.column,
                message,
            }
        };
        let raw: RawFile = toml::from_str(data).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            err(at, e.message().to_owned())
        })?;
        let mut block = Vec::new();
        let mut inline = Vec::new();
        for p in raw.pattern {
            let at = data.find(&format!("\"{}\"", p.id)).unwrap_or(0);
            let bad = |e: regex::Error| err(at, format!("pattern {}: {e}", p.id));
            let source = ascii_word_boundaries(&p.regex);
            let (regex, prefilter) = match p.scope.as_str() {
                "block" => (
                    Regex::new(&format!(r"\A(?:{source})\z")).map_err(bad)?,
                    None,
                ),
                "inline" => {
                    let prefilter = match source.contains(SENTENCE_PREFIX) {
                        true => Some(
                            Regex::new(&source.replacen(SENTENCE_PREFIX, "", 1)).map_err(bad)?,
                        ),
                        false => None,
                    };
                    (Regex::new(&source).map_err(bad)?, prefilter)
                }
                other => {
                    return Err(err(
                        at,
                        format!("pattern {}: unknown scope {other:?}", p.id),
                    ));
                }
            };
            if !(0.0..=1.0).contains(&p.confidence) {
                return Err(err(
                    at,
                    format!("pattern {}: confidence outside 0..=1", p.id),
                ));
            }
            let confidence = match p.action.as_str() {
                "remove" => p.confidence,
                "propose" => p.confidence.min(PROPOSE_CAP),
                other => {
                    return Err(err(
                        at,
                        format!("pattern {}: unknown action {other:?}", p.id),
                    ));
                }
            };
            let compiled = Pattern {
                note: p.note.unwrap_or_else(|| p.id.clone()),
                id: p.id,
                regex,
                prefilter,
                confidence,
            };
            if p.scope == "block" {
                block.push(compiled);
            } else {
                inline.push(compiled);
            }
        }
        Ok(PatternSet { block, inline })
    }

    /// Compiles embedded data. A bad embedded file is caught by the unit
    /// tests; at run time it degrades to an empty set instead of panicking.
    pub fn embedded(path: &str, data: &str) -> Self {
        Self::parse(path, data).unwrap_or_else(|_| PatternSet {
            block: Vec::new(),
            inline: Vec::new(),
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
            for p in &self.inline {
                if p.prefilter.as_ref().is_some_and(|f| !f.is_match(s)) {
                    continue;
                }
                for m in p.regex.find_iter(s) {
                    if !m.as_str().trim().is_empty() {
                        push(
                            Span::new(b.span.start + m.start(), b.span.start + m.end()),
                            p,
                        );
                    }
                }
            }
        }
    }

    /// The block pattern covering all of `s` (or every line of it), if any.
    /// With several, the most confident wins; ties go to the first listed.
    fn block_match(&self, s: &str) -> Option<&Pattern> {
        let whole = |line: &str| -> Option<&Pattern> {
            let line = line.trim();
            self.block.iter().filter(|p| p.regex.is_match(line)).fold(
                None,
                |best: Option<&Pattern>, p| match best {
                    Some(b) if b.confidence >= p.confidence => Some(b),
                    _ => Some(p),
                },
            )
        };
        if let Some(p) = whole(s) {
            return Some(p);
        }
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

/// The span removing block `i` of `doc`: the block plus the blank space after
/// it, up to the next block (or the end of the text), so the clean text keeps
/// one separator between the blocks around it.
pub(super) fn removal_span(text: &str, doc: &Document, i: usize) -> Span {
    let b = doc.blocks[i].span;
    let end = match doc.blocks.get(i + 1) {
        Some(next) => next.span.start,
        None => text.len(),
    };
    Span::new(b.start, end.max(b.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::run_pass;

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &run_pass(&Boilerplate::new(), t))
    }

    #[test]
    fn embedded_patterns_all_compile() {
        let set = PatternSet::parse(PATH, DATA).expect("rules/boilerplate.toml compiles");
        assert!(set.len() > 10);
    }

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
    fn word_boundaries_become_ascii_only_escapes_stay() {
        assert_eq!(
            ascii_word_boundaries(r"\bI hope\b"),
            r"(?-u:\b)I hope(?-u:\b)"
        );
        assert_eq!(ascii_word_boundaries(r"a\\b\s"), r"a\\b\s");
    }

    #[test]
    fn comment_form_and_admin_byline_go() {
        let t = "A real paragraph about the war.\n\nAuthor: admin\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nAnother paragraph.";
        assert_eq!(
            clean(t),
            "A real paragraph about the war.\n\nAnother paragraph."
        );
    }

    #[test]
    fn cookie_banners_go_but_kitchen_cookies_stay() {
        let t = "We use cookies to improve your experience on our website.\n\nWe use cookies in the kitchen every Sunday.";
        assert_eq!(clean(t), "We use cookies in the kitchen every Sunday.");
    }

    #[test]
    fn a_block_of_furniture_lines_goes_whole() {
        let t = "Text here.\n\nShare this:\nTweet\nLike this:\n\nMore text.";
        assert_eq!(clean(t), "Text here.\n\nMore text.");
    }

    #[test]
    fn prose_about_comments_and_real_bylines_stay() {
        for t in [
            "Readers were invited to leave a reply under the article, and many did.",
            "Author: Maria Petrova",
            "Grandmother baked cookies for the soldiers every Sunday.",
            "Share",
        ] {
            let t = format!("Some opening text.\n\n{t}\n\nClosing text.");
            if t.contains("\n\nShare\n\n") {
                // a lone "Share" line is furniture: removed
                assert_eq!(clean(&t), "Some opening text.\n\nClosing text.");
            } else {
                assert_eq!(clean(&t), t);
            }
        }
    }

    #[test]
    fn propose_patterns_stay_below_threshold() {
        let edits = run_pass(&Boilerplate::new(), "Intro text.\n\nHome\n\nBody text.");
        assert_eq!(edits.len(), 1);
        assert!(edits[0].confidence < 0.8);
    }

    #[test]
    fn bibliography_is_never_matched() {
        let t = "Text.\n\nReferences:\n\n1. Share this: a study. Baku 2020.";
        for e in run_pass(&Boilerplate::new(), t) {
            assert!(!e.before.contains("study"));
        }
    }
}
