//! Parsing with nom: source text to [`Document`].
//!
//! The grammar works in layers, each a small module: [`lines`] cuts the text
//! into lines with spans, [`blocks`] groups them into blocks by the document's
//! paragraph convention, [`classify`] decides what each block is, and
//! [`inline`] finds inline elements inside blocks. Whatever no rule claims is a
//! paragraph; no text is ever dropped.
//!
//! [`classify`] composes small nom grammars, each with its own tests:
//! [`front`] (DOI, ORCID, e-mail and author lines, affiliations, abstract and
//! keyword leads, bibliography headings), [`lead`] (run-in heads and news
//! datelines), [`heads`] (numbered headings run into the text), [`label`] (list labels and section numbers), [`figure`]
//! (picture credits) and [`bibl`] (entry numbers, in-text citations and their
//! matching). [`markdown`] finds emphasis and links left from markdown;
//! [`grammar`] holds the shared combinators. [`check_invariants`] states what
//! a parse guarantees; property tests and the fuzz targets hold it to that.

pub mod bibl;
pub mod blocks;
pub mod captions;
pub mod classify;
pub mod contents;
pub mod figure;
pub mod footnotes;
pub mod front;
pub mod grammar;
pub mod heads;
pub mod inline;
pub mod label;
pub mod layout;
pub mod lead;
pub mod lines;
pub mod markdown;
pub mod verbatim;

use crate::analysis::sites::Sites;
use crate::document::{BlockKind, Document};

/// Parses `text` into a document. Never panics, never drops text: every
/// non-blank line lies inside exactly one block.
pub fn parse(text: &str) -> Document {
    // the lines are only grouped: dropped before the blocks are classified
    let (convention, raw) = blocks::group(text, &lines::lines(text));
    let mut doc = classify::classify(text, convention, raw);
    let entries = bibl::Bibliography::new(
        doc.blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match b.kind {
                BlockKind::Bibl { n } => Some(bibl::Entry {
                    block: i,
                    n,
                    text: b.span.of(text),
                }),
                _ => None,
            })
            .collect(),
    );
    // a block of words and spaces alone (no ASCII mark, nothing outside
    // ASCII) holds no inline element: a link, an address, a quotation, an
    // emphasis and a citation each need a mark or a curly quote. Most lines
    // of a text of short lines are such blocks: one table walk, not the
    // searches of each kind.
    let plain: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| !Sites::MARK.in_text(b.span.of(text)))
        .collect();
    let cites: Vec<Vec<crate::document::Inline>> = doc
        .blocks
        .iter()
        .zip(&plain)
        .map(|(b, &plain)| match b.kind {
            _ if plain => Vec::new(),
            BlockKind::Paragraph
            | BlockKind::Item { .. }
            | BlockKind::Abstract
            | BlockKind::Figure(_) => inline::citations(text, b.span, &entries),
            _ => Vec::new(),
        })
        .collect();
    for ((block, cites), plain) in doc.blocks.iter_mut().zip(cites).zip(plain) {
        if plain {
            block.inlines = Vec::new();
            continue;
        }
        block.inlines = inline::inlines(text, block.span);
        inline::add_markdown(text, block.span, &mut block.inlines);
        inline::add_citations(&mut block.inlines, cites);
    }
    doc
}

/// Checks the parser's invariants on `doc` parsed from `text`: blocks in
/// order and never overlapping, every span on character boundaries inside
/// its block, and every non-blank character inside a block. Returns the first
/// violation found. Used by the property tests and the fuzz targets.
pub fn check_invariants(text: &str, doc: &Document) -> Result<(), String> {
    let ok = |s: crate::span::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut prev_end = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        if !ok(b.span) || b.span.start < prev_end || b.span.is_empty() {
            return Err(format!(
                "block {i} {:?} out of order, empty or off a boundary",
                b.span
            ));
        }
        prev_end = b.span.end;
        let inside = |s: crate::span::Span| ok(s) && b.span.contains(s);
        if let Some(l) = b.lead
            && !inside(l.span)
        {
            return Err(format!("lead of block {i} outside it"));
        }
        if let Some(x) = b.inlines.iter().find(|x| !inside(x.span)) {
            return Err(format!("inline {:?} outside block {i}", x.span));
        }
        let parts: Vec<crate::span::Span> = match &b.kind {
            BlockKind::Figure(f) => [f.head, f.caption, f.credit]
                .into_iter()
                .flatten()
                .collect(),
            BlockKind::Item { label } => label.iter().copied().collect(),
            BlockKind::Note { mark } => vec![*mark],
            _ => Vec::new(),
        };
        if parts.iter().any(|&s| !inside(s)) {
            return Err(format!("part of block {i} outside it"));
        }
    }
    let mut k = 0;
    for (pos, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while k < doc.blocks.len() && doc.blocks[k].span.end <= pos {
            k += 1;
        }
        if k == doc.blocks.len() || doc.blocks[k].span.start > pos {
            return Err(format!("character {c:?} at {pos} is in no block"));
        }
    }
    let meta = &doc.meta;
    let spans = meta
        .title
        .iter()
        .chain(&meta.subtitle)
        .chain(&meta.doi)
        .chain(&meta.keywords)
        .copied()
        .chain(meta.authors.iter().flat_map(|a| {
            [Some(a.name), a.orcid, a.email.as_ref().map(|e| e.span)]
                .into_iter()
                .flatten()
                .chain(a.affiliations.iter().copied())
        }));
    for s in spans {
        if !ok(s) {
            return Err(format!("header span {s:?} off a boundary"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_non_blank_line_is_in_one_block() {
        let text = "Title here\n\nFirst para\nwraps here.\n\n  \nSecond para.\n";
        let doc = parse(text);
        let covered: String = doc.blocks.iter().map(|b| b.span.of(text)).collect();
        let expected: String = text.split_whitespace().collect();
        assert_eq!(covered.split_whitespace().collect::<String>(), expected);
    }

    use proptest::prelude::*;

    proptest! {
        /// A block of words and spaces alone, given no inline elements
        /// by `parse`, gets none from the searches it is spared.
        #[test]
        fn plain_blocks_hold_no_inline_element(s in "[a-zA-Z0-9 \n]{0,60}") {
            let span = crate::span::Span::new(0, s.len());
            let mut found = inline::inlines(&s, span);
            inline::add_markdown(&s, span, &mut found);
            prop_assert!(found.is_empty());
            let bib = bibl::Bibliography::new(Vec::new());
            prop_assert!(inline::citations(&s, span, &bib).is_empty());
        }
    }

    /// Lines in the shapes the grammars look for, to be shuffled together.
    const PIECES: &[&str] = &[
        "DOI <https://doi.org/10.1000/x.1>",
        "THE TITLE OF A PAPER",
        "Jane Smith,",
        "*Department of History, University of Oslo*",
        "ORCID ID: 0000-0002-3466-4951",
        "jane@uio.example.no",
        "Abstract. We study things.",
        "Key words: war, peace, war, etc.",
        "Methods. We read (Smith 2019, p. 4).",
        "Turkey. Turkey said [1].",
        "Yerevan: The fighting went on.",
        "MOSCOW (Reuters) — Talks failed.",
        "Main part",
        "## Results",
        "1.2 Data",
        "Phase I: It began.",
        "• a bullet",
        "Soldiers at the front. Photo: AFP",
        "By John Smith",
        "— Reuters",
        "References:",
        "1. Smith, J. 2019. Wars. Oxford.",
        "[2] Doe 2020 <https://x.org/a>",
        "**bold** and *italic",
        "text* and [a link](https://x.org) and [x](#)",
        "(7. Wars) (NATO chief tells Turkey)",
        "İsmayıl Musa əli “quoted” text.",
        "",
        "",
        "   ",
    ];

    fn doc_text() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            3 => proptest::sample::select(PIECES).prop_map(str::to_owned),
            1 => "[a-zA-Z0-9 .,:;*()<>#“”\\[\\]İə—-]{0,40}",
        ];
        let end = proptest::sample::select(&["\n", "\r\n", "\r", "\n\n"][..]);
        proptest::collection::vec((line, end), 0..40)
            .prop_map(|v| v.into_iter().map(|(l, e)| l + e).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn parse_keeps_its_invariants_on_structured_text(text in doc_text()) {
            let doc = parse(&text);
            prop_assert_eq!(check_invariants(&text, &doc), Ok(()));
        }

        #[test]
        fn parse_keeps_its_invariants_on_any_text(text in "\\PC{0,400}") {
            let doc = parse(&text);
            prop_assert_eq!(check_invariants(&text, &doc), Ok(()));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn tei_stays_well_formed_and_restorable(text in doc_text()) {
            let c = crate::convert_text("p.txt", &text);
            let tei = crate::emit::tei::to_string(&c);
            let back = crate::restore::from_tei(&tei, "p.xml");
            prop_assert!(back.is_ok(), "{:?}", back);
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&back.unwrap_or_default()), squeeze(&text));
        }
    }
}
