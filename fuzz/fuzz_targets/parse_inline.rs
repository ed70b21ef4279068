//! The inline grammars (links, markdown, citations, leads, credits) never
//! panic and give ranges inside their input on character boundaries.
#![no_main]

use emend::parse::{bibl, figure, front, inline, lead, markdown};
use emend::span::Span;
use libfuzzer_sys::fuzz_target;

fn in_bounds(s: &str, (a, b): (usize, usize)) {
    assert!(
        a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b),
        "{a}..{b}"
    );
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let whole = Span::new(0, s.len());
    for i in inline::inlines(s, whole) {
        in_bounds(s, (i.span.start, i.span.end));
    }
    for m in markdown::marks(s) {
        match m {
            markdown::Mark::Emphasis { range, .. }
            | markdown::Mark::Link { range, .. }
            | markdown::Mark::Image { range, .. } => in_bounds(s, range),
        }
    }
    let entries = bibl::Bibliography::new(vec![bibl::Entry {
        block: 0,
        n: Some(1),
        text: s,
    }]);
    for c in bibl::citations(s, &entries) {
        in_bounds(s, c.range);
    }
    if let Some(n) = lead::run_in_head(s) {
        in_bounds(s, (0, n));
    }
    if let Some((place, n)) = lead::dateline(s) {
        in_bounds(s, place);
        in_bounds(s, (0, n));
    }
    if let Some(r) = figure::trailing_credit(s) {
        in_bounds(s, r);
    }
    for r in [
        front::doi_line(s),
        front::orcid_line(s),
        front::email_line(s),
        front::author_line(s),
        front::affiliation(s),
    ]
    .into_iter()
    .flatten()
    {
        in_bounds(s, r);
    }
    if let Some(lead) = front::keywords_lead(s) {
        for r in front::keyword_terms(s, lead) {
            in_bounds(s, r);
        }
    }
});
