//! `names/variant` and the edits of the lexicon guesses: every exact match
//! is recorded as a mention; a listed variant is rewritten (a form of another
//! language on the evidence [`crate::names::exonyms`] weighs) unless a sure
//! guess replaces the match; each guess of the lexicon sub-rules becomes an
//! edit at its own rule id. Kept apart from the sub-rules so that what is
//! applied, what only proposed and what only linked is decided in one place.

use super::matcher::{Guess, Matcher};
use super::resolved::same_norm;
use crate::edit::{Category, Edit};
use crate::names::context::DocIndex;
use crate::names::exonyms;
use crate::names::match_case;
use crate::passes::Proposals;
use crate::passes::mentions::record_mention;
use crate::span::Span;
use foldhash::HashSet;

impl Matcher<'_, '_> {
    pub(super) fn emit(
        &self,
        idx: &DocIndex<'_>,
        pass: &str,
        guesses: &[Guess],
        out: &mut Proposals,
    ) {
        let text = self.text();
        let min = self.cx.options.min_confidence;
        let lex = self.lex;
        // the first sure guess replacing each resolved match, found in one
        // walk (a search of all guesses per match was quadratic)
        let mut sure_of: Vec<Option<&Guess>> = vec![None; self.resolved.len()];
        for g in guesses.iter().filter(|g| g.conf >= min) {
            if let Some(slot) = g.replaces.and_then(|ri| sure_of.get_mut(ri)) {
                slot.get_or_insert(g);
            }
        }
        // entities the document names by an accepted form: a form of
        // another language beside one is a slip of spelling
        let accepted: HashSet<usize> = self
            .resolved
            .iter()
            .filter(|r| !r.form.kind.rewrites())
            .map(|r| r.entity)
            .collect();
        for (ri, r) in self.resolved.iter().enumerate() {
            let sure = sure_of[ri];
            match sure {
                Some(g) if g.rule == "names/list" => continue,
                Some(g) => {
                    // The guess rewrites the whole name, surname included.
                    record_mention(out, lex, r.entity, g.mention, g.mention.of(text));
                    continue;
                }
                None => record_mention(out, lex, r.entity, r.span, r.span.of(text)),
            }
            let Some(target) = r.variant(lex) else {
                continue;
            };
            // a form of a gazetteer or of a language is rewritten on the
            // evidence `exonyms` weighs, whatever the pack's activation
            let on = self.on(r.entity) || r.form.exact_only || !r.form.lang.is_empty();
            if !on || self.cx.is_protected(r.span) || self.foreign(idx, r.span) {
                continue;
            }
            let before = r.span.of(text);
            let after = match_case(before, target);
            if after == before || generic_word_swap(before, &after) {
                continue;
            }
            let ent = &lex.entities[r.entity];
            let conf = if r.conditioned { 0.85 } else { 0.95 };
            let tongue = (!r.form.lang.is_empty()).then(|| {
                let ev = exonyms::Evidence {
                    doc_lang: self.lang,
                    proper_name: exonyms::in_proper_name(text, r.span.start, r.span.end),
                    canonical_in_doc: accepted.contains(&r.entity),
                    language_nearby: exonyms::language_nearby(
                        text,
                        r.span.start,
                        r.span.end,
                        r.form,
                        // the list's own words of a language it has, not English ones
                        |l, w, at| {
                            !self.resolved_spans.overlaps(Span::new(at.start, at.end))
                                && self.common.top_words(l).is_some()
                                && self.common.is_common(w, Some(l))
                                && !self.common.is_common(w, Some("en"))
                        },
                    ),
                    as_listed: same_norm(&r.form.text, before),
                };
                exonyms::rewrite(r.form, &ent.canonical, &ev)
            });
            let (conf, note) = match tongue {
                Some(None) => continue,
                Some(Some((conf, note))) => (conf, note),
                None => (
                    conf,
                    format!(
                        "{:?} is a listed variant of {} ({}){}",
                        r.form.text,
                        ent.canonical,
                        ent.pack,
                        if r.conditioned {
                            "; its context condition holds"
                        } else {
                            ""
                        }
                    ),
                ),
            };
            out.edits.push(
                Edit::new(
                    text,
                    r.span,
                    after,
                    &format!("{pass}/variant"),
                    Category::Name,
                    conf,
                )
                .with_entity(&*ent.id)
                .with_note(note),
            );
        }
        for g in guesses {
            if self.cx.is_protected(g.span) {
                continue;
            }
            let ent = &lex.entities[g.entity];
            // A given-name guess extends the surname's mention, emitted above.
            if g.conf >= min && g.rule != "names/given-name" {
                record_mention(out, lex, g.entity, g.mention, g.mention.of(text));
            }
            let note = format!(
                "{} → {}: {}",
                g.span.of(text),
                ent.canonical,
                g.notes.join("; ")
            );
            out.edits.push(
                Edit::new(
                    text,
                    g.span,
                    g.after.clone(),
                    g.rule,
                    Category::Name,
                    g.conf,
                )
                .with_entity(&*ent.id)
                .with_note(note),
            );
        }
    }
}

/// True when `before` and `after` spell the name the same and differ only
/// in common words `before` writes in lower case: "Syunik region" and
/// "Syunik Province" name one place in two wordings, and a writer's
/// wording is not a misspelling to rewrite (the mention is still linked).
fn generic_word_swap(before: &str, after: &str) -> bool {
    let names = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .filter(|w| !w.starts_with(char::is_lowercase))
            .map(str::to_owned)
            .collect()
    };
    let lower_in_before = before
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase));
    let kept = names(before);
    lower_in_before
        && !kept.is_empty()
        && kept
            .iter()
            .all(|w| after.split_whitespace().any(|a| a == w.as_str()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_common_word_for_another_is_a_wording_not_a_misspelling() {
        use super::generic_word_swap;
        assert!(generic_word_swap("Syunik region", "Syunik Province"));
        assert!(generic_word_swap("Karabakh region", "Karabakh"));
        assert!(!generic_word_swap("Passing an", "Pashinyan"));
        assert!(!generic_word_swap("Nikol Passing an", "Nikol Pashinyan"));
        assert!(!generic_word_swap("Syunik Marz", "Syunik Province"));
        assert!(!generic_word_swap("Siunik", "Syunik"));
    }
}
