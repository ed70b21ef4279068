//! How many documents of a batch write each capitalised word: the spelling
//! the other documents agree on, as evidence for one document's variants.
//!
//! A batch of machine translations holds the same news translated by many
//! systems (and often the same names in many articles). Inside one document
//! two spellings of a name are often written once or twice each, too few to
//! tell which is the slip; across the batch the spelling most translations
//! agree on stands out ("Dmitry" in 36 documents, "Dmitri" in 2). The
//! same-document rule ([`crate::passes::names`]) reads these counts to choose
//! the direction of a rewrite between two spellings the document itself
//! writes; a spelling is never rewritten on batch counts alone.
//!
//! [`NameCounts::add_document`] is the map step (each document counts a word
//! once), [`NameCounts::merge`] the reduce step, [`NameCounts::collect`] both
//! over files, in parallel.

use crate::error::{Error, Result};
use crate::names::context::capitalised_words;
use foldhash::HashMap;
use std::path::PathBuf;

/// Documents of the batch writing each capitalised word (letters only, as
/// written), and the number of documents.
#[derive(Debug, Default, Clone)]
pub struct NameCounts {
    documents: u64,
    words: HashMap<String, u32>,
}

/// Below this many documents a batch tells nothing about spellings.
pub const MIN_DOCUMENTS: u64 = 10;

impl NameCounts {
    /// Counts one document: each capitalised word of three letters or more
    /// once.
    pub fn add_document(&mut self, text: &str) {
        self.documents += 1;
        let mut seen: foldhash::HashSet<&str> = Default::default();
        for (_, w) in capitalised_words(text) {
            if w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) && seen.insert(w) {
                *self.words.entry(w.to_owned()).or_default() += 1;
            }
        }
    }

    /// The counts of two shards together.
    pub fn merge(&mut self, other: NameCounts) {
        self.documents += other.documents;
        if self.words.len() < other.words.len() {
            let mine = std::mem::replace(&mut self.words, other.words);
            for (w, n) in mine {
                *self.words.entry(w).or_default() += n;
            }
        } else {
            for (w, n) in other.words {
                *self.words.entry(w).or_default() += n;
            }
        }
    }

    /// How many documents write `word`.
    pub fn documents_with(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// True if the batch is large enough for its counts to be evidence.
    pub fn is_evidence(&self) -> bool {
        self.documents >= MIN_DOCUMENTS
    }

    /// A digest of the counts, for the engine's build id (outputs made
    /// without them, or with others, are not taken for up to date).
    pub fn digest(&self) -> String {
        let mut words: Vec<(&String, &u32)> = self.words.iter().collect();
        words.sort();
        let mut h = crate::hash::Fnv::default();
        h.write(&self.documents.to_le_bytes());
        for (w, n) in words {
            h.write(w.as_bytes());
            h.write(&n.to_le_bytes());
        }
        h.hex()
    }

    /// Counts the files `paths`, `jobs` at a time (0: one per core), read in
    /// `encoding` (`None`: detected). A file that cannot be read is left out
    /// (its conversion reports it).
    pub fn collect(paths: &[PathBuf], jobs: usize, encoding: Option<&str>) -> Result<Self> {
        use rayon::prelude::*;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| Error::io("thread pool", std::io::Error::other(e)))?;
        Ok(pool.install(|| {
            paths
                .par_iter()
                .map(|p| {
                    let mut counts = NameCounts::default();
                    if let Ok(source) = std::fs::read(p).map_err(|e| e.to_string()).and_then(|b| {
                        crate::source::Source::decode_owned(&p.display().to_string(), b, encoding)
                            .map_err(|e| e.to_string())
                    }) {
                        counts.add_document(&source.text);
                    }
                    counts
                })
                .reduce(NameCounts::default, |mut a, b| {
                    a.merge(b);
                    a
                })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_counts_a_word_once() {
        let mut c = NameCounts::default();
        c.add_document("Dmitry met Dmitry. Then Dmitri left.");
        c.add_document("Dmitry stayed in Kyiv.");
        assert_eq!(c.documents(), 2);
        assert_eq!(c.documents_with("Dmitry"), 2);
        assert_eq!(c.documents_with("Dmitri"), 1);
        assert_eq!(
            c.documents_with("met"),
            0,
            "lowercase words are not counted"
        );
        assert_eq!(c.documents_with("Kyiv"), 1);
    }

    #[test]
    fn shards_merge_to_the_whole() {
        let docs = ["Sergey and Anna", "Sergei and Anna", "Sergey alone"];
        let mut whole = NameCounts::default();
        docs.iter().for_each(|d| whole.add_document(d));
        let (mut a, mut b) = (NameCounts::default(), NameCounts::default());
        a.add_document(docs[0]);
        b.add_document(docs[1]);
        b.add_document(docs[2]);
        a.merge(b);
        assert_eq!(a.documents(), 3);
        assert_eq!(a.documents_with("Sergey"), 2);
        assert_eq!(a.documents_with("Anna"), 2);
        assert_eq!(a.digest(), whole.digest());
    }
}
