//! `names/split`: a capitalised word and a short lowercase one that
//! together sound like a name the document mentions ("Passing an" for
//! "Pashinyan"). Run after the other lexicon guesses are added to the
//! mentions, since the name must be one the document names.

use super::matcher::{Guess, MIN_PROPOSAL, Matcher, SpanSet, more_chars_than};
use crate::analysis::sites::Sites;
use crate::entity::EntityType;
use crate::names::context::{DocIndex, capitalised_words, word_iter};
use crate::names::fold::fold;
use crate::names::similar::{similarity_of_skeletons, skeleton};
use crate::span::Span;

/// Words that cannot follow an article: "Passing an also said" is no English.
const NOT_AFTER_ARTICLE: &[&str] = &[
    "also",
    "said",
    "says",
    "stated",
    "states",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "will",
    "would",
    "did",
    "does",
    "and",
    "but",
    "told",
    "added",
    "noted",
    "announced",
    "claimed",
    "declared",
    "stressed",
    "emphasized",
];

impl Matcher<'_, '_> {
    /// A capitalised word and a short lowercase one that together sound like a
    /// name the document mentions: "Passing an" for "Pashinyan".
    pub(super) fn split_garbles(&self, idx: &DocIndex<'_>, guesses: &[Guess]) -> Vec<Guess> {
        let guessed = SpanSet::new(guesses.iter().map(|g| g.span).collect());
        let text = self.text();
        let mut out = Vec::new();
        for b in &self.cx.doc.blocks {
            if !Sites::CAPITAL.in_text(b.span.of(text)) {
                continue;
            }
            let bt = b.span.of(text);
            for (k1, w1) in capitalised_words(bt) {
                // the two words after the capitalised one
                let after = k1 + w1.len();
                let mut rest = word_iter(&bt[after..]).map(|(k, w)| (after + k, w));
                let Some((k2, w2)) = rest.next() else {
                    continue;
                };
                let gap = &text[b.span.start + after..b.span.start + k2];
                if gap != " "
                    || !more_chars_than(w1, 2)
                    || more_chars_than(w2, 3)
                    || !w2.chars().all(char::is_lowercase)
                {
                    continue;
                }
                let span = Span::new(b.span.start + k1, b.span.start + k2 + w2.len());
                if self.taken(span) || guessed.overlaps(span) {
                    continue;
                }
                let joined = format!("{w1}{w2}");
                let skel = skeleton(&joined);
                let list = self.res.fuzzy().close(&skel, &fold(&joined), 0.8);
                let best = list
                    .iter()
                    .filter(|e| {
                        idx.mentioned(e.entity, None)
                            && self.on(e.entity)
                            && self.lex.entities[e.entity].kind == EntityType::Person
                            && e.form == e.target
                    })
                    .map(|e| (e, similarity_of_skeletons(&skel, &e.skel)))
                    .filter(|(_, s)| *s >= 0.8)
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                let Some((e, s)) = best else { continue };
                let mut notes = vec![format!(
                    "{joined:?} sounds like {:?} (similarity {s:.2})",
                    e.form
                )];
                let mut conf = s - 0.2 - 0.15;
                notes.push("made of ordinary words".to_owned());
                if idx.mentioned(e.entity, Some(idx.paragraph(span))) {
                    conf += 0.1;
                    notes.push(format!(
                        "the paragraph names {}",
                        self.lex.entities[e.entity].canonical
                    ));
                }
                let next = rest.next().map(|(_, w)| w.to_lowercase());
                let after_w2 = text[span.end..].trim_start().chars().next();
                let ungrammatical = matches!(w2, "a" | "an" | "the")
                    && (next
                        .as_deref()
                        .is_some_and(|n| NOT_AFTER_ARTICLE.contains(&n))
                        || after_w2.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':')));
                if ungrammatical {
                    conf += 0.2;
                    notes.push(format!(
                        "{w2:?} is not followed by what an article can introduce"
                    ));
                }
                if self.lex.entities[e.entity].kind == EntityType::Person
                    && idx.role_before(span, &self.lex.entities[e.entity].roles, &[])
                {
                    conf += 0.1;
                    notes.push("introduced by one of the person's roles".to_owned());
                }
                if conf >= MIN_PROPOSAL {
                    out.push(Guess {
                        span,
                        mention: span,
                        after: e.target.clone(),
                        entity: e.entity,
                        conf: conf.min(0.97),
                        rule: "names/split",
                        notes,
                        replaces: None,
                    });
                }
            }
        }
        out
    }
}
