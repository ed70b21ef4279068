//! The structured document the parser produces: header fields and blocks with
//! inline spans. Every node keeps the [`Span`] of its source, so passes and
//! emitters never re-derive offsets themselves.

use crate::span::Span;

/// How the source separates paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// Paragraphs are separated by blank lines; single line breaks wrap text.
    BlankLines,
    /// Every line is a paragraph (no blank lines between them).
    LineBreaks,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// How paragraphs were separated in the source.
    pub convention: Convention,
    /// Blocks in source order; together they cover every non-blank line.
    pub blocks: Vec<Block>,
    /// Header fields found in the text (title, identifiers, keywords...).
    pub meta: Meta,
}

/// A block of the body: heading, paragraph, bibliography entry...
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Source span, without surrounding blank space.
    pub span: Span,
    /// A run-in lead at the start of the block: "Methods." or "Yerevan:".
    pub lead: Option<Lead>,
    /// Inline elements inside the block, sorted by start.
    pub inlines: Vec<Inline>,
}

/// The kind of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// The document title (the first short line).
    Title,
    /// A subtitle directly under the title.
    Subtitle,
    /// A section heading; level 1 is the top.
    Head {
        /// Nesting level, 1-based.
        level: u8,
    },
    /// Running text.
    Paragraph,
    /// Front matter that belongs in the header (DOI line, author, affiliation,
    /// ORCID, e-mail): kept in the text as a labelled block, copied to the header.
    Front(FrontKind),
    /// The abstract.
    Abstract,
    /// A keyword list.
    Keywords,
    /// An item of a list, with its label ("1.", "Phase I:", "•").
    Item {
        /// The label's span, if any.
        label: Option<Span>,
    },
    /// The heading of a bibliography ("References:").
    BiblHead,
    /// A bibliography entry, with its number if it has one.
    Bibl {
        /// The entry's number in the list.
        n: Option<u32>,
    },
    /// A figure: gallery title, caption, credit. Boxed: figures are rare,
    /// and unboxed the three spans made every block of a document 40 bytes
    /// larger (a million short lines make a million blocks).
    Figure(Box<Figure>),
    /// A byline or sign-off ("Author: admin", "— Reuters").
    Byline,
    /// A table of contents: its heading and entries, one line each.
    Contents,
    /// A footnote at a page's foot, split off the text around it.
    Note {
        /// The note's mark ("5", "†") at its start.
        mark: Span,
    },
}

/// Front-matter lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontKind {
    /// A DOI line.
    Doi,
    /// An author line.
    Author,
    /// An affiliation.
    Affiliation,
    /// An ORCID line.
    Orcid,
    /// An e-mail line.
    Email,
}

/// The parts of a figure block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figure {
    /// A gallery title above the caption.
    pub head: Option<Span>,
    /// The caption text.
    pub caption: Option<Span>,
    /// A credit line ("Picture/People’s Vision", "Photo: AFP").
    pub credit: Option<Span>,
}

/// A run-in lead of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    /// What the lead is.
    pub kind: LeadKind,
    /// Its span, including its closing punctuation.
    pub span: Span,
}

/// Kinds of run-in lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeadKind {
    /// A run-in heading: "Methods." starts a section.
    Head,
    /// A news dateline: "Yerevan:" or "MOSCOW (Reuters) —".
    Dateline,
}

/// An inline element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    /// What it is.
    pub kind: InlineKind,
    /// Its span, delimiters included.
    pub span: Span,
}

/// Kinds of inline element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InlineKind {
    /// Emphasis from markdown: `rend` is "bold" or "italic".
    Emphasis {
        /// TEI `@rend` value.
        rend: &'static str,
    },
    /// A link with a target (markdown `[text](url)` or `<url>`).
    Link {
        /// The link target.
        target: String,
    },
    /// A markdown image `![alt](src)`: the picture's address; the alt text
    /// describes it and is no part of the reading text.
    Image {
        /// The image address.
        target: String,
    },
    /// A bare URL.
    Url,
    /// An e-mail address.
    Email,
    /// A DOI.
    Doi,
    /// An ORCID identifier.
    Orcid,
    /// A quotation between quote marks.
    Quote,
    /// An in-text citation, with the index of the bibliography block it cites.
    Citation {
        /// Index into [`Document::blocks`] of the cited entry.
        bibl: Option<usize>,
    },
}

impl InlineKind {
    /// True if nothing inside may be rewritten (names there are linked, not changed).
    pub fn is_protected(&self) -> bool {
        matches!(
            self,
            InlineKind::Link { .. }
                | InlineKind::Image { .. }
                | InlineKind::Url
                | InlineKind::Email
                | InlineKind::Doi
                | InlineKind::Orcid
                | InlineKind::Citation { .. }
        )
    }
}

/// Header fields found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// Title span.
    pub title: Option<Span>,
    /// Subtitle span.
    pub subtitle: Option<Span>,
    /// DOI (the identifier alone, e.g. `10.1000/xyz`).
    pub doi: Option<Span>,
    /// Authors with their details.
    pub authors: Vec<Author>,
    /// Keyword spans, one term each.
    pub keywords: Vec<Span>,
}

/// An author and what the text says about them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Author {
    /// The name.
    pub name: Span,
    /// Affiliations, in the order of the author's marks.
    pub affiliations: Vec<Span>,
    /// ORCID identifier.
    pub orcid: Option<Span>,
    /// E-mail address.
    pub email: Option<Email>,
}

/// An author's e-mail address and the source it was read from. A title
/// page may share the host among authors (`{gal,brendan}@mozilla.com`):
/// the address is then made from the list, which stays in the text as it
/// stands; the span is that of the whole list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// The address, `local@host`.
    pub address: String,
    /// The source it was read from: the address itself, or the list.
    pub span: Span,
}

impl Email {
    /// An address standing as it is in the text.
    pub fn verbatim(text: &str, span: Span) -> Self {
        Email {
            address: span.of(text).to_owned(),
            span,
        }
    }
}

impl Document {
    /// Spans where no text may be rewritten: URLs, e-mail addresses, DOIs,
    /// citations and whole bibliography entries. Sorted by start.
    pub fn protected_spans(&self) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for b in &self.blocks {
            match b.kind {
                BlockKind::Bibl { .. } | BlockKind::Front(_) => out.push(b.span),
                _ => out.extend(
                    b.inlines
                        .iter()
                        .filter(|i| i.kind.is_protected())
                        .map(|i| i.span),
                ),
            }
        }
        out.sort();
        out
    }

    /// Index of the block containing byte `offset`, if any.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.span.end <= offset);
        (i < self.blocks.len() && self.blocks[i].span.start <= offset).then_some(i)
    }
}
