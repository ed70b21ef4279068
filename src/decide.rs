//! Settling proposals: which edits are applied, which only suggested, which
//! dropped, and why.
//!
//! The policy, in order:
//! 1. edits that change nothing are dropped;
//! 2. rewriting edits inside protected scopes (URLs, e-mails, DOIs, citations,
//!    references) are dropped: names there are linked, never changed;
//! 3. edits are ranked: those that will be applied before mere suggestions
//!    (a doubtful removal must not suppress a certain fix inside it); then
//!    removals of whole passages (a duplicate block outranks a spacing fix
//!    inside it), then content repairs, then cosmetic ones; within a tier by
//!    confidence, then longer span, then position and rule id, so the order
//!    is total and the result deterministic;
//! 4. in rank order, an edit at or above the threshold is applied unless it
//!    overlaps one already taken; one below it is suggested unless it overlaps
//!    one already taken; an overlapping loser is dropped with a reason. A
//!    removal that overlaps only removals taken before keeps the parts of
//!    its span they leave (see [`rest_of_removal`]).
//!
//! A person's decisions come before all of this: a rejected edit is dropped,
//! an accepted one is ranked first and applied whatever its confidence or
//! scope.

use crate::decisions::Verdict;
use crate::edit::{Category, Edit, Status};
use crate::span::Span;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// An edit the policy did not keep, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    /// The edit as proposed.
    pub edit: Edit,
    /// Why it was dropped: one shared text for most (a large file drops
    /// tens of thousands of edits inside protected scopes).
    pub reason: Cow<'static, str>,
}

/// The outcome: kept edits sorted by span, and the dropped ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    /// Applied and suggested edits, sorted by span; no two overlap.
    pub edits: Vec<Edit>,
    /// Edits not kept.
    pub dropped: Vec<Dropped>,
}

fn tier(c: Category) -> u8 {
    match c {
        Category::Duplicate | Category::Boilerplate | Category::Residue => 0,
        Category::Name
        | Category::Translation
        | Category::Layout
        | Category::Fragment
        | Category::Repetition
        | Category::Punctuation
        | Category::Markup => 1,
        Category::Encoding | Category::Unicode | Category::Whitespace | Category::Typography => 2,
    }
}

/// True for categories that rewrite words (blocked in protected scopes).
fn rewrites_words(c: Category) -> bool {
    matches!(
        c,
        Category::Name
            | Category::Translation
            | Category::Typography
            | Category::Punctuation
            | Category::Fragment
            | Category::Repetition
            | Category::Whitespace
    )
}

/// Decides `proposed` under threshold `min_confidence`, keeping out of
/// `protected`; `review` gives a person's verdict on an edit, if any.
///
/// The edits stay in the buffer they were proposed in, ranked and settled
/// in place: no second list of every edit, nor a sort's scratch copy of
/// them, is made (together twice the proposals' size, which is a tenth of
/// a large file's).
pub fn decide(
    proposed: Vec<Edit>,
    protected: &[Span],
    min_confidence: f32,
    review: &dyn Fn(&Edit) -> Option<Verdict>,
) -> Decision {
    let mut dropped = Vec::new();
    let mut ranked: Vec<Edit> = proposed
        .into_iter()
        .filter_map(|e| screen(e, protected, review, &mut dropped))
        .collect();
    rank(&mut ranked, min_confidence);
    let (losers, rests) = settle(&mut ranked, min_confidence);
    let mut at = 0;
    let mut next_loser = losers.iter().map(|(i, _)| *i).peekable();
    let lost: Vec<Edit> = ranked
        .extract_if(.., |_| {
            at += 1;
            next_loser.next_if_eq(&(at - 1)).is_some()
        })
        .collect();
    dropped.extend(
        lost.into_iter()
            .zip(losers)
            .map(|(edit, (_, reason))| Dropped {
                edit,
                reason: reason.into(),
            }),
    );
    ranked.extend(rests);
    // taken spans never overlap, so no two are equal
    ranked.sort_unstable_by_key(|e| (e.span.start, e.span.end));
    ranked.shrink_to_fit();
    Decision {
        edits: ranked,
        dropped,
    }
}

/// `e` if it may be ranked: `None` if it changes nothing, or once pushed to
/// `dropped` when a person rejected it or it rewrites a protected scope.
fn screen(
    mut e: Edit,
    protected: &[Span],
    review: &dyn Fn(&Edit) -> Option<Verdict>,
    dropped: &mut Vec<Dropped>,
) -> Option<Edit> {
    if e.before == e.after {
        return None;
    }
    match review(&e) {
        Some(Verdict::Reject) => {
            dropped.push(Dropped {
                edit: e,
                reason: "rejected by the decisions file".into(),
            });
            return None;
        }
        Some(Verdict::Accept) => {
            e.reviewed = Some(Verdict::Accept);
            return Some(e);
        }
        None => {}
    }
    if rewrites_words(e.category) && overlaps_any(protected, e.span) {
        dropped.push(Dropped {
            edit: e,
            reason: "inside a protected scope (URL, e-mail, DOI, citation or reference)".into(),
        });
        return None;
    }
    Some(e)
}

/// Sorts `edits` in rank order (see the module notes), ties kept in
/// proposal order. The order is found on indices and carried out by
/// swaps: a stable sort of the edits themselves would copy up to half of
/// them aside.
fn rank(edits: &mut [Edit], min_confidence: f32) {
    let doubtful = |e: &Edit| e.reviewed.is_none() && e.confidence < min_confidence;
    let cmp = |a: &Edit, b: &Edit| {
        (a.reviewed.is_none(), doubtful(a), tier(a.category))
            .cmp(&(b.reviewed.is_none(), doubtful(b), tier(b.category)))
            .then(b.confidence.total_cmp(&a.confidence))
            .then(b.span.len().cmp(&a.span.len()))
            .then(a.span.cmp(&b.span))
            .then(a.rule.cmp(&b.rule))
            .then(a.after.cmp(&b.after))
    };
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_unstable_by(|&i, &j| cmp(&edits[i], &edits[j]).then(i.cmp(&j)));
    permute(edits, &mut order);
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`,
/// following each cycle of the permutation (`order` is used up).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut k = start;
        while order[k] != k {
            let from = order[k];
            order[k] = k;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Gives each ranked edit its status, in rank order: at or above the
/// threshold (or accepted by a person) applied, else suggested. Returns
/// the edits that overlap one taken before, by index, with the reason, and
/// the parts of losing removals kept ([`rest_of_removal`]).
fn settle(ranked: &mut [Edit], min_confidence: f32) -> (Vec<(usize, String)>, Vec<Edit>) {
    // span -> index into `ranked`, or past its end into `rests`
    let mut taken: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut losers = Vec::new();
    let mut rests: Vec<Edit> = Vec::new();
    let n = ranked.len();
    let status = |e: &Edit| {
        if e.confidence >= min_confidence || e.reviewed.is_some() {
            Status::Applied
        } else {
            Status::Suggested
        }
    };
    for i in 0..n {
        if let Some(other) = first_overlap(&taken, ranked[i].span) {
            let at = |k: usize| if k < n { &ranked[k] } else { &rests[k - n] };
            let winner = at(other);
            let mut reason = format!(
                "overlaps {} edit by {} ({:?} -> {:?})",
                if winner.is_applied() {
                    "an applied"
                } else {
                    "a suggested"
                },
                winner.rule,
                quoted(&winner.before),
                quoted(&winner.after)
            );
            let parts = rest_of_removal(&taken, &ranked[i], |k| is_removal(at(k)));
            if !parts.is_empty() {
                reason.push_str(&format!("; the {} part(s) outside it kept", parts.len()));
            }
            for part in parts {
                let mut e = ranked[i].clone();
                let from = part.start - e.span.start;
                e.before = e.before[from..from + part.len()].to_owned();
                e.span = part;
                e.status = status(&e);
                taken.insert((part.start, part.end), n + rests.len());
                rests.push(e);
            }
            losers.push((i, reason));
            continue;
        }
        let e = &mut ranked[i];
        e.status = status(e);
        taken.insert((e.span.start, e.span.end), i);
    }
    (losers, rests)
}

/// Whether `e` takes a passage out: a duplicate, boilerplate or residue
/// removed, not a fix that deletes a character.
fn is_removal(e: &Edit) -> bool {
    tier(e.category) == 0 && e.after.is_empty()
}

/// Most removals taken before that a losing removal may overlap and still
/// keep its other parts: past it, the loser is dropped whole (a bound on
/// the work per loser).
const MAX_OVERLAPPED_REMOVALS: usize = 16;

/// The parts of removal `loser`'s span that the taken edits it overlaps
/// leave, when it and all of those are removals ([`is_removal`]; `removal`
/// tells of a taken one by its index):
/// the rules agree that the overlap goes, and the rest goes by the loser's
/// verdict. A run of teaser lines removed as one edit, two of whose lines
/// another rule removed as copies, would else stay whole. Parts without a
/// letter (blank space, the brackets around a removed label) are left alone; nothing when `loser` replaces text, or
/// overlaps a fix (a part cut around it would split a sentence).
fn rest_of_removal(
    taken: &BTreeMap<(usize, usize), usize>,
    loser: &Edit,
    removal: impl Fn(usize) -> bool,
) -> Vec<Span> {
    let span = loser.span;
    if !is_removal(loser) || span.is_empty() {
        return Vec::new();
    }
    let before = taken.range(..(span.start, span.start)).next_back();
    let inside = taken.range((span.start, span.start)..(span.end, 0));
    let mut overlapped = before
        .into_iter()
        .chain(inside)
        .filter(|(k, _)| Span::new(k.0, k.1).overlaps(span))
        .take(MAX_OVERLAPPED_REMOVALS + 1);
    let mut parts = Vec::new();
    let mut at = span.start;
    let mut seen = 0;
    for (k, &i) in overlapped.by_ref() {
        seen += 1;
        if seen > MAX_OVERLAPPED_REMOVALS || !removal(i) || k.0 == k.1 {
            return Vec::new();
        }
        if k.0 > at {
            parts.push(Span::new(at, k.0));
        }
        at = at.max(k.1);
    }
    if at < span.end {
        parts.push(Span::new(at, span.end));
    }
    let text = |p: &Span| &loser.before[p.start - span.start..p.end - span.start];
    parts.retain(|p| text(p).chars().any(char::is_alphabetic));
    parts
}

/// Most characters of an edit's text a loser's reason quotes.
const MAX_QUOTED_CHARS: usize = 60;

/// `s` as a reason quotes it: whole when short, else its first
/// [`MAX_QUOTED_CHARS`] characters and "…". A large removal may overlap
/// thousands of small edits: quoting all of it in each of their reasons
/// made deciding quadratic in the removal's size.
fn quoted(s: &str) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((end, _)) => {
            crate::work::read(end);
            format!("{}…", &s[..end]).into()
        }
        None => {
            crate::work::read(s.len());
            s.into()
        }
    }
}

fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|p| p.end <= span.start);
    sorted[i..]
        .iter()
        .take_while(|p| p.start <= span.end)
        .any(|p| {
            p.overlaps(span) || (span.is_empty() && p.start < span.start && span.start < p.end)
        })
}

/// Index of a taken edit overlapping `span`. Taken spans never overlap each
/// other, so only the last one starting before `span` and those starting
/// inside it can.
fn first_overlap(taken: &BTreeMap<(usize, usize), usize>, span: Span) -> Option<usize> {
    let before = taken.range(..(span.start, span.start)).next_back();
    let inside = taken.range((span.start, span.start)..(span.end.max(span.start + 1), 0));
    before
        .into_iter()
        .chain(inside)
        .find(|(k, _)| Span::new(k.0, k.1).overlaps(span))
        .map(|(_, &i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(src: &str, s: usize, t: usize, after: &str, cat: Category, conf: f32) -> Edit {
        Edit::new(src, Span::new(s, t), after, "r", cat, conf)
    }

    #[test]
    fn removal_outranks_a_cosmetic_fix_inside_it() {
        let src = "dup  text\n\n";
        let d = decide(
            vec![
                e(src, 3, 5, " ", Category::Whitespace, 0.99),
                e(src, 0, 11, "", Category::Duplicate, 0.95),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].category, Category::Duplicate);
        assert_eq!(d.dropped.len(), 1);
    }

    #[test]
    fn a_removal_overlapping_removals_keeps_its_other_parts() {
        // a run of teasers going as one edit; two copies inside it go as
        // duplicates, which outrank it
        let src = "Teaser one\n\nTeaser one\n\nTeaser two\n\nTeaser two\n\nTail\n";
        let d = decide(
            vec![
                e(src, 0, 48, "", Category::Boilerplate, 0.85),
                e(src, 12, 24, "", Category::Duplicate, 0.97),
                e(src, 36, 48, "", Category::Duplicate, 0.97),
            ],
            &[],
            0.8,
            &|_| None,
        );
        let kept: Vec<(usize, usize, Category, Status)> = d
            .edits
            .iter()
            .map(|e| (e.span.start, e.span.end, e.category, e.status))
            .collect();
        use Category::{Boilerplate as B, Duplicate as D};
        use Status::Applied as A;
        assert_eq!(
            kept,
            [
                (0, 12, B, A),
                (12, 24, D, A),
                (24, 36, B, A),
                (36, 48, D, A)
            ]
        );
        assert_eq!(d.edits[2].before, "Teaser two\n\n");
        assert_eq!(d.dropped.len(), 1);
        assert!(d.dropped[0].reason.contains("part(s) outside it kept"));
        assert_eq!(crate::apply::apply(src, &d.edits), "Tail\n");
    }

    #[test]
    fn a_removal_overlapping_a_fix_or_leaving_no_letters_is_dropped_whole() {
        let src = "[label] Teaser one\n\n";
        let fix = decide(
            vec![
                e(src, 8, 20, "", Category::Boilerplate, 0.6),
                e(src, 14, 15, "", Category::Whitespace, 0.95),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(fix.edits.len(), 1);
        assert_eq!(fix.edits[0].category, Category::Whitespace);
        let brackets = decide(
            vec![
                e(src, 0, 7, "", Category::Boilerplate, 0.85),
                e(src, 1, 6, "", Category::Residue, 0.95),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(brackets.edits.len(), 1);
        assert_eq!(brackets.edits[0].category, Category::Residue);
    }

    #[test]
    fn a_doubtful_removal_does_not_suppress_a_certain_fix_inside_it() {
        let src = "Passinyan said so.\n\n";
        let d = decide(
            vec![
                e(src, 0, 20, "", Category::Duplicate, 0.6),
                e(src, 0, 9, "Pashinyan", Category::Name, 0.95),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].category, Category::Name);
        assert_eq!(d.edits[0].status, Status::Applied);
    }

    #[test]
    fn threshold_splits_applied_and_suggested() {
        let src = "Passing an also";
        let d = decide(
            vec![
                e(src, 0, 10, "Pashinyan", Category::Name, 0.6),
                e(src, 11, 15, "ALSO", Category::Name, 0.9),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(d.edits[0].status, Status::Suggested);
        assert_eq!(d.edits[1].status, Status::Applied);
    }

    #[test]
    fn protected_scopes_block_rewrites_only() {
        let src = "see https://x.az/Naka now";
        let url = [Span::new(4, 20)];
        let d = decide(
            vec![
                e(src, 15, 19, "Nagorno-Karabakh", Category::Name, 0.99),
                e(src, 0, 25, "", Category::Boilerplate, 0.99),
            ],
            &url,
            0.8,
            &|_| None,
        );
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.dropped[0].edit.category, Category::Name);
    }

    #[test]
    fn a_person_s_verdict_comes_first() {
        let src = "Passing an also";
        let low = e(src, 0, 10, "Pashinyan", Category::Name, 0.4);
        let other = e(src, 8, 15, "and also", Category::Translation, 0.99);
        let d = decide(vec![low.clone(), other], &[], 0.8, &|x| {
            (x.rule == "r" && x.after == "Pashinyan").then_some(Verdict::Accept)
        });
        assert_eq!(d.edits.len(), 1);
        assert_eq!(d.edits[0].status, Status::Applied);
        assert_eq!(d.edits[0].reviewed, Some(Verdict::Accept));
        let d = decide(vec![low], &[], 0.8, &|_| Some(Verdict::Reject));
        assert!(d.edits.is_empty());
        assert_eq!(d.dropped.len(), 1);
    }

    proptest::proptest! {
        /// Ranking by indices and swaps orders as a stable sort would.
        #[test]
        fn permuting_by_sorted_indices_is_a_stable_sort(keys in proptest::collection::vec(0u8..4, 0..40)) {
            let mut v: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut order: Vec<usize> = (0..v.len()).collect();
            order.sort_unstable_by(|&i, &j| v[i].0.cmp(&v[j].0).then(i.cmp(&j)));
            permute(&mut v, &mut order);
            let mut stable: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            stable.sort_by_key(|x| x.0);
            proptest::prop_assert_eq!(v, stable);
        }
    }

    #[test]
    fn insertions_at_the_same_point_conflict_but_touching_spans_do_not() {
        let src = "abcdef";
        let d = decide(
            vec![
                e(src, 2, 2, "X", Category::Punctuation, 0.9),
                e(src, 2, 2, "Y", Category::Punctuation, 0.85),
                e(src, 0, 2, "AB", Category::Name, 0.9),
                e(src, 2, 4, "CD", Category::Name, 0.9),
            ],
            &[],
            0.8,
            &|_| None,
        );
        assert_eq!(d.edits.len(), 3);
    }
}
