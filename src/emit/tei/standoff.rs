//! The `standOff`: one record per entity the text mentions, with its canonical
//! name, the variants this document used, and its Wikidata id.

use super::Tei;
use crate::Conversion;
use crate::entity::EntityType;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    if c.entities.is_empty() {
        return;
    }
    t.start("standOff", &[]);
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
