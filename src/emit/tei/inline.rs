//! Rendering a run of source text with its marks: inline elements (emphasis,
//! links, quotations, entity names) as containers, edits as leaves.
//!
//! Containers must nest; one that crosses an edit or another container is
//! left out (its text is still written, only the markup is lost), so the
//! output is always well-formed and every character still appears once.

use super::{Tei, rule_pass};
use crate::Conversion;
use crate::document::{Inline, InlineKind};
use crate::edit::{Edit, Status, TeiForm};
use crate::emit::json::EditId;
use crate::span::Span;

/// A container element over a span.
#[derive(Debug, Clone)]
pub(crate) struct Container<'a> {
    pub span: Span,
    pub name: &'static str,
    pub attrs: Attrs<'a>,
}

impl<'a> Container<'a> {
    /// A container without attributes.
    pub fn bare(span: Span, name: &'static str) -> Self {
        Container {
            span,
            name,
            attrs: Attrs::default(),
        }
    }

    fn with(span: Span, name: &'static str, attrs: &[Attr<'a>]) -> Self {
        let mut x = Container::bare(span, name);
        for &a in attrs {
            x.attrs.add(a);
        }
        x
    }
}

/// An attribute of a container, its value borrowed from the conversion and
/// rendered only when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attr<'a> {
    /// `key="value"`.
    Text(&'static str, &'a str),
    /// `ref="#id"`: an entity of the `standOff`.
    Entity(&'a str),
    /// `target="#bibl.N"`: the bibliography entry of block `N - 1`.
    Bibl(usize),
    /// `target` of an identifier: the resolver's address followed by the
    /// identifier, or the identifier when it is an address already.
    Resolve(&'static str, &'a str),
}

impl Attr<'_> {
    fn key(self) -> &'static str {
        match self {
            Attr::Text(k, _) => k,
            Attr::Entity(_) => "ref",
            Attr::Bibl(_) | Attr::Resolve(..) => "target",
        }
    }

    fn write(self, t: &mut Tei) {
        match self {
            Attr::Text(k, v) => t.attr(k, &[v]),
            Attr::Entity(id) => t.attr("ref", &["#", id]),
            Attr::Bibl(i) => t.attr_fmt("target", format_args!("#bibl.{}", i + 1)),
            Attr::Resolve(_, id) if id.starts_with("http") => t.attr("target", &[id]),
            Attr::Resolve(resolver, id) => t.attr("target", &[resolver, id]),
        }
    }
}

/// The attributes of a container, at most two: no container element has
/// more than two possible keys (`ref` takes `type` and `target`), and merging
/// two containers keeps one attribute per key, so two slots always do and
/// a container needs no allocation.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Attrs<'a>([Option<Attr<'a>>; 2]);

impl<'a> Attrs<'a> {
    /// Adds `a` unless an attribute with its key is already there.
    fn add(&mut self, a: Attr<'a>) {
        if self.iter().any(|b| b.key() == a.key()) {
            return;
        }
        let slot = self.0.iter_mut().find(|s| s.is_none());
        debug_assert!(slot.is_some(), "a container has at most two attribute keys");
        if let Some(slot) = slot {
            *slot = Some(a);
        }
    }

    fn iter(&self) -> impl Iterator<Item = Attr<'a>> + '_ {
        self.0.iter().flatten().copied()
    }
}

/// Container for a parsed inline element.
fn container_of<'a>(inline: &'a Inline, text: &'a str) -> Container<'a> {
    let span = inline.span;
    match &inline.kind {
        InlineKind::Emphasis { rend } => Container::with(span, "hi", &[Attr::Text("rend", rend)]),
        InlineKind::Link { target } => {
            Container::with(span, "ref", &[Attr::Text("target", target)])
        }
        InlineKind::Image { target } => Container::with(
            span,
            "ref",
            &[Attr::Text("type", "image"), Attr::Text("target", target)],
        ),
        InlineKind::Url => Container::with(span, "ref", &[Attr::Text("target", span.of(text))]),
        InlineKind::Email => Container::bare(span, "email"),
        // A `ref` to the resolver, not an `idno`: the TEI Stylesheets put a
        // space before every `idno`, which the reading text does not have.
        InlineKind::Doi => Container::with(
            span,
            "ref",
            &[
                Attr::Text("type", "DOI"),
                Attr::Resolve("https://doi.org/", span.of(text)),
            ],
        ),
        InlineKind::Orcid => Container::with(
            span,
            "ref",
            &[
                Attr::Text("type", "ORCID"),
                Attr::Resolve("https://orcid.org/", span.of(text)),
            ],
        ),
        InlineKind::Quote => Container::bare(span, "q"),
        InlineKind::Citation { bibl } => {
            let kind = Attr::Text("type", "citation");
            match bibl {
                Some(i) => Container::with(span, "ref", &[kind, Attr::Bibl(*i)]),
                None => Container::with(span, "ref", &[kind]),
            }
        }
    }
}

/// Writes `span` of the source with the conversion's edits and mentions, the
/// given inline elements, and `extra` containers (e.g. a dateline's place).
pub(crate) fn write_span(
    t: &mut Tei,
    c: &Conversion,
    span: Span,
    inlines: &[Inline],
    extra: &[Container<'_>],
) {
    let text = &c.source.text;
    t.page_breaks_before(span.start);
    let edits = edits_in(c, span);
    // a block with no edit, inline element or mention in it (most short
    // lines) is its escaped text: what `write_nested` writes for it too
    if edits.is_empty()
        && inlines.is_empty()
        && extra.is_empty()
        && mentions_in(c, span).next().is_none()
    {
        t.text(span.of(text));
        return;
    }
    let mut containers: Vec<Container<'_>> = inlines
        .iter()
        .filter(|i| span.contains(i.span))
        .map(|i| container_of(i, text))
        .chain(extra.iter().filter(|x| span.contains(x.span)).cloned())
        .chain(mentions_in(c, span))
        .collect();
    containers.sort_by_key(|x| (x.span.start, std::cmp::Reverse(x.span.end)));
    let kept = nesting(containers, &edits);
    let mut cursor = 0;
    write_nested(t, c, span, &kept, &edits, &mut cursor);
}

/// The containers that nest with every edit and with the containers kept
/// before them. One pass with a stack of open containers keeps this linear:
/// containers come sorted by start (longest first), edits are sorted and
/// disjoint.
fn nesting<'a>(containers: Vec<Container<'a>>, edits: &[Leaf<'_>]) -> Vec<Container<'a>> {
    let mut kept: Vec<Container<'a>> = Vec::with_capacity(containers.len());
    let mut open: Vec<usize> = Vec::new(); // indices into kept
    for x in containers {
        if x.span.is_empty() || crosses_an_edit(edits, x.span) {
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
                for a in x.attrs.iter() {
                    top.attrs.add(a);
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
    kept
}

/// True if an edit straddles a boundary of `span` (`edits` sorted, disjoint).
fn crosses_an_edit(edits: &[Leaf<'_>], span: Span) -> bool {
    let straddles = |at: usize| {
        let i = edits.partition_point(|l| l.span.start < at);
        i > 0 && edits[i - 1].span.end > at
    };
    straddles(span.start) || straddles(span.end)
}

/// An edit as rendered inside one block: clipped to it, with its number in
/// the log. Borrowed, not copied: most edits lie inside their block whole.
pub(crate) struct Leaf<'a> {
    /// Position in the conversion's edit list (see [`EditId`]).
    index: usize,
    /// The edit's span, clipped to the block.
    span: Span,
    /// The source text of `span`.
    before: &'a str,
    edit: &'a Edit,
}

/// The edits touching `span`; deletions that reach past it are clipped.
fn edits_in(c: &Conversion, span: Span) -> Vec<Leaf<'_>> {
    let i = c.edits.partition_point(|e| e.span.end < span.start);
    c.edits[i..]
        .iter()
        .enumerate()
        .take_while(|(_, e)| e.span.start <= span.end)
        .filter_map(|(k, e)| {
            let mut leaf = Leaf {
                index: i + k,
                span: e.span,
                before: &e.before,
                edit: e,
            };
            if !span.contains(e.span) {
                if !(e.after.is_empty() && e.span.overlaps(span)) {
                    return None;
                }
                leaf.span = Span::new(e.span.start.max(span.start), e.span.end.min(span.end));
                leaf.before = leaf.span.of(&c.source.text);
            }
            Some(leaf)
        })
        .collect()
}

fn mentions_in(c: &Conversion, span: Span) -> impl Iterator<Item = Container<'_>> + '_ {
    let i = c.mentions.partition_point(|m| m.span.start < span.start);
    c.mentions[i..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
        .map(|m| Container::with(m.span, m.kind.name_element(), &[Attr::Entity(&m.entity)]))
}

/// Writes `span` with properly nested `containers` (sorted, all inside
/// `span`); `cursor` walks `edits` so each is written exactly once.
fn write_nested(
    t: &mut Tei,
    c: &Conversion,
    span: Span,
    containers: &[Container<'_>],
    edits: &[Leaf<'_>],
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
        t.open(x.name);
        for a in x.attrs.iter() {
            a.write(t);
        }
        t.close_start();
        write_nested(t, c, x.span, &containers[k + 1..j], edits, cursor);
        t.end(x.name);
        pos = x.span.end;
        k = j;
    }
    write_flat(t, c, Span::new(pos, span.end), edits, cursor);
}

/// Writes text of `span` with the edits inside it as leaves.
fn write_flat(t: &mut Tei, c: &Conversion, span: Span, edits: &[Leaf<'_>], cursor: &mut usize) {
    let text = &c.source.text;
    let mut pos = span.start;
    while let Some(leaf) = edits.get(*cursor) {
        if leaf.span.start < pos {
            *cursor += 1; // cannot happen for non-overlapping edits; never write text twice
            continue;
        }
        if leaf.span.end > span.end || leaf.span.start > span.end {
            break;
        }
        t.text(&text[pos..leaf.span.start]);
        write_edit(t, leaf);
        pos = leaf.span.end;
        *cursor += 1;
    }
    t.text(&text[pos..span.end]);
}

/// One edit as TEI, in the form the TEI Consortium's stylesheets read as
/// emend's reading text (see README, "TEI encoding of changes"):
///
/// - applied: `choice` with the reading (`reg`) first and what the source
///   had (`orig`, `sic` for a correction) second: the HTML stylesheets hide
///   `orig`/`sic` inside `choice` and show `reg` (they bracket `corr`, so it
///   is not used); the text stylesheet prints the first child. Removed text
///   is an empty `reg` beside an `orig` holding the `surplus` (or page `fw`)
///   it was, so it says why without being shown.
/// - suggested: the source text stays inline as a `seg` (an `anchor` for a
///   proposed insertion) that a `span` of the `standOff` points at with the
///   proposed reading, so no renderer shows a proposal as the text.
fn write_edit(t: &mut Tei, leaf: &Leaf<'_>) {
    let e = leaf.edit;
    let form = e.category.tei_form();
    if is_whitespace(leaf.before) && is_whitespace(&e.after) {
        // Spacing: the reading text's spaces (the edit log has the source's).
        match e.status {
            Status::Applied => t.text(&e.after),
            Status::Suggested => t.text(leaf.before),
        }
        return;
    }
    if e.status == Status::Suggested {
        let id = t.proposal(leaf.index);
        if leaf.before.is_empty() {
            t.empty("anchor", &[("xml:id", &id)]);
        } else {
            t.start("seg", &[("xml:id", &id)]);
            t.text(leaf.before);
            t.end("seg");
        }
        return;
    }
    t.open("choice");
    edit_attrs(t, leaf);
    t.close_start();
    if e.after.is_empty() {
        t.empty("reg", &[]);
    } else if e.rule == crate::passes::MOVED && leaf.before.is_empty() {
        t.start("reg", &[]);
        write_moved(t, &e.after);
        t.end("reg");
    } else {
        t.start("reg", &[]);
        t.text(&e.after);
        t.end("reg");
    }
    let orig = if form == TeiForm::Correct {
        "sic"
    } else {
        "orig"
    };
    t.start(orig, &[]);
    match form {
        TeiForm::Surplus(_) if crate::passes::is_page_furniture(e) => {
            // page furniture: out of the reading text, kept as what it is
            t.start("fw", &[("type", fw_type(&e.rule))]);
            t.text(leaf.before);
            t.end("fw");
        }
        TeiForm::Surplus(reason) if e.after.is_empty() => {
            t.start("surplus", &[("reason", reason)]);
            t.text(leaf.before);
            t.end("surplus");
        }
        _ => t.text(leaf.before),
    }
    t.end(orig);
    t.end("choice");
}

/// The footnotes and captions a join moved after the paragraph they cut
/// (`text`: each after a blank line), as what they are: a footnote
/// `note place="foot"` with its mark as `@n`, a caption its `figure`'s
/// `head`. A piece opening with neither goes on the one before (a
/// footnote cut at a column's foot holds a blank line).
fn write_moved(t: &mut Tei, text: &str) {
    let mut parts: Vec<(&str, &str)> = Vec::new(); // (separator, part)
    let mut pos = 0;
    let starts = |p: &str| {
        crate::parse::figure::caption_label(p).is_some()
            || crate::parse::footnotes::mark(p).is_some()
    };
    while pos < text.len() {
        let body = text[pos..].trim_start();
        if body.is_empty() {
            break;
        }
        let sep_end = text.len() - body.len();
        let end = body.find("\n\n").map_or(text.len(), |i| sep_end + i);
        let piece = &text[sep_end..end];
        match parts.last_mut() {
            Some((_, last)) if !starts(piece) => {
                // the part before runs on to the end of this piece
                let from = last.as_ptr() as usize - text.as_ptr() as usize;
                *last = &text[from..end];
            }
            _ => parts.push((&text[pos..sep_end], piece)),
        }
        pos = end;
    }
    let tail = &text[pos..];
    for (sep, part) in parts {
        t.text(sep);
        match crate::parse::footnotes::mark(part) {
            Some((len, _)) if crate::parse::figure::caption_label(part).is_none() => {
                t.start("note", &[("place", "foot"), ("n", part[..len].trim())]);
                t.text(part);
                t.end("note");
            }
            _ => {
                t.start("figure", &[]);
                t.start("head", &[]);
                t.text(part);
                t.end("head");
                t.end("figure");
            }
        }
    }
    t.text(tail);
}

/// What [`Edit::is_whitespace_only`] asks of each side.
fn is_whitespace(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// The TEI `fw/@type` of a page-furniture rule: a running head, a foot, a
/// page number, or a publisher's stamp.
fn fw_type(rule: &str) -> &'static str {
    match rule.rsplit('/').next() {
        Some("running-head") => "header",
        Some("footer") => "footer",
        Some("number") => "pageNum",
        _ => "stamp",
    }
}

/// `n`, `resp` and `cert` of an edit's element: its log id, its rule (and
/// the decisions file when a reviewer settled it), its confidence.
fn edit_attrs(t: &mut Tei, leaf: &Leaf<'_>) {
    edit_attrs_of(t, leaf.index, leaf.edit);
}

/// [`edit_attrs`] of the edit at `index` of the log.
pub(crate) fn edit_attrs_of(t: &mut Tei, index: usize, e: &Edit) {
    t.attr_fmt("n", format_args!("{}", EditId(index)));
    let pass = rule_pass(&e.rule);
    match e.reviewed {
        Some(_) => t.attr("resp", &["#rule.", pass, " #decisions"]),
        None => t.attr("resp", &["#rule.", pass]),
    }
    match two_decimals(e.confidence) {
        Some(cert) => t.attr("cert", &[std::str::from_utf8(&cert).expect("ASCII digits")]),
        None => t.attr_fmt("cert", format_args!("{:.2}", e.confidence)),
    }
}

/// `format!("{:.2}", x)` for `x` in 0..=1, without the float formatter
/// (one call per edit): `x` times 100 is exact in `f64` (24 significant
/// bits times 7), and `{:.2}` rounds ties to even as `round_ties_even`
/// does. `None` for other values, which take the formatter.
fn two_decimals(x: f32) -> Option<[u8; 4]> {
    if !(0.0..=1.0).contains(&x) || x.is_sign_negative() {
        return None;
    }
    let n = (f64::from(x) * 100.0).round_ties_even() as u8; // 0..=100
    Some([b'0' + n / 100, b'.', b'0' + n / 10 % 10, b'0' + n % 10])
}

#[cfg(test)]
mod tests {
    use super::two_decimals;
    use proptest::prelude::*;

    fn fast(x: f32) -> Option<String> {
        two_decimals(x).map(|d| String::from_utf8(d.to_vec()).expect("ASCII"))
    }

    #[test]
    fn two_decimals_round_as_the_formatter_does() {
        let ties = [0.125f32, 0.375, 0.625, 0.875, 0.005, 0.015, 0.995];
        let grid = (0..=100_000).map(|k| k as f32 / 100_000.0);
        for x in ties.into_iter().chain(grid) {
            assert_eq!(fast(x), Some(format!("{x:.2}")), "{x:e}");
        }
        for x in [-0.0f32, -0.5, 1.5, f32::NAN, f32::INFINITY] {
            assert_eq!(fast(x), None, "{x}");
        }
    }

    proptest! {
        #[test]
        fn two_decimals_agree_with_the_formatter(x in 0.0f32..=1.0) {
            prop_assert_eq!(fast(x), Some(format!("{x:.2}")));
        }
    }
}
