//! Matching phrase packs: literal `find` forms through one automaton
//! (case-sensitive, at word boundaries; a hyphen is a boundary) and `regex`
//! phrases, under the same conditions as the lexicon. Where several matches
//! overlap, the longest wins.

use super::context::DocIndex;
use super::lexicon::Lexicon;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
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
}

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
        PhraseMatcher { ac, owner }
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
            for caps in re.captures_iter(text) {
                let Some(m) = caps.get(0) else { continue };
                if m.is_empty() {
                    continue;
                }
                let mut after = String::new();
                caps.expand(&p.replace, &mut after);
                cands.push(PhraseHit {
                    phrase: k,
                    span: Span::new(m.start(), m.end()),
                    after,
                });
            }
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

    proptest::proptest! {
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
