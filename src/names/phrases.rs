//! Matching phrase packs: literal `find` forms through one automaton
//! (case-sensitive, at word boundaries; a hyphen is a boundary) and `regex`
//! phrases, under the same conditions as the lexicon. Where several matches
//! overlap, the longest wins.

use super::context::DocIndex;
use super::lexicon::Lexicon;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Anchored, Input, meta};
use std::collections::BTreeMap;

/// A phrase matched in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseHit {
    /// Index into [`Lexicon::phrases`].
    pub phrase: usize,
    /// Source span.
    pub span: Span,
    /// The replacement, regex groups expanded.
    pub after: String,
}

/// The compiled literal forms of every phrase.
#[derive(Debug, Clone, Default)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    owner: Vec<usize>,
    /// Per phrase: its regex made to run at its candidates, where it can be.
    anchored: Vec<Option<AnchoredRegex>>,
}

/// A phrase regex run anchored at each occurrence of its prefix literals,
/// with the matches `regex::Regex::captures_iter` gives (see
/// [`regex_matches`]), the empty ones left out.
///
/// Why: the phrase regexes use Unicode `\b`, which the regex crate's lazy
/// DFA handles only in ASCII text; at the first curly quote or accented
/// letter it gives up, and the search goes on in the PikeVM or the
/// backtracker over all the rest of the text, regex by regex (over half of
/// the phrases pass). Anchored at a candidate, those engines read no more
/// than a match.
///
/// Made only for a regex that cannot match the empty string (so a match
/// always ends past its start, and no empty match at the end of the one
/// before hides another) and whose every match starts with one of a finite
/// set of literals (the prefilter, which has no false negatives). The
/// regex itself is compiled at the first candidate: most texts hold none
/// of most phrases' prefixes.
#[derive(Debug, Clone)]
struct AnchoredRegex {
    pattern: String,
    re: std::sync::OnceLock<Option<meta::Regex>>,
    pre: Prefilter,
}

impl AnchoredRegex {
    /// The anchored form of `pattern`, if it has one. An embedded pack's
    /// regex has its prefix literals from the build script; any other is
    /// parsed for them here.
    fn new(pattern: &str) -> Option<AnchoredRegex> {
        let kind = regex_automata::MatchKind::LeftmostFirst;
        let pre = match PHRASE_PREFIXES.iter().find(|(p, _)| *p == pattern) {
            Some((_, lits)) => Prefilter::new(kind, (*lits)?)?,
            None => {
                let hir = regex_automata::util::syntax::parse(pattern).ok()?;
                if hir.properties().minimum_len().is_none_or(|n| n == 0) {
                    return None;
                }
                Prefilter::from_hir_prefix(kind, &hir)?
            }
        };
        Some(AnchoredRegex {
            pattern: pattern.to_owned(),
            re: std::sync::OnceLock::new(),
            pre,
        })
    }

    /// What [`regex_matches`] gives for the same pattern: the leftmost match
    /// from where the one before ended is the one at the first candidate
    /// from there on where an anchored search finds one.
    fn matches(&self, replace: &str, text: &str) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        let Some(first) = self.pre.find(text.as_bytes(), (0..text.len()).into()) else {
            return out;
        };
        let compiled = self.re.get_or_init(|| meta::Regex::new(&self.pattern).ok());
        let Some(re) = compiled.as_ref() else {
            return out;
        };
        let mut caps = re.create_captures();
        let mut at;
        let mut candidate = Some(first);
        while let Some(c) = candidate {
            let input = Input::new(text).range(c.start..).anchored(Anchored::Yes);
            // the regex's own pool of caches: one made for each document
            // cost as much as the searches
            re.search_captures(&input, &mut caps);
            match caps.get_match() {
                Some(m) => {
                    let mut after = String::new();
                    caps.interpolate_string_into(text, replace, &mut after);
                    out.push((Span::new(m.start(), m.end()), after));
                    at = m.end();
                }
                None => at = c.start + 1,
            }
            candidate = self.pre.find(text.as_bytes(), (at..text.len()).into());
        }
        out
    }
}

/// The non-empty matches of `re` in `text`, `replace` expanded in each.
fn regex_matches(re: &regex::Regex, replace: &str, text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        if m.is_empty() {
            continue;
        }
        let mut after = String::new();
        caps.expand(replace, &mut after);
        out.push((Span::new(m.start(), m.end()), after));
    }
    out
}

include!(concat!(env!("OUT_DIR"), "/phrase_prefixes.rs"));

// the build script's extraction, unit-tested here
#[cfg(test)]
#[path = "../../build/phrase_prefixes.rs"]
#[allow(dead_code)]
mod phrase_prefixes;

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

impl PhraseMatcher {
    /// Compiles the `find` lists of `lex`.
    pub fn build(lex: &Lexicon) -> PhraseMatcher {
        let mut pats = Vec::new();
        let mut owner = Vec::new();
        for (k, p) in lex.phrases.iter().enumerate() {
            for f in &p.find {
                pats.push(f.as_str());
                owner.push(k);
            }
        }
        let ac = (!pats.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&pats)
                    .ok()
            })
            .flatten();
        let anchored = lex
            .phrases
            .iter()
            .map(|p| {
                p.regex
                    .as_ref()
                    .and_then(|re| AnchoredRegex::new(re.as_str()))
            })
            .collect();
        PhraseMatcher {
            ac,
            owner,
            anchored,
        }
    }

    /// Matches in `text` whose condition holds, non-overlapping, longest first.
    pub fn find(&self, lex: &Lexicon, idx: &DocIndex<'_>) -> Vec<PhraseHit> {
        let text = idx.text;
        let mut cands: Vec<PhraseHit> = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let (s, e) = (m.start(), m.end());
                if word_char(text[..s].chars().next_back()) || word_char(text[e..].chars().next()) {
                    continue;
                }
                let k = self.owner[m.pattern().as_usize()];
                cands.push(PhraseHit {
                    phrase: k,
                    span: Span::new(s, e),
                    after: lex.phrases[k].replace.clone(),
                });
            }
        }
        for (k, p) in lex.phrases.iter().enumerate() {
            let Some(re) = &p.regex else { continue };
            let found = match self.anchored.get(k).and_then(Option::as_ref) {
                Some(a) => a.matches(&p.replace, text),
                None => re
                    .get()
                    .map_or_else(Vec::new, |re| regex_matches(re, &p.replace, text)),
            };
            cands.extend(found.into_iter().map(|(span, after)| PhraseHit {
                phrase: k,
                span,
                after,
            }));
        }
        cands.retain(|h| {
            lex.phrases[h.phrase]
                .when
                .as_ref()
                .is_none_or(|c| idx.holds(lex, c, h.span))
        });
        longest_first(cands)
    }
}

/// Of `cands`, the longest first, then the earliest, each kept unless it
/// overlaps one kept before; in text order.
fn longest_first(mut cands: Vec<PhraseHit>) -> Vec<PhraseHit> {
    cands.sort_by_key(|h| (std::cmp::Reverse(h.span.len()), h.span.start, h.phrase));
    // accepted spans by start: they do not overlap one another (and none
    // is empty), so only the last one starting before a candidate ends
    // can overlap it; a scan of all of them made a long text quadratic
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out: Vec<PhraseHit> = Vec::new();
    for h in cands {
        let before = taken.range(..h.span.end).next_back();
        if before.is_none_or(|(_, &end)| end <= h.span.start) {
            taken.insert(h.span.start, h.span.end);
            out.push(h);
        }
    }
    out.sort_by_key(|h| h.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(phrase: usize, start: usize, len: usize) -> PhraseHit {
        PhraseHit {
            phrase,
            span: Span::new(start, start + len),
            after: String::new(),
        }
    }

    /// Patterns like the packs' (Unicode `\b`, alternations, groups for
    /// the replacement), some with literals that are not ASCII, one with a
    /// class for its first character, and some that get no anchored form.
    const PATTERNS: [&str; 9] = [
        r"\b(ab|b[ée]) (cd|c)\b",
        r"\bé[bc]\b",
        r"\b[aé]b\b",
        r"b\b",
        r"(?:a|b)+ ?c\b",
        r"\bab(?:c|)\b",
        r"\w+c",
        r"a*",
        r"\b(?i:ab)\b",
    ];

    #[test]
    fn the_build_time_prefixes_are_those_the_regex_gives() {
        let packs = [
            include_str!("../../lexicons/caucasus-2020.toml"),
            include_str!("../../lexicons/zh-en-mt.toml"),
            include_str!("../../lexicons/mt-calques.toml"),
        ];
        let mut regexes = 0;
        for pack in packs {
            let table: toml::Table = pack.parse().unwrap();
            let phrases = table.get("phrase").and_then(|p| p.as_array());
            for p in phrases.into_iter().flatten() {
                let Some(regex) = p.get("regex").and_then(|r| r.as_str()) else {
                    continue;
                };
                regexes += 1;
                let (_, lits) = PHRASE_PREFIXES
                    .iter()
                    .find(|(r, _)| *r == regex)
                    .unwrap_or_else(|| panic!("no build-time prefixes for {regex}"));
                let built: Option<Vec<Vec<u8>>> =
                    lits.map(|l| l.iter().map(|x| x.to_vec()).collect());
                assert_eq!(built, phrase_prefixes::prefixes(regex), "{regex}");
            }
        }
        assert_eq!(regexes, PHRASE_PREFIXES.len());
        // the build script's extraction is the prefilter's: same literals,
        // same first candidate in a text
        for p in PATTERNS {
            let hir = regex_automata::util::syntax::parse(p).unwrap();
            let kind = regex_automata::MatchKind::LeftmostFirst;
            let from_hir = (hir.properties().minimum_len().is_some_and(|n| n > 0))
                .then(|| Prefilter::from_hir_prefix(kind, &hir))
                .flatten();
            let from_lits = phrase_prefixes::prefixes(p).and_then(|l| Prefilter::new(kind, &l));
            assert_eq!(from_hir.is_some(), from_lits.is_some(), "{p}");
            if let (Some(a), Some(b)) = (from_hir, from_lits) {
                let text = "x é ab bé c éb cd ab c abc aab";
                for at in 0..text.len() {
                    let span = (at..text.len()).into();
                    assert_eq!(
                        a.find(text.as_bytes(), span),
                        b.find(text.as_bytes(), span),
                        "{p}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_anchored_regex_is_compiled_at_its_first_candidate_only() {
        let a = AnchoredRegex::new(r"\bab(c|d)\b").unwrap();
        assert!(a.matches("<$1>", "nothing here").is_empty());
        assert!(a.re.get().is_none());
        assert_eq!(a.matches("<$1>", "x abd y").len(), 1);
        assert!(a.re.get().is_some_and(Option::is_some));
    }

    #[test]
    fn patterns_with_no_literal_prefix_or_an_empty_match_run_as_before() {
        let anchored: Vec<bool> = PATTERNS
            .iter()
            .map(|p| AnchoredRegex::new(p).is_some())
            .collect();
        assert_eq!(
            anchored,
            [true, true, true, true, true, true, false, false, true]
        );
    }

    proptest::proptest! {
        /// The anchored search finds what `captures_iter` finds, around
        /// characters that are not ASCII too (where the lazy DFA gives up).
        #[test]
        fn anchored_regexes_match_as_captures_iter(
            text in "([abcé ’“\\-1ı]|ab |b c|é c){0,40}",
            k in 0usize..PATTERNS.len(),
        ) {
            let re = regex::Regex::new(PATTERNS[k]).unwrap();
            let replace = "<$1|$2>";
            let simple = regex_matches(&re, replace, &text);
            if let Some(a) = AnchoredRegex::new(PATTERNS[k]) {
                proptest::prop_assert_eq!(a.matches(replace, &text), simple);
            }
        }

        #[test]
        fn the_kept_hits_are_those_a_scan_of_all_kept_ones_keeps(
            raw in proptest::collection::vec((0usize..3, 0usize..40, 1usize..8), 0..30)
        ) {
            let cands: Vec<PhraseHit> = raw.iter().map(|&(p, s, l)| hit(p, s, l)).collect();
            let mut sorted = cands.clone();
            sorted.sort_by_key(|h| (std::cmp::Reverse(h.span.len()), h.span.start, h.phrase));
            let mut naive: Vec<PhraseHit> = Vec::new();
            for h in sorted {
                if !naive.iter().any(|o| o.span.overlaps(h.span)) {
                    naive.push(h);
                }
            }
            naive.sort_by_key(|h| h.span);
            proptest::prop_assert_eq!(longest_first(cands), naive);
        }
    }
}
