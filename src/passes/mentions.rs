//! The entity mentions rules record as they find names: one mention per
//! hit, one standOff record per entity with the variants the document used.
//! Shared by the `names` and `phrases` rules.

use super::Proposals;
use crate::entity::{EntityRecord, Mention};
use crate::names::lexicon::Lexicon;
use crate::span::Span;
use std::sync::Arc;

/// Pushes a mention of entity `e` at `span` and its standOff record,
/// remembering `surface` as a variant the document used.
pub(crate) fn record_mention(
    out: &mut Proposals,
    lex: &Lexicon,
    e: usize,
    span: Span,
    surface: &str,
) {
    let ent = &lex.entities[e];
    out.mentions.push(Mention {
        span,
        entity: Arc::clone(&ent.id),
        kind: ent.kind,
    });
    if !out.entities.contains_key(&*ent.id) {
        out.entities.insert(
            ent.id.to_string(),
            EntityRecord {
                id: ent.id.to_string(),
                kind: ent.kind,
                canonical: ent.canonical.clone(),
                wikidata: ent.wikidata.clone(),
                variants: Vec::new(),
            },
        );
    }
    let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    let r = out.entities.get_mut(&*ent.id).expect("inserted above");
    if surface != ent.canonical && !r.variants.contains(&surface) {
        r.variants.push(surface);
    }
}
