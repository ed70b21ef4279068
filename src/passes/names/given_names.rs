//! `names/given-name`: a misspelt given name before a known surname
//! ("Baghdat Amreyev" for "Bagdat Amreyev"): the surname is an exact hit,
//! so the word before it is compared only with that person's given names.

use super::matcher::{Guess, MIN_PROPOSAL, Matcher};
use crate::entity::EntityType;
use crate::names::context::{DocIndex, words};
use crate::names::fold::fold;
use crate::names::lexicon::FormKind;
use crate::names::similar::similarity;
use crate::span::Span;

impl Matcher<'_, '_> {
    /// A misspelt given name before a known surname: "Baghdat Amreyev".
    pub(super) fn given_names(&self, idx: &DocIndex<'_>) -> Vec<Guess> {
        let text = self.text();
        let mut out = Vec::new();
        for (ri, r) in self.resolved.iter().enumerate() {
            let ent = &self.lex.entities[r.entity];
            let cw: Vec<&str> = ent.canonical.split_whitespace().collect();
            let short_surname = self.on(r.entity)
                && ent.kind == EntityType::Person
                && cw.len() >= 2
                && r.form.text.split_whitespace().count() == 1
                && ent.forms.iter().any(|f| {
                    f.text == r.form.text && matches!(f.kind, FormKind::Short | FormKind::Variant)
                });
            if !short_surname {
                continue;
            }
            let mut from = r.span.start.saturating_sub(64);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let before = &text[from..r.span.start];
            let Some(pre) = before.strip_suffix(' ') else {
                continue;
            };
            let Some((k, w)) = words(pre).pop() else {
                continue;
            };
            if k + w.len() != pre.len()
                || !w.starts_with(char::is_uppercase)
                || w.chars().count() < 3
            {
                continue;
            }
            let span = Span::new(from + k, from + k + w.len());
            let given = cw[cw.len() - 2];
            if fold(w) == fold(given) || self.taken(span) || self.is_ordinary_word(w) {
                continue;
            }
            if ent
                .roles
                .iter()
                .any(|role| fold(role).split(' ').any(|x| x == fold(w)))
            {
                continue;
            }
            let s = similarity(w, given);
            if s < 0.75 {
                continue;
            }
            let mut notes = vec![
                format!("given name close to {given:?} (similarity {s:.2})"),
                format!("followed by {}'s surname", ent.canonical),
            ];
            let conf =
                s - 0.2 + 0.1 + self.context_score(idx, r.entity, span.cover(r.span), &mut notes);
            if conf >= MIN_PROPOSAL {
                out.push(Guess {
                    span: span.cover(r.span),
                    mention: span.cover(r.span),
                    after: format!("{given} {}", r.variant(self.lex).unwrap_or(r.span.of(text))),
                    entity: r.entity,
                    conf: conf.min(0.97),
                    rule: "names/given-name",
                    notes,
                    replaces: Some(ri),
                });
            }
        }
        out
    }
}
