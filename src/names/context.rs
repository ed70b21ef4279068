//! What the document says around a match: its paragraphs and sentences, the
//! entities it mentions, and the conditions of the lexicon and phrase packs
//! evaluated against them.
//!
//! Also the cues the fuzzy matcher weighs: a role just before a name ("Prime
//! Minister X"), a country or its demonym nearby ("Armenian"), and lists
//! ("Azerbaijani cities such as X, Y and Z").

use super::exact::Hit;
use super::fold::{Folded, find_word, fold};
use super::lexicon::{Condition, Lexicon, Scope};
use crate::span::Span;
use std::collections::BTreeMap;

/// A document as the name rules see it.
pub struct DocIndex<'a> {
    /// Source text.
    pub text: &'a str,
    /// The folded text with its map back.
    pub folded: Folded,
    /// Block spans (paragraphs), sorted.
    pub blocks: Vec<Span>,
    /// Exact lexicon matches.
    pub hits: Vec<Hit>,
    /// Spans where each entity is mentioned, sorted.
    pub mentions: BTreeMap<usize, Vec<Span>>,
    /// Sentence spans, sorted (computed once).
    sentences: Vec<Span>,
    /// Document-level answers of literal references, cached.
    doc_refs: std::sync::Mutex<BTreeMap<String, bool>>,
}

impl<'a> DocIndex<'a> {
    /// Indexes `text` with the given block spans and exact hits; an entity
    /// counts as mentioned where a hit has an unconditioned form of it.
    pub fn new(
        text: &'a str,
        blocks: Vec<Span>,
        lex: &Lexicon,
        hits: Vec<Hit>,
        folded: Folded,
    ) -> Self {
        let mut mentions: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        for h in &hits {
            let mut ents: Vec<usize> = h
                .refs
                .iter()
                .filter(|r| lex.entities[r.entity].forms[r.form].when.is_none())
                .map(|r| r.entity)
                .collect();
            ents.dedup();
            if ents.len() == 1 {
                mentions.entry(ents[0]).or_default().push(h.span);
            }
        }
        let sentences = sentences_of(text, &blocks);
        DocIndex {
            text,
            folded,
            blocks,
            hits,
            mentions,
            sentences,
            doc_refs: std::sync::Mutex::new(BTreeMap::new()),
        }
    }

    /// Records a mention found later (fuzzy match, phrase).
    pub fn add_mention(&mut self, entity: usize, span: Span) {
        let v = self.mentions.entry(entity).or_default();
        let k = v.partition_point(|s| *s < span);
        v.insert(k, span);
    }

    /// The paragraph (block) around `at`; the whole text outside blocks.
    pub fn paragraph(&self, at: Span) -> Span {
        let i = self.blocks.partition_point(|b| b.end <= at.start);
        match self.blocks.get(i) {
            Some(b) if b.start <= at.start => *b,
            _ => Span::new(0, self.text.len()),
        }
    }

    /// The sentence around `at` (all the sentences it touches), inside its paragraph.
    pub fn sentence(&self, at: Span) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= at.start);
        let Some(first) = self.sentences.get(i).filter(|s| s.start <= at.start) else {
            return self.paragraph(at);
        };
        let mut end = first.end;
        let mut k = i + 1;
        while end < at.end && k < self.sentences.len() && self.sentences[k].start <= at.end {
            end = self.sentences[k].end;
            k += 1;
        }
        Span::new(first.start, end.max(at.end).min(self.text.len()))
    }

    /// The window of `scope` around `at`.
    pub fn window(&self, at: Span, scope: Scope) -> Span {
        match scope {
            Scope::Sentence => self.sentence(at),
            Scope::Paragraph => self.paragraph(at),
        }
    }

    /// True if entity `e` is mentioned inside `window` (anywhere if `None`).
    pub fn mentioned(&self, e: usize, window: Option<Span>) -> bool {
        let Some(v) = self.mentions.get(&e) else {
            return false;
        };
        match window {
            None => !v.is_empty(),
            Some(w) => {
                let i = v.partition_point(|s| s.start < w.start);
                v.get(i).is_some_and(|s| s.end <= w.end)
            }
        }
    }

    /// True if reference `r` (`@id` or a literal phrase) occurs in `window`.
    pub fn refers(&self, lex: &Lexicon, r: &str, window: Option<Span>) -> bool {
        if let Some(id) = r.strip_prefix('@') {
            return lex
                .by_id
                .get(id)
                .is_some_and(|&e| self.mentioned(e, window));
        }
        let key = fold(r);
        let key = key.trim();
        let all = self.folded.text.len();
        match window {
            Some(w) => {
                let (from, to) = (
                    self.folded.folded_offset(w.start),
                    self.folded.folded_offset(w.end),
                );
                find_word(&self.folded.text, key, from, to)
            }
            None => match self.doc_refs.lock() {
                Ok(mut cache) => *cache
                    .entry(key.to_owned())
                    .or_insert_with(|| find_word(&self.folded.text, key, 0, all)),
                Err(_) => find_word(&self.folded.text, key, 0, all),
            },
        }
    }

    /// True if `cond` holds for a match at `at`.
    pub fn holds(&self, lex: &Lexicon, cond: &Condition, at: Span) -> bool {
        let w = self.window(at, cond.scope);
        (cond.doc_any.is_empty() || cond.doc_any.iter().any(|r| self.refers(lex, r, None)))
            && cond.doc_all.iter().all(|r| self.refers(lex, r, None))
            && (cond.near_any.is_empty()
                || cond.near_any.iter().any(|r| self.refers(lex, r, Some(w))))
            && !cond.near_none.iter().any(|r| self.refers(lex, r, Some(w)))
    }

    /// True if the country entity `c` or its demonym ("Armenian") occurs in `window`.
    pub fn country_cue(&self, lex: &Lexicon, c: usize, window: Span) -> bool {
        if self.mentioned(c, Some(window)) {
            return true;
        }
        let names: Vec<String> = lex.entities[c].accepted().map(|f| f.key.clone()).collect();
        word_iter(window.of(self.text)).any(|(_, w)| {
            w.starts_with(char::is_uppercase) && names.iter().any(|n| is_demonym(&fold(w), n))
        })
    }

    /// True if `span` is directly preceded, in its sentence, by one of `roles`
    /// ("Prime Minister Passinyan"), allowing a comma and the name's own
    /// first words (`skip`) in between.
    pub fn role_before(&self, span: Span, roles: &[String], skip: &[String]) -> bool {
        let s = self.sentence(span);
        let before = fold(&self.text[s.start..span.start.max(s.start)]);
        let mut b = before.trim_end_matches([' ', ',']).to_owned();
        for k in skip {
            if b.ends_with(k.as_str()) && super::fold::boundary_before(&b, b.len() - k.len()) {
                b.truncate(b.len() - k.len());
                b = b.trim_end_matches([' ', ',']).to_owned();
                break;
            }
        }
        roles.iter().any(|r| {
            let r = fold(r);
            b.ends_with(&r) && super::fold::boundary_before(&b, b.len() - r.len())
        })
    }
}

/// Sentence spans of every block: a sentence ends at `.`, `!`, `?` followed
/// by white space, or at a line break.
fn sentences_of(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in blocks {
        let t = b.of(text);
        let bytes = t.as_bytes();
        let mut start = 0;
        for (k, c) in t.char_indices() {
            let end_here = match c {
                '\n' => true,
                '.' | '!' | '?' => bytes.get(k + 1).is_some_and(|b| b.is_ascii_whitespace()),
                _ => false,
            };
            if end_here {
                out.push(Span::new(b.start + start, b.start + k + 1));
                start = k + 1;
            }
        }
        if start < t.len() {
            out.push(Span::new(b.start + start, b.end));
        }
    }
    out
}

/// The words of `s` (runs of letters and digits) with their byte offsets.
pub fn words(s: &str) -> Vec<(usize, &str)> {
    word_iter(s).collect()
}

/// The words of `s` one by one, for callers that need not hold them all
/// (a 20 MB text has some three million).
pub fn word_iter(s: &str) -> WordIter<'_> {
    WordIter { text: s, pos: 0 }
}

/// Iterator of [`word_iter`]. Reads bytes and decodes a character only
/// where a byte is not ASCII: the names pass walks every word of a document
/// several times, and a `char_indices` walk was a tenth of all its work.
#[derive(Debug, Clone)]
pub struct WordIter<'a> {
    text: &'a str,
    pos: usize,
}

impl WordIter<'_> {
    /// Moves past characters that are (`word`) or are not letters and
    /// digits, whichever `word` asks for, up to the end of the text.
    #[inline]
    fn skip(&mut self, word: bool) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() != word {
                    return;
                }
                self.pos += 1;
            } else {
                let Some(c) = self.text[self.pos..].chars().next() else {
                    return;
                };
                if c.is_alphanumeric() != word {
                    return;
                }
                self.pos += c.len_utf8();
            }
        }
    }
}

impl<'a> Iterator for WordIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        self.skip(false);
        let start = self.pos;
        if start == self.text.len() {
            return None;
        }
        self.skip(true);
        Some((start, &self.text[start..self.pos]))
    }
}

/// True if folded `word` is an adjective or demonym of folded place `name`
/// ("armenian"/"armenia", "turkish"/"turkey", "afghan"/"afghanistan").
pub fn is_demonym(word: &str, name: &str) -> bool {
    if word == name || name.contains(' ') || name.chars().count() < 4 {
        return false;
    }
    if word.chars().count() >= 5 && name.starts_with(word) {
        return true;
    }
    let common = word
        .chars()
        .zip(name.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let nlen = name.chars().count();
    let rest: String = word.chars().skip(common).collect();
    let suffix_ok = [
        "n", "ns", "i", "is", "ian", "ians", "ish", "ese", "an", "ans", "ic", "ite", "ites", "ni",
        "nis",
    ]
    .contains(&rest.as_str());
    suffix_ok && common >= 4 && common + 3 >= nlen
}

/// A list the token stands in: "cities such as X, Y and Z".
#[derive(Debug, Clone, PartialEq)]
pub struct ListCue {
    /// The items (source spans), the token's own included.
    pub items: Vec<Span>,
    /// The words before the list (up to six), folded.
    pub head: Vec<String>,
    /// True if the head ends with "such as", "including", "like", "namely" or a colon.
    pub introduced: bool,
}

impl ListCue {
    /// The kind of things the head says the list holds: subtypes.
    pub fn head_subtypes(&self) -> &'static [&'static str] {
        for w in &self.head {
            match w.as_str() {
                "cities" | "towns" | "settlements" | "villages" => {
                    return &["city", "town", "village"];
                }
                "districts" | "regions" | "provinces" => {
                    return &["district", "region", "province"];
                }
                "countries" | "states" | "nations" => return &["country"],
                _ => {}
            }
        }
        &[]
    }
}

/// The list around `span` inside `sentence` of `text`, if the token is an item
/// of a comma/and list of capitalised names.
pub fn list_around(text: &str, sentence: Span, span: Span) -> Option<ListCue> {
    let s = sentence.of(text);
    // Tokens: words and single punctuation marks.
    let mut toks: Vec<(usize, usize, &str)> = Vec::new();
    for (k, w) in word_iter(s) {
        toks.push((k, k + w.len(), w));
    }
    for (k, c) in s.char_indices() {
        if matches!(c, ',' | ':' | ';' | '(' | ')' | '.' | '“' | '”' | '"') {
            toks.push((k, k + c.len_utf8(), &s[k..k + c.len_utf8()]));
        }
    }
    toks.sort_by_key(|t| t.0);
    let rel = span.start.checked_sub(sentence.start)?;
    let i = toks.iter().position(|t| t.0 == rel)?;
    let cap = |t: &(usize, usize, &str)| t.2.starts_with(char::is_uppercase);
    if !cap(&toks[i]) {
        return None;
    }
    // The item containing the token: a run of capitalised words.
    let item_at = |mut a: usize| {
        let mut b = a;
        while a > 0 && cap(&toks[a - 1]) && a - 1 + 3 > b {
            a -= 1;
        }
        while b + 1 < toks.len() && cap(&toks[b + 1]) && b + 1 < a + 3 {
            b += 1;
        }
        (a, b)
    };
    let (a0, b0) = item_at(i);
    let mut items = vec![(a0, b0)];
    let is_sep = |t: &str| t == "," || t == "and" || t == "or";
    // Leftwards.
    let mut a = a0;
    loop {
        let mut k = a;
        let mut seps = 0;
        while k > 0 && is_sep(toks[k - 1].2) {
            k -= 1;
            seps += 1;
        }
        if seps == 0 || seps > 2 || k == 0 || !cap(&toks[k - 1]) {
            break;
        }
        let (na, nb) = item_at(k - 1);
        items.insert(0, (na, nb));
        a = na;
    }
    // Rightwards.
    let mut b = b0;
    loop {
        let mut k = b + 1;
        let mut seps = 0;
        while k < toks.len() && is_sep(toks[k].2) {
            k += 1;
            seps += 1;
        }
        if seps == 0 || seps > 2 || k >= toks.len() || !cap(&toks[k]) {
            break;
        }
        let (na, nb) = item_at(k);
        items.push((na, nb));
        b = nb;
    }
    if items.len() < 2 {
        return None;
    }
    let first = items[0].0;
    let head: Vec<String> = toks[first.saturating_sub(6)..first]
        .iter()
        .filter(|t| t.2.chars().any(char::is_alphanumeric))
        .map(|t| fold(t.2))
        .collect();
    let before = fold(&s[..toks[first].0]);
    let before = before.trim_end();
    let introduced = ["such as", "including", "like", "namely", "e.g.", ":"]
        .iter()
        .any(|m| before.ends_with(m));
    let items = items
        .into_iter()
        .map(|(a, b)| Span::new(sentence.start + toks[a].0, sentence.start + toks[b].1))
        .collect();
    Some(ListCue {
        items,
        head,
        introduced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain reading [`word_iter`] must agree with.
    fn words_by_chars(s: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (k, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(k),
                (false, Some(a)) => {
                    out.push((a, &s[a..k]));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn word_iter_reads_like_chars(s in "[a-zA-Z0-9 .,'\\-éßı\u{300}\u{A0}٣字ⅷ]{0,40}") {
            proptest::prop_assert_eq!(words(&s), words_by_chars(&s));
        }
    }

    #[test]
    fn demonyms_of_countries() {
        assert!(is_demonym("armenian", "armenia"));
        assert!(is_demonym("azerbaijani", "azerbaijan"));
        assert!(is_demonym("turkish", "turkey"));
        assert!(is_demonym("afghan", "afghanistan"));
        assert!(is_demonym("british", "britain"));
        assert!(!is_demonym("armistice", "armenia"));
        assert!(!is_demonym("georgetown", "georgia"));
        assert!(!is_demonym("zatulim", "zatulin"));
    }

    #[test]
    fn finds_a_list_and_its_head() {
        let t = "They fired at Azerbaijani cities such as Ghana, Saizan and Kudamir, far away.";
        let at = t.find("Saizan").unwrap();
        let l = list_around(t, Span::new(0, t.len()), Span::new(at, at + 6)).unwrap();
        let items: Vec<&str> = l.items.iter().map(|s| s.of(t)).collect();
        assert_eq!(items, ["Ghana", "Saizan", "Kudamir"]);
        assert!(l.introduced);
        assert_eq!(l.head_subtypes(), &["city", "town", "village"]);
        assert!(l.head.contains(&"azerbaijani".to_owned()));
    }

    #[test]
    fn a_lone_name_is_no_list() {
        let t = "Prime Minister Passinyan stated that it was over.";
        let at = t.find("Passinyan").unwrap();
        assert!(list_around(t, Span::new(0, t.len()), Span::new(at, at + 9)).is_none());
    }
}
