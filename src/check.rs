//! `emend check`: is a TEI file still what emend writes?
//!
//! For a file emend produced, or one edited by hand afterwards, [`check`]
//! reports every problem it finds, each with the line and column it is at:
//!
//! 1. **Well-formed XML** (read with quick-xml, then built into a tree).
//! 2. **Valid against emend's TEI subset**, the RELAX NG schema
//!    `schemas/emend-tei.rng`, embedded in the library and validated in
//!    process with the pure-Rust [`relax_ng`] crate (no Java, no network).
//!    The subset is stricter than `tei_all`: only the elements and
//!    attributes emend writes, nested as it writes them, with its values.
//! 3. **Pointers resolve**: every `@ref`, `@target` and `@resp` token that
//!    starts with `#` names an `xml:id` in the same document (standOff
//!    entities, bibliography entries, rules in `editorialDecl`), and no
//!    `xml:id` is used twice.
//! 4. **Restore still works**: [`crate::restore::from_tei`] reads the source
//!    text back.
//!
//! ```
//! let c = emend::convert_text("a.txt", "The war , it goes on.");
//! let tei = emend::emit::tei::to_string(&c);
//! assert!(emend::check::check(&tei, "a.xml").is_empty());
//!
//! let broken = tei.replace("</body>", "");
//! let problems = emend::check::check(&broken, "a.xml");
//! assert!(problems[0].to_string().starts_with("a.xml:"));
//! ```

use crate::span::{LineCol, line_col};
use relax_ng::{
    Content, DatatypeRegistry, Element, ExpandedName, ResolveError, Schema, SchemaResolver,
    SchemaSource, SchemaSyntax,
};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The RELAX NG schema of the TEI subset emend writes (XML syntax).
pub const SCHEMA: &str = include_str!("../schemas/emend-tei.rng");

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// One problem in a checked file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file's name as given to [`check`].
    pub name: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Which check failed.
    pub kind: ProblemKind,
    /// What is wrong, for people.
    pub message: String,
}

/// The check a [`Problem`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file could not be read or is not UTF-8.
    Read,
    /// Not well-formed XML.
    WellFormed,
    /// Not valid against `schemas/emend-tei.rng`.
    Schema,
    /// A `#` pointer names no `xml:id`, or an `xml:id` is used twice.
    Reference,
    /// `restore` cannot read the source back.
    Restore,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.name, self.line, self.column, self.message
        )
    }
}

/// Checks the bytes of a file (which must be UTF-8); see [`check`].
pub fn check_bytes(bytes: &[u8], name: &str) -> Vec<Problem> {
    match std::str::from_utf8(bytes) {
        Ok(xml) => check(xml, name),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // valid_up_to is on a character boundary of valid UTF-8
            let at = line_col(std::str::from_utf8(valid).unwrap_or(""), valid.len());
            vec![Problem {
                name: name.to_owned(),
                line: at.line,
                column: at.column,
                kind: ProblemKind::Read,
                message: format!(
                    "not UTF-8 (invalid byte at byte {}); emend writes UTF-8",
                    e.valid_up_to()
                ),
            }]
        }
    }
}

/// Every problem found in `xml`, in the order of the checks, each check in
/// document order. Empty means the file is well-formed, valid, its pointers
/// resolve and it restores. A file that is not well-formed gets only that
/// problem (the later checks need a tree).
pub fn check(xml: &str, name: &str) -> Vec<Problem> {
    let problem = |at: LineCol, kind, message: String| Problem {
        name: name.to_owned(),
        line: at.line,
        column: at.column,
        kind,
        message,
    };
    if let Some((offset, message)) = well_formed(xml) {
        return vec![problem(
            line_col(xml, offset),
            ProblemKind::WellFormed,
            format!("not well-formed XML: {message}"),
        )];
    }
    let doc = match roxmltree::Document::parse_with_options(
        xml,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            ..Default::default()
        },
    ) {
        Ok(doc) => doc,
        Err(e) => {
            let p = e.pos();
            return vec![Problem {
                name: name.to_owned(),
                line: p.row as usize,
                column: p.col as usize,
                kind: ProblemKind::WellFormed,
                message: format!("not well-formed XML: {e}"),
            }];
        }
    };
    let mut out = Vec::new();
    let at = |node: roxmltree::Node| {
        let p = doc.text_pos_at(node.range().start);
        LineCol {
            line: p.row as usize,
            column: p.col as usize,
        }
    };
    // 2. the schema
    match schema() {
        Ok(schema) => match schema.validate(&DatatypeRegistry::new(), &Node(doc.root_element())) {
            Ok(errors) => {
                // One problem per element: the validator follows an invalid
                // attribute with "missing required content" for the same one.
                let mut seen = std::collections::BTreeSet::new();
                for e in errors {
                    if !seen.insert(e.location().copied()) {
                        continue;
                    }
                    let path: Vec<&str> = e.path().iter().map(|n| n.local.as_str()).collect();
                    let place = e.location().map(|&o| doc.text_pos_at(o)).map_or(
                        LineCol { line: 1, column: 1 },
                        |p| LineCol {
                            line: p.row as usize,
                            column: p.col as usize,
                        },
                    );
                    out.push(problem(
                        place,
                        ProblemKind::Schema,
                        format!("not valid emend TEI: {} (in /{})", e.kind(), path.join("/")),
                    ));
                }
            }
            Err(e) => out.push(problem(
                LineCol { line: 1, column: 1 },
                ProblemKind::Schema,
                format!("cannot validate: {e}"),
            )),
        },
        Err(message) => out.push(problem(
            LineCol { line: 1, column: 1 },
            ProblemKind::Schema,
            message.clone(),
        )),
    }
    // 3. pointers
    let mut ids: BTreeMap<&str, roxmltree::Node> = BTreeMap::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        if let Some(id) = node.attribute((XML_NS, "id")) {
            if let Some(first) = ids.get(id) {
                let first = at(*first);
                out.push(problem(
                    at(node),
                    ProblemKind::Reference,
                    format!("xml:id \"{id}\" is used twice (first at {first})"),
                ));
            } else {
                ids.insert(id, node);
            }
        }
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attr in node.attributes() {
            if attr.namespace().is_some() || !matches!(attr.name(), "ref" | "target" | "resp") {
                continue;
            }
            for token in attr.value().split_whitespace() {
                let Some(id) = token.strip_prefix('#') else {
                    continue;
                };
                if !ids.contains_key(id) {
                    out.push(problem(
                        at(node),
                        ProblemKind::Reference,
                        format!(
                            "<{} {}=\"{}\">: no element has xml:id \"{id}\"",
                            node.tag_name().name(),
                            attr.name(),
                            attr.value()
                        ),
                    ));
                }
            }
        }
    }
    // 4. restore
    if let Err(e) = crate::restore::from_tei(xml, name) {
        let message = match e {
            crate::Error::Restore { message, .. } => message,
            other => other.to_string(),
        };
        out.push(problem(
            LineCol { line: 1, column: 1 },
            ProblemKind::Restore,
            format!("restore cannot read the source back: {message}"),
        ));
    }
    out
}

/// The first well-formedness error quick-xml finds: byte offset and message.
fn well_formed(xml: &str) -> Option<(usize, String)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut open: Vec<(Vec<u8>, usize)> = Vec::new();
    let mut roots = 0usize;
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event() {
            Err(e) => return Some((reader.error_position() as usize, e.to_string())),
            Ok(Event::Eof) => break,
            Ok(Event::Start(el)) => {
                if open.is_empty() {
                    roots += 1;
                    if roots > 1 {
                        return Some((before, "a second root element".into()));
                    }
                }
                open.push((el.name().as_ref().to_vec(), before));
            }
            Ok(Event::Empty(_)) if open.is_empty() => {
                roots += 1;
                if roots > 1 {
                    return Some((before, "a second root element".into()));
                }
            }
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Text(t)) if open.is_empty() && !t.iter().all(u8::is_ascii_whitespace) => {
                return Some((before, "text outside the root element".into()));
            }
            Ok(_) => {}
        }
    }
    if let Some((name, at)) = open.last() {
        return Some((
            *at,
            format!(
                "<{}> is never closed",
                String::from_utf8_lossy(name).into_owned()
            ),
        ));
    }
    if roots == 0 {
        return Some((xml.len(), "no root element".into()));
    }
    None
}

struct NoResolver;

impl SchemaResolver for NoResolver {
    fn resolve(&self, href: &str, _base_uri: &str) -> Result<SchemaSource, ResolveError> {
        Err(ResolveError::new(format!(
            "emend-tei.rng includes nothing, not {href}"
        )))
    }
}

/// The compiled subset schema (compiled once per process).
fn schema() -> Result<&'static Schema, &'static String> {
    static SCHEMA_CELL: OnceLock<Result<Schema, String>> = OnceLock::new();
    SCHEMA_CELL
        .get_or_init(|| {
            let source =
                SchemaSource::new(SCHEMA, "emend:/schemas/emend-tei.rng", SchemaSyntax::Xml);
            Schema::compile(&source, &NoResolver)
                .map_err(|e| format!("the built-in schema does not compile: {e}"))
        })
        .as_ref()
}

/// A roxmltree element seen by the validator.
#[derive(Clone, Copy)]
struct Node<'a, 'i>(roxmltree::Node<'a, 'i>);

impl Element for Node<'_, '_> {
    /// Byte offset of the element's start tag.
    type Location = usize;

    fn name(&self) -> ExpandedName {
        let t = self.0.tag_name();
        ExpandedName::new(t.namespace().map(str::to_owned), t.name())
    }

    fn attributes(&self) -> impl Iterator<Item = (ExpandedName, String)> {
        self.0.attributes().map(|a| {
            (
                ExpandedName::new(a.namespace().map(str::to_owned), a.name()),
                a.value().to_owned(),
            )
        })
    }

    fn children(&self) -> impl Iterator<Item = Content<Self>> {
        // Text runs split by comments or processing instructions are one run.
        let mut out: Vec<Content<Self>> = Vec::new();
        for child in self.0.children() {
            if child.is_element() {
                out.push(Content::Element(Node(child)));
            } else if let Some(text) = child.text().filter(|_| child.is_text()) {
                if text.is_empty() {
                    continue;
                }
                if let Some(Content::Text(last)) = out.last_mut() {
                    last.push_str(text);
                } else {
                    out.push(Content::Text(text.to_owned()));
                }
            }
        }
        out.into_iter()
    }

    fn location(&self) -> Option<usize> {
        Some(self.0.range().start)
    }

    fn namespace_bindings(&self) -> impl Iterator<Item = (String, String)> {
        self.0
            .namespaces()
            .map(|ns| (ns.name().unwrap_or("").to_owned(), ns.uri().to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tei() -> String {
        crate::emit::tei::to_string(&crate::convert_text(
            "a.txt",
            "Title\n\nThe war , it goes on. See [1].\n\nReferences\n\n[1] A book.",
        ))
    }

    #[test]
    fn emends_own_output_has_no_problems() {
        let problems = check(&tei(), "a.xml");
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn an_unclosed_element_is_reported_where_it_opens() {
        let xml = "<TEI>\n  <text>\n</TEI>";
        let p = check(xml, "x.xml");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, ProblemKind::WellFormed);
        assert!(p[0].to_string().starts_with("x.xml:3:"), "{}", p[0]);
    }

    #[test]
    fn a_dangling_pointer_is_reported() {
        let xml = tei().replacen(
            "<body>",
            "<body><p><persName ref=\"#nobody\">X</persName></p>",
            1,
        );
        let p = check(&xml, "a.xml");
        assert!(
            p.iter()
                .any(|p| p.kind == ProblemKind::Reference && p.message.contains("\"nobody\"")),
            "{p:#?}"
        );
    }
}
