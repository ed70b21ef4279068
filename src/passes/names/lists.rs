//! `names/list`: a known one-word place that a list shows to be another
//! ("Azerbaijani cities such as Ghana, Siyazan and Kurdamir": Ghana is
//! Ganja). The only sub-rule that overrules an exact match, so it lives
//! apart, and asks for list evidence before anything else.

use super::matcher::{EntitiesAt, Guess, MIN_PROPOSAL, Matcher};
use crate::names::context::{DocIndex, list_around};

impl Matcher<'_, '_> {
    /// Known one-word places that a list shows to be other places.
    pub(super) fn list_overrides(&self, idx: &DocIndex<'_>, guesses: &[Guess]) -> Vec<Guess> {
        let text = self.text();
        let guesses = EntitiesAt::of(guesses.iter().map(|g| (g.span, g.entity)));
        let mut out = Vec::new();
        for (ri, r) in self.resolved.iter().enumerate() {
            let known = &self.lex.entities[r.entity];
            let w = r.span.of(text);
            if r.variant(self.lex).is_some()
                || w.contains(char::is_whitespace)
                || self.cx.is_protected(r.span)
            {
                continue;
            }
            // the guess first: it is remembered per word, the list is not
            let Some((e, s)) = self
                .best(w, Some(r.entity))
                .filter(|(e, _)| self.on(e.entity))
            else {
                continue;
            };
            let Some(cue) = list_around(text, idx.sentence(r.span), r.span) else {
                continue;
            };
            let mut notes = vec![format!(
                "spelling close to {:?} (similarity {s:.2})",
                e.form
            )];
            let (bonus, cues) = self.list_score(idx, e.entity, r.span, &guesses, &mut notes);
            let subtypes = cue.head_subtypes();
            let contradicts = !subtypes.is_empty()
                && !known
                    .subtype
                    .as_deref()
                    .is_some_and(|k| subtypes.contains(&k));
            if cues < 2 || !contradicts {
                continue;
            }
            notes.push(format!(
                "{w} is {}, which a list of {} cannot hold",
                known.subtype.as_deref().unwrap_or("another entity"),
                cue.head.join(" ")
            ));
            let conf = s - 0.2 + bonus + self.context_score(idx, e.entity, r.span, &mut notes);
            if conf >= MIN_PROPOSAL {
                out.push(Guess {
                    span: r.span,
                    mention: r.span,
                    after: e.target.clone(),
                    entity: e.entity,
                    conf: conf.min(0.97),
                    rule: "names/list",
                    notes,
                    replaces: Some(ri),
                });
            }
        }
        out
    }
}
