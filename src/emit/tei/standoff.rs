//! The `standOff`: the proposed edits, each a `span` pointing at the source
//! text it would change, and one record per entity the text mentions, with
//! its canonical name, the variants this document used, and its Wikidata id.

use super::inline::edit_attrs_of;
use super::{Tei, proposal_id};
use crate::Conversion;
use crate::edit::TeiForm;
use crate::entity::EntityType;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    if c.entities.is_empty() && t.proposals.is_empty() {
        return;
    }
    t.start("standOff", &[]);
    write_proposals(t, c);
    for (kind, list, item) in [
        (EntityType::Person, "listPerson", "person"),
        (EntityType::Place, "listPlace", "place"),
        (EntityType::Org, "listOrg", "org"),
    ] {
        let records: Vec<_> = c.entities.values().filter(|r| r.kind == kind).collect();
        if records.is_empty() {
            continue;
        }
        t.start(list, &[]);
        for r in records {
            t.start(item, &[("xml:id", &r.id)]);
            let name = kind.name_element();
            t.leaf(name, &[("type", "canonical")], &r.canonical);
            for v in &r.variants {
                t.leaf(name, &[("type", "variant")], v);
            }
            if let Some(q) = &r.wikidata {
                t.leaf("idno", &[("type", "wikidata")], q);
            }
            t.end(item);
        }
        t.end(list);
    }
    t.end("standOff");
    t.raw("\n");
}

/// `spanGrp type="proposed"`: one `span` per suggested edit written inline,
/// its `@target` the pieces of source text it would change, its content the
/// proposed reading (empty: a deletion), its `@type` `corr` for a correction
/// or `reg` for a normalization. Kept out of `text` so that a renderer
/// never shows a proposal as the reading text.
fn write_proposals(t: &mut Tei, c: &Conversion) {
    let proposals = std::mem::take(&mut t.proposals);
    if proposals.is_empty() {
        return;
    }
    t.start("spanGrp", &[("type", "proposed")]);
    for &(index, pieces) in &proposals {
        let e = &c.edits[index];
        let kind = if e.category.tei_form() == TeiForm::Correct {
            "corr"
        } else {
            "reg"
        };
        let target: Vec<String> = (1..=pieces)
            .map(|k| format!("#{}", proposal_id(index, k)))
            .collect();
        t.open("span");
        t.attr("type", &[kind]);
        edit_attrs_of(t, index, e);
        t.attr("target", &[&target.join(" ")]);
        if e.after.is_empty() {
            t.close_empty();
        } else {
            t.close_start();
            t.plain(&e.after);
            t.end("span");
        }
    }
    t.end("spanGrp");
}
