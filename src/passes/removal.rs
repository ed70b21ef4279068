//! The spans that take a block or a line out of the reading text, shared by
//! every rule that removes one (boilerplate, furniture, pages, markup,
//! credits, fragments, repetition, duplicates): one definition of how much
//! blank space goes with what is removed, so the clean text keeps one
//! separator between what stays, whichever rule removed what.

use crate::document::Document;
use crate::span::Span;

/// The span removing block `i` of `doc`: the block plus the blank space after
/// it, up to the next block (or the end of the text), so the clean text keeps
/// one separator between the blocks around it.
pub(crate) fn removal_span(text: &str, doc: &Document, i: usize) -> Span {
    let b = doc.blocks[i].span;
    let end = match doc.blocks.get(i + 1) {
        Some(next) => next.span.start,
        None => text.len(),
    };
    Span::new(b.start, end.max(b.end))
}

/// The non-empty lines of `block`, each without its line break and the
/// blanks around it.
pub(crate) fn line_spans(text: &str, block: Span) -> impl Iterator<Item = Span> + '_ {
    let mut start = block.start;
    block
        .of(text)
        .split_inclusive('\n')
        .filter_map(move |piece| {
            let at = start;
            start += piece.len();
            // the line break is white space: trimmed with it, or first
            let body = piece.strip_suffix('\n').unwrap_or(piece);
            let content = crate::scan::trim_end(body);
            let lead = content.len() - crate::scan::trim_start(content).len();
            (content.len() > lead).then(|| Span::new(at + lead, at + content.len()))
        })
}

/// The span taking `line` out of `block` with the line breaks after it (up
/// to the next line's indentation), or for the last line those before it, so
/// the lines around keep the separation they had from it.
pub(crate) fn line_removal_span(text: &str, block: Span, line: Span) -> Span {
    let rest = &text[line.end..block.end];
    let blank = &rest[..rest.len() - rest.trim_start().len()];
    match blank.rfind('\n') {
        Some(nl) => Span::new(line.start, line.end + nl + 1),
        None => {
            let before = text[block.start..line.start].trim_end();
            Span::new(block.start + before.len(), block.end)
        }
    }
}
