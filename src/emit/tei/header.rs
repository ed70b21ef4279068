//! The `teiHeader`: metadata copied from the text, and the declaration of
//! what emend did (application, rules, counts).

use super::{Tei, rule_xml_id};
use crate::Conversion;
use crate::edit::{Status, TeiForm};
use std::collections::BTreeMap;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    let text = &c.source.text;
    t.start("teiHeader", &[]);
    t.start("fileDesc", &[]);
    t.start("titleStmt", &[]);
    match c.document.meta.title {
        Some(span) => t.leaf("title", &[("type", "main")], &clean_of(c, span)),
        None => t.leaf("title", &[("type", "main")], &c.source.name),
    }
    if let Some(span) = c.document.meta.subtitle {
        t.leaf("title", &[("type", "sub")], &clean_of(c, span));
    }
    for a in &c.document.meta.authors {
        t.start("author", &[]);
        t.leaf(
            "persName",
            &[],
            a.name.of(text).trim_end_matches([',', ';']),
        );
        if let Some(s) = a.affiliation {
            t.leaf("affiliation", &[], s.of(text));
        }
        if let Some(s) = a.orcid {
            t.leaf("idno", &[("type", "ORCID")], s.of(text));
        }
        if let Some(s) = a.email {
            t.leaf("email", &[], s.of(text));
        }
        t.end("author");
    }
    t.start("respStmt", &[]);
    t.leaf("resp", &[], "Converted to TEI, normalized and annotated by");
    t.leaf("name", &[("ref", "#emend")], "emend");
    t.end("respStmt");
    if let Some(file) = &c.decisions {
        t.start("respStmt", &[("xml:id", "decisions")]);
        t.leaf(
            "resp",
            &[],
            "Edits accepted or rejected by a reviewer, recorded in the decisions file",
        );
        t.leaf("name", &[("type", "file")], file);
        t.end("respStmt");
    }
    t.end("titleStmt");
    t.start("publicationStmt", &[]);
    t.leaf(
        "p",
        &[],
        "Unpublished conversion made by emend; see sourceDesc for the original.",
    );
    t.end("publicationStmt");
    t.start("sourceDesc", &[]);
    t.start("p", &[]);
    t.plain("Converted from the plain-text file ");
    t.leaf("idno", &[("type", "filename")], &c.source.name);
    t.plain(&format!(
        " ({} bytes of text, read as {}{}).",
        text.len(),
        c.source.encoding,
        if c.source.bom {
            " with a byte-order mark"
        } else {
            ""
        }
    ));
    if let Some(doi) = c.document.meta.doi {
        t.plain(" Published as ");
        t.leaf("idno", &[("type", "DOI")], doi.of(text));
        t.plain(".");
    }
    t.end("p");
    t.end("sourceDesc");
    t.end("fileDesc");
    write_encoding_desc(t, c);
    write_profile_desc(t, c);
    t.end("teiHeader");
    t.raw("\n");
}

/// The header copy of a span: its clean text (applied edits carried out),
/// whitespace collapsed.
fn clean_of(c: &Conversion, span: crate::span::Span) -> String {
    let i = c.edits.partition_point(|e| e.span.end <= span.start);
    let inside: Vec<_> = c.edits[i..]
        .iter()
        .take_while(|e| e.span.start < span.end)
        .filter(|e| span.contains(e.span))
        .cloned()
        .map(|mut e| {
            e.span = crate::span::Span::new(e.span.start - span.start, e.span.end - span.start);
            e
        })
        .collect();
    let s = crate::apply::apply(span.of(&c.source.text), &inside);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_encoding_desc(t: &mut Tei, c: &Conversion) {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in &c.edits {
        let pass = e.rule.split('/').next().unwrap_or(&e.rule);
        let n = counts.entry(pass).or_default();
        match e.status {
            Status::Applied => n.0 += 1,
            Status::Suggested => n.1 += 1,
        }
    }
    t.start("encodingDesc", &[]);
    t.start("appInfo", &[]);
    t.start(
        "application",
        &[
            ("xml:id", "emend"),
            ("ident", "emend"),
            ("version", env!("CARGO_PKG_VERSION")),
        ],
    );
    t.leaf("label", &[], "emend");
    t.leaf(
        "desc",
        &[],
        "Converts raw text to TEI: structure parsed, names normalized, translation artefacts repaired; every change recorded.",
    );
    t.end("application");
    t.end("appInfo");
    t.start("editorialDecl", &[]);
    for rule in &c.rules {
        let (applied, suggested) = counts.get(rule.id).copied().unwrap_or_default();
        let corrects = c.edits.iter().any(|e| {
            e.rule.split('/').next() == Some(rule.id) && e.category.tei_form() == TeiForm::Correct
        });
        let element = if corrects {
            "correction"
        } else {
            "normalization"
        };
        let id = rule_xml_id(rule.id);
        t.start(element, &[("xml:id", &id)]);
        t.start("p", &[]);
        t.leaf("ident", &[], rule.id);
        t.plain(&format!(
            ": {} Applied {applied}, suggested {suggested}.",
            rule.description
        ));
        t.end("p");
        t.end(element);
    }
    t.end("editorialDecl");
    t.end("encodingDesc");
}

fn write_profile_desc(t: &mut Tei, c: &Conversion) {
    let keywords = &c.document.meta.keywords;
    let abstracts: Vec<_> = c
        .document
        .blocks
        .iter()
        .filter(|b| b.kind == crate::document::BlockKind::Abstract)
        .collect();
    if keywords.is_empty() && abstracts.is_empty() {
        return;
    }
    t.start("profileDesc", &[]);
    if !abstracts.is_empty() {
        t.start("abstract", &[]);
        for b in abstracts {
            t.leaf("p", &[], &clean_of(c, b.span));
        }
        t.end("abstract");
    }
    if !keywords.is_empty() {
        t.start("textClass", &[]);
        t.start("keywords", &[]);
        for k in keywords {
            t.leaf("term", &[], &clean_of(c, *k));
        }
        t.end("keywords");
        t.end("textClass");
    }
    t.end("profileDesc");
}
