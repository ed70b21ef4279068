//! Learning a phrase pack of MT-isms: word sequences that machine
//! translations produce and human text of the same domain does not.
//!
//! Both sides are counted as n-grams of lowercase words (see
//! [`super::ngrams`]: names and numbers end a run, they belong to one story
//! and not to a way of writing). A machine n-gram is an MT-ism when
//!
//! - it occurs at least `min_count` times, in at least `min_versions`
//!   machine versions (systems) and `min_docs` documents: one system's
//!   quirk or one story's term is not a habit of machine translation;
//! - its rate in the machine text is at least `e^min_ratio` times its rate
//!   in the human text, rates smoothed by half an occurrence (so a phrase
//!   people never write still gets a finite ratio, one they write a few
//!   times a lower one);
//! - not all of its words are among the commonest words of the human
//!   text (a preference for "of the" is style, not an error);
//! - no shorter MT-ism lies inside it (the shorter says it all), unless
//!   only the longer one has a counterpart.
//!
//! A pack phrase needs a replacement, and a replacement is only learned
//! where the human side shows one: the n-gram (of three words or more)
//! with one inner word left open (an open first or last word would let the
//! replacement clash with the words around the match: "the relevant person"
//! made "the the person") occurs at least three times in the human text,
//! and one filler takes at least 60 % of those occurrences while the
//! machine's own filler takes at most a tenth (so "the epidemic prevention
//! work" facing human "the epidemic control work" gives that word; a
//! context where people write many words gives none). The open word's
//! context must hold a word that is not among the commonest. Where the
//! two sides are translations of the same documents, paragraph by
//! paragraph (the same number of paragraphs in a document of either side),
//! the aligned human paragraphs are read too: if, where the machine writes
//! the MT-ism, the human paragraph has the same words with one inner word
//! changed, at least three times in two documents and one change in 60 %
//! of such cases, that change is the counterpart. MT-isms
//! without a counterpart are listed in the pack as comments for a reviewer:
//! a phrase that only says "suspicious" cannot be an edit.
//!
//! Every phrase learned is a proposal (confidence below 0.8, growing with
//! the ratio): it comes from counts, not from reading the sentence.

use super::ngrams::{BREAK, Gram, MAX_N, Vocab, each_gram, len, tokenize};
use foldhash::{HashMap, HashSet};
use std::fmt::Write as _;

/// The smoothing of both sides' counts, in occurrences.
const SMOOTHING: f64 = 0.5;
/// How many of the human text's commonest words count as function words,
/// at most: a tenth of its distinct words in a small text.
const FUNCTION_WORDS: usize = 100;
/// Least number of human occurrences of a context with one word open for
/// its commonest filler to be a counterpart.
const MIN_CONTEXT: u32 = 3;
/// Least share of the commonest filler among them.
const MIN_SHARE: f64 = 0.6;
/// Most share of the machine's own filler among them.
const MAX_OWN_SHARE: f64 = 0.1;
/// The confidence of the weakest learned phrase and the bound the
/// strongest approach: always below the default apply threshold.
const CONFIDENCE: (f64, f64) = (0.5, 0.75);
/// An open slot in a context pattern.
const WILD: u32 = u32::MAX;

/// What counts as an MT-ism (see the module documentation).
#[derive(Debug, Clone)]
pub struct LearnOptions {
    /// Shortest n-gram, in words (at least 2).
    pub min_n: usize,
    /// Longest n-gram, in words (at most [`MAX_N`]).
    pub max_n: usize,
    /// Least number of occurrences in the machine text.
    pub min_count: u32,
    /// Least number of machine versions it occurs in.
    pub min_versions: u32,
    /// Least number of documents it occurs in.
    pub min_docs: u32,
    /// Least natural log of the ratio of its machine and human rates.
    pub min_ratio: f64,
}

impl Default for LearnOptions {
    fn default() -> Self {
        LearnOptions {
            min_n: 2,
            max_n: MAX_N,
            min_count: 10,
            min_versions: 3,
            min_docs: 5,
            min_ratio: 2.0,
        }
    }
}

/// One document's tokens.
#[derive(Debug)]
struct Doc {
    version: u32,
    doc: u32,
    tokens: Vec<u32>,
    /// Where each paragraph starts in `tokens`.
    paragraphs: Vec<usize>,
}

impl Doc {
    /// The tokens of paragraph `k`.
    fn paragraph(&self, k: usize) -> &[u32] {
        let end = self
            .paragraphs
            .get(k + 1)
            .copied()
            .unwrap_or(self.tokens.len());
        self.paragraphs
            .get(k)
            .map_or(&[], |&s| &self.tokens[s..end])
    }
}

/// The texts of both sides, tokenized.
#[derive(Debug, Default)]
pub struct Corpus {
    vocab: Vocab,
    machine: Vec<Doc>,
    human: Vec<Doc>,
    doc_ids: HashMap<String, u32>,
    machine_versions: HashSet<u32>,
    human_versions: HashSet<u32>,
}

impl Corpus {
    /// Adds a machine translation: document `doc` (the same name in every
    /// version is the same document) of machine version `version`.
    pub fn add_machine(&mut self, version: u32, doc: &str, text: &str) {
        let d = self.doc(version, doc, text);
        self.machine_versions.insert(version);
        self.machine.push(d);
    }

    /// Adds a human text: document `doc` of human version `version`.
    pub fn add_human(&mut self, version: u32, doc: &str, text: &str) {
        let d = self.doc(version, doc, text);
        self.human_versions.insert(version);
        self.human.push(d);
    }

    fn doc(&mut self, version: u32, doc: &str, text: &str) -> Doc {
        let next = u32::try_from(self.doc_ids.len()).unwrap_or(u32::MAX);
        let doc = *self.doc_ids.entry(doc.to_owned()).or_insert(next);
        let mut tokens = Vec::new();
        let mut paragraphs = Vec::new();
        for para in paragraphs_of(text) {
            paragraphs.push(tokens.len());
            tokens.extend(tokenize(para, &mut self.vocab));
            tokens.push(BREAK);
        }
        Doc {
            version,
            doc,
            tokens,
            paragraphs,
        }
    }
}

/// The paragraphs of `text`: runs of lines between blank lines.
fn paragraphs_of(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let t = rest.trim_start_matches(|c: char| c.is_whitespace());
        if t.is_empty() {
            return None;
        }
        let mut end = t.len();
        let mut at = 0;
        for line in t.split_inclusive('\n') {
            if line.trim().is_empty() {
                end = at;
                break;
            }
            at += line.len();
        }
        rest = &t[end..];
        Some(&t[..end])
    })
}

/// A human phrase that stands where the machine's MT-ism does.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterpart {
    /// The human n-gram.
    pub text: String,
    /// Its occurrences in the human text.
    pub count: u32,
    /// The human occurrences of the context with the word open.
    pub context: u32,
    /// Read from the aligned human paragraphs (`count` of `context` times
    /// the human paragraph has it where the machine has the MT-ism) rather
    /// than from the human text at large.
    pub aligned: bool,
}

/// One MT-ism learned.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The n-gram, words joined by spaces.
    pub text: String,
    /// Occurrences in the machine text.
    pub machine: u32,
    /// Machine versions it occurs in.
    pub versions: u32,
    /// Documents it occurs in (machine side).
    pub docs: u32,
    /// Occurrences in the human text.
    pub human: u32,
    /// Natural log of the ratio of the smoothed rates.
    pub ratio: f64,
    /// The human phrase in its place, if the human side shows one.
    pub counterpart: Option<Counterpart>,
}

/// What was learned, with the sizes of both sides.
#[derive(Debug, Clone, Default)]
pub struct Learned {
    /// The MT-isms, strongest first.
    pub entries: Vec<Entry>,
    /// Words of the machine text.
    pub machine_words: u64,
    /// Words of the human text.
    pub human_words: u64,
    /// Machine versions read.
    pub machine_versions: usize,
    /// Human versions read.
    pub human_versions: usize,
}

#[derive(Debug, Default, Clone, Copy)]
struct Stat {
    count: u32,
    versions: u32,
    last_version: u32,
    docs: u32,
    last_doc: u32,
}

/// Learns the MT-isms of `corpus` (see the module documentation).
pub fn learn(corpus: &Corpus, opt: &LearnOptions) -> Learned {
    let min_n = opt.min_n.max(2);
    let max_n = opt.max_n.clamp(min_n, MAX_N);
    let words = |docs: &[Doc]| -> u64 {
        docs.iter()
            .map(|d| d.tokens.iter().filter(|&&t| t != BREAK).count() as u64)
            .sum()
    };
    let (machine_words, human_words) = (words(&corpus.machine), words(&corpus.human));
    let mut human: HashMap<Gram, u32> = HashMap::default();
    for d in &corpus.human {
        each_gram(&d.tokens, 1, max_n, |g, _| {
            *human.entry(g).or_default() += 1
        });
    }
    let function = function_words(&human);
    let machine = machine_stats(corpus, opt, min_n, max_n);
    let rate = |c: u32, total: u64| (f64::from(c) + SMOOTHING) / (total.max(1) as f64);
    let mut found: Vec<(Gram, Entry)> = Vec::new();
    for (gram, s) in &machine {
        if s.docs < opt.min_docs || len(gram) < min_n {
            continue;
        }
        if gram.iter().all(|t| *t == BREAK || function.contains(t)) {
            continue;
        }
        let h = human.get(gram).copied().unwrap_or(0);
        let ratio = (rate(s.count, machine_words) / rate(h, human_words)).ln();
        if ratio < opt.min_ratio {
            continue;
        }
        found.push((
            *gram,
            Entry {
                text: corpus.vocab.text(gram),
                machine: s.count,
                versions: s.versions,
                docs: s.docs,
                human: h,
                ratio,
                counterpart: None,
            },
        ));
    }
    counterparts(&mut found, &human, &function, &corpus.vocab);
    aligned_counterparts(&mut found, corpus, &function, max_n);
    let mut entries = without_longer(found);
    entries.sort_by(|a, b| {
        b.ratio
            .total_cmp(&a.ratio)
            .then_with(|| a.text.cmp(&b.text))
    });
    Learned {
        entries,
        machine_words,
        human_words,
        machine_versions: corpus.machine_versions.len(),
        human_versions: corpus.human_versions.len(),
    }
}

/// The ids of the [`FUNCTION_WORDS`] commonest words of the human text.
fn function_words(human: &HashMap<Gram, u32>) -> HashSet<u32> {
    let mut uni: Vec<(u32, u32)> = human
        .iter()
        .filter(|(g, _)| len(g) == 1)
        .map(|(g, &c)| (g[0], c))
        .collect();
    uni.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let keep = FUNCTION_WORDS.min(uni.len() / 10);
    uni.into_iter().take(keep).map(|(t, _)| t).collect()
}

/// Counts of the machine n-grams frequent enough in count and versions,
/// level by level: an n-gram is counted only if both its (n-1)-word parts
/// are frequent, which keeps the tables small on millions of words.
fn machine_stats(
    corpus: &Corpus,
    opt: &LearnOptions,
    min_n: usize,
    max_n: usize,
) -> HashMap<Gram, Stat> {
    // version-major order for the versions count, document-major for documents
    let mut by_version: Vec<&Doc> = corpus.machine.iter().collect();
    by_version.sort_by_key(|d| (d.version, d.doc));
    let mut by_doc = by_version.clone();
    by_doc.sort_by_key(|d| (d.doc, d.version));
    let mut kept: HashMap<Gram, Stat> = HashMap::default();
    let mut previous: HashSet<Gram> = HashSet::default();
    for n in 1..=max_n {
        let mut level: HashMap<Gram, Stat> = HashMap::default();
        for d in &by_version {
            each_gram(&d.tokens, n, n, |g, _| {
                if n > 1
                    && !(previous.contains(&part(&g, 0, n - 1))
                        && previous.contains(&part(&g, 1, n)))
                {
                    return;
                }
                let s = level.entry(g).or_default();
                s.count += 1;
                if s.versions == 0 || s.last_version != d.version {
                    s.versions += 1;
                    s.last_version = d.version;
                }
            });
        }
        level.retain(|_, s| s.count >= opt.min_count && s.versions >= opt.min_versions);
        previous = level.keys().copied().collect();
        if n >= min_n {
            kept.extend(level);
        }
    }
    for d in &by_doc {
        each_gram(&d.tokens, min_n, max_n, |g, _| {
            if let Some(s) = kept.get_mut(&g)
                && (s.docs == 0 || s.last_doc != d.doc)
            {
                s.docs += 1;
                s.last_doc = d.doc;
            }
        });
    }
    kept
}

/// Words `from..to` of `g` as an n-gram of their own.
fn part(g: &Gram, from: usize, to: usize) -> Gram {
    let mut p: Gram = [BREAK; MAX_N];
    p[..to - from].copy_from_slice(&g[from..to]);
    p
}

/// Sets the counterpart of every entry of three words or more whose
/// context with one word open the human side fills one clear way.
fn counterparts(
    found: &mut [(Gram, Entry)],
    human: &HashMap<Gram, u32>,
    function: &HashSet<u32>,
    vocab: &Vocab,
) {
    let open = |g: &Gram, i: usize| {
        let mut p = *g;
        p[i] = WILD;
        p
    };
    let mut wanted: HashMap<Gram, Vec<(u32, u32)>> = HashMap::default();
    for (g, _) in found.iter() {
        let n = len(g);
        for i in 1..n.saturating_sub(1) {
            wanted.insert(open(g, i), Vec::new());
        }
    }
    for (g, &c) in human {
        let n = len(g);
        for i in 1..n.saturating_sub(1) {
            if let Some(fillers) = wanted.get_mut(&open(g, i)) {
                fillers.push((g[i], c));
            }
        }
    }
    for (g, e) in found.iter_mut() {
        let n = len(g);
        let mut best: Option<(u32, Counterpart)> = None;
        for i in 1..n.saturating_sub(1) {
            let context_has_content = (0..n).any(|j| j != i && !function.contains(&g[j]));
            let Some(fillers) = wanted.get(&open(g, i)) else {
                continue;
            };
            let total: u32 = fillers.iter().map(|f| f.1).sum();
            let own = fillers.iter().find(|f| f.0 == g[i]).map_or(0, |f| f.1);
            let Some(&(filler, count)) = fillers
                .iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            else {
                continue;
            };
            let clear = context_has_content
                && total >= MIN_CONTEXT
                && f64::from(count) >= MIN_SHARE * f64::from(total)
                && f64::from(own) <= MAX_OWN_SHARE * f64::from(total)
                && filler != g[i];
            if clear && best.as_ref().is_none_or(|b| count > b.0) {
                let mut h = *g;
                h[i] = filler;
                let text = vocab.text(&h);
                best = Some((
                    count,
                    Counterpart {
                        text,
                        count,
                        context: total,
                        aligned: false,
                    },
                ));
            }
        }
        e.counterpart = best.map(|b| b.1);
    }
}

/// Sets the counterpart of every entry of three words or more still
/// without one that the aligned human paragraphs give (see the module
/// documentation): paragraph `k` of a machine document faces paragraph
/// `k` of each human version of the same document, when both have as many
/// paragraphs.
fn aligned_counterparts(
    found: &mut [(Gram, Entry)],
    corpus: &Corpus,
    function: &HashSet<u32>,
    max_n: usize,
) {
    let wanted: HashMap<Gram, usize> = found
        .iter()
        .enumerate()
        .filter(|(_, (g, e))| len(g) >= 3 && e.counterpart.is_none())
        .map(|(k, (g, _))| (*g, k))
        .collect();
    if wanted.is_empty() {
        return;
    }
    let mut human: HashMap<u32, Vec<&Doc>> = HashMap::default();
    for d in &corpus.human {
        human.entry(d.doc).or_default().push(d);
    }
    // (entry, slot, filler) -> (times, documents)
    let mut seen: HashMap<(usize, usize, u32), (u32, HashSet<u32>)> = HashMap::default();
    for m in &corpus.machine {
        let Some(refs) = human.get(&m.doc) else {
            continue;
        };
        let refs: Vec<&&Doc> = refs
            .iter()
            .filter(|h| h.paragraphs.len() == m.paragraphs.len())
            .collect();
        for k in 0..m.paragraphs.len() {
            each_gram(m.paragraph(k), 3, max_n, |g, n| {
                let Some(&entry) = wanted.get(&g) else {
                    return;
                };
                for h in &refs {
                    for w in h.paragraph(k).windows(n) {
                        let differ: Vec<usize> = (0..n).filter(|&i| w[i] != g[i]).collect();
                        if let [i] = differ[..]
                            && i > 0
                            && i + 1 < n
                            && !w.contains(&BREAK)
                        {
                            let s = seen.entry((entry, i, w[i])).or_default();
                            s.0 += 1;
                            s.1.insert(m.doc);
                        }
                    }
                }
            });
        }
    }
    let mut totals: HashMap<usize, u32> = HashMap::default();
    for ((entry, _, _), (times, _)) in &seen {
        *totals.entry(*entry).or_default() += times;
    }
    let mut best: HashMap<usize, (u32, usize, u32)> = HashMap::default();
    for (&(entry, slot, filler), (times, docs)) in &seen {
        let (g, _) = &found[entry];
        let content = (0..len(g)).any(|j| j != slot && !function.contains(&g[j]));
        let clear = content
            && *times >= MIN_CONTEXT
            && docs.len() >= 2
            && f64::from(*times) >= MIN_SHARE * f64::from(totals[&entry]);
        let better = best
            .get(&entry)
            .is_none_or(|b| (*times, filler) > (b.0, b.2));
        if clear && better {
            best.insert(entry, (*times, slot, filler));
        }
    }
    for (entry, (times, slot, filler)) in best {
        let (g, e) = &mut found[entry];
        let mut h = *g;
        h[slot] = filler;
        e.counterpart = Some(Counterpart {
            text: corpus.vocab.text(&h),
            count: times,
            context: totals[&entry],
            aligned: true,
        });
    }
}

/// The entries without those that contain a shorter entry, unless the
/// longer has a counterpart and the shorter has none.
fn without_longer(mut found: Vec<(Gram, Entry)>) -> Vec<Entry> {
    found.sort_by_key(|(g, _)| len(g));
    let mut out: Vec<(Gram, Entry)> = Vec::new();
    for (g, e) in found {
        let n = len(&g);
        let covered = out.iter().any(|(s, f)| {
            let m = len(s);
            m < n
                && (0..=n - m).any(|k| g[k..k + m] == s[..m])
                && (f.counterpart.is_some() || e.counterpart.is_none())
        });
        if !covered {
            out.push((g, e));
        }
    }
    out.into_iter().map(|(_, e)| e).collect()
}

impl Entry {
    /// The confidence of the phrase: grows with the ratio from the lower
    /// bound of [`CONFIDENCE`] towards its upper bound, never reaching it.
    pub fn confidence(&self, opt: &LearnOptions) -> f64 {
        let (lo, hi) = CONFIDENCE;
        let c = lo + (hi - lo) * (1.0 - (-(self.ratio - opt.min_ratio).max(0.0) / 2.0).exp());
        (c * 100.0).floor() / 100.0
    }
}

impl Learned {
    /// The pack text: the MT-isms with a counterpart as `[[phrase]]`
    /// entries, the others as comments. `command` is recorded in the head.
    pub fn to_toml(&self, name: &str, opt: &LearnOptions, command: &str) -> String {
        let mut s = String::new();
        let q = |t: &str| toml::Value::String(t.to_owned()).to_string();
        let _ = writeln!(s, "# Generated by `{command}`: do not edit, rerun it.");
        let _ = writeln!(
            s,
            "# Machine text: {} words in {} version(s); human text: {} words in {} version(s).",
            self.machine_words, self.machine_versions, self.human_words, self.human_versions
        );
        let _ = writeln!(
            s,
            "# An MT-ism: {}-{} words, >= {} times in >= {} versions and >= {} documents, log rate ratio >= {}.",
            opt.min_n, opt.max_n, opt.min_count, opt.min_versions, opt.min_docs, opt.min_ratio
        );
        s.push_str("# Every phrase is a proposal (confidence < 0.8), never applied.\n\n");
        let _ = writeln!(s, "[pack]\nname = {}", q(name));
        let _ = writeln!(
            s,
            "description = {}",
            q(
                "MT-isms learned by contrasting machine translations with human text of the same domain; each replacement is the phrase the human text uses in the same context"
            )
        );
        let mut ids: HashSet<String> = HashSet::default();
        let per_million = |c: u32, words: u64| f64::from(c) * 1e6 / words.max(1) as f64;
        for e in &self.entries {
            let Some(cp) = &e.counterpart else { continue };
            let id = unique_id(&e.text, &mut ids);
            let mut find = vec![e.text.clone()];
            if e.text.contains('\'') {
                find.push(e.text.replace('\'', "’"));
            }
            let find: Vec<String> = find.iter().map(|f| q(f)).collect();
            let place = match cp.aligned {
                true => "where the machine text has it, the aligned human paragraphs write",
                false => "in the same context the human text writes",
            };
            let note = format!(
                "MT-ism learned from data: machine text {}x ({:.0} per million words) in {} of {} versions and {} documents, human text {}x ({:.0} per million), log rate ratio {:.1}; {place} “{}” {} of {} times",
                e.machine,
                per_million(e.machine, self.machine_words),
                e.versions,
                self.machine_versions,
                e.docs,
                e.human,
                per_million(e.human, self.human_words),
                e.ratio,
                cp.text,
                cp.count,
                cp.context
            );
            let _ = write!(
                s,
                "\n[[phrase]]\nid = {}\nfind = [{}]\nreplace = {}\nkind = \"sic\"\nconfidence = {:.2}\nnote = {}\n",
                q(&id),
                find.join(", "),
                q(&cp.text),
                e.confidence(opt),
                q(&note)
            );
        }
        let flagged: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.counterpart.is_none())
            .collect();
        if !flagged.is_empty() {
            s.push_str(
                "\n# MT-isms without a clear human counterpart (not loaded; for a reviewer):\n",
            );
            s.push_str(
                "# n-gram | machine count, versions, documents | human count | log rate ratio\n",
            );
            for e in flagged {
                let _ = writeln!(
                    s,
                    "# {} | {} {} {} | {} | {:.1}",
                    e.text, e.machine, e.versions, e.docs, e.human, e.ratio
                );
            }
        }
        s
    }
}

/// `mt-ism-` and the ASCII letters and digits of `text`'s words, made
/// unique against `ids` by a number.
fn unique_id(text: &str, ids: &mut HashSet<String>) -> String {
    let words: Vec<String> = text
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let base = format!("mt-ism-{}", words.join("-"));
    let mut id = base.clone();
    let mut k = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::lexicon::Lexicon;

    fn options() -> LearnOptions {
        LearnOptions {
            min_count: 3,
            min_versions: 2,
            min_docs: 2,
            min_ratio: 1.0,
            ..LearnOptions::default()
        }
    }

    /// Three machine versions of two documents say "the epidemic
    /// prevention work"; the human text says "the epidemic control work".
    fn corpus() -> Corpus {
        let mut c = Corpus::default();
        let machine = [
            "we praised the epidemic prevention work of the town, and the people agreed.",
            "officials said the epidemic prevention work went on, as they planned.",
        ];
        let human = [
            "we praised the epidemic control work of the town, and the people agreed.",
            "officials said the epidemic control work went on, as they planned.",
            "nobody doubted the epidemic control work, or the people behind it.",
        ];
        for v in 0..3 {
            for (k, t) in machine.iter().enumerate() {
                c.add_machine(v, &format!("doc{k}"), t);
            }
        }
        for (k, t) in human.iter().enumerate() {
            c.add_human(9, &format!("doc{k}"), t);
        }
        c
    }

    #[test]
    fn a_phrase_only_machines_write_is_learned_with_the_human_counterpart() {
        let l = learn(&corpus(), &options());
        let e = l
            .entries
            .iter()
            .find(|e| e.counterpart.is_some())
            .expect("an entry with a counterpart");
        assert!(e.text.contains("epidemic prevention"), "{e:?}");
        assert!(
            e.counterpart
                .as_ref()
                .unwrap()
                .text
                .contains("epidemic control")
        );
        assert_eq!((e.machine, e.versions, e.docs, e.human), (6, 3, 2, 0));
        // phrases the two sides share are not MT-isms
        assert!(!l.entries.iter().any(|e| e.text.contains("people agreed")));
    }

    #[test]
    fn the_pack_loads_and_only_proposes() {
        let opt = options();
        let l = learn(&corpus(), &opt);
        let text = l.to_toml("learned", &opt, "emend packs learn");
        let mut lex = Lexicon::default();
        lex.load("learned.toml", &text).expect("the pack loads");
        assert!(!lex.phrases.is_empty());
        for p in &lex.phrases {
            assert!(p.confidence < 0.8, "{p:?}");
            assert!(p.id.starts_with("mt-ism-"));
        }
    }

    #[test]
    fn one_version_or_one_document_is_not_enough() {
        let mut c = Corpus::default();
        for k in 0..4 {
            c.add_machine(
                0,
                &format!("doc{k}"),
                "the epidemic prevention work went on",
            );
            c.add_human(9, &format!("doc{k}"), "the epidemic control work went on");
        }
        assert!(learn(&c, &options()).entries.is_empty());
    }

    #[test]
    fn an_open_first_or_last_word_gives_no_counterpart() {
        // machines write "relevant officials said", people "the officials
        // said": replacing the first word would make "the the officials"
        // after "the"
        let mut c = Corpus::default();
        for v in 0..3 {
            for k in 0..2 {
                c.add_machine(
                    v,
                    &format!("doc{k}"),
                    "so, relevant officials said, and left",
                );
            }
        }
        for k in 0..4 {
            c.add_human(9, &format!("doc{k}"), "so, the officials said, and left");
        }
        let l = learn(&c, &options());
        assert!(
            l.entries.iter().any(|e| e.text == "relevant officials"),
            "{l:?}"
        );
        assert!(l.entries.iter().all(|e| e.counterpart.is_none()), "{l:?}");
    }

    #[test]
    fn aligned_human_paragraphs_give_a_counterpart_the_text_at_large_does_not() {
        // the human text has "the responsible officials" only twice, too
        // few for a context counterpart, but each time where the machines
        // write "the relevant officials"
        let mut c = Corpus::default();
        let machine = [
            "we heard the relevant officials say so.",
            "they met the relevant officials again.",
        ];
        for v in 0..3 {
            for (k, t) in machine.iter().enumerate() {
                c.add_machine(v, &format!("doc{k}"), t);
            }
        }
        for (k, t) in machine.iter().enumerate() {
            c.add_human(9, &format!("doc{k}"), &t.replace("relevant", "responsible"));
        }
        let l = learn(&c, &options());
        let e = l
            .entries
            .iter()
            .find(|e| e.text == "the relevant officials")
            .expect("learned");
        let cp = e.counterpart.as_ref().expect("a counterpart");
        assert_eq!(cp.text, "the responsible officials");
        assert!(cp.aligned);
        assert_eq!((cp.count, cp.context), (6, 6));
    }

    #[test]
    fn paragraphs_are_runs_of_lines_between_blank_lines() {
        let p: Vec<&str> = paragraphs_of("\n a\nb\n \n\nc").collect();
        assert_eq!(p, ["a\nb\n", "c"]);
    }

    #[test]
    fn ids_are_valid_and_unique() {
        let mut ids = HashSet::default();
        assert_eq!(unique_id("don't stop", &mut ids), "mt-ism-dont-stop");
        assert_eq!(unique_id("dont stop", &mut ids), "mt-ism-dont-stop-2");
    }
}
