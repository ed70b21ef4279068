//! TEI P5 output.
//!
//! The `text` element holds every character of the source in order, and
//! the TEI Consortium's stylesheets render it as emend's reading text:
//! an applied edit is a `choice` whose first child `reg` is the reading and
//! whose `orig` (`sic` for a correction) holds the source text, removed text
//! as an empty `reg` beside the `surplus` or `fw` it was; each `choice` has
//! `@resp` pointing at the rule's entry in the header's `editorialDecl` and
//! `@cert` giving its confidence. A suggested edit leaves the source text
//! inline in a `seg` (or an `anchor`) that a `span` of the `standOff`
//! points at with the proposed reading. The `teiHeader` holds copies of
//! metadata (title, ids, keywords), the `standOff` the proposals and the
//! entities mentioned. `emend restore` reads the source back from `text`
//! alone.
//!
//! Elements are written by a small escaping writer into a chunk buffer, not
//! through quick-xml's event writer, which built a `BytesStart` and strings
//! for every element: emission took a quarter of the instructions afterwards
//! (253M → 60M on 1.5 MB). The escaping is checked against quick-xml's, and
//! the outputs of the tests are read back with quick-xml (`emend check`,
//! `emend restore`) and validated against tei_all.

mod body;
mod header;
mod inline;
mod pages;
mod rights;
mod standoff;

use crate::Conversion;

/// The TEI namespace.
pub const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// The pass id of a rule (before any `/`): rules are declared per pass.
pub(crate) fn rule_pass(rule: &str) -> &str {
    rule.split('/').next().unwrap_or(rule)
}

/// `xml:id` of a rule's `editorialDecl` entry; `@resp` points at it.
pub fn rule_xml_id(rule: &str) -> String {
    format!("rule.{}", rule_pass(rule))
}

/// Renders `c` as a TEI document.
pub fn to_string(c: &Conversion) -> String {
    let mut out = Vec::with_capacity(1 << 16);
    write(c, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("TEI output is UTF-8")
}

/// Bytes gathered before they go to the output. The writer behind `out` is
/// reached through `dyn Write`; one call per chunk instead of several per
/// element keeps that cost out of the per-element work.
const CHUNK: usize = 1 << 15;

/// Writes `c` as a TEI document to `out`, so a large document can go
/// straight to a file instead of first being built as a string at least as
/// large as its source.
pub fn write(c: &Conversion, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut t = Tei {
        buf: Vec::with_capacity(CHUNK + CHUNK / 4),
        out,
        error: None,
        scratch: String::new(),
        proposals: Vec::new(),
        pages: pages::Pages::of(c),
    };
    t.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    t.start(
        "TEI",
        &[("xmlns", TEI_NS), ("xml:lang", c.profile.lang.tag())],
    );
    t.raw("\n");
    header::write(&mut t, c);
    body::write(&mut t, c);
    standoff::write(&mut t, c);
    t.end("TEI");
    t.raw("\n");
    t.flush();
    t.error.map_or(Ok(()), Err)
}

/// An XML writer for the few constructs TEI output needs, escaping as it
/// copies.
///
/// It keeps the first write error and writes nothing after it, so the
/// element-by-element code stays free of error plumbing; [`write`] reports
/// the error at the end.
pub(crate) struct Tei<'a> {
    buf: Vec<u8>,
    out: &'a mut dyn std::io::Write,
    error: Option<std::io::Error>,
    /// Reused by [`Tei::attr_fmt`].
    scratch: String,
    /// Suggested edits written inline, in order: the edit's index in the
    /// log and how many pieces of it (a proposed deletion across blocks is
    /// one piece a block), for the `standOff`'s list of proposals.
    proposals: Vec<(usize, usize)>,
    /// The source's page breaks, numbered, and how many are written.
    pages: pages::Pages,
}

impl Tei<'_> {
    /// Hands the gathered bytes to the output once a chunk is full.
    fn written(&mut self) {
        if self.buf.len() >= CHUNK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(&self.buf)
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// `<name`: attributes follow, then [`Tei::close_start`].
    pub(crate) fn open(&mut self, name: &str) {
        self.buf.push(b'<');
        self.buf.extend_from_slice(name.as_bytes());
    }

    /// ` key="value"` where the value is `parts` joined, escaped and
    /// cleaned of characters XML forbids.
    pub(crate) fn attr(&mut self, key: &str, parts: &[&str]) {
        self.buf.push(b' ');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"=\"");
        for part in parts {
            escape_into(&mut self.buf, part, Context::Attribute);
        }
        self.buf.push(b'"');
    }

    /// An attribute whose value is formatted, through a reused scratch
    /// string instead of a new one each time.
    pub(crate) fn attr_fmt(&mut self, key: &str, value: std::fmt::Arguments<'_>) {
        use std::fmt::Write as _;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = scratch.write_fmt(value);
        self.attr(key, &[&scratch]);
        self.scratch = scratch;
    }

    /// `>`: ends a start tag begun with [`Tei::open`].
    pub(crate) fn close_start(&mut self) {
        self.buf.push(b'>');
        self.written();
    }

    /// `/>`: ends an empty element begun with [`Tei::open`].
    pub(crate) fn close_empty(&mut self) {
        self.buf.extend_from_slice(b"/>");
        self.written();
    }

    fn open_with(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.open(name);
        for &(k, v) in attrs {
            self.attr(k, &[v]);
        }
    }

    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.open_with(name, attrs);
        self.close_start();
    }

    pub(crate) fn end(&mut self, name: &str) {
        self.buf.extend_from_slice(b"</");
        self.buf.extend_from_slice(name.as_bytes());
        self.buf.push(b'>');
        self.written();
    }

    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.open_with(name, attrs);
        self.close_empty();
    }

    /// An element holding plain text (forbidden characters dropped: for header copies).
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.plain(text);
        self.end(name);
    }

    /// Text with forbidden characters dropped (header copies of source text).
    pub(crate) fn plain(&mut self, text: &str) {
        self.escaped(text, Context::Copy);
    }

    /// Source text: characters XML cannot hold become `g` elements naming
    /// their code point, so nothing is lost; a form feed, the page break of
    /// a PDF extract, is also a `pb`.
    pub(crate) fn text(&mut self, text: &str) {
        // most pieces hold no page break: one memchr, no splitting
        if crate::scan::find_byte(b'\x0c', text.as_bytes()).is_none() {
            self.escaped(text, Context::Source);
            return;
        }
        let mut pieces = text.split('\x0c');
        if let Some(first) = pieces.next() {
            self.escaped(first, Context::Source);
        }
        for piece in pieces {
            self.escaped("\x0c", Context::Source);
            self.page_break();
            self.escaped(piece, Context::Source);
        }
    }

    /// `pb` for the next page break of the source, with the page's printed
    /// number where it is known.
    pub(crate) fn page_break(&mut self) {
        match self.pages.next() {
            Some(n) => {
                self.open("pb");
                self.attr_fmt("n", format_args!("{n}"));
                self.close_empty();
            }
            None => self.empty("pb", &[]),
        }
    }

    /// `pb` for the page breaks of the source before byte `at` not written
    /// yet: those between blocks, where no text of the source is written.
    pub(crate) fn page_breaks_before(&mut self, at: usize) {
        while self.pages.pending_before(at) {
            self.page_break();
        }
    }

    /// `text` escaped a chunk at a time, cut at character boundaries (the
    /// escaping is per character), so a paragraph that is one 50 MB line
    /// passes through the buffer instead of growing it to its own size.
    fn escaped(&mut self, mut text: &str, cx: Context) {
        while text.len() > CHUNK {
            let mut cut = CHUNK;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let (piece, rest) = text.split_at(cut);
            escape_into(&mut self.buf, piece, cx);
            self.written();
            text = rest;
        }
        escape_into(&mut self.buf, text, cx);
        self.written();
    }

    /// The `xml:id` of the next inline piece of the suggested edit at
    /// `index` (`edit.eN`, then `edit.eN.2`, ...), recorded for the
    /// `standOff`.
    pub(crate) fn proposal(&mut self, index: usize) -> String {
        match self.proposals.last_mut() {
            Some((i, pieces)) if *i == index => {
                *pieces += 1;
                proposal_id(index, *pieces)
            }
            _ => {
                self.proposals.push((index, 1));
                proposal_id(index, 1)
            }
        }
    }

    /// Layout whitespace between elements.
    pub(crate) fn raw(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
        self.written();
    }
}

/// `xml:id` of piece `piece` (from 1) of the suggested edit at `index`.
pub(crate) fn proposal_id(index: usize, piece: usize) -> String {
    let id = crate::emit::json::EditId(index);
    if piece == 1 {
        format!("edit.{id}")
    } else {
        format!("edit.{id}.{piece}")
    }
}

/// Where text is written, which decides its escaping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Source text in `text`: `<`, `>`, `&` escaped, characters XML
    /// forbids kept as `g` elements.
    Source,
    /// A copy in the header: escaped as source text, forbidden characters dropped.
    Copy,
    /// An attribute value: quotes escaped too, forbidden characters dropped.
    Attribute,
}

/// Bytes that may need more than copying: markup characters, quotes, the
/// C0 controls and 0xEF, the lead byte of U+FFFE and U+FFFF.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = !matches!(b, 0x09 | 0x0A | 0x0D);
        b += 1;
    }
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'&' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xEF] = true;
    t
};

/// Appends `s` to `buf` escaped for `cx`. Runs of ordinary bytes are
/// copied whole; the byte test works on UTF-8 because every character XML
/// forbids is either a single ASCII control byte or one of U+FFFE and U+FFFF
/// (EF BF BE, EF BF BF).
fn escape_into(buf: &mut Vec<u8>, s: &str, cx: Context) {
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        let (len, replacement): (usize, &[u8]) = match b {
            b'<' => (1, b"&lt;"),
            b'>' => (1, b"&gt;"),
            b'&' => (1, b"&amp;"),
            b'"' if cx == Context::Attribute => (1, b"&quot;"),
            b'\'' if cx == Context::Attribute => (1, b"&apos;"),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => (3, b""),
            0x00..=0x1F => (1, b""),
            _ => {
                i += 1;
                continue;
            }
        };
        buf.extend_from_slice(&bytes[copied..i]);
        if replacement.is_empty() && cx == Context::Source {
            forbidden_mark(buf, &s[i..i + len]);
        } else {
            buf.extend_from_slice(replacement);
        }
        i += len;
        copied = i;
    }
    buf.extend_from_slice(&bytes[copied..]);
}

/// `<g type="xml-forbidden" n="U+000B"/>` for the forbidden character `ch`
/// (a form feed's `pb` is [`Tei::text`]'s).
fn forbidden_mark(buf: &mut Vec<u8>, ch: &str) {
    use std::io::Write as _;
    let code = ch.chars().next().map_or(0, u32::from);
    let _ = write!(buf, "<g type=\"xml-forbidden\" n=\"U+{code:04X}\"/>");
}

#[cfg(test)]
mod tests {
    use super::{Context, escape_into};
    use crate::analysis::chars::is_xml_forbidden;
    use proptest::prelude::*;

    /// The escaping done the straightforward way: character by character,
    /// through quick-xml's escapes.
    fn reference(s: &str, cx: Context) -> String {
        let mut out = String::new();
        for c in s.chars() {
            let one = c.to_string();
            if is_xml_forbidden(c) {
                if cx == Context::Source {
                    out += &format!("<g type=\"xml-forbidden\" n=\"U+{:04X}\"/>", c as u32);
                }
            } else if cx == Context::Attribute {
                out += &quick_xml::escape::escape(one.as_str());
            } else {
                out += &quick_xml::escape::partial_escape(one.as_str());
            }
        }
        out
    }

    fn escaped(s: &str, cx: Context) -> String {
        let mut buf = Vec::new();
        escape_into(&mut buf, s, cx);
        String::from_utf8(buf).expect("escaping keeps UTF-8")
    }

    #[test]
    fn long_text_goes_through_the_buffer_in_chunks_escaped_as_a_whole() {
        // characters of 1, 2, 3 bytes and a forbidden one, so that some cut
        // falls inside a character and has to move back
        let s = "ab<é字\u{FFFE}&".repeat(20 * super::CHUNK / 12);
        let mut out = Vec::new();
        let mut t = super::Tei {
            buf: Vec::new(),
            out: &mut out,
            error: None,
            scratch: String::new(),
            proposals: Vec::new(),
            pages: super::pages::Pages::default(),
        };
        t.text(&s);
        // bounded by the escaping of one chunk (a forbidden character
        // becomes a `g` element), not by the text: escaped whole it is 85
        // chunks
        assert!(
            t.buf.capacity() <= 16 * super::CHUNK,
            "{}",
            t.buf.capacity()
        );
        t.flush();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            escaped(&s, Context::Source)
        );
    }

    #[test]
    fn markup_quotes_and_forbidden_characters() {
        let s = "a<b>&\"c'\u{1}\t\u{FFFE}\u{FFFF}\u{FFFD}é";
        assert_eq!(
            escaped(s, Context::Source),
            "a&lt;b&gt;&amp;\"c'<g type=\"xml-forbidden\" n=\"U+0001\"/>\t\
             <g type=\"xml-forbidden\" n=\"U+FFFE\"/><g type=\"xml-forbidden\" n=\"U+FFFF\"/>\u{FFFD}é"
        );
        assert_eq!(
            escaped(s, Context::Attribute),
            "a&lt;b&gt;&amp;&quot;c&apos;\t\u{FFFD}é"
        );
    }

    proptest! {
        #[test]
        fn escaping_matches_the_character_by_character_version(
            s in "[a-z<>&\"' \t\n\r\u{0}-\u{1F}\u{FFFD}-\u{FFFF}\u{EFBF}é€😀]{0,40}"
        ) {
            for cx in [Context::Source, Context::Copy, Context::Attribute] {
                prop_assert_eq!(escaped(&s, cx), reference(&s, cx));
            }
        }
    }
}
