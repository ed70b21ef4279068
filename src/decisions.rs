//! Review decisions that stick across re-runs.
//!
//! # Format
//!
//! A decisions file is JSON (schema: `schemas/decisions.schema.json`):
//!
//! ```text
//! {
//!   "emend_decisions": 1,
//!   "edits": [
//!     { "fingerprint": "3f9c0a1b2c3d4e5f", "decision": "accept",
//!       "rule": "names", "before": "Passing an", "after": "Pashinyan",
//!       "note": "same person as in the previous sentence" }
//!   ],
//!   "rules": [ { "rule": "fragments", "decision": "reject" } ]
//! }
//! ```
//!
//! An edit is named by its [`fingerprint`]: a hash of its rule, its before
//! and after texts and a little of the source around it (not its offsets), so
//! a decision survives re-runs and changes in other lines of the file. `rule`,
//! `before` and `after` are kept beside it for people reading the file. A
//! per-edit decision overrides a per-rule one. Accepted edits are applied
//! whatever their confidence; rejected ones are not applied (nor suggested).
//! Fingerprints that match no edit are reported, never fatal.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::hash::Fnv;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Characters of source context hashed on each side of an edit.
pub const CONTEXT_CHARS: usize = 32;

/// A reviewer's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Apply the edit.
    Accept,
    /// Do not apply the edit.
    Reject,
}

/// A decision about one edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditDecision {
    /// The edit's fingerprint.
    pub fingerprint: String,
    /// Accept or reject.
    pub decision: Verdict,
    /// Rule id, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Source text, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Replacement, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A decision about every edit of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDecision {
    /// Rule id (a pass id, or `pass/subrule`).
    pub rule: String,
    /// Accept or reject.
    pub decision: Verdict,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A decisions file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// Format version; 1.
    pub emend_decisions: u32,
    /// Per-edit decisions.
    #[serde(default)]
    pub edits: Vec<EditDecision>,
    /// Per-rule decisions.
    #[serde(default)]
    pub rules: Vec<RuleDecision>,
}

impl Default for Decisions {
    fn default() -> Self {
        Decisions {
            emend_decisions: 1,
            edits: Vec::new(),
            rules: Vec::new(),
        }
    }
}

impl Decisions {
    /// Reads a decisions file; errors name the file, line and column.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses decisions from JSON text; `name` is used in errors.
    pub fn parse(text: &str, name: &str) -> Result<Self> {
        let d: Decisions = serde_json::from_str(text).map_err(|e| Error::Data {
            path: name.to_owned(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if d.emend_decisions != 1 {
            return Err(Error::Data {
                path: name.to_owned(),
                line: 1,
                column: 1,
                message: format!("unsupported decisions format version {}", d.emend_decisions),
            });
        }
        Ok(d)
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("decisions serialize");
        s.push('\n');
        s
    }

    /// Records a verdict on `edit` (replacing an earlier one on the same edit).
    pub fn record(&mut self, source: &str, edit: &Edit, decision: Verdict, note: Option<String>) {
        let fp = fingerprint(source, edit);
        self.edits.retain(|d| d.fingerprint != fp);
        self.edits.push(EditDecision {
            fingerprint: fp,
            decision,
            rule: Some(edit.rule.clone()),
            before: Some(edit.before.clone()),
            after: Some(edit.after.clone()),
            note,
        });
    }

    /// Compiles the file for lookups.
    pub fn index(&self) -> DecisionIndex {
        DecisionIndex {
            edits: self
                .edits
                .iter()
                .map(|d| (d.fingerprint.clone(), d.decision))
                .collect(),
            rules: self
                .rules
                .iter()
                .map(|d| (d.rule.clone(), d.decision))
                .collect(),
        }
    }
}

/// Decisions ready for lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionIndex {
    edits: BTreeMap<String, Verdict>,
    rules: BTreeMap<String, Verdict>,
}

impl DecisionIndex {
    /// The verdict on `edit`, if any: per edit first, then per rule (the full
    /// rule id, then its pass).
    pub fn verdict(&self, source: &str, edit: &Edit) -> Option<Verdict> {
        if !self.edits.is_empty()
            && let Some(v) = self.edits.get(&fingerprint(source, edit))
        {
            return Some(*v);
        }
        let pass = edit.rule.split('/').next().unwrap_or(&edit.rule);
        self.rules
            .get(&edit.rule)
            .or_else(|| self.rules.get(pass))
            .copied()
    }

    /// Fingerprints of this index that match none of `edits`.
    pub fn unmatched(&self, source: &str, edits: &[Edit]) -> Vec<String> {
        let seen: BTreeSet<String> = edits.iter().map(|e| fingerprint(source, e)).collect();
        self.edits
            .keys()
            .filter(|f| !seen.contains(*f))
            .cloned()
            .collect()
    }

    /// True if there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty() && self.rules.is_empty()
    }
}

/// The fingerprint of `edit` in `source`: 16 hex digits of FNV-1a (64 bit)
/// over the rule, before, after, and up to [`CONTEXT_CHARS`] characters of
/// source on each side within the same line. Stable across platforms and
/// versions; changes in other lines never alter it.
pub fn fingerprint(source: &str, edit: &Edit) -> String {
    let start = edit.span.start.min(source.len());
    let end = edit.span.end.clamp(start, source.len());
    // only the bytes that can hold CONTEXT_CHARS characters are searched
    // for the line's ends: a one-line text searched its whole line for
    // every edit (quadratic)
    let reach = 4 * CONTEXT_CHARS + 4;
    let from = crate::scan::floor_boundary(source, start.saturating_sub(reach));
    let left_all = &source[from..start];
    let line_start = left_all.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let left = &left_all[line_start..];
    let left = &left[left
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i)..];
    let to = crate::scan::ceil_boundary(source, end.saturating_add(reach));
    let right_all = &source[end..to];
    crate::work::read(left_all.len() + right_all.len());
    let right = &right_all[..right_all.find(['\n', '\r']).unwrap_or(right_all.len())];
    let right = &right[..right
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(right.len(), |(i, _)| i)];
    let mut h = Fnv::default();
    for part in [
        edit.rule.as_str(),
        edit.before.as_str(),
        edit.after.as_str(),
        left,
        right,
    ] {
        h.write(part.as_bytes());
        h.write(&[0]);
    }
    h.hex()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Category;
    use crate::span::Span;

    fn edit(src: &str, s: usize, e: usize, after: &str) -> Edit {
        Edit::new(src, Span::new(s, e), after, "names", Category::Name, 0.6)
    }

    #[test]
    fn fingerprint_survives_changes_elsewhere_but_not_nearby() {
        let a = "Intro paragraph.\n\nPrime Minister Passinyan stated that...";
        let b = "A longer, different intro paragraph!\n\nPrime Minister Passinyan stated that...";
        let pa = a.find("Passinyan").unwrap();
        let pb = b.find("Passinyan").unwrap();
        let fa = fingerprint(a, &edit(a, pa, pa + 9, "Pashinyan"));
        let fb = fingerprint(b, &edit(b, pb, pb + 9, "Pashinyan"));
        assert_eq!(fa, fb);
        let c = "Intro paragraph.\n\nDeputy Minister Passinyan stated that...";
        let pc = c.find("Passinyan").unwrap();
        assert_ne!(fa, fingerprint(c, &edit(c, pc, pc + 9, "Pashinyan")));
        assert_ne!(fa, fingerprint(a, &edit(a, pa, pa + 9, "Pashinian")));
    }

    #[test]
    fn edit_decisions_override_rule_decisions() {
        let src = "Passing an also said";
        let e = edit(src, 0, 10, "Pashinyan");
        let mut d = Decisions {
            rules: vec![RuleDecision {
                rule: "names".into(),
                decision: Verdict::Reject,
                note: None,
            }],
            ..Decisions::default()
        };
        assert_eq!(d.index().verdict(src, &e), Some(Verdict::Reject));
        d.record(src, &e, Verdict::Accept, None);
        assert_eq!(d.index().verdict(src, &e), Some(Verdict::Accept));
        let round = Decisions::parse(&d.to_json(), "d.json").unwrap();
        assert_eq!(round, d);
    }

    #[test]
    fn bad_files_name_line_and_column() {
        let err = Decisions::parse(
            "{\n  \"emend_decisions\": 1,\n  \"edits\": [{\"oops\": 1}]\n}",
            "d.json",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("d.json:3:"), "{msg}");
        assert!(Decisions::parse("{\"emend_decisions\": 2}", "d.json").is_err());
    }
}
