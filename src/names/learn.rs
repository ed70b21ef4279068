//! Lexicon entries learnt from review: the engine of `emend names learn`.
//!
//! An accepted name edit of a decisions file (`"decision": "accept"`, a rule
//! starting with `names`, `before` and `after` given) says that `before` is a
//! spelling of the name written `after`. [`learn`] adds `before` to the
//! `variants` of that entity in a user lexicon file, so the next run with
//! `--lexicon FILE` rewrites it by itself as a listed variant:
//!
//! - an entity of the file whose canonical or short form is `after` gets it;
//! - else an entity of the built-in packs with that form is copied in (same
//!   id, type and canonical: loaded after the packs, it extends the built-in
//!   entity rather than duplicating it);
//! - else a new entity is created, its id derived from `after`, its type a
//!   guess marked in a comment.
//!
//! The file is edited in place with `toml_edit`: existing entries, order and
//! comments stay. A `before` that is already a form of some entity, or that
//! names another entity of the packs (a context-dependent fix, like a real
//! place name used for another), is not learnt and is reported as skipped.

use super::discover::{slug, unique_id};
use super::fold::fold;
use super::lexicon::{FormKind, Lexicon};
use crate::decisions::{Decisions, Verdict};
use crate::entity::EntityType;
use crate::error::{Error, Result};
use std::collections::BTreeSet;
use toml_edit::{Array, DocumentMut, Item, Table, Value, value};

/// What happened to one accepted edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// `before` was added to the entity's variants.
    Added {
        /// The spelling learnt.
        before: String,
        /// The entity's id.
        entity: String,
        /// True if the entity was created in the file.
        created: bool,
    },
    /// Not learnt, and why.
    Skipped {
        /// The spelling.
        before: String,
        /// Why not.
        reason: String,
    },
}

/// The header of a new learnt lexicon.
const HEADER: &str = "# Name variants learnt from review decisions by `emend names learn`.\n# Load with --lexicon; edit freely (comments and order are kept).\n\n[pack]\nname = \"learned\"\ndescription = \"Name variants accepted in review\"\n";

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind_name(k: EntityType) -> &'static str {
    match k {
        EntityType::Person => "person",
        EntityType::Place => "place",
        EntityType::Org => "org",
    }
}

/// Strings of an array item (plain strings and `{ form = ... }` tables).
fn forms_of(t: &Table, key: &str) -> Vec<String> {
    let Some(arr) = t.get(key).and_then(Item::as_array) else {
        return Vec::new();
    };
    arr.iter()
        .filter_map(|v| match v {
            Value::String(s) => Some(s.value().clone()),
            Value::InlineTable(it) => it.get("form").and_then(|f| f.as_str()).map(str::to_owned),
            _ => None,
        })
        .collect()
}

fn str_of(t: &Table, key: &str) -> Option<String> {
    t.get(key).and_then(Item::as_str).map(str::to_owned)
}

/// Learns the accepted name edits of `decisions` into the lexicon `text`
/// (empty: a new file); `builtin` holds the packs to look entities up in.
/// Returns the new text and what happened to each edit.
pub fn learn(
    decisions: &Decisions,
    text: &str,
    name: &str,
    builtin: &Lexicon,
) -> Result<(String, Vec<Outcome>)> {
    let source = if text.trim().is_empty() { HEADER } else { text };
    let mut doc: DocumentMut = source.parse().map_err(|e: toml_edit::TomlError| {
        let at = e.span().map_or(0, |r| r.start);
        let lc = crate::span::line_col(source, at);
        Error::Data {
            path: name.to_owned(),
            line: lc.line,
            column: lc.column,
            message: e.message().trim().to_owned(),
        }
    })?;
    if !doc.contains_key("entity") {
        doc["entity"] = Item::ArrayOfTables(toml_edit::ArrayOfTables::new());
    }
    let mut outcomes = Vec::new();
    let mut seen = BTreeSet::new();
    for d in &decisions.edits {
        let (Some(rule), Some(before), Some(after)) = (&d.rule, &d.before, &d.after) else {
            continue;
        };
        if d.decision != Verdict::Accept || !rule.starts_with("names") {
            continue;
        }
        let (before, after) = (norm(before), norm(after));
        if before.is_empty() || after.is_empty() || fold(&before) == fold(&after) {
            continue;
        }
        if !seen.insert((fold(&before), fold(&after))) {
            continue;
        }
        outcomes.push(learn_one(&mut doc, &before, &after, builtin)?);
    }
    Ok((doc.to_string(), outcomes))
}

fn learn_one(
    doc: &mut DocumentMut,
    before: &str,
    after: &str,
    builtin: &Lexicon,
) -> Result<Outcome> {
    let (bk, ak) = (fold(before), fold(after));
    let skipped = |reason: String| {
        Ok(Outcome::Skipped {
            before: before.to_owned(),
            reason,
        })
    };
    let Some(entities) = doc.get_mut("entity").and_then(Item::as_array_of_tables_mut) else {
        return skipped("the file's `entity` key is not a list of tables".to_owned());
    };
    // Already a form somewhere in the file?
    for t in entities.iter() {
        let all: Vec<String> = ["short", "variants", "contested"]
            .iter()
            .flat_map(|k| forms_of(t, k))
            .chain(str_of(t, "canonical"))
            .collect();
        if all.iter().any(|f| fold(f) == bk) {
            let id = str_of(t, "id").unwrap_or_default();
            return skipped(format!("already a form of {id:?} in the file"));
        }
    }
    // The built-in entity with `after` as an accepted form, and any that `before` names.
    let target = builtin.entities.iter().find(|e| {
        e.forms
            .iter()
            .any(|f| matches!(f.kind, FormKind::Canonical | FormKind::Short) && f.key == ak)
    });
    if let Some(e) = builtin
        .entities
        .iter()
        .find(|e| e.forms.iter().any(|f| f.key == bk && f.when.is_none()))
    {
        if target.is_some_and(|t| t.id == e.id) {
            return skipped(format!("already a form of {:?}", e.id));
        }
        return skipped(format!(
            "{before:?} names {:?} in the packs: a fix that depends on context, not learnt",
            e.id
        ));
    }
    // An entity of the file with `after` as canonical or short form.
    let found = entities.iter().position(|t| {
        str_of(t, "canonical").is_some_and(|c| fold(&c) == ak)
            || forms_of(t, "short").iter().any(|s| fold(s) == ak)
            || target.is_some_and(|e| str_of(t, "id").as_deref() == Some(&*e.id))
    });
    let (index, created) = match found {
        Some(k) => (k, false),
        None => {
            let mut t = Table::new();
            let (id, kind, canonical, guessed) = match target {
                Some(e) => (e.id.to_string(), e.kind, e.canonical.clone(), false),
                None => {
                    let mut taken: BTreeSet<String> = builtin.by_id.keys().cloned().collect();
                    taken.extend(entities.iter().filter_map(|t| str_of(t, "id")));
                    let id = unique_id(&slug(after), &taken);
                    (id, EntityType::Person, after.to_owned(), true)
                }
            };
            t["id"] = value(id);
            t["type"] = value(kind_name(kind));
            t["canonical"] = value(canonical);
            t["variants"] = value(Array::new());
            let note = if guessed {
                format!("\n# Learnt from review: {after:?}. The type is a guess; check it.\n")
            } else {
                format!(
                    "\n# Learnt from review: extends the built-in entity {:?}.\n",
                    str_of(&t, "id").unwrap_or_default()
                )
            };
            t.decor_mut().set_prefix(note);
            entities.push(t);
            (entities.len() - 1, true)
        }
    };
    let Some(t) = entities.get_mut(index) else {
        return skipped("internal: entity vanished".to_owned());
    };
    let id = str_of(t, "id").unwrap_or_default();
    if !t.contains_key("variants") {
        t["variants"] = value(Array::new());
    }
    match t.get_mut("variants").and_then(Item::as_array_mut) {
        Some(arr) => arr.push(before),
        None => return skipped(format!("{id:?}: `variants` is not a list")),
    }
    Ok(Outcome::Added {
        before: before.to_owned(),
        entity: id,
        created,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decisions::EditDecision;

    fn accept(rule: &str, before: &str, after: &str) -> EditDecision {
        EditDecision {
            fingerprint: "0000000000000000".into(),
            decision: Verdict::Accept,
            rule: Some(rule.into()),
            before: Some(before.into()),
            after: Some(after.into()),
            note: None,
        }
    }

    fn builtin() -> Lexicon {
        let mut l = Lexicon::default();
        l.load(
            "b.toml",
            "[pack]\nname = \"b\"\ndescription = \"d\"\n[[entity]]\nid = \"ann-lee\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\nshort = [\"Lee\"]\n[[entity]]\nid = \"dorn\"\ntype = \"place\"\ncanonical = \"Dorn\"\n",
        )
        .unwrap();
        l
    }

    #[test]
    fn accepted_name_edits_become_variants_and_the_file_loads() {
        let d = Decisions {
            edits: vec![
                accept("names/unseen", "Leigh", "Lee"),
                accept("names/unseen", "Tovmas Kerr", "Tomas Kerr"),
                accept("quotes", "x", "y"),
                accept("names/list", "Dorn", "Lee"),
            ],
            ..Decisions::default()
        };
        let (text, out) = learn(&d, "", "l.toml", &builtin()).unwrap();
        assert_eq!(out.len(), 3, "{out:?}");
        assert!(
            matches!(&out[0], Outcome::Added { entity, created: true, .. } if entity == "ann-lee")
        );
        assert!(matches!(&out[1], Outcome::Added { entity, .. } if entity == "tomas-kerr"));
        assert!(matches!(&out[2], Outcome::Skipped { .. }));
        let mut lex = builtin();
        lex.load("l.toml", &text).unwrap();
        assert!(
            lex.entity("ann-lee")
                .unwrap()
                .forms
                .iter()
                .any(|f| f.text == "Leigh")
        );
        assert!(text.contains("type is a guess"));
    }

    #[test]
    fn existing_content_and_comments_stay() {
        let before = "# my names\n[pack]\nname = \"mine\"\ndescription = \"d\"\n\n# a friend\n[[entity]]\nid = \"bo\"\ntype = \"person\"\ncanonical = \"Bo Sand\"\nvariants = [\"Bo Sant\"] # seen in 2019\n";
        let d = Decisions {
            edits: vec![accept("names", "Bo Zand", "Bo Sand")],
            ..Decisions::default()
        };
        let (text, out) = learn(&d, before, "l.toml", &Lexicon::default()).unwrap();
        assert!(matches!(&out[0], Outcome::Added { created: false, .. }));
        assert!(text.starts_with("# my names\n"));
        assert!(text.contains("# a friend"));
        assert!(text.contains("\"Bo Sant\", \"Bo Zand\""), "{text}");
        // Learning again changes nothing.
        let (again, out) = learn(&d, &text, "l.toml", &Lexicon::default()).unwrap();
        assert_eq!(again, text);
        assert!(matches!(&out[0], Outcome::Skipped { .. }));
    }
}
