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
//! (`remove` or `propose`) and a confidence. A pattern's regex is compiled the
//! first time a text holds one of the literals every match of it contains
//! (see [`literals`]; and [`PatternSet`] for why not a `RegexSet`).
//!
//! Why it is safe: block patterns must cover the whole block, so a paragraph
//! that merely mentions cookies or comments is never touched; `propose`
//! patterns are capped below the applying threshold; bibliography entries are
//! never matched. A removed block takes the blank lines after it with it, so
//! the clean text keeps one blank line between the remaining paragraphs.
//!
//! The same machinery ([`PatternSet`]) serves the `residue` rule.

use super::removal::{line_removal_span, line_spans, removal_span};
use super::{Context, Pass, Proposals};
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
#[path = "../../build/required_literals.rs"]
mod required_literals;
mod runs;

use literals::LiteralFilter;

/// Highest confidence given to a pattern whose action is `propose`: below
/// the default applying threshold, so a reviewer decides.
pub(super) const PROPOSE_CAP: f32 = 0.75;

/// See the module documentation.
pub struct Boilerplate {
    patterns: &'static PatternSet,
}

impl Boilerplate {
    /// The pass over the embedded pattern file (read once per process).
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
        let text = cx.text;
        let set = self.patterns;
        let blocks = &cx.doc.blocks;
        // Every non-empty line, with the pattern that matched it or its
        // block; `of_block[i]` is where block i's lines start. Kept lean: a
        // text of a million short lines has a million of them.
        let mut lines: Vec<runs::Line> = Vec::new();
        let mut taken: Vec<Option<Taken>> = Vec::new();
        let mut of_block = Vec::with_capacity(blocks.len() + 1);
        for b in blocks {
            of_block.push(lines.len());
            let s = b.span.of(text);
            let bibl = matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead);
            // the block as a whole; line by line below (a block whose lines
            // all match goes whole, under the least sure of them)
            if let Some(p) = (!bibl).then(|| set.line_match(s)).flatten() {
                lines.push(runs::Line {
                    span: b.span,
                    furniture: true,
                    may_join: false,
                    introduces: false,
                });
                taken.push(Some(Taken::Pattern(p)));
            } else {
                let may_join = !bibl
                    && matches!(
                        b.kind,
                        BlockKind::Paragraph
                            | BlockKind::Head { .. }
                            | BlockKind::Item { .. }
                            | BlockKind::Byline
                    );
                let several = s.contains('\n');
                for l in line_spans(text, b.span) {
                    let line = l.of(text);
                    let p = (several && !bibl).then(|| set.line_match(line)).flatten();
                    lines.push(runs::Line {
                        span: l,
                        furniture: p.is_some(),
                        may_join: may_join && runs::is_label_like(line),
                        introduces: line.ends_with(':'),
                    });
                    taken.push(p.map(Taken::Pattern));
                }
            }
        }
        of_block.push(lines.len());
        for (k, confidence) in runs::absorbed(&lines) {
            taken[k] = Some(Taken::Run(confidence));
        }
        let id = self.id();
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead) {
                continue;
            }
            let range = of_block[i]..of_block[i + 1];
            let block_taken = &taken[range.clone()];
            if !block_taken.is_empty() && block_taken.iter().all(Option::is_some) {
                // the whole block goes, under its least sure reason
                let reason = block_taken
                    .iter()
                    .flatten()
                    .min_by(|a, b| a.confidence().total_cmp(&b.confidence()))
                    .copied();
                if let Some(reason) = reason {
                    out.edits
                        .push(reason.edit(text, removal_span(text, cx.doc, i), id));
                }
                continue;
            }
            let mut removed = Vec::new();
            for k in range {
                if let Some(reason) = taken[k] {
                    let span = line_removal_span(text, b.span, lines[k].span);
                    removed.push(span);
                    out.edits.push(reason.edit(text, span, id));
                }
            }
            for (span, p) in set.inline_matches(text, b.span) {
                if !removed.iter().any(|r| r.overlaps(span)) {
                    out.edits.push(Taken::Pattern(p).edit(text, span, id));
                }
            }
        }
    }
}

/// Why a line or block is taken out.
#[derive(Clone, Copy)]
enum Taken<'p> {
    /// A pattern matched it.
    Pattern(&'p Pattern),
    /// It lies in a run of furniture, with this confidence.
    Run(f32),
}

impl Taken<'_> {
    fn confidence(&self) -> f32 {
        match self {
            Taken::Pattern(p) => p.confidence,
            Taken::Run(c) => *c,
        }
    }

    fn edit(&self, text: &str, span: Span, pass: &str) -> Edit {
        let (rule, note) = match self {
            Taken::Pattern(p) => (format!("{pass}/{}", p.id), p.note.clone()),
            Taken::Run(c) if *c >= runs::BETWEEN => (
                format!("{pass}/furniture-run"),
                "short line between lines of page furniture (form labels, buttons)".to_owned(),
            ),
            Taken::Run(_) => (
                format!("{pass}/furniture-tail"),
                "short line after the page's last furniture, up to the end of the text".to_owned(),
            ),
        };
        Edit::new(
            text,
            span,
            "",
            &rule,
            Category::Boilerplate,
            self.confidence(),
        )
        .with_note(note)
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

/// A pattern of a rule file, its regex compiled when first needed.
#[derive(Debug)]
pub(super) struct Pattern {
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
pub(super) struct PatternSet {
    block: Vec<Pattern>,
    inline: Vec<Pattern>,
    /// Which of `block` a line may match.
    block_filter: LiteralFilter,
    /// Which of `inline` a block may match.
    inline_filter: LiteralFilter,
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
            for (span, p) in self.inline_matches(text, b.span) {
                push(span, p);
            }
        }
    }

    /// The block pattern covering all of `line` (trimmed), if any. With
    /// several, the most confident wins; ties go to the first listed.
    fn line_match(&self, line: &str) -> Option<&Pattern> {
        let line = line.trim();
        let long_enough = |p: &Pattern| line.len() >= p.min_len;
        if !self.block.iter().any(long_enough) {
            return None;
        }
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

    /// Matches of the inline patterns in `block`, as source spans.
    fn inline_matches<'s>(
        &'s self,
        text: &'s str,
        block: Span,
    ) -> impl Iterator<Item = (Span, &'s Pattern)> + 's {
        let s = block.of(text);
        let may = match self.inline.iter().any(|p| s.len() >= p.min_len) {
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
    fn block_match(&self, s: &str) -> Option<&Pattern> {
        let whole = |line: &str| self.line_match(line);
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
    fn a_text_shorter_than_a_pattern_is_not_searched_and_still_found_when_long_enough() {
        let set = PatternSet::parse(PATH, DATA).unwrap();
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
        let set = PatternSet::embedded(PATH, DATA);
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

    #[test]
    fn comment_form_and_admin_byline_go() {
        let t = "A real paragraph about the war.\n\nAuthor: admin\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nAnother paragraph.";
        assert_eq!(
            clean(t),
            "A real paragraph about the war.\n\nAnother paragraph."
        );
    }

    #[test]
    fn bare_form_labels_between_furniture_lines_go() {
        let article = "Title of the story\nThe first paragraph tells what happened in the city on Monday.\nThe second paragraph tells more of it.\n";
        let form = "Leave a Reply\nYour email address will not be published. Required fields are marked *\nComment\nName *\nEmail *\nWebsite\nSave my name, email, and website in this browser for the next time I comment.\nShare this:\nFacebook Twitter WhatsApp\n";
        assert_eq!(clean(&format!("{article}{form}")), article);
        // the labels alone, without the furniture around them, stay
        let t = format!("{article}Comment\nWebsite\n");
        assert_eq!(clean(&t), t);
    }

    #[test]
    fn furniture_lines_inside_a_paragraph_block_go_line_by_line() {
        let t = "The story ends here.\n\nLeave a Reply\nYour email address will not be published.\nComment\nName *\n\nFacebook Twitter WhatsApp";
        assert_eq!(clean(t), "The story ends here.\n\n");
        // a furniture line heading a caption keeps the caption's separation
        let figure = "The story ends here.\n\nLeave a Reply\n\nScenes of the conflict between the two countries. Picture/People’s Vision\n\nMore text.";
        assert_eq!(
            clean(figure),
            "The story ends here.\n\nScenes of the conflict between the two countries. Picture/People’s Vision\n\nMore text."
        );
        let mixed =
            "The story ends here.\nShare this:\nPublished with thanks to the readers who wrote in.";
        assert_eq!(
            clean(mixed),
            "The story ends here.\nPublished with thanks to the readers who wrote in."
        );
    }

    #[test]
    fn a_short_tail_after_furniture_is_proposed_not_applied() {
        let t = "The story ends here.\n\nShare this:\n\nZhang Wei";
        let edits = run_pass(&Boilerplate::new(), t);
        let tail = edits
            .iter()
            .find(|e| e.before.contains("Zhang"))
            .expect("tail proposed");
        assert_eq!(tail.rule, "boilerplate/furniture-tail");
        assert!(tail.confidence < crate::options::DEFAULT_MIN_CONFIDENCE);
        assert_eq!(clean(t), "The story ends here.\n\nZhang Wei");
    }

    #[test]
    fn prose_between_furniture_stays() {
        let t = "Share this:\n\nThe minister said the talks would go on.\n\nLeave a Reply";
        assert_eq!(clean(t), "The minister said the talks would go on.\n\n");
    }

    #[test]
    fn readers_comments_and_read_more_links_go() {
        let t = "The deal held.\n\nRead more: Armenia protests after ceasefire deal\n\n12 Comments\n\nJohn D. says:\nNovember 10, 2020 at 3:15 pm\nThis is a sad day.\nReply\n\nMaria K. says:\n10 November 2020 at 16:02\nFinally peace.\nReply";
        assert_eq!(clean(t), "The deal held.\n\n");
        // one comment a line: the furniture goes, the comment's own words stay
        let t = "The deal held.\nJohn D. says:\nNovember 10, 2020 at 3:15 pm\nThis is a sad day.\nReply\nMaria K. says:\nNovember 10, 2020 at 4:02 pm\nFinally peace.\nReply\n";
        assert_eq!(
            clean(t),
            "The deal held.\nThis is a sad day.\nFinally peace.\n"
        );
        let t = "The minister says:\n\nThe war is over.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn agency_footers_go() {
        let t = "The truce held.\n\nFollow AP's coverage of the Nagorno-Karabakh conflict at https://apnews.com/hub/nagorno-karabakh\n\nCopyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.";
        assert_eq!(clean(t), "The truce held.\n\n");
    }

    #[test]
    fn editor_credit_lines_go() {
        for line in [
            "[Editor in charge: Li Na]",
            "(Responsible editor: Wang Lei)",
            "【责任编辑：李娜】",
        ] {
            let t = format!("The talks went on.\n\n{line}");
            assert_eq!(clean(&t), "The talks went on.\n\n", "{line}");
        }
        let t = "The editor in charge: a novel about newsrooms, was published in May.";
        assert_eq!(clean(t), t);
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
