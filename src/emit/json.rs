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
//!   "profile": {                    // what the document is (optional when reading older logs)
//!     "lang": "en",                 // BCP 47 tag of the document language ("und": undetermined)
//!     "lang_confidence": 0.99,      // 0..1; 1 when given by --lang
//!     "script": "Latn",             // optional: ISO 15924 script
//!     "langs": [{"lang": "en", "share": 0.97}, {"lang": "de", "share": 0.03}],
//!                                   // languages by share of the letters judged, the document's first
//!     "lang_evidence": "...",       // how the language was found
//!     "kind": "pdf-extract",        // pdf-extract | web-copy | mt-news | chat-answer | prose
//!     "kind_confidence": 0.83,      // 0..1; 1 when given by --kind
//!     "kind_evidence": ["..."],     // what the kind was judged from
//!     "page_breaks": false,         // a page break is evident (form feeds, page numbers)
//!     "blocks": [                   // blocks that differ: another language, or kept verbatim
//!       {"start": 10, "end": 90, "lang": "de"},
//!       {"start": 95, "end": 140, "verbatim": "code"}   // code | table | formula | data | glyphs
//!     ]
//!   },
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
use std::io::Write as _;

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
    /// What the document is (absent from logs written before profiles).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<LogProfile>,
    /// The edits.
    pub edits: Vec<LogEdit>,
}

/// The document profile as the log writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogProfile {
    /// BCP 47 tag of the document language.
    pub lang: String,
    /// How sure, 0..1.
    pub lang_confidence: f32,
    /// ISO 15924 script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// Languages by share of the letters judged.
    pub langs: Vec<LogLangShare>,
    /// How the language was found.
    pub lang_evidence: String,
    /// Kind of source.
    pub kind: String,
    /// How sure, 0..1.
    pub kind_confidence: f32,
    /// What the kind was judged from.
    pub kind_evidence: Vec<String>,
    /// Whether a page break is evident.
    pub page_breaks: bool,
    /// Blocks in another language, or kept verbatim.
    pub blocks: Vec<LogBlock>,
}

/// A language and its share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogLangShare {
    /// BCP 47 tag.
    pub lang: String,
    /// Share of the letters judged, 0..1.
    pub share: f32,
}

/// A block that differs from the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogBlock {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Its language, when not the document's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Its verbatim kind (code, table, formula, data, glyphs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verbatim: Option<String>,
}

/// The profile of `c` as the log writes it.
pub fn log_profile(c: &crate::Conversion) -> LogProfile {
    let p = &c.profile;
    let mut blocks: Vec<LogBlock> = p
        .block_langs
        .iter()
        .map(|&(i, l)| (i, Some(l.tag().to_owned()), None))
        .chain(
            p.verbatim
                .iter()
                .map(|&(i, v)| (i, None, Some(v.id().to_owned()))),
        )
        .map(|(i, lang, verbatim)| {
            let span = c.document.blocks[i].span;
            LogBlock {
                start: span.start,
                end: span.end,
                lang,
                verbatim,
            }
        })
        .collect();
    blocks.sort_by_key(|b| (b.start, b.verbatim.is_some()));
    LogProfile {
        lang: p.lang.tag().to_owned(),
        lang_confidence: p.lang_confidence,
        script: p.script.map(str::to_owned),
        langs: p
            .langs
            .iter()
            .map(|&(l, share)| LogLangShare {
                lang: l.tag().to_owned(),
                share,
            })
            .collect(),
        lang_evidence: p.lang_evidence.clone(),
        kind: p.kind.id().to_owned(),
        kind_confidence: p.kind_confidence,
        kind_evidence: p.kind_evidence.clone(),
        page_breaks: p.page_breaks,
        blocks,
    }
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
    EditId(i).to_string()
}

/// The id of the `.0`-th edit (0-based), formatted where it is written
/// (the TEI's `@n`, the log's `id`) without a string of its own.
#[derive(Debug, Clone, Copy)]
pub struct EditId(pub usize);

impl std::fmt::Display for EditId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "e{}", self.0 + 1)
    }
}

impl Serialize for EditId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The log of `c`.
pub fn log(c: &crate::Conversion) -> EditLog {
    EditLog {
        emend: env!("CARGO_PKG_VERSION").to_owned(),
        source: c.source.name.clone(),
        encoding: c.source.encoding.to_owned(),
        bom: c.source.bom,
        build: None,
        profile: Some(log_profile(c)),
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
                confidence: rounded(e.confidence),
                entity: e.entity.clone(),
                note: e.note.clone(),
                reviewed: e.reviewed,
            })
            .collect(),
    }
}

/// The log of `c` as pretty-printed JSON with a final newline.
pub fn to_string(c: &crate::Conversion) -> String {
    render(c, None)
}

/// The log of `c` stamped with the engine's build id (for batch outputs).
pub fn to_string_with_build(c: &crate::Conversion, build: &str) -> String {
    render(c, Some(build))
}

/// Writes [`to_string`]'s text to `out` without building it in memory
/// first.
pub fn write(c: &crate::Conversion, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_log(c, None, out)
}

/// Writes [`to_string_with_build`]'s text to `out` without building it in
/// memory first.
pub fn write_with_build(
    c: &crate::Conversion,
    build: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_log(c, Some(build), out)
}

fn render(c: &crate::Conversion, build: Option<&str>) -> String {
    let mut out = Vec::new();
    write_log(c, build, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn write_log(
    c: &crate::Conversion,
    build: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let view = LogView {
        emend: env!("CARGO_PKG_VERSION"),
        source: &c.source.name,
        encoding: c.source.encoding,
        bom: c.source.bom,
        build,
        profile: log_profile(c),
        edits: EditsView(&c.edits),
    };
    // serde_json writes token by token; a buffer of its own type makes each
    // write an inlined copy instead of a call through `dyn Write`.
    let mut w = std::io::BufWriter::with_capacity(1 << 15, out);
    serde_json::to_writer_pretty(&mut w, &view)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// [`EditLog`] borrowing from the conversion, field for field: writing the
/// log of a large document then holds no second copy of every edit's texts.
#[derive(Serialize)]
struct LogView<'a> {
    emend: &'a str,
    source: &'a str,
    encoding: &'a str,
    bom: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    build: Option<&'a str>,
    profile: LogProfile,
    edits: EditsView<'a>,
}

/// The edits, numbered as they are written.
struct EditsView<'a>(&'a [Edit]);

impl Serialize for EditsView<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().enumerate().map(|(i, e)| LogEditView {
            id: EditId(i),
            rule: &e.rule,
            category: e.category,
            status: e.status,
            start: e.span.start,
            end: e.span.end,
            before: &e.before,
            after: &e.after,
            confidence: rounded(e.confidence),
            entity: e.entity.as_deref(),
            note: e.note.as_deref(),
            reviewed: e.reviewed,
        }))
    }
}

/// [`LogEdit`] borrowing from an [`Edit`].
#[derive(Serialize)]
struct LogEditView<'a> {
    id: EditId,
    rule: &'a str,
    category: Category,
    status: Status,
    start: usize,
    end: usize,
    before: &'a str,
    after: &'a str,
    confidence: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    entity: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<Verdict>,
}

/// Confidences are logged to three decimals.
fn rounded(confidence: f32) -> f32 {
    (confidence * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_log_is_the_edit_log_serialized() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/input/002_cb372d90f576539b.txt"
        ))
        .expect("sample input");
        let c = crate::convert_text("a.txt", &text);
        assert!(
            c.edits
                .iter()
                .any(|e| e.entity.is_some() && e.note.is_some())
        );
        let mut full = log(&c);
        full.build = Some("b".to_owned());
        let expected = serde_json::to_string_pretty(&full).expect("serializes") + "\n";
        assert_eq!(to_string_with_build(&c, "b"), expected);
        full.build = None;
        let expected = serde_json::to_string_pretty(&full).expect("serializes") + "\n";
        assert_eq!(to_string(&c), expected);
    }
}
