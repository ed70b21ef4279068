//! Loading lexicons and phrase packs: TOML files with `[[entity]]` and
//! `[[phrase]]` tables (see `schemas/lexicon.schema.json` and
//! `schemas/phrases.schema.json`), checked once when the engine is built.
//!
//! Every problem is an [`Error::Data`] naming the file, line and column: bad
//! TOML, an unknown key, a duplicate id, a variant claimed by two entities
//! without a `when` condition, an invalid regex.

use super::fold::fold;
use crate::entity::EntityType;
use crate::error::{Error, Result};
use crate::span::line_col;
use foldhash::HashMap;
use serde::Deserialize;
use std::sync::Arc;

/// The `name` of a pack file's `[pack]` table, read from that table alone:
/// parsing the whole file for it cost as much as loading it.
pub fn pack_name(text: &str) -> Option<String> {
    if super::gazetteer::is_gazetteer(text) {
        let line = text.lines().find(|l| l.starts_with("@pack\t"))?;
        return Some(line.split('\t').nth(1)?.to_owned());
    }
    let start = match text.starts_with("[pack]") {
        true => 0,
        false => text.find("\n[pack]")? + 1,
    };
    let table = &text[start..];
    let end = table[1..].find("\n[").map_or(table.len(), |i| i + 2);
    let parsed: toml::Table = table[..end].parse().ok()?;
    Some(parsed.get("pack")?.get("name")?.as_str()?.to_owned())
}

/// The packs compiled into the binary: (file name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "lexicons/caucasus-2020.toml",
        include_str!("../../lexicons/caucasus-2020.toml"),
    ),
    (
        "lexicons/zh-en-mt.toml",
        include_str!("../../lexicons/zh-en-mt.toml"),
    ),
    (
        "lexicons/mt-calques.toml",
        include_str!("../../lexicons/mt-calques.toml"),
    ),
    // Last: it extends the entities the packs above know (same id and
    // canonical) with their names in other languages.
    (
        "lexicons/world.tsv",
        include_str!("../../lexicons/world.tsv"),
    ),
];

/// Built-in packs loaded only when asked for (`--pack world`): the world
/// pack costs a quarter of the start-up of a one-line file, and with its
/// cities known the same-document and batch rules no longer compare their
/// misspellings ("Chonging" beside "Chongqing"), so on WMT21 zh→en it loses
/// two of 124 renames; see the README.
pub const OFF_BY_DEFAULT: &[&str] = &["world"];

/// A lexicon file, or one of its [`sections`](super::sections) (where
/// `pack` is there only in the one that holds it). `I` is how an id is
/// read: with its position from TOML, alone from a pack's build-time JSON.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile<I> {
    pack: Option<RawPack>,
    #[serde(default = "Vec::new")]
    entity: Vec<RawEntity<I>>,
    #[serde(default = "Vec::new")]
    phrase: Vec<RawPhrase<I>>,
}

/// An entity's or phrase's id as read.
trait RawId {
    /// Byte offset of the id in its file, for errors.
    fn at(&self) -> usize;
    /// The id.
    fn into_id(self) -> String;
}

impl RawId for toml::Spanned<String> {
    fn at(&self) -> usize {
        self.span().start
    }
    fn into_id(self) -> String {
        self.into_inner()
    }
}

/// An id from an embedded pack's build-time JSON, which keeps no
/// positions: the unit tests load every embedded pack from its TOML as
/// well, so none has an error to place.
impl RawId for String {
    fn at(&self) -> usize {
        0
    }
    fn into_id(self) -> String {
        self
    }
}

impl RawFile<toml::Spanned<String>> {
    /// Parses `text` section by section; positions in errors and spans
    /// are offsets into the whole `text`.
    fn parse(path: &str, text: &str) -> Result<Self> {
        if super::gazetteer::is_gazetteer(text) {
            return Self::from_gazetteer(path, text);
        }
        let mut parts = Vec::new();
        for range in super::sections::sections(text) {
            let at = range.start;
            let part: Self = toml::from_str(&text[range]).map_err(|e| {
                let off = e.span().map_or(0, |r| r.start);
                data_error(path, text, at + off, e.message().trim().to_owned())
            })?;
            parts.push((at, part));
        }
        // Merged into vectors allocated once: a large lexicon has 100,000
        // entities, and growing by doubling moved them some 17 times.
        let mut file = RawFile {
            pack: None,
            entity: Vec::with_capacity(parts.iter().map(|(_, p)| p.entity.len()).sum()),
            phrase: Vec::with_capacity(parts.iter().map(|(_, p)| p.phrase.len()).sum()),
        };
        for (at, part) in parts {
            if part.pack.is_some() {
                if file.pack.is_some() {
                    return Err(data_error(path, text, at, "duplicate key `pack`"));
                }
                file.pack = part.pack;
            }
            let shift = |id: toml::Spanned<String>| {
                let span = id.span();
                toml::Spanned::new(span.start + at..span.end + at, id.into_inner())
            };
            file.entity.extend(part.entity.into_iter().map(|mut e| {
                e.id = shift(e.id);
                e
            }));
            file.phrase.extend(part.phrase.into_iter().map(|mut p| {
                p.id = shift(p.id);
                p
            }));
        }
        if file.pack.is_none() {
            return Err(data_error(path, text, 0, "missing field `pack`"));
        }
        Ok(file)
    }

    /// A gazetteer (see [`super::gazetteer`]) as the tables it stands for:
    /// a pack that is `exact`, its entities with their language forms.
    fn from_gazetteer(path: &str, text: &str) -> Result<Self> {
        let file =
            super::gazetteer::parse(text).map_err(|(at, m)| data_error(path, text, at, m))?;
        let owned = |v: Vec<&str>| v.into_iter().map(str::to_owned).collect::<Vec<_>>();
        let entity = file
            .lines
            .into_iter()
            .map(|l| RawEntity {
                id: toml::Spanned::new(l.at..l.at + l.id.len(), l.id.to_owned()),
                kind: l.kind,
                canonical: l.canonical.to_owned(),
                short: l
                    .short
                    .iter()
                    .map(|s| RawForm::Plain((*s).to_owned()))
                    .collect(),
                variants: l
                    .variants
                    .into_iter()
                    .map(|(form, lang)| {
                        RawForm::Table(RawFormTable {
                            form: form.to_owned(),
                            to: None,
                            when: None,
                            lang: owned(lang),
                        })
                    })
                    .collect(),
                contested: Vec::new(),
                wikidata: None,
                subtype: l.subtype.map(str::to_owned),
                country: l.country.map(str::to_owned),
                roles: Vec::new(),
            })
            .collect();
        Ok(RawFile {
            pack: Some(RawPack {
                name: file.name.to_owned(),
                description: file.description.to_owned(),
                activate: None,
                exact: true,
            }),
            entity,
            phrase: Vec::new(),
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    name: String,
    #[allow(dead_code)]
    description: String,
    activate: Option<Activation>,
    /// A gazetteer: its forms are matched exactly, never guessed into.
    #[serde(default)]
    exact: bool,
}

/// When a domain pack switches on for a document: a pack about one conflict
/// or one field must not guess its names into a text about something else
/// ("Leine" is no misspelling of "Leyen" in a German page about dogs). The
/// pack is on when the document names at least `min` distinct entities of
/// its core: the entities `core` lists and those whose country it lists.
/// Off, its entities are still linked where written as listed, but nothing
/// is rewritten or guessed into them. A pack without `activate` (a user's
/// lexicon) is always on.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// Distinct core entities the document must name.
    pub min: usize,
    /// Entity ids of the core; an entity whose `country` is one of them is
    /// core too.
    pub core: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity<I> {
    id: I,
    #[serde(rename = "type")]
    kind: EntityType,
    canonical: String,
    #[serde(default)]
    short: Vec<RawForm>,
    #[serde(default)]
    variants: Vec<RawForm>,
    #[serde(default)]
    contested: Vec<RawForm>,
    wikidata: Option<String>,
    subtype: Option<String>,
    country: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Debug)]
enum RawForm {
    Plain(String),
    Table(RawFormTable),
}

/// A form is a string or a table. Read by hand: serde's `untagged` buffers
/// every value to try each variant in turn, a tenth of the time of loading
/// a large lexicon, and its error names no variant.
impl<'de> Deserialize<'de> for RawForm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<RawForm, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = RawForm;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a form: a string, or a table with `form`, `to` and `when`")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<RawForm, E> {
                Ok(RawForm::Plain(s.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(
                self,
                s: String,
            ) -> std::result::Result<RawForm, E> {
                Ok(RawForm::Plain(s))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<RawForm, A::Error> {
                RawFormTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawForm::Table)
            }
        }
        d.deserialize_any(Form)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFormTable {
    form: String,
    to: Option<String>,
    when: Option<Condition>,
    #[serde(default)]
    lang: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhrase<I> {
    id: I,
    #[serde(default)]
    find: Vec<String>,
    regex: Option<String>,
    replace: String,
    entity: Option<String>,
    kind: Option<PhraseKind>,
    confidence: Option<f32>,
    when: Option<Condition>,
    note: Option<String>,
}

/// Window of the `near_*` keys of a condition.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The sentence around the match.
    Sentence,
    /// The paragraph (block) around the match.
    #[default]
    Paragraph,
}

/// A context condition; every key given must hold.
///
/// A reference `@id` means any mention of that lexicon entity; any other
/// string is a literal phrase matched case-insensitively at word boundaries.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// At least one reference occurs in the document.
    #[serde(default)]
    pub doc_any: Vec<String>,
    /// Every reference occurs in the document.
    #[serde(default)]
    pub doc_all: Vec<String>,
    /// At least one reference occurs in the window.
    #[serde(default)]
    pub near_any: Vec<String>,
    /// No reference occurs in the window.
    #[serde(default)]
    pub near_none: Vec<String>,
    /// The window of `near_any` and `near_none`.
    #[serde(default)]
    pub scope: Scope,
}

/// How a phrase edit is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhraseKind {
    /// An error corrected: `sic/corr`.
    Sic,
    /// A normalization: `orig/reg`.
    Reg,
}

/// What a surface form of an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FormKind {
    /// The canonical form: linked.
    Canonical,
    /// An accepted short form: linked, never rewritten.
    Short,
    /// A variant: rewritten.
    Variant,
    /// The other side's name: linked, never rewritten.
    Contested,
}

impl FormKind {
    /// True for forms that are rewritten.
    pub fn rewrites(self) -> bool {
        self == FormKind::Variant
    }
}

/// One surface form of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The form as written in the lexicon.
    pub text: String,
    /// The folded key.
    pub key: String,
    /// What it is.
    pub kind: FormKind,
    /// Explicit rewrite target of a variant.
    pub to: Option<String>,
    /// Only counts where this holds.
    pub when: Option<Condition>,
    /// Languages the form is correct in (BCP 47 tags: `de`, `ru-Latn`;
    /// `en-x-old` an older English spelling such as "Peking"): a variant is
    /// not rewritten in a text of one of them. Empty: the form belongs to
    /// no language in particular (a misspelling, a transliteration).
    pub lang: Vec<String>,
    /// From a pack matched exactly (`exact = true`, the world pack): never
    /// a target of the unseen-spelling matcher (else every capitalised word
    /// near a city's name is a guess at it: "Press" ~ "Paris"), and on
    /// whatever the activation of the pack of the entity it extends.
    pub exact_only: bool,
}

impl Form {
    /// True if the form is written so in language `lang` (a primary tag
    /// such as "de" answers for "de" and "de-AT"; "en" is not answered by
    /// "en-x-old", an older spelling).
    pub fn in_language(&self, lang: &str) -> bool {
        self.lang.iter().any(|l| {
            l == lang
                || l.strip_prefix(lang)
                    .is_some_and(|rest| rest.starts_with('-') && !rest.starts_with("-x-"))
        })
    }

    /// True if the form is an older English spelling ("Peking", "Bombay"):
    /// still written in English, so only ever proposed for rewriting.
    pub fn old_english(&self) -> bool {
        self.lang.iter().any(|l| l == "en-x-old")
    }
}

/// A lexicon entity, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Id (also the TEI `xml:id`), shared: every mention of the entity
    /// carries it.
    pub id: Arc<str>,
    /// Person, place or organisation.
    pub kind: EntityType,
    /// Canonical form.
    pub canonical: String,
    /// All forms, the canonical first.
    pub forms: Vec<Form>,
    /// Wikidata id.
    pub wikidata: Option<String>,
    /// Subtype: country, city, town, politician...
    pub subtype: Option<String>,
    /// Id of the entity's country.
    pub country: Option<String>,
    /// Titles that introduce the name.
    pub roles: Vec<String>,
    /// Pack the entity comes from.
    pub pack: String,
}

impl Entity {
    /// True if the entity is in the core of `act` (see [`Activation`]).
    pub fn is_core(&self, act: &Activation) -> bool {
        act.core
            .iter()
            .any(|c| **c == *self.id || self.country.as_deref() == Some(c.as_str()))
    }

    /// The accepted (linked, not rewritten) forms: canonical and short.
    pub fn accepted(&self) -> impl Iterator<Item = &Form> {
        self.forms
            .iter()
            .filter(|f| matches!(f.kind, FormKind::Canonical | FormKind::Short))
    }

    /// Where a variant `form` is rewritten to: its `to`, else the canonical if
    /// it has as many words, else an unconditioned short form with as many words.
    pub fn target_of(&self, form: &str) -> &str {
        let words = form.split_whitespace().count();
        let count = |s: &str| s.split_whitespace().count();
        if count(&self.canonical) == words {
            return &self.canonical;
        }
        self.forms
            .iter()
            .find(|f| f.kind == FormKind::Short && f.when.is_none() && count(&f.text) == words)
            .map_or(&self.canonical, |f| &f.text)
    }
}

/// A phrase's regex: its syntax checked when the pack is read (an error
/// names the file and position), compiled the first time a text is searched
/// with it. Most conversions find none of a pack's regex phrases'
/// prefixes, and compiling them all cost more than reading the packs.
#[derive(Debug, Clone)]
pub struct PhraseRegex {
    source: String,
    compiled: std::sync::OnceLock<Option<regex::Regex>>,
}

impl PhraseRegex {
    /// The pattern, its syntax checked (not yet compiled) unless the build
    /// script has checked it (`checked`).
    fn parse(source: &str, checked: bool) -> Result<PhraseRegex, String> {
        if !checked {
            regex_automata::util::syntax::parse(source).map_err(|e| e.to_string())?;
        }
        Ok(PhraseRegex {
            source: source.to_owned(),
            compiled: std::sync::OnceLock::new(),
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled regex; `None` if it is too large to compile (then the
    /// phrase never matches; the embedded packs' regexes are all compiled
    /// by the unit tests).
    pub fn get(&self) -> Option<&regex::Regex> {
        self.compiled
            .get_or_init(|| regex::Regex::new(&self.source).ok())
            .as_ref()
    }
}

/// A phrase of a phrase pack, compiled.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Id, unique across packs.
    pub id: String,
    /// Literal surface forms (case-sensitive, at word boundaries).
    pub find: Vec<String>,
    /// Or a regex.
    pub regex: Option<PhraseRegex>,
    /// Replacement (`$1` expands regex groups).
    pub replace: String,
    /// Entity the result names.
    pub entity: Option<String>,
    /// Correction or normalization.
    pub kind: PhraseKind,
    /// Confidence of the edit.
    pub confidence: f32,
    /// Condition under which it applies.
    pub when: Option<Condition>,
    /// Explanation for the reviewer.
    pub note: Option<String>,
}

/// Everything loaded: entities and phrases.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Entities in load order.
    pub entities: Vec<Entity>,
    /// Entity index by id.
    pub by_id: HashMap<String, usize>,
    /// Phrases in load order.
    pub phrases: Vec<Phrase>,
    /// Names of the packs loaded.
    pub packs: Vec<String>,
    /// When each pack that is not always on switches on, by pack name.
    pub activation: HashMap<String, Activation>,
    /// Who claims each folded key: (entity, kind, conditioned). Keeps the
    /// claim check linear in the lexicon's size (100,000 entities load in
    /// seconds, not minutes).
    claims: HashMap<String, Vec<(usize, FormKind, bool)>>,
}

fn data_error(path: &str, text: &str, offset: usize, message: impl Into<String>) -> Error {
    let lc = line_col(text, offset);
    Error::Data {
        path: path.to_owned(),
        line: lc.line,
        column: lc.column,
        message: message.into(),
    }
}

/// Byte offset of the first `"needle"` at or after `from`, else `from`.
fn locate(text: &str, from: usize, needle: &str) -> usize {
    let quoted = format!("\"{needle}\"");
    text.get(from..)
        .and_then(|t| t.find(&quoted))
        .map_or(from, |k| from + k)
}

/// Byte offset of the first line starting with `key` at or after `from`, else `from`.
fn locate_key(text: &str, from: usize, key: &str) -> usize {
    let mut pos = from;
    for line in text.get(from..).unwrap_or("").split_inclusive('\n') {
        if line.trim_start().starts_with(key) {
            return pos;
        }
        pos += line.len();
    }
    from
}

fn valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('-').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

impl Lexicon {
    /// Loads one file's text into the lexicon; `path` names it in errors.
    pub fn load(&mut self, path: &str, text: &str) -> Result<()> {
        // an embedded pack: its build-time JSON, its regexes checked there
        if let Some(raw) = crate::embedded::from_json::<RawFile<String>>(text) {
            return self.load_raw(path, text, raw, true);
        }
        let raw = RawFile::parse(path, text)?;
        self.load_raw(path, text, raw, false)
    }

    /// Loads a file read into `raw`; `path` and `text` place its errors.
    /// `checked`: the build script has checked the syntax of its regexes.
    fn load_raw<I: RawId>(
        &mut self,
        path: &str,
        text: &str,
        raw: RawFile<I>,
        checked: bool,
    ) -> Result<()> {
        let (pack, activate, exact_only) = raw
            .pack
            .map(|p| (p.name, p.activate, p.exact))
            .unwrap_or_default();
        if let Some(a) = activate {
            self.activation.insert(pack.clone(), a);
        }
        self.entities.reserve(raw.entity.len());
        self.claims.reserve(raw.entity.len() * 2);
        self.packs.push(pack.clone());
        for e in raw.entity {
            let at = e.id.at();
            let id = e.id.into_id();
            if !valid_id(&id) {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!(
                        "entity id {id:?} must be lowercase words joined by hyphens, starting with a letter"
                    ),
                ));
            }
            // A later file may extend an entity of another pack: same id,
            // canonical and type (what `emend names learn` writes).
            let extends = self.by_id.get(&id).copied().filter(|&k| {
                let old = &self.entities[k];
                old.pack != pack && old.canonical == e.canonical && old.kind == e.kind
            });
            if self.by_id.contains_key(&id) && extends.is_none() {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!("duplicate entity id {id:?}"),
                ));
            }
            let mut forms = vec![Form {
                text: e.canonical.clone(),
                key: fold(&e.canonical),
                kind: FormKind::Canonical,
                to: None,
                when: None,
                lang: Vec::new(),
                exact_only,
            }];
            for (kind, list) in [
                (FormKind::Short, e.short),
                (FormKind::Variant, e.variants),
                (FormKind::Contested, e.contested),
            ] {
                for f in list {
                    let (text_, to, when, lang) = match f {
                        RawForm::Plain(s) => (s, None, None, Vec::new()),
                        RawForm::Table(t) => (t.form, t.to, t.when, t.lang),
                    };
                    if text_.trim().is_empty() {
                        return Err(data_error(
                            path,
                            text,
                            at,
                            format!("entity {id:?} has an empty form"),
                        ));
                    }
                    forms.push(Form {
                        key: fold(&text_),
                        text: text_,
                        kind,
                        to,
                        when,
                        lang,
                        exact_only,
                    });
                }
            }
            if let Some(k) = extends {
                let old = &mut self.entities[k];
                for f in forms.into_iter().skip(1) {
                    let same = |g: &Form| g.key == f.key && g.kind == f.kind;
                    let written = old.forms.iter().position(|g| same(g) && g.text == f.text);
                    match written {
                        // the languages a later pack knows the form in
                        Some(g) => {
                            let g = &mut old.forms[g];
                            for l in f.lang {
                                if !g.lang.contains(&l) {
                                    g.lang.push(l);
                                }
                            }
                        }
                        // "Teherán" (es) beside "Teheran": one key, each
                        // written form with its own languages
                        None if !f.lang.is_empty() || !old.forms.iter().any(same) => {
                            old.forms.push(f)
                        }
                        None => {}
                    }
                }
                self.check_claims_of(k, path, text, at)?;
                continue;
            }
            self.by_id.insert(id.clone(), self.entities.len());
            self.entities.push(Entity {
                id: id.into(),
                kind: e.kind,
                canonical: e.canonical,
                forms,
                wikidata: e.wikidata,
                subtype: e.subtype,
                country: e.country,
                roles: e.roles,
                pack: pack.clone(),
            });
            self.check_claims(path, text, at)?;
        }
        for p in raw.phrase {
            let at = p.id.at();
            let id = p.id.into_id();
            if self.phrases.iter().any(|q| q.id == id) {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!("duplicate phrase id {id:?}"),
                ));
            }
            let regex = match &p.regex {
                Some(r) => Some(PhraseRegex::parse(r, checked).map_err(|e| {
                    data_error(
                        path,
                        text,
                        locate_key(text, at, "regex"),
                        format!("phrase {id:?}: invalid regex: {e}"),
                    )
                })?),
                None => None,
            };
            if regex.is_none() && p.find.is_empty() {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!("phrase {id:?} needs `find` or `regex`"),
                ));
            }
            if regex.is_some() && !p.find.is_empty() {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!("phrase {id:?} has both `find` and `regex`"),
                ));
            }
            let confidence = p.confidence.unwrap_or(0.9);
            if !(0.0..=1.0).contains(&confidence) {
                return Err(data_error(
                    path,
                    text,
                    at,
                    format!("phrase {id:?}: confidence must lie between 0 and 1"),
                ));
            }
            self.phrases.push(Phrase {
                id,
                find: p.find,
                regex,
                replace: p.replace,
                entity: p.entity,
                kind: p.kind.unwrap_or(PhraseKind::Sic),
                confidence,
                when: p.when,
                note: p.note,
            });
        }
        Ok(())
    }

    /// The last entity added must not claim, as an unconditioned variant, a
    /// key another entity uses (or the reverse).
    fn check_claims(&mut self, path: &str, text: &str, at: usize) -> Result<()> {
        match self.entities.len() {
            0 => Ok(()),
            n => self.check_claims_of(n - 1, path, text, at),
        }
    }

    /// Entity `n` must not claim, as an unconditioned variant, a key another
    /// entity uses (or the reverse). Registers `n`'s forms for later checks.
    fn check_claims_of(&mut self, n: usize, path: &str, text: &str, at: usize) -> Result<()> {
        let new = &self.entities[n];
        for f in &new.forms {
            let entry = (n, f.kind, f.when.is_some());
            let Some(claims) = self.claims.get_mut(&f.key) else {
                self.claims.insert(f.key.clone(), vec![entry]);
                continue;
            };
            let clash = claims.iter().find(|&&(k, kind, conditioned)| {
                k != n
                    && (f.kind == FormKind::Variant || kind == FormKind::Variant)
                    && f.when.is_none()
                    && !conditioned
            });
            if let Some(&(k, _, _)) = clash {
                return Err(data_error(
                    path,
                    text,
                    locate(text, at, &f.text),
                    format!(
                        "{:?} is claimed by entities {:?} and {:?} without a `when` condition",
                        f.text, self.entities[k].id, new.id
                    ),
                ));
            }
            if !claims.contains(&entry) {
                claims.push(entry);
            }
        }
        Ok(())
    }

    /// The entity with `id`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&k| &self.entities[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Lexicon> {
        let mut l = Lexicon::default();
        l.load("test.toml", text)?;
        Ok(l)
    }

    const HEAD: &str = "[pack]\nname = \"t\"\ndescription = \"d\"\n";

    #[test]
    fn a_later_pack_extends_an_entity_with_the_same_id_and_canonical() {
        let mut l = load(&format!(
            "{HEAD}[[entity]]\nid = \"x\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\n"
        ))
        .unwrap();
        let more = "[pack]\nname = \"u\"\ndescription = \"d\"\n[[entity]]\nid = \"x\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\nvariants = [\"Ann Leigh\"]\n";
        l.load("user.toml", more).unwrap();
        assert_eq!(l.entities.len(), 1);
        assert!(
            l.entity("x")
                .unwrap()
                .forms
                .iter()
                .any(|f| f.text == "Ann Leigh")
        );
        let clash = more.replace("Ann Lee\"\nvariants", "Ann Li\"\nvariants");
        assert!(l.load("user2.toml", &clash).is_err());
    }

    #[test]
    fn loads_entities_with_conditioned_forms() {
        let l = load(&format!(
            "{HEAD}[[entity]]\nid = \"x\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\nshort = [\"Lee\"]\nvariants = [\"Ann Li\", {{ form = \"Li\", when = {{ near_any = [\"@x\"] }} }}]\n"
        ))
        .unwrap();
        let e = l.entity("x").unwrap();
        assert_eq!(e.forms.len(), 4);
        assert_eq!(e.target_of("Ann Li"), "Ann Lee");
        assert_eq!(e.target_of("Li"), "Lee");
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let err = load(&format!(
            "{HEAD}[[entity]]\nid = \"x\"\ntype = \"person\"\ncanonical = \"A\"\nnickname = \"B\"\n"
        ))
        .unwrap_err();
        let Error::Data { line, message, .. } = err else {
            panic!()
        };
        assert_eq!(line, 8);
        assert!(message.contains("nickname"), "{message}");
    }

    #[test]
    fn a_variant_claimed_twice_is_an_error() {
        let err = load(&format!(
            "{HEAD}[[entity]]\nid = \"a\"\ntype = \"place\"\ncanonical = \"Ganja\"\n\n[[entity]]\nid = \"b\"\ntype = \"place\"\ncanonical = \"Ghana\"\nvariants = [\"Ganja\"]\n"
        ))
        .unwrap_err();
        let Error::Data { line, message, .. } = err else {
            panic!()
        };
        assert_eq!(line, 13, "{message}");
    }

    #[test]
    fn errors_deep_in_a_large_file_name_their_line() {
        // Large files are parsed part by part: positions must still count
        // from the start of the file.
        let entity = |k: usize| {
            format!("[[entity]]\nid = \"e{k}\"\ntype = \"place\"\ncanonical = \"Place {k}\"\n")
        };
        let many: String = (0..3000).map(entity).collect();
        let lines = HEAD.lines().count() + many.lines().count();
        for (tail, line) in [
            (
                "[[entity]]\nid = \"z\"\ntype = \"place\"\ncanonical = \"Z\"\ncolour = 1\n",
                5,
            ),
            (entity(7).as_str(), 2),
            ("[pack]\nname = \"again\"\n", 1),
            (
                "[[entity]]\nid = \"z\"\ntype = \"place\"\ncanonical = \"Z\"\nshort = [\"Place 9\"]\nvariants = [\"Place 12\"]\n",
                6,
            ),
        ] {
            let err = load(&format!("{HEAD}{many}{tail}")).unwrap_err();
            let Error::Data {
                line: at, message, ..
            } = err
            else {
                panic!()
            };
            assert_eq!(at, lines + line, "{message}");
        }
        let ok = load(&format!("{HEAD}{many}")).unwrap();
        assert_eq!(ok.entities.len(), 3000);
        assert_eq!(ok.entities[2999].canonical, "Place 2999");
    }

    #[test]
    fn duplicate_ids_and_bad_regexes_are_errors() {
        let dup = format!(
            "{HEAD}[[entity]]\nid = \"a\"\ntype = \"place\"\ncanonical = \"A\"\n[[entity]]\nid = \"a\"\ntype = \"place\"\ncanonical = \"B\"\n"
        );
        assert!(matches!(load(&dup), Err(Error::Data { line: 9, .. })));
        let bad = format!("{HEAD}[[phrase]]\nid = \"p\"\nregex = \"(\"\nreplace = \"x\"\n");
        assert!(matches!(load(&bad), Err(Error::Data { line: 6, .. })));
    }

    /// The packs hold what an expert writes down before reading any file:
    /// one-off garbles of particular documents are the matcher's job.
    #[test]
    fn no_pack_lists_one_off_garbles() {
        let garbles = [
            "Passinyan",
            "Passing an",
            "Zaturin",
            "Saizan",
            "Kudamir",
            "Owanishan",
            "Zurbishvili",
            "Bagdad",
            "Joseph Borrell",
        ];
        let mut l = Lexicon::default();
        for (path, text) in BUILTIN {
            l.load(path, text).unwrap();
            for g in garbles {
                assert!(!text.contains(g), "{path} lists the one-off garble {g:?}");
            }
        }
        let ganja = l.entity("ganja").unwrap();
        assert!(
            !ganja.forms.iter().any(|f| f.key == "ghana"),
            "Ghana listed as a form of Ganja"
        );
    }

    #[test]
    fn every_embedded_toml_pack_loads_from_its_build_time_json_as_from_its_toml() {
        for (path, text) in BUILTIN {
            let json = crate::embedded::from_json::<RawFile<String>>(text);
            if path.ends_with(".tsv") {
                assert!(json.is_none(), "{path}");
                continue;
            }
            let json_raw = json.unwrap_or_else(|| panic!("{path} has no JSON"));
            let (mut toml, mut json) = (Lexicon::default(), Lexicon::default());
            let toml_raw = RawFile::parse(path, text).unwrap();
            toml.load_raw(path, text, toml_raw, false).unwrap();
            json.load_raw(path, text, json_raw, true).unwrap();
            assert!(
                !json.entities.is_empty() || !json.phrases.is_empty(),
                "{path}"
            );
            assert_eq!(toml.entities, json.entities, "{path}");
            // every field of the phrases, conditions included
            assert_eq!(
                format!("{:?}", toml.phrases),
                format!("{:?}", json.phrases),
                "{path}"
            );
            assert_eq!(toml.by_id, json.by_id, "{path}");
            assert_eq!(toml.packs, json.packs, "{path}");
            assert_eq!(toml.activation, json.activation, "{path}");
            assert_eq!(toml.claims, json.claims, "{path}");
        }
    }

    #[test]
    fn a_packs_name_is_read_from_its_pack_table_alone() {
        for (path, text) in BUILTIN {
            let mut l = Lexicon::default();
            l.load(path, text).unwrap();
            assert_eq!(pack_name(text).as_ref(), l.packs.first(), "{path}");
        }
        let text =
            "# comment\n[pack]\nname = \"p\"\ndescription = \"d\"\n\n[[entity]]\nid = \"x\"\n";
        assert_eq!(pack_name(text).as_deref(), Some("p"));
        assert_eq!(pack_name("[[entity]]\nid = \"x\"\n"), None);
    }

    #[test]
    fn builtin_references_resolve() {
        let mut l = Lexicon::default();
        for (path, text) in BUILTIN {
            l.load(path, text).unwrap();
        }
        let check = |c: &Condition, whose: &str| {
            for r in c
                .doc_any
                .iter()
                .chain(&c.doc_all)
                .chain(&c.near_any)
                .chain(&c.near_none)
            {
                if let Some(id) = r.strip_prefix('@') {
                    assert!(
                        l.entity(id).is_some(),
                        "{whose}: unknown entity reference {r}"
                    );
                }
            }
        };
        for e in &l.entities {
            if let Some(c) = &e.country {
                assert!(l.entity(c).is_some(), "{}: unknown country {c}", e.id);
            }
            for f in &e.forms {
                if let Some(c) = &f.when {
                    check(c, &e.id);
                }
            }
        }
        for p in &l.phrases {
            if let Some(id) = &p.entity {
                assert!(
                    l.entity(id).is_some(),
                    "phrase {}: unknown entity {id}",
                    p.id
                );
            }
            if let Some(c) = &p.when {
                check(c, &p.id);
            }
        }
    }

    #[test]
    fn builtin_packs_load() {
        let mut l = Lexicon::default();
        for (path, text) in BUILTIN {
            l.load(path, text).unwrap();
        }
        assert!(l.entities.len() > 100);
        assert!(l.phrases.len() > 20);
        // their regexes are compiled when first used: every one must compile
        for p in &l.phrases {
            if let Some(re) = &p.regex {
                assert!(re.get().is_some(), "phrase {} does not compile", p.id);
            }
        }
    }
}
