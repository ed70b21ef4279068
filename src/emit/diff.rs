//! Diff reports: what emend changed, for a person (terminal), for `patch`
//! (unified), and for programs (JSON).
//!
//! The terminal and JSON views are built from the edit list itself, so every
//! change carries its rule, confidence and status; the unified view is a
//! line diff of source against clean text (the `similar` crate) that
//! `patch`/`git apply` accept against the source.

use crate::Conversion;
use crate::decisions::fingerprint;
use crate::edit::{Edit, Status};
use crate::emit::json::edit_id;
use crate::span::{LineCursor, Span};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// ANSI styles, or nothing when colour is off.
#[derive(Clone, Copy)]
struct Style {
    on: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// Makes spacing visible in a change: `·` for a space, `⏎` for a line break,
/// `⍽` for a no-break space, `⇥` for a tab.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => '·',
            '\n' | '\r' => '⏎',
            '\u{A0}' | '\u{202F}' => '⍽',
            '\t' => '⇥',
            c if c.is_control() => '�',
            c => c,
        })
        .collect()
}

fn shown(s: &str) -> String {
    if s.trim().is_empty() {
        visible(s)
    } else {
        s.replace(['\r', '\n'], "⏎")
    }
}

/// Counts of applied and suggested edits per rule.
pub fn counts(c: &Conversion) -> BTreeMap<&str, (usize, usize)> {
    let mut by_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in &c.edits {
        let n = by_rule.entry(e.rule.as_str()).or_default();
        match e.status {
            Status::Applied => n.0 += 1,
            Status::Suggested => n.1 += 1,
        }
    }
    by_rule
}

/// A word-level view for a terminal: each changed source line with the
/// changes marked inline (`[-old-]{+new+}` applied, `[?old→new?]` suggested),
/// a label per change, and a summary per rule.
pub fn terminal(c: &Conversion, color: bool) -> String {
    let st = Style { on: color };
    let text = &c.source.text;
    let mut out = String::new();
    let _ = writeln!(out, "{}", st.paint("1", &format!("--- {}", c.source.name)));
    let _ = writeln!(
        out,
        "{}",
        st.paint("2", &format!("    profile: {}", c.profile.summary()))
    );
    let mut lines = LineCursor::new(text);
    let breaks = Breaks::new(text);
    let mut i = 0;
    while i < c.edits.len() {
        // A region: the source lines of this edit, grown while the next edit
        // starts on a line already in it.
        let region_start = breaks.line_start(c.edits[i].span.start);
        let mut region_end = breaks.line_end(c.edits[i].span.end, text.len());
        let mut j = i + 1;
        while j < c.edits.len() && c.edits[j].span.start <= region_end {
            region_end = region_end.max(breaks.line_end(c.edits[j].span.end, text.len()));
            j += 1;
        }
        let lc = lines.at(region_start);
        let mut line = String::new();
        let mut pos = region_start;
        for e in &c.edits[i..j] {
            line.push_str(&text[pos..e.span.start]);
            match e.status {
                Status::Applied => {
                    if !e.before.is_empty() {
                        line.push_str(&st.paint("31;9", &format!("[-{}-]", shown(&e.before))));
                    }
                    if !e.after.is_empty() {
                        line.push_str(&st.paint("32", &format!("{{+{}+}}", shown(&e.after))));
                    }
                }
                Status::Suggested => {
                    line.push_str(&st.paint(
                        "33",
                        &format!("[?{}→{}?]", shown(&e.before), shown(&e.after)),
                    ));
                }
            }
            pos = e.span.end;
        }
        line.push_str(&text[pos..region_end]);
        let _ = writeln!(
            out,
            "{}",
            st.paint("36", &format!("@@ line {} @@", lc.line))
        );
        for l in line.lines() {
            let _ = writeln!(out, "  {l}");
        }
        for (k, e) in c.edits[i..j].iter().enumerate() {
            let status = match e.status {
                Status::Applied => st.paint("32", "applied"),
                Status::Suggested => st.paint("33", "suggested"),
            };
            let note = e
                .note
                .as_deref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    {} {} {} {:.2} {}{}",
                st.paint("2", &edit_id(i + k)),
                st.paint("1", &e.rule),
                status,
                e.confidence,
                st.paint("2", &format!("({})", e.category.as_str())),
                note
            );
        }
        i = j;
    }
    let by_rule = counts(c);
    let _ = writeln!(out, "{}", st.paint("1", "=== changes by rule"));
    for (rule, (applied, suggested)) in &by_rule {
        let _ = writeln!(
            out,
            "  {rule:<24} {applied:>5} applied {suggested:>5} suggested"
        );
    }
    if by_rule.is_empty() {
        let _ = writeln!(out, "  no changes");
    }
    out
}

/// The line breaks of a text, found once, so that the line of each edit is
/// a binary search (one long line with many edits stays linear).
struct Breaks(Vec<usize>);

impl Breaks {
    fn new(text: &str) -> Breaks {
        scanned(text.len());
        let b = text.as_bytes();
        Breaks(
            (0..b.len())
                .filter(|&i| b[i] == b'\n' || b[i] == b'\r')
                .collect(),
        )
    }

    /// Start of the line holding byte `at`.
    fn line_start(&self, at: usize) -> usize {
        let k = self.0.partition_point(|&i| i < at);
        if k == 0 { 0 } else { self.0[k - 1] + 1 }
    }

    /// End of the line holding byte `at` (the first break at or after it).
    fn line_end(&self, at: usize, len: usize) -> usize {
        let k = self.0.partition_point(|&i| i < at);
        self.0.get(k).copied().unwrap_or(len)
    }
}

thread_local! {
    static SCANNED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn scanned(bytes: usize) {
    SCANNED.with(|s| s.set(s.get() + bytes as u64));
}

/// Work done by the terminal view and the unified diff on the calling
/// thread since it started: bytes scanned for line breaks, plus, for each
/// piece the unified diff line-diffs, its bytes and its old × new line
/// count (the most its diff can compare). Reading it changes nothing;
/// tests/linearity.rs uses it to check that the work grows linearly with
/// the text, also for one long line with many edits.
pub fn work() -> u64 {
    SCANNED.with(|s| s.get())
}

/// A unified diff of the source against the clean text, with `a/` and `b/`
/// headers, that `patch -p1` or `git apply` apply to the source.
///
/// The texts are cut at line starts that no applied edit touches (where
/// source and clean text agree) and each piece is line-diffed on its own,
/// so the work grows with the text, not with text × changes as one Myers
/// diff of the whole would.
pub fn unified(c: &Conversion) -> String {
    use similar::{DiffOp, TextDiff};
    let name = c.source.name.trim_start_matches("./");
    let (text, clean) = (c.source.text.as_str(), c.clean.as_str());
    let applied: Vec<&Edit> = c.edits.iter().filter(|e| e.is_applied()).collect();
    // Cut points: (source offset, clean offset) of untouched line starts.
    let mut cuts = vec![(0, 0)];
    let mut k = 0; // applied edits wholly before the candidate
    let mut delta: isize = 0; // clean offset minus source offset there
    for (i, _) in text.match_indices('\n') {
        let b = i + 1;
        while k < applied.len() && applied[k].span.end < i {
            delta += applied[k].after.len() as isize - applied[k].span.len() as isize;
            k += 1;
        }
        // No applied edit may touch the break or the byte after it.
        let touched = applied[k..]
            .iter()
            .take_while(|e| e.span.start <= b)
            .any(|e| e.span.end >= i && e.span.start <= b);
        if touched || b >= text.len() {
            continue;
        }
        let at = b as isize + delta;
        if at > 0 && (at as usize) < clean.len() && clean.as_bytes()[at as usize - 1] == b'\n' {
            cuts.push((b, at as usize));
        }
    }
    cuts.push((text.len(), clean.len()));
    let mut old: Vec<&str> = Vec::new();
    let mut new: Vec<&str> = Vec::new();
    let mut ops: Vec<DiffOp> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (&text[w[0].0..w[1].0], &clean[w[0].1..w[1].1]);
        let (o, n) = (old.len(), new.len());
        let d = TextDiff::from_lines(a, b);
        // The piece's diff compares at most every old line with every new one.
        scanned(a.len() + b.len() + d.old_slices().len() * d.new_slices().len());
        old.extend(d.old_slices());
        new.extend(d.new_slices());
        let shifted = d.ops().iter().map(|op| match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => DiffOp::Equal {
                old_index: old_index + o,
                new_index: new_index + n,
                len,
            },
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => DiffOp::Delete {
                old_index: old_index + o,
                old_len,
                new_index: new_index + n,
            },
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => DiffOp::Insert {
                old_index: old_index + o,
                new_index: new_index + n,
                new_len,
            },
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => DiffOp::Replace {
                old_index: old_index + o,
                old_len,
                new_index: new_index + n,
                new_len,
            },
        });
        for op in shifted {
            // Equal runs from neighbouring pieces are one run, so hunks
            // keep only their context lines.
            match (ops.last_mut(), op) {
                (Some(DiffOp::Equal { len, .. }), DiffOp::Equal { len: more, .. }) => *len += more,
                _ => ops.push(op),
            }
        }
    }
    let mut out = String::new();
    for hunk in similar::group_diff_ops(ops, 3) {
        if out.is_empty() {
            let _ = writeln!(out, "--- a/{name}\n+++ b/{name}");
        }
        let _ = writeln!(out, "{}", similar::udiff::UnifiedHunkHeader::new(&hunk));
        for op in &hunk {
            for change in op.iter_changes(&old[..], &new[..]) {
                let line = change.value();
                let _ = write!(out, "{}{line}", change.tag());
                if !line.ends_with(['\n', '\r']) {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// One edit in the JSON diff report.
#[derive(Debug, Serialize)]
pub struct DiffEdit<'a> {
    /// Id in the edit log.
    pub id: String,
    /// Stable identity for decisions files.
    pub fingerprint: String,
    /// Rule id.
    pub rule: &'a str,
    /// Category name.
    pub category: &'static str,
    /// Applied or suggested.
    pub status: Status,
    /// Confidence.
    pub confidence: f32,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column (characters) of the start.
    pub column: usize,
    /// Byte span in the source.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// Source text.
    pub before: &'a str,
    /// Replacement.
    pub after: &'a str,
    /// Up to 40 characters of source before the change.
    pub context_before: &'a str,
    /// Up to 40 characters of source after the change.
    pub context_after: &'a str,
    /// Evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
}

/// The JSON diff report of one conversion.
#[derive(Debug, Serialize)]
pub struct DiffReport<'a> {
    /// Input name.
    pub source: &'a str,
    /// Applied and suggested counts per rule.
    pub summary: BTreeMap<&'a str, RuleCount>,
    /// Every edit with its position and context.
    pub edits: Vec<DiffEdit<'a>>,
}

/// Counts for one rule.
#[derive(Debug, Serialize)]
pub struct RuleCount {
    /// Applied edits.
    pub applied: usize,
    /// Suggested edits.
    pub suggested: usize,
}

/// The JSON diff report of `c`.
pub fn report(c: &Conversion) -> DiffReport<'_> {
    let text = &c.source.text;
    let mut lines = LineCursor::new(text);
    DiffReport {
        source: &c.source.name,
        summary: counts(c)
            .into_iter()
            .map(|(r, (applied, suggested))| (r, RuleCount { applied, suggested }))
            .collect(),
        edits: c
            .edits
            .iter()
            .enumerate()
            .map(|(i, e)| diff_edit(text, &mut lines, i, e))
            .collect(),
    }
}

fn diff_edit<'a>(text: &'a str, lines: &mut LineCursor<'_>, i: usize, e: &'a Edit) -> DiffEdit<'a> {
    let lc = lines.at(e.span.start);
    DiffEdit {
        id: edit_id(i),
        fingerprint: fingerprint(text, e),
        rule: &e.rule,
        category: e.category.as_str(),
        status: e.status,
        confidence: (e.confidence * 1000.0).round() / 1000.0,
        line: lc.line,
        column: lc.column,
        start: e.span.start,
        end: e.span.end,
        before: &e.before,
        after: &e.after,
        context_before: context(text, Span::new(0, e.span.start), true),
        context_after: context(text, Span::new(e.span.end, text.len()), false),
        note: e.note.as_deref(),
    }
}

/// Up to 40 characters at the end (`tail`) or start of `span`.
fn context(text: &str, span: Span, tail: bool) -> &str {
    let s = span.of(text);
    if tail {
        let start = s.char_indices().rev().nth(39).map_or(0, |(i, _)| i);
        &s[start..]
    } else {
        let end = s.char_indices().nth(40).map_or(s.len(), |(i, _)| i);
        &s[..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_marks_changes_and_counts_rules() {
        let c = crate::convert_text("t.txt", "Title\n\nWar , and  peace.\n");
        let t = terminal(&c, false);
        assert!(t.contains("War[-·-], and[-··-]{+·+}peace."), "{t}");
        assert!(t.contains("whitespace"), "{t}");
        assert!(t.contains("2 applied"), "{t}");
        // the heading says what the document was taken for
        assert!(
            t.lines().nth(1).is_some_and(|l| l.contains("profile:")),
            "{t}"
        );
        assert!(!t.contains('\x1b'));
        assert!(terminal(&c, true).contains('\x1b'));
    }

    #[test]
    fn unified_diff_has_headers_and_hunks() {
        let c = crate::convert_text("t.txt", "Title\n\nWar , and peace.\n");
        let u = unified(&c);
        assert!(u.starts_with("--- a/t.txt\n+++ b/t.txt\n@@"), "{u}");
        assert!(u.contains("-War , and peace.\n+War, and peace.\n"), "{u}");
    }
}
