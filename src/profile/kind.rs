//! The kind of source a text was copied from, judged from evidence in its
//! lines, with a confidence and the evidence itself — never a guess shown
//! as fact.
//!
//! - **PDF extract**: form feeds; words hyphenated at line ends; page
//!   numbers alone on a line recurring between pages; running heads (the
//!   same short line recurring far apart); the structure of a paper (DOI,
//!   ORCID, abstract, keywords, a bibliography); paragraphs broken
//!   mid-sentence (counted only beside other PDF evidence: web pages break
//!   paragraphs around links and pictures too).
//! - **Web copy**: navigation, share and comment-form lines
//!   (`rules/source-kinds.toml`), menus (runs of short lines, `|`-separated
//!   items), bylines and picture credits, headlines repeated.
//! - **Machine-translated news**: one segment a paragraph — single-line
//!   blocks that end as sentences, a dateline — and nothing of the above.
//! - **Chat answer**: markers only a copied chat answer has.
//! - **Prose**: none of these.
//!
//! Each signal adds points to its kind; the kind with most points wins when
//! it has enough, and its confidence grows with its points and its lead
//! over the next kind.

use crate::document::{BlockKind, Document, LeadKind};
use crate::scan::floor_boundary;
use foldhash::{HashMap, HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

/// Kinds of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum SourceKind {
    /// Text extracted from a PDF (a paper, a report).
    PdfExtract,
    /// A web page copied from a browser, with its furniture.
    WebCopy,
    /// News in one segment a paragraph, as machine translation gives it.
    MtNews,
    /// An answer copied from a chat assistant.
    ChatAnswer,
    /// Plain prose: no evidence of another kind.
    Prose,
}

impl SourceKind {
    /// The kind's id in the TEI header, the edit log and `--kind`.
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::PdfExtract => "pdf-extract",
            SourceKind::WebCopy => "web-copy",
            SourceKind::MtNews => "mt-news",
            SourceKind::ChatAnswer => "chat-answer",
            SourceKind::Prose => "prose",
        }
    }

    /// What the kind is, in words.
    pub fn description(self) -> &'static str {
        match self {
            SourceKind::PdfExtract => "text extracted from a PDF",
            SourceKind::WebCopy => "a web page copied from a browser",
            SourceKind::MtNews => "news in one segment a paragraph (machine translation)",
            SourceKind::ChatAnswer => "an answer copied from a chat assistant",
            SourceKind::Prose => "plain prose",
        }
    }

    /// Every kind, in order.
    pub const ALL: [SourceKind; 5] = [
        SourceKind::PdfExtract,
        SourceKind::WebCopy,
        SourceKind::MtNews,
        SourceKind::ChatAnswer,
        SourceKind::Prose,
    ];
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The kind judged, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct KindJudgement {
    /// The kind.
    pub kind: SourceKind,
    /// How sure, 0..1.
    pub confidence: f32,
    /// What was seen, one item a signal ("3 form feeds").
    pub evidence: Vec<String>,
    /// Whether a page break is evident (form feeds, page numbers recurring
    /// between pages): page rules may act whatever the kind.
    pub page_breaks: bool,
    /// When no kind leads (`kind` is prose), the kinds with clear evidence
    /// of their own that tie for first: a paper pasted into a chat answer
    /// is both, and the rules of either may act.
    pub tied: Vec<SourceKind>,
}

#[derive(Deserialize)]
struct Lists {
    /// Looked up once a line: a set, not a list walked string by string.
    web_lines: HashSet<String>,
    web_prefixes: Vec<String>,
    chat_markers: Vec<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let text = include_str!("../../rules/source-kinds.toml");
        crate::embedded::from_json(text).unwrap_or_else(|| {
            toml::from_str(text).expect("rules/source-kinds.toml is valid (checked by a test)")
        })
    })
}

/// Bytes searched for chat markers: an answer shows them early.
const CHAT_BYTES: usize = 64 * 1024;

/// The chat markers in lowercase, each with its searcher: a marker is
/// looked for in a copy of the text with ASCII letters lowered (the same
/// finds as a search in any case). One vectorised search a marker skips
/// ahead to the marker's rarest bytes; an automaton for them all, which
/// must read a byte at a time to match in any case, cost eight
/// instructions a byte, most of the kind's cost.
fn chat_markers() -> &'static [(String, memchr::memmem::Finder<'static>)] {
    static MARKERS: OnceLock<Vec<(String, memchr::memmem::Finder<'static>)>> = OnceLock::new();
    MARKERS.get_or_init(|| {
        lists()
            .chat_markers
            .iter()
            .map(|m| {
                let lower = m.to_ascii_lowercase();
                let finder = memchr::memmem::Finder::new(lower.as_bytes()).into_owned();
                (m.clone(), finder)
            })
            .collect()
    })
}

/// Lines looked at: the evidence of a kind shows in its first thousands of
/// lines, and a huge file costs no more than a long one.
const MAX_LINES: usize = 20_000;

/// The kind of the text of `doc`.
pub fn judge(text: &str, doc: &Document) -> KindJudgement {
    let lists = lists();
    let lines: Vec<&str> = nonempty_lines(text).take(MAX_LINES).collect();
    // asked of each line by two signals, found once
    let web_line: Vec<bool> = lines.iter().map(|l| is_web_line(l, lists)).collect();
    let mut pdf = Signals::default();
    let mut web = Signals::default();
    let mut mt = Signals::default();
    let mut chat = Signals::default();

    // PDF
    let form_feeds = memchr::memchr_iter(b'\x0c', text.as_bytes()).count();
    if form_feeds > 0 {
        pdf.add(4.0, format!("{form_feeds} form feed(s) (page breaks)"));
    }
    let pages = page_numbers(text);
    if pages >= 2 {
        pdf.add(
            3.0,
            format!("{pages} page numbers alone on a line, rising, between pages"),
        );
    }
    let inside_sentence = page_numbers_inside_sentences(text, doc);
    if inside_sentence > 0 {
        pdf.add(
            3.0,
            format!("{inside_sentence} page number(s) between the halves of a broken sentence"),
        );
    }
    let hyphens = line_end_hyphens(text);
    if hyphens >= 2 {
        pdf.add(
            hyphens.min(4) as f32 * 0.75,
            format!("{hyphens} words hyphenated at a line end"),
        );
    }
    // one line recurring far apart is pagination only beside other signs of
    // it: a web page repeats a label or a table's heading as well (and, its
    // furniture removed, would otherwise read as a PDF extract the second
    // time round)
    let heads = running_heads(&lines, &web_line);
    if heads >= 2 || (heads > 0 && pdf.points > 0.0) {
        pdf.add(2.0, format!("{heads} running head(s) recurring far apart"));
    }
    let paper = paper_parts(doc);
    if paper.len() >= 2 {
        pdf.add(
            paper.len() as f32,
            format!("the parts of a paper: {}", paper.join(", ")),
        );
    }
    let broken = broken_paragraphs(text, doc);
    if broken > 0 && pdf.points > 0.0 {
        pdf.add(
            broken.min(3) as f32 * 0.5,
            format!("{broken} paragraph(s) broken mid-sentence"),
        );
    }

    // web
    let furniture = web_line.iter().filter(|w| **w).take(1000).count();
    if furniture > 0 {
        web.add(
            (furniture as f32).min(4.0),
            format!("{furniture} navigation, share or comment-form line(s)"),
        );
    }
    let menus = short_line_runs(&lines);
    if menus > 0 {
        web.add(
            (menus as f32 * 1.5).min(3.0),
            format!("{menus} run(s) of five or more short lines (menus)"),
        );
    }
    let pipes = lines
        .iter()
        .filter(|l| l.len() < 200 && l.contains('|') && l.matches(" | ").count() >= 2)
        .count();
    if pipes > 0 {
        web.add(
            (pipes as f32).min(2.0),
            format!("{pipes} menu line(s) of items separated by '|'"),
        );
    }
    let bylines = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Byline))
        .count();
    let credits = doc
        .blocks
        .iter()
        .filter(|b| matches!(&b.kind, BlockKind::Figure(f) if f.credit.is_some()))
        .count();
    if bylines + credits > 0 {
        web.add(
            ((bylines + credits) as f32).min(2.0),
            format!("{bylines} byline(s), {credits} picture credit(s)"),
        );
    }
    let repeated = repeated_headlines(&lines);
    if repeated > 0 {
        web.add(1.0, format!("{repeated} line(s) repeated close together"));
    }

    // one segment a paragraph
    let segments = segment_shape(text, doc);
    if let Some((share, n)) = segments {
        mt.add(
            3.0 * share,
            format!(
                "{:.0} % of {n} paragraphs are one line ending a sentence",
                share * 100.0
            ),
        );
        let datelines = doc
            .blocks
            .iter()
            .filter(|b| b.lead.is_some_and(|l| l.kind == LeadKind::Dateline))
            .count();
        if datelines > 0 {
            mt.add(0.5, format!("{datelines} dateline(s)"));
        }
    }

    // chat
    let head = text.as_bytes()[..floor_boundary(text, CHAT_BYTES)].to_ascii_lowercase();
    let markers: Vec<&str> = chat_markers()
        .iter()
        .filter(|(_, f)| f.find(&head).is_some())
        .map(|(m, _)| m.as_str())
        .collect();
    if !markers.is_empty() {
        chat.add(
            (markers.len() as f32 * 2.0).min(4.0),
            format!("chat-answer markers: {}", markers.join(", ")),
        );
    }

    let page_breaks = form_feeds > 0 || pages >= 2 || inside_sentence > 0;
    let mut ranked = [
        (SourceKind::PdfExtract, pdf),
        (SourceKind::WebCopy, web),
        (SourceKind::MtNews, mt),
        (SourceKind::ChatAnswer, chat),
    ];
    ranked.sort_by(|a, b| b.1.points.total_cmp(&a.1.points));
    let (kind, best_points) = (ranked[0].0, ranked[0].1.points);
    let second_points = ranked[1].1.points;
    // the news shape is what remains when nothing else shows: it wins only
    // with a clear lead
    let needed = if kind == SourceKind::MtNews { 2.4 } else { 2.0 };
    if best_points < needed || best_points - second_points < 1.0 {
        let tied: Vec<SourceKind> = ranked
            .iter()
            .filter(|(k, s)| {
                let needed = if *k == SourceKind::MtNews { 2.4 } else { 2.0 };
                s.points >= needed && best_points - s.points < 1.0
            })
            .map(|(k, _)| *k)
            .collect();
        let mut evidence = vec!["no clear evidence of another kind".to_string()];
        for (k, s) in ranked.iter().filter(|(_, s)| s.points > 0.0) {
            evidence.push(format!("{} {:.1}: {}", k.id(), s.points, s.seen.join("; ")));
        }
        return KindJudgement {
            kind: SourceKind::Prose,
            confidence: 0.5,
            evidence,
            page_breaks,
            tied,
        };
    }
    let lead = best_points - second_points;
    let confidence = (0.5 + 0.06 * best_points + 0.04 * lead).min(0.97);
    KindJudgement {
        kind,
        confidence: (confidence * 100.0).round() / 100.0,
        evidence: std::mem::take(&mut ranked[0].1.seen),
        page_breaks,
        tied: Vec::new(),
    }
}

#[derive(Default)]
struct Signals {
    points: f32,
    seen: Vec<String>,
}

impl Signals {
    fn add(&mut self, points: f32, what: String) {
        self.points += points;
        self.seen.push(what);
    }
}

/// The lines of `text` split at `\n` and `\r`, trimmed, without the empty
/// ones (found with a byte search: `str::split` on two characters reads
/// one character at a time).
fn nonempty_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()).chain([text.len()]);
    let mut from = 0;
    ends.filter_map(move |end| {
        // both are ASCII: `from` and `end` are character boundaries
        let line = text[from..end].trim();
        from = end + 1;
        (!line.is_empty()).then_some(line)
    })
}

fn fold(l: &str) -> String {
    l.trim_end_matches([':', '|', '»', '›', ' ', '>'])
        .trim()
        .to_lowercase()
}

fn is_web_line(l: &str, lists: &Lists) -> bool {
    if l.len() > 120 {
        return false;
    }
    let f = fold(l);
    lists.web_lines.contains(&f) || lists.web_prefixes.iter().any(|p| f.starts_with(p))
}

/// A page number alone on a line: "12", "- 12 -", "Page 12", "Seite 12".
fn page_number(line: &str) -> Option<u32> {
    // the number is in the line: a line without a digit is settled by one
    // scan of its bytes, before the trims and prefixes below
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let l = line.trim().trim_matches(['-', '–', '—', ' ']);
    let l = ["page ", "seite ", "p. ", "s. "]
        .iter()
        .find_map(|p| {
            l.get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &l[p.len()..])
        })
        .unwrap_or(l);
    // what is left begins with the number (most lines are settled here)
    if !l.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let l = l.split(" of ").next().unwrap_or(l).trim();
    if (1..=4).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit()) {
        l.parse().ok()
    } else {
        None
    }
}

/// Bytes of text a page holds at least: page numbers closer together are
/// something else (a recipe's steps, a pager's "1 2 3").
const PAGE_BYTES: usize = 1200;

/// Page numbers alone on a line that rise by one or two from one to the
/// next with a page of text between them.
fn page_numbers(text: &str) -> usize {
    let mut found = 0;
    let mut last: Option<(u32, usize)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n').take(MAX_LINES * 4) {
        if let Some(n) = page_number(line) {
            if let Some((m, from)) = last
                && n > m
                && n - m <= 2
                && at - from >= PAGE_BYTES
            {
                found += 1;
            }
            last = Some((n, at));
        }
        at += line.len();
    }
    found
}

/// Page numbers alone between the halves of a sentence broken at a page
/// end: the text before ends on a lowercase word or a comma, the text after
/// goes on in lowercase (one short line beside the number, a running head
/// or foot, is looked past).
fn page_numbers_inside_sentences(text: &str, doc: &Document) -> usize {
    let blocks = &doc.blocks;
    let of = |i: usize| blocks[i].span.of(text).trim();
    let short = |i: usize| of(i).len() < 90 && !of(i).ends_with(['.', '!', '?']);
    let mut n = 0;
    for i in 1..blocks.len().saturating_sub(1) {
        if page_number(of(i)).is_none() {
            continue;
        }
        let before = if short(i - 1) && i >= 2 { i - 2 } else { i - 1 };
        let after = if i + 2 < blocks.len() && short(i + 1) && page_number(of(i + 1)).is_none() {
            if of(i + 1).starts_with(char::is_lowercase) {
                i + 1
            } else {
                i + 2
            }
        } else {
            i + 1
        };
        let (a, b) = (of(before), of(after));
        if a.len() >= 40
            && a.ends_with(|c: char| c.is_lowercase() || c == ',')
            && b.starts_with(char::is_lowercase)
        {
            n += 1;
        }
    }
    n
}

/// Words broken at a line end: a letter and '-' end the line and the next
/// starts with a lowercase letter.
fn line_end_hyphens(text: &str) -> usize {
    let mut n = 0;
    let mut prev: Option<&str> = None;
    for line in text.lines().take(MAX_LINES * 4) {
        if let Some(p) = prev {
            let mut tail = p.trim_end().chars().rev();
            let broken = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
            if broken && line.trim_start().starts_with(|c: char| c.is_lowercase()) {
                n += 1;
            }
        }
        prev = Some(line);
    }
    n
}

/// Short lines (several words) recurring at least three times, never close
/// together: a running head or foot of a paginated document.
fn running_heads(lines: &[&str], web_line: &[bool]) -> usize {
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, l) in lines.iter().enumerate() {
        if l.len() <= 90 && !web_line[i] && (2..=12).contains(&l.split_whitespace().count()) {
            seen.entry(l).or_default().push(i);
        }
    }
    seen.values()
        .filter(|at| at.len() >= 3 && at.windows(2).all(|w| w[1] - w[0] >= 15))
        .count()
}

/// What of a paper's structure the parser found.
fn paper_parts(doc: &Document) -> Vec<&'static str> {
    let mut parts = Vec::new();
    if doc.meta.doi.is_some() {
        parts.push("DOI");
    }
    if doc.meta.authors.iter().any(|a| a.orcid.is_some()) {
        parts.push("ORCID");
    }
    if doc
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Abstract))
    {
        parts.push("abstract");
    }
    if doc
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Keywords))
    {
        parts.push("keywords");
    }
    let bibl = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Bibl { .. }))
        .count();
    if bibl >= 3 {
        parts.push("bibliography");
    }
    parts
}

/// Long paragraphs ending without punctuation on a lowercase word, the next
/// going on in lowercase: a paragraph cut by a page end.
fn broken_paragraphs(text: &str, doc: &Document) -> usize {
    doc.blocks
        .windows(2)
        .filter(|w| {
            let (a, b) = (w[0].span.of(text), w[1].span.of(text));
            a.len() >= 200
                && b.len() >= 60
                && a.chars().next_back().is_some_and(char::is_lowercase)
                && b.chars().next().is_some_and(char::is_lowercase)
        })
        .count()
}

/// Runs of five or more lines under 30 characters that end without
/// punctuation: a menu or a list of links.
fn short_line_runs(lines: &[&str]) -> usize {
    let short = |l: &str| l.chars().count() < 30 && !l.ends_with(['.', '!', '?', ':', ';', ',']);
    let mut runs = 0;
    let mut run = 0;
    for l in lines {
        if short(l) {
            run += 1;
            if run == 5 {
                runs += 1;
            }
        } else {
            run = 0;
        }
    }
    runs
}

/// Lines of several words said again within a few lines: headlines a
/// gallery or teaser repeats.
fn repeated_headlines(lines: &[&str]) -> usize {
    let mut n = 0;
    for (i, l) in lines.iter().enumerate() {
        if lines[i.saturating_sub(6)..i].contains(l) && l.split_whitespace().count() >= 4 {
            n += 1;
        }
    }
    n
}

/// Share of blocks that are one line ending a sentence, and how many blocks
/// were looked at, when the document looks like one segment a paragraph.
fn segment_shape(text: &str, doc: &Document) -> Option<(f32, usize)> {
    let body: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Title))
        .map(|b| b.span.of(text))
        .take(MAX_LINES)
        .collect();
    if body.len() < 4 {
        return None;
    }
    let segments = body
        .iter()
        .filter(|s| {
            !s.contains('\n')
                && s.len() >= 20
                && s.trim_end().ends_with([
                    '.', '!', '?', '"', '”', '’', '»', '。', '！', '？', '）', ')',
                ])
        })
        .count();
    let share = segments as f32 / body.len() as f32;
    (share >= 0.6).then_some((share, body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> KindJudgement {
        judge(text, &crate::parse::parse(text))
    }

    #[test]
    fn the_lists_parse() {
        assert!(!lists().web_lines.is_empty());
    }

    #[test]
    fn form_feeds_and_page_numbers_make_a_pdf_extract() {
        let page = "The results are shown below and discussed in the next sec-\ntion of this report, which covers the method.\n\n";
        let mut t = String::new();
        for n in 1..=4 {
            for _ in 0..12 {
                t.push_str(page);
            }
            t.push_str(&format!("{n}\n\x0c"));
        }
        let k = kind(&t);
        assert_eq!(k.kind, SourceKind::PdfExtract, "{k:?}");
        assert!(k.page_breaks);
        assert!(k.evidence.iter().any(|e| e.contains("form feed")));
    }

    #[test]
    fn a_paper_pasted_into_a_chat_answer_is_both() {
        let t = "Energy Security after 2020\nLeyla Mammadova\nDOI: 10.5281/zenodo.1234567\nORCID: 0000-0002-1825-0097\nAbstract\nThis paper reviews the pipelines.\nKeywords: energy; pipelines\n1. Introduction\nThe region has been a transit region since 1990 citeturn0search2.\nIf you'd like, I can shorten it.\n";
        let k = kind(t);
        assert_eq!(k.kind, SourceKind::Prose, "{k:?}");
        assert!(k.tied.contains(&SourceKind::PdfExtract), "{k:?}");
        assert!(k.tied.contains(&SourceKind::ChatAnswer), "{k:?}");
        // a clear kind has no ties
        let web = kind(
            "Home\nNews\nSport\nWeather\nContact\n\nIt rained a lot on Monday in the north.\n\nShare\nTweet\nLeave a Reply\n",
        );
        assert!(web.tied.is_empty(), "{web:?}");
    }

    #[test]
    fn furniture_makes_a_web_copy() {
        let t = "Home\nNews\nSport\nWeather\nContact\n\nA headline about the weather\n\nIt rained a lot on Monday in the north of the country.\n\nShare\nTweet\nLeave a Reply\nYour email address will not be published.\n";
        let k = kind(t);
        assert_eq!(k.kind, SourceKind::WebCopy, "{k:?}");
        assert!(!k.page_breaks);
    }

    #[test]
    fn one_segment_a_line_makes_news() {
        let t = "Beijing: The ministry announced new measures on Monday.\nThe measures take effect next week, officials said.\nThey cover transport and trade.\nCritics said the plan came too late.\nThe ministry did not comment further.\n";
        let k = kind(t);
        assert_eq!(k.kind, SourceKind::MtNews, "{k:?}");
    }

    #[test]
    fn a_page_number_inside_a_sentence_is_a_page_break() {
        let t = "Notes\n\nThe principle has been the basis of relations between the two\n\nEuropean Journal of Political Science Studies, Vol. 5, 2021\n\n14\n\ncountries since 1991, and it was repeated in 2020.\n";
        let k = kind(t);
        assert!(k.page_breaks, "{k:?}");
        assert_eq!(k.kind, SourceKind::PdfExtract);
    }

    #[test]
    fn one_line_recurring_far_apart_is_pagination_only_beside_other_signs() {
        let mut t = String::new();
        for i in 0..48 {
            if i % 16 == 0 {
                t.push_str("Goals of the unit\n");
            }
            t.push_str(&format!(
                "Line {i} of a long table of dates and tasks for the class\n"
            ));
        }
        assert_eq!(
            running_heads(&t.lines().collect::<Vec<_>>(), &[false; 51]),
            1
        );
        assert_ne!(kind(&t).kind, SourceKind::PdfExtract, "{:?}", kind(&t));
        // with words hyphenated at line ends, the same line is a running head
        t.push_str("the experi-\nment went on, and its re-\nsults were clear.\n");
        let k = kind(&t);
        assert_eq!(k.kind, SourceKind::PdfExtract, "{k:?}");
        assert!(
            k.evidence.iter().any(|e| e.contains("running head")),
            "{k:?}"
        );
    }

    #[test]
    fn numbered_steps_are_no_page_numbers() {
        let t = "1\n\nMix the flour and the sugar.\n\n2\n\nAdd the eggs and stir well.\n\n3\n\nBake for 20 minutes at 180 °C.\n\n4\n\nLet it cool.\n";
        assert_eq!(page_numbers(t), 0);
        assert!(!kind(t).page_breaks);
    }

    #[test]
    fn chat_markers_make_a_chat_answer() {
        let t = "Sure! Here is a summary of the treaty.\n\nThe treaty was signed in 1920 citeturn0search2.\n\nIf you'd like, I can add a timeline.\n";
        assert_eq!(kind(t).kind, SourceKind::ChatAnswer);
    }

    #[test]
    fn nothing_is_prose() {
        let t = "It was a quiet morning.\n\nShe walked to the river and sat down, thinking about the years gone by and the people she had known there.\n";
        let k = kind(t);
        assert_eq!(k.kind, SourceKind::Prose);
        assert_eq!(k.confidence, 0.5);
    }
}
