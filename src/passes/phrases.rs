//! `phrases`: systematic machine-translation patterns from the phrase packs.
//!
//! - `lexicons/zh-en-mt.toml`: Chinese one-character abbreviations rendered
//!   literally ("Naka region" → "Nagorno-Karabakh region", "Asia and
//!   Afghanistan" → "Armenia and Azerbaijan");
//! - `lexicons/mt-calques.toml`: calques ("International Crisis Organization"
//!   → "International Crisis Group", "cynic lie" → "cynical lie").
//!
//! `kind = "sic"` phrases are corrections (`sic/corr`), `"reg"` ones
//! normalizations (`orig/reg`). A phrase that names an entity also links the
//! match to it.
//!
//! Why it is safe: forms match case-sensitively at word boundaries, every
//! pattern that could be correct English carries a context condition (the
//! same condition language as the lexicon) or a confidence below the
//! threshold, and nothing inside a protected scope is rewritten.

use super::mentions::record_mention;
use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::names::lexicon::PhraseKind;

/// See the module documentation.
pub struct Phrases;

impl Pass for Phrases {
    fn id(&self) -> &'static str {
        "phrases"
    }

    fn description(&self) -> &'static str {
        "Machine-translation patterns and calques from the phrase packs, under context conditions."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let res = cx.resources;
        let lex = &res.lexicon;
        if lex.phrases.is_empty() {
            return;
        }
        let idx = cx.name_index();
        for h in res.phrases.find(lex, &idx) {
            if cx.is_protected(h.span) {
                continue;
            }
            let p = &lex.phrases[h.phrase];
            let category = match (p.kind, &p.entity) {
                (PhraseKind::Sic, _) => Category::Translation,
                (PhraseKind::Reg, Some(_)) => Category::Name,
                (PhraseKind::Reg, None) => Category::Typography,
            };
            let mut note = format!("phrase {}", p.id);
            if p.when.is_some() {
                note.push_str(" (its context condition holds)");
            }
            if let Some(n) = &p.note {
                note.push_str(": ");
                note.push_str(n);
            }
            let rule = format!("{}/{}", self.id(), p.id);
            let mut edit = Edit::new(
                cx.text,
                h.span,
                h.after.clone(),
                &rule,
                category,
                p.confidence,
            )
            .with_note(note);
            if let Some(id) = &p.entity {
                edit = edit.with_entity(id.clone());
                if let Some(&e) = lex.by_id.get(id)
                    && p.confidence >= cx.options.min_confidence
                {
                    record_mention(out, lex, e, h.span, h.span.of(cx.text));
                }
            }
            out.edits.push(edit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::run_pass;

    fn changes(text: &str) -> Vec<(String, String)> {
        run_pass(&Phrases, text)
            .into_iter()
            .filter(|e| e.confidence >= 0.8)
            .map(|e| (e.before, e.after))
            .collect()
    }

    #[test]
    fn chinese_abbreviations_in_an_armenia_azerbaijan_text() {
        let t = "Armenia and Azerbaijan fought over the Naka region. Both Asia and Afghanistan mobilised.";
        let c = changes(t);
        assert!(
            c.contains(&("Naka region".into(), "Nagorno-Karabakh region".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&(
                "Asia and Afghanistan".into(),
                "Armenia and Azerbaijan".into()
            )),
            "{c:?}"
        );
    }

    #[test]
    fn a_demonym_puts_a_paragraph_in_its_country_context() {
        let t = "Asia and Afghanistan exchange fire.\n\nThe Ministry of Defense of Afghanistan said that the Armenian army shelled the city.";
        let c = changes(t);
        assert!(
            c.contains(&("Afghanistan".into(), "Azerbaijan".into())),
            "{c:?}"
        );
        // a demonym also puts the document in its country's context
        let t =
            "Fighting continues in Naka\n\nThe Armenian army said the Azerbaijani side attacked.";
        assert!(
            changes(t).contains(&("Naka".into(), "Nagorno-Karabakh".into())),
            "{:?}",
            changes(t)
        );
        // without the Chinese-MT signal in the document nothing changes
        let t =
            "The Ministry of Defense of Afghanistan said that the Armenian army was not involved.";
        assert!(changes(t).is_empty());
    }

    #[test]
    fn real_asia_and_afghanistan_stay() {
        assert!(changes("Trade between Asia and Afghanistan grew. Kabul welcomed it.").is_empty());
        assert!(
            changes("Afghanistan. The Afghan Foreign Ministry issued a statement on Armenia.")
                .is_empty()
        );
    }

    #[test]
    fn calques_are_corrected() {
        let c =
            changes("A researcher at the International Crisis Organization called it a cynic lie.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].1, "cynical lie");
    }

    #[test]
    fn no_phrase_lists_a_find_again_with_an_article() {
        // find = ["Asian side", "the Asian side"] with one replacement turned
        // "said that the Asian side" into "said that Armenian side"
        let lex = &crate::names::Resources::builtin()
            .expect("builtin packs")
            .lexicon;
        for p in &lex.phrases {
            for f in &p.find {
                for article in ["the ", "The ", "a ", "an "] {
                    let bare = f.strip_prefix(article).unwrap_or_default();
                    assert!(!p.find.iter().any(|g| g == bare), "{}: {f:?}", p.id);
                }
            }
        }
        let c = changes(
            "Naka. Armenia and Azerbaijan. Pashinyan said that the Asian side would fight.",
        );
        assert!(
            c.contains(&("Asian side".into(), "Armenian side".into())),
            "{c:?}"
        );
    }

    #[test]
    fn nothing_in_protected_scopes() {
        assert!(
            changes("See <https://example.org/International Crisis Organization> now.").is_empty()
        );
    }
}
