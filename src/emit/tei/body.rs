//! The `text` element: front matter, body divisions and blocks.
//!
//! Headings open `div`s (a level-2 heading nests in the level-1 division
//! before it); blocks joined by an applied layout edit (a paragraph broken at
//! a page end) share one `p`.

use super::Tei;
use super::inline::write_span;
use crate::Conversion;
use crate::document::{Block, BlockKind};
use crate::edit::Category;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    let blocks = &c.document.blocks;
    let joined = joins(c);
    t.start("text", &[]);
    t.raw("\n");
    let front: Vec<&Block> = blocks
        .iter()
        .take_while(|b| matches!(b.kind, BlockKind::Title | BlockKind::Subtitle))
        .collect();
    if !front.is_empty() {
        t.start("front", &[]);
        t.start("titlePage", &[]);
        t.start("docTitle", &[]);
        for b in &front {
            let kind = if b.kind == BlockKind::Title {
                "main"
            } else {
                "sub"
            };
            t.start("titlePart", &[("type", kind)]);
            write_span(t, c, b.span, &b.inlines, &[]);
            t.end("titlePart");
        }
        t.end("docTitle");
        t.end("titlePage");
        t.end("front");
        t.raw("\n");
    }
    t.start("body", &[]);
    t.raw("\n");
    let mut open_divs: Vec<u8> = Vec::new();
    let mut in_p = false;
    let mut wrote_any = false;
    for (i, b) in blocks.iter().enumerate().skip(front.len()) {
        if !in_p {
            match b.kind {
                BlockKind::Head { level } => {
                    while open_divs.last().is_some_and(|&l| l >= level) {
                        open_divs.pop();
                        t.end("div");
                        t.raw("\n");
                    }
                    t.start("div", &[]);
                    open_divs.push(level);
                    t.start("head", &[]);
                    write_span(t, c, b.span, &b.inlines, &[]);
                    t.end("head");
                    t.raw("\n");
                    wrote_any = true;
                    continue;
                }
                _ => t.start("p", &[]),
            }
        }
        write_span(t, c, b.span, &b.inlines, &[]);
        in_p = joined[i];
        if in_p {
            t.text(" ");
        } else {
            t.end("p");
            t.raw("\n");
        }
        wrote_any = true;
    }
    if !wrote_any {
        // TEI requires content in body; an empty source gives an empty paragraph.
        t.empty("p", &[]);
    }
    for _ in open_divs {
        t.end("div");
        t.raw("\n");
    }
    t.end("body");
    t.raw("\n");
    t.end("text");
    t.raw("\n");
}

/// `joined[i]` is true when an applied layout edit covers the whole gap
/// between paragraph `i` and the next one, merging them.
fn joins(c: &Conversion) -> Vec<bool> {
    let blocks = &c.document.blocks;
    let mut out = vec![false; blocks.len()];
    for (i, pair) in blocks.windows(2).enumerate() {
        let gap = crate::span::Span::new(pair[0].span.end, pair[1].span.start);
        let both_text = matches!(pair[0].kind, BlockKind::Paragraph)
            && matches!(pair[1].kind, BlockKind::Paragraph);
        let k = c.edits.partition_point(|e| e.span.end < gap.start);
        out[i] = both_text
            && c.edits[k..]
                .iter()
                .take_while(|e| e.span.start <= gap.start)
                .any(|e| e.is_applied() && e.category == Category::Layout && e.span.contains(gap));
    }
    out
}
