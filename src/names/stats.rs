//! Name statistics of a corpus: what `emend names discover` gathers from each
//! document before clustering, and what `--emit-stats` writes so shards of a
//! corpus can be counted on different machines and merged.
//!
//! # Mentions
//!
//! A mention is a capitalised word or a run of them ("Nikol Pashinyan",
//! "Nagorno-Karabakh", "Ministry of Defence") in the running text of a parsed
//! document: bibliography entries, front matter, keyword lists, bylines and
//! protected inlines (URLs, e-mails, DOIs, citations) are skipped. Stop words
//! at either end of a run are dropped ("The Ministry" → "Ministry"), titles
//! before a name are dropped and counted as a person cue ("President Aliyev"
//! → "Aliyev"). Words the corpus also writes in lower case are weeded out at
//! clustering time, from the lower-case counts kept here.
//!
//! # Shard format
//!
//! A shard is JSON:
//!
//! ```text
//! { "emend_name_stats": 1,
//!   "documents": 2,
//!   "forms": {
//!     "Pashinian": { "count": 3, "initial": 1, "docs": ["a.txt", "b.txt"],
//!                    "context": { "doc": "a.txt", "offset": 120, "line": "… Prime Minister Pashinian said …" },
//!                    "cues": { "person": 2, "place": 0, "org": 0 },
//!                    "keys": { "fold": "pashinian", "skeleton": "pasinian", "code": "2:p25" } } },
//!   "lowercase": { "said": 14, "the": 80 } }
//! ```
//!
//! `count` is the number of mentions, `initial` how many stood first in a
//! sentence, `docs` the documents (sorted), `context` the sentence of the
//! first mention in the first document by name, `cues` how often context
//! suggested each type, `keys` the blocking keys (informational: they are
//! recomputed from the form). `lowercase` counts lower-case words of running
//! text by folded key. [`NameStats::merge`] is associative and commutative, so
//! shards merge in any order to the statistics of the whole corpus.

use super::fold::fold;
use crate::document::BlockKind;
use crate::error::{Error, Result};
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Format version of a shard.
pub const STATS_VERSION: u32 = 1;

/// Words never a name on their own, and dropped at the ends of a run.
const STOP: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "against",
    "all",
    "also",
    "although",
    "an",
    "and",
    "another",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "it",
    "its",
    "last",
    "many",
    "meanwhile",
    "more",
    "most",
    "my",
    "new",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "to",
    "today",
    "tomorrow",
    "two",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yesterday",
    "yet",
    "you",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "said",
    "says",
    "mr",
    "mrs",
    "ms",
    "dr",
    "figure",
    "table",
    "fig",
    "section",
    "chapter",
    "photo",
    "source",
    "note",
    "see",
    "later",
    "earlier",
    "still",
    "instead",
    "finally",
    "first",
    "again",
    "already",
    "currently",
    "recently",
    "previously",
    "nevertheless",
    "moreover",
    "furthermore",
    "therefore",
    "besides",
    "indeed",
    "perhaps",
    "only",
    "just",
    "despite",
    "following",
    "among",
    "between",
    "within",
    "without",
    "through",
    "via",
    "than",
    "though",
    "whether",
    "unlike",
    "like",
    "upon",
    "toward",
    "towards",
    "will",
    "would",
    "should",
    "could",
    "can",
    "must",
    "may",
    "might",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "let",
    "please",
    "yes",
    "dear",
    "thank",
    "thanks",
];

/// Titles before a person's name: dropped from the mention, counted as a cue.
const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "mr",
    "mrs",
    "ms",
    "dr",
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "major",
    "captain",
    "sergeant",
    "ambassador",
    "secretary",
    "chairman",
    "chairwoman",
    "speaker",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senator",
    "king",
    "queen",
    "prince",
    "pope",
    "patriarch",
    "mayor",
    "governor",
    "commander",
    "chief",
    "sir",
    "professor",
    "prof",
    "premier",
    "chancellor",
    "envoy",
    "adviser",
    "advisor",
    "lawmaker",
    "former",
    "acting",
    "vice",
    "congressman",
    "congresswoman",
    "councillor",
    "archbishop",
    "bishop",
    "judge",
    "marshal",
    "admiral",
];

/// Words that make a run an organisation's name.
pub(crate) const ORG_WORDS: &[&str] = &[
    "ministry",
    "organization",
    "organisation",
    "council",
    "committee",
    "union",
    "party",
    "agency",
    "bank",
    "army",
    "forces",
    "group",
    "institute",
    "university",
    "association",
    "commission",
    "office",
    "service",
    "assembly",
    "parliament",
    "movement",
    "company",
    "corporation",
    "federation",
    "league",
    "court",
    "church",
    "fund",
    "foundation",
    "news",
    "times",
    "press",
    "television",
    "department",
    "coalition",
    "alliance",
    "front",
];

/// Lower-case words before a place name.
const PLACE_BEFORE: &[&str] = &["in", "near", "to", "from", "across", "outside", "inside"];
/// Words after "city of"-style phrases or after a place name.
const PLACE_WORDS: &[&str] = &[
    "city",
    "town",
    "village",
    "region",
    "district",
    "province",
    "capital",
    "river",
    "mountains",
    "border",
    "oblast",
    "republic",
];

/// Particles allowed inside a run: "Ministry of Defence", "Charles de Gaulle".
const PARTICLES: &[&str] = &[
    "of", "de", "da", "del", "van", "von", "der", "al", "el", "bin", "ibn", "ul",
];

/// Longer words are not names (and would make comparisons slow).
const MAX_WORD_BYTES: usize = 64;

/// Characters of context kept on each side of a mention.
const CONTEXT_CHARS: usize = 60;

/// Type cues counted for a form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cues {
    /// Titles before the name ("Prime Minister X").
    pub person: u64,
    /// "in X", "city of X", "X region".
    pub place: u64,
    /// Words like "Ministry", "Committee" in the name.
    pub org: u64,
}

/// Where a form is first seen: the document (by name) and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextLine {
    /// Document name.
    pub doc: String,
    /// Byte offset of the mention in the document.
    pub offset: usize,
    /// The text around the mention, on one line.
    pub line: String,
}

/// Blocking keys of a form (see [`crate::names::discover`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keys {
    /// The folded form.
    pub fold: String,
    /// Transliteration skeleton, words joined by spaces.
    pub skeleton: String,
    /// Consonant-class code with the word count: `2:p25`.
    pub code: String,
}

impl Keys {
    /// The keys of `form`.
    pub fn of(form: &str) -> Keys {
        let skels: Vec<String> = form
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .map(super::similar::skeleton)
            .collect();
        let code = super::similar::consonant_code(&skels.concat());
        Keys {
            fold: fold(form),
            code: format!("{}:{code}", skels.len()),
            skeleton: skels.join(" "),
        }
    }
}

/// What is known about one surface form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormStats {
    /// Mentions.
    pub count: u64,
    /// Mentions that stood first in a sentence.
    pub initial: u64,
    /// Documents it occurs in, sorted.
    pub docs: BTreeSet<String>,
    /// The first mention in the first document by name.
    pub context: ContextLine,
    /// Type cues.
    pub cues: Cues,
    /// Blocking keys.
    pub keys: Keys,
}

impl FormStats {
    fn merge(&mut self, other: FormStats) {
        self.count += other.count;
        self.initial += other.initial;
        self.docs.extend(other.docs);
        if (&other.context.doc, other.context.offset) < (&self.context.doc, self.context.offset) {
            self.context = other.context;
        }
        self.cues.person += other.cues.person;
        self.cues.place += other.cues.place;
        self.cues.org += other.cues.org;
    }
}

/// Name statistics of a document, a shard or a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameStats {
    /// Format version, [`STATS_VERSION`].
    pub emend_name_stats: u32,
    /// Documents counted.
    pub documents: u64,
    /// Surface forms (spaces normalized) and their statistics.
    pub forms: BTreeMap<String, FormStats>,
    /// Lower-case words of running text by folded key, and their counts.
    pub lowercase: BTreeMap<String, u64>,
}

impl Default for NameStats {
    fn default() -> Self {
        NameStats {
            emend_name_stats: STATS_VERSION,
            documents: 0,
            forms: BTreeMap::new(),
            lowercase: BTreeMap::new(),
        }
    }
}

impl NameStats {
    /// Adds `other` into `self`; the result does not depend on the order of merges.
    pub fn merge(&mut self, other: NameStats) {
        self.documents += other.documents;
        for (form, s) in other.forms {
            match self.forms.get_mut(&form) {
                Some(mine) => mine.merge(s),
                None => {
                    self.forms.insert(form, s);
                }
            }
        }
        for (w, n) in other.lowercase {
            *self.lowercase.entry(w).or_default() += n;
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Parses a shard; `name` is used in errors.
    pub fn parse(text: &str, name: &str) -> Result<NameStats> {
        let s: NameStats = serde_json::from_str(text).map_err(|e| Error::Data {
            path: name.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if s.emend_name_stats != STATS_VERSION {
            return Err(Error::Data {
                path: name.to_owned(),
                line: 1,
                column: 1,
                message: format!("unsupported name statistics version {}", s.emend_name_stats),
            });
        }
        Ok(s)
    }

    /// Reads a shard file.
    pub fn load(path: &Path) -> Result<NameStats> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// The statistics of one document's text; `doc` names it.
    pub fn of_text(doc: &str, text: &str) -> NameStats {
        let mut out = NameStats {
            documents: 1,
            ..NameStats::default()
        };
        let parsed = crate::parse::parse(text);
        let protected = parsed.protected_spans();
        for b in &parsed.blocks {
            let running = matches!(
                b.kind,
                BlockKind::Title
                    | BlockKind::Subtitle
                    | BlockKind::Head { .. }
                    | BlockKind::Paragraph
                    | BlockKind::Abstract
                    | BlockKind::Item { .. }
                    | BlockKind::Figure(_)
            );
            if running {
                scan_block(doc, text, b.span, &protected, &mut out);
            }
        }
        out
    }
}

/// A word of a block: its span and text.
struct Word<'a> {
    span: Span,
    text: &'a str,
}

fn is_stop(w: &str) -> bool {
    STOP.contains(&w.to_lowercase().as_str())
}

pub(crate) fn is_title(w: &str) -> bool {
    TITLES.contains(&w.to_lowercase().as_str())
}

fn capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.len() <= MAX_WORD_BYTES
        && w.chars().all(char::is_alphabetic)
        && !is_roman_numeral(w)
}

/// "II", "XIV": numbers, not names.
fn is_roman_numeral(w: &str) -> bool {
    w.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        && w.len() <= 5
        && !matches!(w, "CD" | "DC" | "MD" | "LCD")
}

/// True if the text between a block's start and `at` ends a sentence.
fn sentence_initial(text: &str, block: Span, at: usize) -> bool {
    let before = text[block.start..at].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '*' | '_')
    });
    match before.chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | ';' | '—' | '•' | '–' | ')' | '#'),
    }
}

fn overlaps(protected: &[Span], span: Span) -> bool {
    let k = protected.partition_point(|p| p.end <= span.start);
    protected.get(k).is_some_and(|p| p.start < span.end)
}

/// The sentence-ish text around `span` on one line, at most
/// [`CONTEXT_CHARS`] characters each side.
fn context_line(text: &str, block: Span, span: Span) -> String {
    let left = &text[block.start..span.start];
    let right = &text[span.end..block.end];
    let l: String = {
        let cut = left.rfind(['.', '!', '?']).map_or(0, |k| k + 1);
        let chars: Vec<char> = left[cut..].chars().collect();
        let skip = chars.len().saturating_sub(CONTEXT_CHARS);
        let s: String = chars[skip..].iter().collect();
        if skip > 0 { format!("…{s}") } else { s }
    };
    let r: String = {
        let cut = right.find(['.', '!', '?']).map_or(right.len(), |k| k + 1);
        let chars: Vec<char> = right[..cut].chars().collect();
        let s: String = chars.iter().take(CONTEXT_CHARS).collect();
        if chars.len() > CONTEXT_CHARS {
            format!("{s}…")
        } else {
            s
        }
    };
    format!("{l}{}{r}", span.of(text))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn scan_block(doc: &str, text: &str, block: Span, protected: &[Span], out: &mut NameStats) {
    let words: Vec<Word<'_>> = super::context::words(block.of(text))
        .into_iter()
        .map(|(k, w)| Word {
            span: Span::new(block.start + k, block.start + k + w.len()),
            text: w,
        })
        .filter(|w| !overlaps(protected, w.span))
        .collect();
    // Lower-case words, for the ordinary-word test.
    for w in &words {
        if w.text.chars().count() >= 2
            && w.text.chars().all(char::is_alphabetic)
            && w.text.starts_with(char::is_lowercase)
        {
            *out.lowercase.entry(fold(w.text)).or_default() += 1;
        }
    }
    let joinable = |a: &Word<'_>, b: &Word<'_>| {
        let gap = &text[a.span.end..b.span.start];
        gap == "-"
            || gap == "‐"
            || (!gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\n'))
                && gap.matches('\n').count() <= 1
    };
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i].text) {
            i += 1;
            continue;
        }
        // The run: capitalised words, with particles between them.
        let mut j = i + 1;
        while j < words.len() && joinable(&words[j - 1], &words[j]) {
            if capitalised(words[j].text) {
                j += 1;
            } else if PARTICLES.contains(&words[j].text)
                && j + 1 < words.len()
                && capitalised(words[j + 1].text)
                && joinable(&words[j], &words[j + 1])
            {
                j += 2;
            } else {
                break;
            }
        }
        let i0 = i;
        let run = &words[i..j];
        i = j;
        let initial = sentence_initial(text, block, run[0].span.start);
        // Trim stop words and particles at the ends, titles at the start.
        let mut a = 0;
        let mut b = run.len();
        let mut person = false;
        loop {
            if a < b && (is_stop(run[a].text) || PARTICLES.contains(&run[a].text)) {
                a += 1;
            } else if a + 1 < b && is_title(run[a].text) {
                person = true;
                a += 1;
            } else {
                break;
            }
        }
        while b > a && (is_stop(run[b - 1].text) || PARTICLES.contains(&run[b - 1].text)) {
            b -= 1;
        }
        // "Russian President Vladimir Putin": the name follows the last title.
        let org = run[a..b.max(a)]
            .iter()
            .any(|w| ORG_WORDS.contains(&w.text.to_lowercase().as_str()));
        if !org
            && b > a + 1
            && let Some(t) = (a..b - 1).rev().find(|&t| is_title(run[t].text))
        {
            a = t + 1;
            person = true;
            while a < b && (is_stop(run[a].text) || PARTICLES.contains(&run[a].text)) {
                a += 1;
            }
        }
        if a >= b || b - a > 5 || (b - a == 1 && is_title(run[a].text)) {
            continue;
        }
        let name = &run[a..b];
        let letters: usize = name.iter().map(|w| w.text.chars().count()).sum();
        if letters < 3 {
            continue;
        }
        let span = Span::new(name[0].span.start, name[name.len() - 1].span.end);
        let form = span
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut cues = Cues::default();
        if person {
            cues.person += 1;
        }
        if name
            .iter()
            .any(|w| ORG_WORDS.contains(&w.text.to_lowercase().as_str()))
        {
            cues.org += 1;
        }
        let lower = |k: Option<usize>| {
            k.and_then(|k| words.get(k))
                .map(|w| w.text.to_lowercase())
                .unwrap_or_default()
        };
        let first = i0 + a;
        let p = lower(first.checked_sub(1));
        let p2 = lower(first.checked_sub(2));
        let n = lower(Some(i0 + b));
        if PLACE_BEFORE.contains(&p.as_str())
            || (p == "of" && PLACE_WORDS.contains(&p2.as_str()))
            || PLACE_WORDS.contains(&n.as_str())
        {
            cues.place += 1;
        }
        let offset = span.start;
        let entry = out.forms.entry(form.clone()).or_insert_with(|| FormStats {
            count: 0,
            initial: 0,
            docs: BTreeSet::new(),
            context: ContextLine {
                doc: doc.to_owned(),
                offset,
                line: context_line(text, block, span),
            },
            cues: Cues::default(),
            keys: Keys::of(&form),
        });
        entry.count += 1;
        entry.initial += u64::from(initial && a == 0);
        entry.docs.insert(doc.to_owned());
        entry.cues.person += cues.person;
        entry.cues.place += cues.place;
        entry.cues.org += cues.org;
    }
}

/// Reads, decodes and counts every file, `jobs` threads at a time (0: one
/// per core), and merges the statistics. Files that cannot be read are
/// returned with the reason; the others are still counted.
pub fn collect(paths: &[PathBuf], jobs: usize) -> Result<(NameStats, Vec<(PathBuf, String)>)> {
    use rayon::prelude::*;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Error::io("thread pool", std::io::Error::other(e)))?;
    let results: Vec<std::result::Result<NameStats, (PathBuf, String)>> = pool.install(|| {
        paths
            .par_iter()
            .map(|p| {
                let bytes = std::fs::read(p).map_err(|e| (p.clone(), e.to_string()))?;
                let name = p.display().to_string();
                let source = crate::source::Source::decode_owned(&name, bytes, None)
                    .map_err(|e| (p.clone(), e.to_string()))?;
                Ok(NameStats::of_text(&name, &source.text))
            })
            .collect()
    });
    let mut all = NameStats::default();
    let mut failed = Vec::new();
    for r in results {
        match r {
            Ok(s) => all.merge(s),
            Err(f) => failed.push(f),
        }
    }
    Ok((all, failed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_titles_and_stop_words() {
        let s = NameStats::of_text(
            "t.txt",
            "Talks\n\nThe Foreign Minister Ilham Karimzade met officials in Vostokgrad. \
             Karimzade's visit to the Ministry of Water Resources was short.\n",
        );
        let forms: Vec<&str> = s.forms.keys().map(String::as_str).collect();
        assert!(forms.contains(&"Ilham Karimzade"), "{forms:?}");
        assert!(forms.contains(&"Karimzade"), "{forms:?}");
        assert!(forms.contains(&"Vostokgrad"), "{forms:?}");
        let s2 = NameStats::of_text(
            "t.txt",
            "Talks with Drovnian Prime Minister Ilham Karimzade in World War II.\n",
        );
        assert!(
            s2.forms.contains_key("Ilham Karimzade"),
            "{:?}",
            s2.forms.keys()
        );
        assert!(s2.forms.contains_key("World War"), "{:?}", s2.forms.keys());
        assert!(forms.contains(&"Ministry of Water Resources"), "{forms:?}");
        assert!(
            !forms
                .iter()
                .any(|f| f.starts_with("The") || f.contains("Foreign"))
        );
        assert_eq!(s.forms["Ilham Karimzade"].cues.person, 1);
        assert_eq!(s.forms["Vostokgrad"].cues.place, 1);
        assert_eq!(s.forms["Ministry of Water Resources"].cues.org, 1);
        assert!(s.lowercase.contains_key("officials"));
    }

    #[test]
    fn urls_and_bibliography_are_skipped() {
        let s = NameStats::of_text(
            "t.txt",
            "Body text mentions Zelbrova here.\n\nSee https://example.org/Qarnitsa for more.\n\nReferences\n\n1. Smithers J. Trolvany Studies. Oxford, 2001.\n",
        );
        assert!(s.forms.contains_key("Zelbrova"));
        assert!(
            !s.forms
                .keys()
                .any(|f| f.contains("Qarnitsa") || f.contains("Trolvany"))
        );
    }

    #[test]
    fn merging_is_order_free() {
        let a = NameStats::of_text("a.txt", "We meet Varzanov today. Varzanov left.\n");
        let b = NameStats::of_text("b.txt", "Then Varsanov came in Kelbor.\n");
        let mut ab = a.clone();
        ab.merge(b.clone());
        let mut ba = b;
        ba.merge(a);
        assert_eq!(ab, ba);
        assert_eq!(ab.forms["Varzanov"].count, 2);
        assert_eq!(ab.forms["Varzanov"].initial, 1);
        let back = NameStats::parse(&ab.to_json(), "x").unwrap();
        assert_eq!(back, ab);
    }
}
