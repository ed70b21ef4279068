//! TEI P5 output.
//!
//! The `text` element holds every character of the source in order:
//! normalizations as `choice/orig+reg`, corrections as `choice/sic+corr`,
//! removed text as `surplus`, each with `@resp` pointing at the rule's entry
//! in the header's `editorialDecl` and `@cert` giving its confidence.
//! Suggested edits appear as `choice` whose `reg`/`corr` has `@type='proposed'` while the reading text
//! keeps the original. The `teiHeader` holds copies of metadata (title, ids,
//! keywords) and the `standOff` the entities mentioned. `emend restore` reads
//! the source back from `text` alone.

mod body;
mod header;
mod inline;
mod standoff;

use crate::Conversion;
use crate::passes::is_xml_forbidden;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// The TEI namespace.
pub const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// `@resp` value naming a rule.
pub fn rule_ref(rule: &str) -> String {
    format!("#{}", rule_xml_id(rule))
}

/// `xml:id` of a rule's `editorialDecl` entry (the pass id before any `/`).
pub fn rule_xml_id(rule: &str) -> String {
    let pass = rule.split('/').next().unwrap_or(rule);
    format!("rule.{pass}")
}

/// Renders `c` as a TEI document.
pub fn to_string(c: &Conversion) -> String {
    let mut out = Vec::with_capacity(1 << 16);
    write(c, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("TEI output is UTF-8")
}

/// Writes `c` as a TEI document to `out`, so a large document can go
/// straight to a file instead of first being built as a string at least as
/// large as its source.
pub fn write(c: &Conversion, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut t = Tei {
        w: Writer::new(out),
        error: None,
    };
    t.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    t.raw("\n");
    t.start("TEI", &[("xmlns", TEI_NS)]);
    t.raw("\n");
    header::write(&mut t, c);
    body::write(&mut t, c);
    standoff::write(&mut t, c);
    t.end("TEI");
    t.raw("\n");
    t.error.map_or(Ok(()), Err)
}

/// A thin layer over quick-xml's writer.
///
/// It keeps the first write error and writes nothing after it, so the
/// element-by-element code stays free of error plumbing; [`write`] reports
/// the error at the end.
pub(crate) struct Tei<'a> {
    w: Writer<&'a mut dyn std::io::Write>,
    error: Option<std::io::Error>,
}

impl Tei<'_> {
    fn event(&mut self, event: Event<'_>) {
        if self.error.is_none()
            && let Err(e) = self.w.write_event(event)
        {
            self.error = Some(e);
        }
    }

    pub(crate) fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut el = BytesStart::new(name);
        for &(k, v) in attrs {
            el.push_attribute((k, clean_attr(v).as_str()));
        }
        self.event(Event::Start(el));
    }

    pub(crate) fn end(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let mut el = BytesStart::new(name);
        for &(k, v) in attrs {
            el.push_attribute((k, clean_attr(v).as_str()));
        }
        self.event(Event::Empty(el));
    }

    /// An element holding plain text (forbidden characters dropped: for header copies).
    pub(crate) fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start(name, attrs);
        self.plain(text);
        self.end(name);
    }

    /// Text with forbidden characters dropped (header copies of source text).
    pub(crate) fn plain(&mut self, text: &str) {
        let cleaned: String = text.chars().filter(|&c| !is_xml_forbidden(c)).collect();
        self.escaped(&cleaned);
    }

    /// Source text: characters XML cannot hold become `g` elements naming
    /// their code point, so nothing is lost.
    pub(crate) fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(i) = rest.find(is_xml_forbidden) {
            self.escaped(&rest[..i]);
            let c = rest[i..].chars().next().expect("found a char");
            let code = format!("U+{:04X}", c as u32);
            self.empty("g", &[("type", "xml-forbidden"), ("n", &code)]);
            rest = &rest[i + c.len_utf8()..];
        }
        self.escaped(rest);
    }

    fn escaped(&mut self, text: &str) {
        if !text.is_empty() {
            let esc = quick_xml::escape::partial_escape(text);
            self.event(Event::Text(BytesText::from_escaped(esc)));
        }
    }

    /// Layout whitespace between elements.
    pub(crate) fn raw(&mut self, s: &str) {
        self.event(Event::Text(BytesText::from_escaped(s)));
    }
}

fn clean_attr(v: &str) -> String {
    v.chars().filter(|&c| !is_xml_forbidden(c)).collect()
}
