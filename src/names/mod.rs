//! Names: lexicons of people, places and organisations, and the machinery
//! that finds them in a text however the translation spelled them.
//!
//! - [`lexicon`] loads and checks the TOML lexicons and phrase packs;
//! - [`gazetteer`] reads the compact one-line-an-entity format of generated
//!   gazetteers (the world pack);
//! - [`fold`] folds keys (case, diacritics, apostrophes, hyphens) with a map
//!   back to the source;
//! - [`exact`] finds known forms in one walk over a table of folded keys;
//! - [`exonyms`] decides when a form of another language ("Teheran") is
//!   rewritten to the canonical;
//! - [`similar`] scores unseen spellings (transliteration-aware distance,
//!   phonetic blocking);
//! - [`common`] knows the common words of languages and tells a document's
//!   language;
//! - [`context`] evaluates conditions and context cues;
//! - [`phrases`] matches the phrase packs;
//! - [`batch`] counts the documents of a batch that write each capitalised
//!   word (which spelling the other translations agree on);
//! - [`stats`], [`discover`] and [`learn`] work on a whole corpus: name
//!   statistics, variant groups found without a lexicon, and lexicon entries
//!   learnt from review decisions.
//!
//! [`Resources`] holds everything compiled once by [`crate::Engine::new`]; the
//! rules `phrases`, `names` and `glosses` read it (and the [`index`] of each
//! document) from their context. This library knows nothing of the rules.

pub mod batch;
pub mod common;
pub mod context;
pub mod discover;
pub mod exact;
pub mod exonyms;
pub mod fold;
pub mod gazetteer;
pub mod learn;
pub mod lexicon;
pub mod phrases;
mod sections;
pub mod similar;
pub mod stats;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::options::Options;
use exact::Exact;
use foldhash::HashMap;
use lexicon::{BUILTIN, FormKind, Lexicon};
use std::sync::{Arc, Mutex, OnceLock};

/// A one-word form the fuzzy matcher compares unknown tokens with.
#[derive(Debug, Clone)]
pub struct FuzzyEntry {
    /// Transliteration skeleton of the form.
    pub skel: String,
    /// The form as written.
    pub form: String,
    /// The form's folded key (case, diacritics), computed once.
    pub folded: String,
    /// Entity index.
    pub entity: usize,
    /// What an unseen spelling of this form is rewritten to.
    pub target: String,
}

/// One-word forms indexed by two keys of their consonant code: its first
/// two classes, and its first and last. A misspelling keeps the start
/// or the end of a name, so a lookup reads two buckets instead of every
/// form of the same first sound.
///
/// With a large lexicon (100,000 entities) the buckets hold thousands of
/// forms, so [`FuzzyIndex::close`] does not hand them all to the scoring:
/// each form keeps its letter [`similar::Bag`], whose
/// [`similar::Bag::lower_bound`] on the distance rules most forms out in a few
/// instructions; the rest go through [`similar::similarity_at_least`], the distance
/// table abandoned as soon as it must exceed the threshold. Only the forms
/// that reach the similarity asked for, or that the word may be derived from,
/// are returned (about 3 of 1,500 per word on the 100k benchmark lexicon).
///
/// The answers of [`FuzzyIndex::close`] are remembered for the life of the
/// index (up to [`FuzzyIndex::CACHE_LIMIT`] words): a corpus names the same
/// people on every page, and the lexicon does not change.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    entries: Vec<FuzzyEntry>,
    /// Per entry: letter bag, first four bytes of the folded form, and
    /// whether the entity is a place (a word may be its demonym).
    meta: Vec<(similar::Bag, [u8; 4], bool)>,
    buckets: HashMap<Bucket, Vec<u32>>,
    cache: Mutex<HashMap<CloseKey, Arc<[u32]>>>,
    best: Mutex<HashMap<String, Vec<BestAnswer>>>,
}

/// An answer of [`FuzzyIndex::best`] for a word: the entity left out, the
/// bits of the minimum similarity, and the entry found with its similarity.
type BestAnswer = ((Option<usize>, u32), Option<(u32, f32)>);

/// A question [`FuzzyIndex::close`] remembers the answer to: skeleton,
/// folded word, bits of the minimum similarity.
type CloseKey = (String, String, u32);

impl Clone for FuzzyIndex {
    fn clone(&self) -> FuzzyIndex {
        FuzzyIndex {
            entries: self.entries.clone(),
            meta: self.meta.clone(),
            buckets: self.buckets.clone(),
            cache: Mutex::default(),
            best: Mutex::default(),
        }
    }
}

/// A bucket of the index: the first two classes of a consonant code, or
/// its first and last (the same class twice for a code of one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Bucket {
    Head([Option<char>; 2]),
    Ends([Option<char>; 2]),
}

impl FuzzyIndex {
    fn keys(skel: &str) -> [Bucket; 2] {
        let code = similar::consonant_code(skel);
        let mut classes = code.chars();
        let (first, second) = (classes.next(), classes.next());
        let last = code.chars().next_back();
        [
            Bucket::Head([first, second]),
            Bucket::Ends([first, first.and(last)]),
        ]
    }

    /// Adds `entry` unless its entity already has a form with the same
    /// skeleton (entries come entity by entity, so the check looks back
    /// over the entity's own entries only).
    fn add(&mut self, entry: FuzzyEntry, place: bool) {
        let mut same_entity = self
            .entries
            .iter()
            .rev()
            .take_while(|e| e.entity == entry.entity);
        if same_entity.any(|e| e.skel == entry.skel) {
            return;
        }
        let i = self.entries.len() as u32;
        for key in Self::keys(&entry.skel) {
            self.buckets.entry(key).or_default().push(i);
        }
        self.meta
            .push((similar::Bag::of(&entry.skel), prefix4(&entry.folded), place));
        self.entries.push(entry);
    }

    /// Every form in the two buckets of skeleton `skel`, each once, in index
    /// order: what [`FuzzyIndex::close`] filters, kept for the tests that
    /// check it loses nothing.
    #[cfg(test)]
    fn candidates(&self, skel: &str) -> Vec<&FuzzyEntry> {
        let ids = self.ids(skel, |_| true);
        ids.into_iter().map(|i| &self.entries[i as usize]).collect()
    }

    /// The forms in the two buckets of `skel` that can matter for a word
    /// with skeleton `skel` and folded form `wfold`, in the same order: every
    /// form whose [`similar::similarity_of_skeletons`] with `skel` may reach
    /// `min`, and every form `wfold` may be a derived word of (its folded key
    /// is a prefix of `wfold`: a plural, a longer word; or, for a place,
    /// `wfold` is its demonym by [`context::is_demonym`]). The forms left out
    /// are certainly below `min` and derive nothing.
    pub fn close(&self, skel: &str, wfold: &str, min: f32) -> Vec<&FuzzyEntry> {
        let key = (skel.to_owned(), wfold.to_owned(), min.to_bits());
        let hit = self.cache.lock().ok().and_then(|c| c.get(&key).cloned());
        let ids = hit.unwrap_or_else(|| {
            let ids: Arc<[u32]> = self
                .select(skel, wfold, min)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            if let Ok(mut c) = self.cache.lock()
                && c.len() < Self::CACHE_LIMIT
            {
                c.insert(key, Arc::clone(&ids));
            }
            ids
        });
        ids.iter().map(|&i| &self.entries[i as usize]).collect()
    }

    /// The entry most similar to `word`, at least `min`, other than the
    /// forms of entity `except`; `None` if there is none, or if `word` is
    /// derived from a close form (a plural, a demonym, a longer word:
    /// "Armenians" is no misspelling of "Armenia"). Remembered like
    /// [`FuzzyIndex::close`]: a corpus names the same people on every page.
    pub fn best(&self, word: &str, except: Option<usize>, min: f32) -> Option<(&FuzzyEntry, f32)> {
        let key = (except, min.to_bits());
        let known = self.best.lock().ok().and_then(|c| {
            c.get(word)
                .and_then(|v| v.iter().find(|(k, _)| *k == key).map(|&(_, a)| a))
        });
        let answer = known.unwrap_or_else(|| {
            let answer = self.find_best(word, except, min);
            if let Ok(mut c) = self.best.lock()
                && c.len() < Self::CACHE_LIMIT
            {
                c.entry(word.to_owned()).or_default().push((key, answer));
            }
            answer
        });
        answer.map(|(i, s)| (&self.entries[i as usize], s))
    }

    fn find_best(&self, word: &str, except: Option<usize>, min: f32) -> Option<(u32, f32)> {
        let skel = similar::skeleton(word);
        let wfold = fold::fold(word);
        let len = skel.chars().count();
        let mut best: Option<(u32, f32)> = None;
        for (i, similarity) in self.select(&skel, &wfold, min) {
            let e = &self.entries[i as usize];
            if Some(e.entity) == except || e.skel.chars().count().abs_diff(len) > 3 {
                continue;
            }
            let f = e.folded.as_str();
            let place = self.meta[i as usize].2;
            let derived = wfold != f
                && ((place && context::is_demonym(&wfold, f))
                    || wfold.strip_suffix('s') == Some(f)
                    || wfold.starts_with(f));
            if derived {
                return None;
            }
            if let Some(s) = similarity
                && best.is_none_or(|(_, b)| s > b)
            {
                best = Some((i, s));
            }
        }
        best
    }

    /// Most words [`FuzzyIndex::close`] and [`FuzzyIndex::best`] remember.
    pub const CACHE_LIMIT: usize = 200_000;

    /// The entries [`FuzzyIndex::close`] keeps, in index order, each with
    /// its similarity to `skel` where that reaches `min` (so that
    /// [`FuzzyIndex::best`] need not compute it again).
    fn select(&self, skel: &str, wfold: &str, min: f32) -> Vec<(u32, Option<f32>)> {
        let bag = similar::Bag::of(skel);
        let wbytes = wfold.as_bytes();
        let w4 = prefix4(wfold);
        let [head, tail] = Self::keys(skel);
        let mut kept: Vec<(u32, Option<f32>)> = [head, tail]
            .iter()
            .filter_map(|k| self.buckets.get(k))
            .flatten()
            .filter_map(|&id| {
                let i = id as usize;
                let (ebag, e4, place) = &self.meta[i];
                let similarity = ebag
                    .may_reach(&bag, min)
                    .then(|| similar::similarity_at_least(skel, &self.entries[i].skel, min))
                    .flatten();
                if similarity.is_some() {
                    return Some((id, similarity));
                }
                let f = self.entries[i].folded.as_str();
                // Both derivations need the first four bytes in common, or a
                // form shorter than four bytes that is a prefix of the word.
                let derived = (*e4 == w4 || f.len() < 4)
                    && (wbytes.starts_with(f.as_bytes())
                        || (*place && context::is_demonym(wfold, f)));
                derived.then_some((id, None))
            })
            .collect();
        kept.sort_unstable_by_key(|&(id, _)| id);
        kept.dedup_by_key(|&mut (id, _)| id);
        kept
    }

    /// Indices of the entries in the two buckets of `skel` that `keep`
    /// keeps, each once, in index order.
    #[cfg(test)]
    fn ids(&self, skel: &str, keep: impl Fn(usize) -> bool) -> Vec<u32> {
        let [head, tail] = Self::keys(skel);
        let mut ids: Vec<u32> = [head, tail]
            .iter()
            .filter_map(|k| self.buckets.get(k))
            .flatten()
            .copied()
            .filter(|&i| keep(i as usize))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The first four bytes of `s`, zero-padded.
fn prefix4(s: &str) -> [u8; 4] {
    let mut out = [0u8; 4];
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = b;
    }
    out
}

/// Lexicons and phrase packs, compiled.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Entities and phrases.
    pub lexicon: Lexicon,
    /// The table of known forms.
    pub exact: Exact,
    /// One-word forms, indexed for the fuzzy matcher: built the first time
    /// a document asks it for an unseen spelling (see [`Resources::fuzzy`]).
    fuzzy: OnceLock<FuzzyIndex>,
    /// The phrase matcher.
    pub phrases: phrases::PhraseMatcher,
    /// Folded accepted forms of the countries, in entity order: computed once
    /// here rather than by a walk over every entity for each document.
    pub country_keys: Vec<String>,
    /// The literal references of document-wide conditions.
    pub doc_phrases: context::DocPhrases,
}

impl Resources {
    /// Loads the packs and files `options` asks for and compiles them.
    pub fn compile(options: &Options) -> Result<Resources> {
        let mut lex = Lexicon::default();
        if !options.no_packs {
            let mut known = Vec::new();
            for (path, text) in BUILTIN {
                let name = lexicon::pack_name(text).unwrap_or_default();
                known.push(name.clone());
                let default = !lexicon::OFF_BY_DEFAULT.contains(&name.as_str());
                if (options.packs.is_empty() && default) || options.packs.contains(&name) {
                    lex.load(path, text)?;
                }
            }
            if let Some(bad) = options.packs.iter().find(|p| !known.contains(p)) {
                return Err(Error::Data {
                    path: format!("--pack {bad}"),
                    line: 1,
                    column: 1,
                    message: format!(
                        "no built-in pack {bad:?}; built-in packs: {}",
                        known.join(", ")
                    ),
                });
            }
        }
        for path in &options.lexicons {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            lex.load(&path.display().to_string(), &text)?;
        }
        Ok(Resources::from_lexicon(lex))
    }

    /// Compiles a loaded lexicon.
    pub fn from_lexicon(lexicon: Lexicon) -> Resources {
        let exact = Exact::build(&lexicon);
        let phrases = phrases::PhraseMatcher::build(&lexicon);
        let country_keys = lexicon
            .entities
            .iter()
            .filter(|e| e.subtype.as_deref() == Some("country"))
            .flat_map(|e| e.accepted().map(|f| f.key.clone()))
            .collect();
        Resources {
            doc_phrases: context::DocPhrases::build(&lexicon),
            lexicon,
            exact,
            fuzzy: OnceLock::new(),
            phrases,
            country_keys,
        }
    }

    /// One-word forms, indexed for the fuzzy matcher. Built on first use:
    /// their phonetic skeletons were a tenth of the start-up of a process
    /// that converts one small file, and a text with no capitalised word
    /// the exact forms leave unknown never asks for them.
    pub fn fuzzy(&self) -> &FuzzyIndex {
        self.fuzzy.get_or_init(|| fuzzy_index(&self.lexicon))
    }

    /// The built-in packs, compiled once per process; `None` if they fail to load.
    pub fn builtin() -> Option<&'static Resources> {
        Self::builtin_shared().map(|r| &**r)
    }

    fn builtin_shared() -> Option<&'static Arc<Resources>> {
        static CELL: OnceLock<Option<Arc<Resources>>> = OnceLock::new();
        CELL.get_or_init(|| Resources::compile(&Options::default()).ok().map(Arc::new))
            .as_ref()
    }

    /// What `options` asks for, compiled; the built-in packs alone are
    /// compiled once per process and shared.
    pub fn for_options(options: &Options) -> Result<Arc<Resources>> {
        let default = Options::default();
        if options.lexicons.is_empty() && options.packs.is_empty() && !options.no_packs {
            if let Some(r) = Self::builtin_shared() {
                return Ok(Arc::clone(r));
            }
            return Resources::compile(&default).map(Arc::new);
        }
        Resources::compile(options).map(Arc::new)
    }

    /// No entities, no phrases.
    pub fn empty() -> Resources {
        Resources::from_lexicon(Lexicon::default())
    }
}

/// The fuzzy matcher's index of `lexicon`'s one-word forms (and people's
/// surnames), each with the form it is rewritten to.
fn fuzzy_index(lexicon: &Lexicon) -> FuzzyIndex {
    let mut fuzzy = FuzzyIndex::default();
    for (e, ent) in lexicon.entities.iter().enumerate() {
        // Unseen spellings are guessed for people and places; organisation
        // names are phrases, matched exactly or by the phrase packs.
        if ent.kind == crate::entity::EntityType::Org {
            continue;
        }
        for f in &ent.forms {
            let letters_only = f
                .text
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '’');
            // a gazetteer's forms are matched as listed only
            if f.when.is_some() || !letters_only || f.exact_only {
                continue;
            }
            let target = match f.kind {
                FormKind::Variant => {
                    f.to.clone()
                        .unwrap_or_else(|| ent.target_of(&f.text).to_owned())
                }
                _ => f.text.clone(),
            };
            let words: Vec<&str> = f.text.split_whitespace().collect();
            let twords: Vec<&str> = target.split_whitespace().collect();
            let mut add = |form: &str, target: &str| {
                let skel = similar::skeleton(form);
                if skel.chars().count() >= 4 {
                    fuzzy.add(
                        FuzzyEntry {
                            skel,
                            folded: fold::fold(form),
                            form: form.to_owned(),
                            entity: e,
                            target: target.to_owned(),
                        },
                        ent.kind == crate::entity::EntityType::Place,
                    );
                }
            };
            if words.len() == 1 && twords.len() == 1 {
                add(words[0], twords[0]);
            } else if ent.kind == crate::entity::EntityType::Person
                && words.len() >= 2
                && words.len() == twords.len()
            {
                // A person's surname alone, aligned with the target's.
                add(words[words.len() - 1], twords[twords.len() - 1]);
            }
        }
    }
    fuzzy
}

/// Names of the built-in packs, in load order.
pub fn builtin_pack_names() -> Vec<String> {
    BUILTIN
        .iter()
        .filter_map(|(_, text)| lexicon::pack_name(text))
        .collect()
}

/// `to` in the case pattern of `surface`: all capitals stay all capitals.
pub fn match_case(surface: &str, to: &str) -> String {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        to.to_uppercase()
    } else {
        to.to_owned()
    }
}

/// Indexes `text` (parsed as `doc`): blocks, exact lexicon hits and the
/// document-wide literal references, found in one walk over the fold of the
/// text made a piece at a time.
pub fn index<'a>(text: &'a str, doc: &Document, res: &'a Resources) -> context::DocIndex<'a> {
    let reach = res.exact.longest().max(res.doc_phrases.longest());
    let mut hits = Vec::new();
    let mut search = res.doc_phrases.search();
    for piece in fold::pieces(text, reach) {
        res.exact.find_in(&res.lexicon, text, &piece, &mut hits);
        res.doc_phrases.find_in(&piece, &mut search);
    }
    let blocks = doc.blocks.iter().map(|b| b.span).collect();
    let doc_refs = res.doc_phrases.answers(search);
    context::DocIndex::new(text, blocks, &res.lexicon, hits, doc_refs)
}

#[cfg(test)]
mod tests {
    use super::similar::{similarity_of_skeletons, skeleton};
    use super::*;
    use proptest::prelude::*;

    /// Names built from syllables that collide a lot under the skeleton.
    fn name() -> impl Strategy<Value = String> {
        let syl = prop::sample::select(vec![
            "a", "ya", "sha", "ssa", "kh", "ha", "gh", "ga", "ri", "li", "ne", "an", "ian", "yan",
            "dzh", "j", "o", "ou", "u", "ev", "ew", "ts", "ch", "z", "s", "c", "k", "q", "x", "b",
            "p", "m", "n", "d", "t", "e", "i", "ia", "ra", "mir",
        ]);
        prop::collection::vec(syl, 2..7).prop_map(|v| {
            let s = v.concat();
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
    }

    fn index_of(forms: &[(String, bool)]) -> FuzzyIndex {
        let mut idx = FuzzyIndex::default();
        for (e, (form, place)) in forms.iter().enumerate() {
            let skel = skeleton(form);
            if skel.chars().count() >= 4 {
                idx.add(
                    FuzzyEntry {
                        skel,
                        folded: fold::fold(form),
                        form: form.clone(),
                        entity: e,
                        target: form.clone(),
                    },
                    *place,
                );
            }
        }
        idx
    }

    /// What the names pass reads off a candidate: its similarity, and
    /// whether the word is a derived word of it.
    fn matters(idx: &FuzzyIndex, i: usize, skel: &str, wfold: &str, min: f32) -> bool {
        let e = &idx.entries[i];
        let f = e.folded.as_str();
        let derived = wfold != f
            && ((idx.meta[i].2 && context::is_demonym(wfold, f))
                || wfold.strip_suffix('s') == Some(f)
                || wfold.starts_with(f));
        derived || similarity_of_skeletons(skel, &e.skel) >= min
    }

    fn check(idx: &FuzzyIndex, word: &str, min: f32) -> std::result::Result<(), TestCaseError> {
        let skel = skeleton(word);
        let wfold = fold::fold(word);
        let all = idx.candidates(&skel);
        let close = idx.close(&skel, &wfold, min);
        let pos = |e: &FuzzyEntry| idx.entries.iter().position(|x| std::ptr::eq(x, e));
        let all_ids: Vec<usize> = all.iter().filter_map(|e| pos(e)).collect();
        let close_ids: Vec<usize> = close.iter().filter_map(|e| pos(e)).collect();
        // A subset of the buckets, in index order...
        prop_assert!(close_ids.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(close_ids.iter().all(|i| all_ids.contains(i)));
        // ...that keeps every bucket entry the scoring or the derived-word
        // check would look at.
        for &i in &all_ids {
            if matters(idx, i, &skel, &wfold, min) {
                prop_assert!(
                    close_ids.contains(&i),
                    "{word:?} ({skel}) lost {:?} ({})",
                    idx.entries[i].form,
                    idx.entries[i].skel
                );
            }
        }
        // A second answer (from the cache) is the same.
        let again: Vec<usize> = idx
            .close(&skel, &wfold, min)
            .iter()
            .filter_map(|e| pos(e))
            .collect();
        prop_assert_eq!(again, close_ids);
        // So is the best guess (see FuzzyIndex::best), asked twice.
        let best = |i: &FuzzyIndex| i.best(word, None, min).map(|(e, s)| (pos(e), s));
        let first = best(idx);
        prop_assert_eq!(best(idx), first);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn close_keeps_every_candidate_that_matters(
            forms in prop::collection::vec((name(), any::<bool>()), 50..300),
            words in prop::collection::vec(name(), 1..40),
        ) {
            let idx = index_of(&forms);
            for w in &words {
                check(&idx, w, 0.78)?;
                check(&idx, w, 0.8)?;
            }
            // The forms themselves, and plurals and demonyms of them.
            for (f, _) in forms.iter().take(40) {
                for w in [f.clone(), format!("{f}s"), format!("{f}n"), format!("{f}ians")] {
                    check(&idx, &w, 0.78)?;
                }
            }
        }
    }

    #[test]
    fn close_on_the_builtin_packs_matches_the_scoring() {
        let res = Resources::builtin().expect("built-in packs");
        let idx = res.fuzzy();
        let mut words: Vec<String> = idx.entries.iter().map(|e| e.form.clone()).collect();
        for w in [
            "Passinyan",
            "Zaturin",
            "Owanishan",
            "Bagdad",
            "Kudamir",
            "Armenians",
            "Turkish",
            "Azerbaijani",
            "Georgian",
            "Moscow",
            "Pashinian",
        ] {
            words.push(w.to_owned());
        }
        for w in &words {
            check(idx, w, 0.78).unwrap();
            check(idx, &format!("{w}s"), 0.8).unwrap();
        }
    }
}
