//! Later rounds: the rules run again over the clean text, and what they
//! apply there is carried back onto the source, so that converting emend's
//! own output finds nothing left to do.
//!
//! One round of rules judges the source as it is; some of its edits change
//! what another rule would see — a removed comment form exposes the byline
//! above it as a trailing block, a join makes a new pair of lines, a spacing
//! fix makes two sentences equal. Rather than teach every rule the effect of
//! every other, the pipeline runs the rules again over the clean result
//! (only when the round before applied something, and at most
//! [`MAX_ROUNDS`] rounds in all) and [`compose`]s that round's applied edits
//! into the one edit log, whose spans stay exact against the original
//! source: a later edit maps back through the earlier applied edits, an
//! earlier edit wholly inside a later one's span is absorbed into it (the
//! later edit's `before` is then the source text), and a later edit that
//! reaches into an earlier edit's replacement from outside is widened over
//! it (its replacement taking in the rest of the earlier one's), then
//! trimmed of what source and replacement share at their ends; one lying
//! wholly inside an earlier replacement is left out (it would speak for
//! another rule's change).

use crate::decide::Dropped;
use crate::edit::Edit;
use crate::span::Span;

/// Rounds of rules a conversion runs at most: the first over the source,
/// the rest over the clean text of the round before.
pub const MAX_ROUNDS: usize = 3;

/// Where an earlier applied edit sits: its source span and where its
/// replacement lies in the clean text.
struct Placed {
    /// Index into the log.
    index: usize,
    /// Start of the replacement in the clean text.
    clean: usize,
    /// Length of the replacement.
    len: usize,
}

/// The log `log` (over `source`, sorted by span, no two overlapping) with
/// `later` composed in: `later` are applied edits over `apply(source, log)`,
/// sorted by span and not overlapping, found by rule round `round`. Returns
/// the new log, sorted by span, and the earlier suggestions a later edit
/// overruled (they would overlap it). A later edit that a person's `review`
/// rejects, or that would overlap an earlier insertion at the same point,
/// is left out; what the returned log applies to `source` is what `later`
/// applies to the clean text.
pub fn compose(
    source: &str,
    log: Vec<Edit>,
    later: Vec<Edit>,
    round: usize,
    review: &dyn Fn(&Edit) -> bool,
) -> (Vec<Edit>, Vec<Dropped>) {
    let mut placed = Vec::new();
    let mut shift: isize = 0;
    for (index, e) in log.iter().enumerate() {
        if e.is_applied() {
            let clean = (e.span.start as isize + shift) as usize;
            placed.push(Placed {
                index,
                clean,
                len: e.after.len(),
            });
            shift += e.after.len() as isize - e.span.len() as isize;
        }
    }
    let clean = crate::apply::apply(source, &log);
    // source offset minus clean offset after the first k placed edits
    let mut deltas = Vec::with_capacity(placed.len() + 1);
    deltas.push(0isize);
    for p in &placed {
        let grow = log[p.index].span.len() as isize - p.len as isize;
        deltas.push(deltas[deltas.len() - 1] + grow);
    }
    let mut absorbed = vec![false; log.len()];
    let mut added: Vec<Edit> = Vec::new();
    for e in later {
        let (e, widened) = widen(&clean, &placed, e);
        let Some((mut span, inside)) = map(&log, &placed, &deltas, e.span) else {
            continue;
        };
        let mut e = e;
        if widened {
            // the earlier text the widening took in, given back as it was
            span = trim(source, span, &mut e.after);
            if span.is_empty() && e.after.is_empty() {
                continue;
            }
        }
        // later edits that do not overlap in the clean text can in the
        // source: two that cut into one earlier replacement from either side
        // are both widened over it whole, and two insertions trimmed or
        // mapped to one point meet there. The second waits for the next round.
        if added
            .last()
            .is_some_and(|prev: &Edit| prev.span.overlaps(span) || prev.span.end > span.start)
        {
            continue;
        }
        // an earlier insertion at the same point, or one the mapping did
        // not absorb, would make two edits of the log overlap
        // (placed edits are sorted by source span too: only those near
        // `span` can overlap it)
        let near = placed.partition_point(|p| log[p.index].span.end < span.start);
        let clash = placed[near..]
            .iter()
            .take_while(|p| log[p.index].span.start <= span.end)
            .any(|p| {
                inside.binary_search(&p.index).is_err()
                    && !absorbed[p.index]
                    && log[p.index].span.overlaps(span)
            });
        if clash {
            continue;
        }
        let mut mapped = e;
        mapped.span = span;
        mapped.before = span.of(source).to_owned();
        if !review(&mapped) {
            continue;
        }
        let why = format!(
            "found in round {round}, over the text the earlier rounds' applied edits had made"
        );
        mapped.note = Some(match mapped.note.take() {
            Some(n) => format!("{n}; {why}"),
            None => why,
        });
        for i in inside {
            absorbed[i] = true;
        }
        added.push(mapped);
    }
    if added.is_empty() {
        return (log, Vec::new());
    }
    let mut overruled = Vec::new();
    let mut out: Vec<Edit> = Vec::with_capacity(log.len() + added.len());
    for (i, e) in log.into_iter().enumerate() {
        if absorbed[i] {
            continue;
        }
        if !e.is_applied() && overlaps_any(&added, e.span) {
            overruled.push(Dropped {
                edit: e,
                reason: format!("overruled by an edit of round {round} over the same text").into(),
            });
            continue;
        }
        out.push(e);
    }
    out.extend(added);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    (out, overruled)
}

/// True if an edit of `sorted` (sorted by span, none overlapping another)
/// overlaps `span`: only those from the last ending before it on are looked at.
fn overlaps_any(sorted: &[Edit], span: Span) -> bool {
    let near = sorted.partition_point(|a| a.span.end < span.start);
    sorted[near..]
        .iter()
        .take_while(|a| a.span.start <= span.end)
        .any(|a| a.span.overlaps(span))
}

/// Index of the first placed edit not wholly before clean offset `a` (an
/// insertion at or before it, a replacement ending at or before it): the
/// placed edits are sorted and disjoint in the clean text, so those before
/// it are all wholly before `a`, and a search for the ones a span at `a`
/// meets starts here instead of at the first edit of the document.
fn first_not_before(placed: &[Placed], a: usize) -> usize {
    placed.partition_point(|p| {
        if p.len == 0 {
            p.clean <= a
        } else {
            p.clean + p.len <= a
        }
    })
}

/// `e` (over `clean`) widened over every earlier replacement it cuts into,
/// its `after` taking in the clean text it now also covers, so that it
/// covers those replacements whole (a removal starting on the space an
/// earlier edit inserted takes the insertion with it); true if it grew.
/// An edit lying wholly inside one earlier replacement is not widened: it
/// would take the earlier edit over and speak for a change of another rule
/// (a spacing fix inside a decoded mojibake run), and is left out instead.
fn widen(clean: &str, placed: &[Placed], mut e: Edit) -> (Edit, bool) {
    let (mut a, mut b) = (e.span.start, e.span.end);
    let from = first_not_before(placed, a);
    let inside_one = placed[from..].iter().take_while(|p| p.clean <= a).any(|p| {
        let end = p.clean + p.len;
        p.len > 0
            && p.clean <= a
            && b <= end
            && (a, b) != (p.clean, end)
            && !(a == b && (a == p.clean || a == end))
    });
    if inside_one {
        return (e, false);
    }
    loop {
        let mut grew = false;
        // the edits a span from `a` to `b` can cut into (a growth this pass
        // makes is looked at in the next)
        let (from, bound) = (first_not_before(placed, a), b);
        let window = placed[from..].iter().take_while(|p| p.clean < bound);
        for p in window.filter(|p| p.len > 0) {
            crate::work::read(1);
            let end = p.clean + p.len;
            let cuts = if a == b {
                p.clean < a && a < end
            } else {
                p.clean < b && a < end && !(a <= p.clean && end <= b)
            };
            if cuts {
                a = a.min(p.clean);
                b = b.max(end);
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    if (a, b) == (e.span.start, e.span.end) {
        return (e, false);
    }
    e.after = format!(
        "{}{}{}",
        &clean[a..e.span.start],
        e.after,
        &clean[e.span.end..b]
    );
    e.span = Span::new(a, b);
    e.before = e.span.of(clean).to_owned();
    (e, true)
}

/// `span` of `source` without the characters its start and end share with
/// `after` (trimmed from `after` too): the smallest edit with the same effect.
fn trim(source: &str, span: Span, after: &mut String) -> Span {
    let (head, tail) = crate::passes::common_ends(span.of(source), after);
    *after = after[head..after.len() - tail].to_owned();
    Span::new(span.start + head, span.end - tail)
}

/// The source span of the clean-text span `span`, and the earlier applied
/// edits (log indexes) it covers whole; `None` when it cuts into an earlier
/// replacement. A clean-text boundary where an earlier edit deleted text
/// maps to the side that leaves the deletion out of `span`.
fn map(
    log: &[Edit],
    placed: &[Placed],
    deltas: &[isize],
    span: Span,
) -> Option<(Span, Vec<usize>)> {
    let (a, b) = (span.start, span.end);
    let mut inside = Vec::new();
    // source offset minus clean offset, after the edits wholly before `a`
    // (`deltas`: after each prefix of `placed`)
    let from = first_not_before(placed, a);
    let mut start_delta: isize = deltas[from];
    let mut end_delta: isize = deltas[from];
    let mut start_at: Option<usize> = None;
    for p in &placed[from..] {
        crate::work::read(1);
        let e = &log[p.index];
        let grow = e.span.len() as isize - p.len as isize;
        let end = p.clean + p.len;
        if p.len == 0 {
            if p.clean <= a {
                start_delta += grow;
                end_delta += grow;
            } else if p.clean < b {
                inside.push(p.index);
                end_delta += grow;
            } else {
                break;
            }
            continue;
        }
        if end <= a {
            start_delta += grow;
            end_delta += grow;
        } else if p.clean >= b {
            break;
        } else if a <= p.clean && end <= b {
            inside.push(p.index);
            if start_at.is_none() && p.clean == a {
                start_at = Some(e.span.start);
            }
            end_delta += grow;
        } else {
            return None;
        }
    }
    let start = start_at.unwrap_or((a as isize + start_delta) as usize);
    let end = if a == b {
        start
    } else {
        (b as isize + end_delta) as usize
    };
    Some((Span::new(start, end), inside))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apply::apply;
    use crate::edit::{Category, Status};

    fn edit(text: &str, start: usize, end: usize, after: &str) -> Edit {
        Edit::new(
            text,
            Span::new(start, end),
            after,
            "t",
            Category::Whitespace,
            1.0,
        )
    }

    /// Composes `later` (over the clean text of `log`) and checks the
    /// contract: the new log applied to the source is the later edits
    /// applied to the clean text, and its spans are sorted and disjoint.
    fn check(source: &str, log: Vec<Edit>, later: Vec<Edit>) -> Vec<Edit> {
        let clean = apply(source, &log);
        let expect = apply(&clean, &later);
        let (out, _) = compose(source, log, later, 2, &|_| true);
        for w in out.windows(2) {
            assert!(!w[0].span.overlaps(w[1].span), "{:?} {:?}", w[0], w[1]);
            assert!(w[0].span <= w[1].span);
        }
        for e in &out {
            assert_eq!(e.before, e.span.of(source));
        }
        assert_eq!(apply(source, &out), expect);
        assert_eq!(
            crate::apply::unapply(&expect, &out).as_deref(),
            Some(source)
        );
        out
    }

    #[test]
    fn a_later_edit_in_unchanged_text_shifts_back() {
        let src = "a  b c d";
        let log = vec![edit(src, 1, 3, " ")];
        let clean = apply(src, &log); // "a b c d"
        let later = vec![edit(&clean, 4, 5, "C")];
        let out = check(src, log, later);
        assert_eq!(out[1].span, Span::new(5, 6));
        assert!(out[1].note.as_deref().unwrap().contains("round 2"));
    }

    #[test]
    fn two_later_edits_cutting_into_one_earlier_replacement_do_not_overlap() {
        // the fuzzer's one-paragraph mix: two duplicate removals meeting
        // inside a repaired mojibake word, both widened over the repair
        let src = "one XY two";
        let log = vec![edit(src, 4, 6, "PQ")];
        let clean = apply(src, &log); // "one PQ two"
        let later = vec![edit(&clean, 0, 5, ""), edit(&clean, 5, 10, "")];
        let (out, _) = compose(src, log, later, 2, &|_| true);
        let applied: Vec<&Edit> = out.iter().filter(|e| e.is_applied()).collect();
        for w in applied.windows(2) {
            assert!(w[0].span.end <= w[1].span.start, "{:?} {:?}", w[0], w[1]);
        }
        // the first is composed (over the repair, which it absorbs); the
        // second waits for the next round
        assert_eq!(applied.len(), 1);
        assert_eq!(applied[0].span, Span::new(0, 6));
        assert_eq!(apply(src, &out), "Q two");
    }

    #[test]
    fn a_removal_next_to_an_earlier_removal_leaves_it_alone() {
        let src = "keep\nmenu\nbyline\nend";
        let log = vec![edit(src, 5, 10, "")]; // "menu\n" removed
        let clean = apply(src, &log); // "keep\nbyline\nend"
        let later = vec![edit(&clean, 5, 12, "")]; // "byline\n"
        let out = check(src, log, later);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].span, Span::new(10, 17));
    }

    #[test]
    fn an_earlier_edit_inside_a_later_one_is_absorbed() {
        let src = "x\nBy  Ann Lee\ny";
        let log = vec![edit(src, 4, 6, " ")];
        let clean = apply(src, &log); // "x\nBy Ann Lee\ny"
        let later = vec![edit(&clean, 2, 13, "")];
        let out = check(src, log, later);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].before, "By  Ann Lee\n");
    }

    #[test]
    fn a_later_edit_reaching_into_a_replacement_is_widened_over_it() {
        let src = "a “b” c";
        let log = vec![edit(src, 2, 5, "``")];
        let clean = apply(src, &log); // "a ``b” c"
        let later = vec![edit(&clean, 1, 3, "")];
        let out = check(src, log.clone(), later);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].before.as_str(), out[0].after.as_str()), (" “", "`"));
        // wholly inside the earlier replacement: left out, the earlier
        // edit keeps its rule
        let later = vec![edit(&clean, 3, 4, "'")];
        let (out, _) = compose(src, log.clone(), later, 2, &|_| true);
        assert_eq!(out, log);
    }

    #[test]
    fn a_removal_starting_on_an_inserted_space_takes_the_insertion_along() {
        let src = "an hour.Photograph: Getty Images\nnext";
        let log = vec![edit(src, 7, 8, ". ")];
        let clean = apply(src, &log); // "an hour. Photograph: Getty Images\nnext"
        let at = clean.find(" Photograph").unwrap();
        let later = vec![edit(&clean, at, at + 25, "")];
        let out = check(src, log, later);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].before, "Photograph: Getty Images");
        assert_eq!(out[0].after, "");
    }

    #[test]
    fn an_insertion_at_an_earlier_insertion_is_left_out() {
        let src = "ab";
        let log = vec![edit(src, 1, 1, "-")];
        let clean = apply(src, &log); // "a-b"
        let later = vec![edit(&clean, 1, 1, "+")];
        let (out, _) = compose(src, log.clone(), later, 2, &|_| true);
        assert_eq!(out, log);
        let later = vec![edit(&clean, 3, 3, "!")];
        check(src, log, later);
    }

    #[test]
    fn an_overlapped_suggestion_is_overruled_and_a_rejected_edit_left_out() {
        let src = "one\nBy Ann\ntwo";
        let mut s = edit(src, 7, 10, "Anne");
        s.status = Status::Suggested;
        let log = vec![s];
        let clean = apply(src, &log);
        let later = vec![edit(&clean, 4, 11, "")];
        let (out, overruled) = compose(src, log.clone(), later.clone(), 2, &|_| true);
        assert_eq!(out.len(), 1);
        assert_eq!(overruled.len(), 1);
        let (out, overruled) = compose(src, log.clone(), later, 2, &|_| false);
        assert_eq!((out, overruled.len()), (log, 0));
    }

    /// Non-overlapping edits over `text` at char boundaries, from random
    /// (start, length, replacement) picks.
    fn edits_over(text: &str, picks: &[(usize, usize, String)]) -> Vec<Edit> {
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut out: Vec<Edit> = Vec::new();
        let mut pos = 0;
        for (start, len, after) in picks {
            let Some(a) = bounds.iter().copied().find(|&b| b >= pos + start) else {
                break;
            };
            let b = bounds.iter().copied().find(|&b| b >= a + len).unwrap_or(a);
            if a == b && after.is_empty() {
                continue;
            }
            out.push(edit(text, a, b, after));
            pos = b + 1;
        }
        out
    }

    proptest::proptest! {
        /// Whatever two rounds propose, the composed log holds applied
        /// edits that are sorted, disjoint, on character boundaries and
        /// quote the source they replace: `apply` and `unapply` rely on it.
        #[test]
        fn composed_logs_are_sorted_disjoint_and_on_char_boundaries(
            source in "[a-c Ð–\n]{0,40}",
            first in proptest::collection::vec((0usize..6, 0usize..5, "[xÐ ]{0,3}"), 0..6),
            second in proptest::collection::vec((0usize..6, 0usize..5, "[yé ]{0,3}"), 0..6),
        ) {
            let log = edits_over(&source, &first);
            let clean = apply(&source, &log);
            let later = edits_over(&clean, &second);
            let (out, _) = compose(&source, log, later, 2, &|_| true);
            let applied: Vec<&Edit> = out.iter().filter(|e| e.is_applied()).collect();
            for w in applied.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start, "{:?} {:?}", w[0], w[1]);
                proptest::prop_assert!(!(w[0].span.is_empty() && w[1].span == w[0].span));
            }
            for e in &out {
                proptest::prop_assert!(source.is_char_boundary(e.span.start));
                proptest::prop_assert!(source.is_char_boundary(e.span.end));
                proptest::prop_assert_eq!(&e.before, e.span.of(&source));
            }
        }
    }
}
