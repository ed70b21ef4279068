//! What the document says around a match: its paragraphs and sentences, the
//! entities it mentions, and the conditions of the lexicon and phrase packs
//! evaluated against them.
//!
//! Also the cues the fuzzy matcher weighs: a role just before a name ("Prime
//! Minister X"), a country or its demonym nearby ("Armenian"), and lists
//! ("Azerbaijani cities such as X, Y and Z").

use super::exact::Hit;
use super::fold::{Piece, boundary_after, boundary_before, find_word, fold, pieces};
use super::lexicon::{Condition, Lexicon, Scope};
use crate::scan::{CharClass, ascii_table, ceil_boundary, floor_boundary};
use crate::span::Span;
use memchr::memmem;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// A document as the name rules see it.
///
/// It holds no folded copy of the text: literal references are looked up
/// in the fold of their window, made when asked for, and the document-wide
/// ones were all looked up in the walk that found the exact hits (see
/// [`DocPhrases`]).
pub struct DocIndex<'a> {
    /// Source text.
    pub text: &'a str,
    /// Block spans (paragraphs), sorted.
    pub blocks: Vec<Span>,
    /// Exact lexicon matches.
    pub hits: Vec<Hit>,
    /// Spans where each entity is mentioned, sorted.
    pub mentions: BTreeMap<usize, Vec<Span>>,
    /// Sentence spans, sorted (computed once).
    sentences: Vec<Span>,
    /// Document-level answers of literal references, by folded key.
    doc_refs: Mutex<BTreeMap<String, bool>>,
    /// Answers about windows: a condition asks for several references in
    /// the same window, and every hit in one paragraph asks again about
    /// that paragraph. A window is searched once per reference, not once
    /// per hit (a one-paragraph document with a phrase a thousand times
    /// searched the whole paragraph a thousand times: quadratic).
    windows: Mutex<WindowAnswers>,
}

impl<'a> DocIndex<'a> {
    /// Indexes `text` with the given block spans, exact hits, and answers
    /// for document-wide literal references (by folded key; any other is
    /// looked up when asked for); an entity counts as mentioned where a hit
    /// has an unconditioned form of it.
    pub fn new(
        text: &'a str,
        blocks: Vec<Span>,
        lex: &Lexicon,
        hits: Vec<Hit>,
        doc_refs: BTreeMap<String, bool>,
    ) -> Self {
        let mut mentions: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        for h in &hits {
            // the one entity of the unconditioned forms, judged without
            // gathering them (no list allocated per hit)
            let mut ents = h
                .refs
                .iter()
                .filter(|r| lex.entities[r.entity].forms[r.form].when.is_none())
                .map(|r| r.entity);
            let first = ents.next();
            if let Some(e) = first.filter(|&e| ents.all(|x| x == e)) {
                mentions.entry(e).or_default().push(h.span);
            }
        }
        let sentences = sentences_of(text, &blocks);
        DocIndex {
            text,
            blocks,
            hits,
            mentions,
            sentences,
            doc_refs: Mutex::new(doc_refs),
            windows: Mutex::new(WindowAnswers::default()),
        }
    }

    /// Records mentions found later (fuzzy matches, phrases), all at once:
    /// each entity's list is sorted once after they are added. Kept sorted
    /// by inserting one at a time, a text naming one entity many times
    /// shifted its list once per mention (quadratic: the fuzzer's one-line
    /// mix of names, unseen spellings and hyphens).
    pub fn add_mentions(&mut self, found: impl IntoIterator<Item = (usize, Span)>) {
        let mut touched = std::collections::BTreeSet::new();
        for (entity, span) in found {
            self.mentions.entry(entity).or_default().push(span);
            touched.insert(entity);
        }
        for entity in touched {
            if let Some(v) = self.mentions.get_mut(&entity) {
                v.sort_unstable();
                crate::work::read(v.len());
            }
        }
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
    /// A country is also referred to by its demonym: "the Armenian army"
    /// puts a paragraph, or a document, in Armenia's context as much as
    /// "Armenia" does.
    pub fn refers(&self, lex: &Lexicon, r: &str, window: Option<Span>) -> bool {
        if let Some(id) = r.strip_prefix('@') {
            let Some(&e) = lex.by_id.get(id) else {
                return false;
            };
            if self.mentioned(e, window) {
                return true;
            }
            if lex.entities[e].subtype.as_deref() != Some("country") {
                return false;
            }
            let whole = Span::new(0, self.text.len());
            return match window {
                Some(w) if w != whole => self.country_cue(lex, e, w),
                // the document-wide answer is remembered: every hit of a
                // phrase asks it again
                _ => {
                    let key = format!("\u{1}demonym of {id}");
                    let known = self.doc_refs.lock().ok().and_then(|c| c.get(&key).copied());
                    known.unwrap_or_else(|| {
                        let found = self.country_cue(lex, e, whole);
                        if let Ok(mut c) = self.doc_refs.lock() {
                            c.insert(key, found);
                        }
                        found
                    })
                }
            };
        }
        let key = fold(r);
        let key = key.trim();
        if key.is_empty() {
            return false;
        }
        match window {
            Some(w) if w != Span::new(0, self.text.len()) => self.in_window(key, w),
            _ => self.in_document(key),
        }
    }

    /// True if folded `key` occurs in the document at word boundaries.
    fn in_document(&self, key: &str) -> bool {
        let known = self.doc_refs.lock().ok().and_then(|c| c.get(key).copied());
        known.unwrap_or_else(|| {
            let found = DocPhrases::of_keys(vec![key.to_owned()]).find(self.text)[0];
            if let Ok(mut c) = self.doc_refs.lock() {
                c.insert(key.to_owned(), found);
            }
            found
        })
    }

    /// True if folded `key` occurs in `window` at word boundaries, judged
    /// on the whole text's fold (a word going on past either end of the
    /// window is no occurrence).
    fn in_window(&self, key: &str, window: Span) -> bool {
        self.window_answer(window, key, |piece| {
            find_word(&piece.folded.text, key, piece.own.start, piece.own.end)
        })
    }

    /// The answer for `question` about `window`: remembered from an earlier
    /// call about the same window, else computed by `ask` over the window's
    /// fold (kept for the last window only: the answers are small, folds
    /// are not).
    fn window_answer(
        &self,
        window: Span,
        question: &str,
        ask: impl FnOnce(&Piece) -> bool,
    ) -> bool {
        let fold_of = || Piece::around(self.text, window.start, window.end, 1);
        let Ok(mut memo) = self.windows.lock() else {
            return ask(&fold_of());
        };
        let key = (window, question.to_owned());
        if let Some(&known) = memo.answers.get(&key) {
            return known;
        }
        if memo.folded.as_ref().is_none_or(|(w, _)| *w != window) {
            memo.folded = Some((window, fold_of()));
        }
        let (_, piece) = memo.folded.as_ref().expect("set above");
        let found = ask(piece);
        memo.answers.insert(key, found);
        found
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
        // the walk over the window's words is remembered per window: every
        // hit of a paragraph asks it again
        let question = format!("\u{1}demonym of #{c}");
        self.window_answer(window, &question, |_| {
            crate::work::read(window.len());
            let names: Vec<String> = lex.entities[c].accepted().map(|f| f.key.clone()).collect();
            word_iter(window.of(self.text)).any(|(_, w)| {
                w.starts_with(char::is_uppercase) && names.iter().any(|n| is_demonym(&fold(w), n))
            })
        })
    }

    /// True if `span` is directly preceded, in its sentence, by one of `roles`
    /// ("Prime Minister Passinyan"), allowing a comma and the name's own
    /// first words (`skip`) in between.
    pub fn role_before(&self, span: Span, roles: &[String], skip: &[String]) -> bool {
        let s = self.sentence(span);
        let before = fold(tail_before(self.text, s.start, span.start, roles, skip));
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

/// The end of `text[from..to]` that can hold a role and the name's own
/// first words: the rest of a sentence does not matter, and folding all of
/// it for every name of a sentence that runs on for a megabyte was
/// quadratic. The end is measured in bytes other than spaces and commas
/// (a run of them between a role and a name, as in justified text, does
/// not count), and cut at a space, so no word is cut.
fn tail_before<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    roles: &[String],
    skip: &[String],
) -> &'t str {
    let head = &text[from..to.max(from)];
    let longest = |xs: &[String]| xs.iter().map(String::len).max().unwrap_or(0);
    let want = 2 * (longest(roles) + longest(skip)) + 16;
    let mut counted = 0;
    for (k, c) in head.char_indices().rev() {
        let separator = c == ',' || c.is_whitespace();
        if !separator {
            counted += c.len_utf8();
        } else if counted > want && c.is_whitespace() {
            return &head[k..];
        }
    }
    head
}

/// What [`DocIndex`] was asked about windows: every answer, by window and
/// question, and the fold of the last window a literal reference was
/// looked up in.
#[derive(Default)]
struct WindowAnswers {
    answers: BTreeMap<(Span, String), bool>,
    folded: Option<(Span, Piece)>,
}

/// The literal references of the document-wide conditions (`doc_any`,
/// `doc_all`) of a lexicon, folded: a document is searched for all of them
/// in the walk over its fold that finds the exact hits, since no folded
/// copy of it is kept to search later. Each is looked for as
/// [`find_word`] does on the whole fold (the occurrences one after the
/// other, not overlapping), until found.
#[derive(Debug, Clone, Default)]
pub struct DocPhrases {
    keys: Vec<String>,
    finders: Vec<memmem::Finder<'static>>,
}

/// Where a search of [`DocPhrases`] stands, piece by piece.
#[derive(Debug, Clone)]
pub struct DocSearch {
    /// Per key: found yet.
    found: Vec<bool>,
    /// Per key: the folded offset (in the whole fold) its next occurrence
    /// may start at, past the one before.
    resume: Vec<usize>,
    /// The folded offset (in the whole fold) of the next piece's own range.
    at: usize,
}

impl DocPhrases {
    /// The literal document-wide references of every condition of `lex`.
    pub fn build(lex: &Lexicon) -> DocPhrases {
        let conditions = lex
            .entities
            .iter()
            .flat_map(|e| e.forms.iter().filter_map(|f| f.when.as_ref()))
            .chain(lex.phrases.iter().filter_map(|p| p.when.as_ref()));
        let keys = conditions
            .flat_map(|c| c.doc_any.iter().chain(&c.doc_all))
            .filter(|r| !r.starts_with('@'))
            .map(|r| fold(r).trim().to_owned())
            .collect();
        DocPhrases::of_keys(keys)
    }

    /// The finders of folded `keys`.
    fn of_keys(mut keys: Vec<String>) -> DocPhrases {
        keys.retain(|k| !k.is_empty());
        keys.sort();
        keys.dedup();
        let finders = keys
            .iter()
            .map(|k| memmem::Finder::new(k).into_owned())
            .collect();
        DocPhrases { keys, finders }
    }

    /// The longest key, in bytes.
    pub fn longest(&self) -> usize {
        self.keys.iter().map(String::len).max().unwrap_or(0)
    }

    /// A search at the start of a text.
    pub fn search(&self) -> DocSearch {
        DocSearch {
            found: vec![false; self.keys.len()],
            resume: vec![0; self.keys.len()],
            at: 0,
        }
    }

    /// Goes on with `search` over `piece`, the next piece of the fold:
    /// the occurrences starting in its own range (it must reach
    /// [`DocPhrases::longest`] bytes past it).
    pub fn find_in(&self, piece: &Piece, search: &mut DocSearch) {
        let f = piece.folded.text.as_str();
        let own = piece.own.clone();
        // offsets in the whole fold are this much past the piece's own
        let shift = search.at - own.start;
        for (k, finder) in self.finders.iter().enumerate() {
            if search.found[k] {
                continue;
            }
            let len = finder.needle().len();
            let mut s = own.start.max(search.resume[k].saturating_sub(shift));
            while let Some(i) = finder.find(&f.as_bytes()[s..]) {
                s += i;
                if s >= own.end {
                    break;
                }
                if boundary_before(f, s) && boundary_after(f, s + len) {
                    search.found[k] = true;
                    break;
                }
                s += len;
                search.resume[k] = s + shift;
            }
        }
        search.at += own.len();
    }

    /// Per key, whether it occurs in `text`.
    fn find(&self, text: &str) -> Vec<bool> {
        let mut search = self.search();
        for piece in pieces(text, self.longest()) {
            self.find_in(&piece, &mut search);
        }
        search.found
    }

    /// The answers of `search` by key, for [`DocIndex::new`].
    pub fn answers(&self, search: DocSearch) -> BTreeMap<String, bool> {
        self.keys.iter().cloned().zip(search.found).collect()
    }
}

/// Longest block whose bytes [`sentences_of`] reads one by one rather than
/// through the searches of [`sentence_ends`].
const SHORT_BLOCK: usize = 64;

/// Sentence spans of every block: a sentence ends at `.`, `!`, `?` followed
/// by white space, or at a line break.
fn sentences_of(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in blocks {
        let t = b.of(text);
        // a short block without a line break or a stop is one sentence:
        // spared setting up the two searches (most lines of a list)
        if t.len() <= SHORT_BLOCK && !t.bytes().any(|c| matches!(c, b'\n' | b'.' | b'!' | b'?')) {
            if !t.is_empty() {
                out.push(*b);
            }
            continue;
        }
        let mut start = 0;
        for k in sentence_ends(t) {
            out.push(Span::new(b.start + start, b.start + k + 1));
            start = k + 1;
        }
        if start < t.len() {
            out.push(Span::new(b.start + start, b.end));
        }
    }
    out
}

/// The offsets of the characters of `t` that end a sentence (see
/// [`sentences_of`]), in order. The four are ASCII, so their bytes are
/// found by `memchr` (line breaks, and the three stops), the two lists
/// merged: a walk over every character of every block was a tenth of the
/// name index.
fn sentence_ends(t: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = t.as_bytes();
    let mut lines = memchr::memchr_iter(b'\n', bytes).peekable();
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .filter(|&k| bytes.get(k + 1).is_some_and(u8::is_ascii_whitespace))
        .peekable();
    std::iter::from_fn(move || match (lines.peek(), stops.peek()) {
        (Some(l), Some(s)) if s < l => stops.next(),
        (Some(_), _) => lines.next(),
        (None, _) => stops.next(),
    })
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

/// The words of `s` that start with a capital letter, as [`word_iter`]
/// and a filter on the first character would find them. Most words do not:
/// sixteen bytes at a time are passed over while none is an ASCII capital
/// or outside ASCII, and only a word's first character is judged (the
/// names pass reads the capitalised words of a document three times; a
/// word-by-word walk was a sixth of its work).
pub fn capitalised_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = s.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // an ASCII capital, or a byte of a character outside ASCII
        let stop = |b: u8| (b.wrapping_sub(b'A') < 26) | (b >= 0x80);
        loop {
            while let Some(chunk) = bytes.get(pos..)?.first_chunk::<16>() {
                if chunk.iter().fold(false, |hit, &b| hit | stop(b)) {
                    break;
                }
                pos += 16;
            }
            pos += bytes.get(pos..)?.iter().position(|&b| stop(b))?;
            let b = bytes[pos];
            let (capital, len) = if b.is_ascii() {
                (b.is_ascii_uppercase(), 1)
            } else if !s.is_char_boundary(pos) {
                (false, 1)
            } else {
                let c = s[pos..].chars().next()?;
                (c.is_uppercase() && c.is_alphanumeric(), c.len_utf8())
            };
            if capital
                && !s[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                let start = pos;
                pos = WORD.edge(s, start, false);
                return Some((start, &s[start..pos]));
            }
            pos += len;
        }
    })
}

/// Letters and digits.
pub(super) const WORD: CharClass = CharClass::new(
    ascii_table!(b => b.is_ascii_alphanumeric()),
    char::is_alphanumeric,
);

impl<'a> Iterator for WordIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let start = WORD.edge(self.text, self.pos, true);
        if start == self.text.len() {
            self.pos = start;
            return None;
        }
        self.pos = WORD.edge(self.text, start, false);
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
        self.head
            .iter()
            .map(|w| place_kind(w))
            .find(|k| !k.is_empty())
            .unwrap_or(&[])
    }
}

/// The place subtypes a common noun names, singular or plural ("cities",
/// "the town of"): lists and "the city of X" say what X is.
pub fn place_kind(word: &str) -> &'static [&'static str] {
    match word {
        "city" | "cities" | "town" | "towns" | "settlement" | "settlements" | "village"
        | "villages" => &["city", "town", "village"],
        "district" | "districts" | "region" | "regions" | "province" | "provinces" => {
            &["district", "region", "province"]
        }
        "countries" | "states" | "nations" => &["country"],
        _ => &[],
    }
}

/// The most items [`list_around`] reads on each side of the token: a list
/// is evidence long before this, and reading every item of a list of a
/// million names for each of them was quadratic. A list cut by the bound
/// has no head (what introduces it is too far away to count).
pub const MAX_LIST_ITEMS: usize = 32;

/// The bytes around the token [`list_around`] reads first; doubled while
/// the list runs on past them.
const LIST_WINDOW_BYTES: usize = 256;

/// The list around `span` inside `sentence` of `text`, if the token is an item
/// of a comma/and list of capitalised names. Only the part of the sentence
/// the list reaches is read (see [`MAX_LIST_ITEMS`]).
pub fn list_around(text: &str, sentence: Span, span: Span) -> Option<ListCue> {
    let mut reach = LIST_WINDOW_BYTES;
    loop {
        let lo = floor_boundary(text, span.start.saturating_sub(reach).max(sentence.start));
        let hi = ceil_boundary(text, (span.end + reach).min(sentence.end));
        match list_in(
            text,
            Span::new(lo, hi),
            lo == sentence.start,
            hi == sentence.end,
            span,
        ) {
            Read::Done(cue) => return cue,
            Read::Wider => reach *= 2,
        }
    }
}

/// What reading a list in a window found: the answer, or that the list
/// (or its head) runs on past a cut edge of the window.
enum Read {
    Done(Option<ListCue>),
    Wider,
}

/// [`list_around`] inside `window`, whose start and end are the sentence's
/// own when `whole_start`/`whole_end` (elsewhere the token at a cut edge
/// may be a piece of a word, and is never read).
fn list_in(text: &str, window: Span, whole_start: bool, whole_end: bool, span: Span) -> Read {
    let s = window.of(text);
    crate::work::read(s.len());
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
    let Some(rel) = span.start.checked_sub(window.start) else {
        return Read::Done(None);
    };
    let Some(i) = toks.iter().position(|t| t.0 == rel) else {
        return Read::Done(None);
    };
    // the first and last tokens of a cut window are not read: `lo` and
    // `hi` bound the tokens that are
    let lo = usize::from(!whole_start);
    let hi = if whole_end {
        toks.len()
    } else {
        toks.len() - 1
    };
    if i < lo || i >= hi {
        return Read::Wider;
    }
    let cap = |t: &(usize, usize, &str)| t.2.starts_with(char::is_uppercase);
    if !cap(&toks[i]) {
        return Read::Done(None);
    }
    // The item containing the token: a run of capitalised words. A run
    // reaching an unread token may go on past it.
    let item_at = |mut a: usize| {
        let mut b = a;
        while a > lo && cap(&toks[a - 1]) && a - 1 + 3 > b {
            a -= 1;
        }
        while b + 1 < hi && cap(&toks[b + 1]) && b + 1 < a + 3 {
            b += 1;
        }
        let open = (a == lo && lo > 0) || (b + 1 == hi && hi < toks.len());
        (a, b, open)
    };
    let (a0, b0, open) = item_at(i);
    if open {
        return Read::Wider;
    }
    let is_sep = |t: &str| t == "," || t == "and" || t == "or";
    // Leftwards, nearest first.
    let mut left = Vec::new();
    let mut a = a0;
    let mut capped = false;
    loop {
        let mut k = a;
        let mut seps = 0;
        while k > lo && is_sep(toks[k - 1].2) {
            k -= 1;
            seps += 1;
        }
        if k == lo && lo > 0 {
            return Read::Wider;
        }
        if seps == 0 || seps > 2 || k == 0 || !cap(&toks[k - 1]) {
            break;
        }
        if left.len() == MAX_LIST_ITEMS {
            capped = true;
            break;
        }
        let (na, nb, open) = item_at(k - 1);
        if open {
            return Read::Wider;
        }
        left.push((na, nb));
        a = na;
    }
    // Rightwards.
    let mut right = Vec::new();
    let mut b = b0;
    loop {
        let mut k = b + 1;
        let mut seps = 0;
        while k < hi && is_sep(toks[k].2) {
            k += 1;
            seps += 1;
        }
        if k == hi && hi < toks.len() {
            return Read::Wider;
        }
        if seps == 0 || seps > 2 || k >= toks.len() || !cap(&toks[k]) {
            break;
        }
        if right.len() == MAX_LIST_ITEMS {
            break;
        }
        let (na, nb, open) = item_at(k);
        if open {
            return Read::Wider;
        }
        right.push((na, nb));
        b = nb;
    }
    let items: Vec<(usize, usize)> = left
        .into_iter()
        .rev()
        .chain(std::iter::once((a0, b0)))
        .chain(right)
        .collect();
    if items.len() < 2 {
        return Read::Done(None);
    }
    let first = items[0].0;
    // the head: up to six tokens before the list, all of them read
    if first < lo + 6 && lo > 0 && !capped {
        return Read::Wider;
    }
    let (head, introduced) = if capped {
        (Vec::new(), false)
    } else {
        let head: Vec<String> = toks[first.saturating_sub(6)..first]
            .iter()
            .filter(|t| t.2.chars().any(char::is_alphanumeric))
            .map(|t| fold(t.2))
            .collect();
        // the text before the list, from the first token read: the
        // markers are shorter than the six tokens of the head
        let from = toks.get(lo).map_or(0, |t| t.0).min(toks[first].0);
        let before = fold(&s[from..toks[first].0]);
        let before = before.trim_end();
        let introduced = ["such as", "including", "like", "namely", "e.g.", ":"]
            .iter()
            .any(|m| before.ends_with(m));
        (head, introduced)
    };
    let items = items
        .into_iter()
        .map(|(a, b)| Span::new(window.start + toks[a].0, window.start + toks[b].1))
        .collect();
    Read::Done(Some(ListCue {
        items,
        head,
        introduced,
    }))
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
        /// The sentence ends found by `memchr` are those a walk over the
        /// characters finds.
        #[test]
        fn sentence_ends_are_found_as_by_chars(s in "[a.!?\n \t’é。]{0,40}") {
            let bytes = s.as_bytes();
            let by_chars: Vec<usize> = s
                .char_indices()
                .filter(|&(k, c)| match c {
                    '\n' => true,
                    '.' | '!' | '?' => bytes.get(k + 1).is_some_and(|b| b.is_ascii_whitespace()),
                    _ => false,
                })
                .map(|(k, _)| k)
                .collect();
            proptest::prop_assert_eq!(sentence_ends(&s).collect::<Vec<_>>(), by_chars);
        }

        /// A short block without a break or a stop is one sentence, as the
        /// sentence ends say of any block.
        #[test]
        fn sentences_of_short_blocks_are_those_of_their_ends(s in "[a é]{0,70}|[a.!?\n é]{0,70}") {
            let mut by_ends = Vec::new();
            let mut start = 0;
            for k in sentence_ends(&s) {
                by_ends.push(Span::new(start, k + 1));
                start = k + 1;
            }
            if start < s.len() {
                by_ends.push(Span::new(start, s.len()));
            }
            proptest::prop_assert_eq!(sentences_of(&s, &[Span::new(0, s.len())]), by_ends);
        }

        #[test]
        fn word_iter_reads_like_chars(s in "[a-zA-Z0-9 .,'\\-éßı\u{300}\u{A0}٣字ⅷ]{0,40}") {
            proptest::prop_assert_eq!(words(&s), words_by_chars(&s));
        }

        /// The capitalised words found by skipping bytes are the words
        /// whose first character is uppercase (long runs of lowercase text
        /// between them, so the sixteen-byte skip is taken).
        #[test]
        fn capitalised_words_are_the_words_that_start_with_a_capital(
            s in "([a-zA-Z0-9 .,'\\-éÉßİı\u{300}\u{A0}٣字ⅷⅧⒶ🄰]|[a-z ]{10,40}){0,40}",
        ) {
            let filtered: Vec<(usize, &str)> = word_iter(&s)
                .filter(|(_, w)| w.starts_with(char::is_uppercase))
                .collect();
            proptest::prop_assert_eq!(capitalised_words(&s).collect::<Vec<_>>(), filtered);
        }
    }

    proptest::proptest! {
        /// Document-wide phrases found piece by piece are those found on
        /// the whole fold.
        #[test]
        fn doc_phrases_are_found_as_on_the_whole_fold(
            text in "([ab çə’'\\-–\n\u{301}]|b b ){0,40}",
            keys in proptest::collection::vec("[abce]{1,2}( [abce]{1,2})?|b b", 1..4),
            chunk in 1usize..10,
        ) {
            let phrases = DocPhrases::of_keys(keys);
            let mut search = phrases.search();
            for piece in super::super::fold::pieces_of(&text, phrases.longest(), chunk) {
                phrases.find_in(&piece, &mut search);
            }
            let whole = super::super::fold::Folded::new(&text).text;
            for (key, found) in phrases.keys.iter().zip(search.found) {
                proptest::prop_assert_eq!(found, find_word(&whole, key, 0, whole.len()), "{:?}", key);
            }
        }
    }

    #[test]
    fn doc_phrases_follow_one_occurrence_after_the_other() {
        // as on the whole fold: "b b" is looked for at 1, then from 4 on,
        // so the one at 3, which overlaps the first, is not seen
        let phrases = DocPhrases::of_keys(vec!["b b".into()]);
        assert!(!phrases.find("ab b b")[0]);
        assert!(!find_word("ab b b", "b b", 0, 6));
        assert!(phrases.find("ab b b b")[0]);
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
