//! Known forms: every folded key of every lexicon form, found in one walk
//! over the folded text. Matches respect word boundaries, the longest wins,
//! and offsets map back to the source exactly.
//!
//! A match must start after a non-alphanumeric character and end before
//! one, so the keys are not compiled into a byte automaton (Aho-Corasick
//! would find them too, but its construction is a fixed cost of 0.45 s for
//! the 220,000 keys of a 100,000-entity lexicon, a third of loading it).
//! Instead one hash table holds every key and every prefix of a key that
//! ends where the key has a non-alphanumeric character (its *cuts*:
//! "nagorno" for "nagorno karabakh"). From each word start the walk looks
//! up the text up to each following cut and stops at the first piece that
//! is no such prefix, so it costs one or two lookups a word whatever the
//! lexicon's size, and the table builds ten times faster than the automaton.
//!
//! Case matters where it carries meaning: an all-capitals form (an acronym
//! such as "US" or "UN") matches only as written, and a capitalised form
//! matches only a capitalised word ("Turkey", not "turkey").

use super::context::WORD;
use super::fold::{Folded, Piece};
use super::lexicon::Lexicon;
use crate::span::Span;
use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::ops::Range;

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
    pub refs: Refs,
}

/// The forms of a hit: nearly always one, kept inline (a list on the heap
/// for every hit was an eighth of the peak memory of a large file).
#[derive(Debug, Clone, PartialEq)]
pub enum Refs {
    /// The one form.
    One(FormRef),
    /// Several forms share the key.
    Many(Box<[FormRef]>),
}

impl Refs {
    /// The forms, in lexicon order.
    pub fn iter(&self) -> std::slice::Iter<'_, FormRef> {
        match self {
            Refs::One(r) => std::slice::from_ref(r).iter(),
            Refs::Many(v) => v.iter(),
        }
    }
}

/// A piece of folded text the table knows: the first `len` bytes of the
/// key of form `form` of entity `entity`. The table borrows its text from
/// the lexicon instead of holding 300,000 strings of its own (their
/// allocation and hashing were a fifth of loading a large lexicon).
#[derive(Debug, Clone, Copy)]
struct Entry {
    entity: u32,
    form: u32,
    len: u32,
    /// The piece is a key: its index into [`Exact::refs`].
    key: Option<u32>,
    /// The piece is a prefix of longer keys, cut at a non-alphanumeric
    /// character.
    prefix: bool,
}

impl Entry {
    fn text<'l>(&self, lex: &'l Lexicon) -> &'l str {
        &lex.entities[self.entity as usize].forms[self.form as usize].key[..self.len as usize]
    }
}

/// The compiled table of known forms, for use with the lexicon it was
/// built from.
#[derive(Debug, Clone, Default)]
pub struct Exact {
    table: HashTable<Entry>,
    hasher: foldhash::fast::RandomState,
    /// The forms of key `k` are `forms[refs[k]..refs[k + 1]]`.
    refs: Vec<u32>,
    forms: Vec<FormRef>,
    /// Some key starts with a non-alphanumeric character, so a match may
    /// start at any boundary, not only at a word's first character.
    odd_starts: bool,
    /// The longest key, in bytes.
    longest: usize,
}

fn is_acronym(form: &str) -> bool {
    let mut letters = 0;
    for c in form.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2 && !form.contains(' ')
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

/// Byte offsets after `s` where `f` has a non-alphanumeric character, then
/// the end of `f`: where a match starting at `s` may end.
fn cuts(f: &str, s: usize) -> impl Iterator<Item = usize> + '_ {
    let mut at = s + char_at(f, s).1;
    std::iter::from_fn(move || {
        if at > f.len() {
            return None;
        }
        let cut = WORD.edge(f, at, false);
        at = cut + f[cut..].chars().next().map_or(1, char::len_utf8);
        Some(cut)
    })
}

/// Where a match may start in `own` of `f` when every key starts with a
/// letter or digit: each word's first character (`after_word`: the
/// character before `own` is alphanumeric). Words are skipped whole
/// through the byte table of [`WORD`]; a walk deciding character by
/// character (what [`starts_by_chars`] does) was a fifth of the index.
fn word_starts(f: &str, own: Range<usize>, after_word: bool) -> impl Iterator<Item = usize> + '_ {
    let mut at = match after_word {
        true => WORD.edge(f, own.start, false),
        false => own.start,
    };
    std::iter::from_fn(move || {
        let s = WORD.edge(f, at, true);
        if s >= own.end {
            return None;
        }
        at = WORD.edge(f, s, false);
        Some(s)
    })
}

/// Where a match may start in `own` of `f` when some key starts with
/// another character: every character that follows none alphanumeric.
fn starts_by_chars(
    f: &str,
    own: Range<usize>,
    mut after_word: bool,
) -> impl Iterator<Item = usize> + '_ {
    let mut next = own.start;
    std::iter::from_fn(move || {
        while next < own.end {
            let s = next;
            let (word, len) = char_at(f, s);
            next += len;
            let start = !after_word;
            after_word = word;
            if start {
                return Some(s);
            }
        }
        None
    })
}

/// Whether the character at byte `at` of `f` is alphanumeric, and its
/// length: ASCII, most of any text, without decoding.
fn char_at(f: &str, at: usize) -> (bool, usize) {
    let b = f.as_bytes()[at];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = f[at..].chars().next().unwrap_or_default();
    (c.is_alphanumeric(), c.len_utf8())
}

impl Exact {
    /// Builds the table over every form of `lex`.
    pub fn build(lex: &Lexicon) -> Exact {
        let forms: usize = lex.entities.iter().map(|e| e.forms.len()).sum();
        let mut exact = Exact {
            table: HashTable::with_capacity(forms + forms / 2),
            ..Exact::default()
        };
        let mut keys = 0u32;
        let mut owners: Vec<(u32, FormRef)> = Vec::with_capacity(forms);
        for (e, ent) in lex.entities.iter().enumerate() {
            for (f, form) in ent.forms.iter().enumerate() {
                let key = form.key.as_str();
                if key.trim().is_empty() {
                    continue;
                }
                let piece = Entry {
                    entity: e as u32,
                    form: f as u32,
                    len: key.len() as u32,
                    key: Some(keys),
                    prefix: false,
                };
                let k = match exact.lookup_mut(lex, key) {
                    Some(Entry { key: Some(k), .. }) => *k,
                    found => {
                        match found {
                            Some(entry) => entry.key = Some(keys),
                            None => exact.insert(lex, piece),
                        }
                        exact.add_cuts(lex, piece);
                        exact.longest = exact.longest.max(key.len());
                        keys += 1;
                        keys - 1
                    }
                };
                owners.push((k, FormRef { entity: e, form: f }));
            }
        }
        // A stable sort keeps each key's forms in lexicon order.
        owners.sort_by_key(|&(k, _)| k);
        exact.refs = Vec::with_capacity(keys as usize + 1);
        for (i, &(k, _)) in owners.iter().enumerate() {
            while exact.refs.len() <= k as usize {
                exact.refs.push(i as u32);
            }
        }
        exact.refs.push(owners.len() as u32);
        exact.forms = owners.into_iter().map(|(_, r)| r).collect();
        exact
    }

    fn lookup(&self, lex: &Lexicon, piece: &str) -> Option<&Entry> {
        let hash = self.hasher.hash_one(piece);
        // Lengths first: the text lives in the lexicon, a few pointers away.
        self.table.find(hash, |e| {
            e.len as usize == piece.len() && e.text(lex) == piece
        })
    }

    fn lookup_mut(&mut self, lex: &Lexicon, piece: &str) -> Option<&mut Entry> {
        let hash = self.hasher.hash_one(piece);
        self.table.find_mut(hash, |e| e.text(lex) == piece)
    }

    fn insert(&mut self, lex: &Lexicon, entry: Entry) {
        let hasher = &self.hasher;
        self.table
            .insert_unique(hasher.hash_one(entry.text(lex)), entry, |e| {
                hasher.hash_one(e.text(lex))
            });
    }

    /// Registers the prefixes of a new key that end at its cuts.
    fn add_cuts(&mut self, lex: &Lexicon, key: Entry) {
        let text = key.text(lex);
        self.odd_starts |= text.starts_with(|c: char| !c.is_alphanumeric());
        for (i, c) in text.char_indices().skip(1) {
            if c.is_alphanumeric() {
                continue;
            }
            match self.lookup_mut(lex, &text[..i]) {
                Some(entry) => entry.prefix = true,
                None => self.insert(
                    lex,
                    Entry {
                        len: i as u32,
                        key: None,
                        prefix: true,
                        ..key
                    },
                ),
            }
        }
    }

    /// Every match in `text`, non-overlapping, longest first at each position.
    pub fn find(&self, lex: &Lexicon, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for piece in super::fold::pieces(text, self.longest) {
            self.find_in(lex, text, &piece, &mut out);
        }
        out
    }

    /// The longest folded key, in bytes: how far past its own range a
    /// [`Piece`] searched by [`Exact::find_in`] must reach.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Pushes to `out` the matches that start in the own range of `piece`,
    /// a piece of the fold of `text`; called for consecutive pieces it finds
    /// what [`Exact::find`] finds.
    pub fn find_in(&self, lex: &Lexicon, text: &str, piece: &Piece, out: &mut Vec<Hit>) {
        let folded = &piece.folded;
        let f = folded.text.as_str();
        let after_word = f[..piece.own.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let own = piece.own.clone();
        let mut keys: Vec<(usize, u32)> = Vec::new();
        if self.odd_starts {
            for s in starts_by_chars(f, own, after_word) {
                self.match_at(lex, text, folded, s, &mut keys, out);
            }
        } else {
            for s in word_starts(f, own, after_word) {
                self.match_at(lex, text, folded, s, &mut keys, out);
            }
        }
    }

    /// Pushes to `out` the longest key at `s` of the fold whose case rule
    /// the surface meets, unless it overlaps the match before (starts come
    /// in source order: the folded text maps back monotonically).
    fn match_at(
        &self,
        lex: &Lexicon,
        text: &str,
        folded: &Folded,
        s: usize,
        keys: &mut Vec<(usize, u32)>,
        out: &mut Vec<Hit>,
    ) {
        keys.clear();
        self.walk(lex, &folded.text, s, keys);
        let longest = keys
            .iter()
            .rev()
            .find_map(|&(e, k)| self.hit(lex, text, folded, s, e, k));
        if let Some(hit) = longest
            && out.last().is_none_or(|p| p.span.end <= hit.span.start)
        {
            out.push(hit);
        }
    }

    /// The keys that start at `s` in `f`, shortest first, with their ends.
    fn walk(&self, lex: &Lexicon, f: &str, s: usize, keys: &mut Vec<(usize, u32)>) {
        for e in cuts(f, s) {
            let Some(entry) = self.lookup(lex, &f[s..e]) else {
                return;
            };
            if let Some(k) = entry.key {
                keys.push((e, k));
            }
            if !entry.prefix {
                return;
            }
        }
    }

    /// Key `k` found at `s..e` of the folded text, as a hit on the source:
    /// `None` if the surface has outer spaces or no form's case rule fits it.
    fn hit(
        &self,
        lex: &Lexicon,
        text: &str,
        folded: &Folded,
        s: usize,
        e: usize,
        k: u32,
    ) -> Option<Hit> {
        let (a, b) = folded.source_range(s, e);
        let surface = text.get(a..b)?;
        if surface.trim() != surface {
            return None;
        }
        let k = k as usize;
        let fits = |r: &&FormRef| case_fits(&lex.entities[r.entity].forms[r.form].text, surface);
        let forms = &self.forms[self.refs[k] as usize..self.refs[k + 1] as usize];
        let mut fitting = forms.iter().filter(fits).copied();
        let first = fitting.next()?;
        let refs = match fitting.next() {
            None => Refs::One(first),
            Some(second) => Refs::Many([first, second].into_iter().chain(fitting).collect()),
        };
        Some(Hit {
            span: Span::new(a, b),
            refs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold::pieces_of;
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

    /// Offsets of `f` (non-empty strings of the class used below) and
    /// whether the character before them is alphanumeric, for the start
    /// and cut scans.
    fn offsets(f: &str, a: usize, b: usize) -> (Range<usize>, bool) {
        let ends: Vec<usize> = f.char_indices().map(|(i, _)| i).chain([f.len()]).collect();
        let (a, b) = (ends[a % ends.len()], ends[b % ends.len()]);
        (a.min(b)..a.max(b), b % 2 == 0)
    }

    proptest::proptest! {
        /// The word starts skipped to through the byte table are the
        /// alphanumeric starts the character walk finds.
        #[test]
        fn word_starts_are_the_alphanumeric_starts_by_chars(
            f in "[ab1 'ıə\u{301}\u{a0}’-]{0,30}",
            a in 0usize..30,
            b in 0usize..30,
        ) {
            let (own, after_word) = offsets(&f, a, b);
            let by_chars: Vec<usize> = starts_by_chars(&f, own.clone(), after_word)
                .filter(|&s| char_at(&f, s).0)
                .collect();
            let fast: Vec<usize> = word_starts(&f, own, after_word).collect();
            proptest::prop_assert_eq!(fast, by_chars);
        }

        /// The cuts are the offsets of the characters not alphanumeric
        /// after the first one, then the end.
        #[test]
        fn cuts_are_the_characters_not_alphanumeric(
            f in "[ab1 'ıə\u{301}\u{a0}’-]{1,30}",
            a in 0usize..30,
        ) {
            let (own, _) = offsets(&f, a, a);
            let s = own.start.min(f.len() - f.chars().next_back().map_or(0, char::len_utf8));
            let first = s + f[s..].chars().next().map_or(0, char::len_utf8);
            let by_chars: Vec<usize> = f[first..]
                .char_indices()
                .filter(|(_, c)| !c.is_alphanumeric())
                .map(|(i, _)| first + i)
                .chain([f.len()])
                .collect();
            proptest::prop_assert_eq!(cuts(&f, s).collect::<Vec<_>>(), by_chars);
        }
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

    /// Every occurrence of every key at word boundaries, the longest at
    /// each start, left to right: what the walk must find, by brute force.
    fn brute_force(lex: &Lexicon, text: &str) -> Vec<(Span, Vec<FormRef>)> {
        use super::super::fold::{boundary_after, boundary_before};
        let folded = Folded::new(text);
        let f = folded.text.as_str();
        let mut cands: Vec<(Span, Vec<FormRef>)> = Vec::new();
        for s in (0..f.len()).filter(|&s| f.is_char_boundary(s)) {
            for (e, ent) in lex.entities.iter().enumerate() {
                for (k, form) in ent.forms.iter().enumerate() {
                    let key = form.key.as_str();
                    let end = s + key.len();
                    if key.trim().is_empty()
                        || !f[s..].starts_with(key)
                        || !boundary_before(f, s)
                        || !boundary_after(f, end)
                    {
                        continue;
                    }
                    let (a, b) = folded.source_range(s, end);
                    let surface = &text[a..b];
                    if surface.trim() != surface || !case_fits(&form.text, surface) {
                        continue;
                    }
                    let r = FormRef { entity: e, form: k };
                    match cands.iter_mut().find(|(span, _)| *span == Span::new(a, b)) {
                        Some((_, refs)) => refs.push(r),
                        None => cands.push((Span::new(a, b), vec![r])),
                    }
                }
            }
        }
        cands.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        let mut out: Vec<(Span, Vec<FormRef>)> = Vec::new();
        for (span, mut refs) in cands {
            refs.sort();
            if out.last().is_none_or(|(p, _)| p.end <= span.start) {
                out.push((span, refs));
            }
        }
        out
    }

    proptest::proptest! {
        /// The walk over keys and cut prefixes finds what a search for every
        /// key at every position finds.
        #[test]
        fn the_walk_finds_what_brute_force_finds(
            forms in proptest::collection::vec("[aAbB.'-]{1,3}( [abAB-]{1,3}){0,2}", 1..8),
            text in "[aAbBc .,'\u{2013}-]{0,40}",
            chunk in 1usize..10,
        ) {
            let mut toml = String::from("[pack]\nname = \"t\"\ndescription = \"d\"\n");
            for (k, form) in forms.iter().enumerate() {
                toml.push_str(&format!(
                    "[[entity]]\nid = \"e{k}\"\ntype = \"place\"\ncanonical = {form:?}\n"
                ));
            }
            let mut lex = Lexicon::default();
            lex.load("t.toml", &toml).unwrap();
            let exact = Exact::build(&lex);
            let found: Vec<(Span, Vec<FormRef>)> = exact
                .find(&lex, &text)
                .into_iter()
                .map(|h| (h.span, h.refs.iter().copied().collect()))
                .collect();
            proptest::prop_assert_eq!(found, brute_force(&lex, &text));
            // in pieces of a few bytes, as in pieces of a quarter megabyte
            let mut chunked = Vec::new();
            for piece in pieces_of(&text, exact.longest(), chunk) {
                exact.find_in(&lex, &text, &piece, &mut chunked);
            }
            proptest::prop_assert_eq!(chunked, exact.find(&lex, &text));
        }
    }
}
