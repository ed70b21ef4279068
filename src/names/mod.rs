//! Names: lexicons of people, places and organisations, and the machinery
//! that finds them in a text however the translation spelled them.
//!
//! - [`lexicon`] loads and checks the TOML lexicons and phrase packs;
//! - [`fold`] folds keys (case, diacritics, apostrophes, hyphens) with a map
//!   back to the source;
//! - [`exact`] finds known forms with one automaton;
//! - [`similar`] scores unseen spellings (transliteration-aware distance,
//!   phonetic blocking);
//! - [`context`] evaluates conditions and context cues;
//! - [`phrases`] matches the phrase packs;
//! - [`stats`], [`discover`] and [`learn`] work on a whole corpus: name
//!   statistics, variant groups found without a lexicon, and lexicon entries
//!   learnt from review decisions.
//!
//! [`Resources`] holds everything compiled once by [`crate::Engine::new`]; the
//! passes `phrases`, `names` and `glosses` use it through
//! [`crate::passes::Context`].

pub mod context;
pub mod discover;
pub mod exact;
pub mod fold;
pub mod learn;
pub mod lexicon;
pub mod phrases;
pub mod similar;
pub mod stats;

use crate::entity::{EntityRecord, Mention};
use crate::error::{Error, Result};
use crate::options::Options;
use crate::passes::Proposals;
use crate::span::Span;
use exact::Exact;
use lexicon::{BUILTIN, FormKind, Lexicon};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

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
/// or the end of a name, so a lookup reads two small buckets instead of every
/// form of the same first sound: with 100,000 entities the cost per word stays
/// near that of the default packs.
#[derive(Debug, Clone, Default)]
pub struct FuzzyIndex {
    entries: Vec<FuzzyEntry>,
    buckets: HashMap<String, Vec<u32>>,
    seen: HashSet<(usize, String)>,
}

impl FuzzyIndex {
    fn keys(skel: &str) -> [String; 2] {
        let code: Vec<char> = similar::consonant_code(skel).chars().collect();
        let head: String = code.iter().take(2).collect();
        let tail: String = code.first().into_iter().chain(code.last()).collect();
        [format!("^{head}"), format!("${tail}")]
    }

    fn add(&mut self, entry: FuzzyEntry) {
        if !self.seen.insert((entry.entity, entry.skel.clone())) {
            return;
        }
        let i = self.entries.len() as u32;
        for key in Self::keys(&entry.skel) {
            self.buckets.entry(key).or_default().push(i);
        }
        self.entries.push(entry);
    }

    /// The forms that may be close to skeleton `skel`, each once, in index order.
    pub fn candidates(&self, skel: &str) -> Vec<&FuzzyEntry> {
        let [head, tail] = Self::keys(skel);
        let mut ids: Vec<u32> = [head, tail]
            .iter()
            .filter_map(|k| self.buckets.get(k))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|i| &self.entries[i as usize]).collect()
    }
}

/// Lexicons and phrase packs, compiled.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Entities and phrases.
    pub lexicon: Lexicon,
    /// The automaton over known forms.
    pub exact: Exact,
    /// One-word forms, indexed for the fuzzy matcher.
    pub fuzzy: FuzzyIndex,
    /// The phrase matcher.
    pub phrases: phrases::PhraseMatcher,
}

impl Resources {
    /// Loads the packs and files `options` asks for and compiles them.
    pub fn compile(options: &Options) -> Result<Resources> {
        let mut lex = Lexicon::default();
        if !options.no_packs {
            let mut known = Vec::new();
            for (path, text) in BUILTIN {
                let mut probe = Lexicon::default();
                probe.load(path, text)?;
                let name = probe.packs.first().cloned().unwrap_or_default();
                known.push(name.clone());
                if options.packs.is_empty() || options.packs.contains(&name) {
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
                if f.when.is_some() || !letters_only {
                    continue;
                }
                let target = match f.kind {
                    FormKind::Variant => f.to.clone().unwrap_or_else(|| ent.target_of(&f.text)),
                    _ => f.text.clone(),
                };
                let words: Vec<&str> = f.text.split_whitespace().collect();
                let twords: Vec<&str> = target.split_whitespace().collect();
                let mut add = |form: &str, target: &str| {
                    let skel = similar::skeleton(form);
                    if skel.chars().count() >= 4 {
                        fuzzy.add(FuzzyEntry {
                            skel,
                            folded: fold::fold(form),
                            form: form.to_owned(),
                            entity: e,
                            target: target.to_owned(),
                        });
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
        Resources {
            lexicon,
            exact,
            fuzzy,
            phrases,
        }
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

/// Names of the built-in packs, in load order.
pub fn builtin_pack_names() -> Vec<String> {
    BUILTIN
        .iter()
        .filter_map(|(_, text)| {
            let v: toml::Value = toml::from_str(text).ok()?;
            Some(v.get("pack")?.get("name")?.as_str()?.to_owned())
        })
        .collect()
}

/// Pushes a mention of entity `e` at `span` and its standOff record,
/// remembering `surface` as a variant the document used.
pub fn record_mention(out: &mut Proposals, lex: &Lexicon, e: usize, span: Span, surface: &str) {
    let ent = &lex.entities[e];
    out.mentions.push(Mention {
        span,
        entity: ent.id.clone(),
        kind: ent.kind,
    });
    let r = out
        .entities
        .entry(ent.id.clone())
        .or_insert_with(|| EntityRecord {
            id: ent.id.clone(),
            kind: ent.kind,
            canonical: ent.canonical.clone(),
            wikidata: ent.wikidata.clone(),
            variants: Vec::new(),
        });
    let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    if surface != ent.canonical && !r.variants.contains(&surface) {
        r.variants.push(surface);
    }
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

/// Indexes the document of `cx`: folded text, blocks and exact lexicon hits.
pub fn index<'a>(cx: &crate::passes::Context<'a>) -> context::DocIndex<'a> {
    let res = cx.resources;
    let folded = fold::Folded::new(cx.text);
    let hits = res.exact.find_folded(&res.lexicon, cx.text, &folded);
    let blocks = cx.doc.blocks.iter().map(|b| b.span).collect();
    context::DocIndex::new(cx.text, blocks, &res.lexicon, hits, folded)
}
