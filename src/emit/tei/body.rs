//! The `text` element: front matter, body divisions and blocks, back matter.
//!
//! - Leading title, front-matter lines, abstract and keywords go to `front`
//!   (`titlePage` with `docTitle`, `docImprint`, `docAuthor`, `byline`; then
//!   `div type="abstract"` and `div type="keywords"`).
//! - Headings open `div`s (a level-2 heading nests in the level-1 division
//!   before it); a run-in head ("Turkey. Turkey has…") opens a `div` one level
//!   below the last standalone heading, with the rest of its paragraph as the
//!   first `p`.
//! - A dateline or byline at the top of a division is `dateline`/`byline`.
//! - Figures are `figure` with `head`, caption `p` and `note type="credit"`.
//! - A block kept verbatim (code, table, formula, data: see
//!   [`crate::profile::verbatim`]) is `ab` with its kind as `@type`.
//! - A footnote of a page is `note place="foot"` with its mark as `@n`.
//! - Consecutive list items make one `list` of `item`s with their `label`.
//! - A trailing bibliography goes to `back` as `listBibl/bibl`, each entry
//!   with `@n` and an `xml:id` that citations point to.
//! - Blocks joined by an applied layout edit (a paragraph broken at a page
//!   end) share one `p`.
//!
//! Every character of the source is written once, through
//! [`write_span`], so `restore` gets the text back from here.

use super::Tei;
use super::inline::{Container, write_span};
use crate::Conversion;
use crate::document::{Block, BlockKind, FrontKind, LeadKind};
use crate::edit::Category;
use crate::span::Span;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    let blocks = &c.document.blocks;
    let joined = joins(c);
    // Every character of `text` is the source's, spaces included: renderers
    // that trim the spaces at the edges of inline elements (the TEI
    // Stylesheets do) must keep them.
    t.start(
        "text",
        &[
            ("xml:lang", c.profile.lang.tag()),
            ("xml:space", "preserve"),
        ],
    );
    t.raw("\n");
    let front_len = blocks
        .iter()
        .take_while(|b| {
            matches!(
                b.kind,
                BlockKind::Title
                    | BlockKind::Subtitle
                    | BlockKind::Front(_)
                    | BlockKind::Abstract
                    | BlockKind::Keywords
            )
        })
        .count();
    // Keep a body: if everything is front matter, the last block goes to the body.
    let front_len = if front_len == blocks.len() {
        front_len.saturating_sub(1)
    } else {
        front_len
    };
    let is_bibl = |b: &Block| matches!(b.kind, BlockKind::Bibl { .. });
    // the bibliography (a heading or its first entry, then its entries) and
    // what follows it (footnotes, an appendix) go to the back
    let back_from = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::BiblHead) || is_bibl(b))
        .filter(|&i| i > front_len)
        .unwrap_or(blocks.len());
    if front_len > 0 {
        write_front(t, c, &blocks[..front_len]);
    }
    write_body(t, c, front_len, back_from, &joined);
    if back_from < blocks.len() {
        write_back(t, c, back_from);
    }
    t.end("text");
    t.raw("\n");
}

fn write_front(t: &mut Tei, c: &Conversion, blocks: &[Block]) {
    t.start("front", &[]);
    t.raw("\n");
    let title_page: Vec<&Block> = blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Title | BlockKind::Subtitle | BlockKind::Front(_)
            )
        })
        .collect();
    if !title_page.is_empty() {
        t.start("titlePage", &[]);
        t.raw("\n");
        for b in title_page {
            let (outer, inner): (&str, Option<(&str, &str)>) = match b.kind {
                BlockKind::Title => ("docTitle", Some(("titlePart", "main"))),
                BlockKind::Subtitle => ("docTitle", Some(("titlePart", "sub"))),
                BlockKind::Front(FrontKind::Doi) => ("docImprint", None),
                BlockKind::Front(FrontKind::Author) => ("docAuthor", None),
                _ => ("byline", None),
            };
            t.start(outer, &[]);
            if let Some((name, kind)) = inner {
                t.start(name, &[("type", kind)]);
            }
            write_span(t, c, b.span, &b.inlines, &[]);
            if let Some((name, _)) = inner {
                t.end(name);
            }
            t.end(outer);
            t.raw("\n");
        }
        t.end("titlePage");
        t.raw("\n");
    }
    let mut k = 0;
    while k < blocks.len() {
        let kind = &blocks[k].kind;
        let ty = match kind {
            BlockKind::Abstract => "abstract",
            BlockKind::Keywords => "keywords",
            _ => {
                k += 1;
                continue;
            }
        };
        t.start("div", &[("type", ty)]);
        t.raw("\n");
        while k < blocks.len() && blocks[k].kind == *kind {
            let b = &blocks[k];
            t.start("p", &[]);
            write_span(t, c, b.span, &b.inlines, &[]);
            t.end("p");
            t.raw("\n");
            k += 1;
        }
        t.end("div");
        t.raw("\n");
    }
    t.end("front");
    t.raw("\n");
}

/// Where the writer stands in the body.
struct State {
    /// Levels of the open `div`s.
    divs: Vec<u8>,
    /// Level of the last standalone heading (run-in heads nest below it).
    last_head: u8,
    /// True once the current division holds running content (p, list,
    /// figure…); `dateline`/`byline` may only come before that.
    has_content: bool,
    /// An open `list` element.
    in_list: bool,
    /// Inside a `p` continued across blocks by a layout join.
    in_p: bool,
    /// True once a division or running content has been written.
    wrote_any: bool,
}

impl State {
    fn close_list(&mut self, t: &mut Tei) {
        if self.in_list {
            t.end("list");
            t.raw("\n");
            self.in_list = false;
        }
    }

    fn open_div(&mut self, t: &mut Tei, level: u8) {
        self.close_list(t);
        while self.divs.last().is_some_and(|&l| l >= level) {
            self.divs.pop();
            t.end("div");
            t.raw("\n");
        }
        t.start("div", &[]);
        self.divs.push(level);
        self.has_content = false;
    }
}

fn write_body(t: &mut Tei, c: &Conversion, from: usize, to: usize, joined: &[bool]) {
    let blocks = &c.document.blocks;
    let text = &c.source.text;
    t.start("body", &[]);
    t.raw("\n");
    let mut st = State {
        divs: Vec::new(),
        last_head: 0,
        has_content: false,
        in_list: false,
        in_p: false,
        wrote_any: false,
    };
    for i in from..to {
        let b = &blocks[i];
        if st.in_p {
            // Continuation of a paragraph joined across a break.
            write_span(t, c, b.span, &b.inlines, &[]);
            close_or_join(t, &mut st, joined[i]);
            continue;
        }
        if !matches!(b.kind, BlockKind::Item { .. }) {
            st.close_list(t);
        }
        match &b.kind {
            // a running head or page number taken for a heading opens no
            // division: it is page furniture out of the reading text
            BlockKind::Head { level } if !page_furniture(c, b.span) => {
                st.open_div(t, *level);
                st.wrote_any = true;
                st.last_head = *level;
                t.start("head", &[]);
                write_span(t, c, b.span, &b.inlines, &[]);
                t.end("head");
                t.raw("\n");
            }
            BlockKind::Figure(fig) => {
                t.start("figure", &[]);
                let mut last: Option<usize> = None;
                for (part, span) in [("head", fig.head), ("p", fig.caption), ("note", fig.credit)] {
                    let Some(span) = span else { continue };
                    // the source's spacing between the parts, so that the
                    // text of the figure reads as the source does
                    if let Some(gap) = last.and_then(|end| text.get(end..span.start)) {
                        t.text(if gap.trim().is_empty() { gap } else { "\n" });
                    }
                    last = Some(span.end);
                    let attrs: &[(&str, &str)] = if part == "note" {
                        &[("type", "credit")]
                    } else {
                        &[]
                    };
                    t.start(part, attrs);
                    write_span(t, c, span, &b.inlines, &[]);
                    t.end(part);
                }
                t.end("figure");
                t.raw("\n");
                st.has_content = true;
            }
            BlockKind::Item { label } => {
                if !st.in_list {
                    t.start("list", &[]);
                    t.raw("\n");
                    st.in_list = true;
                }
                match other_lang(c, i) {
                    Some(lang) => t.start("item", &[("xml:lang", lang)]),
                    None => t.start("item", &[]),
                }
                let rest_from = match label {
                    Some(l) if b.span.contains(*l) && !l.is_empty() => {
                        t.start("label", &[]);
                        write_span(t, c, *l, &b.inlines, &[]);
                        t.end("label");
                        t.text(" ");
                        l.end
                    }
                    _ => b.span.start,
                };
                write_span(t, c, rest_of(text, b.span, rest_from), &b.inlines, &[]);
                t.end("item");
                t.raw("\n");
                st.has_content = true;
                st.wrote_any = true;
            }
            BlockKind::Contents => {
                // a division of its own where a heading follows (body and
                // divisions hold no paragraph after a division), else a
                // list in the running content
                let div = blocks
                    .get(i + 1)
                    .is_none_or(|n| i + 1 >= to || matches!(n.kind, BlockKind::Head { .. }));
                if div {
                    st.close_list(t);
                    for _ in st.divs.drain(..) {
                        t.end("div");
                        t.raw("\n");
                    }
                    t.start("div", &[("type", "contents")]);
                } else {
                    t.start("list", &[("type", "contents")]);
                }
                write_contents(t, c, b, div);
                t.end(if div { "div" } else { "list" });
                t.raw("\n");
                st.has_content = !div;
                st.wrote_any = true;
            }
            BlockKind::Note { mark } => {
                // a footnote: out of the paragraphs, where the page had it
                t.start("note", &[("place", "foot"), ("n", mark.of(text).trim())]);
                write_span(t, c, b.span, &b.inlines, &[]);
                t.end("note");
                t.raw("\n");
                st.has_content = true;
                st.wrote_any = true;
            }
            BlockKind::Byline if !st.has_content => {
                t.start("byline", &[]);
                write_span(t, c, b.span, &b.inlines, &[]);
                t.end("byline");
                t.raw("\n");
            }
            _ => {
                let mut from = b.span.start;
                match b.lead {
                    Some(lead) if lead.kind == LeadKind::Head && b.span.contains(lead.span) => {
                        st.open_div(t, st.last_head.saturating_add(1));
                        st.wrote_any = true;
                        t.start("head", &[]);
                        write_span(t, c, lead.span, &b.inlines, &[]);
                        t.end("head");
                        t.raw("\n");
                        from = lead.span.end;
                    }
                    Some(lead)
                        if lead.kind == LeadKind::Dateline
                            && b.span.contains(lead.span)
                            && !st.has_content =>
                    {
                        let place =
                            crate::parse::lead::dateline(b.span.of(text)).map(|((a, e), _)| {
                                let span = Span::new(b.span.start + a, b.span.start + e);
                                Container::bare(span, "placeName")
                            });
                        t.start("dateline", &[]);
                        write_span(t, c, lead.span, &b.inlines, place.as_slice());
                        t.end("dateline");
                        t.raw("\n");
                        from = lead.span.end;
                    }
                    _ => {}
                }
                let rest = rest_of(text, b.span, from);
                if rest.is_empty() {
                    continue;
                }
                let mut attrs: Vec<(&str, &str)> = Vec::new();
                // a block kept verbatim (code, table, formula, data) is no
                // paragraph of prose: an anonymous block of its type, its
                // lines as they are (`text` preserves space)
                let verbatim = c.profile.verbatim_block(i);
                if matches!(b.kind, BlockKind::Byline) {
                    attrs.push(("rend", "byline"));
                } else if let Some(v) = verbatim {
                    attrs.push(("type", v.id()));
                }
                if let Some(lang) = other_lang(c, i) {
                    attrs.push(("xml:lang", lang));
                }
                if verbatim.is_some() {
                    t.start("ab", &attrs);
                    write_span(t, c, rest, &b.inlines, &[]);
                    t.end("ab");
                    t.raw("\n");
                    st.has_content = true;
                    st.wrote_any = true;
                    continue;
                }
                t.start("p", &attrs);
                write_span(t, c, rest, &b.inlines, &[]);
                st.has_content = true;
                st.wrote_any = true;
                close_or_join(t, &mut st, joined[i]);
            }
        }
    }
    if st.in_p {
        t.end("p");
        t.raw("\n");
    }
    st.close_list(t);
    if !st.wrote_any {
        // TEI requires running content in body (a dateline or byline alone is
        // not enough); an empty source gives an empty paragraph.
        t.empty("p", &[]);
    }
    for _ in st.divs {
        t.end("div");
        t.raw("\n");
    }
    t.end("body");
    t.raw("\n");
}

/// A table of contents: its first line the `head`, each entry line an
/// `item` of a `list` (inside the `list type="contents"` written already,
/// or a list of its own in a `div type="contents"`), verbatim.
fn write_contents(t: &mut Tei, c: &Conversion, b: &Block, in_div: bool) {
    let text = &c.source.text;
    let lines: Vec<Span> = crate::parse::lines::lines(b.span.of(text))
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| Span::new(b.span.start + l.content.start, b.span.start + l.content.end))
        .collect();
    let Some((&head, entries)) = lines.split_first() else {
        return;
    };
    t.start("head", &[]);
    write_span(t, c, head, &b.inlines, &[]);
    t.end("head");
    t.raw("\n");
    if entries.is_empty() {
        return;
    }
    if in_div {
        t.start("list", &[]);
        t.raw("\n");
    }
    for &line in entries {
        t.start("item", &[]);
        write_span(t, c, line, &b.inlines, &[]);
        t.end("item");
        t.raw("\n");
    }
    if in_div {
        t.end("list");
        t.raw("\n");
    }
}

/// The language of block `i` when it is not the document's.
fn other_lang(c: &Conversion, i: usize) -> Option<&'static str> {
    let lang = c.profile.block_lang(i);
    (lang != c.profile.lang).then_some(lang.tag())
}

fn close_or_join(t: &mut Tei, st: &mut State, joined: bool) {
    st.in_p = joined;
    if joined {
        t.text(" ");
    } else {
        t.end("p");
        t.raw("\n");
    }
}

/// The part of `span` from `from` on, leading whitespace skipped.
fn rest_of(text: &str, span: Span, from: usize) -> Span {
    let from = from.clamp(span.start, span.end);
    let s = &text[from..span.end];
    let skip = s.len() - crate::scan::trim_start(s).len();
    Span::new(from + skip, span.end)
}

fn write_back(t: &mut Tei, c: &Conversion, from: usize) {
    let blocks = &c.document.blocks;
    let is_bibl = |b: &Block| matches!(b.kind, BlockKind::Bibl { .. });
    t.start("back", &[]);
    t.raw("\n");
    t.start("div", &[("type", "bibliography")]);
    t.raw("\n");
    let head = &blocks[from];
    let first = if head.kind == BlockKind::BiblHead {
        t.start("head", &[]);
        write_span(t, c, head.span, &head.inlines, &[]);
        t.end("head");
        t.raw("\n");
        from + 1
    } else {
        from
    };
    let mut run = first;
    let end = loop {
        let end = run + blocks[run..].iter().take_while(|b| is_bibl(b)).count();
        write_entries(t, c, run..end, first);
        // the body's text that stands between two entries (a column the
        // copy put inside the list): divisions of their own between two
        // parts of the bibliography
        let Some(next) = blocks[end..].iter().position(is_bibl).map(|k| end + k) else {
            break end;
        };
        t.end("div");
        t.raw("\n");
        write_divisions(t, c, end..next);
        t.start("div", &[("type", "bibliography")]);
        t.raw("\n");
        run = next;
    };
    t.end("div");
    t.raw("\n");
    // what follows the entries (footnotes at the foot of the last page, an
    // appendix): paragraphs of their own
    if end < blocks.len() {
        t.start("div", &[("type", "annex")]);
        t.raw("\n");
        for b in &blocks[end..] {
            t.start("p", &[]);
            write_span(t, c, b.span, &b.inlines, &[]);
            t.end("p");
            t.raw("\n");
        }
        t.end("div");
        t.raw("\n");
    }
    t.end("back");
    t.raw("\n");
}

/// The entries `range` of the bibliography as a `listBibl`; an entry
/// without a number of its own is numbered from `first`.
fn write_entries(t: &mut Tei, c: &Conversion, range: std::ops::Range<usize>, first: usize) {
    if range.is_empty() {
        return;
    }
    t.start("listBibl", &[]);
    t.raw("\n");
    for i in range {
        let b = &c.document.blocks[i];
        let id = format!("bibl.{}", i + 1);
        let n = match b.kind {
            BlockKind::Bibl { n: Some(n) } => n.to_string(),
            _ => (i + 1 - first).to_string(),
        };
        let mut attrs = vec![("xml:id", id.as_str()), ("n", n.as_str())];
        if let Some(lang) = other_lang(c, i) {
            attrs.push(("xml:lang", lang));
        }
        t.start("bibl", &attrs);
        write_span(t, c, b.span, &b.inlines, &[]);
        t.end("bibl");
        t.raw("\n");
    }
    t.end("listBibl");
    t.raw("\n");
}

/// Blocks of running text in the back (`range`): a `div` of paragraphs,
/// a new one at each heading, which TEI puts first in its division.
fn write_divisions(t: &mut Tei, c: &Conversion, range: std::ops::Range<usize>) {
    let mut open = false;
    for i in range {
        let b = &c.document.blocks[i];
        let head = matches!(b.kind, BlockKind::Head { .. });
        if open && head {
            t.end("div");
            t.raw("\n");
            open = false;
        }
        if !open {
            t.start("div", &[]);
            t.raw("\n");
            open = true;
        }
        let tag = if head { "head" } else { "p" };
        t.start(tag, &[]);
        write_span(t, c, b.span, &b.inlines, &[]);
        t.end(tag);
        t.raw("\n");
    }
    if open {
        t.end("div");
        t.raw("\n");
    }
}

/// `joined[i]` is true when an applied layout edit covers the whole gap
/// between paragraph `i` and the next one, merging them; page furniture
/// removed whole between the two halves (page numbers, running heads) is
/// written inside the merged paragraph, as the surplus it is.
/// True if an applied page-furniture edit (`pages`) removes all of `span`.
fn page_furniture(c: &Conversion, span: Span) -> bool {
    let k = c.edits.partition_point(|e| e.span.end < span.start);
    c.edits[k..]
        .iter()
        .take_while(|e| e.span.start <= span.start)
        .any(|e| e.is_applied() && e.span.contains(span) && crate::passes::is_page_furniture(e))
}

fn joins(c: &Conversion) -> Vec<bool> {
    let blocks = &c.document.blocks;
    let mut out = vec![false; blocks.len()];
    let covering = |gap: Span, pick: &dyn Fn(&crate::edit::Edit) -> bool| {
        let k = c.edits.partition_point(|e| e.span.end < gap.start);
        c.edits[k..]
            .iter()
            .take_while(|e| e.span.start <= gap.start)
            .any(|e| e.is_applied() && e.span.contains(gap) && pick(e))
    };
    // page furniture, or a footnote or caption moved after the paragraph
    let removed = |i: usize| {
        let b = blocks[i].span;
        let next = blocks.get(i + 1).map_or(b.end, |n| n.span.start);
        covering(Span::new(b.start, next), &|e| {
            crate::passes::is_page_furniture(e) || (e.rule == crate::passes::MOVED)
        })
    };
    let mut i = 0;
    while i + 1 < blocks.len() {
        let gap = Span::new(blocks[i].span.end, blocks[i + 1].span.start);
        if !matches!(blocks[i].kind, BlockKind::Paragraph)
            || !covering(gap, &|e| e.category == Category::Layout)
        {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j + 1 < blocks.len() && removed(j) {
            j += 1;
        }
        if matches!(blocks[j].kind, BlockKind::Paragraph) && blocks[j].lead.is_none() {
            out[i..j].fill(true);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind;
    use crate::edit::{Category, Edit};

    const NEWS: &str = "News of the Day\n\nA long gallery title over the pictures of the day in the city\n\nSoldiers near the front. Photo: AFP\n\nA long gallery title over the pictures of the day in the city\n\nSoldiers near the front. Photo: AFP\n\nThe war went on.";

    #[test]
    fn the_body_column_between_entries_is_written_between_two_lists() {
        let list: String = (1..=16)
            .map(|n| format!("[{n}] A. Author, Title {n}, 2001.\n"))
            .collect();
        let t = format!(
            "I. INTRODUCTION\n\nThe model is tested here against the data of the sky.\n\nReferences\n{list}\nobservations, it is needed at least a value of 0.07.\nThe most promising feature of\nthe model resides on its state [16],\n[17]. We have shown that the change in the type of\nstatistics has effects in the CMB.\nIt is necessary to investigate whether\nthe condition holds, or not.\nAcknowledgements\n\nWe would like to thank them.\n\n[17] B. Author, Title,\n2002.\n[18] C. Author, 2003.\n"
        );
        let c = crate::convert_text("p.txt", &t);
        let tei = crate::emit::Format::Tei.render(&c);
        let back = &tei[tei.find("<back>").expect("a back")..];
        let order: Vec<usize> = [
            "<bibl xml:id=\"bibl.",
            "We have shown",
            "<head>Acknowledgements</head>",
            "We would like to thank",
            "n=\"17\"",
            "n=\"18\"",
        ]
        .iter()
        .map(|m| back.find(m).unwrap_or_else(|| panic!("{m} in {back}")))
        .collect();
        assert!(order.is_sorted(), "{back}");
        assert_eq!(back.matches("<bibl ").count(), 18, "{back}");
        assert_eq!(back.matches("<listBibl>").count(), 2, "{back}");
    }

    #[test]
    fn a_figure_removed_whole_still_renders_and_restores() {
        let mut c = crate::convert_text("n.txt", NEWS);
        let figs: Vec<_> = c
            .document
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Figure(_)))
            .map(|b| b.span)
            .collect();
        assert_eq!(figs.len(), 2);
        // What a duplicates rule would do: remove the second figure whole.
        let dup = Edit::new(NEWS, figs[1], "", "duplicates", Category::Duplicate, 0.95);
        let mut proposed = c.edits.clone();
        proposed.push(dup);
        c.edits =
            crate::decide::decide(proposed, &c.document.protected_spans(), 0.8, &|_| None).edits;
        c.clean = crate::apply::apply(NEWS, &c.edits);
        assert_eq!(c.clean.matches("Soldiers near the front.").count(), 1);
        assert!(!c.clean.contains("Photo: AFP"));
        let tei = super::super::to_string(&c);
        assert!(tei.contains("<figure><head><choice n=\"e"), "{tei}");
        assert!(
            tei.contains("<reg/><orig><surplus reason=\"repeated\">"),
            "{tei}"
        );
        let back = crate::restore::from_tei(&tei, "n.xml").expect("restores");
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&back), squeeze(NEWS));
    }
}
