//! `pages`: page furniture of a text pasted from a PDF.
//!
//! A page end leaves its number on a line of its own ("14", "- 14 -",
//! "Page 14", "14 of 20") and often the running head or foot beside it
//! ("European Journal of Political Science Studies, Vol. 5, 2021"), between
//! two halves of a paragraph. They are no part of the text: removed from the
//! reading text (kept in the TEI as surplus), so the `joins` rule can mend the
//! paragraph across them.
//!
//! Evidence, for a number line (pages not marked by form feeds, or no
//! longer: a later round reads the clean text):
//! - recurrence: it is one of at least [`MIN_RUN`] number lines going up by
//!   one in text order, each at least [`PAGE_BYTES`] of text after the one
//!   before (a page apart), or the page break falls mid-sentence (the block
//!   before does not end a sentence and the one after the furniture goes
//!   on in lowercase) with a running head beside it: applied;
//! - a lone number line, even beside another short line or inside a broken
//!   sentence: proposed (section numbers, axis values of a chart, formula
//!   lines and table rows stand so; they do not recur page after page);
//! - a number line followed by a heading that stands once is a section
//!   number, not a page number: left alone.
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

/// Fewest number lines going up by one, a page apart, that make a run of
/// page numbers.
const MIN_RUN: usize = 3;

/// Least text between two page numbers of a run: a page holds more (axis
/// values of a chart and table rows stand close together).
const PAGE_BYTES: usize = 1200;

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
        let runs = runs(&numbers, |i| blocks[i].span);
        for (k, &(i, _)) in numbers.iter().enumerate() {
            // a number among numbers is a table column
            if i > 0 && is_number(i - 1) || is_number(i + 1) {
                continue;
            }
            // "1" above "Introduction": a section number
            if let Some(next) = blocks.get(i + 1)
                && matches!(next.kind, BlockKind::Head { .. })
                && counts
                    .get_or_insert_with(|| block_counts(cx))
                    .get(next.span.of(text).trim())
                    <= Some(&1)
            {
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
            // a running head by its own signs: a digit (volume, year) or a
            // copy elsewhere, and words (a formula line has digits too)
            let mut own_signs = |j: usize| {
                let s = line(j).unwrap_or_default();
                let digit = crate::parse::label::after_section_number(s)
                    .unwrap_or(s)
                    .bytes()
                    .any(|b| b.is_ascii_digit());
                let repeated = counts.get_or_insert_with(|| block_counts(cx)).get(s) > Some(&1);
                let words = s
                    .split_whitespace()
                    .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                    .count();
                (digit || repeated, words >= 2)
            };
            let mut running = Vec::new();
            let mut worded = false;
            for j in [before, after].into_iter().flatten() {
                let (signs, words) = own_signs(j);
                if mid_sentence || signs {
                    running.push(j);
                    worded |= signs && words;
                }
            }
            let (confidence, why) = if runs[k] >= MIN_RUN {
                (
                    SURE,
                    format!(
                        "one of {} number lines going up by one, a page apart",
                        runs[k]
                    ),
                )
            } else if mid_sentence && worded {
                (
                    SURE,
                    "a page break inside a sentence, a running head beside it".to_owned(),
                )
            } else if mid_sentence {
                (
                    DOUBTFUL,
                    "a number line inside a broken sentence, not recurring as page numbers do"
                        .to_owned(),
                )
            } else {
                (
                    DOUBTFUL,
                    "a number alone on its line, not recurring as page numbers do".to_owned(),
                )
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
                        confidence,
                    )
                    .with_note(format!("running head or foot beside a page number ({why})")),
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

/// For each number line (block index and value, in text order), the
/// length of the longest run through it of number lines going up by one,
/// each at least [`PAGE_BYTES`] after the one before, and each value
/// standing once among the number lines (a page is numbered once; the
/// axis values of several charts, 1 to 8 each, repeat and would make runs
/// by chance).
fn runs(numbers: &[(usize, u32)], span: impl Fn(usize) -> Span) -> Vec<usize> {
    let mut by_value: HashMap<u32, Vec<usize>> = HashMap::default();
    for (k, &(_, n)) in numbers.iter().enumerate() {
        by_value.entry(n).or_default().push(k);
    }
    let once = |k: usize| by_value.get(&numbers[k].1).is_some_and(|v| v.len() == 1);
    let follows = |j: usize, k: usize| {
        numbers[j].1.checked_add(1) == Some(numbers[k].1)
            && once(j)
            && once(k)
            && span(numbers[k].0).start >= span(numbers[j].0).end + PAGE_BYTES
    };
    let before_of = |k: usize| -> Vec<usize> {
        let n = numbers[k].1;
        n.checked_sub(1)
            .and_then(|m| by_value.get(&m))
            .map(|js| {
                js.iter()
                    .copied()
                    .filter(|&j| j < k && follows(j, k))
                    .collect()
            })
            .unwrap_or_default()
    };
    let after_of = |k: usize| -> Vec<usize> {
        let n = numbers[k].1;
        n.checked_add(1)
            .and_then(|m| by_value.get(&m))
            .map(|js| {
                js.iter()
                    .copied()
                    .filter(|&j| j > k && follows(k, j))
                    .collect()
            })
            .unwrap_or_default()
    };
    // longest run ending at each line, then starting at each line
    let mut back = vec![1usize; numbers.len()];
    for k in 0..numbers.len() {
        back[k] = 1 + before_of(k).iter().map(|&j| back[j]).max().unwrap_or(0);
    }
    let mut ahead = vec![1usize; numbers.len()];
    for k in (0..numbers.len()).rev() {
        ahead[k] = 1 + after_of(k).iter().map(|&j| ahead[j]).max().unwrap_or(0);
    }
    back.iter().zip(&ahead).map(|(b, a)| b + a - 1).collect()
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
        let t = "Relations\n\nIt has been the basis of relations and of trade over the years\nbetween the two\n\nEuropean Journal of Political Science Studies, Vol. 5, 2021\n\n14\n\ncountries since 1991 and it has held.";
        assert_eq!(
            clean(t),
            "Relations\n\nIt has been the basis of relations and of trade over the years\nbetween the two\n\ncountries since 1991 and it has held."
        );
    }

    /// A page of prose, long enough to stand between two page numbers.
    fn page(k: usize) -> String {
        format!("Page {k} begins here. ")
            .repeat(70)
            .trim_end()
            .to_owned()
    }

    #[test]
    fn numbers_going_up_a_page_apart_go_a_lone_one_is_proposed() {
        let t = format!(
            "{}\n\n3\n\n{}\n\n4\n\n{}\n\n5\n\n{}",
            page(1),
            page(2),
            page(3),
            page(4)
        );
        assert_eq!(
            clean(&t),
            format!("{}\n\n{}\n\n{}\n\n{}", page(1), page(2), page(3), page(4))
        );
        // two of them, or three close together, are no run: proposed
        for t in [
            "First page ends here.\n\n3\n\nSecond page text.\n\n4\n\nThird page text.".to_owned(),
            format!("{}\n\n12\n\nThe next day began.", page(1)),
        ] {
            let e = run_pass(&Pages, &t);
            assert!(!e.is_empty());
            assert!(
                e.iter()
                    .all(|e| e.confidence < crate::options::DEFAULT_MIN_CONFIDENCE),
                "{e:?}"
            );
        }
    }

    /// The Wang paper's kind: section numbers on their own lines above
    /// their headings, a page apart, and the axis values of two charts.
    #[test]
    fn section_numbers_and_chart_values_are_not_page_numbers() {
        let t = format!(
            "{}\n\n1\n\nIntroduction\n\n{}\n\n2\n\nRelated Work\n\n{}\n\n3\n\nMethod\n\n{}",
            page(1),
            page(2),
            page(3),
            page(4)
        );
        assert!(run_pass(&Pages, &t).is_empty());
        let chart = "8\n\nList Scheduling\n\n6\n\nLPTF\n\n4\n\nGang\n\n2";
        let t = format!(
            "{}\n\n{chart}\n\n{}\n\n{chart}\n\n{}",
            page(1),
            page(2),
            page(3)
        );
        let e = run_pass(&Pages, &t);
        assert!(
            e.iter()
                .all(|e| e.confidence < crate::options::DEFAULT_MIN_CONFIDENCE),
            "{e:?}"
        );
    }

    /// A head repeated beside two numbers is no run of pages: a chart's
    /// legend beside its axis values looks the same ("List Scheduling"
    /// by 4, then by 5). Proposed, not applied.
    #[test]
    fn a_repeated_head_beside_two_numbers_is_only_proposed() {
        let t = "The first page ends here.\n\nJournal of Peace Studies\n\n3\n\nThe second page ends here.\n\nJournal of Peace Studies\n\n4\n\nThe third page.";
        let e = run_pass(&Pages, t);
        assert!(!e.is_empty());
        assert!(
            e.iter()
                .all(|e| e.confidence < crate::options::DEFAULT_MIN_CONFIDENCE),
            "{e:?}"
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
