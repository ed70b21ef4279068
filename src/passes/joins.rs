//! `joins`: paragraphs broken in two by a page end or a copy.
//!
//! A paragraph that ends without terminal punctuation, followed by one that
//! continues its sentence, is joined: the gap between them becomes one space.
//! "…was marked⏎⏎by the continuation…" → "…was marked by the continuation…".
//! The TEI body then writes the two blocks as one `p`.
//!
//! Evidence, strongest first:
//! - the next paragraph starts in lowercase (applied);
//! - the first ends on a word no sentence ends on (article, preposition,
//!   conjunction, determiner: "in the⏎⏎Karabakh conflict") (applied);
//! - the two words around the break occur together elsewhere in the document
//!   ("the Second⏎⏎Karabakh War" when "Second Karabakh" is used elsewhere)
//!   (applied);
//! - a long paragraph ends on a lowercase word and the next starts with a
//!   capitalised word that does not usually open a sentence ("does not fully
//!   support⏎⏎Azerbaijan's right") (applied, just above the threshold);
//! - a paragraph ends on a capitalised word after a function word ("the
//!   Second⏎⏎Karabakh") without other evidence (proposed).
//!
//! A heading the copy broke over lines — its number alone on a line
//! ("I.⏎INTRODUCTION", "4.⏎⏎Nested Trace Tree Formation"), or its words
//! wrapped — is put on one line: each break inside it becomes a space
//! (applied; not after a hyphen).
//!
//! Why it is safe: only two consecutive `Paragraph` blocks are joined, never a
//! heading, list item, figure or reference; a first block ending in `.`, `!`,
//! `?`, `:`, `;` or `…` is never joined, nor a next block opening with a
//! common sentence opener ("The", "However", …) unless the first block ends on
//! a function word.

use super::{Context, Pass, Proposals};
use crate::analysis::dictionary::is_common_word;
use crate::analysis::function_words::{FunctionWords, function_words};
use crate::analysis::sentences::ends_sentence;
use crate::document::{Block, BlockKind};
use crate::edit::{Category, Edit};
use crate::profile::Lang;
use crate::span::Span;
use foldhash::{HashMap, HashSet};

/// See the module documentation.
pub struct Joins;

/// A block continued in lowercase is joined (not just proposed) from this
/// many words: shorter lines may be verse.
const MIN_PROSE_WORDS: usize = 6;

/// A paragraph ending on a lowercase word is long enough to be a cut
/// sentence, not a title-like line, from this many words.
const MIN_LONG_WORDS: usize = 12;

impl Pass for Joins {
    fn id(&self) -> &'static str {
        "joins"
    }

    fn description(&self) -> &'static str {
        "Paragraphs broken mid-sentence (by a page end or a copy) joined when the next one continues the sentence; doubtful joins proposed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let fw = function_words();
        let text = cx.text;
        let blocks = &cx.doc.blocks;
        let mut pairs = PairEvidence::new(text, blocks);
        let mut words: Option<HashSet<String>> = None;
        // only page furniture: a page end cuts sentences where it falls,
        // while a removed duplicate or boilerplate block stood between
        // paragraphs that were never one (a cut paragraph before a removed
        // copy is a fragment)
        heading_lines(text, blocks, out);
        let removed = super::removed_blocks(cx, out, super::is_page_furniture);
        let removals = furniture_removals(cx, out);
        // paragraphs joined so far (first block -> the block joined to it),
        // and the notes and captions to move after the paragraph they cut
        let mut joined: HashMap<usize, usize> = HashMap::default();
        let mut moves: Vec<Move> = Vec::new();
        for (i, a) in blocks.iter().enumerate() {
            if removed[i] {
                continue;
            }
            // the next block that stays: page furniture between the halves
            // of a paragraph goes, and the halves join across it
            let Some(j) = (i + 1..blocks.len()).find(|&j| !removed[j]) else {
                break;
            };
            let b = &blocks[j];
            let first = a.span.of(text);
            // the next paragraph as it will read: a page number or running
            // head on its first lines goes
            let second = &text[reading_start(&removals, b.span)..b.span.end];
            // a word broken by a hyphen at the end of a line that the
            // parser took for a heading, or before a page number it took
            // for an item's label, is running text all the same
            let prose = |k: &BlockKind| {
                matches!(
                    k,
                    BlockKind::Paragraph | BlockKind::Head { .. } | BlockKind::Item { .. }
                )
            };
            if prose(&a.kind)
                && prose(&b.kind)
                && let Some((span, after, confidence, note)) =
                    hyphen_break(text, a.span, second, blocks[i + 1].span.start, &mut words)
            {
                out.edits.push(
                    Edit::new(text, span, after, self.id(), Category::Layout, confidence)
                        .with_note(note),
                );
                continue;
            }
            if a.kind == BlockKind::Paragraph && movable(text, b) {
                let evidence = (&removed[..], &removals, &mut pairs, &mut words);
                if let Some(m) = across(cx, out, i, j, evidence) {
                    joined.insert(i, m.second);
                    moves.push(m);
                }
                continue;
            }
            if a.kind != BlockKind::Paragraph || b.kind != BlockKind::Paragraph {
                continue;
            }
            let second = b.span.of(text);
            // a table's column or a list laid out one entry a line (the
            // benchmarks' names, then "Loops⏎25⏎5"): no half of a sentence
            if column(first.lines().rev())
                || column(second.lines())
                || label_and_value(first, second)
            {
                continue;
            }
            let mut has_pair = |pair: &(&str, &str)| pairs.has(*pair);
            let english = cx.profile.block_lang(i) == Lang::EN;
            let Some(judgement) = judge(first, second, fw, english, &mut has_pair) else {
                continue;
            };
            let gap = Span::new(a.span.end, blocks[i + 1].span.start);
            // "(" then a break: no space, as the spacing rule would have it
            let glue = if crate::analysis::spacing::space_goes_between(first, second) {
                ""
            } else {
                " "
            };
            if judgement.0 >= cx.options.min_confidence {
                joined.insert(i, j);
            }
            out.edits.push(
                Edit::new(text, gap, glue, self.id(), Category::Layout, judgement.0)
                    .with_note(judgement.1),
            );
        }
        // after the whole paragraph, however many breaks it spans: the
        // moves into one paragraph are one insertion
        let mut into: Vec<(usize, Move)> = Vec::new();
        for m in moves {
            let mut last = m.second;
            while let Some(&next) = joined.get(&last) {
                last = next;
            }
            match into.last_mut() {
                Some((l, prev)) if *l == last => {
                    prev.moved.extend(m.moved);
                    prev.joins += m.joins;
                    prev.confidence = prev.confidence.min(m.confidence);
                    if prev.what != m.what {
                        prev.what = "a footnote and a caption";
                    }
                }
                _ => into.push((last, m)),
            }
        }
        for (last, m) in into {
            let at = blocks[last].span.end;
            // each block as it will read, after a blank line
            let mut moved = String::new();
            let mut carried = Vec::new();
            for &k in &m.moved {
                moved.push_str("\n\n");
                moved.push_str(&reading(cx, out, blocks[k].span, &mut carried));
            }
            let carried = if carried.is_empty() {
                String::new()
            } else {
                format!(" (as it reads: {})", carried.join("; "))
            };
            out.edits.push(
                Edit::new(
                    text,
                    Span::new(at, at),
                    moved,
                    MOVED,
                    Category::Layout,
                    m.confidence,
                )
                .with_note(format!(
                    "{} moved after the paragraph it cut{carried}: {}{}",
                    m.what,
                    m.moved.len() + m.joins,
                    MOVED_BLOCKS
                )),
            );
        }
    }
}

/// How an insertion of [`MOVED`] says how many edits before it make the
/// move with it (the joins, and a deletion for each block it puts back).
const MOVED_BLOCKS: &str = " edit(s) before it make the move";

/// Keeps each move whole after the decision: the edits taking footnotes
/// and captions out and the one putting them back after the paragraph are
/// applied together or not at all (a rule or a reviewer may have kept one
/// and not the other); a move half applied is made a proposal. `edits`
/// sorted by span, as decided: a move's insertion comes after the
/// deletions it puts back, and before the next move's.
pub(crate) fn keep_moves_whole(edits: &mut [Edit]) {
    let mut from = 0;
    for k in 0..edits.len() {
        let e = &edits[k];
        if e.rule != MOVED || !e.span.is_empty() {
            continue;
        }
        let expected: usize = e
            .note
            .as_deref()
            .and_then(|n| n.find(MOVED_BLOCKS).map(|k| &n[..k]))
            .and_then(|n| n.rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let parts: Vec<usize> = (from..k)
            .filter(|&d| edits[d].rule == MOVED && !edits[d].span.is_empty())
            .collect();
        let whole = parts.len() == expected
            && e.is_applied()
            && parts.iter().all(|&d| edits[d].is_applied());
        if !whole {
            for d in parts.into_iter().chain([k]) {
                edits[d].status = crate::edit::Status::Suggested;
            }
        }
        from = k + 1;
    }
}

/// Rule id of the edits that move a footnote or a caption out of a
/// paragraph cut by it: the join of the paragraph's halves, one taking it
/// out where it stands, one putting it back after the paragraph; all carry
/// the join's confidence, and are applied together or not at all.
pub const MOVED: &str = "joins/moved";

/// A footnote or caption to put after the paragraph it cut.
struct Move {
    /// The block of the paragraph's second half.
    second: usize,
    /// The blocks that move.
    moved: Vec<usize>,
    /// The joins of the paragraph's halves the move goes with.
    joins: usize,
    confidence: f32,
    /// "a footnote", "a caption", "a footnote and a caption".
    what: &'static str,
}

/// A block that may stand between the halves of a paragraph without
/// belonging to it: a footnote at the page's foot, or a figure's or
/// table's caption ("Figure 8. …"), which float where the page puts them.
fn movable(text: &str, b: &Block) -> bool {
    match b.kind {
        BlockKind::Note { .. } => true,
        BlockKind::Paragraph | BlockKind::Item { .. } => {
            crate::parse::figure::caption_label(b.span.of(text)).is_some()
        }
        _ => false,
    }
}

/// Fewest words a line of the first half of a paragraph cut by a
/// footnote or caption has on average (and twice that in all): a wrapped
/// line of running text holds more, a column of a table fewer.
const MIN_WORDS_A_LINE: usize = 6;

/// Least confidence of a join across a footnote or caption: the sentence
/// must go on in lowercase or stop on a function word.
const MIN_ACROSS: f32 = 0.85;

/// Paragraph `i` cut by the footnotes and captions from block `j` on (and
/// page furniture between them): when the next paragraph after them
/// continues its sentence, the join over the gap after `i` and the edits
/// taking the notes and captions out are pushed, and the move is returned
/// to be put after the paragraph once its end is known.
fn across(
    cx: &Context<'_>,
    out: &mut Proposals,
    i: usize,
    j: usize,
    (removed, removals, pairs, words): Evidence<'_, '_>,
) -> Option<Move> {
    let text = cx.text;
    let blocks = &cx.doc.blocks;
    let mut moved = Vec::new();
    let mut k = j;
    while k < blocks.len() && (removed[k] || movable(text, &blocks[k])) {
        if !removed[k] {
            moved.push(k);
        }
        k += 1;
    }
    let b = blocks.get(k)?;
    let verbatim = |x: usize| cx.profile.verbatim_block(x).is_some();
    if b.kind != BlockKind::Paragraph
        || b.lead.is_some()
        || moved.is_empty()
        || verbatim(i)
        || verbatim(k)
    {
        return None;
    }
    let first = blocks[i].span.of(text);
    // the first half is running text, not a column of a table's labels
    // (short lines, no sentence, just above a caption too)
    let lines = first.lines().count().max(1);
    if first.split_whitespace().count() < MIN_WORDS_A_LINE * lines.max(2) {
        return None;
    }
    let second = &text[reading_start(removals, b.span)..b.span.end];
    let mut has_pair = |pair: &(&str, &str)| pairs.has(*pair);
    let english = cx.profile.block_lang(i) == Lang::EN;
    let (confidence, why) = judge(first, second, function_words(), english, &mut has_pair)?;
    if confidence < MIN_ACROSS {
        return None;
    }
    // taken out whole, so nothing else may take out or rewrite what moves
    // (a spacing fix inside it is carried along, and a layout repair the
    // move outranks)
    let spans: Vec<Span> = moved
        .iter()
        .map(|&m| Span::new(blocks[m].span.start, blocks[m + 1].span.start))
        .collect();
    let carried = |e: &Edit| match e.category {
        Category::Whitespace | Category::Unicode | Category::Encoding => true,
        Category::Layout => e.confidence <= confidence && !super::is_page_furniture(e),
        _ => false,
    };
    if out
        .edits
        .iter()
        .any(|e| !carried(e) && spans.iter().any(|s| s.overlaps(e.span)))
    {
        return None;
    }
    for &m in &moved {
        inner_hyphen_breaks(text, blocks[m].span, words, out);
    }
    let notes = moved
        .iter()
        .filter(|&&m| matches!(blocks[m].kind, BlockKind::Note { .. }))
        .count();
    let what = match (notes, moved.len() - notes) {
        (_, 0) => "a footnote",
        (0, _) => "a caption",
        _ => "a footnote and a caption",
    };
    let glue = if crate::analysis::spacing::space_goes_between(first, second) {
        ""
    } else {
        " "
    };
    let gap = Span::new(blocks[i].span.end, blocks[i + 1].span.start);
    out.edits.push(
        Edit::new(text, gap, glue, MOVED, Category::Layout, confidence)
            .with_note(format!("{why}, across {what} (moved after the paragraph)")),
    );
    for s in spans {
        out.edits.push(
            Edit::new(text, s, "", MOVED, Category::Layout, confidence).with_note(format!(
                "{what} cutting a paragraph, taken out here and put after the paragraph (one move)"
            )),
        );
    }
    Some(Move {
        second: k,
        moved,
        joins: 1,
        confidence,
        what,
    })
}

/// How many lines at the side of a break [`column`] reads.
const COLUMN_LINES: usize = 8;

/// Most words of a line of a column (a label, a menu entry, a cell).
const COLUMN_WORDS: usize = 4;

/// Whether `lines` (a block's lines from the side of the break) are laid
/// out as a column — three or more, nearly all of a few words, or two of a
/// few words each — not as running text wrapped at a line's width, where
/// a line before another is full. (Two short lines are a column's head
/// when the parser took the rows of numbers under them for a table.)
fn column<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut n, mut short) = (0, 0);
    for line in lines.take(COLUMN_LINES) {
        n += 1;
        if line.split_whitespace().nth(COLUMN_WORDS).is_none() {
            short += 1;
        }
    }
    (n >= 3 && short * 4 >= n * 3) || (n == 2 && short == 2)
}

/// Most words of a value standing alone after its label.
const VALUE_WORDS: usize = 2;

/// Whether `first` ends with a label's short line and `second` is a value
/// of a word or two on one line ("difficulty⏎⏎easy", "prep time⏎⏎60
/// min."): a data sheet's field, as recipes and product pages lay them
/// out, not a sentence broken in two. A sentence's last words broken off
/// at a page or a column's end end on a mark or run on.
fn label_and_value(first: &str, second: &str) -> bool {
    let second = second.trim();
    let label = first.lines().next_back().unwrap_or(first);
    !second.contains('\n')
        && second.split_whitespace().nth(VALUE_WORDS).is_none()
        && label.split_whitespace().nth(COLUMN_WORDS).is_none()
        && !second.ends_with(['.', '!', '?', ',', ';', ':'])
}

/// What [`across`] reads besides the blocks: the blocks taken out as page
/// furniture, where those removals end, the word pairs of the document and
/// its words.
type Evidence<'a, 'b> = (
    &'a [bool],
    &'a HashMap<usize, usize>,
    &'a mut PairEvidence<'b>,
    &'a mut Option<HashSet<String>>,
);

/// Words broken by a hyphen at a blank line inside `span` (a footnote
/// pdftotext cut at a column's foot): the edits rejoining them, as
/// between two blocks.
fn inner_hyphen_breaks(
    text: &str,
    span: Span,
    words: &mut Option<HashSet<String>>,
    out: &mut Proposals,
) {
    let s = span.of(text);
    let mut from = 0;
    while let Some(k) = s[from..].find("\n\n") {
        let line_end = from + k;
        let rest = s[line_end..].trim_start();
        let next = s.len() - rest.len();
        from = next.max(line_end + 2);
        let a = Span::new(span.start, span.start + line_end);
        if let Some((at, after, confidence, note)) =
            hyphen_break(text, a, rest, span.start + next, words)
        {
            out.edits.push(
                Edit::new(text, at, after, "joins", Category::Layout, confidence).with_note(note),
            );
        }
    }
}

/// The text of `span` with the confident edits proposed inside it so far
/// (a word rejoined, a space fixed) carried out: what moves is the block
/// as it will read.
fn reading(cx: &Context<'_>, out: &Proposals, span: Span, carried: &mut Vec<String>) -> String {
    let mut inside: Vec<&Edit> = out
        .edits
        .iter()
        .filter(|e| span.contains(e.span) && e.confidence >= cx.options.min_confidence)
        .collect();
    inside.sort_by_key(|e| (e.span.start, e.span.end));
    let mut s = String::new();
    let mut pos = span.start;
    for e in inside {
        if e.span.start < pos {
            continue;
        }
        s.push_str(&cx.text[pos..e.span.start]);
        s.push_str(&e.after);
        pos = e.span.end;
        if !e.is_whitespace_only()
            && let Some(n) = &e.note
        {
            carried.push(format!("{} ({})", n, e.rule));
        }
    }
    s.push_str(&cx.text[pos..span.end]);
    s
}

/// Confidence of a heading put on one line (a change of spacing only).
const HEADING_LINES: f32 = 0.9;

/// The line breaks inside headings (blocks of one line but for a copy's
/// breaks) become spaces; a break after a hyphen is left to the reader.
fn heading_lines(text: &str, blocks: &[Block], out: &mut Proposals) {
    for b in blocks {
        if !matches!(b.kind, BlockKind::Head { .. }) {
            continue;
        }
        let s = b.span.of(text);
        let mut at = 0;
        while let Some(i) = s[at..].find(['\n', '\r']) {
            let before = s[..at + i].trim_end();
            let after = s[at + i..].trim_start();
            let (gap_start, gap_end) = (before.len(), s.len() - after.len());
            at = gap_end;
            if before.ends_with(['-', '\u{ad}', '‐']) {
                continue;
            }
            let gap = Span::new(b.span.start + gap_start, b.span.start + gap_end);
            out.edits.push(
                Edit::new(text, gap, " ", "joins", Category::Layout, HEADING_LINES).with_note(
                    "a heading broken over lines by the copy (its number alone on a line, or its words wrapped) put on one line",
                ),
            );
        }
    }
}

/// Where each applied removal of page furniture starts, and where it ends
/// (the first such edit at a start, as the log lists them): built once, so
/// finding where a block's reading text starts costs a lookup, not a walk
/// over every edit of the document for every block.
fn furniture_removals(cx: &Context<'_>, out: &Proposals) -> HashMap<usize, usize> {
    let mut ends = HashMap::default();
    for e in &out.edits {
        crate::work::read(1);
        if e.span.end > e.span.start
            && e.confidence >= cx.options.min_confidence
            && super::is_page_furniture(e)
        {
            ends.entry(e.span.start).or_insert(e.span.end);
        }
    }
    ends
}

/// Where the reading text of `span` starts: past the page furniture that
/// applied removals (`removals`, see [`furniture_removals`]) take from its
/// start.
fn reading_start(removals: &HashMap<usize, usize>, span: Span) -> usize {
    let mut start = span.start;
    while let Some(&end) = removals.get(&start) {
        crate::work::read(1);
        let next = end.min(span.end);
        if next == start {
            break;
        }
        start = next;
    }
    start
}

/// A word broken at the end of paragraph `a` by a hyphen ("rep-") and
/// continued at the start of `second` ("resentations …"): the edit joining
/// them (span from the hyphen to `next_start`, the replacement, confidence
/// and note). Without the hyphen when the joined word is attested (in the
/// document, else in the word list), with it when the hyphenated compound
/// is (in the document); proposed without either.
fn hyphen_break(
    text: &str,
    a: Span,
    second: &str,
    next_start: usize,
    words: &mut Option<HashSet<String>>,
) -> Option<(Span, &'static str, f32, String)> {
    let first = a.of(text);
    let hyphen = first
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '\u{ad}' | '‐'))?;
    let stem_at = first.len() - hyphen.len_utf8();
    let head: String = first[..stem_at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = second.chars().take_while(|c| c.is_alphabetic()).collect();
    if head.is_empty() || !tail.starts_with(char::is_lowercase) {
        return None;
    }
    let joined = format!("{head}{tail}").to_lowercase();
    let compound = format!("{head}-{tail}").to_lowercase();
    let doc = words.get_or_insert_with(|| {
        text.split(|c: char| !c.is_alphabetic() && c != '-')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    });
    let span = Span::new(a.start + stem_at, next_start);
    let whole = Span::new(a.end, next_start);
    if doc.contains(&joined) {
        Some((
            span,
            "",
            0.9,
            format!("a word broken at a line end: “{joined}” occurs in the document"),
        ))
    } else if doc.contains(&compound) {
        Some((
            whole,
            "",
            0.9,
            format!("a compound broken at its hyphen: “{compound}” occurs in the document"),
        ))
    } else if is_common_word(&joined) {
        Some((
            span,
            "",
            0.85,
            format!("a word broken at a line end: “{joined}” is in the word list"),
        ))
    } else {
        Some((
            span,
            "",
            0.6,
            format!("a word broken at a line end? “{joined}” is attested nowhere"),
        ))
    }
}

fn last_words(s: &str, n: usize) -> Vec<&str> {
    let mut v: Vec<&str> = s.split_whitespace().rev().take(n).collect();
    v.reverse();
    v
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Confidence and note for joining `first` and `second`, if they should be.
fn judge(
    first: &str,
    second: &str,
    fw: &FunctionWords,
    english: bool,
    has_pair: &mut dyn FnMut(&(&str, &str)) -> bool,
) -> Option<(f32, String)> {
    if ends_sentence(first) {
        return None;
    }
    let n_first = first.split_whitespace().count();
    let last = bare(last_words(first, 1).first()?);
    let next_word_raw = second.split_whitespace().next()?;
    let next = bare(next_word_raw);
    let c0 = second.chars().next()?;
    if n_first < 3 || last.is_empty() || next.is_empty() {
        return None;
    }
    // "a)" "i." "1." open list items, not continuations
    if next_word_raw.len() <= 3 && next_word_raw.ends_with([')', '.']) {
        return None;
    }
    let last_lower = last.to_lowercase();
    let open_end = fw.is_function(&last_lower);
    if c0.is_lowercase() {
        // short lines continued in lowercase are also how verse and
        // addresses are laid out: only proposed
        if n_first < MIN_PROSE_WORDS && !open_end {
            return Some((0.6, "a short line continued in lowercase (verse?)".into()));
        }
        return Some((
            0.9,
            "the next paragraph continues the sentence in lowercase".into(),
        ));
    }
    // the words that end no sentence and those that open one are English
    // lists: in another language a capital after the break says nothing
    if !english || !(c0.is_uppercase() || c0.is_numeric()) {
        return None;
    }
    if open_end {
        return Some((
            0.85,
            format!("the paragraph ends on “{last}”, which no sentence ends on"),
        ));
    }
    let next_lower = next.to_lowercase();
    if fw.sentence_openers.contains(&next_lower) {
        return None;
    }
    let last_cap = last.chars().next().is_some_and(char::is_uppercase);
    if last_cap || last.chars().next().is_some_and(char::is_numeric) {
        // "the Second⏎⏎Karabakh": a name cut in two
        let pair = (last, without_possessive(next));
        if has_pair(&pair) {
            return Some((
                0.85,
                format!("“{} {}” occurs elsewhere in the document", pair.0, pair.1),
            ));
        }
        let before = last_words(first, 2);
        if before.len() == 2 && fw.is_function(&bare(before[0]).to_lowercase()) && c0.is_uppercase()
        {
            return Some((0.6, "a name may continue in the next paragraph".into()));
        }
        return None;
    }
    // a quotation closed at the paragraph's end ends what was said
    let quoted = first.trim_end().ends_with(['"', '”', '»', '“', '\'', '’']);
    if n_first >= MIN_LONG_WORDS
        && !quoted
        && second.split_whitespace().count() >= 4
        && c0.is_uppercase()
    {
        return Some((
            0.82,
            "a long paragraph stops on a lowercase word without punctuation; the next one starts with a word that does not usually open a sentence".into(),
        ));
    }
    None
}

/// `w` without its possessive endings ("’s", then "'s", each as often as
/// repeated): `strip_suffix` in a loop, as a string pattern in
/// `trim_end_matches` sets up a substring searcher on every call.
fn without_possessive(w: &str) -> &str {
    fn strip<'a>(mut w: &'a str, suffix: &str) -> &'a str {
        while let Some(rest) = w.strip_suffix(suffix) {
            w = rest;
        }
        w
    }
    strip(strip(w, "’s"), "'s")
}

/// A document is searched for a pair this many times before the set of all
/// its pairs is built instead: a search costs a fraction of an instruction
/// a byte, the set some fifty, and most documents ask about a few pairs
/// only; past this, a document with many name-like breaks costs no more than
/// the set.
const SEARCHES_BEFORE_SET: usize = 16;

/// Answers "do these two words stand side by side elsewhere in the
/// document", as [`doc_bigrams`] would, by searching the blocks for the first
/// word while few pairs were asked about, then from the set.
struct PairEvidence<'a> {
    text: &'a str,
    blocks: &'a [Block],
    searches: usize,
    set: Option<HashSet<(&'a str, &'a str)>>,
}

impl<'a> PairEvidence<'a> {
    fn new(text: &'a str, blocks: &'a [Block]) -> Self {
        PairEvidence {
            text,
            blocks,
            searches: 0,
            set: None,
        }
    }

    fn blocks(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let text = self.text;
        self.blocks.iter().map(move |b| b.span.of(text))
    }

    fn has(&mut self, pair: (&str, &str)) -> bool {
        if self.set.is_none() && self.searches < SEARCHES_BEFORE_SET {
            self.searches += 1;
            return pair_in_blocks(self.blocks(), pair);
        }
        let blocks = self.blocks();
        self.set
            .get_or_insert_with(|| doc_bigrams(blocks))
            .contains(&pair)
    }
}

/// True if `pair` is in [`doc_bigrams`] of `blocks`, found without it: the
/// first word of a pair holds the pair's first word (non-empty), so each
/// place the first word occurs is read as `doc_bigrams` reads its words.
/// The search goes on after the word holding a hit, so no text is read
/// twice, even in a block that is one long word.
fn pair_in_blocks<'a>(blocks: impl Iterator<Item = &'a str>, (x0, y0): (&str, &str)) -> bool {
    // the first word of a pair ends on a letter or digit: never bare
    if x0.is_empty() {
        return false;
    }
    let finder = memchr::memmem::Finder::new(x0);
    for s in blocks {
        let mut from = 0;
        while let Some(hit) = finder.find(&s.as_bytes()[from..]) {
            // a valid UTF-8 needle starts on a character boundary
            let p = from + hit;
            let start = s[from..p]
                .char_indices()
                .rev()
                .find(|&(_, c)| c.is_whitespace())
                .map_or(from, |(i, c)| from + i + c.len_utf8());
            let end = s[p..].find(char::is_whitespace).map_or(s.len(), |i| p + i);
            let x = &s[start..end];
            if !x.ends_with(|c: char| !c.is_alphanumeric())
                && bare(x) == x0
                && s[end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|y| without_possessive(bare(y)) == y0)
            {
                return true;
            }
            from = end;
        }
    }
    false
}

/// Adjacent word pairs used inside the document's blocks (pairs never span
/// blocks, so a break itself is never counted as evidence for itself),
/// borrowed from the text.
fn doc_bigrams<'a>(blocks: impl Iterator<Item = &'a str>) -> HashSet<(&'a str, &'a str)> {
    let mut out = HashSet::default();
    for b in blocks {
        let ws = b.split_whitespace();
        for (x, y) in ws.clone().zip(ws.skip(1)) {
            if x.ends_with(|c: char| !c.is_alphanumeric()) {
                continue;
            }
            let y = bare(y);
            out.insert((bare(x), without_possessive(y)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::passes::tests::{run_pass, run_pass_in};
    use crate::span::Span;

    /// A title first, so that the case's first block is read as text by any
    /// parser (a first line may be taken for the document title).
    const TITLE: &str = "Notes on the Text\n\n";

    /// The rule's edits on `t` read as English (the language its word
    /// lists are for).
    fn edits(t: &str) -> Vec<Edit> {
        run_pass_in(&super::Joins, &format!("{TITLE}{t}"), "en")
    }

    #[test]
    fn a_paragraph_broken_around_page_furniture_is_joined_across_it() {
        let t = format!(
            "{TITLE}Turkey supported Azerbaijan from the first day of the war. The principle of one nation, two states has been the basis of relations between the two\n\nEuropean Journal of Political Science Studies, Vol. 5, 2021\n\n14\n\ncountries since 1991, and it was repeated in 2020.\n\nThe end."
        );
        let c = crate::convert_text("t.txt", &t);
        assert_eq!(
            c.clean,
            format!(
                "{TITLE}Turkey supported Azerbaijan from the first day of the war. The principle of one nation, two states has been the basis of relations between the two countries since 1991, and it was repeated in 2020.\n\nThe end."
            )
        );
        // the TEI has one paragraph holding the furniture as fw
        let tei = crate::emit::Format::Tei.render(&c);
        let p = tei
            .split("<p>")
            .find(|p| p.contains("between the two"))
            .expect("the paragraph");
        assert!(p.contains("countries since 1991"), "{p}");
        assert!(p.contains(">14</fw>"), "{p}");
    }

    fn clean(t: &str) -> String {
        let applied: Vec<Edit> = edits(t)
            .into_iter()
            .filter(|e| e.confidence >= 0.8)
            .collect();
        let full = format!("{TITLE}{t}");
        crate::apply::apply(&full, &applied)[TITLE.len()..].to_owned()
    }

    proptest::proptest! {
        /// The search finds a pair exactly when the set of all pairs holds
        /// it, with words that repeat, possessives, punctuation around words
        /// and whitespace that is not ASCII.
        #[test]
        fn the_pair_search_answers_as_the_set_of_all_pairs(
            blocks in proptest::collection::vec("([ab]|Ab|b’s|a's|\\(a|b,|é| |\u{a0}|\n){0,24}", 0..4),
            x in "(a|b|Ab|é|)",
            y in "(a|b|Ab|é|)",
        ) {
            let set = super::doc_bigrams(blocks.iter().map(String::as_str));
            let found = super::pair_in_blocks(blocks.iter().map(String::as_str), (&x, &y));
            proptest::prop_assert_eq!(found, set.contains(&(x.as_str(), y.as_str())));
        }
    }

    #[test]
    fn pairs_asked_about_after_the_searches_are_answered_from_the_set() {
        let t = "Later, Name17 Body17 and the others left.\n\nName3\n\nBody3 came.";
        let doc = crate::parse::parse(t);
        let mut pairs = super::PairEvidence::new(t, &doc.blocks);
        for k in 0..super::SEARCHES_BEFORE_SET {
            assert!(!pairs.has((&format!("Name{k}"), &format!("Body{k}"))));
        }
        assert!(pairs.set.is_none());
        assert!(pairs.has(("Name17", "Body17")));
        assert!(!pairs.has(("Name3", "Body3")));
        assert!(pairs.set.is_some());
    }

    #[test]
    fn possessive_endings_go_as_trim_end_matches_takes_them() {
        for w in [
            "Karabakh’s",
            "Karabakh's",
            "x’s's",
            "x's’s",
            "’s",
            "s",
            "Baku",
        ] {
            assert_eq!(
                super::without_possessive(w),
                w.trim_end_matches("’s").trim_end_matches("'s"),
                "{w}"
            );
        }
    }

    #[test]
    fn a_move_half_applied_is_made_a_proposal() {
        use crate::edit::{Category, Status};
        let t = "one two, and\n\n3 A note.\n\nthe rest.";
        let join = Edit::new(
            t,
            Span::new(12, 14),
            " ",
            super::MOVED,
            Category::Layout,
            0.9,
        );
        let out = Edit::new(
            t,
            Span::new(14, 25),
            "",
            super::MOVED,
            Category::Layout,
            0.9,
        );
        let back = Edit::new(
            t,
            Span::new(34, 34),
            "\n\n3 A note.",
            super::MOVED,
            Category::Layout,
            0.9,
        )
        .with_note(format!(
            "a footnote moved after the paragraph it cut: 2{}",
            super::MOVED_BLOCKS
        ));
        // whole: all stay applied
        let mut whole = vec![join.clone(), out.clone(), back.clone()];
        super::keep_moves_whole(&mut whole);
        assert!(whole.iter().all(Edit::is_applied));
        // the deletion lost to another edit: the rest is only proposed
        let mut half = vec![join, back];
        super::keep_moves_whole(&mut half);
        assert!(half.iter().all(|e| e.status == Status::Suggested));
    }

    #[test]
    fn a_table_column_above_a_caption_is_no_half_of_a_paragraph() {
        let t = "x\x0cThe heuristic considers the set of values in registers after the current instruction. Then the\n\nDescription\nan integer\npointer to an object\n\nFigure 9. Tagged values of the interpreter.\n\nheuristic selects the value with the least use, which frees a register.";
        let c = crate::convert_text("t.txt", t);
        assert!(
            !c.edits.iter().any(|e| e.rule == super::MOVED),
            "{:?}",
            c.edits
        );
    }

    /// Asserts the rule joins nothing in `t`.
    fn joins_nothing(t: &str) {
        let e = edits(t);
        assert!(!e.iter().any(|e| e.rule == "joins"), "{e:?}");
    }

    #[test]
    fn a_paragraph_is_not_joined_to_a_table_column_after_it() {
        let t = "Let vm be the last instruction before the current one where each value is referred to. Then the\n\nTag\nxx1\n000\n010\n100\n\nJS Type\nnumber\nobject";
        joins_nothing(t);
        // the column's head alone, its rows of numbers taken for a table
        let t = "Let vm be the last instruction before the current one where each value is referred to. Then the\n\nTag\nxx1";
        joins_nothing(t);
    }

    #[test]
    fn a_data_sheet_label_is_not_joined_to_its_value() {
        let t = "Pierogi with buckwheat groats and a white cheese filling\ndifficulty level\n\neasy\n\npreparation time\n60 min.";
        joins_nothing(t);
        // a sentence's last words carried over still join
        let t = "After the long and bitter winter, the year that followed\nthe great flood was\n\nquiet.";
        assert!(clean(t).contains("flood was quiet."), "{}", clean(t));
    }

    #[test]
    fn a_list_laid_out_one_entry_a_line_is_not_joined_to_the_next_column() {
        let t = "3d-morph\nbitops-bits-in-byte\nbitops-bitwise-and\nstring-validate-input\n\nLoops\n25\n5\n10\n0";
        joins_nothing(t);
        // running text wrapped at a line's width still joins
        let t = "After the long and bitter winter, the year that followed\nthe great flood of the lower valley and its towns\nwas marked\n\nby a slow return of the villagers to their homes.";
        assert!(clean(t).contains("was marked by a slow return"));
    }

    #[test]
    fn a_paragraph_ending_on_a_closed_quotation_is_not_joined_to_a_capital() {
        let t = "It rained for weeks. The minister said after the long meeting with the unions on Tuesday that \"we will not give in to their demands\"\n\nReuters reported the meeting lasted for six hours in all.";
        joins_nothing(t);
    }

    #[test]
    fn a_capital_after_the_break_joins_only_in_english() {
        // (in English: `a_function_word_at_the_break_joins`)
        let polish = format!(
            "{TITLE}Pierogi z dynią w sosie szałwiowym to danie, które przygotujesz w godzinę, a smakuje wszystkim domownikom bez wyjątku\n\nPierogi to klasyczne danie nie tylko kuchni polskiej, ale i ukraińskiej oraz litewskiej."
        );
        let e = run_pass_in(&super::Joins, &polish, "pl");
        assert!(!e.iter().any(|e| e.rule == "joins"), "{e:?}");
    }

    #[test]
    fn lowercase_continuation_is_joined() {
        let t = "After the long and bitter winter, the year that followed the great flood of the lower valley and its towns was marked\n\nby a slow return of the villagers to their homes.";
        assert!(clean(t).contains("was marked by a slow return"));
    }

    #[test]
    fn the_join_puts_no_space_where_the_spacing_rule_would_take_it() {
        let t = "It rained for weeks. After the long and bitter winter, the year that followed the great flood of the lower valley was marked(\n\nsee the table below) by a slow return of the villagers to their homes.";
        assert!(
            clean(t).contains("was marked(see the table below)"),
            "{:?}",
            edits(t)
        );
    }

    #[test]
    fn verse_lines_are_only_proposed() {
        // one paragraph a line (no blank lines): each verse line is a block
        let t = "A Poem for the Garden\nRoses are red,\nviolets are blue,\nsugar is sweet,\nand so are you.";
        let e = run_pass(&super::Joins, t);
        assert!(!e.is_empty());
        assert!(e.iter().all(|e| e.confidence < 0.8), "{e:?}");
    }

    #[test]
    fn a_function_word_at_the_break_joins() {
        let t = "Everyone now agrees that the reforms of the early nineties, for all their costs, were a decisive turning point in the\n\nBaltic states and beyond.";
        assert!(clean(t).contains("point in the Baltic states"));
    }

    #[test]
    fn a_name_used_elsewhere_joins() {
        let t = "The Great Drought lasted four years.\n\nThe article reviews the harvests, the prices, the migration to the cities, and the policies adopted during and after the Great\n\nDrought, etc. were reviewed.";
        assert!(clean(t).contains("after the Great Drought, etc."));
    }

    #[test]
    fn a_long_paragraph_cut_before_a_name_joins() {
        let t = "In the years after the treaty, some critics argued that the union applied double standards to the dispute and did not fully support\n\nEstonia's claim to the islands, as later documents show.";
        assert!(clean(t).contains("fully support Estonia's claim"));
    }

    #[test]
    fn a_capitalised_name_without_evidence_is_proposed() {
        let t = "After a long and tiring journey through the mountains and two nights on the train, the delegates finally met at the Grand\n\nHotel Europa, near the station.";
        let e = edits(t);
        assert_eq!(e.len(), 1);
        assert!(e[0].confidence < 0.8);
    }

    #[test]
    fn a_word_broken_by_a_hyphen_is_rejoined_as_the_document_or_the_word_list_spells_it() {
        // the joined word stands elsewhere in the document
        let t = "Objects have representations in memory, and the rep-\n\nresentations are assigned a key called the shape.";
        assert!(clean(t).contains("the representations are"), "{}", clean(t));
        // the compound with its hyphen does
        let t = "A well-known method is used here, and this well-\n\nknown method works on large inputs as well.";
        assert!(clean(t).contains("this well-known method"), "{}", clean(t));
        // neither: the word list says "suspend" is a word
        let t = "Instead of aborting the recording, we could merely sus-\n\npend the recording for a while and go on later.";
        assert!(clean(t).contains("merely suspend the"), "{}", clean(t));
        // nothing attests it: proposed, and never left as "xq- zt"
        let t = "The instrument was labelled with the code word xq-\n\nztv by the team that built it in the lab.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].confidence < 0.8);
        assert_eq!(clean(t), t);
    }

    #[test]
    fn a_heading_broken_over_lines_is_put_on_one_line() {
        let p = "The key insight is that if each loop is represented by its own trace tree, the code for each loop can be contained.";
        let t = format!("{p}\n3.1\n\nTraces\n\n{p}\n\n3.2 Trace Trees\n{p}\n");
        let c = clean(&t);
        assert!(c.contains("\n3.1 Traces\n"), "{c}");
        assert!(c.contains("\n3.2 Trace Trees\n"), "{c}");
    }

    #[test]
    fn finished_paragraphs_headings_and_lists_stay() {
        for t in [
            "The war ended in 1994.\n\nthe ceasefire held for years.",
            "Main part\n\nthe text starts here in lowercase for some reason.",
            "The committee had three members\n\nThe chair resigned in May.",
            "Bring the following items\n\na) bread\n\nb) water",
            "A short note\n\nAnother short line",
            "The letter ended with the words “see you soon”\n\nThen nothing came for months.",
        ] {
            assert_eq!(clean(t), t, "{t}");
        }
    }
}
