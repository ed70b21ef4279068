//! Deciding what each raw block is: front matter, title, heading, figure,
//! list item, bibliography entry or paragraph; and which paragraphs open
//! with a run-in head or a dateline.
//!
//! Evidence, not file type, decides: a heading is a short single line without
//! sentence-final punctuation that is followed by more text; an author line
//! counts only beside other scholarly evidence (a DOI, ORCID, e-mail or
//! affiliation); run-in heads count only when the text has several. Whatever
//! no rule claims stays a paragraph.

use super::blocks::RawBlock;
use super::{figure, front, label, lead};
use crate::document::{
    Author, Block, BlockKind, Convention, Document, Email, Figure, FrontKind, Lead, LeadKind, Meta,
};
use crate::span::Span;

/// Longest heading, in words.
const MAX_HEAD_WORDS: usize = 20;
/// Longest heading, in bytes.
const MAX_HEAD_BYTES: usize = 200;
/// Longest title, in words (titles of papers run long, often in capitals).
const MAX_TITLE_WORDS: usize = 40;
/// How far into the text front matter may reach, in blocks.
const FRONT_ZONE: usize = 12;
/// Run-in heads need this many candidates in one text to be believed.
const MIN_RUN_IN_HEADS: usize = 2;

/// Classifies raw blocks into a document.
pub fn classify(text: &str, convention: Convention, raw: Vec<RawBlock>) -> Document {
    let (raw, pdf) = pdf_front(text, raw);
    let (raw, region) = super::bibl::region::split(text, raw);
    let first_bibl = region.map(|r| raw[r.start].span.start);
    let (raw, heads) = super::heads::split(text, raw, region.map_or(usize::MAX, |r| r.start));
    let body_until = first_bibl
        .and_then(|b| raw.iter().position(|r| r.span.start == b))
        .unwrap_or(raw.len());
    let (raw, notes) = super::footnotes::split(text, raw, body_until, &heads);
    let (raw, contents) = super::contents::merge(text, raw);
    let bibl_at = first_bibl.and_then(|b| raw.iter().position(|r| r.span.start == b));
    let settled = |at: usize| {
        heads.contains_key(&at) || notes.contains_key(&at) || contents == Some(at) || at == 0
    };
    let raw = super::verbatim::split(text, raw, bibl_at.unwrap_or(usize::MAX), &settled);
    let raw = super::captions::split(text, raw, bibl_at.unwrap_or(usize::MAX), &settled);
    let bibl_at = first_bibl.and_then(|b| raw.iter().position(|r| r.span.start == b));
    let (raw, listed) = split_lists(text, raw, bibl_at, contents);
    // lists before the bibliography split into items: find it again by its
    // first byte (the blocks from it on are not split)
    let region = region.and_then(|r| {
        let start = raw.iter().position(|b| Some(b.span.start) == first_bibl)?;
        Some(super::bibl::region::Region {
            start,
            end: start + (r.end - r.start),
            headed: r.headed,
            column: r
                .column
                .map(|(a, b)| (start + (a - r.start), start + (b - r.start))),
        })
    });
    let n = raw.len();
    let body_end = region.map_or(n, |r| r.start);
    let mut kinds = Kinds::new();
    let mut meta = Meta::default();

    let front_end = front_matter(text, &raw, body_end, &mut kinds, &mut meta);
    // A DOI inside a line of the front (a journal line, a footer) if no DOI line.
    if meta.doi.is_none() {
        meta.doi = raw[..body_end.min(FRONT_ZONE)].iter().find_map(|b| {
            front::labelled_doi(b.span.of(text))
                .map(|(x, y)| Span::new(b.span.start + x, b.span.start + y))
        });
    }
    abstracts_and_keywords(
        text,
        &raw,
        (front_end, body_end),
        &heads,
        &mut kinds,
        &mut meta,
    );
    if let Some(pdf) = pdf {
        pdf.settle(&raw, &mut kinds, &mut meta);
    }

    let mut blocks: Vec<Block> = Vec::with_capacity(n);
    for (i, rb) in raw.iter().enumerate() {
        let s = rb.span.of(text);
        if contents == Some(rb.span.start) {
            blocks.push(block(BlockKind::Contents, rb.span));
            continue;
        }
        // Bibliography: the heading, then one entry per block to the end.
        let settled = match region {
            Some(r) if i == r.start && r.headed => Some(BlockKind::BiblHead),
            Some(r) if r.holds(i) => Some(BlockKind::Bibl {
                n: super::bibl::entry_number(s).map(|(n, _)| n),
            }),
            _ => kinds.remove(&i),
        };
        if let Some(kind) = settled {
            blocks.push(block(kind, rb.span));
            continue;
        }
        if let Some(&mark) = notes.get(&rb.span.start) {
            blocks.push(block(BlockKind::Note { mark }, rb.span));
            continue;
        }
        if let Some(&level) = heads.get(&rb.span.start) {
            blocks.push(block(BlockKind::Head { level }, rb.span));
            continue;
        }
        let single = rb.lines().len() == 1;
        let followed = i + 1 < n;
        if listed[i]
            && let Some(len) = label::item_label(s)
        {
            let label = Span::new(rb.span.start, rb.span.start + len);
            blocks.push(block(BlockKind::Item { label: Some(label) }, rb.span));
        } else if let Some(fig) = caption(text, rb) {
            // A heading-like line right above a caption is the figure's
            // title when it reads like a gallery title: repeated in the text
            // (one title over several pictures) or long. A short unique
            // heading above a picture stays a section heading.
            let mut fig = fig;
            let mut span = rb.span;
            if let Some(prev) = blocks.last()
                && matches!(prev.kind, BlockKind::Head { .. })
                && !prev.span.of(text).contains('\n')
                && gallery_title(text, prev.span)
            {
                fig.head = Some(prev.span);
                span = prev.span.cover(span);
                blocks.pop();
            }
            blocks.push(block(BlockKind::Figure(Box::new(fig)), span));
        } else if rb.lines().len() <= 2 && is_byline(s) {
            blocks.push(block(BlockKind::Byline, rb.span));
        } else if single && followed && looks_like_heading(s) {
            let level = label::heading_level(s).unwrap_or_else(|| {
                if matches!(blocks.last().map(|b| &b.kind), Some(BlockKind::Head { .. })) {
                    2
                } else {
                    1
                }
            });
            blocks.push(block(BlockKind::Head { level }, rb.span));
        } else if let Some(len) = label::item_label(s) {
            let label = Span::new(rb.span.start, rb.span.start + len);
            blocks.push(block(BlockKind::Item { label: Some(label) }, rb.span));
        } else {
            blocks.push(block(BlockKind::Paragraph, rb.span));
        }
    }
    leads(text, &mut blocks);
    Document {
        convention,
        blocks,
        meta,
    }
}

/// Most lines of a first page read for its front matter.
const PDF_FRONT_LINES: usize = 60;

/// Fewest words of an abstract without its label.
const MIN_ABSTRACT_WORDS: usize = 30;

/// What the first page of a paged text (pages separated by form feeds, as
/// a PDF extract has them) says of the paper: read line by line, as
/// pdftotext writes the title page without blank lines between its parts.
struct PdfFront {
    title: Span,
    authors: Vec<Span>,
    /// Each author's affiliations, matched by their marks.
    affiliations: Vec<Vec<Span>>,
    /// Each author's e-mail address and ORCID iD, matched by evidence.
    contacts: Vec<(Option<Email>, Option<Span>)>,
    keywords: Vec<Span>,
    /// First byte of the abstract's block, when it has no label.
    bare_abstract: Option<usize>,
}

/// Reads the first page of a paged text; the block holding the end of the
/// title page and the start of an unlabelled abstract is split between them.
fn pdf_front(text: &str, mut raw: Vec<RawBlock>) -> (Vec<RawBlock>, Option<PdfFront>) {
    let Some(feed) = text.find('\x0c') else {
        return (raw, None);
    };
    let lines: Vec<(usize, Span)> = raw
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.span.start < feed)
        .flat_map(|(b, r)| {
            r.lines()
                .iter()
                .filter(|l| l.end <= feed)
                .map(move |l| (b, *l))
        })
        .take(PDF_FRONT_LINES)
        .collect();
    let strs: Vec<&str> = lines.iter().map(|(_, l)| l.of(text)).collect();
    let leads = |s: &str| front::abstract_lead(s).is_some() || keywords_line(s).is_some();
    let front_end = strs
        .iter()
        .position(|s| leads(s) || opens_body(s))
        .unwrap_or(strs.len());
    let page = front::title_page::read(&strs, front_end);
    let Some((a, b)) = page.title else {
        return (raw, None);
    };
    let at =
        |i: usize, r: (usize, usize)| Span::new(lines[i].1.start + r.0, lines[i].1.start + r.1);
    let keywords = strs
        .iter()
        .enumerate()
        .find_map(|(i, s)| {
            let lead = keywords_line(s)?;
            Some(
                front::keyword_terms(s, lead)
                    .into_iter()
                    .map(|r| at(i, r))
                    .collect(),
            )
        })
        .unwrap_or_default();
    let mut bare_abstract = None;
    if !strs.iter().any(|s| front::abstract_lead(s).is_some()) && page.last + 1 < lines.len() {
        let k = page.last + 1;
        let (block, line) = lines[k];
        if lines[page.last].0 == block {
            // split the block between the front and the text after it
            let inner = raw[block].lines();
            let cut = inner.iter().position(|l| *l == line).unwrap_or(0);
            let mut head = RawBlock::new(inner[0]);
            inner[1..cut].iter().for_each(|&l| head.push(l));
            let mut tail = RawBlock::new(inner[cut]);
            inner[cut + 1..].iter().for_each(|&l| tail.push(l));
            raw.splice(block..=block, [head, tail]);
        }
        bare_abstract = raw
            .iter()
            .filter(|r| r.span.start >= line.start && r.span.end <= feed)
            .take(4)
            .find(|r| r.span.of(text).split_whitespace().count() >= MIN_ABSTRACT_WORDS)
            .map(|r| r.span.start);
    }
    // each author's affiliations, by the marks after the name
    let marks: Vec<Vec<String>> = page
        .authors
        .iter()
        .map(|&(i, (_, end))| front::affiliations::name_marks(&strs[i][end..]))
        .collect();
    let marked = front::affiliations::by_mark(&strs, front_end, &marks);
    let affiliations = marks
        .iter()
        .map(|ms| {
            ms.iter()
                .flat_map(|m| marked.iter().filter(move |x| x.mark == *m))
                .map(|x| Span::new(lines[x.first].1.start + x.offset, lines[x.last].1.end))
                .collect()
        })
        .collect();
    let contacts = contacts(&strs, &page.authors)
        .into_iter()
        .map(|(email, orcid)| {
            (
                email.map(|(i, x)| Email {
                    address: x.address,
                    span: at(i, x.range),
                }),
                orcid.map(|(i, r)| at(i, r)),
            )
        })
        .collect();
    let pdf = PdfFront {
        title: Span::new(lines[a].1.start, lines[b].1.end),
        authors: page.authors.iter().map(|&(i, r)| at(i, r)).collect(),
        affiliations,
        contacts,
        keywords,
        bare_abstract,
    };
    (raw, Some(pdf))
}

/// An author's e-mail address (its line and what was read there) and
/// ORCID iD (its line and range), as the first page gives them.
type Contact = (
    Option<(usize, front::emails::Address)>,
    Option<(usize, (usize, usize))>,
);

/// The e-mail address and ORCID iD of each author of a title page
/// (`authors`: line and name range in `strs`), matched by the evidence
/// [`front::emails`] and [`front::orcids`] describe.
fn contacts(strs: &[&str], authors: &[(usize, (usize, usize))]) -> Vec<Contact> {
    use front::emails;
    let names: Vec<(&str, Vec<char>)> = authors
        .iter()
        .map(|&(i, (s, e))| (&strs[i][s..e], emails::marks_after(&strs[i][e..])))
        .collect();
    let found: Vec<(usize, emails::Address, Vec<char>)> = strs
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            let marks = emails::line_marks(s, i.checked_sub(1).map(|j| strs[j]));
            emails::addresses(s)
                .into_iter()
                .map(move |x| (i, x, marks.clone()))
        })
        .collect();
    let pairs: Vec<(emails::Address, Vec<char>)> = found
        .iter()
        .map(|(_, x, m)| (x.clone(), m.clone()))
        .collect();
    let owners = emails::assign(&names, &pairs);
    let mailed = |line: usize| {
        let on: Vec<usize> = (0..authors.len())
            .filter(|&a| owners[a].is_some_and(|k| found[k].0 == line))
            .collect();
        (on.len() == 1).then(|| on[0])
    };
    let mut orcid: Vec<Option<(usize, (usize, usize))>> = vec![None; authors.len()];
    for (i, s) in strs.iter().enumerate() {
        for r in front::orcids::ids(s) {
            if let Some(a) = front::orcids::owner(authors, i, r.0, mailed) {
                orcid[a].get_or_insert((i, r));
            }
        }
    }
    owners
        .into_iter()
        .zip(orcid)
        .map(|(k, id)| (k.map(|k| (found[k].0, found[k].1.clone())), id))
        .collect()
}

/// Most words of one term of a bare keyword list.
const TERM_WORDS: usize = 4;

/// A bare keyword list ("Parallel Computing, Algorithms, Moldable Tasks"):
/// three terms or more of a few words, no sentence: the terms' ranges.
fn term_list(s: &str) -> Option<Vec<(usize, usize)>> {
    let terms = front::keyword_terms(s, 0);
    let short = terms
        .iter()
        .all(|&(a, b)| s[a..b].split_whitespace().count() <= TERM_WORDS);
    (terms.len() >= 3 && short && !s.trim_end().ends_with('.')).then_some(terms)
}

/// The first line of a paper's body: an introduction heading, or a
/// section number alone on its line ("I.", "1.") as pdftotext leaves it.
fn opens_body(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| c.is_ascii_digit() || "IVX.) ".contains(c));
    t.is_empty() && s.ends_with('.') || t.eq_ignore_ascii_case("introduction")
}

/// A keyword line: "Keywords: …", "Index Terms—…", or the label followed by
/// a list without punctuation ("Keywords JavaScript, trace trees"): the
/// lead's length.
fn keywords_line(s: &str) -> Option<usize> {
    front::keywords_lead(s).or_else(|| {
        ["Keywords ", "Key words ", "Index Terms "]
            .iter()
            .find(|l| s.starts_with(**l))
            .filter(|_| s.contains([',', ';']))
            .map(|l| l.len())
    })
}

impl PdfFront {
    /// Puts what the first page says into the header, over what the block
    /// reading found there.
    fn settle(self, raw: &[RawBlock], kinds: &mut Kinds, meta: &mut Meta) {
        meta.title = Some(self.title);
        meta.subtitle = None;
        kinds.retain(|_, k| !matches!(k, BlockKind::Title | BlockKind::Subtitle));
        if !self.authors.is_empty() {
            meta.authors = self
                .authors
                .into_iter()
                .zip(self.affiliations)
                .zip(self.contacts)
                .map(|((name, affiliations), (email, orcid))| Author {
                    name,
                    affiliations,
                    email,
                    orcid,
                })
                .collect();
        }
        if meta.keywords.is_empty() {
            meta.keywords = self.keywords;
        }
        if !kinds.values().any(|k| *k == BlockKind::Abstract)
            && let Some(start) = self.bare_abstract
            && let Some(i) = raw.iter().position(|r| r.span.start == start)
        {
            kinds.insert(i, BlockKind::Abstract);
        }
    }
}

/// Kinds settled before the main pass (front matter, abstracts, keywords),
/// by block index: a few blocks of a text, so kept sparse rather than as a
/// slot for every block.
type Kinds = std::collections::BTreeMap<usize, BlockKind>;

fn block(kind: BlockKind, span: Span) -> Block {
    Block {
        kind,
        span,
        lead: None,
        inlines: Vec::new(),
    }
}

/// Front matter at the start: DOI, title, subtitle, authors with their
/// affiliation, ORCID and e-mail. Returns the index of the first block after it.
fn front_matter(
    text: &str,
    raw: &[RawBlock],
    body_end: usize,
    kinds: &mut Kinds,
    meta: &mut Meta,
) -> usize {
    let limit = body_end.min(FRONT_ZONE);
    let at = |k: usize| raw[k].span.of(text);
    let is_scholarly_line = |k: usize| {
        let s = at(k);
        front::doi_line(s).is_some()
            || front::orcid_line(s).is_some()
            || front::email_line(s).is_some()
            || front::affiliation(s).is_some()
    };
    let sub =
        |k: usize, r: (usize, usize)| Span::new(raw[k].span.start + r.0, raw[k].span.start + r.1);
    // the affiliation marks of each author in meta.authors ("" if none)
    let mut author_marks: Vec<&str> = Vec::new();
    // the author of an e-mail line just read, for an ORCID line after it
    let mut e_mailed: Option<usize> = None;
    let mut k = 0;
    while k < limit {
        let s = at(k);
        if let Some(r) = front::doi_line(s) {
            kinds.insert(k, BlockKind::Front(FrontKind::Doi));
            meta.doi.get_or_insert(sub(k, r));
        } else if let Some(r) = front::orcid_line(s) {
            kinds.insert(k, BlockKind::Front(FrontKind::Orcid));
            // the author whose e-mail line came just before, else the last
            if let Some(a) = e_mailed.or(meta.authors.len().checked_sub(1))
                && let Some(a) = meta.authors.get_mut(a)
            {
                a.orcid.get_or_insert(sub(k, r));
            }
        } else if let Some(r) = front::email_line(s) {
            kinds.insert(k, BlockKind::Front(FrontKind::Email));
            let address = &s[r.0..r.1];
            let owner = meta
                .authors
                .iter()
                .position(|a| a.email.is_none() && front::address_names(address, a.name.of(text)))
                .or(meta.authors.len().checked_sub(1));
            if let Some(a) = owner.and_then(|i| meta.authors.get_mut(i)) {
                a.email
                    .get_or_insert_with(|| Email::verbatim(text, sub(k, r)));
            }
            e_mailed = owner;
            k += 1;
            continue;
        } else if meta.title.is_none()
            && k + 1 < raw.len()
            && looks_like_title(s, raw[k].lines().len())
        {
            kinds.insert(k, BlockKind::Title);
            meta.title = Some(raw[k].span);
            // A heading-like line between the title and a byline or a
            // dateline is a subtitle (a deck), not a section heading.
            if k + 2 < raw.len()
                && raw[k + 1].lines().len() == 1
                && looks_like_heading(at(k + 1))
                && !is_byline(at(k + 1))
                && (is_byline(at(k + 2)) || lead::dateline(at(k + 2)).is_some())
            {
                kinds.insert(k + 1, BlockKind::Subtitle);
                meta.subtitle = Some(raw[k + 1].span);
                k += 1;
            }
        } else if meta.title.is_some()
            && let Some(r) = front::author_line(s)
            && (s.trim_end().ends_with(',')
                || meta.doi.is_some()
                || (k + 1..(k + 4).min(raw.len())).any(is_scholarly_line))
        {
            kinds.insert(k, BlockKind::Front(FrontKind::Author));
            let names = front::author_names(s);
            if names.is_empty() {
                meta.authors.push(Author {
                    name: sub(k, r),
                    ..Author::default()
                });
                author_marks.push("");
            }
            for (n, m) in names {
                meta.authors.push(Author {
                    name: sub(k, n),
                    ..Author::default()
                });
                author_marks.push(&s[m.0..m.1]);
            }
        } else if let Some((m, r)) = front::marked_affiliation(s)
            && let mark = &s[m.0..m.1]
            && author_marks
                .iter()
                .any(|ms| front::marks(ms).any(|x| x == mark))
        {
            // "1 Baku State University": the authors marked 1
            kinds.insert(k, BlockKind::Front(FrontKind::Affiliation));
            for (a, ms) in meta.authors.iter_mut().zip(&author_marks) {
                if front::marks(ms).any(|x| x == mark) {
                    a.affiliations.push(sub(k, r));
                }
            }
        } else if let Some(r) = front::affiliation(s)
            && meta
                .authors
                .last()
                .is_some_and(|a| a.affiliations.is_empty())
        {
            kinds.insert(k, BlockKind::Front(FrontKind::Affiliation));
            if let Some(a) = meta.authors.last_mut() {
                a.affiliations.push(sub(k, r));
            }
        } else {
            break;
        }
        e_mailed = None;
        k += 1;
    }
    k
}

/// Abstract ("Abstract. …" and the paragraphs up to the keywords, or up to
/// a section heading found in the text before them: a two-column page read
/// out of order puts the keywords after the start of the body) and keyword
/// blocks ("Key words: …"), between blocks `from` and `body_end`.
fn abstracts_and_keywords(
    text: &str,
    raw: &[RawBlock],
    (from, body_end): (usize, usize),
    heads: &std::collections::BTreeMap<usize, u8>,
    kinds: &mut Kinds,
    meta: &mut Meta,
) {
    let mut open_abstract: Option<usize> = None;
    for (k, rb) in raw.iter().enumerate().take(body_end).skip(from) {
        let s = rb.span.of(text);
        if let Some(lead) = front::keywords_lead(s) {
            kinds.insert(k, BlockKind::Keywords);
            let mut seen: Vec<String> = Vec::new();
            for (a, b) in front::keyword_terms(s, lead) {
                let key = s[a..b].to_lowercase();
                if !seen.contains(&key) {
                    seen.push(key);
                    meta.keywords
                        .push(Span::new(rb.span.start + a, rb.span.start + b));
                }
            }
            // Paragraphs between an abstract and its keywords continue the abstract.
            if let Some(a) = open_abstract.take() {
                for i in (a + 1..k).take_while(|&i| !heads.contains_key(&raw[i].span.start)) {
                    kinds.entry(i).or_insert(BlockKind::Abstract);
                }
            }
        } else if !kinds.contains_key(&k) && front::abstract_lead(s).is_some() {
            kinds.insert(k, BlockKind::Abstract);
            let label_only = |i: usize| {
                let t = raw[i].span.of(text);
                front::keywords_lead(t) == Some(t.len())
            };
            // "ABSTRACT", "Keywords", then the abstract, then the terms: two
            // labels stacked in a column over what they label
            let stacked = k + 3 < body_end && label_only(k + 1);
            let next = k + 1 + usize::from(stacked);
            if front::abstract_lead(s) == Some(s.len())
                && next < body_end
                && !kinds.contains_key(&next)
            {
                kinds.insert(next, BlockKind::Abstract);
            }
            if stacked && let Some(terms) = term_list(raw[next + 1].span.of(text)) {
                kinds.insert(k + 1, BlockKind::Keywords);
                kinds.insert(next + 1, BlockKind::Keywords);
                let base = raw[next + 1].span.start;
                meta.keywords.extend(
                    terms
                        .into_iter()
                        .map(|(a, b)| Span::new(base + a, base + b)),
                );
            }
            open_abstract = Some(k);
        } else if open_abstract.is_some_and(|a| k > a + 3) {
            open_abstract = None;
        }
    }
}

/// A block of several lines of which at least two start with a list label
/// becomes one block per item (an unlabelled first line stays a block of its
/// own; unlabelled later lines continue the item above).
fn split_lists(
    text: &str,
    raw: Vec<RawBlock>,
    bibl_from: Option<usize>,
    contents: Option<usize>,
) -> (Vec<RawBlock>, Vec<bool>) {
    let mut out = Vec::with_capacity(raw.len());
    let mut listed = Vec::with_capacity(raw.len());
    for (i, b) in raw.into_iter().enumerate() {
        let labelled = b
            .lines()
            .iter()
            .filter(|l| label::item_label(l.of(text)).is_some())
            .count();
        let table = contents == Some(b.span.start);
        if bibl_from.is_some_and(|h| i >= h) || b.lines().len() < 2 || labelled < 2 || table {
            out.push(b);
            listed.push(false);
            continue;
        }
        let mut items: Vec<RawBlock> = Vec::new();
        for (k, &l) in b.lines().iter().enumerate() {
            let starts = k == 0 || label::item_label(l.of(text)).is_some();
            match items.last_mut() {
                Some(it) if !starts => {
                    it.push(l);
                }
                _ => items.push(RawBlock::new(l)),
            }
        }
        listed.extend(
            items
                .iter()
                .map(|it| label::item_label(it.span.of(text)).is_some()),
        );
        out.extend(items);
    }
    (out, listed)
}

/// A paragraph that ends with a picture credit is a caption.
fn caption(text: &str, rb: &RawBlock) -> Option<Figure> {
    let s = rb.span.of(text);
    // n words take 2n - 1 bytes: a shorter block is not counted
    if s.len() > 2 * figure::MAX_CAPTION_WORDS
        && s.split_whitespace()
            .nth(figure::MAX_CAPTION_WORDS)
            .is_some()
    {
        return None; // running text: its words are not counted to the end
    }
    let (a, b) = figure::trailing_credit(s)?;
    let start = rb.span.start;
    let caption_text = s[..a].trim_end();
    Some(Figure {
        head: None,
        caption: (!caption_text.is_empty()).then(|| Span::new(start, start + caption_text.len())),
        credit: Some(Span::new(start + a, start + b)),
    })
}

/// Words from which a heading over a caption is a gallery title anyway.
const GALLERY_TITLE_WORDS: usize = 10;

/// A title over pictures: long, or standing more than once in the text.
fn gallery_title(text: &str, span: Span) -> bool {
    let s = span.of(text);
    s.split_whitespace().count() >= GALLERY_TITLE_WORDS || text.matches(s).nth(1).is_some()
}

/// "By John Smith", "— Reuters", "- AFP": a byline or sign-off line.
fn is_byline(s: &str) -> bool {
    let t = s.trim();
    // counted only for lines that start like a byline
    let words = || t.split_whitespace().count();
    if let Some(rest) = t.strip_prefix("By ") {
        // "By AVET DEMOURIAN and AIDA SULTANOVA⏎Associated Press": a byline
        // may give the agency on a second, short line
        let mut lines = rest.lines();
        let first = lines.next().unwrap_or_default().trim_end();
        let agency = lines.next();
        if lines.next().is_some() || agency.is_some_and(|a| a.split_whitespace().count() > 4) {
            return false;
        }
        // "By Anna Petrosyan | November 10, 2020 | 5 min read": the name is
        // the first field of a web page's byline
        let (name, fields) = match first.split_once(['|', '•', '·']) {
            Some((name, _)) => (name.trim_end(), true),
            None => (first, false),
        };
        let name_words = name.split_whitespace().count();
        return front::author_line(name).is_some()
            || all_caps_names(name)
            || ((if fields || agency.is_some() {
                name_words
            } else {
                words()
            }) <= 4
                && name.chars().next().is_some_and(char::is_uppercase)
                && !name.ends_with('.'));
    }
    if let Some(rest) = t.strip_prefix(['—', '–', '-']) {
        let rest = rest.trim_start();
        return words() <= 4
            && !rest.is_empty()
            && rest
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !rest.ends_with('.');
    }
    false
}

/// Names in capitals, as agencies write bylines: "AVET DEMOURIAN and AIDA
/// SULTANOVA".
fn all_caps_names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=9).contains(&words.len())
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "de" | "van" | "von")
                || w.trim_end_matches(',')
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && words
            .iter()
            .filter(|w| w.chars().any(char::is_uppercase))
            .count()
            >= 2
}

/// Run-in heads (when the text has several) and a dateline at the start of
/// the first paragraph of the body.
fn leads(text: &str, blocks: &mut [Block]) {
    let candidates: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .filter_map(|(i, b)| lead::run_in_head(b.span.of(text)).map(|n| (i, n)))
        .collect();
    if candidates.len() >= MIN_RUN_IN_HEADS {
        for (i, n) in candidates {
            let b = &mut blocks[i];
            b.lead = Some(Lead {
                kind: LeadKind::Head,
                span: Span::new(b.span.start, b.span.start + n),
            });
        }
    }
    let first_p = blocks.iter().position(|b| {
        !matches!(
            b.kind,
            BlockKind::Title
                | BlockKind::Subtitle
                | BlockKind::Head { .. }
                | BlockKind::Byline
                | BlockKind::Front(_)
        )
    });
    if let Some(i) = first_p
        && blocks[i].kind == BlockKind::Paragraph
        && blocks[i].lead.is_none()
        && let Some((_, n)) = lead::dateline(blocks[i].span.of(text))
    {
        let b = &mut blocks[i];
        b.lead = Some(Lead {
            kind: LeadKind::Dateline,
            span: Span::new(b.span.start, b.span.start + n),
        });
    }
}

/// A short line that starts like a heading and does not end like a sentence.
pub fn looks_like_heading(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    // the words are counted last: most blocks fail a cheaper test first
    (first.is_uppercase() || first.is_numeric() || first == '#')
        && s.len() <= MAX_HEAD_BYTES
        && !matches!(last, '.' | ',' | ';' | ':' | '”' | '"' | '…')
        // a word broken at the line's end ("in the uni-") runs on
        && !(last == '-' && s[..s.len() - 1].ends_with(char::is_alphabetic))
        && s.split_whitespace().count() <= MAX_HEAD_WORDS
        // a link or a bare date on a line of its own is no heading
        && !s.contains("://")
        && !is_date_line(s)
}

/// Month and weekday names, full and short, lowercase.
const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A line that is only a date: "October 17, 2020", "Saturday, 17 Oct. 2020",
/// "2020-10-17", "17.10.2020".
fn is_date_line(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let numeric = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'/' | b'.'))
            && w.bytes().filter(u8::is_ascii_digit).count() >= 1
    };
    let day = |w: &str| {
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        matches!(&w[d.len()..], "" | "st" | "nd" | "rd" | "th") && numeric(d)
    };
    let named = words
        .iter()
        .any(|w| CALENDAR_WORDS.contains(&w.to_lowercase().as_str()));
    let full_numeric = words.len() == 1 && words[0].bytes().filter(u8::is_ascii_digit).count() >= 6;
    (named || full_numeric)
        && words
            .iter()
            .all(|w| numeric(w) || day(w) || CALENDAR_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A title: like a heading, but it may run longer and wrap over a few lines.
fn looks_like_title(s: &str, lines: usize) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    lines <= 3
        && (first.is_uppercase() || first.is_numeric() || matches!(first, '“' | '"' | '#'))
        && !matches!(last, '.' | ',' | ';' | ':' | '…')
        && s.split_whitespace().nth(MAX_TITLE_WORDS).is_none()
}

#[cfg(test)]
mod tests {
    use crate::document::{BlockKind, FrontKind, LeadKind};
    use crate::parse::parse;

    fn kinds(t: &str) -> Vec<BlockKind> {
        parse(t).blocks.into_iter().map(|b| b.kind).collect()
    }

    #[test]
    fn title_heads_and_paragraphs() {
        let t = "War Latest Update\n\nCasualties on both sides\n\nThe fighting went on.\n\nWhy is it hard?\n\nBecause it is.";
        assert_eq!(
            kinds(t),
            [
                BlockKind::Title,
                BlockKind::Head { level: 1 },
                BlockKind::Paragraph,
                BlockKind::Head { level: 1 },
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn sentences_and_last_lines_are_not_heads() {
        let t = "A long first paragraph that ends with a period.\n\nShort sentence, then more.\n\nLast short line";
        assert!(kinds(t).iter().all(|k| *k == BlockKind::Paragraph));
    }

    #[test]
    fn a_head_right_after_a_head_is_a_subhead() {
        let t = "Title\n\nMain heading\n\nA deck under it\n\nText.";
        assert_eq!(kinds(t)[2], BlockKind::Head { level: 2 });
    }

    const PAPER: &str = "doi:10.1000/xyz.7\n\nON THE USES OF ARCHIVES\n\nJane Smith,\n\n*Department of History, University of Oslo*\n\nORCID: 0000-0001-2345-6789\n\njane@uio.example.no\n\nAbstract: We study archives.\n\nKeywords: archives; memory; archives.\n\n1. Introduction\n\nArchives matter (Smith 2019, p. 4).\n\n1.1 Scope\n\nWe look at [1].\n\n## Methods\n\nWe read.\n\nBibliography\n\n[1] Smith, J. 2019. Archives. Oslo.\n[2] Doe, A. 2020. Memory.";

    #[test]
    fn numbered_affiliations_go_to_the_authors_marked_with_them() {
        let t = "Energy Security in the South Caucasus\nLeyla Mammadova1, Tigran Hakobyan2\n1 Baku State University, Baku, Azerbaijan\n2 Yerevan State University, Yerevan, Armenia\nE-mail: leyla.m@example.edu\nORCID: 0000-0002-1825-0097\nAbstract\nWe study pipelines.\n1. Introduction\nText.";
        let d = parse(t);
        let k: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(k[1], BlockKind::Front(FrontKind::Author));
        assert_eq!(k[2], BlockKind::Front(FrontKind::Affiliation));
        assert_eq!(k[3], BlockKind::Front(FrontKind::Affiliation));
        assert_eq!(k[4], BlockKind::Front(FrontKind::Email));
        let of = |s: Option<crate::span::Span>| s.map(|s| s.of(t));
        let mail = |a: &super::Author| a.email.as_ref().map(|e| e.address.clone());
        let [leyla, tigran] = &d.meta.authors[..] else {
            panic!("two authors: {:?}", d.meta.authors)
        };
        assert_eq!(leyla.name.of(t), "Leyla Mammadova");
        assert_eq!(
            of(leyla.affiliations.first().copied()),
            Some("Baku State University, Baku, Azerbaijan")
        );
        assert_eq!(mail(leyla).as_deref(), Some("leyla.m@example.edu"));
        assert_eq!(of(leyla.orcid), Some("0000-0002-1825-0097"));
        assert_eq!(tigran.name.of(t), "Tigran Hakobyan");
        assert_eq!(
            of(tigran.affiliations.first().copied()),
            Some("Yerevan State University, Yerevan, Armenia")
        );
        assert_eq!((&tigran.email, tigran.orcid), (&None, None));
    }

    #[test]
    fn a_paper_with_numbered_sections() {
        let d = parse(PAPER);
        let k: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(k[0], BlockKind::Front(FrontKind::Doi));
        assert_eq!(k[1], BlockKind::Title);
        assert_eq!(k[2], BlockKind::Front(FrontKind::Author));
        assert_eq!(k[3], BlockKind::Front(FrontKind::Affiliation));
        assert_eq!(k[4], BlockKind::Front(FrontKind::Orcid));
        assert_eq!(k[5], BlockKind::Front(FrontKind::Email));
        assert_eq!(k[6], BlockKind::Abstract);
        assert_eq!(k[7], BlockKind::Keywords);
        assert_eq!(k[8], BlockKind::Head { level: 1 });
        assert_eq!(k[10], BlockKind::Head { level: 2 });
        assert_eq!(k[12], BlockKind::Head { level: 2 });
        assert_eq!(k[14], BlockKind::BiblHead);
        assert_eq!(
            &k[15..],
            [
                BlockKind::Bibl { n: Some(1) },
                BlockKind::Bibl { n: Some(2) }
            ]
        );
        assert_eq!(d.meta.doi.map(|s| s.of(PAPER)), Some("10.1000/xyz.7"));
        let a = &d.meta.authors[0];
        assert_eq!(a.name.of(PAPER), "Jane Smith");
        assert_eq!(
            a.email.as_ref().map(|e| e.span.of(PAPER)),
            Some("jane@uio.example.no")
        );
        assert_eq!(a.orcid.map(|s| s.of(PAPER)), Some("0000-0001-2345-6789"));
        assert!(
            a.affiliations
                .first()
                .is_some_and(|s| s.of(PAPER).starts_with("Department"))
        );
        let terms: Vec<&str> = d.meta.keywords.iter().map(|s| s.of(PAPER)).collect();
        assert_eq!(terms, ["archives", "memory"]);
    }

    #[test]
    fn a_paper_without_a_doi_is_still_a_paper() {
        let t =
            "A Study of Things\n\nJohn Roe,\n\nUniversity of Nowhere\n\nAbstract. Things.\n\nText.";
        let d = parse(t);
        assert_eq!(d.meta.authors.len(), 1);
        assert_eq!(d.blocks[3].kind, BlockKind::Abstract);
    }

    #[test]
    fn run_in_heads_need_several() {
        let t = "Methods. We read.\n\nResults. We found.\n\nMr. Smith said so.";
        let d = parse(t);
        let leads: Vec<_> = d
            .blocks
            .iter()
            .map(|b| b.lead.map(|l| l.span.of(t)))
            .collect();
        assert_eq!(leads, [Some("Methods."), Some("Results."), None]);
        let single = "The report came out.\n\nIt said one thing about Methods. We read it.";
        assert!(parse(single).blocks.iter().all(|b| b.lead.is_none()));
        let one = "Methods. We read.\n\nThen we wrote.";
        assert!(parse(one).blocks.iter().all(|b| b.lead.is_none()));
    }

    #[test]
    fn an_agency_byline_and_a_date_line_are_no_headings() {
        let t = "Armenia, Azerbaijan agree to new truce\n\nBy AVET DEMOURIAN and AIDA SULTANOVA\nAssociated Press\n\nOctober 17, 2020\n\nYEREVAN, Armenia (AP) — Armenia and Azerbaijan agreed Saturday to a new truce.\n\nFollow the coverage at https://apnews.com/hub/x\n\nMore text.";
        let k = kinds(t);
        assert_eq!(k[1], BlockKind::Byline);
        assert_eq!(k[2], BlockKind::Paragraph);
        assert_eq!(k[4], BlockKind::Paragraph);
        for d in [
            "Saturday, 17 Oct. 2020",
            "2020-10-17",
            "17.10.2020",
            "October 17th, 2020",
        ] {
            assert!(super::is_date_line(d), "{d}");
        }
        for d in ["October Revolution", "2020", "May Day Parade", "Chapter 17"] {
            assert!(!super::is_date_line(d), "{d}");
        }
    }

    #[test]
    fn a_line_ending_on_a_broken_word_is_no_heading() {
        assert!(!super::looks_like_heading(
            "Then if one fixes the mass, the content of bosons in the uni-"
        ));
        assert!(super::looks_like_heading("Results of the Pre-Test"));
        assert!(super::looks_like_heading("Follow-up -"));
    }

    #[test]
    fn a_web_byline_with_date_and_reading_time_is_a_byline() {
        for line in [
            "By Anna Petrosyan | November 10, 2020 | 5 min read",
            "By Anna Petrosyan • 10 Nov 2020",
        ] {
            let t = format!(
                "Ceasefire signed\n\n{line}\n\nThe deal was signed at night by the three leaders."
            );
            assert_eq!(parse(&t).blocks[1].kind, BlockKind::Byline, "{line}");
        }
        let t = "Ceasefire signed\n\nBy the end of the week | the deal held.\n\nText follows.";
        assert_ne!(parse(t).blocks[1].kind, BlockKind::Byline);
    }

    #[test]
    fn a_deck_above_a_byline_is_a_subtitle() {
        let t = "Talks Collapse\n\nSides blame each other\n\nBy John Smith\n\nMOSCOW (Reuters) — Talks failed.";
        let d = parse(t);
        assert_eq!(d.blocks[1].kind, BlockKind::Subtitle);
        assert_eq!(
            d.meta.subtitle.map(|s| s.of(t)),
            Some("Sides blame each other")
        );
        assert_eq!(d.blocks[2].kind, BlockKind::Byline);
        let t = "Talks Collapse\n\nSides blame each other\n\nThe talks failed.";
        assert_eq!(parse(t).blocks[1].kind, BlockKind::Head { level: 1 });
    }

    #[test]
    fn several_authors_on_one_line() {
        let t = "A Study\n\nJane Smith and Bo Li,\n\njane@x.example.org\n\nText.";
        let d = parse(t);
        let names: Vec<&str> = d.meta.authors.iter().map(|a| a.name.of(t)).collect();
        assert_eq!(names, ["Jane Smith", "Bo Li"]);
        // the address names Jane; one that names nobody goes to the last author
        assert!(d.meta.authors[0].email.is_some());
        let t = "A Study\n\nJane Smith and Bo Li,\n\nlab@x.example.org\n\nText.";
        assert!(parse(t).meta.authors[1].email.is_some());
    }

    #[test]
    fn a_news_text_with_a_methods_line_stays_news() {
        let t = "Talks Collapse\n\nMOSCOW (Reuters) — Talks failed.\n\nMethods.\n\nMore news.";
        let d = parse(t);
        assert_eq!(d.blocks[1].lead.map(|l| l.kind), Some(LeadKind::Dateline));
        assert!(d.meta.authors.is_empty() && d.meta.doi.is_none());
        assert_eq!(d.blocks[2].kind, BlockKind::Paragraph);
    }

    #[test]
    fn figures_with_gallery_titles_and_credits() {
        let t = "News\n\nTroops advance on the city\n\nSoldiers near the front. Photo: AFP\n\nTroops advance on the city\n\nThe war went on.";
        let d = parse(t);
        match &d.blocks[1].kind {
            BlockKind::Figure(f) => {
                assert_eq!(f.head.map(|s| s.of(t)), Some("Troops advance on the city"));
                assert_eq!(f.caption.map(|s| s.of(t)), Some("Soldiers near the front."));
                assert_eq!(f.credit.map(|s| s.of(t)), Some("Photo: AFP"));
            }
            k => panic!("{k:?}"),
        }
        assert_eq!(d.blocks.len(), 4);
        // A short heading above a picture, not repeated, stays a heading.
        let t = "News\n\nThe front\n\nSoldiers near the front. Photo: AFP\n\nThe war went on.";
        let d = parse(t);
        assert_eq!(d.blocks[1].kind, BlockKind::Head { level: 1 });
        assert!(matches!(&d.blocks[2].kind, BlockKind::Figure(f) if f.head.is_none()));
    }

    #[test]
    fn lists_and_bylines() {
        let t = "The phases were:\n1. first one\n2. second one\n\nPhase I: It began.\n\nBy John Smith\n\n— Reuters";
        let k = kinds(t);
        assert_eq!(k[0], BlockKind::Paragraph);
        assert!(matches!(k[1], BlockKind::Item { label: Some(_) }));
        assert!(matches!(k[2], BlockKind::Item { label: Some(_) }));
        assert!(matches!(k[3], BlockKind::Item { label: Some(_) }));
        assert_eq!(k[4], BlockKind::Byline);
        assert_eq!(k[5], BlockKind::Byline);
    }
}
