//! The JSON edit log: a wire format other tools rely on.
//!
//! # Format
//!
//! One JSON object:
//!
//! ```text
//! {
//!   "emend":    "0.1.0",            // version that wrote the log
//!   "source":   "input/a.txt",      // input name as given
//!   "encoding": "UTF-8",            // WHATWG name of the source encoding
//!   "bom":      false,              // whether the source began with a byte-order mark
//!   "build":    "9c0f…",            // optional (batch outputs): engine identity, for up-to-date checks
//!   "edits": [ {
//!     "id":         "e1",           // unique in the log, in source order
//!     "rule":       "names",        // rule id (see the TEI editorialDecl)
//!     "category":   "name",         // see Category
//!     "status":     "applied",      // "applied" | "suggested"
//!     "start": 120, "end": 129,     // UTF-8 byte offsets into the decoded source
//!     "before":     "Passinyan",    // source text of start..end
//!     "after":      "Pashinyan",    // replacement
//!     "confidence": 0.93,           // 0..1
//!     "entity":     "nikol-pashinyan", // optional: lexicon id
//!     "note":       "...",          // optional: evidence for a reviewer
//!     "reviewed":   "accept"        // optional: a decisions file settled it
//!   } ]
//! }
//! ```
//!
//! Edits are sorted by `start` and never overlap. Replacing, in the clean
//! text, each applied edit's `after` by its `before` gives back the source
//! exactly ([`crate::restore::from_edit_log`]); the JSON Schema is
//! `schemas/edits.schema.json`.

use crate::decisions::Verdict;
use crate::edit::{Category, Edit, Status};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// The edit log of one conversion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditLog {
    /// Version of emend that wrote it.
    pub emend: String,
    /// Input name.
    pub source: String,
    /// Source encoding.
    pub encoding: String,
    /// Whether the source began with a byte-order mark.
    #[serde(default)]
    pub bom: bool,
    /// Identity of the engine that wrote the log (version, options, data
    /// files): a batch skips inputs whose log has the current one. Written
    /// only in batch outputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<String>,
    /// The edits.
    pub edits: Vec<LogEdit>,
}

/// One edit as the log writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEdit {
    /// Id unique in the log.
    pub id: String,
    /// Rule id.
    pub rule: String,
    /// Category.
    pub category: Category,
    /// Applied or suggested.
    pub status: Status,
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Source text.
    pub before: String,
    /// Replacement.
    pub after: String,
    /// Confidence.
    pub confidence: f32,
    /// Lexicon entity id.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub entity: Option<String>,
    /// Reviewer note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    /// Present when a decisions file settled the edit (`"accept"`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub reviewed: Option<Verdict>,
}

impl LogEdit {
    /// The edit this entry describes.
    pub fn to_edit(&self) -> Edit {
        Edit {
            span: Span::new(self.start, self.end.max(self.start)),
            before: self.before.clone(),
            after: self.after.clone(),
            rule: self.rule.clone(),
            category: self.category,
            confidence: self.confidence,
            status: self.status,
            entity: self.entity.clone(),
            note: self.note.clone(),
            reviewed: self.reviewed,
        }
    }
}

/// Id of the `i`-th edit (0-based) of a conversion.
pub fn edit_id(i: usize) -> String {
    format!("e{}", i + 1)
}

/// The log of `c`.
pub fn log(c: &crate::Conversion) -> EditLog {
    EditLog {
        emend: env!("CARGO_PKG_VERSION").to_owned(),
        source: c.source.name.clone(),
        encoding: c.source.encoding.to_owned(),
        bom: c.source.bom,
        build: None,
        edits: c
            .edits
            .iter()
            .enumerate()
            .map(|(i, e)| LogEdit {
                id: edit_id(i),
                rule: e.rule.clone(),
                category: e.category,
                status: e.status,
                start: e.span.start,
                end: e.span.end,
                before: e.before.clone(),
                after: e.after.clone(),
                confidence: (e.confidence * 1000.0).round() / 1000.0,
                entity: e.entity.clone(),
                note: e.note.clone(),
                reviewed: e.reviewed,
            })
            .collect(),
    }
}

/// The log of `c` as pretty-printed JSON with a final newline.
pub fn to_string(c: &crate::Conversion) -> String {
    render(&log(c))
}

/// The log of `c` stamped with the engine's build id (for batch outputs).
pub fn to_string_with_build(c: &crate::Conversion, build: &str) -> String {
    let mut l = log(c);
    l.build = Some(build.to_owned());
    render(&l)
}

fn render(log: &EditLog) -> String {
    let mut s = serde_json::to_string_pretty(log).expect("edit log serializes");
    s.push('\n');
    s
}
