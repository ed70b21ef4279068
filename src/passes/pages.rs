//! `pages`: page furniture of a text pasted from a PDF.
//!
//! A page end leaves its number on a line of its own ("14", "- 14 -",
//! "Page 14", "14 of 20") and often the running head or foot beside it
//! ("European Journal of Political Science Studies, Vol. 5, 2021"), between
//! two halves of a paragraph. They are no part of the text: removed from the
//! reading text (kept in the TEI as surplus), so the `joins` rule can mend the
//! paragraph across them.
//!
//! Evidence, for a number line:
//! - another page number a few pages away elsewhere in the text, or the page
//!   break falling mid-sentence (the block before does not end a sentence and
//!   the one after the furniture goes on in lowercase), or a running head
//!   beside it: applied;
//! - a number line alone: proposed (a table cell or a count may stand so).
//!
//! A running head is a short line right beside a page number (before or
//! after it) that holds a digit (volume, year, page range), or that stands
//! again elsewhere in the text, or that a mid-sentence break surrounds.
//!
//! Why it is safe: only blocks of one short line are considered; a number
//! line between other number lines is a table, not a page end; headings and
//! the title never count as running heads unless a sentence runs on across
//! them.

mod furniture;

use super::{Context, Pass, Proposals};
use crate::analysis::sentences::ends_sentence;
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;
use foldhash::HashMap;

/// See the module documentation.
pub struct Pages;

/// Most words of a running head or foot.
const MAX_HEAD_WORDS: usize = 20;

/// Page numbers at most this far apart support each other.
const NEARBY_PAGES: u32 = 5;

/// Confidence with evidence (applied) and without (proposed).
const SURE: f32 = 0.9;
const DOUBTFUL: f32 = 0.7;

impl Pass for Pages {
    fn id(&self) -> &'static str {
        "pages"
    }

    fn description(&self) -> &'static str {
        "Page numbers and running heads left between paragraphs by a PDF copy removed, so broken paragraphs can be joined across them; a lone number line only proposed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let blocks = &cx.doc.blocks;
        let title = cx.doc.meta.title;
        // with pages marked by form feeds, their recurrence decides alone
        if let Some(found) = furniture::find(text, title) {
            furniture_edits(cx, &found, out);
            return;
        }
        let line = |i: usize| -> Option<&str> {
            let b = blocks.get(i)?;
            let s = b.span.of(text);
            let usable = !s.contains('\n')
                && matches!(
                    b.kind,
                    BlockKind::Paragraph | BlockKind::Head { .. } | BlockKind::Item { .. }
                );
            usable.then_some(s.trim())
        };
        let mut counts: Option<HashMap<&str, usize>> = None;
        let numbers: Vec<(usize, u32)> = (0..blocks.len())
            .filter_map(|i| line(i).and_then(page_number).map(|n| (i, n)))
            .collect();
        let is_number = |i: usize| numbers.binary_search_by_key(&i, |&(k, _)| k).is_ok();
        // the page numbers seen, for "another one nearby" (asked of every
        // number: a walk over all of them each time was quadratic)
        let values: foldhash::HashSet<u32> = numbers.iter().map(|&(_, n)| n).collect();
        for &(i, n) in &numbers {
            // a number among numbers is a table column
            if i > 0 && is_number(i - 1) || is_number(i + 1) {
                continue;
            }
            let head = |j: usize| {
                line(j).is_some_and(|s| {
                    s.split_whitespace().count() <= MAX_HEAD_WORDS && !ends_sentence(s)
                })
            };
            // the furniture run: the number and a short line on either side
            let before = (i > 0 && head(i - 1)).then(|| i - 1);
            let after = head(i + 1).then_some(i + 1);
            let first = before.unwrap_or(i);
            let last = after.unwrap_or(i);
            let mid_sentence = first > 0
                && blocks[first - 1].kind == BlockKind::Paragraph
                && !ends_sentence(blocks[first - 1].span.of(text))
                && blocks
                    .get(last + 1)
                    .is_some_and(|b| b.span.of(text).starts_with(char::is_lowercase));
            let running: Vec<usize> = [before, after]
                .into_iter()
                .flatten()
                .filter(|&j| {
                    let s = line(j).unwrap_or_default();
                    mid_sentence
                        || crate::parse::label::after_section_number(s)
                            .unwrap_or(s)
                            .bytes()
                            .any(|b| b.is_ascii_digit())
                        || counts.get_or_insert_with(|| block_counts(cx)).get(s) > Some(&1)
                })
                .collect();
            let sequence = (n.saturating_sub(NEARBY_PAGES)..=n.saturating_add(NEARBY_PAGES))
                .any(|m| m != n && values.contains(&m));
            let (confidence, why) = if mid_sentence {
                (SURE, "a page break inside a sentence")
            } else if sequence {
                (SURE, "other page numbers nearby in the text")
            } else if !running.is_empty() {
                (SURE, "a running head beside it")
            } else {
                (DOUBTFUL, "a number alone on its line")
            };
            let id = self.id();
            let span = super::removal::removal_span(text, cx.doc, i);
            out.edits.push(
                Edit::new(
                    text,
                    span,
                    "",
                    &format!("{id}/number"),
                    Category::Boilerplate,
                    confidence,
                )
                .with_note(format!("page number: {why}")),
            );
            for j in running {
                let span = super::removal::removal_span(text, cx.doc, j);
                out.edits.push(
                    Edit::new(
                        text,
                        span,
                        "",
                        &format!("{id}/running-head"),
                        Category::Boilerplate,
                        SURE,
                    )
                    .with_note("running head or foot beside a page number"),
                );
            }
        }
    }
}

/// The edits removing `found` lines: a block all furniture goes whole with
/// the space after it (so that `joins` mends the paragraph across it); a run
/// of furniture lines inside a block goes with one of its line ends.
fn furniture_edits(cx: &Context<'_>, found: &[furniture::Found], out: &mut Proposals) {
    let text = cx.text;
    let blocks = &cx.doc.blocks;
    let mut k = 0;
    for (bi, b) in blocks.iter().enumerate() {
        while k < found.len() && found[k].line.start < b.span.start {
            k += 1;
        }
        let first = k;
        while k < found.len() && b.span.contains(found[k].line) {
            k += 1;
        }
        let inside = &found[first..k];
        // a table of contents names the headings again, with page
        // numbers: its lines recur as running heads do, and stay
        if inside.is_empty() || b.kind == BlockKind::Contents {
            continue;
        }
        let lines: Vec<Span> = crate::parse::lines::lines(b.span.of(text))
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| Span::new(b.span.start + l.content.start, b.span.start + l.content.end))
            .collect();
        // runs of consecutive furniture lines, by their line indices
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for f in inside {
            let Some(li) = lines.iter().position(|l| *l == f.line) else {
                continue;
            };
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == li => *end = li,
                _ => runs.push((li, li)),
            }
        }
        for (a, z) in runs {
            let span = if a == 0 && z + 1 == lines.len() {
                super::removal::removal_span(text, cx.doc, bi)
            } else if z + 1 == lines.len() {
                // the last lines: from the end of the line before them
                Span::new(lines[a - 1].end, lines[z].end)
            } else {
                Span::new(lines[a].start, lines[z + 1].start)
            };
            let kinds: Vec<&furniture::Found> =
                inside.iter().filter(|f| span.contains(f.line)).collect();
            let kind = kinds.first().map_or(furniture::Kind::Stamp, |f| f.kind);
            let mut why: Vec<&str> = kinds.iter().map(|f| f.why.as_str()).collect();
            why.dedup();
            out.edits.push(
                Edit::new(
                    text,
                    span,
                    "",
                    &format!("pages/{}", kind.rule()),
                    Category::Boilerplate,
                    SURE,
                )
                .with_note(format!("page furniture: {}", why.join("; "))),
            );
        }
    }
}

/// True for an edit of this rule removing page furniture: the `joins` rule
/// and the TEI body mend a paragraph across such removals, and only these.
pub fn is_page_furniture(e: &Edit) -> bool {
    e.rule.starts_with("pages/") && e.after.is_empty()
}

/// The page number a line gives, if it is nothing else: "14", "- 14 -",
/// "[14]", "Page 14", "p. 14", "14 of 20", "14/20".
fn page_number(s: &str) -> Option<u32> {
    page_number_of(s, 3)
}

/// [`page_number`] with up to `max_bare` digits in a bare number: where
/// the pages themselves are known, a number's place in their sequence is
/// the evidence, and journals number pages into the thousands.
fn page_number_of(s: &str, max_bare: usize) -> Option<u32> {
    let t = s.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | '|' | '[' | ']' | ' '));
    let lower = t.to_ascii_lowercase();
    let (labelled, rest) = match ["page ", "p. ", "pg. "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        Some(rest) => (true, rest),
        None => (false, lower.as_str()),
    };
    let rest = match rest.split_once(" of ").or_else(|| rest.split_once('/')) {
        Some((n, total)) if total.trim().bytes().all(|b| b.is_ascii_digit()) => n.trim(),
        Some(_) => return None,
        None => rest,
    };
    let max_digits = if labelled { 4 } else { max_bare };
    if rest.is_empty() || rest.len() > max_digits || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok().filter(|&n| n > 0)
}

/// How many blocks hold each text (trimmed): a running head stands again
/// on other pages. Counted once per document, when a page number asks.
fn block_counts<'a>(cx: &Context<'a>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::default();
    for b in &cx.doc.blocks {
        *counts.entry(b.span.of(cx.text).trim()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass};

    fn clean(t: &str) -> String {
        applied_text(t, &run_pass(&Pages, t))
    }

    #[test]
    fn a_section_number_is_not_a_running_head_digit() {
        // "5. CONCLUDING REMARKS" above a chart's axis label "450"
        let t = "The second observation holds.\n\n5. CONCLUDING REMARKS\n\n450\n\n6. REFERENCES\n\n[1] The top500 website.";
        assert!(clean(t).contains("CONCLUDING REMARKS"));
    }

    #[test]
    fn page_numbers_in_their_forms() {
        for (s, n) in [
            ("14", 14),
            ("- 14 -", 14),
            ("— 7 —", 7),
            ("[3]", 3),
            ("Page 14", 14),
            ("page 1203", 1203),
            ("p. 9", 9),
            ("14 of 20", 14),
            ("14/20", 14),
        ] {
            assert_eq!(page_number(s), Some(n), "{s}");
        }
        for s in [
            "2020",
            "0",
            "14 soldiers",
            "1.",
            "Page",
            "14 of many",
            "3/4a",
            "",
        ] {
            assert_eq!(page_number(s), None, "{s}");
        }
    }

    #[test]
    fn furniture_inside_a_broken_sentence_goes() {
        let t = "It has been the basis of relations between the two\n\nEuropean Journal of Political Science Studies, Vol. 5, 2021\n\n14\n\ncountries since 1991.";
        assert_eq!(
            clean(t),
            "It has been the basis of relations between the two\n\ncountries since 1991."
        );
    }

    #[test]
    fn a_number_with_others_nearby_goes_a_lone_one_is_proposed() {
        let t = "First page ends here.\n\n3\n\nSecond page text.\n\n4\n\nThird page text.";
        assert_eq!(
            clean(t),
            "First page ends here.\n\nSecond page text.\n\nThird page text."
        );
        let t = "The count was final.\n\n12\n\nThe next day began.";
        let e = run_pass(&Pages, t);
        assert_eq!(e.len(), 1);
        assert!(e[0].confidence < crate::options::DEFAULT_MIN_CONFIDENCE);
    }

    #[test]
    fn a_running_head_without_digits_goes_when_it_repeats() {
        let t = "The first page ends here.\n\nJournal of Peace Studies\n\n3\n\nThe second page ends here.\n\nJournal of Peace Studies\n\n4\n\nThe third page.";
        assert_eq!(
            clean(t),
            "The first page ends here.\n\nThe second page ends here.\n\nThe third page."
        );
    }

    #[test]
    fn headings_after_a_page_number_and_tables_stay() {
        let t = "The first part ends.\n\n14\n\nIntroduction\n\nThe second part.\n\n15\n\nMore.";
        assert!(clean(t).contains("\n\nIntroduction\n\n"));
        let table = "Losses by year:\n\n12\n\n15\n\n18\n\nThat is all.";
        assert!(run_pass(&Pages, table).is_empty());
    }
}
