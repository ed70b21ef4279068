//! The conversion pipeline: decode, parse, run passes, decide, apply.

use crate::apply::apply;
use crate::decide::{Decision, Dropped, decide};
use crate::document::Document;
use crate::edit::Edit;
use crate::entity::{EntityRecord, Mention};
use crate::error::Result;
use crate::options::Options;
use crate::parse::parse;
use crate::passes::{Context, Pass, Proposals, registry};
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
    /// The rules that ran, in order.
    pub rules: Vec<RuleInfo>,
    /// The source with every applied edit carried out.
    pub clean: String,
}

/// A configured converter: options validated and resources compiled once,
/// then used for any number of inputs (it is `Sync`, so threads may share it).
pub struct Engine {
    options: Options,
    passes: Vec<Box<dyn Pass>>,
}

impl Engine {
    /// Builds the passes for `options`.
    pub fn new(options: Options) -> Result<Self> {
        let passes = registry(&options);
        Ok(Engine { options, passes })
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Decodes and converts one input.
    pub fn convert_bytes(&self, name: &str, bytes: &[u8]) -> Result<Conversion> {
        let source = Source::decode(name, bytes, self.options.encoding.as_deref())?;
        Ok(self.convert(source))
    }

    /// Converts decoded text.
    pub fn convert(&self, source: Source) -> Conversion {
        let document = parse(&source.text);
        let protected = document.protected_spans();
        let cx = Context {
            text: &source.text,
            doc: &document,
            protected: &protected,
            options: &self.options,
        };
        let mut proposals = Proposals::default();
        for pass in &self.passes {
            pass.run(&cx, &mut proposals);
        }
        let Decision { edits, dropped } =
            decide(proposals.edits, &protected, self.options.min_confidence);
        let clean = apply(&source.text, &edits);
        let mut mentions = proposals.mentions;
        mentions.sort();
        mentions.dedup();
        let rules = self
            .passes
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
            rules,
            clean,
        }
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
