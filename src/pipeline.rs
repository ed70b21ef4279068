//! The conversion pipeline: decode, parse, run passes, decide, apply.

use crate::apply::apply;
use crate::decide::{Decision, Dropped, decide};
use crate::decisions::{DecisionIndex, Decisions};
use crate::document::Document;
use crate::edit::Edit;
use crate::entity::{EntityRecord, Mention};
use crate::error::Result;
use crate::hash::Fnv;
use crate::options::Options;
use crate::parse::parse;
use crate::passes::{Context, Pass, Proposals, Scope, registry};
use crate::profile::{Guesses, LanguageDetector, Overrides, Profile};
use crate::source::Source;
use std::collections::BTreeMap;

/// A rule as the TEI header and reports describe it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// Rule id.
    pub id: &'static str,
    /// What it does.
    pub description: &'static str,
}

/// Everything one conversion produced; every output format is a view of it.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The decoded source.
    pub source: Source,
    /// The parsed document.
    pub document: Document,
    /// Applied and suggested edits, sorted by span, never overlapping.
    pub edits: Vec<Edit>,
    /// Proposals the policy did not keep, with the reason.
    pub dropped: Vec<Dropped>,
    /// Entity mentions, sorted by span.
    pub mentions: Vec<Mention>,
    /// The entities mentioned, by id.
    pub entities: BTreeMap<String, EntityRecord>,
    /// What the document is: language(s), kind of source, verbatim blocks.
    pub profile: Profile,
    /// The rules that ran, in order (those whose scope excludes the
    /// document did not run).
    pub rules: Vec<RuleInfo>,
    /// The source with every applied edit carried out.
    pub clean: String,
    /// The decisions file that settled some edits, if one was given.
    pub decisions: Option<String>,
    /// Fingerprints in the decisions file that matched no edit of this input.
    pub unmatched_decisions: Vec<String>,
}

/// A configured converter: options validated and resources compiled once,
/// then used for any number of inputs (it is `Sync`, so threads may share it).
pub struct Engine {
    options: Options,
    passes: Vec<Box<dyn Pass>>,
    review: Option<(String, DecisionIndex)>,
    build_id: String,
    resources: std::sync::Arc<crate::names::Resources>,
    detector: LanguageDetector,
    corpus: Option<std::sync::Arc<crate::corpus_lines::LineStats>>,
    corpus_names: Option<std::sync::Arc<crate::names::batch::NameCounts>>,
}

impl Engine {
    /// Builds the passes for `options` and compiles the lexicons and phrase
    /// packs once; a malformed lexicon is an [`crate::Error::Data`] naming the
    /// file, line and column.
    pub fn new(options: Options) -> Result<Self> {
        let passes = registry(&options);
        let resources = crate::names::Resources::for_options(&options)?;
        let review = match &options.decisions {
            Some(path) => Some((path.display().to_string(), Decisions::load(path)?.index())),
            None => None,
        };
        let mut h = Fnv::default();
        h.write(env!("CARGO_PKG_VERSION").as_bytes());
        h.write(env!("EMEND_SOURCE_HASH").as_bytes());
        h.write(format!("{options:?}").as_bytes());
        if let Some(path) = &options.decisions {
            h.write(&std::fs::read(path).map_err(|e| crate::Error::io(path, e))?);
        }
        for path in &options.lexicons {
            h.write(&std::fs::read(path).map_err(|e| crate::Error::io(path, e))?);
        }
        Ok(Engine {
            options,
            passes,
            review,
            build_id: h.hex(),
            resources,
            detector: LanguageDetector::default(),
            corpus: None,
            corpus_names: None,
        })
    }

    /// The same engine, converting documents as part of a corpus with these
    /// line statistics (recurring lines are furniture evidence); they are
    /// part of the build id, so outputs made without them are not taken for
    /// up to date.
    pub fn with_corpus_lines(mut self, stats: crate::corpus_lines::LineStats) -> Self {
        let mut h = Fnv::default();
        h.write(self.build_id.as_bytes());
        h.write(stats.digest().as_bytes());
        self.build_id = h.hex();
        self.corpus = Some(std::sync::Arc::new(stats));
        self
    }

    /// The same engine, converting documents as part of a batch whose
    /// documents write these capitalised words (evidence for the direction
    /// of a document's name variants); part of the build id.
    pub fn with_corpus_names(mut self, counts: crate::names::batch::NameCounts) -> Self {
        let mut h = Fnv::default();
        h.write(self.build_id.as_bytes());
        h.write(counts.digest().as_bytes());
        self.build_id = h.hex();
        self.corpus_names = Some(std::sync::Arc::new(counts));
        self
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Identity of this engine: emend's version, a hash of the sources it was
    /// built from, the options and the contents of the data files it loaded.
    /// Outputs stamped with the same id were made by an equivalent engine.
    pub fn build_id(&self) -> String {
        self.build_id.clone()
    }

    /// Decodes and converts one input held in memory by value (no copy for
    /// UTF-8 input).
    pub fn convert_vec(&self, name: &str, bytes: Vec<u8>) -> Result<Conversion> {
        let source = Source::decode_owned(name, bytes, self.options.encoding.as_deref())?;
        refuse_columns(name, &source)?;
        Ok(self.convert(source))
    }

    /// Decodes and converts one input.
    pub fn convert_bytes(&self, name: &str, bytes: &[u8]) -> Result<Conversion> {
        let source = Source::decode(name, bytes, self.options.encoding.as_deref())?;
        refuse_columns(name, &source)?;
        Ok(self.convert(source))
    }

    /// Converts text already decoded (a JSON Lines record, a Python
    /// string): the `encoding` option does not apply, and side-by-side
    /// columns are refused as for files.
    pub fn convert_str(&self, name: &str, text: String) -> Result<Conversion> {
        let source = Source::from_text(name, text);
        refuse_columns(name, &source)?;
        Ok(self.convert(source))
    }

    /// Converts decoded text.
    pub fn convert(&self, source: Source) -> Conversion {
        let document = parse(&source.text);
        let protected = document.protected_spans();
        // the later rounds' profiles take the language guesses of this one
        let mut guesses = Guesses::default();
        let profile = Profile::build_remembering(
            &source.text,
            &document,
            &self.detector,
            Overrides {
                lang: self.options.lang,
                kind: self.options.kind,
            },
            &mut guesses,
        );
        let cx = Context::new(
            &source.text,
            &document,
            &protected,
            &self.options,
            &self.resources,
        )
        .with_profile(&profile)
        .with_corpus(self.corpus.as_deref())
        .with_corpus_names(self.corpus_names.as_deref());
        let (proposals, mut ran) = self.run_passes(&cx, &profile);
        let text = source.text.as_str();

        let unmatched_decisions = self
            .review
            .as_ref()
            .map(|(_, index)| index.unmatched(text, &proposals.edits))
            .unwrap_or_default();
        let verdict = |e: &Edit| {
            self.review
                .as_ref()
                .and_then(|(_, index)| index.verdict(text, e))
        };
        let mut out_of_scope = Vec::new();
        let proposed = in_scope(
            proposals.edits,
            &document,
            &profile,
            &ran,
            &mut out_of_scope,
            &verdict,
        );
        let Decision {
            mut edits,
            mut dropped,
        } = decide(proposed, &protected, self.options.min_confidence, &verdict);
        crate::passes::keep_moves_whole(&mut edits);
        dropped.append(&mut out_of_scope);
        let (edits, clean) = self.later_rounds(text, edits, &mut ran, &mut dropped, &mut guesses);
        // the registry's order, whichever round a rule first ran in
        ran.sort_by_key(|p| {
            self.passes
                .iter()
                .position(|q| q.id() == p.id())
                .unwrap_or(usize::MAX)
        });
        let mut mentions = proposals.mentions;
        // equal mentions are alike in every field, so an unstable sort
        // orders as a stable one would, without its scratch copy (8 MB
        // for the 230,000 mentions of a 20 MB file)
        mentions.sort_unstable();
        mentions.dedup();
        let rules = ran
            .iter()
            .map(|p| RuleInfo {
                id: p.id(),
                description: p.description(),
            })
            .collect();
        Conversion {
            source,
            document,
            edits,
            dropped,
            mentions,
            entities: proposals.entities,
            profile,
            rules,
            clean,
            decisions: self.review.as_ref().map(|(name, _)| name.clone()),
            unmatched_decisions,
        }
    }
}

impl Engine {
    /// Runs the rules whose scope admits `profile`, in the registry's
    /// order: their proposals, and the rules that ran.
    fn run_passes(&self, cx: &Context<'_>, profile: &Profile) -> (Proposals, Vec<&dyn Pass>) {
        let mut proposals = Proposals::default();
        let mut ran: Vec<&dyn Pass> = Vec::new();
        for pass in &self.passes {
            if pass.scope().admits(profile) {
                pass.run(cx, &mut proposals);
                ran.push(pass.as_ref());
            }
        }
        (proposals, ran)
    }

    /// The rules of one later round over `text` (a clean text of the round
    /// before): the edits they would apply, spans over `text`, and the rules
    /// that ran. The round profiles `text` afresh, as a conversion of the
    /// clean text would: a web copy without its furniture reads as prose,
    /// and the rules for prose then act on it.
    fn applied_over<'a>(
        &'a self,
        text: &str,
        guesses: &mut Guesses,
    ) -> (Vec<Edit>, Vec<&'a dyn Pass>) {
        let document = parse(text);
        let protected = document.protected_spans();
        let profile = Profile::build_remembering(
            text,
            &document,
            &self.detector,
            Overrides {
                lang: self.options.lang,
                kind: self.options.kind,
            },
            guesses,
        );
        let cx = Context::new(text, &document, &protected, &self.options, &self.resources)
            .with_profile(&profile)
            .with_corpus(self.corpus.as_deref())
            .with_corpus_names(self.corpus_names.as_deref());
        let (proposals, ran) = self.run_passes(&cx, &profile);
        let mut out_of_scope = Vec::new();
        let proposed = in_scope(
            proposals.edits,
            &document,
            &profile,
            &ran,
            &mut out_of_scope,
            &|_| None,
        );
        let Decision { mut edits, .. } =
            decide(proposed, &protected, self.options.min_confidence, &|_| None);
        crate::passes::keep_moves_whole(&mut edits);
        edits.retain(Edit::is_applied);
        (edits, ran)
    }

    /// `edits` (the first round's, over `source`) with the applied edits of
    /// later rounds composed in (see [`crate::rounds`]), and the clean text
    /// they make; the rules that ran in a later round and not in the first
    /// are added to `ran`. A round runs only when the one before applied
    /// something; an edit a person rejected stays unapplied.
    fn later_rounds<'a>(
        &'a self,
        source: &str,
        mut edits: Vec<Edit>,
        ran: &mut Vec<&'a dyn Pass>,
        dropped: &mut Vec<Dropped>,
        guesses: &mut Guesses,
    ) -> (Vec<Edit>, String) {
        let mut clean = apply(source, &edits);
        let mut changed = edits.iter().any(Edit::is_applied);
        let review = |e: &Edit| {
            self.review.as_ref().is_none_or(|(_, index)| {
                index.verdict(source, e) != Some(crate::decisions::Verdict::Reject)
            })
        };
        for round in 2..=crate::rounds::MAX_ROUNDS {
            if !changed {
                break;
            }
            let (later, also) = self.applied_over(&clean, guesses);
            for pass in also {
                if !ran.iter().any(|p| p.id() == pass.id()) {
                    ran.push(pass);
                }
            }
            if later.is_empty() {
                break;
            }
            let (log, mut overruled) = crate::rounds::compose(source, edits, later, round, &review);
            dropped.append(&mut overruled);
            let next = apply(source, &log);
            changed = next != clean;
            clean = next;
            edits = log;
        }
        (edits, clean)
    }
}

/// The lexicon language: the canonical forms of the built-in packs (and of
/// lexicons, which name no language) are English.
const LEXICON_LANG: &str = "en";

/// `edits` without those outside their rule's scope, which go to `dropped`
/// with the reason: inside a verbatim block (code, table, formula, data)
/// for a rule not allowed there; in a block of a language the rule is not
/// for; a name rewritten into its English canonical form in text of another
/// language (the mention stays linked to its entity).
fn in_scope(
    edits: Vec<Edit>,
    doc: &crate::document::Document,
    profile: &Profile,
    ran: &[&dyn Pass],
    dropped: &mut Vec<Dropped>,
    review: &dyn Fn(&Edit) -> Option<crate::decisions::Verdict>,
) -> Vec<Edit> {
    let scopes: Vec<(&str, Scope)> = ran.iter().map(|p| (p.id(), p.scope())).collect();
    let scope_of = |rule: &str| {
        let id = rule.split('/').next().unwrap_or(rule);
        scopes
            .iter()
            .find(|(k, _)| *k == id)
            .map_or(Scope::EVERYWHERE, |(_, s)| *s)
    };
    let verbatim = profile.verbatim_spans(doc);
    let simple = verbatim.is_empty()
        && profile.block_langs.is_empty()
        && {
            let l = profile.lang;
            l.is_undetermined() || l.tag() == LEXICON_LANG
        }
        && scopes
            .iter()
            .all(|(_, s)| s.langs.is_empty() || s.admits_lang(profile.lang));
    if simple {
        return edits;
    }
    let mut kept = Vec::with_capacity(edits.len());
    for e in edits {
        // a person's acceptance outweighs every scope
        if review(&e) == Some(crate::decisions::Verdict::Accept) {
            kept.push(e);
            continue;
        }
        let scope = scope_of(&e.rule);
        // touching counts: a join or a removal at a code block's edge
        // changes the block too
        let k = verbatim.partition_point(|v| v.end < e.span.start);
        // (but a block taken out whole just above one leaves it as it was)
        let line_above = |v: &crate::span::Span| {
            e.after.is_empty()
                && e.span.end == v.start
                && e.before.ends_with('\n')
                && doc
                    .block_at(e.span.start)
                    .is_some_and(|i| doc.blocks[i].span.start == e.span.start)
        };
        let in_verbatim = verbatim
            .get(k)
            .is_some_and(|v| v.start <= e.span.end && e.span.start <= v.end && !line_above(v));
        if in_verbatim && !scope.verbatim {
            let kind = doc
                .block_at(verbatim[k].start)
                .and_then(|i| profile.verbatim_block(i))
                .map_or("verbatim", |v| v.id());
            dropped.push(Dropped {
                edit: e,
                reason: format!("inside a {kind} block, kept verbatim").into(),
            });
            continue;
        }
        let lang = profile.lang_at(doc, e.span.start);
        if !scope.admits_lang(lang) {
            dropped.push(Dropped {
                edit: e,
                reason: format!(
                    "the rule is for text in {}; this block is in {} ({lang})",
                    scope.langs.join(", "),
                    lang.name()
                )
                .into(),
            });
            continue;
        }
        if e.category == crate::edit::Category::Name
            && e.rule.starts_with("names")
            && !lang.is_undetermined()
            && lang.tag() != LEXICON_LANG
        {
            let mut e = e;
            let why = format!(
                "not rewritten: the text here is {} ({lang}), the lexicon's canonical forms are English; the name stays linked to its entity",
                lang.name()
            );
            e.note = Some(match e.note.take() {
                Some(n) => format!("{n}; {why}"),
                None => why.clone(),
            });
            dropped.push(Dropped {
                edit: e,
                reason: why.into(),
            });
            continue;
        }
        kept.push(e);
    }
    kept
}

/// Refuses a text set in two columns side by side (`pdftotext -layout`):
/// no reading of it would keep its sentences whole.
fn refuse_columns(name: &str, source: &Source) -> Result<()> {
    match crate::parse::layout::side_by_side(&source.text) {
        Some((line, column)) => Err(crate::error::Error::SideBySide {
            name: name.to_owned(),
            line,
            column,
        }),
        None => Ok(()),
    }
}

/// Converts one text with default options: the shortest way in.
///
/// ```
/// let c = emend::convert_text("note.txt", "A  title\n\nSome text , here.");
/// assert_eq!(c.clean, "A title\n\nSome text, here.");
/// ```
pub fn convert_text(name: &str, text: &str) -> Conversion {
    Engine::new(Options::default())
        .expect("default options are valid")
        .convert(Source::from_text(name, text))
}
