//! The one currency of change: an [`Edit`] proposed over a source span.
//!
//! Passes never rewrite text. They propose edits; [`crate::decide`] settles
//! which are applied and which are only suggested; [`crate::apply`] builds the
//! clean text. The TEI, the JSON log and the diff reports all render the same
//! list.

use crate::decisions::Verdict;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What an edit is about; decides how the TEI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Characters XML cannot hold, decoding repairs.
    Encoding,
    /// Unicode normalization (NFC).
    Unicode,
    /// Spacing: doubled, no-break, zero-width, misplaced spaces.
    Whitespace,
    /// Quote and apostrophe style, dashes.
    Typography,
    /// Stray, doubled or misplaced punctuation.
    Punctuation,
    /// A person, place or organisation name brought to its canonical form.
    Name,
    /// A machine-translation error corrected.
    Translation,
    /// A block or phrase that repeats earlier text.
    Duplicate,
    /// Web-page furniture: comment forms, share buttons, bylines.
    Boilerplate,
    /// Residue of a chat assistant or a citation tool.
    Residue,
    /// Markup delimiters of the source (markdown asterisks, link brackets).
    Markup,
    /// Paragraph joins and other layout repairs.
    Layout,
    /// A truncated or dangling sentence fragment.
    Fragment,
    /// A word or phrase repeated by mistake.
    Repetition,
}

/// How the TEI shows an edit of a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeiForm {
    /// `choice/orig+reg`: a normalization.
    Regularize,
    /// `choice/sic+corr`: an error corrected.
    Correct,
    /// `surplus @reason`: text removed from the reading text.
    Surplus(&'static str),
    /// Spacing or layout, which the markup around shows: a whitespace-only
    /// edit leaves the reading's spaces in the TEI, any other is written as
    /// a normalization.
    Silent,
}

impl Category {
    /// The TEI element family used for an edit of this category.
    pub fn tei_form(self) -> TeiForm {
        match self {
            Category::Encoding | Category::Unicode | Category::Typography | Category::Name => {
                TeiForm::Regularize
            }
            Category::Punctuation
            | Category::Translation
            | Category::Fragment
            | Category::Repetition => TeiForm::Correct,
            Category::Duplicate => TeiForm::Surplus("repeated"),
            Category::Boilerplate => TeiForm::Surplus("boilerplate"),
            Category::Residue => TeiForm::Surplus("residue"),
            Category::Markup => TeiForm::Surplus("markup"),
            Category::Whitespace | Category::Layout => TeiForm::Silent,
        }
    }

    /// The name used in the JSON log and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Encoding => "encoding",
            Category::Unicode => "unicode",
            Category::Whitespace => "whitespace",
            Category::Typography => "typography",
            Category::Punctuation => "punctuation",
            Category::Name => "name",
            Category::Translation => "translation",
            Category::Duplicate => "duplicate",
            Category::Boilerplate => "boilerplate",
            Category::Residue => "residue",
            Category::Markup => "markup",
            Category::Layout => "layout",
            Category::Fragment => "fragment",
            Category::Repetition => "repetition",
        }
    }
}

/// Whether an edit changes the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Applied: the clean text carries `after`.
    Applied,
    /// Proposed for review: the clean text keeps `before`.
    Suggested,
}

/// One proposed change over a span of the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// The source bytes replaced.
    pub span: Span,
    /// The source text of `span` (kept so logs and reports stand alone).
    pub before: String,
    /// The replacement text.
    pub after: String,
    /// Id of the rule that proposed it (a pass id, or `pass/subrule`).
    pub rule: String,
    /// What kind of change it is.
    pub category: Category,
    /// How sure the rule is, 0..=1. At or above the policy threshold it is applied.
    pub confidence: f32,
    /// Decided by [`crate::decide`]; passes leave [`Status::Applied`] as a placeholder.
    pub status: Status,
    /// Entity id from the lexicon, for name edits.
    pub entity: Option<String>,
    /// Evidence and explanation for a reviewer.
    pub note: Option<String>,
    /// Set when a person's decision (a decisions file) settled the edit.
    pub reviewed: Option<Verdict>,
}

impl Edit {
    /// A new edit replacing `span` of `source` by `after`.
    pub fn new(
        source: &str,
        span: Span,
        after: impl Into<String>,
        rule: &str,
        category: Category,
        confidence: f32,
    ) -> Self {
        Edit {
            span,
            before: span.of(source).to_owned(),
            after: after.into(),
            rule: rule.to_owned(),
            category,
            confidence,
            status: Status::Applied,
            entity: None,
            note: None,
            reviewed: None,
        }
    }

    /// Adds an explanation for reviewers.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Links the edit to a lexicon entity.
    pub fn with_entity(mut self, id: impl Into<String>) -> Self {
        self.entity = Some(id.into());
        self
    }

    /// True if the edit deletes its span.
    pub fn is_deletion(&self) -> bool {
        self.after.is_empty() && !self.before.is_empty()
    }

    /// True for a change that touches only whitespace.
    pub fn is_whitespace_only(&self) -> bool {
        self.before.chars().all(char::is_whitespace) && self.after.chars().all(char::is_whitespace)
    }

    /// True if applied to the clean text.
    pub fn is_applied(&self) -> bool {
        self.status == Status::Applied
    }
}
