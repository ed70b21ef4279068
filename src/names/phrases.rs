//! Matching phrase packs: literal `find` forms through one automaton
//! (case-sensitive, at word boundaries; a hyphen is a boundary) and `regex`
//! phrases, under the same conditions as the lexicon. Where several matches
//! overlap, the longest wins.

use super::context::DocIndex;
use super::lexicon::Lexicon;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};

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
        cands.sort_by_key(|h| (std::cmp::Reverse(h.span.len()), h.span.start, h.phrase));
        let mut out: Vec<PhraseHit> = Vec::new();
        for h in cands {
            if !out.iter().any(|o| o.span.overlaps(h.span)) {
                out.push(h);
            }
        }
        out.sort_by_key(|h| h.span);
        out
    }
}
