//! The HTML review report: one self-contained page (no network, no external
//! assets) showing what emend changed in one or many documents, where a
//! reviewer filters, steps through, accepts and rejects edits and exports a
//! [decisions file](crate::decisions) for `emend convert --decisions`.
//!
//! # Page data
//!
//! The page carries its data as JSON in `<script type="application/json"
//! id="emend-data">` (every `</` written as `<\/` and `<!--` as `\u003c!--`,
//! so no source text can end the script element):
//!
//! ```text
//! {
//!   "emend": "0.1.0",
//!   "decisions_name": "doc.decisions.json",   // suggested download name
//!   "prior": { ...decisions file... } | null, // the --decisions file, kept on export
//!   "rules": [ { "id": "whitespace", "applied": 3, "suggested": 0 } ],
//!   "categories": [ "typography", "whitespace" ],
//!   "docs": [ {
//!     "name": "input/a.txt",
//!     "edits": [ { "fp": "3f9c0a1b2c3d4e5f",   // decisions::fingerprint, never recomputed in JS
//!                  "rule": "quotes", "category": "typography",
//!                  "status": "applied", "confidence": 0.85,
//!                  "line": 3, "column": 18,
//!                  "before": "\"", "after": "“",
//!                  "note": "...",
//!                  "reviewed": "accept" } ],  // a verdict of "prior"; edits it
//!                                             // rejected are listed too
//!     "chunks": [ [ "plain text", 0, "more text", 1 ], ... ]
//!   } ]
//! }
//! ```
//!
//! A chunk is a run of source paragraphs (cut at blank lines, or at line
//! ends once it passes [`CHUNK_SOFT`] bytes, never inside an edit): plain
//! source strings interleaved with indexes into `edits`. Concatenating the
//! strings and each edit's `before` gives back the source; taking `after`
//! for the edits in force gives the clean text, so the page aligns source
//! and clean text chunk by chunk and renders chunks lazily as they scroll
//! into view.

use crate::Conversion;
use crate::decisions::{DecisionIndex, Decisions, Verdict, fingerprint};
use crate::edit::{Edit, Status};
use crate::span::{LineCursor, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A chunk is closed at the next line end once it is this long (bytes).
pub const CHUNK_SOFT: usize = 4096;
/// A line longer than this is cut after a space (bytes).
pub const CHUNK_HARD: usize = 16384;

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");
const TEMPLATE: &str = include_str!("html/report.html");

/// Everything the page needs.
#[derive(Debug, Serialize)]
pub struct ReportData<'a> {
    /// Version of emend that wrote the page.
    pub emend: &'static str,
    /// File name offered for the exported decisions.
    pub decisions_name: String,
    /// Decisions the conversions were made with, kept on export.
    pub prior: Option<&'a Decisions>,
    /// Rules with edits, sorted by id, with counts over all documents.
    pub rules: Vec<RuleRow<'a>>,
    /// Categories with edits, sorted.
    pub categories: Vec<&'static str>,
    /// The documents, in the order given.
    pub docs: Vec<DocData<'a>>,
}

/// A rule and its counts.
#[derive(Debug, Serialize)]
pub struct RuleRow<'a> {
    /// Rule id.
    pub id: &'a str,
    /// Applied edits.
    pub applied: usize,
    /// Suggested edits.
    pub suggested: usize,
}

/// One document of the page.
#[derive(Debug, Serialize)]
pub struct DocData<'a> {
    /// Input name.
    pub name: &'a str,
    /// Its edits in source order.
    pub edits: Vec<PageEdit<'a>>,
    /// The source cut into chunks of text and edit indexes.
    pub chunks: Vec<Vec<Segment<'a>>>,
}

/// One edit as the page shows it.
#[derive(Debug, Serialize)]
pub struct PageEdit<'a> {
    /// [`fingerprint`] of the edit.
    pub fp: String,
    /// Rule id.
    pub rule: &'a str,
    /// Category name.
    pub category: &'static str,
    /// Applied or suggested.
    pub status: Status,
    /// Confidence, rounded to 3 decimals.
    pub confidence: f32,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Source text.
    pub before: &'a str,
    /// Replacement.
    pub after: &'a str,
    /// Evidence for the reviewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// The verdict of a decisions file, if one settled it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Verdict>,
}

/// A piece of a chunk: source text, or the index of an edit.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Segment<'a> {
    /// Unchanged source text.
    Text(&'a str),
    /// Index into the document's edits.
    Edit(usize),
}

/// How the conversions of a page were made, besides the edits themselves.
#[derive(Debug, Clone, Copy)]
pub struct PageOptions<'a> {
    /// The decisions file they were converted with: its verdicts show in the
    /// page, the edits it rejected are listed again (so a reviewer can change
    /// their mind), and its entries survive an export.
    pub prior: Option<&'a Decisions>,
    /// The confidence threshold they were converted with: an edit the file
    /// rejected shows as applied or suggested by it.
    pub min_confidence: f32,
}

impl Default for PageOptions<'_> {
    fn default() -> Self {
        PageOptions {
            prior: None,
            min_confidence: crate::options::DEFAULT_MIN_CONFIDENCE,
        }
    }
}

/// The data of the page for `docs`.
pub fn data<'a>(docs: &'a [Conversion], opts: PageOptions<'a>) -> ReportData<'a> {
    let index = opts.prior.map(Decisions::index);
    let docs: Vec<DocData<'a>> = docs
        .iter()
        .map(|c| doc_data(c, index.as_ref(), opts.min_confidence))
        .collect();
    let mut rules: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut categories = BTreeSet::new();
    for e in docs.iter().flat_map(|d| &d.edits) {
        let n = rules.entry(e.rule).or_default();
        match e.status {
            Status::Applied => n.0 += 1,
            Status::Suggested => n.1 += 1,
        }
        categories.insert(e.category);
    }
    let decisions_name = match &docs[..] {
        [one] => {
            let name = one.name.rsplit(['/', '\\']).next().unwrap_or("");
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            if stem.is_empty() || stem == "-" {
                "emend.decisions.json".to_owned()
            } else {
                format!("{stem}.decisions.json")
            }
        }
        _ => "emend.decisions.json".to_owned(),
    };
    ReportData {
        emend: env!("CARGO_PKG_VERSION"),
        decisions_name,
        prior: opts.prior,
        rules: rules
            .into_iter()
            .map(|(id, (applied, suggested))| RuleRow {
                id,
                applied,
                suggested,
            })
            .collect(),
        categories: categories.into_iter().collect(),
        docs,
    }
}

/// The edits a page shows: the conversion's, and those `prior` rejected
/// (status by `min_confidence`, verdict reject) where they overlap none of
/// them, sorted by span.
fn page_edits<'a>(
    c: &'a Conversion,
    prior: Option<&DecisionIndex>,
    min_confidence: f32,
) -> Vec<(&'a Edit, Status, Option<Verdict>)> {
    let mut out: Vec<(&Edit, Status, Option<Verdict>)> =
        c.edits.iter().map(|e| (e, e.status, e.reviewed)).collect();
    let Some(prior) = prior else { return out };
    let text = c.source.text.as_str();
    let mut rejected: Vec<&Edit> = c
        .dropped
        .iter()
        .map(|d| &d.edit)
        .filter(|e| e.before != e.after && prior.verdict(text, e) == Some(Verdict::Reject))
        .collect();
    rejected.sort_by_key(|e| e.span);
    let mut extra: Vec<&Edit> = Vec::new();
    for r in rejected {
        let i = c.edits.partition_point(|k| k.span.end < r.span.start);
        let clash = c.edits[i..]
            .iter()
            .take_while(|k| k.span.start <= r.span.end)
            .any(|k| k.span.overlaps(r.span))
            || extra.last().is_some_and(|x| x.span.overlaps(r.span));
        if !clash && r.span.end <= text.len() {
            extra.push(r);
        }
    }
    out.extend(extra.into_iter().map(|e| {
        let status = if e.confidence >= min_confidence {
            Status::Applied
        } else {
            Status::Suggested
        };
        (e, status, Some(Verdict::Reject))
    }));
    out.sort_by_key(|(e, _, _)| e.span);
    out
}

fn doc_data<'a>(
    c: &'a Conversion,
    prior: Option<&DecisionIndex>,
    min_confidence: f32,
) -> DocData<'a> {
    let text = c.source.text.as_str();
    let shown = page_edits(c, prior, min_confidence);
    let mut cursor = LineCursor::new(text);
    let edits = shown
        .iter()
        .map(|&(e, status, reviewed)| {
            let lc = cursor.at(e.span.start);
            PageEdit {
                fp: fingerprint(text, e),
                rule: &e.rule,
                category: e.category.as_str(),
                status,
                confidence: (e.confidence * 1000.0).round() / 1000.0,
                line: lc.line,
                column: lc.column,
                before: &e.before,
                after: &e.after,
                note: e.note.as_deref(),
                reviewed,
            }
        })
        .collect();
    let spans: Vec<Span> = shown.iter().map(|(e, _, _)| e.span).collect();
    DocData {
        name: &c.source.name,
        edits,
        chunks: chunks(text, &spans),
    }
}

/// True if `pos` lies strictly inside one of the edit spans `edits`
/// (sorted, not overlapping).
fn inside(edits: &[Span], pos: usize) -> bool {
    let i = edits.partition_point(|e| e.end <= pos);
    edits.get(i).is_some_and(|e| e.start < pos)
}

/// Chunk boundaries of `text`: byte offsets, first 0, last `text.len()`.
fn boundaries(text: &str, edits: &[Span]) -> Vec<usize> {
    let mut bounds = vec![0];
    let mut chunk_start = 0;
    let mut has_content = false;
    let mut prev_blank = false;
    let mut pos = 0;
    while pos < text.len() {
        // The next line, with its line end (LF, CRLF or CR).
        let rest = &text[pos..];
        let len = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => i + 2,
            Some(i) => i + 1,
            None => rest.len(),
        };
        let line = &rest[..len];
        let blank = line.trim().is_empty();
        let cut_para = prev_blank && has_content && !blank;
        if pos > chunk_start && (cut_para || pos - chunk_start >= CHUNK_SOFT) && !inside(edits, pos)
        {
            bounds.push(pos);
            chunk_start = pos;
            has_content = false;
        }
        // A very long line is cut after a space (never inside an edit).
        if len > CHUNK_HARD {
            let mut last = pos;
            for (i, ch) in line.char_indices() {
                let at = pos + i + ch.len_utf8();
                if ch == ' ' && at - last >= CHUNK_SOFT && at < pos + len && !inside(edits, at) {
                    bounds.push(at);
                    last = at;
                }
            }
            if last > pos {
                chunk_start = last;
            }
        }
        has_content |= !blank;
        prev_blank = blank;
        pos += len;
    }
    // Cuts are strictly increasing and below text.len(): this closes the last
    // chunk (an empty text is one empty chunk).
    bounds.push(text.len());
    bounds
}

/// Cuts `text` into chunks of plain text and edit indexes.
fn chunks<'a>(text: &'a str, edits: &[Span]) -> Vec<Vec<Segment<'a>>> {
    let bounds = boundaries(text, edits);
    let mut out = Vec::with_capacity(bounds.len());
    let mut next = 0; // next edit to place
    for (k, w) in bounds.windows(2).enumerate() {
        let (start, end) = (w[0], w[1]);
        let last = k + 2 == bounds.len();
        let mut segs = Vec::new();
        let mut pos = start;
        while let Some(e) = edits.get(next) {
            let s = e.start.clamp(pos, end);
            if e.start > end || (e.start == end && !last) {
                break;
            }
            if let Some(t) = text.get(pos..s).filter(|t| !t.is_empty()) {
                segs.push(Segment::Text(t));
            }
            segs.push(Segment::Edit(next));
            pos = e.end.clamp(s, text.len());
            next += 1;
        }
        if let Some(t) = text.get(pos..end).filter(|t| !t.is_empty()) {
            segs.push(Segment::Text(t));
        }
        out.push(segs);
    }
    // Edits past the end of the text (never made by the pipeline) still show.
    if next < edits.len() {
        let mut tail: Vec<Segment<'a>> = (next..edits.len()).map(Segment::Edit).collect();
        match out.last_mut() {
            Some(segs) => segs.append(&mut tail),
            None => out.push(tail),
        }
    }
    out
}

/// JSON that is safe inside a `<script>` element.
fn script_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The report page for `docs`, converted as `opts` says.
pub fn to_string(docs: &[Conversion], opts: PageOptions<'_>) -> String {
    let title = match docs {
        [one] => format!("emend review: {}", one.source.name),
        _ => format!("emend review: {} documents", docs.len()),
    };
    let data = script_json(&data(docs, opts));
    let title = escape_html(&title);
    fill(TEMPLATE, |name| match name {
        "version" => env!("CARGO_PKG_VERSION"),
        "title" => &title,
        "css" => CSS,
        "js" => JS,
        "data" => &data,
        _ => "",
    })
}

/// `template` with each `{{name}}` replaced by `value(name)`; replacement
/// text is never scanned again.
fn fill<'a>(template: &str, value: impl Fn(&str) -> &'a str) -> String {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(i) = rest.find("{{") {
        let Some(j) = rest[i..].find("}}") else { break };
        out.push_str(&rest[..i]);
        out.push_str(value(&rest[i + 2..i + j]));
        rest = &rest[i + j + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(c: &Conversion) -> Vec<Span> {
        c.edits.iter().map(|e| e.span).collect()
    }

    fn join(text: &str, c: &Conversion, chunks: &[Vec<Segment<'_>>]) -> (String, String) {
        let _ = text;
        let (mut src, mut clean) = (String::new(), String::new());
        for seg in chunks.iter().flatten() {
            match seg {
                Segment::Text(t) => {
                    src.push_str(t);
                    clean.push_str(t);
                }
                Segment::Edit(i) => {
                    let e = &c.edits[*i];
                    src.push_str(&e.before);
                    clean.push_str(if e.is_applied() { &e.after } else { &e.before });
                }
            }
        }
        (src, clean)
    }

    #[test]
    fn chunks_give_back_source_and_clean_text() {
        let text = "Title  here\n\nWar , and  peace.\n\n\nA second , one.\nSame  paragraph.\n";
        let c = crate::convert_text("t.txt", text);
        let ch = chunks(text, &spans(&c));
        assert_eq!(ch.len(), 3, "{ch:?}");
        let (src, clean) = join(text, &c, &ch);
        assert_eq!(src, text);
        assert_eq!(clean, c.clean);
    }

    #[test]
    fn long_lines_are_cut_but_never_inside_an_edit() {
        let line = "word , ".repeat(6000);
        let c = crate::convert_text("t.txt", &line);
        let ch = chunks(&line, &spans(&c));
        assert!(ch.len() > 2, "{}", ch.len());
        let (src, clean) = join(&line, &c, &ch);
        assert_eq!(src, line);
        assert_eq!(clean, c.clean);
        let b = boundaries(&line, &spans(&c));
        assert!(b.iter().all(|&p| !inside(&spans(&c), p)));
    }

    #[test]
    fn empty_text_has_one_empty_chunk() {
        let c = crate::convert_text("t.txt", "");
        assert_eq!(chunks("", &spans(&c)), vec![Vec::<Segment<'_>>::new()]);
    }

    #[test]
    fn script_data_cannot_close_the_script() {
        let c = crate::convert_text("a</script>.txt", "x </script><!-- y  z\n");
        let page = to_string(std::slice::from_ref(&c), PageOptions::default());
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "only the two real ends"
        );
        assert!(!page.contains("<!-- y"));
        assert!(page.contains("emend review: a&lt;/script&gt;.txt"));
    }
}
