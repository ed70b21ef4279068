//! The `teiHeader`: metadata copied from the text, and the declaration of
//! what emend did (application, rules, counts).

use super::{Tei, rule_pass, rule_xml_id};
use crate::Conversion;
use crate::edit::{Status, TeiForm};
use std::collections::BTreeMap;

pub(super) fn write(t: &mut Tei, c: &Conversion) {
    let text = &c.source.text;
    t.start("teiHeader", &[]);
    t.start("fileDesc", &[]);
    t.start("titleStmt", &[]);
    match c.document.meta.title {
        Some(span) => {
            let title = clean_of(c, span);
            t.leaf("title", &[("type", "main")], &title);
            // A title set in capitals keeps its form; a title-cased copy
            // beside it serves catalogues and citations.
            if crate::parse::grammar::is_all_caps(&title)
                && title.chars().filter(|c| c.is_alphabetic()).count() > 3
            {
                t.leaf(
                    "title",
                    &[("type", "alt"), ("subtype", "title-case")],
                    &title_case(&title),
                );
            }
        }
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
        for &s in &a.affiliations {
            t.leaf("affiliation", &[], &clean_of(c, s));
        }
        if let Some(s) = a.orcid {
            t.leaf("idno", &[("type", "ORCID")], s.of(text));
        }
        if let Some(e) = &a.email {
            t.leaf("email", &[], &e.address);
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
    write_publication(t, c);
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
    write_kind(t, c);
    t.end("sourceDesc");
    t.end("fileDesc");
    write_encoding_desc(t, c);
    write_profile_desc(t, c);
    t.end("teiHeader");
    t.raw("\n");
}

/// The publication statement: an unpublished conversion; when the
/// publisher's stamps state rights or identifiers (see [`super::rights`]),
/// the conversion's authority, the licence and the identifiers as
/// printed (TEI allows either paragraphs or these parts, not both).
fn write_publication(t: &mut Tei, c: &Conversion) {
    const UNPUBLISHED: &str =
        "Unpublished conversion made by emend; see sourceDesc for the original.";
    let rights = super::rights::of(c);
    t.start("publicationStmt", &[]);
    if rights.is_empty() {
        t.leaf("p", &[], UNPUBLISHED);
    } else {
        t.leaf("authority", &[], UNPUBLISHED);
        if !rights.licences.is_empty() {
            t.start("availability", &[]);
            for l in &rights.licences {
                t.leaf("licence", &[], l);
            }
            t.end("availability");
        }
        for (kind, id) in &rights.ids {
            t.leaf("idno", &[("type", kind)], id);
        }
    }
    t.end("publicationStmt");
}

/// The kind of source, as judged (or given), with its evidence.
fn write_kind(t: &mut Tei, c: &Conversion) {
    let p = &c.profile;
    t.start("p", &[]);
    t.plain("Kind of source: ");
    t.leaf("term", &[("type", "source-kind")], p.kind.id());
    t.plain(&format!(
        ", {} (confidence {:.2}); evidence: {}.",
        p.kind.description(),
        p.kind_confidence,
        if p.kind_evidence.is_empty() {
            "none".to_string()
        } else {
            p.kind_evidence.join("; ")
        }
    ));
    t.end("p");
}

/// Words a title-cased title keeps in lower case (unless first).
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by", "from",
    "with", "as", "into", "during", "over", "vs", "via",
];

/// "THE POSITION OF MAJOR POWERS" → "The Position of Major Powers". Words
/// of one or two letters other than minor words stay in capitals (UN, EU).
fn title_case(s: &str) -> String {
    let word = |w: &str, first: bool| -> String {
        let lower = w.to_lowercase();
        if !first && MINOR_WORDS.contains(&lower.as_str()) {
            return lower;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
            return w.to_owned();
        }
        let mut out = String::with_capacity(w.len());
        let mut upper_next = true;
        for ch in lower.chars() {
            if upper_next && ch.is_alphabetic() {
                out.extend(ch.to_uppercase());
                upper_next = false;
            } else {
                out.push(ch);
            }
        }
        out
    };
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            w.split('-')
                .enumerate()
                .map(|(k, part)| word(part, i == 0 || k > 0))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
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

/// What the edits of one pass did, for its `editorialDecl` entry.
#[derive(Debug, Clone, Copy, Default)]
struct PassEdits {
    applied: usize,
    suggested: usize,
    /// Some edit is a correction (`sic`/`corr`), not a normalization.
    corrects: bool,
}

/// The edits of each pass, gathered in one walk over the edits.
fn pass_edits(c: &Conversion) -> BTreeMap<&str, PassEdits> {
    let mut by_pass: BTreeMap<&str, PassEdits> = BTreeMap::new();
    for e in &c.edits {
        let n = by_pass.entry(rule_pass(&e.rule)).or_default();
        match e.status {
            Status::Applied => n.applied += 1,
            Status::Suggested => n.suggested += 1,
        }
        n.corrects |= e.category.tei_form() == TeiForm::Correct;
    }
    by_pass
}

fn write_encoding_desc(t: &mut Tei, c: &Conversion) {
    let by_pass = pass_edits(c);
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
    // The marks stay in the text: without this, renderers (the TEI
    // Stylesheets among them) add their own around every `q`.
    t.start("quotation", &[("marks", "all")]);
    t.leaf(
        "p",
        &[],
        "Quotation marks are kept in the text as written; q marks the quotation they enclose.",
    );
    t.end("quotation");
    for rule in &c.rules {
        let PassEdits {
            applied,
            suggested,
            corrects,
        } = by_pass.get(rule.id).copied().unwrap_or_default();
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

/// The ACM Computing Classification System, the scheme of a paper's
/// "Categories and Subject Descriptors".
const ACM_CCS: &str = "https://dl.acm.org/ccs";

fn write_profile_desc(t: &mut Tei, c: &Conversion) {
    let text = &c.source.text;
    let keywords = &c.document.meta.keywords;
    let abstracts: Vec<_> = c
        .document
        .blocks
        .iter()
        .filter(|b| b.kind == crate::document::BlockKind::Abstract)
        .collect();
    // The header copy leaves out the "Abstract." label.
    let abstract_spans: Vec<crate::span::Span> = abstracts
        .iter()
        .map(|b| {
            let lead = crate::parse::front::abstract_lead(b.span.of(text)).unwrap_or(0);
            crate::span::Span::new(b.span.start + lead.min(b.span.len()), b.span.end)
        })
        .filter(|s| !s.is_empty())
        .collect();
    t.start("profileDesc", &[]);
    if !abstract_spans.is_empty() {
        t.start("abstract", &[]);
        for span in abstract_spans {
            t.leaf("p", &[], &clean_of(c, span));
        }
        t.end("abstract");
    }
    // a paper's ACM subject descriptors, each a class code of the ACM
    // Computing Classification System
    let subjects = if c.profile.kind == crate::profile::SourceKind::PdfExtract {
        crate::parse::front::subject_descriptors(text)
    } else {
        Vec::new()
    };
    if !keywords.is_empty() || !subjects.is_empty() {
        t.start("textClass", &[]);
        if !keywords.is_empty() {
            t.start("keywords", &[]);
            for k in keywords {
                t.leaf("term", &[], &clean_of(c, *k));
            }
            t.end("keywords");
        }
        for s in subjects {
            let code = clean_of(c, s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            t.leaf("classCode", &[("scheme", ACM_CCS)], &code);
        }
        t.end("textClass");
    }
    write_lang_usage(t, c);
    t.end("profileDesc");
}

/// The languages of the text, the document's first, with their share of
/// the text judged (in percent) and how the language was found.
fn write_lang_usage(t: &mut Tei, c: &Conversion) {
    let p = &c.profile;
    t.start("langUsage", &[]);
    for (i, (lang, share)) in p.langs.iter().enumerate() {
        let usage = format!("{}", (share * 100.0).round() as u32);
        let mut name = lang.name().to_string();
        if i == 0 {
            if let Some(script) = p.script {
                name.push_str(&format!(" ({script} script)"));
            }
            name.push_str(&format!("; {}", p.lang_evidence));
        }
        t.leaf(
            "language",
            &[("ident", lang.tag()), ("usage", &usage)],
            &name,
        );
    }
    t.end("langUsage");
}

#[cfg(test)]
mod tests {
    #[test]
    fn title_case_keeps_short_capitals_and_minor_words() {
        assert_eq!(
            super::title_case("THE POSITION OF MAJOR POWERS DURING THE SECOND KARABAKH WAR"),
            "The Position of Major Powers during the Second Karabakh War"
        );
        assert_eq!(
            super::title_case("UN AND EU-LED TALKS"),
            "UN and EU-Led Talks"
        );
    }
}
