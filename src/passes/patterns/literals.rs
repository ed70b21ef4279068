//! Which patterns of a [`PatternSet`](super::PatternSet) can match a text,
//! from one scan for the literals their matches must contain.
//!
//! The literals and each pattern's shortest match are worked out at build
//! time (`build/required_literals.rs`) and compiled in as tables, so no
//! process parses the rule files' regexes to start. Here they become one
//! automaton per set of patterns: a line is scanned once, and only the
//! patterns whose literals occur in it (or that have none) have their regex
//! compiled and run. For the embedded files the automaton is a DFA built at
//! build time and compiled in as plain tables (`build/literal_dfa.rs`), so a
//! process reads it in place; other literal sets get an Aho–Corasick
//! automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Build-time facts about one pattern of an embedded rule file.
pub(crate) struct Facts {
    /// The pattern's id in its file.
    pub id: &'static str,
    /// Fewest bytes a match spans.
    pub min_len: usize,
    /// Every match contains one of these (ASCII lower case, compared
    /// ASCII-case-insensitively); empty when no useful set is known.
    pub literals: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/pattern_facts.rs"));

/// A DFA over literal sets, written out by the build script as tables
/// (`build/literal_dfa.rs`): feeding it a byte is two look-ups, and reading
/// it costs a process nothing at start-up (a serialized `dense::DFA` is
/// validated whole when loaded).
#[derive(Debug)]
pub(super) struct LiteralDfa {
    /// Byte -> class; an ASCII capital has its lower case letter's class,
    /// the comparison of `ascii_case_insensitive` Aho–Corasick.
    classes: [u8; 256],
    /// Classes, the transitions of one state.
    stride: usize,
    /// State ids are premultiplied by `stride`: `next[id + class]`.
    start: usize,
    /// Ids below this report a set of patterns when entered.
    reporting: usize,
    next: &'static [u32],
    /// Per reporting state (id / stride): its set in `sets`.
    report: &'static [u16],
    /// Per state (id / stride): the set reported when the text ends in it.
    eoi: &'static [u16],
    /// Sets of patterns, by index.
    sets: &'static [&'static [u16]],
}

impl LiteralDfa {
    /// Marks in `out` the patterns whose literals occur in `text`. A state
    /// reports the patterns whose literals ended one byte before it was
    /// entered; the end of the text reports those ending at its last byte.
    fn marks(&self, text: &str, out: &mut [bool]) {
        let mut mark = |set: u16| {
            for &p in self.sets[usize::from(set)] {
                out[usize::from(p)] = true;
            }
        };
        let mut sid = self.start;
        for &b in text.as_bytes() {
            sid = self.next[sid + usize::from(self.classes[usize::from(b)])] as usize;
            if sid < self.reporting {
                mark(self.report[sid / self.stride]);
            }
        }
        mark(self.eoi[sid / self.stride]);
    }
}

/// An embedded file's literal sets for one scope, one per pattern in order,
/// and the DFA over them.
type EmbeddedDfa = (&'static [&'static [&'static str]], &'static LiteralDfa);

include!(concat!(env!("OUT_DIR"), "/literal_dfas.rs"));

/// The build-time DFA over exactly these literal sets, in this order (its
/// pattern `i` matching a literal of `sets[i]`); none when they are not an
/// embedded file's.
fn embedded_dfa(sets: &[&[&str]]) -> Option<&'static LiteralDfa> {
    EMBEDDED_DFAS
        .iter()
        .find(|(key, _)| *key == sets)
        .map(|(_, dfa)| *dfa)
}

/// A multi-literal searcher.
#[derive(Debug)]
enum Searcher {
    /// Built at build time for an embedded file's sets; pattern `i` is
    /// pattern `i` of the filter.
    Dense(&'static LiteralDfa),
    /// Built at run time for any other sets; literal `i` belongs to pattern
    /// `owner[i]`.
    AhoCorasick { ac: AhoCorasick, owner: Vec<usize> },
}

/// The build-time facts of pattern `id` of the embedded file `path`; none
/// for a file that is not embedded (whose patterns are then always tried).
pub(super) fn facts(path: &str, id: &str) -> Option<&'static Facts> {
    let table: &[Facts] = match path {
        "rules/boilerplate.toml" => BOILERPLATE,
        "rules/assistant-residue.toml" => RESIDUE,
        _ => return None,
    };
    table.iter().find(|f| f.id == id)
}

/// The patterns (by index) that a text may match.
#[derive(Debug, Default)]
pub(super) struct LiteralFilter {
    /// The literals of every pattern that has some.
    searcher: Option<Searcher>,
    /// Per pattern: whether it has no literals and is always a candidate.
    always: Vec<bool>,
}

impl LiteralFilter {
    /// The filter over patterns with these literal sets, in order.
    pub fn new<'a>(literals: impl IntoIterator<Item = &'a [&'static str]>) -> Self {
        let sets: Vec<&[&str]> = literals.into_iter().collect();
        let mut always: Vec<bool> = sets.iter().map(|set| set.is_empty()).collect();
        let searcher = if always.iter().all(|a| *a) {
            None
        } else if let Some(dfa) = embedded_dfa(&sets) {
            Some(Searcher::Dense(dfa))
        } else {
            aho_corasick(&sets)
        };
        // without an automaton every pattern must be tried
        if searcher.is_none() {
            always.iter_mut().for_each(|a| *a = true);
        }
        LiteralFilter { searcher, always }
    }

    /// Per pattern: whether `text` may match it.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let mut out = self.always.clone();
        // KELVIN SIGN and LONG S fold to k and s, which the ASCII
        // comparison of the literals does not see
        if !text.is_ascii() && (text.contains('\u{212A}') || text.contains('\u{17F}')) {
            out.iter_mut().for_each(|c| *c = true);
            return out;
        }
        match &self.searcher {
            Some(Searcher::Dense(dfa)) => dfa.marks(text, &mut out),
            Some(Searcher::AhoCorasick { ac, owner }) => {
                for m in ac.find_overlapping_iter(text) {
                    out[owner[m.pattern().as_usize()]] = true;
                }
            }
            None => {}
        }
        out
    }
}

/// An Aho–Corasick searcher over the literals of `sets`, built at run time.
fn aho_corasick(sets: &[&[&str]]) -> Option<Searcher> {
    let (owner, words): (Vec<usize>, Vec<&str>) = sets
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |w| (i, *w)))
        .unzip();
    // a contiguous NFA: a DFA over a few hundred literals in both cases
    // costs more to build than a small document
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&words)
        .ok()
        .map(|ac| Searcher::AhoCorasick { ac, owner })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::patterns::PatternSet;
    use proptest::prelude::*;

    use crate::passes::patterns::required_literals;

    const FILES: [(&str, &str); 2] = [
        (
            "rules/boilerplate.toml",
            include_str!("../../../rules/boilerplate.toml"),
        ),
        (
            "rules/assistant-residue.toml",
            include_str!("../../../rules/assistant-residue.toml"),
        ),
    ];

    #[test]
    fn required_literals_are_what_every_match_contains() {
        let req = |p: &str| required_literals::required(p);
        assert_eq!(
            req("(?i)^leave a (reply|comment)$"),
            Some(vec![
                "leave a comment".to_owned(),
                "leave a reply".to_owned()
            ])
        );
        // an optional part requires nothing; the rest still does
        assert_eq!(
            req("(?i)^(please )?subscribe$"),
            Some(vec!["subscribe".to_owned()])
        );
        // the case variants of k and s, KELVIN SIGN and LONG S among them,
        // are read as the ASCII letter
        assert_eq!(req("(?i)cookies"), Some(vec!["cookies".to_owned()]));
        // nothing known: a class, a repeat that may be empty, one letter
        assert_eq!(req(r"^\d{4}-\d{2}$"), None);
        assert_eq!(req("(?i)(ad)*"), None);
        assert_eq!(req("(?i)^(x|twitter)$"), None);
    }

    #[test]
    fn literals_are_found_in_any_ascii_case_and_kelvin_or_long_s_let_everything_through() {
        let filter = LiteralFilter::new([&["cookies"][..], &[][..], &["reply"][..]]);
        assert_eq!(filter.candidates("We use COOKIES."), [true, true, false]);
        assert_eq!(filter.candidates("Reply"), [false, true, true]);
        // U+212A and U+017F fold to k and s in a case-insensitive regex
        assert_eq!(filter.candidates("coo\u{212A}ies"), [true, true, true]);
        assert_eq!(filter.candidates("cookie\u{17F}"), [true, true, true]);
    }

    #[test]
    fn every_embedded_pattern_has_facts_and_its_shortest_match_is_right() {
        for (path, data) in FILES {
            let table: toml::Table = data.parse().unwrap();
            for p in table["pattern"].as_array().unwrap() {
                let id = p["id"].as_str().unwrap();
                let regex = p["regex"].as_str().unwrap();
                let f = facts(path, id).unwrap_or_else(|| panic!("no facts for {path} {id}"));
                let min_len = regex_automata::util::syntax::parse(regex)
                    .unwrap()
                    .properties()
                    .minimum_len()
                    .unwrap_or(0);
                assert_eq!(f.min_len, min_len, "{path} {id}");
                assert_eq!(
                    f.literals,
                    required_literals::required(regex).unwrap_or_default(),
                    "{path} {id}: the build script's table is stale"
                );
            }
        }
    }

    /// Pieces texts are made of: every literal of the embedded patterns,
    /// and the words around them in the patterns' own examples.
    fn pieces() -> Vec<String> {
        let mut out: Vec<String> = BOILERPLATE
            .iter()
            .chain(RESIDUE)
            .flat_map(|f| f.literals.iter().map(|l| l.to_string()))
            .collect();
        for extra in [
            " ",
            ": ",
            ".",
            "\n",
            "©",
            "2024",
            "12:30",
            "Jan 3, 2024",
            "\u{212A}",
            "\u{17F}",
            "Share",
            "COOKIES",
            "we",
            "use",
            "This",
            "site",
            "uses",
            "you",
            "comment",
            "says",
            "https://example.com/a?utm_source=chatgpt.com",
            "【3†source】",
            "é",
            "—",
        ] {
            out.push(extra.to_owned());
        }
        out
    }

    /// The embedded sets, every regex compiled.
    fn compiled() -> &'static [PatternSet] {
        static SETS: std::sync::OnceLock<Vec<PatternSet>> = std::sync::OnceLock::new();
        SETS.get_or_init(|| {
            FILES
                .iter()
                .map(|(path, data)| PatternSet::parse(path, data).unwrap())
                .collect()
        })
    }

    #[test]
    fn every_embedded_file_and_scope_gets_its_build_time_dfa() {
        // two files, block and inline scope each
        assert_eq!(EMBEDDED_DFAS.len(), 4);
        for (sets, _) in EMBEDDED_DFAS {
            let filter = LiteralFilter::new(sets.iter().copied());
            assert!(matches!(filter.searcher, Some(Searcher::Dense(_))));
        }
    }

    /// The text the picked pieces make, each in lower or upper case.
    fn text_of(picks: &[(prop::sample::Index, bool)]) -> String {
        let pieces = pieces();
        picks
            .iter()
            .map(|(i, upper)| {
                let p = i.get(&pieces);
                if *upper { p.to_uppercase() } else { p.clone() }
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The build-time DFA lets through exactly the patterns that the
        /// run-time Aho–Corasick search does.
        #[test]
        fn the_dense_dfa_agrees_with_aho_corasick(
            picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..8)
        ) {
            let text = text_of(&picks);
            for (sets, _) in EMBEDDED_DFAS {
                let dense = LiteralFilter::new(sets.iter().copied());
                let ac = LiteralFilter {
                    searcher: aho_corasick(sets),
                    always: sets.iter().map(|s| s.is_empty()).collect(),
                };
                prop_assert_eq!(dense.candidates(&text), ac.candidates(&text));
            }
        }

        /// The filter never hides a match: whatever a pattern matches, the
        /// filter lets through.
        #[test]
        fn a_pattern_that_matches_is_always_a_candidate(
            picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..8)
        ) {
            let text = text_of(&picks);
            for set in compiled() {
                set.assert_filter_admits_every_match(&text);
            }
        }
    }
}
