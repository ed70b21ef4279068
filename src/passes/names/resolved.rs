//! Exact lexicon hits resolved to one entity and form ([`resolve`]), and the
//! packs whose activation the document does not meet ([`packs_off`]): the
//! first step of the `names` pass, which every later sub-rule reads through
//! [`super::matcher::Matcher`].

use crate::names::context::DocIndex;
use crate::names::exact::Hit;
use crate::names::lexicon::{Form, Lexicon};
use crate::span::Span;

/// A resolved exact match. A long text has one per name mention (hundreds
/// of thousands in 20 MB), so it borrows the lexicon form and works out its
/// rewrite when asked; it fits in the place of the [`Hit`] it comes from.
#[derive(Debug, Clone)]
pub(super) struct Resolved<'l> {
    pub(super) span: Span,
    pub(super) entity: usize,
    /// The lexicon form matched.
    pub(super) form: &'l Form,
    pub(super) conditioned: bool,
}

impl<'l> Resolved<'l> {
    /// What the form is rewritten to, if it is a variant.
    pub(super) fn variant(&self, lex: &'l Lexicon) -> Option<&'l str> {
        self.form.kind.rewrites().then(|| {
            self.form
                .to
                .as_deref()
                .unwrap_or_else(|| lex.entities[self.entity].target_of(&self.form.text))
        })
    }
}

/// The packs whose [`crate::names::lexicon::Activation`] the document does not meet: it names
/// fewer distinct entities of their core than they ask for (counted on the
/// exact, unconditioned hits).
pub(super) fn packs_off<'l>(lex: &'l Lexicon, idx: &DocIndex<'_>) -> Vec<&'l str> {
    lex.activation
        .iter()
        .filter(|(pack, act)| {
            let named = idx
                .mentions
                .keys()
                .filter(|&&e| {
                    let ent = &lex.entities[e];
                    ent.pack == **pack && ent.is_core(act)
                })
                .count();
            named < act.min
        })
        .map(|(pack, _)| pack.as_str())
        .collect()
}

/// Chooses the entity and form of an exact hit, checking form conditions.
pub(super) fn resolve<'l>(lex: &'l Lexicon, idx: &DocIndex<'_>, h: &Hit) -> Option<Resolved<'l>> {
    let surface = h.span.of(idx.text);
    let mut ok: Vec<(usize, usize, bool)> = h
        .refs
        .iter()
        .filter_map(|r| {
            let f = &lex.entities[r.entity].forms[r.form];
            match &f.when {
                None => Some((r.entity, r.form, false)),
                Some(c) => idx
                    .holds(lex, c, h.span)
                    .then_some((r.entity, r.form, true)),
            }
        })
        .collect();
    if ok.is_empty() {
        return None;
    }
    let form_text = |e: usize, f: usize| &lex.entities[e].forms[f].text;
    ok.sort_by_key(|&(e, f, cond)| (!cond, !same_norm(form_text(e, f), surface), e, f));
    let entity = ok[0].0;
    let mine: Vec<(usize, bool)> = ok
        .iter()
        .filter(|x| x.0 == entity)
        .map(|x| (x.1, x.2))
        .collect();
    let ent = &lex.entities[entity];
    let same = mine
        .iter()
        .find(|(f, _)| same_norm(&ent.forms[*f].text, surface));
    let accepted = mine.iter().find(|(f, _)| !ent.forms[*f].kind.rewrites());
    let (f, conditioned) = same.or(accepted).copied().unwrap_or(mine[0]);
    Some(Resolved {
        span: h.span,
        entity,
        form: &ent.forms[f],
        conditioned,
    })
}

/// True if `a` and `b` are the same under [`norm`], worked out without
/// copying them when both are ASCII (one comparison per name mention).
pub(super) fn same_norm(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if !(a.is_ascii() && b.is_ascii()) {
        return norm(a) == norm(b);
    }
    let (mut x, mut y) = (a.split_whitespace(), b.split_whitespace());
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => {}
            _ => return false,
        }
    }
}

/// Lowercase with single spaces: how a surface is compared with a form.
fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn same_norm_is_equality_of_norms(a in "[aAbB \t\u{B}Σσß]{0,8}", b in "[aAbB \t\u{B}Σσß]{0,8}") {
            proptest::prop_assert_eq!(super::same_norm(&a, &b), super::norm(&a) == super::norm(&b));
        }
    }
}
