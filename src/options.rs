//! Conversion options, validated once and shared by every file of a batch.

use crate::passes::QuoteStyle;
use std::path::PathBuf;

/// Confidence at or above which an edit is applied by default.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.8;

/// What a conversion does; the library's equivalent of the CLI flags.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Edits at or above this confidence are applied; the rest are suggested.
    pub min_confidence: f32,
    /// Quote and apostrophe policy.
    pub quotes: QuoteStyle,
    /// Read every input in this encoding instead of detecting it.
    pub encoding: Option<String>,
    /// A decisions file from review: accepted edits are applied, rejected ones not.
    pub decisions: Option<PathBuf>,
    /// User lexicons and phrase packs (TOML), loaded after the built-in packs.
    pub lexicons: Vec<PathBuf>,
    /// Built-in packs to use, by name; empty means all.
    pub packs: Vec<String>,
    /// Use no built-in pack at all.
    pub no_packs: bool,
    /// The document language, instead of detecting it.
    pub lang: Option<crate::profile::Lang>,
    /// The kind of source, instead of judging it.
    pub kind: Option<crate::profile::SourceKind>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_confidence: DEFAULT_MIN_CONFIDENCE,
            quotes: QuoteStyle::Dominant,
            encoding: None,
            decisions: None,
            lexicons: Vec::new(),
            packs: Vec::new(),
            no_packs: false,
            lang: None,
            kind: None,
        }
    }
}
