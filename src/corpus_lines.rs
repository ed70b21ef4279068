//! Lines that recur across the documents of a batch: the way boilerplate is
//! found at scale. A site's menus, share bars, newsletter boxes and footers
//! come back on every page of the site, and the words of such furniture
//! ("Impressum", "Share this:", "Kommentar abschicken") come back across
//! sites too; an article's own lines almost never do.
//!
//! # Map and reduce
//!
//! [`LineStats::add_document`] is the map step: it counts each candidate
//! line of one document once, by a 64-bit fingerprint of its normalised
//! form. [`LineStats::merge`] is the reduce step: it adds the counts, and it
//! is associative and commutative, so shards counted on different machines
//! merge in any order to the statistics of the whole corpus (`emend
//! furniture count --emit-stats`, `emend furniture merge`). `emend convert
//! DIR` counts its inputs in a first pass by itself. Time is linear in the
//! corpus; memory is one `u64 → u32` entry per distinct short line.
//!
//! # What a line is
//!
//! A line without its list marker, folded to lower case, its words (runs of
//! letters and digits) joined by single spaces: "• Share this:" and "SHARE
//! THIS" are one line. Only short lines count ([`MAX_WORDS`] words, [`MAX_CHARS`]
//! characters) with at least one letter: a long line that recurs is quoted
//! text, not furniture, and a number alone says nothing.
//!
//! # Shard format
//!
//! ```text
//! { "emend_line_stats": 1, "documents": 990,
//!   "lines": { "9f0c1a2b3c4d5e6f": 37, ... } }
//! ```
//!
//! `lines` maps the fingerprint (16 hex digits, FNV-1a of the normalised
//! line) to the number of documents holding the line.

use crate::error::{Error, Result};
use crate::hash::Fnv;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Format version of a shard.
pub const STATS_VERSION: u32 = 1;
/// Most words of a line that is counted.
pub const MAX_WORDS: usize = 12;
/// Most characters of a line that is counted.
pub const MAX_CHARS: usize = 160;
/// Fewest documents in the corpus before recurrence is evidence at all.
pub const MIN_DOCUMENTS: u64 = 10;
/// Fewest documents a line must recur in.
pub const MIN_RECURRENCE: u64 = 3;
/// Of every this many documents, a line must recur in at least one.
pub const RECURRENCE_SHARE: u64 = 200;

/// How many documents of a corpus hold each short line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineStats {
    documents: u64,
    counts: HashMap<u64, u32>,
}

/// The fingerprint of `line` when it is a candidate: short, with a letter.
pub fn fingerprint(line: &str) -> Option<u64> {
    let core = line.trim();
    if core.chars().count() > MAX_CHARS {
        return None;
    }
    let mut h = Fnv::default();
    let mut words = 0;
    let mut letter = false;
    let mut in_word = false;
    let mut buf = [0u8; 4];
    for c in core.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                words += 1;
                if words > MAX_WORDS {
                    return None;
                }
                if words > 1 {
                    h.write(b" ");
                }
                in_word = true;
            }
            letter |= !c.is_numeric();
            for l in c.to_lowercase() {
                h.write(l.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            in_word = false;
        }
    }
    letter.then_some(h.0 ^ words as u64)
}

/// The candidate lines of one document, once each; list markers and
/// symbols at a line's start are no part of the line.
fn document_lines(text: &str) -> HashSet<u64> {
    text.lines().filter_map(fingerprint).collect()
}

impl LineStats {
    /// The statistics of one document (the map step).
    pub fn of_text(text: &str) -> Self {
        let mut s = LineStats::default();
        s.add_document(text);
        s
    }

    /// Counts one more document.
    pub fn add_document(&mut self, text: &str) {
        self.documents += 1;
        for fp in document_lines(text) {
            *self.counts.entry(fp).or_default() += 1;
        }
    }

    /// Adds another shard's counts (the reduce step).
    pub fn merge(&mut self, other: LineStats) {
        self.documents += other.documents;
        if self.counts.len() < other.counts.len() {
            let mine = std::mem::replace(&mut self.counts, other.counts);
            for (fp, n) in mine {
                *self.counts.entry(fp).or_default() += n;
            }
        } else {
            for (fp, n) in other.counts {
                *self.counts.entry(fp).or_default() += n;
            }
        }
    }

    /// Documents counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// Documents holding `line` (0 for a line that is no candidate).
    pub fn documents_with(&self, line: &str) -> u64 {
        fingerprint(line)
            .and_then(|fp| self.counts.get(&fp))
            .map_or(0, |&n| u64::from(n))
    }

    /// Documents a line must recur in to be furniture: at least
    /// [`MIN_RECURRENCE`] and one in [`RECURRENCE_SHARE`]; `None` for a
    /// corpus too small to tell ([`MIN_DOCUMENTS`]).
    pub fn threshold(&self) -> Option<u64> {
        (self.documents >= MIN_DOCUMENTS)
            .then(|| MIN_RECURRENCE.max(self.documents.div_ceil(RECURRENCE_SHARE)))
    }

    /// When `line` recurs often enough to be furniture: the documents that
    /// hold it. A line of one word must recur in three times the threshold's
    /// documents, of two words in twice as many: short lines meet by chance
    /// ("Mission", "Conclusion" head many texts).
    pub fn recurrent(&self, line: &str) -> Option<u64> {
        let k = self.threshold()?;
        let n = self.documents_with(line);
        let factor = match line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
        {
            1 => 3,
            2 => 2,
            _ => 1,
        };
        (n >= k * factor).then_some(n)
    }

    /// A short digest of the statistics, for build ids.
    pub fn digest(&self) -> String {
        let mut h = Fnv::default();
        h.write(&self.documents.to_le_bytes());
        let mut entries: Vec<(&u64, &u32)> = self.counts.iter().collect();
        entries.sort_unstable();
        for (fp, n) in entries {
            h.write(&fp.to_le_bytes());
            h.write(&n.to_le_bytes());
        }
        h.hex()
    }

    /// The shard as JSON, its lines sorted.
    pub fn to_json(&self) -> String {
        let shard = Shard {
            emend_line_stats: STATS_VERSION,
            documents: self.documents,
            lines: self
                .counts
                .iter()
                .map(|(fp, n)| (format!("{fp:016x}"), *n))
                .collect(),
        };
        serde_json::to_string(&shard).unwrap_or_default() + "\n"
    }

    /// Reads a shard written by [`LineStats::to_json`].
    pub fn from_json(json: &str, name: &str) -> Result<Self> {
        let data = |line, column, message| Error::Data {
            path: name.to_owned(),
            line,
            column,
            message,
        };
        let shard: Shard = serde_json::from_str(json).map_err(|e| {
            data(
                e.line(),
                e.column(),
                format!("not emend line statistics: {e}"),
            )
        })?;
        if shard.emend_line_stats != STATS_VERSION {
            return Err(data(
                1,
                1,
                format!(
                    "line statistics version {} (this emend reads {STATS_VERSION})",
                    shard.emend_line_stats
                ),
            ));
        }
        let mut counts = HashMap::with_capacity(shard.lines.len());
        for (key, n) in shard.lines {
            let fp = u64::from_str_radix(&key, 16)
                .map_err(|_| data(1, 1, format!("bad line fingerprint {key:?}")))?;
            counts.insert(fp, n);
        }
        Ok(LineStats {
            documents: shard.documents,
            counts,
        })
    }

    /// Reads a shard file.
    pub fn load(path: &Path) -> Result<Self> {
        let json = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::from_json(&json, &path.display().to_string())
    }

    /// Counts the files `paths`, `jobs` at a time (0: one per core), read
    /// in `encoding` (`None`: detected): each file mapped on its own, the
    /// shards reduced. Files that cannot be read or decoded are listed, not
    /// counted.
    pub fn collect(
        paths: &[PathBuf],
        jobs: usize,
        encoding: Option<&str>,
    ) -> Result<(Self, Vec<(PathBuf, String)>)> {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Error::io("thread pool", std::io::Error::other(e)))?;
        let (all, failed) = pool.install(|| {
            paths
                .par_iter()
                .map(|p| {
                    let mut s = (LineStats::default(), Vec::new());
                    let read = std::fs::read(p).map_err(|e| e.to_string()).and_then(|b| {
                        crate::source::Source::decode_owned(&p.display().to_string(), b, encoding)
                            .map_err(|e| e.to_string())
                    });
                    match read {
                        Ok(source) => s.0.add_document(&source.text),
                        Err(e) => s.1.push((p.clone(), e)),
                    }
                    s
                })
                .reduce(
                    || (LineStats::default(), Vec::new()),
                    |mut a, b| {
                        a.0.merge(b.0);
                        a.1.extend(b.1);
                        a
                    },
                )
        });
        let mut failed = failed;
        failed.sort();
        Ok((all, failed))
    }
}

#[derive(Serialize, Deserialize)]
struct Shard {
    emend_line_stats: u32,
    documents: u64,
    lines: BTreeMap<String, u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_normalised() {
        assert_eq!(fingerprint("  • Share this:"), fingerprint("SHARE THIS"));
        assert_ne!(fingerprint("200 g sugar"), fingerprint("100 g sugar"));
        assert_ne!(fingerprint("Share this"), fingerprint("Share that"));
        assert_eq!(fingerprint("2020-01-13"), None);
        assert_eq!(fingerprint("* * *"), None);
        let long = "word ".repeat(MAX_WORDS + 1);
        assert_eq!(fingerprint(&long), None);
    }

    #[test]
    fn a_document_counts_a_line_once() {
        let s = LineStats::of_text("Home\nHome\nNews\n");
        assert_eq!(s.documents(), 1);
        assert_eq!(s.documents_with("home"), 1);
    }

    #[test]
    fn merging_shards_gives_the_whole_corpus() {
        let docs: Vec<String> = (0..30)
            .map(|i| format!("Home\nStory number {i} of the day\nShare this:\n"))
            .collect();
        let mut whole = LineStats::default();
        docs.iter().for_each(|d| whole.add_document(d));
        let mut a = LineStats::default();
        let mut b = LineStats::default();
        docs[..11].iter().for_each(|d| a.add_document(d));
        docs[11..].iter().for_each(|d| b.add_document(d));
        let mut ba = b.clone();
        ba.merge(a.clone());
        a.merge(b);
        assert_eq!(a, whole);
        assert_eq!(ba, whole);
        assert_eq!(whole.recurrent("• Share this"), Some(30));
        assert_eq!(whole.recurrent("Home"), Some(30));
        assert_eq!(whole.recurrent("Story number 4 of the day"), None);
        assert_eq!(whole.recurrent("Somewhere else"), None);
    }

    #[test]
    fn small_corpora_give_no_evidence() {
        let mut s = LineStats::default();
        (0..MIN_DOCUMENTS - 1).for_each(|_| s.add_document("Back to top\n"));
        assert_eq!(s.threshold(), None);
        s.add_document("Back to top\n");
        assert_eq!(s.threshold(), Some(MIN_RECURRENCE));
        assert_eq!(s.recurrent("Back to top"), Some(MIN_DOCUMENTS));
    }

    #[test]
    fn shards_round_trip_through_json() {
        let s = LineStats::of_text("Home\nNews\n");
        let back = LineStats::from_json(&s.to_json(), "s.json").expect("shard");
        assert_eq!(back, s);
        assert_eq!(back.digest(), s.digest());
        assert!(LineStats::from_json("{}", "x.json").is_err());
    }
}
