//! `names/unseen`: a capitalised word that no lexicon form matches,
//! compared within its phonetic block with the one-word forms of the lexicon
//! ("Passinyan" ~ "Pashinyan"), widened to a misspelt given name before it
//! ("Khikmet Gadzhiev").
//!
//! A separate file because it is the only sub-rule that reads every
//! capitalised word of the document against the fuzzy index.

use super::matcher::{EntitiesAt, Guess, MIN_PROPOSAL, Matcher, is_candidate};
use crate::analysis::sites::Sites;
use crate::entity::EntityType;
use crate::names::FuzzyEntry;
use crate::names::context::{DocIndex, capitalised_words, words};
use crate::names::fold::{self, fold};
use crate::names::similar::similarity;
use crate::span::Span;

impl Matcher<'_, '_> {
    /// Capitalised words no lexicon form matches, compared with the lexicon.
    pub(super) fn unseen(&self, idx: &mut DocIndex<'_>) -> Vec<Guess> {
        let idx_ro: &DocIndex<'_> = idx;
        let text = self.text();
        let mut base: Vec<(Span, &FuzzyEntry, f32)> = Vec::new();
        for b in &self.cx.doc.blocks {
            if !Sites::CAPITAL.in_text(b.span.of(text)) {
                continue;
            }
            for (k, w) in capitalised_words(b.span.of(text)) {
                let span = Span::new(b.span.start + k, b.span.start + k + w.len());
                if !is_candidate(w) || self.taken(span) {
                    continue;
                }
                // the guess before the sentence's language: guesses are
                // remembered per word, most words have none
                if let Some((e, s)) = self.best(w, None)
                    && self.on(e.entity)
                    && !self.foreign(idx_ro, span)
                {
                    base.push((span, e, s));
                }
            }
        }
        // First guesses without list evidence (lists look at the other items' guesses).
        let mut guesses: Vec<Guess> = base
            .iter()
            .map(|&(span, e, s)| Guess {
                span,
                mention: self.with_given_name(e.entity, span),
                after: e.target.clone(),
                entity: e.entity,
                conf: s - 0.2,
                rule: "names/unseen",
                notes: vec![format!(
                    "spelling close to {:?} (similarity {:.2})",
                    e.form, s
                )],
                replaces: None,
            })
            .collect();
        let snapshot = EntitiesAt::of(guesses.iter().map(|g| (g.span, g.entity)));
        for g in &mut guesses {
            let w = g.span.of(text);
            let context = self.context_score(idx, g.entity, g.span, &mut g.notes)
                + self
                    .list_score(idx, g.entity, g.span, &snapshot, &mut g.notes)
                    .0;
            // Similarity alone proposes; applying needs some context.
            let mut conf = if context > 0.0 {
                g.conf + context
            } else {
                g.notes.push("no context supports it".to_owned());
                g.conf - 0.05
            };
            if self.is_ordinary_word(w) {
                // never applied; proposed only with context behind it
                conf = if context > 0.0 {
                    (conf - 0.25).min(0.75)
                } else {
                    0.0
                };
                g.notes.push(if self.is_common(w) {
                    format!("{w:?} is a common word of the language")
                } else {
                    format!("{w:?} is also an ordinary word in this document")
                });
            }
            if self.lex.entities[g.entity].kind != EntityType::Person
                && let Some(surname) = surname_after(text, g.span)
            {
                conf -= 0.2;
                g.notes.push(format!(
                    "followed by the family name {surname:?}: more likely a given name"
                ));
            }
            g.conf = conf.min(0.97);
        }
        for g in &mut guesses {
            self.misspelt_given_name(g);
        }
        guesses.retain(|g| g.conf >= MIN_PROPOSAL && g.after != g.span.of(text));
        idx.add_mentions(
            guesses
                .iter()
                .filter(|g| g.conf >= self.cx.options.min_confidence)
                .map(|g| (g.entity, g.mention)),
        );
        guesses
    }

    /// A guessed surname preceded by a misspelling of the person's given name
    /// ("Khikmet Gadzhiev"): the guess takes in the whole name.
    pub(super) fn misspelt_given_name(&self, g: &mut Guess) {
        let ent = &self.lex.entities[g.entity];
        let cw: Vec<&str> = ent.canonical.split_whitespace().collect();
        if ent.kind != EntityType::Person || cw.len() < 2 || g.mention != g.span {
            return;
        }
        let text = self.text();
        let mut from = g.span.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let Some(pre) = text[from..g.span.start].strip_suffix(' ') else {
            return;
        };
        let Some((k, w)) = words(pre).pop() else {
            return;
        };
        let span = Span::new(from + k, from + k + w.len());
        let given = cw[cw.len() - 2];
        if span.end != g.span.start - 1
            || !w.starts_with(char::is_uppercase)
            || fold(w) == fold(given)
            || self.taken(span)
            || self.is_ordinary_word(w)
        {
            return;
        }
        let s = similarity(w, given);
        if s < 0.8 {
            return;
        }
        g.notes
            .push(format!("given name close to {given:?} (similarity {s:.2})"));
        g.conf -= 1.0 - s;
        g.span = span.cover(g.span);
        g.mention = g.span;
        g.after = format!("{given} {}", g.after);
    }

    /// `span` widened to the person's given name just before it ("Salome" in
    /// "Salome Zourabichvili"), if the text has it.
    pub(super) fn with_given_name(&self, e: usize, span: Span) -> Span {
        let ent = &self.lex.entities[e];
        if ent.kind != EntityType::Person {
            return span;
        }
        let text = self.text();
        let cw: Vec<&str> = ent.canonical.split_whitespace().collect();
        for given in cw.iter().take(cw.len().saturating_sub(1)) {
            let start = span.start.saturating_sub(given.len() + 1);
            if text.get(start..span.start) == Some(&format!("{given} "))
                && fold::boundary_before(text, start)
            {
                return Span::new(start, span.end);
            }
        }
        span
    }
}

/// Endings of family names (Armenian, Russian, Azerbaijani, Georgian,
/// Turkish, Ukrainian, Polish, Scandinavian): a capitalised word before such
/// a word is a given name ("Tigran Hakobyan"), however close it is in
/// spelling to a place ("Tehran").
const SURNAME_ENDINGS: &[&str] = &[
    "yan", "ian", "ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "sky", "ski", "skaya",
    "enko", "zade", "zadeh", "oglu", "oğlu", "li", "lu", "dze", "shvili", "son", "sen",
];

/// The word right after `span` if it looks like a family name: one space
/// away, capitalised, the rest lowercase letters, with a family-name ending.
pub(super) fn surname_after(text: &str, span: Span) -> Option<&str> {
    let rest = text[span.end..].strip_prefix(' ')?;
    let end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let word = &rest[..end];
    let mut chars = word.chars();
    let first = chars.next()?;
    (first.is_uppercase()
        && word.chars().count() >= 4
        && chars.all(char::is_lowercase)
        && SURNAME_ENDINGS.iter().any(|e| word.ends_with(e)))
    .then_some(word)
}
