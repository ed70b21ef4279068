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
//! cuts into an earlier edit's replacement cannot be expressed over the
//! source and is left out.

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
/// overruled (they would overlap it). A later edit that cannot be mapped
/// exactly onto the source, or that a person's `review` rejects, is left
/// out; what the returned log applies to `source` is what `later` applies
/// to the clean text.
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
    let mut absorbed = vec![false; log.len()];
    let mut added: Vec<Edit> = Vec::new();
    for e in later {
        let Some((span, inside)) = map(&log, &placed, e.span) else {
            continue;
        };
        // an earlier insertion at the same point, or one the mapping did
        // not absorb, would make two edits of the log overlap
        let clash = placed.iter().any(|p| {
            let l = &log[p.index];
            !inside.contains(&p.index) && !absorbed[p.index] && l.span.overlaps(span)
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
        if !e.is_applied() && added.iter().any(|a| a.span.overlaps(e.span)) {
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

/// The source span of the clean-text span `span`, and the earlier applied
/// edits (log indexes) it covers whole; `None` when it cuts into an earlier
/// replacement. A clean-text boundary where an earlier edit deleted text
/// maps to the side that leaves the deletion out of `span`.
fn map(log: &[Edit], placed: &[Placed], span: Span) -> Option<(Span, Vec<usize>)> {
    let (a, b) = (span.start, span.end);
    let mut inside = Vec::new();
    // source offset minus clean offset, after the edits wholly before `a`
    let mut start_delta: isize = 0;
    let mut end_delta: isize = 0;
    let mut start_at: Option<usize> = None;
    for p in placed {
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
    fn a_later_edit_cutting_into_a_replacement_is_left_out() {
        let src = "a “b” c";
        let log = vec![edit(src, 2, 5, "``")];
        let clean = apply(src, &log);
        let later = vec![edit(&clean, 1, 3, "")];
        let (out, _) = compose(src, log.clone(), later, 2, &|_| true);
        assert_eq!(out, log);
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
}
