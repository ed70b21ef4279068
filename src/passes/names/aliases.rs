//! `names/alias`: names the text itself glosses ("Nagorno-Karabakh (Naka
//! region)"): every other use of the alias is linked, and a word alias is
//! proposed for rewriting. Read after the other guesses, whose mentions
//! may be the glossed names.

use super::matcher::{Guess, Matcher, SpanSet};
use crate::names::fold::fold;
use crate::passes::Proposals;
use crate::passes::mentions::record_mention;
use crate::span::Span;

impl Matcher<'_, '_> {
    /// Names the text itself glosses: "Nagorno-Karabakh (Naka region)" teaches
    /// the document that "Naka" is Nagorno-Karabakh. Every other use of the
    /// alias is linked; a word alias is also proposed for rewriting (an
    /// acronym is only linked).
    pub(super) fn aliases(&self, guesses: &[Guess], out: &mut Proposals) -> Vec<Guess> {
        let guessed = SpanSet::new(guesses.iter().map(|g| g.span).collect());
        let text = self.text();
        let mut learnt: Vec<(String, usize, Span)> = Vec::new();
        for r in self.resolved.iter().filter(|r| self.on(r.entity)) {
            let Some(rest) = text[r.span.end..].strip_prefix(" (") else {
                continue;
            };
            let Some(close) = rest.find(')') else {
                continue;
            };
            let inner = &rest[..close];
            let mut ws: Vec<&str> = inner.split(' ').collect();
            if ws.len() > 1
                && ws.last().is_some_and(|w| {
                    crate::analysis::generic_places::is_generic_place_word(&w.to_lowercase())
                })
            {
                ws.pop();
            }
            let alias = ws.join(" ");
            let start = r.span.end + 2;
            let span = Span::new(start, start + alias.len());
            let names_like = !alias.is_empty()
                && ws.len() <= 2
                && ws.iter().all(|w| {
                    w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                });
            if names_like && !self.taken(span) && fold(&alias) != fold(r.span.of(text)) {
                learnt.push((alias, r.entity, span));
            }
        }
        let mut found = Vec::new();
        for (alias, e, def) in learnt {
            let ent = &self.lex.entities[e];
            let acronym = alias
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            for (k, _) in text.match_indices(alias.as_str()) {
                let span = Span::new(k, k + alias.len());
                let bounded = !text[..k]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !text[span.end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !bounded || self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                if acronym || self.cx.is_protected(span) {
                    record_mention(out, self.lex, e, span, &alias);
                    continue;
                }
                let target = ent.target_of(&alias).to_owned();
                found.push(Guess {
                    span,
                    mention: span,
                    after: target,
                    entity: e,
                    conf: 0.7,
                    rule: "names/alias",
                    notes: vec![format!(
                        "the text glosses {} as {alias:?} (at byte {})",
                        ent.canonical, def.start
                    )],
                    replaces: None,
                });
            }
        }
        found
    }
}
