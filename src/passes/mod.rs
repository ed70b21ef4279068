//! Passes: each proposes edits for one kind of problem.
//!
//! A pass reads the parsed document (never raw offsets it computed itself)
//! and pushes [`Edit`]s. It never changes text. The [`registry`] lists passes
//! in the order they run; a later pass sees what earlier ones proposed, which
//! matters where a rule compares normalized text (glosses after names).
//! Adding a rule is a new file plus one line in the registry.

mod boilerplate;
mod credits;
mod duplicates;
mod ends;
mod entities;
mod fragments;
mod furniture;
mod glosses;
mod grammar;
mod hyphen_dashes;
mod joins;
mod keywords;
mod ligatures;
mod markup;
/// Not a rule: the entity mentions the name rules record.
mod mentions;
mod mojibake;
mod names;
mod nfc;
mod numbers;
mod pages;
/// Not a rule: the regex pattern files the boilerplate and residue rules run.
mod patterns;
mod phrases;
mod punctuation;
mod quotes;
/// Not a rule: the spans by which rules take blocks and lines out.
mod removal;
mod repetition;
mod residue;
mod spelling;
mod untranslated;
mod whitespace;
mod xml_chars;

use crate::document::Document;
use crate::edit::Edit;
use crate::entity::{EntityRecord, Mention};
use crate::names::context::DocIndex;
use crate::options::Options;
use crate::profile::{Profile, SourceKind};
use crate::span::Span;
use std::cell::{Ref, RefCell};
use std::collections::BTreeMap;

pub use crate::analysis::chars::is_xml_forbidden;
pub use joins::MOVED;
pub(crate) use joins::keep_moves_whole;
pub use pages::is_page_furniture;
pub use quotes::QuoteStyle;

/// What a pass sees.
pub struct Context<'a> {
    /// The decoded source text.
    pub text: &'a str,
    /// The parsed document.
    pub doc: &'a Document,
    /// Spans no rule may rewrite (URLs, e-mails, citations, references).
    pub protected: &'a [Span],
    /// The conversion options.
    pub options: &'a Options,
    /// Lexicons and phrase packs, compiled once by the engine.
    pub resources: &'a crate::names::Resources,
    /// What the document is: language(s), kind of source, verbatim blocks.
    pub profile: &'a Profile,
    /// How many documents of the batch hold each short line, when the
    /// document is converted as part of a corpus.
    pub corpus: Option<&'a crate::corpus_lines::LineStats>,
    /// How many documents of the batch write each capitalised word, when
    /// the document is converted as part of a batch.
    pub corpus_names: Option<&'a crate::names::batch::NameCounts>,
    /// The document's name index (folded text, exact lexicon hits), built by
    /// the first pass that needs it: the phrase and name passes both read
    /// it, and building it twice cost a tenth of the whole pipeline.
    name_index: RefCell<Option<DocIndex<'a>>>,
}

impl<'a> Context<'a> {
    /// The context of one document.
    pub fn new(
        text: &'a str,
        doc: &'a Document,
        protected: &'a [Span],
        options: &'a Options,
        resources: &'a crate::names::Resources,
    ) -> Self {
        Context {
            text,
            doc,
            protected,
            options,
            resources,
            profile: Profile::neutral(),
            corpus: None,
            corpus_names: None,
            name_index: RefCell::new(None),
        }
    }

    /// The same context with the document's profile.
    pub fn with_profile(mut self, profile: &'a Profile) -> Self {
        self.profile = profile;
        self
    }

    /// The same context, with the line statistics of the document's corpus.
    pub fn with_corpus(mut self, corpus: Option<&'a crate::corpus_lines::LineStats>) -> Self {
        self.corpus = corpus;
        self
    }

    /// The same context, with the name counts of the document's batch.
    pub fn with_corpus_names(
        mut self,
        counts: Option<&'a crate::names::batch::NameCounts>,
    ) -> Self {
        self.corpus_names = counts;
        self
    }

    /// The name index, built on first use.
    pub(crate) fn name_index(&self) -> Ref<'_, DocIndex<'a>> {
        if self.name_index.borrow().is_none() {
            let built = crate::names::index(self.text, self.doc, self.resources);
            *self.name_index.borrow_mut() = Some(built);
        }
        Ref::map(self.name_index.borrow(), |i| {
            i.as_ref().expect("built above")
        })
    }

    /// The name index for a pass that changes it: taken if built, else
    /// built; later passes get a fresh one.
    pub(crate) fn take_name_index(&self) -> DocIndex<'a> {
        self.name_index
            .borrow_mut()
            .take()
            .unwrap_or_else(|| crate::names::index(self.text, self.doc, self.resources))
    }

    /// True if `span` overlaps a protected scope.
    pub fn is_protected(&self, span: Span) -> bool {
        let i = self.protected.partition_point(|p| p.end <= span.start);
        self.protected[i..]
            .iter()
            .take_while(|p| p.start < span.end.max(span.start + 1))
            .any(|p| p.overlaps(span) || p.contains(span))
    }
}

/// What passes have proposed so far.
#[derive(Debug, Default)]
pub struct Proposals {
    /// Proposed edits, in no particular order.
    pub edits: Vec<Edit>,
    /// Entity mentions found.
    pub mentions: Vec<Mention>,
    /// Records of the entities mentioned, by id.
    pub entities: BTreeMap<String, EntityRecord>,
}

/// `removed[i]` is true when an edit `pick` chooses among those proposed so
/// far, sure enough to be applied, removes block `i` whole with the space up
/// to the next block: what later rules may look past.
pub(crate) fn removed_blocks(
    cx: &Context<'_>,
    out: &Proposals,
    pick: impl Fn(&Edit) -> bool,
) -> Vec<bool> {
    let blocks = &cx.doc.blocks;
    let mut deletions: Vec<Span> = out
        .edits
        .iter()
        .filter(|e| e.after.is_empty() && e.confidence >= cx.options.min_confidence && pick(e))
        .map(|e| e.span)
        .collect();
    deletions.sort_unstable();
    // the furthest end of the deletions starting at or before each one
    let mut reach = Vec::with_capacity(deletions.len());
    let mut furthest = 0;
    for d in &deletions {
        furthest = furthest.max(d.end);
        reach.push(furthest);
    }
    (0..blocks.len())
        .map(|i| {
            let b = blocks[i].span;
            let next = blocks.get(i + 1).map_or(cx.text.len(), |n| n.span.start);
            let k = deletions.partition_point(|d| d.start <= b.start);
            k > 0 && reach[k - 1] >= next.max(b.end)
        })
        .collect()
}

/// One rule family.
pub trait Pass: Send + Sync {
    /// Rule id: lowercase words joined by hyphens; used in the edit log and TEI `@resp`.
    fn id(&self) -> &'static str;
    /// One sentence for the TEI `editorialDecl`: what the rule does.
    fn description(&self) -> &'static str;
    /// Pushes proposals for the document in `cx`.
    fn run(&self, cx: &Context<'_>, out: &mut Proposals);
    /// Where the rule applies; everywhere unless the registry says otherwise.
    fn scope(&self) -> Scope {
        Scope::EVERYWHERE
    }
}

/// Where a rule applies: the kinds of source, the languages and the blocks
/// it may edit. The registry skips a pass whose scope excludes the
/// document; the pipeline drops an edit of a language-bound rule in a block
/// of another language, and any edit inside a verbatim block (code, table,
/// formula, data) from a rule not allowed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// Kinds of source the rule acts on; empty: every kind.
    pub kinds: &'static [SourceKind],
    /// Also acts, whatever the kind, where a page break is evident.
    pub page_breaks: bool,
    /// Languages (BCP 47 tags) whose text the rule may edit; empty: any.
    /// Text of undetermined language counts as any.
    pub langs: &'static [&'static str],
    /// Whether the rule may edit inside verbatim blocks.
    pub verbatim: bool,
}

impl Scope {
    /// Every kind, language and block but verbatim ones.
    pub const EVERYWHERE: Scope = Scope {
        kinds: &[],
        page_breaks: false,
        langs: &[],
        verbatim: false,
    };

    /// Whether the rule runs on a document with this profile at all.
    pub fn admits(&self, p: &Profile) -> bool {
        let kind = self.kinds.is_empty()
            || self.kinds.contains(&p.kind)
            || p.tied_kinds.iter().any(|k| self.kinds.contains(k))
            || (self.page_breaks && p.page_breaks);
        let lang = self.langs.is_empty() || p.lang.is_undetermined() || p.uses_any(self.langs);
        kind && lang
    }

    /// Whether the rule may edit text in language `lang`.
    pub fn admits_lang(&self, lang: crate::profile::Lang) -> bool {
        self.langs.is_empty() || lang.is_undetermined() || self.langs.contains(&lang.tag())
    }

    /// In words, for the README's rules table and `--verbose`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.id()).collect();
            let mut k = kinds.join(", ");
            if self.page_breaks {
                k.push_str(" or an evident page break");
            }
            parts.push(k);
        }
        if !self.langs.is_empty() {
            parts.push(format!("text in {}", self.langs.join(", ")));
        }
        if self.verbatim {
            parts.push("also inside code and tables".to_string());
        }
        if parts.is_empty() {
            "everywhere but code and tables".to_string()
        } else {
            parts.join("; ")
        }
    }
}

/// A pass with the scope the registry gives it.
struct Scoped<P> {
    pass: P,
    scope: Scope,
}

impl<P: Pass> Pass for Scoped<P> {
    fn id(&self) -> &'static str {
        self.pass.id()
    }
    fn description(&self) -> &'static str {
        self.pass.description()
    }
    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        self.pass.run(cx, out);
    }
    fn scope(&self) -> Scope {
        self.scope
    }
}

/// `pass` acting only within `scope`.
fn scoped<P: Pass + 'static>(pass: P, scope: Scope) -> Box<dyn Pass> {
    Box::new(Scoped { pass, scope })
}

/// Paginated sources: a PDF extract, or any text with a page break.
const PAGINATED: Scope = Scope {
    kinds: &[SourceKind::PdfExtract],
    page_breaks: true,
    ..Scope::EVERYWHERE
};

/// Every kind but news in one segment a paragraph, where a credit line is
/// a segment of the text (a translation test set, a wire feed), not a
/// picture's furniture.
const NOT_SEGMENTED_NEWS: Scope = Scope {
    kinds: &[
        SourceKind::PdfExtract,
        SourceKind::WebCopy,
        SourceKind::ChatAnswer,
        SourceKind::Prose,
    ],
    ..Scope::EVERYWHERE
};

/// Rules built on English word lists and English MT patterns.
const ENGLISH: Scope = Scope {
    langs: &["en"],
    ..Scope::EVERYWHERE
};

/// English running text whose sentences arrive whole: MT output, prose, a
/// chat answer; not a PDF extract or a web copy, where headings, captions,
/// menus and code run into the sentences and their case is no evidence.
const ENGLISH_SENTENCES: Scope = Scope {
    kinds: &[
        SourceKind::MtNews,
        SourceKind::Prose,
        SourceKind::ChatAnswer,
    ],
    langs: &["en"],
    ..Scope::EVERYWHERE
};

/// Byte lengths of the common start and the common end of `a` and `b`
/// (whole characters; the end counted after the start, so they never
/// overlap): what stays unchanged when `a` is replaced by `b`, for rules
/// that keep an edit to the part that changes.
pub(crate) fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let suffix: usize = a[prefix..]
        .chars()
        .rev()
        .zip(b[prefix..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (prefix, suffix)
}

/// The passes in the order they run.
pub fn registry(options: &Options) -> Vec<Box<dyn Pass>> {
    vec![
        // characters XML cannot hold go even from code
        scoped(
            xml_chars::XmlChars,
            Scope {
                verbatim: true,
                ..Scope::EVERYWHERE
            },
        ),
        Box::new(mojibake::Mojibake),
        Box::new(entities::Entities),
        Box::new(nfc::Nfc),
        Box::new(ligatures::Ligatures),
        Box::new(untranslated::Untranslated),
        Box::new(whitespace::Whitespace),
        Box::new(quotes::Quotes::new(options.quotes)),
        Box::new(markup::Markup),
        Box::new(keywords::Keywords),
        scoped(credits::Credits, NOT_SEGMENTED_NEWS),
        scoped(phrases::Phrases, ENGLISH),
        Box::new(names::Names),
        Box::new(glosses::Glosses),
        Box::new(boilerplate::Boilerplate::new()),
        Box::new(residue::Residue::new()),
        Box::new(furniture::Furniture),
        scoped(pages::Pages, PAGINATED),
        Box::new(duplicates::Duplicates),
        scoped(joins::Joins, PAGINATED),
        Box::new(punctuation::Punctuation),
        scoped(hyphen_dashes::HyphenDashes, ENGLISH),
        scoped(numbers::Numbers, ENGLISH_SENTENCES),
        scoped(repetition::Repetition, ENGLISH),
        scoped(spelling::Spelling, ENGLISH_SENTENCES),
        scoped(grammar::Grammar, ENGLISH_SENTENCES),
        scoped(fragments::Fragments, ENGLISH),
        Box::new(ends::Ends),
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// `text` with the edits of `edits` that would be applied (confidence at
    /// or above the default threshold) carried out.
    pub fn applied_text(text: &str, edits: &[Edit]) -> String {
        let applied: Vec<Edit> = edits
            .iter()
            .filter(|e| e.confidence >= crate::options::DEFAULT_MIN_CONFIDENCE)
            .cloned()
            .collect();
        crate::apply::apply(text, &applied)
    }

    /// Runs one pass over `text` with default options; edits sorted by span.
    pub fn run_pass(pass: &dyn Pass, text: &str) -> Vec<Edit> {
        run_passes(&[pass], text).edits
    }

    /// Runs one pass over `text` in language `lang` (a BCP 47 tag, as
    /// `--lang` gives it); edits sorted by span.
    pub fn run_pass_in(pass: &dyn Pass, text: &str, lang: &str) -> Vec<Edit> {
        run_pass_as(pass, text, lang, None)
    }

    /// Runs one pass over `text` in language `lang` and, if given, of the
    /// kind of source `kind` (as `--lang` and `--kind` give them).
    pub fn run_pass_as(
        pass: &dyn Pass,
        text: &str,
        lang: &str,
        kind: Option<SourceKind>,
    ) -> Vec<Edit> {
        let doc = crate::parse::parse(text);
        let profile = Profile::build(
            text,
            &doc,
            &crate::profile::LanguageDetector::default(),
            crate::profile::Overrides {
                lang: Some(crate::profile::Lang::parse(lang).expect("a known language")),
                kind,
            },
        );
        run_passes_with(&[pass], text, &profile).edits
    }

    /// Runs `passes` in order over `text` with the built-in packs; returns
    /// everything proposed (edits sorted by span).
    pub fn run_passes(passes: &[&dyn Pass], text: &str) -> Proposals {
        run_passes_with(passes, text, Profile::neutral())
    }

    fn run_passes_with(passes: &[&dyn Pass], text: &str, profile: &Profile) -> Proposals {
        let doc = crate::parse::parse(text);
        let protected = doc.protected_spans();
        let options = Options::default();
        let empty = crate::names::Resources::empty();
        let cx = Context::new(
            text,
            &doc,
            &protected,
            &options,
            crate::names::Resources::builtin().unwrap_or(&empty),
        )
        .with_profile(profile);
        let mut out = Proposals::default();
        for p in passes {
            p.run(&cx, &mut out);
        }
        out.edits.sort_by_key(|e| e.span);
        out
    }
}
