//! Chinese routes named by the first syllables of the places they join.
//!
//! Chinese names a railway, a road or a pipeline by the first syllable of
//! each of its two ends: 郑万高铁 is the Zhengzhou–Wanzhou high-speed
//! railway, "Zheng-Wan" in pinyin. English news writes the two places out
//! ("the Zhengzhou-Wanzhou high-speed railway"); machine translation keeps
//! the syllables, glued ("Zhengwan"), hyphenated ("Zheng-Wan") or as two
//! words that read like a person ("Zheng Wan"), often in the same text
//! that names both places in full. Where the document writes two places
//! whose first syllables make the abbreviation, in that order, and writes
//! the abbreviation only to name a route (a route word follows every time:
//! a person "Zheng Wan" is never followed by "railway"), the abbreviation
//! is that route's two ends: "Zhengzhou-Wanzhou". Applied only when the
//! document itself writes the two places joined by a hyphen, in one way
//! only; proposed when it writes them apart in one paragraph (two places
//! that only happen to share the syllables are seldom told together).

use super::Matcher;
use crate::analysis::pinyin::pinyin_syllables;
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::names::context::word_iter;
use crate::span::Span;
use foldhash::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// English words that name a route after its name: the abbreviation stands
/// before one of them (up to [`ROUTE_REACH`] words on, "high-speed rail").
const ROUTE_WORDS: &[&str] = &[
    "railway",
    "railways",
    "railroad",
    "rail",
    "expressway",
    "highway",
    "motorway",
    "freeway",
    "pipeline",
    "canal",
    "line",
];
/// How many words after the abbreviation may hold its route word ("Zheng
/// Wan High-speed Railway": three).
const ROUTE_REACH: usize = 3;
/// Confidence when the document writes the two places hyphenated as the
/// route's name, and when it only names them apart.
const CONF_JOINED: f32 = 0.8;
const CONF: f32 = 0.65;
/// Least mentions before a route word of an abbreviation also written at
/// the head of a longer proper name.
const MIN_ROUTED: usize = 2;
/// Most places one syllable of an abbreviation may stand for: past it the
/// abbreviation is too ambiguous to expand, and the pairs of places to
/// weigh would grow as the square of the document's names.
const MAX_ENDS: usize = 32;

/// One way the document writes an abbreviation: its two syllables, and the
/// spans it is written at.
struct Abbreviation<'a> {
    first: &'a str,
    second: &'a str,
    spans: Vec<Span>,
    /// Some mention is not followed by a route word: the syllables may be a
    /// person's name.
    elsewhere: bool,
    /// How many mentions are followed by a route word.
    routed: usize,
    /// Some mention is followed by a capitalised word instead, the head of
    /// a longer proper name named after the route ("Zheng Wan Engineering
    /// Group", the railway's construction company).
    named: bool,
}

impl Matcher<'_, '_> {
    /// Route abbreviations expanded to the two places the document names
    /// (see the module documentation).
    pub(super) fn route_abbreviations(&self) -> Vec<Edit> {
        let text = self.text();
        // the document's pinyin names of two syllables or more, by their
        // first syllable, and the pairs it writes joined by a hyphen
        let mut by_first: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
        let mut joined: BTreeSet<(&str, &str)> = BTreeSet::new();
        // the paragraphs each of those names is written in
        let mut paragraphs: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        // abbreviations by their form as written
        let mut abbreviations: BTreeMap<&str, Abbreviation<'_>> = BTreeMap::new();
        // the abbreviations written before a route word, first: the index
        // of the places' first syllables (a pinyin parse of every
        // capitalised word) is built only for a document that has one
        // a document writes the same names again and again: each word's
        // pinyin parse is made once
        let mut parsed: HashMap<&str, Option<usize>> = HashMap::default();
        let mut syllables = |w| *parsed.entry(w).or_insert_with(|| pinyin_syllables(w));
        for b in &self.cx.doc.blocks {
            // an abbreviated place is a capitalised ASCII word
            if !Sites::UPPER.in_text(b.span.of(text)) {
                continue;
            }
            let bt = b.span.of(text);
            let ws: Vec<(usize, &str)> = word_iter(bt).collect();
            for (n, &(k, w)) in ws.iter().enumerate() {
                if !capitalised(w) {
                    continue;
                }
                let glued = match syllables(w) {
                    Some(2) => split_glued(w),
                    Some(1) => None,
                    _ => continue,
                };
                let (first, second, end, next) = match glued {
                    Some((p, q)) => (p, q, k + w.len(), n + 1),
                    None => {
                        let Some(&(k2, w2)) = ws.get(n + 1) else {
                            continue;
                        };
                        let sep = &bt[k + w.len()..k2];
                        if !matches!(sep, " " | "-")
                            || !capitalised(w2)
                            || syllables(w) != Some(1)
                            || syllables(w2) != Some(1)
                        {
                            continue;
                        }
                        (w, w2, k2 + w2.len(), n + 2)
                    }
                };
                if self.is_ordinary_word(w) {
                    continue;
                }
                let route = ws[next.min(ws.len())..]
                    .iter()
                    .take(ROUTE_REACH)
                    .any(|(_, r)| ROUTE_WORDS.contains(&r.to_ascii_lowercase().as_str()));
                let a = abbreviations
                    .entry(&bt[k..end])
                    .or_insert_with(|| Abbreviation {
                        first,
                        second,
                        spans: Vec::new(),
                        elsewhere: false,
                        routed: 0,
                        named: false,
                    });
                a.spans
                    .push(Span::new(b.span.start + k, b.span.start + end));
                let named = !route && ws.get(next).is_some_and(|&(_, r)| capitalised(r));
                a.routed += usize::from(route);
                a.named |= named;
                a.elsewhere |= !route && !named;
            }
        }
        // beside a longer proper name, the route must be written as a route
        // at least twice
        abbreviations
            .retain(|_, a| !a.elsewhere && a.routed >= if a.named { MIN_ROUTED } else { 1 });
        if abbreviations.is_empty() {
            return Vec::new();
        }
        for (nb, b) in self.cx.doc.blocks.iter().enumerate() {
            if !Sites::UPPER.in_text(b.span.of(text)) {
                continue;
            }
            let bt = b.span.of(text);
            let ws: Vec<(usize, &str)> = word_iter(bt).collect();
            for (n, &(k, w)) in ws.iter().enumerate() {
                if !capitalised(w) {
                    continue;
                }
                if let Some(first) = first_syllable(w) {
                    by_first
                        .entry(first.to_ascii_lowercase())
                        .or_default()
                        .insert(w);
                    paragraphs.entry(w).or_default().insert(nb);
                    if let Some(&(k2, w2)) = ws.get(n + 1)
                        && &bt[k + w.len()..k2] == "-"
                        && first_syllable(w2).is_some()
                    {
                        joined.insert((w, w2));
                    }
                }
            }
        }
        // the words written only as a route's name: a misspelt
        // abbreviation ("Zhengwang" beside "Zhengwan") is no place at the
        // route's end, though its first syllable is one's
        let route_only: BTreeSet<&str> = abbreviations.keys().copied().collect();
        let mut out = Vec::new();
        for (form, a) in abbreviations {
            let ends = |s: &str| by_first.get(&s.to_ascii_lowercase());
            let (Some(from), Some(to)) = (ends(a.first), ends(a.second)) else {
                if let Some(from) = ends(a.first) {
                    out.extend(self.route_from_batch(form, &a, from));
                }
                continue;
            };
            if from.len() > MAX_ENDS || to.len() > MAX_ENDS {
                continue;
            }
            // two places of one route are told together: joined, or in
            // one paragraph ("from Zhengzhou ... to Wanzhou")
            let together = |x: &str, y: &str| {
                joined.contains(&(x, y)) || !paragraphs[x].is_disjoint(&paragraphs[y])
            };
            let pairs: Vec<(&str, &str)> = from
                .iter()
                .flat_map(|x| to.iter().map(move |y| (*x, *y)))
                .filter(|(x, y)| x != y && !form.contains(x) && !form.contains(y) && together(x, y))
                .collect();
            // the pair the document joins itself; else the only pair
            let hyphenated: Vec<&(&str, &str)> =
                pairs.iter().filter(|p| joined.contains(p)).collect();
            // else the only pair of places, not of route names
            let places: Vec<&(&str, &str)> = pairs
                .iter()
                .filter(|(x, y)| !route_only.contains(x) && !route_only.contains(y))
                .collect();
            let only = match (&pairs[..], &places[..]) {
                ([p], _) => Some(*p),
                (_, [p]) => Some(**p),
                _ => None,
            };
            let ((x, y), conf, how) = match (&hyphenated[..], only) {
                ([p], _) => (**p, CONF_JOINED, "writes the route"),
                ([], Some(p)) => (
                    p,
                    CONF,
                    "names the two places apart but never joins them as",
                ),
                _ => continue,
            };
            let after = format!("{x}-{y}");
            let (conf, written) = if a.named {
                (
                    conf.min(CONF),
                    format!(
                        "{form:?} is written {} times before a route word and otherwise only at the head of a longer proper name",
                        a.routed
                    ),
                )
            } else {
                (
                    conf,
                    format!("{form:?} is written only before a route word"),
                )
            };
            let note = format!(
                "{form:?} is the first syllables of {x:?} and {y:?}, which the document names, in that order (the Chinese abbreviation of a route by its two ends); {written}; the document {how} {after:?}"
            );
            for span in &a.spans {
                out.push(
                    Edit::new(
                        text,
                        *span,
                        after.clone(),
                        "names/abbreviation",
                        Category::Name,
                        conf,
                    )
                    .with_note(note.clone()),
                );
            }
        }
        out
    }
}

impl Matcher<'_, '_> {
    /// The route an abbreviation names when the document names its first
    /// end only ("Yiwan Railway" beside "Yichang", never "Wanzhou"): the
    /// one pair the other translations of the text in the batch write
    /// joined by a hyphen from a place of `from` to a place whose first
    /// syllable is the abbreviation's second ("Yichang-Wanzhou"). Only
    /// proposed: the other end is the batch's word, not the document's.
    fn route_from_batch(
        &self,
        form: &str,
        a: &Abbreviation<'_>,
        from: &BTreeSet<&str>,
    ) -> Vec<Edit> {
        let Some((counts, related)) = self.batch_related() else {
            return Vec::new();
        };
        if from.len() > MAX_ENDS {
            return Vec::new();
        }
        let second = a.second.to_ascii_lowercase();
        let routes: BTreeSet<&str> = from
            .iter()
            .flat_map(|x| counts.joined_from(x))
            .filter(|p| {
                p.split_once('-').is_some_and(|(_, y)| {
                    first_syllable(y).is_some_and(|s| s.eq_ignore_ascii_case(&second))
                }) && related.documents_with(counts, p) > 0
            })
            .map(String::as_str)
            .collect();
        let mut routes = routes.into_iter();
        let (Some(route), None) = (routes.next(), routes.next()) else {
            return Vec::new();
        };
        let (x, y) = route.split_once('-').unwrap_or((route, ""));
        let written = if a.named {
            "before a route word and at the head of a longer proper name"
        } else {
            "only before a route word"
        };
        let note = format!(
            "{form:?} is the first syllables of {x:?}, which the document names, and of {y:?}, which it does not (the Chinese abbreviation of a route by its two ends); {form:?} is written {written}; other translations of this text in the batch write the route {route:?}"
        );
        let text = self.text();
        a.spans
            .iter()
            .map(|span| {
                Edit::new(
                    text,
                    *span,
                    route,
                    "names/abbreviation",
                    Category::Name,
                    CONF,
                )
                .with_note(note.clone())
            })
            .collect()
    }
}

/// True if `w` is letters only and starts with a capital, the rest
/// lowercase (a name as pinyin writes it).
fn capitalised(w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// The first pinyin syllable of `w`, if `w` is a pinyin word of two
/// syllables or more whose first syllable is read one way only.
fn first_syllable(w: &str) -> Option<&str> {
    if pinyin_syllables(w).is_none_or(|n| n < 2) {
        return None;
    }
    let mut firsts = (1..w.len())
        .filter(|&k| pinyin_syllables(&w[..k]) == Some(1) && pinyin_syllables(&w[k..]).is_some());
    let k = firsts.next()?;
    firsts.next().is_none().then(|| &w[..k])
}

/// A glued word of exactly two pinyin syllables, cut between them, if the
/// cut is read one way only ("Zhengwan": "Zheng", "wan").
fn split_glued(w: &str) -> Option<(&str, &str)> {
    if pinyin_syllables(w) != Some(2) {
        return None;
    }
    first_syllable(w).map(|p| (p, &w[p.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_syllable_of_a_place_is_read_one_way() {
        assert_eq!(first_syllable("Zhengzhou"), Some("Zheng"));
        assert_eq!(first_syllable("Wanzhou"), Some("Wan"));
        // one syllable: no place of two to abbreviate
        assert_eq!(first_syllable("Zheng"), None);
        // not pinyin
        assert_eq!(first_syllable("Houston"), None);
    }

    #[test]
    fn a_glued_abbreviation_is_cut_between_its_two_syllables() {
        assert_eq!(split_glued("Zhengwan"), Some(("Zheng", "wan")));
        assert_eq!(split_glued("Zheng"), None);
        assert_eq!(split_glued("Zhengzhoukou"), None);
    }
}
