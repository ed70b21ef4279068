//! Known forms: one Aho-Corasick automaton over the folded keys of every
//! lexicon form. Matches respect word boundaries, the longest wins, and
//! offsets map back to the source exactly.
//!
//! Case matters where it carries meaning: an all-capitals form (an acronym
//! such as "US" or "UN") matches only as written, and a capitalised form
//! matches only a capitalised word ("Turkey", not "turkey").

use super::fold::{Folded, boundary_after, boundary_before};
use super::lexicon::Lexicon;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;

/// A form of an entity: indexes into [`Lexicon::entities`] and `forms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FormRef {
    /// Entity index.
    pub entity: usize,
    /// Form index within the entity.
    pub form: usize,
}

/// A match of known forms in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Source span.
    pub span: Span,
    /// The forms with this key whose case rule the surface meets.
    pub refs: Vec<FormRef>,
}

/// The compiled automaton.
#[derive(Debug, Clone)]
pub struct Exact {
    ac: Option<AhoCorasick>,
    keys: Vec<Vec<FormRef>>,
}

fn is_acronym(form: &str) -> bool {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !form.contains(' ')
}

/// True if `surface` may stand for `form` given their case.
pub fn case_fits(form: &str, surface: &str) -> bool {
    if is_acronym(form) {
        return form == surface;
    }
    let first_upper = |s: &str| {
        s.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    !first_upper(form) || first_upper(surface)
}

impl Exact {
    /// Builds the automaton over every form of `lex`.
    pub fn build(lex: &Lexicon) -> Exact {
        let mut by_key: BTreeMap<&str, Vec<FormRef>> = BTreeMap::new();
        for (e, ent) in lex.entities.iter().enumerate() {
            for (f, form) in ent.forms.iter().enumerate() {
                if !form.key.trim().is_empty() {
                    by_key
                        .entry(form.key.as_str())
                        .or_default()
                        .push(FormRef { entity: e, form: f });
                }
            }
        }
        let patterns: Vec<&str> = by_key.keys().copied().collect();
        let keys: Vec<Vec<FormRef>> = by_key.into_values().collect();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Exact { ac, keys }
    }

    /// Every match in `text`, non-overlapping, longest first at each position.
    pub fn find(&self, lex: &Lexicon, text: &str) -> Vec<Hit> {
        let folded = Folded::new(text);
        self.find_folded(lex, text, &folded)
    }

    /// As [`Exact::find`], with `text` already folded.
    pub fn find_folded(&self, lex: &Lexicon, text: &str, folded: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let f = &folded.text;
        let mut cands: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(f.as_str()) {
            if !boundary_before(f, m.start()) || !boundary_after(f, m.end()) {
                continue;
            }
            let (s, e) = folded.source_range(m.start(), m.end());
            let Some(surface) = text.get(s..e) else {
                continue;
            };
            let refs: Vec<FormRef> = self.keys[m.pattern().as_usize()]
                .iter()
                .copied()
                .filter(|r| case_fits(&lex.entities[r.entity].forms[r.form].text, surface))
                .collect();
            if refs.is_empty() || surface.trim() != surface {
                continue;
            }
            cands.push(Hit {
                span: Span::new(s, e),
                refs,
            });
        }
        cands.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(cands.len());
        for h in cands {
            if out.last().is_none_or(|p| p.span.end <= h.span.start) {
                out.push(h);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let mut l = Lexicon::default();
        l.load(
            "t.toml",
            "[pack]\nname = \"t\"\ndescription = \"d\"\n\
             [[entity]]\nid = \"nk\"\ntype = \"place\"\ncanonical = \"Nagorno-Karabakh\"\nvariants = [\"Nagorno Karabakh\"]\n\
             [[entity]]\nid = \"k\"\ntype = \"place\"\ncanonical = \"Karabakh\"\n\
             [[entity]]\nid = \"us\"\ntype = \"place\"\ncanonical = \"United States\"\nshort = [\"US\"]\n\
             [[entity]]\nid = \"c\"\ntype = \"person\"\ncanonical = \"Mevlüt Çavuşoğlu\"\nvariants = [\"Cavusoglu\"]\n",
        )
        .unwrap();
        l
    }

    fn surfaces(text: &str) -> Vec<&str> {
        let l = lex();
        Exact::build(&l)
            .find(&l, text)
            .iter()
            .map(|h| h.span.of(text))
            .collect()
    }

    #[test]
    fn longest_match_wins_and_maps_back() {
        assert_eq!(
            surfaces("In Nagorno – Karabakh and Karabakh."),
            ["Nagorno – Karabakh", "Karabakh"]
        );
    }

    #[test]
    fn words_inside_words_and_wrong_case_do_not_match() {
        assert!(surfaces("Karabakhi us and bus").is_empty());
        assert_eq!(
            surfaces("the US and Cavusoglu’s visit"),
            ["US", "Cavusoglu"]
        );
    }
}
