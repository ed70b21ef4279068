//! Which patterns of a [`PatternSet`](super::PatternSet) can match a text,
//! from one scan for the literals their matches must contain.
//!
//! The literals and each pattern's shortest match are worked out at build
//! time (`build/required_literals.rs`) and compiled in as tables, so no
//! process parses the rule files' regexes to start. Here they become one
//! Aho–Corasick automaton per set of patterns: a line is scanned once, and
//! only the patterns whose literals occur in it (or that have none) have
//! their regex compiled and run.

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
    ac: Option<AhoCorasick>,
    /// For each literal of `ac`, the pattern it belongs to.
    owner: Vec<usize>,
    /// Per pattern: whether it has no literals and is always a candidate.
    always: Vec<bool>,
}

impl LiteralFilter {
    /// The filter over patterns with these literal sets, in order.
    pub fn new<'a>(literals: impl IntoIterator<Item = &'a [&'static str]>) -> Self {
        let mut words = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        for (i, set) in literals.into_iter().enumerate() {
            always.push(set.is_empty());
            for w in set {
                words.push(*w);
                owner.push(i);
            }
        }
        let ac = (!words.is_empty())
            .then(|| {
                // a contiguous NFA: a DFA over these few hundred literals in
                // both cases cost more to build than a small document
                AhoCorasickBuilder::new()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&words)
                    .ok()
            })
            .flatten();
        // without an automaton every pattern must be tried
        if ac.is_none() {
            always.iter_mut().for_each(|a| *a = true);
        }
        LiteralFilter { ac, owner, always }
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
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                out[self.owner[m.pattern().as_usize()]] = true;
            }
        }
        out
    }
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The filter never hides a match: whatever a pattern matches, the
        /// filter lets through.
        #[test]
        fn a_pattern_that_matches_is_always_a_candidate(
            picks in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>()), 1..8)
        ) {
            let pieces = pieces();
            let text: String = picks
                .iter()
                .map(|(i, upper)| {
                    let p = i.get(&pieces);
                    if *upper { p.to_uppercase() } else { p.clone() }
                })
                .collect();
            for set in compiled() {
                set.assert_filter_admits_every_match(&text);
            }
        }
    }
}
