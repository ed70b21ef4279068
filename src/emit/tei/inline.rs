//! Rendering a run of source text with its marks: inline elements (emphasis,
//! links, quotations, entity names) as containers, edits as leaves.
//!
//! Containers must nest; one that crosses an edit or another container is
//! left out (its text is still written, only the markup is lost), so the
//! output is always well-formed and every character still appears once.

use super::{Tei, rule_ref};
use crate::Conversion;
use crate::document::{Inline, InlineKind};
use crate::edit::{Edit, Status, TeiForm};
use crate::emit::json::edit_id;
use crate::span::Span;

/// A container element over a span.
#[derive(Debug, Clone)]
pub(crate) struct Container {
    pub span: Span,
    pub name: &'static str,
    pub attrs: Vec<(&'static str, String)>,
}

/// Container for a parsed inline element.
fn container_of(inline: &Inline, text: &str) -> Container {
    let (name, attrs): (&'static str, Vec<(&'static str, String)>) = match &inline.kind {
        InlineKind::Emphasis { rend } => ("hi", vec![("rend", (*rend).to_owned())]),
        InlineKind::Link { target } => ("ref", vec![("target", target.clone())]),
        InlineKind::Url => ("ref", vec![("target", inline.span.of(text).to_owned())]),
        InlineKind::Email => ("email", vec![]),
        InlineKind::Doi => ("idno", vec![("type", "DOI".to_owned())]),
        InlineKind::Orcid => ("idno", vec![("type", "ORCID".to_owned())]),
        InlineKind::Quote => ("q", vec![]),
        InlineKind::Citation { bibl } => (
            "ref",
            match bibl {
                Some(i) => vec![
                    ("type", "citation".to_owned()),
                    ("target", format!("#bibl.{}", i + 1)),
                ],
                None => vec![("type", "citation".to_owned())],
            },
        ),
    };
    Container {
        span: inline.span,
        name,
        attrs,
    }
}

/// Writes `span` of the source with the conversion's edits and mentions, the
/// given inline elements, and `extra` containers (e.g. a dateline's place).
pub(crate) fn write_span(
    t: &mut Tei,
    c: &Conversion,
    span: Span,
    inlines: &[Inline],
    extra: &[Container],
) {
    let text = &c.source.text;
    let edits = edits_in(c, span);
    let mut containers: Vec<Container> = inlines
        .iter()
        .filter(|i| span.contains(i.span))
        .map(|i| container_of(i, text))
        .chain(extra.iter().filter(|x| span.contains(x.span)).cloned())
        .chain(mentions_in(c, span))
        .collect();
    containers.sort_by_key(|x| (x.span.start, std::cmp::Reverse(x.span.end)));
    // Keep containers that nest with every edit and with the containers kept before them.
    // One pass with a stack of open containers keeps this linear: containers
    // come sorted by start (longest first), edits are sorted and disjoint.
    let mut kept: Vec<Container> = Vec::with_capacity(containers.len());
    let mut open: Vec<usize> = Vec::new(); // indices into kept
    for x in containers {
        if x.span.is_empty() || crosses_an_edit(&edits, x.span) {
            continue;
        }
        while open
            .last()
            .is_some_and(|&k| kept[k].span.end <= x.span.start)
        {
            open.pop();
        }
        if let Some(&k) = open.last() {
            let top = &mut kept[k];
            if top.span == x.span && top.name == x.name {
                // the same element twice (a dateline's place that the
                // lexicon also knows): one element with both attributes
                for (a, v) in x.attrs {
                    if !top.attrs.iter().any(|(b, _)| *b == a) {
                        top.attrs.push((a, v));
                    }
                }
                continue;
            }
            if x.span.end > top.span.end {
                continue; // crosses the open container
            }
        }
        open.push(kept.len());
        kept.push(x);
    }
    let mut cursor = 0;
    write_nested(t, c, span, &kept, &edits, &mut cursor);
}

/// True if an edit straddles a boundary of `span` (`edits` sorted, disjoint).
fn crosses_an_edit(edits: &[Leaf], span: Span) -> bool {
    let straddles = |at: usize| {
        let i = edits.partition_point(|l| l.edit.span.start < at);
        i > 0 && edits[i - 1].edit.span.end > at
    };
    straddles(span.start) || straddles(span.end)
}

/// An edit as rendered inside one block: clipped to it, with its log id.
pub(crate) struct Leaf {
    id: String,
    edit: Edit,
}

/// The edits touching `span`; deletions that reach past it are clipped.
fn edits_in(c: &Conversion, span: Span) -> Vec<Leaf> {
    let i = c.edits.partition_point(|e| e.span.end < span.start);
    c.edits[i..]
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.span.start <= span.end)
        .filter_map(|(k, e)| {
            let mut e = e.clone();
            if !span.contains(e.span) {
                if !(e.after.is_empty() && e.span.overlaps(span)) {
                    return None;
                }
                e.span = Span::new(e.span.start.max(span.start), e.span.end.min(span.end));
                e.before = e.span.of(&c.source.text).to_owned();
            }
            Some(Leaf {
                id: edit_id(i + k),
                edit: e,
            })
        })
        .collect()
}

fn mentions_in(c: &Conversion, span: Span) -> impl Iterator<Item = Container> + '_ {
    let i = c.mentions.partition_point(|m| m.span.start < span.start);
    c.mentions[i..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
        .map(|m| Container {
            span: m.span,
            name: m.kind.name_element(),
            attrs: vec![("ref", format!("#{}", m.entity))],
        })
}

/// Writes `span` with properly nested `containers` (sorted, all inside
/// `span`); `cursor` walks `edits` so each is written exactly once.
fn write_nested(
    t: &mut Tei,
    c: &Conversion,
    span: Span,
    containers: &[Container],
    edits: &[Leaf],
    cursor: &mut usize,
) {
    let mut pos = span.start;
    let mut k = 0;
    while k < containers.len() {
        let x = &containers[k];
        let mut j = k + 1;
        while j < containers.len() && x.span.contains(containers[j].span) {
            j += 1;
        }
        write_flat(t, c, Span::new(pos, x.span.start), edits, cursor);
        let attrs: Vec<(&str, &str)> = x.attrs.iter().map(|(a, v)| (*a, v.as_str())).collect();
        t.start(x.name, &attrs);
        write_nested(t, c, x.span, &containers[k + 1..j], edits, cursor);
        t.end(x.name);
        pos = x.span.end;
        k = j;
    }
    write_flat(t, c, Span::new(pos, span.end), edits, cursor);
}

/// Writes text of `span` with the edits inside it as leaves.
fn write_flat(t: &mut Tei, c: &Conversion, span: Span, edits: &[Leaf], cursor: &mut usize) {
    let text = &c.source.text;
    let mut pos = span.start;
    while let Some(leaf) = edits.get(*cursor) {
        let e = &leaf.edit;
        if e.span.start < pos {
            *cursor += 1; // cannot happen for non-overlapping edits; never write text twice
            continue;
        }
        if e.span.end > span.end || e.span.start > span.end {
            break;
        }
        t.text(&text[pos..e.span.start]);
        write_edit(t, e, &leaf.id);
        pos = e.span.end;
        *cursor += 1;
    }
    t.text(&text[pos..span.end]);
}

/// One edit as TEI.
pub(crate) fn write_edit(t: &mut Tei, e: &Edit, id: &str) {
    let resp = match e.reviewed {
        Some(_) => format!("{} #decisions", rule_ref(&e.rule)),
        None => rule_ref(&e.rule),
    };
    let cert = format!("{:.2}", e.confidence);
    let n = id.to_owned();
    let form = e.category.tei_form();
    if e.is_whitespace_only() || form == TeiForm::Silent {
        // Spacing and layout: the markup around says what happened; keep the
        // source's non-space characters, the reading text's spaces.
        match e.status {
            Status::Applied if e.is_whitespace_only() => t.text(&e.after),
            _ => t.text(&e.before),
        }
        return;
    }
    let attrs_for = |extra: Option<(&'static str, &'static str)>| {
        let mut v: Vec<(&str, String)> = vec![
            ("n", n.clone()),
            ("resp", resp.clone()),
            ("cert", cert.clone()),
        ];
        if let Some((k, val)) = extra {
            v.insert(0, (k, val.to_owned()));
        }
        v
    };
    let write_open = |t: &mut Tei, name: &str, attrs: &[(&str, String)]| {
        let a: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t.start(name, &a);
    };
    match (e.status, form) {
        (Status::Applied, TeiForm::Surplus(reason)) if e.after.is_empty() => {
            write_open(t, "surplus", &attrs_for(Some(("reason", reason))));
            t.text(&e.before);
            t.end("surplus");
        }
        (status, form) => {
            let (orig, reg) = if form == TeiForm::Correct {
                ("sic", "corr")
            } else {
                ("orig", "reg")
            };
            // A suggestion is typed on its reg/corr (choice takes no @type):
            // readers that pick reg/corr can skip type="proposed".
            let reg_attrs: &[(&str, &str)] = if status == Status::Suggested {
                &[("type", "proposed")]
            } else {
                &[]
            };
            write_open(t, "choice", &attrs_for(None));
            t.start(orig, &[]);
            t.text(&e.before);
            t.end(orig);
            if e.after.is_empty() {
                t.empty(reg, reg_attrs);
            } else {
                t.start(reg, reg_attrs);
                t.text(&e.after);
                t.end(reg);
            }
            t.end("choice");
        }
    }
}
