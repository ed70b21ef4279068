//! A Russian place name ending in -o written without it.
//!
//! Russian villages and towns of the kind "Torbeevo", "Vnukovo",
//! "Kurkino" keep their -o in English in every case, but Russian inflects
//! them ("в Торбееве", "из Торбеева"), and machine translation that strips
//! the case ending strips the -o with it: "the territory of Torbeev" beside
//! "the Torbeevo landfill". Where the document writes a capitalised word
//! that is such a place name less its final o, and never as part of a
//! person's name (no capitalised word beside it: "Ivan Torbeev" is a man),
//! the place is proposed. Never applied: the shorter word is also a
//! surname, and a text may name both.

use super::Matcher;
use super::variants::Spelling;
use crate::edit::{Category, Edit};
use std::collections::BTreeMap;

/// The endings of Russian neuter place names, folded: possessive
/// adjectives in -ovo/-evo/-ino/-yno made names of places.
const PLACE_ENDINGS: &[&str] = &["ovo", "evo", "ino", "yno"];
/// Confidence of the proposal.
const CONF: f32 = 0.6;
/// Least length of the place name: a short word less a letter is too often
/// another word.
const MIN_LEN: usize = 6;

impl Matcher<'_, '_> {
    /// Place names in -o written without it elsewhere in the document (see
    /// the module documentation).
    pub(super) fn dropped_place_endings(
        &self,
        spellings: &BTreeMap<String, Spelling<'_>>,
    ) -> Vec<Edit> {
        let text = self.text();
        let mut out = Vec::new();
        for place in spellings.values() {
            let w = place.word;
            if w.len() < MIN_LEN || !PLACE_ENDINGS.iter().any(|e| w.ends_with(e)) {
                continue;
            }
            let Some(stem) = spellings.get(&w[..w.len() - 1]) else {
                continue;
            };
            // the stem beside another capitalised word is a person's name
            if !stem.neighbours.is_empty() || stem.spans.len() > place.spans.len() {
                continue;
            }
            let note = format!(
                "{w:?} is a Russian place name in -{}, which keeps its o in English in every case; {:?}, written {} time(s) and never beside another name, is it with the o dropped with a Russian case ending; the document writes {w:?} {} time(s); neither is in a lexicon",
                &w[w.len() - 3..],
                stem.word,
                stem.spans.len(),
                place.spans.len()
            );
            for span in &stem.spans {
                out.push(
                    Edit::new(text, *span, w, super::SAME_DOCUMENT, Category::Name, CONF)
                        .with_note(note.clone()),
                );
            }
        }
        out
    }
}
