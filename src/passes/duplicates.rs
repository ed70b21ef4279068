//! `duplicates`: blocks that repeat earlier text.
//!
//! Web copies repeat gallery titles and captions; PDF conversions and chat
//! pastes repeat a paragraph, or a shortened copy of it ("UN. The United
//! Nations has reaffirmed …" followed by "The United Nations has reaffirmed …").
//! The first copy stays; later copies are removed and kept in the TEI as
//! `surplus reason="repeated"`.
//!
//! How: each unit (a block, or a part of a figure: gallery title, caption;
//! never a credit, which legitimately repeats) is cut into 3-word shingles
//! over lowercased words. An index maps each shingle to the units holding
//! it, so candidates come from shared shingles only (near-linear, never all
//! pairs). A unit A is a near-duplicate of an earlier unit B when its
//! *containment* |A∩B| / |A| is high — Jaccard would miss a short copy of a
//! long paragraph — and it is not tiny beside B (a title quoted inside a
//! paragraph is a mention). A later unit that adds much to an earlier one is
//! an expansion, not a copy, and stays. Very common shingles (in more than
//! [`MAX_POSTINGS`] units) are not used for candidates.
//!
//! Why it is safe: an exact repeat is applied only for substantial units (at
//! least [`MIN_APPLY_WORDS`] words), a near-duplicate only when it is long and
//! almost wholly contained; short repeats (a "Conclusion" heading in two
//! chapters, a refrain) are only proposed, one-word units never. Bibliography
//! entries, front matter and a paper's title page (one affiliation repeated
//! under each author) are never compared. Removed text stays in the TEI.

use super::{Context, Pass, Proposals};
use crate::document::{BlockKind, Document, InlineKind};
use crate::edit::{Category, Edit};
use crate::names::context::word_iter;
use crate::profile::SourceKind;
use crate::span::Span;
use foldhash::fast::RandomState;
use foldhash::{HashMap, HashSet};
use hashbrown::hash_table::{Entry, HashTable};
use std::borrow::Cow;
use std::hash::BuildHasher;

/// See the module documentation.
pub struct Duplicates;

/// Shingle width in words.
const K: usize = 3;
/// Units with fewer words are never removed, only proposed.
const MIN_APPLY_WORDS: usize = 8;
/// Near-duplicates are applied only from this many words.
const MIN_NEAR_APPLY_WORDS: usize = 25;
/// Containment from which a long near-duplicate is applied.
const NEAR_APPLY: f32 = 0.9;
/// Containment from which a near-duplicate is proposed.
const NEAR_PROPOSE: f32 = 0.75;
/// A near-duplicate must be at least this fraction of the other unit's
/// length: a title quoted inside a long paragraph is a mention, not a copy.
const MIN_LENGTH_RATIO: f32 = 0.3;
/// Shingles shared by more units than this do not produce candidates.
const MAX_POSTINGS: usize = 64;

/// A unit of comparison.
struct Unit {
    /// Index of its block.
    block: usize,
    /// Its span.
    span: Span,
    /// True when the unit is the whole block.
    whole: bool,
    /// True for titles and headings: only ever removed as exact repeats.
    heading: bool,
    /// Its lowercased words, as ids of a [`Words`] interner.
    words: Vec<u32>,
}

impl Pass for Duplicates {
    fn id(&self) -> &'static str {
        "duplicates"
    }

    fn description(&self) -> &'static str {
        "Repeated blocks (gallery titles, captions, paragraphs pasted twice or repeating the previous one) found by word-shingle containment; later copies removed as surplus, short or partial repeats proposed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let paper = cx.profile.kind == SourceKind::PdfExtract;
        out.edits
            .extend(proposals(cx.text, cx.doc, paper, self.id()));
    }
}

/// Most blocks before a paper's abstract that can be its title page
/// (title, authors, an affiliation and an address under each, e-mails).
const TITLE_PAGE_BLOCKS: usize = 40;

/// The pass's edits for `doc` over `text` (needs nothing else of a context
/// but whether it is a paper's extract, whose title page is not compared).
fn proposals(text: &str, doc: &Document, paper: bool, rule: &str) -> Vec<Edit> {
    let mut words = Words::default();
    let units = units(text, doc, paper, &mut words);
    let found = find(&units);
    let lines = Lines::of(text, found.iter().map(|f| units[f.original].span.start));
    let mut out = Vec::new();
    for f in found {
        let (span, extra) = removal(text, doc, (&units, &mut words), f.unit, f.original);
        let original = lines.describe(units[f.original].span.start);
        let note = match f.kind {
            Kind::Exact => format!("repeats {original} exactly"),
            Kind::Near(c) => format!("{:.0}% of its word triples occur in {original}", c * 100.0),
        };
        let note = if extra {
            format!("{note}; the copy runs on into the next paragraph")
        } else {
            note
        };
        out.push(
            Edit::new(text, span, "", rule, Category::Duplicate, f.confidence).with_note(note),
        );
    }
    out
}

/// The line numbers of the originals the notes name, found in one walk of
/// the text: a line counted from the start for each note made a document
/// with many repeats quadratic (a fifth of the pass's work on ordinary
/// files).
struct Lines {
    /// Offsets, sorted, with their line numbers.
    at: Vec<(usize, usize)>,
}

impl Lines {
    fn of(text: &str, offsets: impl Iterator<Item = usize>) -> Self {
        let mut at: Vec<(usize, usize)> = offsets.map(|o| (o, 0)).collect();
        at.sort_unstable();
        at.dedup();
        let mut cursor = crate::span::LineCursor::new(text);
        for (offset, line) in &mut at {
            *line = cursor.at(*offset).line;
        }
        Lines { at }
    }

    /// "the text at line N" for an offset given to [`Lines::of`].
    fn describe(&self, offset: usize) -> String {
        let i = self.at.partition_point(|&(o, _)| o < offset);
        let line = self.at.get(i).map_or(0, |&(_, line)| line);
        format!("the text at line {line}")
    }
}

/// Lowercased words as numbers: units compare and shingle by id, and a word
/// already seen costs one hash and a lookup. A new word with no capitals
/// (most words) is kept as a slice of the text, not a copy, and is hashed
/// once to be looked for and placed (a copy of each new word, hashed again
/// to be inserted, was a tenth of the pass's work).
#[derive(Default)]
struct Words<'a> {
    ids: HashTable<(Cow<'a, str>, u32)>,
    hasher: RandomState,
    /// Scratch space for lowercasing.
    lower: String,
    /// Scratch space for the ids of a unit, copied out at their exact
    /// length rather than grown word by word.
    unit: Vec<u32>,
}

impl<'a> Words<'a> {
    /// Id of word `w` (lowercased), given one if new.
    fn id(&mut self, w: &'a str) -> u32 {
        let lowered = if w.is_ascii() {
            w.bytes().any(|b| b.is_ascii_uppercase()).then(|| {
                self.lower.clear();
                self.lower.push_str(w);
                self.lower.make_ascii_lowercase();
            })
        } else {
            w.chars().any(char::is_uppercase).then(|| {
                self.lower.clear();
                self.lower.extend(w.chars().flat_map(char::to_lowercase));
            })
        };
        let key = match lowered {
            Some(()) => self.lower.as_str(),
            None => w,
        };
        let next = self.ids.len() as u32;
        let hasher = &self.hasher;
        let entry = self.ids.entry(
            hasher.hash_one(key),
            |(k, _)| k == key,
            |(k, _)| hasher.hash_one(k.as_ref()),
        );
        match entry {
            Entry::Occupied(e) => e.get().1,
            Entry::Vacant(e) => {
                let key = match lowered {
                    Some(()) => Cow::Owned(key.to_owned()),
                    None => Cow::Borrowed(w),
                };
                e.insert((key, next));
                next
            }
        }
    }

    /// The ids of the words of `s`.
    fn of(&mut self, s: &'a str) -> Vec<u32> {
        let mut unit = std::mem::take(&mut self.unit);
        unit.clear();
        unit.extend(word_iter(s).map(|(_, w)| self.id(w)));
        let ids = unit.clone();
        self.unit = unit;
        ids
    }
}

/// The units worth comparing: only those of two words or more are ever
/// matched (a lone word repeats by nature), so only those are kept, and a
/// million one-word lines make no million units.
fn units<'a>(text: &'a str, doc: &Document, paper: bool, words: &mut Words<'a>) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut push = |u: Unit| {
        if u.words.len() >= 2 {
            out.push(u);
        }
    };
    // a paper's title page: the blocks before an abstract near the start
    let title_page = doc
        .blocks
        .iter()
        .take(TITLE_PAGE_BLOCKS)
        .position(|b| b.kind == BlockKind::Abstract)
        .filter(|_| paper)
        .unwrap_or(0);
    for (i, b) in doc.blocks.iter().enumerate().skip(title_page) {
        // a picture's markdown (its address and description) is no part of
        // the words a copy repeats: a caption under an image is the same
        // caption as one without
        let images: Vec<Span> = b
            .inlines
            .iter()
            .filter(|x| matches!(x.kind, InlineKind::Image { .. }))
            .map(|x| x.span)
            .collect();
        let mut words_of = |span: Span| -> Vec<u32> {
            if images.is_empty() {
                return words.of(span.of(text));
            }
            let mut out = Vec::new();
            let mut at = span.start;
            for m in images.iter().filter(|m| span.contains(**m)) {
                out.extend(words.of(&text[at..m.start]));
                at = m.end;
            }
            out.extend(words.of(&text[at..span.end]));
            out
        };
        match &b.kind {
            BlockKind::Bibl { .. }
            | BlockKind::BiblHead
            | BlockKind::Front(_)
            | BlockKind::Keywords => {}
            BlockKind::Figure(f)
                if f.head.is_some() || f.caption.is_some() || f.credit.is_some() =>
            {
                // credits are not compared: one photographer or agency is
                // credited under every picture, and that is no copy
                let parts: Vec<Span> = [f.head, f.caption].into_iter().flatten().collect();
                if parts.len() > 1 {
                    // the figure as a whole first: a repeated gallery item
                    // goes in one piece
                    push(Unit {
                        block: i,
                        span: b.span,
                        whole: true,
                        heading: false,
                        words: parts.iter().flat_map(|p| words_of(*p)).collect(),
                    });
                }
                for span in parts {
                    push(Unit {
                        block: i,
                        span,
                        whole: span == b.span,
                        heading: false,
                        words: words_of(span),
                    });
                }
            }
            // a block of one word is never compared: its words are not
            // numbered (a million one-word lines cost a scan each)
            _ if images.is_empty() && !two_words(b.span.of(text)) => {}
            _ => push(Unit {
                block: i,
                span: b.span,
                whole: true,
                heading: matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Subtitle | BlockKind::Head { .. }
                ),
                words: words_of(b.span),
            }),
        }
    }
    out
}

/// Whether `s` holds two words or more, the fewest of a unit kept.
fn two_words(s: &str) -> bool {
    word_iter(s).nth(1).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Exact,
    Near(f32),
}

/// A unit found to repeat another.
#[derive(Debug)]
struct Found {
    unit: usize,
    original: usize,
    kind: Kind,
    confidence: f32,
}

type Shingle = (u32, u32, u32);

/// Shingles by number and, for each, the units holding it. A unit's
/// shingles are numbered as they are read, and the repeats among them are
/// dropped by remembering the last unit that met each one: one lookup per
/// shingle, where sorting each unit's set and looking every shingle up
/// again to index it was a third of the pass's work. Most shingles are held
/// by one unit: the lists are chained through one vector, with no
/// allocation per shingle.
#[derive(Default)]
struct Shingles {
    ids: HashMap<Shingle, u32>,
    /// By shingle number.
    heads: Vec<Head>,
    /// Unit and the node after it (`u32::MAX` ends a list).
    nodes: Vec<(u32, u32)>,
}

/// The list of units holding a shingle.
struct Head {
    /// Its newest node.
    node: u32,
    /// Its number of units.
    units: u32,
    /// The last unit read that has the shingle.
    seen: u32,
}

impl Shingles {
    const END: u32 = u32::MAX;

    /// The numbers of the distinct shingles of unit `unit` (`words`) into
    /// `out`, in the order first met; units are read in increasing order.
    fn distinct(&mut self, words: &[u32], unit: usize, out: &mut Vec<u32>) {
        let unit = unit as u32;
        out.clear();
        for w in words.windows(K) {
            let new = self.heads.len() as u32;
            let id = *self.ids.entry((w[0], w[1], w[2])).or_insert(new);
            if id == new {
                self.heads.push(Head {
                    node: Self::END,
                    units: 0,
                    seen: unit,
                });
                out.push(id);
            } else if let Some(h) = self.heads.get_mut(id as usize)
                && h.seen != unit
            {
                h.seen = unit;
                out.push(id);
            }
        }
    }

    fn add(&mut self, id: u32, unit: usize) {
        let node = self.nodes.len() as u32;
        if let Some(h) = self.heads.get_mut(id as usize) {
            self.nodes.push((unit as u32, h.node));
            h.node = node;
            h.units += 1;
        }
    }

    /// The units holding shingle `id`, none if more than `max` do.
    fn units(&self, id: u32, max: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = match self.heads.get(id as usize) {
            Some(h) if h.units as usize <= max => h.node,
            _ => Self::END,
        };
        std::iter::from_fn(move || {
            let &(unit, next) = self.nodes.get(at as usize)?;
            at = next;
            Some(unit as usize)
        })
    }
}

/// Finds repeated units; the result is in unit order and deterministic.
fn find(units: &[Unit]) -> Vec<Found> {
    let mut index = Shingles::default();
    // the number of distinct shingles of each unit read
    let mut sizes: Vec<usize> = vec![0; units.len()];
    let mut a: Vec<u32> = Vec::new();
    let mut shared: Vec<usize> = Vec::new();
    let mut exact: HashMap<&[u32], usize> = HashMap::default();
    // blocks removed whole: their parts are not looked at again
    let mut gone: HashSet<usize> = HashSet::default();
    let mut out: Vec<Found> = Vec::new();
    for (j, u) in units.iter().enumerate() {
        let n = u.words.len();
        if gone.contains(&u.block) {
            continue;
        }
        let earlier = exact
            .get(u.words.as_slice())
            .copied()
            .filter(|&i| units[i].block != u.block);
        if let Some(i) = earlier {
            let confidence = if n >= MIN_APPLY_WORDS { 0.97 } else { 0.55 };
            out.push(Found {
                unit: j,
                original: i,
                kind: Kind::Exact,
                confidence,
            });
            if u.whole {
                gone.insert(u.block);
            }
            continue;
        }
        exact.entry(u.words.as_slice()).or_insert(j);
        index.distinct(&u.words, j, &mut a);
        sizes[j] = a.len();
        // candidates: count shared shingles per earlier unit (each unit
        // once per shingle, so a run of one unit in sorted order is its count)
        shared.clear();
        for &s in &a {
            shared.extend(index.units(s, MAX_POSTINGS));
        }
        shared.sort_unstable();
        // containment of this (later) unit in each earlier one; the first
        // copy always stays, so only the later unit can be the repeat
        let mut best: Option<(f32, usize)> = None;
        for run in shared.chunk_by(|x, y| x == y) {
            let (i, count) = (run[0], run.len());
            if units[i].block == u.block || a.is_empty() {
                continue;
            }
            let c = count as f32 / a.len() as f32;
            if best.is_none_or(|(bc, _)| c > bc) {
                best = Some((c, i));
            }
        }
        let mut is_dup = false;
        if let Some((c, i)) = best {
            let ratio = a.len().min(sizes[i]) as f32 / a.len().max(sizes[i]).max(1) as f32;
            if c >= NEAR_PROPOSE && ratio >= MIN_LENGTH_RATIO && n >= MIN_APPLY_WORDS && !u.heading
            {
                let confidence = if c >= NEAR_APPLY && n >= MIN_NEAR_APPLY_WORDS {
                    0.9
                } else {
                    0.6
                };
                out.push(Found {
                    unit: j,
                    original: i,
                    kind: Kind::Near(c),
                    confidence,
                });
                if u.whole {
                    gone.insert(u.block);
                }
                is_dup = true;
            }
        }
        if !is_dup {
            for &s in &a {
                index.add(s, j);
            }
        }
    }
    out.sort_by_key(|f| f.unit);
    out
}

/// The span to delete for unit `k`, and whether it reaches into the next block.
///
/// A whole block goes with the blank space after it. A paragraph copy that
/// ends mid-sentence (a page break cut it) takes the continuation in the next
/// paragraph too, when that sentence is also part of the original.
fn removal<'a>(
    text: &'a str,
    doc: &Document,
    (units, words): (&[Unit], &mut Words<'a>),
    k: usize,
    original: usize,
) -> (Span, bool) {
    let u = &units[k];
    if !u.whole {
        let block = &doc.blocks[u.block];
        // a repeated caption whose line ends in the figure's credit, at the
        // end of the figure, goes with the credit and the blank space after
        // it: removing only the caption left its credit's gap behind
        if let BlockKind::Figure(fig) = &block.kind
            && let Some(credit) = fig.credit
            && credit.end == block.span.end
            && credit.start >= u.span.end
            && text[u.span.end..credit.start].trim().is_empty()
        {
            let end = super::removal::removal_span(text, doc, u.block).end;
            return (Span::new(u.span.start, end), false);
        }
        // a figure part takes the line break after it; a credit on the same
        // line keeps the space before it (the credit rule may remove both)
        let rest = &text[u.span.end..];
        let ws = rest.len() - rest.trim_start().len();
        let ws = if rest[..ws].contains('\n') { ws } else { 0 };
        return (Span::new(u.span.start, u.span.end + ws), false);
    }
    let base = super::removal::removal_span(text, doc, u.block);
    let blocks = &doc.blocks;
    let b = &blocks[u.block];
    let ends_open = !crate::analysis::sentences::ends_sentence(b.span.of(text));
    let next = blocks
        .get(u.block + 1)
        .filter(|n| n.kind == BlockKind::Paragraph);
    let sentence = next.and_then(|n| first_sentence_end(n.span.of(text)).map(|end| (n, end)));
    if let (true, BlockKind::Paragraph, Some((next, end))) = (ends_open, &b.kind, sentence) {
        let s = next.span.of(text);
        let mut tail: Vec<u32> = u.words.iter().rev().take(K - 1).rev().copied().collect();
        tail.extend(words.of(&s[..end]));
        let orig = units[original].words.windows(K).collect::<HashSet<_>>();
        let tri: Vec<&[u32]> = tail.windows(K).collect();
        let inside = tri.iter().filter(|t| orig.contains(*t)).count();
        if !tri.is_empty() && inside as f32 / tri.len() as f32 >= NEAR_APPLY {
            let after = &s[end..];
            let ws = after.len() - after.trim_start().len();
            return (Span::new(base.start, next.span.start + end + ws), true);
        }
    }
    (base, false)
}

/// Byte offset just past the first sentence of `s` (its terminal mark and
/// closing quotes), if a sentence ends before the end of `s` or at it.
fn first_sentence_end(s: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if matches!(c, '.' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, q)) = it.peek() {
                if matches!(q, '”' | '"' | '’' | '\'' | ')') {
                    end = j + q.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            match s[end..].chars().next() {
                None => return Some(end),
                Some(n) if n.is_whitespace() => return Some(end),
                _ => {}
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::passes::tests::run_pass;

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&super::Duplicates, t)
    }

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &edits(t))
    }

    const P: &str = "The river flooded the lower town in spring, and the council met twice to plan the repairs.";

    #[test]
    fn one_word_blocks_are_neither_units_nor_numbered() {
        let text = "Alpha\n\nbeta\n\nThe river rose.\n\nalpha\n";
        let doc = crate::parse::parse(text);
        let mut words = super::Words::default();
        let units = super::units(text, &doc, false, &mut words);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].words.len(), 3);
        // only the three words of the kept unit have ids
        assert_eq!(words.ids.len(), 3);
    }

    /// The search as it was before shingles were numbered: each unit's
    /// distinct shingles sorted, a list of units per shingle.
    fn find_sorted(units: &[super::Unit]) -> Vec<super::Found> {
        use super::{
            Found, HashMap, HashSet, K, Kind, MAX_POSTINGS, MIN_APPLY_WORDS, MIN_LENGTH_RATIO,
            MIN_NEAR_APPLY_WORDS, NEAR_APPLY, NEAR_PROPOSE, Shingle,
        };
        let sets: Vec<Vec<Shingle>> = units
            .iter()
            .map(|u| {
                let mut v: Vec<Shingle> = u.words.windows(K).map(|w| (w[0], w[1], w[2])).collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let mut index: HashMap<Shingle, Vec<usize>> = HashMap::default();
        let mut exact: HashMap<&[u32], usize> = HashMap::default();
        let mut gone: HashSet<usize> = HashSet::default();
        let mut out = Vec::new();
        for (j, u) in units.iter().enumerate() {
            let n = u.words.len();
            if gone.contains(&u.block) {
                continue;
            }
            let earlier = exact
                .get(u.words.as_slice())
                .copied()
                .filter(|&i| units[i].block != u.block);
            if let Some(i) = earlier {
                let confidence = if n >= MIN_APPLY_WORDS { 0.97 } else { 0.55 };
                out.push(Found {
                    unit: j,
                    original: i,
                    kind: Kind::Exact,
                    confidence,
                });
                if u.whole {
                    gone.insert(u.block);
                }
                continue;
            }
            exact.entry(u.words.as_slice()).or_insert(j);
            let a = &sets[j];
            let mut shared: Vec<usize> = Vec::new();
            for s in a {
                if let Some(list) = index.get(s).filter(|l| l.len() <= MAX_POSTINGS) {
                    shared.extend(list);
                }
            }
            shared.sort_unstable();
            let mut best: Option<(f32, usize)> = None;
            for run in shared.chunk_by(|x, y| x == y) {
                let (i, count) = (run[0], run.len());
                if units[i].block == u.block || a.is_empty() {
                    continue;
                }
                let c = count as f32 / a.len() as f32;
                if best.is_none_or(|(bc, _)| c > bc) {
                    best = Some((c, i));
                }
            }
            let mut is_dup = false;
            if let Some((c, i)) = best {
                let ratio =
                    a.len().min(sets[i].len()) as f32 / a.len().max(sets[i].len()).max(1) as f32;
                if c >= NEAR_PROPOSE
                    && ratio >= MIN_LENGTH_RATIO
                    && n >= MIN_APPLY_WORDS
                    && !u.heading
                {
                    let confidence = if c >= NEAR_APPLY && n >= MIN_NEAR_APPLY_WORDS {
                        0.9
                    } else {
                        0.6
                    };
                    out.push(Found {
                        unit: j,
                        original: i,
                        kind: Kind::Near(c),
                        confidence,
                    });
                    if u.whole {
                        gone.insert(u.block);
                    }
                    is_dup = true;
                }
            }
            if !is_dup {
                for s in a {
                    index.entry(*s).or_default().push(j);
                }
            }
        }
        out.sort_by_key(|f| f.unit);
        out
    }

    proptest::proptest! {
        #[test]
        fn numbered_shingles_find_what_sorted_sets_find(
            raw in proptest::collection::vec(
                (0usize..3, proptest::bool::ANY, proptest::bool::ANY,
                 proptest::collection::vec(0u32..4, 2..40)),
                0..90,
            )
        ) {
            let mut block = 0;
            let units: Vec<super::Unit> = raw
                .into_iter()
                .map(|(step, whole, heading, words)| {
                    block += step;
                    super::Unit {
                        block,
                        span: crate::span::Span::new(0, 0),
                        whole,
                        heading,
                        words,
                    }
                })
                .collect();
            let new = format!("{:?}", super::find(&units));
            proptest::prop_assert_eq!(new, format!("{:?}", find_sorted(&units)));
        }
    }

    #[test]
    fn a_unit_repeating_one_word_has_one_shingle() {
        let mut index = super::Shingles::default();
        let mut out = Vec::new();
        index.distinct(&[7; 50_000], 0, &mut out);
        assert_eq!(out, [0]);
        index.distinct(&[1, 2, 3, 1, 2, 3, 7, 7, 7], 1, &mut out);
        // 123, 231, 312, 237, 377 are new; 777 is the first unit's
        assert_eq!(out, [1, 2, 3, 4, 5, 0]);
        assert_eq!(index.heads.len(), 6);
    }

    #[test]
    fn words_are_numbered_by_their_lowercase_form() {
        let mut words = super::Words::default();
        // a capitalised word first met is stored lowercased, not as written
        let ids = words.of("The ÉTÉ the été river THE Été River rivers");
        assert_eq!(ids, [0, 1, 0, 1, 2, 0, 1, 2, 3]);
        assert_eq!(words.of("the ÉTÉ RIVERS"), [0, 1, 3]);
    }

    #[test]
    fn notes_name_the_line_of_the_original() {
        // the originals in another order than their copies, one named twice
        let q = "A second paragraph, about the harvest, that is also repeated further down.";
        let t = format!("Start.\n\n{P}\n\n{q}\n\n{q}\n\n{P}\r\rEnd.\n\n{P}");
        let notes: Vec<String> = edits(&t).into_iter().filter_map(|e| e.note).collect();
        let line = |n: usize| format!("repeats the text at line {n} exactly");
        assert_eq!(notes, [line(5), line(3), line(3)]);
    }

    #[test]
    fn an_exact_repeat_of_a_long_block_goes() {
        let t = format!("{P}\n\nA second, different paragraph.\n\n{P}\n\nEnd of the text.");
        assert_eq!(
            clean(&t),
            format!("{P}\n\nA second, different paragraph.\n\nEnd of the text.")
        );
    }

    #[test]
    fn a_repeated_caption_goes_with_its_credit_and_gap() {
        let cap = "Residents stand near a destroyed house in Ganja. (Photo by Xinhua reporter Zhang Ming)";
        let t = format!("Title\n\n{P}\n\n{cap}\n\n{cap}\n\nThe next paragraph of the article.\n");
        let c = crate::convert_text("t.txt", &t);
        assert_eq!(
            c.clean,
            format!(
                "Title\n\n{P}\n\nResidents stand near a destroyed house in Ganja.\n\nThe next paragraph of the article.\n"
            )
        );
    }

    #[test]
    fn a_caption_under_a_markdown_image_is_the_same_caption() {
        let cap =
            "Russian peacekeepers arrive in Stepanakert on November 10. (AP Photo/Sergei Grits)";
        let t = format!(
            "Title\n\n{P}\n\n![Peacekeepers](https://x.org/p.jpg)\n{cap}\n\n{cap}\n\nThe next paragraph of the article.\n"
        );
        let c = crate::convert_text("t.txt", &t);
        assert_eq!(
            c.clean.matches("Russian peacekeepers arrive").count(),
            1,
            "{}",
            c.clean
        );
    }

    #[test]
    fn a_gallery_title_three_times_stays_once() {
        let g =
            "Storm hits the coast! Ferries suspended and schools closed across the northern region";
        let t = format!(
            "{g}\n\nFirst caption of the storm pictures.\n\n{g}\n\nSecond caption.\n\n{g}\n\nThird caption here."
        );
        assert_eq!(clean(&t).matches("Storm hits").count(), 1);
    }

    #[test]
    fn a_shortened_copy_of_the_previous_paragraph_goes() {
        let long = "UNESCO. The agency has reaffirmed its support for the protection of cultural heritage in the region during the war. The committee, citing three earlier decisions, had asked for the return of looted objects to the museums. However, the agency did not send observers during the fighting. Its director later visited the region.";
        let short = "The agency has reaffirmed its support for the protection of cultural heritage in the region during the war. The committee, citing three earlier decisions, had asked for the return of looted objects to the museums. However, the agency did not send observers during the fighting.";
        let t = format!("{long}\n\n{short}\n\nNext paragraph.");
        assert_eq!(clean(&t), format!("{long}\n\nNext paragraph."));
    }

    #[test]
    fn a_copy_broken_by_a_page_takes_its_continuation() {
        let long = "Aims of the study. The study compares the harvests of the northern valleys over twenty years, the causes of their decline, and the policies adopted by the ministry during the drought and after the end of the Great Drought, etc.";
        let cut = "Aims of the study. The study compares the harvests of the northern valleys over twenty years, the causes of their decline, and the policies adopted by the ministry during the drought and after the end of the Great";
        let t = format!("{long}\n\n{cut}\n\nDrought, etc. One new sentence follows here.\n\nEnd.");
        assert_eq!(
            clean(&t),
            format!("{long}\n\nOne new sentence follows here.\n\nEnd.")
        );
    }

    #[test]
    fn short_repeats_are_only_proposed() {
        let t = "Conclusion\n\nThe first chapter ends here.\n\nConclusion of part two\n\nText.\n\nConclusion of part two\n\nMore.";
        assert_eq!(clean(t), t);
        let e = edits(t);
        assert_eq!(e.len(), 1);
        assert!(e[0].confidence < 0.8);
    }

    #[test]
    fn a_refrain_and_one_word_headings_stay() {
        let t =
            "Conclusion\n\nWe sang: “Over the hills”.\n\nConclusion\n\nWe sang: “Over the hills”.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn similar_but_distinct_paragraphs_stay() {
        let a = "The council met on Monday to discuss the budget for the new school and the road repairs in the old town.";
        let b = "The council met on Friday to discuss the budget for the harbour, the bridge and the new ferry line to the islands.";
        let t = format!("{a}\n\n{b}");
        assert!(edits(&t).is_empty());
    }

    #[test]
    fn a_title_quoted_in_a_paragraph_is_a_mention() {
        let t = "RIVERS AND FLOODS OF THE NORTHERN VALLEYS IN THE LATE MIDDLE AGES\n\nThis article, Rivers and floods of the northern valleys in the late Middle Ages, studies the records of eleven towns over three centuries and compares them with the chronicles of the monasteries and the tax rolls of the crown.";
        assert!(edits(t).is_empty(), "{:?}", edits(t));
    }

    /// Runs the pass over hand-built figure blocks (the parser of this
    /// branch does not make figures): `parts` are (head, caption, credit).
    fn figure_edits(parts: &[(&str, &str, &str)]) -> (String, Vec<Edit>) {
        use crate::document::{Block, BlockKind, Convention, Document, Figure, Meta};
        use crate::span::Span;
        let mut text = String::new();
        let mut blocks = Vec::new();
        for (head, caption, credit) in parts {
            let start = text.len();
            let mut put = |t: &str, sep: &str| {
                let s = text.len();
                text.push_str(t);
                let span = Span::new(s, text.len());
                text.push_str(sep);
                span
            };
            let h = put(head, "\n\n");
            let c = put(caption, " ");
            let r = put(credit, "");
            blocks.push(Block {
                kind: BlockKind::Figure(Box::new(Figure {
                    head: Some(h),
                    caption: Some(c),
                    credit: Some(r),
                })),
                span: Span::new(start, r.end),
                lead: None,
                inlines: Vec::new(),
            });
            text.push_str("\n\n");
        }
        let doc = Document {
            convention: Convention::BlankLines,
            blocks,
            meta: Meta::default(),
        };
        let mut edits = super::proposals(&text, &doc, false, "duplicates");
        edits.sort_by_key(|e| e.span);
        (text, edits)
    }

    #[test]
    fn a_repeated_gallery_item_goes_whole_and_credits_are_not_copies() {
        let head = "Storm hits the coast! Ferries suspended and schools closed across the region";
        let (text, e) = figure_edits(&[
            (
                head,
                "Waves break over the pier in the morning.",
                "Photo: AFP",
            ),
            (
                head,
                "Fishermen secure their boats before the storm arrives.",
                "Photo: AFP",
            ),
            (
                head,
                "Fishermen secure their boats before the storm arrives.",
                "Photo: AFP",
            ),
        ]);
        let applied: Vec<Edit> = e.iter().filter(|e| e.confidence >= 0.8).cloned().collect();
        let clean = crate::apply::apply(&text, &applied);
        assert_eq!(clean.matches("Storm hits").count(), 1, "{clean}");
        assert_eq!(clean.matches("Fishermen").count(), 1, "{clean}");
        // the third figure goes in one piece, credit included
        assert!(
            e.iter()
                .any(|e| e.before.starts_with(head) && e.before.contains("Photo: AFP"))
        );
        // no edit is about a credit alone
        assert!(e.iter().all(|e| e.before.trim() != "Photo: AFP"));
        // the first gallery title stays untouched: a later figure that
        // contains it is no reason to remove the first copy
        let first_end = text.find("Photo: AFP").unwrap_or(0);
        assert!(e.iter().all(|e| e.span.start > first_end), "{e:?}");
    }

    #[test]
    fn an_affiliation_under_each_author_of_a_title_page_stays() {
        let affiliation =
            "ID-IMAG\n51 avenue Jean Kuntzmann\n38330 Montbonnot Saint-Martin, France";
        let t = format!(
            "Bi-criteria Algorithm for Scheduling Jobs on Cluster Platforms\nPierre-François Dutot\n\nLionel Eyraud\n\n{affiliation}\n\n{affiliation}\n\npfdutot@imag.fr\n\nLionel.Eyraud@imag.fr\n\nABSTRACT\nWe describe a new algorithm for scheduling parallel jobs on clusters, and we analyse its two criteria in detail.\n\nKeywords: scheduling, clusters\n\n1. INTRODUCTION\nClusters are used by many people at once.\x0cThe second page goes on with the introduction.\n\nREFERENCES\n[1] A. Author. A title of a paper. Journal of Things, 2001.\n"
        );
        let c = crate::convert_text("paper.txt", &t);
        assert!(
            !c.edits.iter().any(|e| e.rule == "duplicates"),
            "{:?}",
            c.edits
        );
    }

    #[test]
    fn bibliography_entries_are_not_compared() {
        let t = "Text.\n\nReferences:\n\n1. Smith J. A long book about rivers and floods in the north. London 2001.\n2. Smith J. A long book about rivers and floods in the north. London 2001.";
        let e = edits(t);
        assert!(e.iter().all(|e| !e.before.contains("Smith")), "{e:?}");
    }
}
