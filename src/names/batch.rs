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
use crate::names::fold::fold;
use foldhash::HashMap;
use std::path::PathBuf;

/// The documents of the batch writing each capitalised word (letters only,
/// as written), by their number in the batch, and the number of documents.
#[derive(Debug, Default, Clone)]
pub struct NameCounts {
    documents: u64,
    words: HashMap<String, Vec<u32>>,
    /// Each capitalised word's paragraphs: (document, paragraph, times
    /// written there), in the order counted.
    places: HashMap<String, Vec<(u32, u32, u32)>>,
    /// Each document's number of paragraphs.
    paragraphs: HashMap<u32, u32>,
    /// The names written as two words ("Dong Yilong"), by their letters
    /// glued and folded ("dongyilong"): where one translation glues a
    /// name the others write apart, its one word finds their two.
    apart: HashMap<String, Vec<String>>,
    /// Two names joined by a hyphen ("Yichang-Wanzhou", a route by its
    /// ends), by the first: where one translation writes a route by an
    /// abbreviation and names one end only, the others' route names both.
    /// At most [`MAX_JOINED`] a word.
    joined: HashMap<String, Vec<String>>,
}

/// Most hyphenated pairs kept for one first word: a city at the head of
/// many routes ("Beijing-Tianjin", "Beijing-Shanghai") gives an
/// abbreviation too many to choose from, and the lookups stay bounded.
const MAX_JOINED: usize = 8;

/// Below this many documents a batch tells nothing about spellings.
pub const MIN_DOCUMENTS: u64 = 10;

/// The documents of a batch about the same thing as one document: those that
/// write at least two of its rarer names (other translations of the same
/// text, follow-ups of one story). Their spellings are the evidence; the
/// batch as a whole is not (on a thousand unrelated web pages "Twitter" is
/// frequent, and says nothing about "Tweeter" in one of them).
#[derive(Debug, Default)]
pub struct Related {
    docs: foldhash::HashSet<u32>,
}

impl Related {
    /// How many of the related documents write `word`.
    pub fn documents_with(&self, counts: &NameCounts, word: &str) -> u32 {
        counts.words.get(word).map_or(0, |ds| {
            ds.iter().filter(|d| self.docs.contains(d)).count() as u32
        })
    }

    /// How many of the related documents have `paragraphs` paragraphs:
    /// translations of the same text, a segment a paragraph, whose
    /// paragraphs say the same thing in the same order.
    pub fn aligned(&self, counts: &NameCounts, paragraphs: u32) -> u32 {
        self.docs
            .iter()
            .filter(|d| counts.paragraphs.get(d) == Some(&paragraphs))
            .count() as u32
    }

    /// How many of the related documents of `paragraphs` paragraphs write
    /// `word` in their paragraph `paragraph` (see [`Related::aligned`]).
    pub fn aligned_with(&self, counts: &NameCounts, word: &str, place: (u32, u32)) -> u32 {
        self.aligned_with_more_than(counts, word, place, 0)
    }

    /// How many of the related documents of `paragraphs` paragraphs write
    /// `word` more than `times` times in their paragraph `paragraph`: where
    /// one translation writes a name once beside a garble and the others
    /// write it twice, the garble stands in the name's second place.
    pub fn aligned_with_more_than(
        &self,
        counts: &NameCounts,
        word: &str,
        (paragraph, paragraphs): (u32, u32),
        times: u32,
    ) -> u32 {
        let Some(places) = counts.places.get(word) else {
            return 0;
        };
        let mut docs: Vec<u32> = places
            .iter()
            .filter(|&&(d, p, k)| {
                p == paragraph
                    && k > times
                    && self.docs.contains(&d)
                    && counts.paragraphs.get(&d) == Some(&paragraphs)
            })
            .map(|&(d, _, _)| d)
            .collect();
        docs.dedup();
        docs.len() as u32
    }

    /// How many documents are related.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True if no document is related.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

impl NameCounts {
    /// Counts one document: each capitalised word of three letters or more
    /// once.
    pub fn add_document(&mut self, text: &str) {
        let id = self.documents as u32;
        self.add_numbered(id, text);
        self.documents += 1;
    }

    /// Counts the document numbered `id` in the batch: its capitalised
    /// words, and its pairs of them written one space apart ("Liang Yun"),
    /// so that a name written as two words can be weighed against the same
    /// name glued ("Liangyun").
    fn add_numbered(&mut self, id: u32, text: &str) {
        let mut seen: foldhash::HashSet<&str> = Default::default();
        let starts = paragraph_starts(text);
        // each (word, paragraph) in the order met, and how often written
        let mut placed: foldhash::HashMap<(&str, u32), usize> = Default::default();
        let mut order: Vec<((&str, u32), u32)> = Vec::new();
        for (k, w) in names_with_offsets(text) {
            if seen.insert(w) {
                self.words.entry(w.to_owned()).or_default().push(id);
            }
            let p = paragraph_of(&starts, k);
            let at = *placed.entry((w, p)).or_insert_with(|| {
                order.push(((w, p), 0));
                order.len() - 1
            });
            order[at].1 += 1;
        }
        for ((w, p), times) in order {
            // most words are met again: no key is copied for them
            match self.places.get_mut(w) {
                Some(at) => at.push((id, p, times)),
                None => {
                    self.places.insert(w.to_owned(), vec![(id, p, times)]);
                }
            }
        }
        self.paragraphs.insert(id, starts.len() as u32);
        let mut pairs: foldhash::HashSet<&str> = Default::default();
        let mut hyphened: foldhash::HashSet<&str> = Default::default();
        for (p, first) in joined_names(text) {
            if hyphened.insert(p) {
                let ds = self.words.entry(p.to_owned()).or_default();
                if ds.is_empty() {
                    let pairs = self.joined.entry(first.to_owned()).or_default();
                    if pairs.len() < MAX_JOINED {
                        pairs.push(p.to_owned());
                    }
                }
                ds.push(id);
            }
        }
        for p in two_word_names(text) {
            if pairs.insert(p) {
                let ds = self.words.entry(p.to_owned()).or_default();
                if ds.is_empty() {
                    self.apart
                        .entry(fold(&p.replace(' ', "")))
                        .or_default()
                        .push(p.to_owned());
                }
                ds.push(id);
            }
        }
    }

    /// The documents related to one whose text is `text` (see [`Related`]):
    /// those writing two or more, and a third ([`SHARED_PART`]), of its
    /// names that at most one document in [`RARE_SHARE`] writes. The document itself is among them when it is
    /// part of the batch.
    pub fn related(&self, text: &str) -> Related {
        let rare = (self.documents / RARE_SHARE).max(MIN_RARE);
        let mut seen: foldhash::HashSet<&str> = Default::default();
        let mut shared: HashMap<u32, u32> = HashMap::default();
        let mut rare_names = 0;
        for w in names_of(text) {
            if !seen.insert(w) {
                continue;
            }
            if let Some(ds) = self.words.get(w).filter(|ds| ds.len() as u64 <= rare) {
                rare_names += 1;
                for d in ds {
                    *shared.entry(*d).or_default() += 1;
                }
            }
        }
        // two names, and a good share of them: another translation of the
        // text writes most of its names, an unrelated page one or two
        let least = (rare_names / SHARED_PART).max(2);
        Related {
            docs: shared
                .into_iter()
                .filter(|&(_, n)| n >= least)
                .map(|(d, _)| d)
                .collect(),
        }
    }
    /// The counts of two shards together (document numbers are the
    /// batch's, given by [`NameCounts::collect`]).
    pub fn merge(&mut self, other: NameCounts) {
        self.documents += other.documents;
        for (w, ds) in other.words {
            let mine = self.words.entry(w).or_default();
            mine.extend(ds);
            mine.sort_unstable();
        }
        for (w, ps) in other.places {
            let mine = self.places.entry(w).or_default();
            mine.extend(ps);
            mine.sort_unstable();
        }
        self.paragraphs.extend(other.paragraphs);
        for (k, ps) in other.joined {
            let mine = self.joined.entry(k).or_default();
            mine.extend(ps);
            mine.sort_unstable();
            mine.dedup();
            mine.truncate(MAX_JOINED);
        }
        for (k, ps) in other.apart {
            let mine = self.apart.entry(k).or_default();
            mine.extend(ps);
            mine.sort_unstable();
            mine.dedup();
        }
    }

    /// The names the batch writes as two words one space apart whose
    /// letters, glued and folded (see [`fold`]), are `glued`.
    pub fn written_apart(&self, glued: &str) -> &[String] {
        self.apart.get(glued).map_or(&[], Vec::as_slice)
    }

    /// The pairs of names the batch writes joined by a hyphen whose first
    /// is `first` ("Yichang-Wanzhou" for "Yichang").
    pub fn joined_from(&self, first: &str) -> &[String] {
        self.joined.get(first).map_or(&[], Vec::as_slice)
    }

    /// How many documents write `word` (one capitalised word, or two
    /// one space apart).
    pub fn documents_with(&self, word: &str) -> u32 {
        self.words.get(word).map_or(0, |ds| ds.len() as u32)
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
        let mut words: Vec<(&String, &Vec<u32>)> = self.words.iter().collect();
        words.sort();
        let mut h = crate::hash::Fnv::default();
        h.write(&self.documents.to_le_bytes());
        for (w, ds) in words {
            h.write(w.as_bytes());
            for d in ds {
                h.write(&d.to_le_bytes());
            }
        }
        let mut paragraphs: Vec<(&u32, &u32)> = self.paragraphs.iter().collect();
        paragraphs.sort();
        for (d, n) in paragraphs {
            h.write(&d.to_le_bytes());
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
                .enumerate()
                .map(|(id, p)| {
                    let mut counts = NameCounts {
                        documents: 1,
                        ..Default::default()
                    };
                    if let Ok(source) = std::fs::read(p).map_err(|e| e.to_string()).and_then(|b| {
                        crate::source::Source::decode_owned(&p.display().to_string(), b, encoding)
                            .map_err(|e| e.to_string())
                    }) {
                        counts.add_numbered(id as u32, &source.text);
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

/// A name is rare in a batch when at most one document in this many writes it.
const RARE_SHARE: u64 = 50;
/// A related document writes at least one in this many of a document's rare
/// names.
const SHARED_PART: u32 = 3;
/// ... or at most this many documents, in a small batch.
const MIN_RARE: u64 = 5;

/// The capitalised words of three letters or more of `text`.
fn names_of(text: &str) -> impl Iterator<Item = &str> {
    names_with_offsets(text).map(|(_, w)| w)
}

/// [`names_of`] with each word's byte offset.
fn names_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    capitalised_words(text)
        .filter(|(_, w)| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
}

/// Where each paragraph of `text` starts: its first line that is not
/// blank after one or more blank lines (or the first of the text). A
/// translation of news writes a segment a paragraph, so the paragraphs of
/// two translations of one text correspond in order.
pub fn paragraph_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut blank_before = true;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if !blank && blank_before {
            starts.push(at);
        }
        blank_before = blank;
        at += line.len();
    }
    starts
}

/// The paragraph (by [`paragraph_starts`]) holding byte `offset`.
pub fn paragraph_of(starts: &[usize], offset: usize) -> u32 {
    starts.partition_point(|&s| s <= offset).saturating_sub(1) as u32
}

/// Two capitalised words of letters one space apart ("Liang Yun",
/// "Hong Sen"), as one slice of `text`.
fn two_word_names(text: &str) -> impl Iterator<Item = &str> {
    let letters = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    let mut prev: Option<(usize, &str)> = None;
    capitalised_words(text).filter_map(move |(k, w)| {
        let pair = prev
            .filter(|&(pk, pw)| pk + pw.len() + 1 == k && &text[pk + pw.len()..k] == " ")
            .filter(|&(_, pw)| letters(pw) && letters(w))
            .map(|(pk, _)| &text[pk..k + w.len()]);
        prev = Some((k, w));
        pair
    })
}

/// The pairs of capitalised words of `text` joined by a hyphen
/// ("Yichang-Wanzhou"), each with its first word.
fn joined_names(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let letters = |w: &str| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic);
    let mut prev: Option<(usize, &str)> = None;
    capitalised_words(text).filter_map(move |(k, w)| {
        let pair = prev
            .filter(|&(pk, pw)| pk + pw.len() + 1 == k && &text[pk + pw.len()..k] == "-")
            .filter(|&(_, pw)| letters(pw) && letters(w))
            .map(|(pk, pw)| (&text[pk..k + w.len()], pw));
        prev = Some((k, w));
        pair
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_joined_by_a_hyphen_are_found_by_their_first() {
        let mut c = NameCounts::default();
        c.add_document("The Yichang-Wanzhou Railway crosses Qingjiang.");
        c.add_document("The Yichang-Wanzhou line. The e-mail of Yichang.");
        assert_eq!(c.joined_from("Yichang"), ["Yichang-Wanzhou"]);
        assert_eq!(c.documents_with("Yichang-Wanzhou"), 2);
        assert!(c.joined_from("Wanzhou").is_empty());
    }

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
    fn two_capitalised_words_one_space_apart_are_counted_as_a_pair() {
        let mut c = NameCounts::default();
        c.add_document("Liang Yun met Hong Sen. Liang Yun left; Dai, Tianfu stayed.");
        c.add_document("Liangyun met Hongsen.");
        assert_eq!(c.documents_with("Liang Yun"), 1);
        assert_eq!(c.documents_with("Hong Sen"), 1);
        assert_eq!(c.documents_with("Liangyun"), 1);
        assert_eq!(
            c.documents_with("Dai Tianfu"),
            0,
            "a comma between is no name"
        );
        assert_eq!(c.documents_with("Sen Liang"), 0, "a full stop between");
        assert_eq!(c.written_apart("liangyun"), ["Liang Yun"]);
        assert_eq!(c.written_apart("hongsen"), ["Hong Sen"]);
        assert!(c.written_apart("liang").is_empty());
    }

    #[test]
    fn related_documents_share_two_rare_names() {
        let mut c = NameCounts::default();
        for _ in 0..20 {
            c.add_document("Twitter and Paris");
        }
        c.add_document("Golosheikin met Zhuokang in Paris");
        c.add_document("Golosheykin met Zhuokang on Twitter");
        c.add_document("Golosheikin alone on Twitter");
        let r = c.related("Golosheikin and Golosheykin met Zhuokang; Tweeter");
        assert_eq!(r.len(), 2, "the two documents sharing two rare names");
        assert_eq!(r.documents_with(&c, "Golosheikin"), 1);
        assert_eq!(r.documents_with(&c, "Twitter"), 1);
        assert!(c.related("Tweeter and Paris").is_empty());
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let t = "One line.\nStill one.\n\n  \nTwo.\n\nThree.";
        let starts = paragraph_starts(t);
        assert_eq!(starts.len(), 3);
        assert_eq!(paragraph_of(&starts, t.find("Still").unwrap()), 0);
        assert_eq!(paragraph_of(&starts, t.find("Two").unwrap()), 1);
        assert_eq!(paragraph_of(&starts, t.find("Three").unwrap()), 2);
    }

    #[test]
    fn aligned_documents_are_read_paragraph_by_paragraph() {
        let mut c = NameCounts::default();
        for _ in 0..20 {
            c.add_document("Twitter and Paris");
        }
        c.add_document("Golmud met Zhuokang.\n\nRain in Golmud.");
        c.add_document("Golmud met Zhuokang.\n\nRain in Germu.");
        c.add_document("Golmud met Zhuokang in one paragraph.");
        let r = c.related("Golmud met Zhuokang.\n\nRain in Germu.");
        assert_eq!(r.len(), 3);
        assert_eq!(
            r.aligned(&c, 2),
            2,
            "the one of one paragraph is not aligned"
        );
        assert_eq!(r.aligned_with(&c, "Golmud", (1, 2)), 1);
        assert_eq!(r.aligned_with(&c, "Germu", (1, 2)), 1);
        assert_eq!(r.aligned_with(&c, "Golmud", (0, 2)), 2);
    }

    #[test]
    fn a_word_written_twice_in_a_paragraph_is_counted_twice_there() {
        let mut c = NameCounts::default();
        for _ in 0..20 {
            c.add_document("Twitter and Paris");
        }
        c.add_document("Ningxia and Zhuokang.\n\nRich Ningxia; through Ningxia.");
        c.add_document("Ningxia and Zhuokang.\n\nRich Ningxia; through Ningxia.");
        c.add_document("Ningxia and Zhuokang.\n\nFulingxia; through Ningxia.");
        let r = c.related("Ningxia and Zhuokang.\n\nFulingxia; through Ningxia.");
        assert_eq!(r.aligned_with(&c, "Ningxia", (1, 2)), 3);
        assert_eq!(r.aligned_with_more_than(&c, "Ningxia", (1, 2), 1), 2);
        assert_eq!(r.aligned_with_more_than(&c, "Ningxia", (1, 2), 2), 0);
        assert_eq!(r.aligned_with_more_than(&c, "Ningxia", (0, 2), 1), 0);
    }

    #[test]
    fn shards_merge_to_the_whole() {
        let docs = ["Sergey and Anna", "Sergei and Anna", "Sergey alone"];
        let mut whole = NameCounts::default();
        docs.iter().for_each(|d| whole.add_document(d));
        // shards number their documents as the batch does
        let (mut a, mut b) = (NameCounts::default(), NameCounts::default());
        a.add_numbered(0, docs[0]);
        a.documents = 1;
        b.add_numbered(1, docs[1]);
        b.add_numbered(2, docs[2]);
        b.documents = 2;
        a.merge(b);
        assert_eq!(a.documents(), 3);
        assert_eq!(a.documents_with("Sergey"), 2);
        assert_eq!(a.documents_with("Anna"), 2);
        assert_eq!(a.digest(), whole.digest());
    }

    #[test]
    fn shards_merge_the_names_written_apart_once_each() {
        let docs = ["Dong Yilong spoke", "Dong Yilong left", "Dongyi Long"];
        let (mut a, mut b) = (NameCounts::default(), NameCounts::default());
        a.add_numbered(0, docs[0]);
        b.add_numbered(1, docs[1]);
        b.add_numbered(2, docs[2]);
        a.merge(b);
        assert_eq!(
            a.written_apart("dongyilong"),
            ["Dong Yilong", "Dongyi Long"]
        );
    }
}
