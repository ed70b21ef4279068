//! Phrase packs learned from data.
//!
//! [`learn`] contrasts machine translations with human text of the same
//! domain (ideally the same documents: system outputs and their human
//! references) and writes the word sequences machines produce and people
//! do not as a phrase pack (`emend packs learn`). Every learned entry is a
//! proposal for review, never applied: a contrast of counts says that a
//! phrase is typical of machine output, not that it is wrong where it
//! stands.
//!
//! - [`ngrams`]: tokens and n-gram counts of both sides;
//! - [`learn`]: the contrast, the human counterparts that make a
//!   replacement, and the pack text.

pub mod learn;
pub mod ngrams;
