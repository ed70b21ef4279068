//! Main text or furniture: the classifier over a page's lines.
//!
//! In the manner of jusText (Pomikálek 2011), each line first gets a class
//! from its own features: `Bad` when it carries furniture evidence or, long
//! enough to judge, has few stop words; `Short` when too short to judge;
//! `NearGood` or `Good` by stop-word density and length. Then context
//! decides the doubtful ones: a short line between good ones is good,
//! between bad ones bad; a near-good line beside a good one is good.
//!
//! What is removed is stricter than jusText, because a wrong removal of
//! article text is worse than furniture left in:
//! - the main text is the longest dense run of good lines; lines with
//!   furniture evidence go anywhere outside it, inside it only when short;
//! - lines judged bad by context alone go only outside the main text, in
//!   the stretches, gaps and tails below;
//! - the headline and standfirst just above the main text and a closing
//!   sentence just below it are kept whatever their class;
//! - outside the main text (before its first line, after its last),
//!   a stretch of bad lines with enough furniture evidence goes with its
//!   short lines: a related-articles box, a newsletter form, a footer;
//! - after the main text, from its first line of furniture evidence on,
//!   a tail in which at least half the lines show evidence of their own
//!   is the page's furniture: its lines judged bad by context go too
//!   (teasers, "most read" lists, footers), but not sentences, quantities
//!   or "label: value" rows;
//! - a box's heading without evidence of its own (a short line opened by
//!   the words of related articles, sharing or newsletters, the rest
//!   naming the site or the topic) goes outside the main text, but not
//!   right beside it, where it may close the text;
//! - past the text's last good line (the main run reaches there over the
//!   text's other runs: a recipe's steps, a data sheet, the second half
//!   of an article split by code) and its first furniture after it, a
//!   bare name goes (a menu's, a tag list's, a box's entry), unless it
//!   stands beside prose, a data row or a list item that says something;
//! - a comment section goes from its heading to the end of the page;
//!   readers' words there are proposed, but a line beside the words of
//!   the site's own boxes ("Über uns", "Newsletter", a share bar) and a
//!   plain line that goes is the blurb of a box, there and past the
//!   text, and goes.

use super::frames::Frames;
use super::head_stamps::head_stamps;
use super::signals::Shape;
use super::vocabulary::Category;

/// Lines shorter than this (in characters) are too short to judge alone
/// (jusText's `length_low`).
const LENGTH_LOW: usize = 70;
/// Lines at least this long may be good on their own (`length_high`).
const LENGTH_HIGH: usize = 200;
/// Stop-word density of near-good text (`stopwords_low`).
const STOP_LOW: f32 = 0.30;
/// Stop-word density of good text (`stopwords_high`).
const STOP_HIGH: f32 = 0.32;
/// Good lines farther apart than this many bad lines start a new run.
const MAX_GAP: usize = 4;
/// Most bad lines between the main run and a run of good lines before it
/// that still belongs to the main text ([`main_run`]).
const MAX_JOIN_GAP: usize = 12;
/// Such a run joins the main run when at least 1/this as long.
const JOIN_RATIO: usize = 3;
/// Fewest near-good lines of a cluster that is good ([`promote_clusters`]).
const MIN_CLUSTER_LINES: usize = 2;
/// Fewest characters of those lines.
const MIN_CLUSTER_LENGTH: usize = 300;
/// Most lines without evidence taken into the furniture around them.
const MAX_BETWEEN: usize = 3;
/// Most words of a line with furniture evidence removed inside the main text.
const MAX_INNER_WORDS: usize = 6;
/// Most pitches closing the main text taken as the site's sign-off
/// ("Support our journalism …", "Follow us on …", "Get our app …").
const MAX_SIGN_OFF: usize = 3;
/// Lines above the main text searched for its headline and standfirst.
const HEAD_REACH: usize = 6;
/// Headline and standfirst lines kept above the main text.
const HEAD_KEEP: usize = 3;
/// Fewest lines between a box's heading and the main text for it to go
/// ([`Unit::heading`]).
const MIN_HEADING_DISTANCE: usize = 2;
/// Characters of good text a comment section must follow.
const MIN_ARTICLE: usize = 300;
/// Of every this many lines of the tail after the main text, at least one
/// must show furniture evidence of its own for its other bad lines to go
/// ([`furniture_tail`]): a majority, so that a tail of the text's own
/// (a recipe's steps, a data sheet) with a share bar in it stays.
const TAIL_RATIO: usize = 2;
/// Of every this many lines of such a tail, at least one must show strong
/// evidence: lines said again on the page count towards [`TAIL_RATIO`]
/// but a data sheet repeats its headings too.
const TAIL_STRONG_RATIO: usize = 3;

/// Fewest columns of indentation of a line that is [`Unit::indented`]: a
/// list's item is indented by two before its marker.
pub const MIN_INDENT: usize = 4;

/// Confidence of removals with evidence of their own, outside the main text.
pub const EVIDENCE_OUTSIDE: f32 = 0.9;
/// Confidence of short lines with evidence inside the main text, of lines
/// judged by context outside it, and of comment sections.
pub const CONTEXT: f32 = 0.85;
/// Confidence of a proposal: evidence on a line too long to be sure of.
pub const PROPOSED: f32 = 0.6;

/// What a line shows of furniture.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// Its shape.
    Shape(Shape),
    /// Most of it is furniture vocabulary of this category.
    Vocabulary {
        category: Category,
        phrases: Vec<String>,
    },
    /// A short line made of this category's vocabulary and function words
    /// ("Das könnte dich auch interessieren", "Like it? Share it!"): a
    /// heading of a box or a call to act, but the text may head a section
    /// so too, so it counts outside the main text only.
    Cue {
        category: Category,
        phrases: Vec<String>,
    },
    /// A "read also" label before a headline ("Lesen Sie auch: …"): a
    /// teaser, inside the text as well as around it.
    ReadAlso { phrases: Vec<String> },
    /// A credit or a byline: a label of bylines' words before a name
    /// ("Foto: …", "Quelle: …") or a post's list of tags or categories
    /// ("Tags: …", "Abgelegt unter: …").
    Credit { phrases: Vec<String> },
    /// A picture's caption: a line of a caption's length that ends in the
    /// picture's credit ("… Foto: Anna Berg", "(Jane Roe/AFP)"), inside
    /// the text as well as around it.
    Caption { credit: String },
    /// A byline: a preposition of bylines before a name ("By Sarah Yang",
    /// "Von Irmela Schwab"), the post's or a teaser's
    /// ([`super::post_meta`]).
    Byline { preposition: String },
    /// A longer line with several phrases of banners (cookies, privacy,
    /// newsletters, log-in).
    Banner { phrases: Vec<String> },
    /// A line of any length with several phrases of notices and calls to
    /// act ("Get our newsletter … sign up", "© 2024 … all rights
    /// reserved"): a pitch, a notice or a footer, but an article may
    /// speak of such things too, so it counts outside the main text only.
    Pitch { phrases: Vec<String> },
    /// It is an item of a run of this many bulleted short lines: a menu
    /// outside the main text, perhaps a list inside it.
    MenuList(usize),
    /// The line recurs in this many of the batch's documents (of so many):
    /// a site's or a CMS's furniture, or the text's own heading ("Fazit"),
    /// so it counts outside the main text only.
    Recurrent { documents: u64, of: u64 },
    /// The line occurs this many times on the page: furniture said again
    /// (a share bar, a caption's "copy the link"), or the text's own
    /// heading repeated in a table of contents, so it counts outside the
    /// main text only.
    Repeated(usize),
    /// An earlier rule removed it.
    Prior,
}

impl Evidence {
    /// Whether the evidence alone proves furniture.
    pub fn is_strong(&self) -> bool {
        match self {
            Evidence::Shape(s) => s.is_strong(),
            // a heading, a headline or a table's row may be said twice
            Evidence::Repeated(_) => false,
            _ => true,
        }
    }

    /// Whether the evidence counts towards a stretch or tail of furniture:
    /// strong evidence, or a line said again on the page, which goes only
    /// with the furniture around it.
    pub fn counts(&self) -> bool {
        self.is_strong() || matches!(self, Evidence::Repeated(_))
    }

    /// The evidence, for an edit note.
    pub fn describe(&self) -> String {
        let list = |p: &[String]| {
            p.iter()
                .take(4)
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Evidence::Shape(s) => s.describe(),
            Evidence::Vocabulary { category, phrases } => {
                format!("{} vocabulary ({})", category.name(), list(phrases))
            }
            Evidence::Banner { phrases } => format!("notice vocabulary ({})", list(phrases)),
            Evidence::Pitch { phrases } => {
                format!("phrases of notices and calls to act ({})", list(phrases))
            }
            Evidence::Cue { category, phrases } => format!(
                "{} vocabulary ({}) and function words only",
                category.name(),
                list(phrases)
            ),
            Evidence::Credit { phrases } => {
                format!(
                    "a credit's or byline's label ({}) before a name or a list of tags",
                    list(phrases)
                )
            }
            Evidence::Caption { credit } => {
                format!("a picture's caption, ending in its credit ({credit:?})")
            }
            Evidence::Byline { preposition } => {
                format!("a byline: \"{preposition}\" before a name")
            }
            Evidence::ReadAlso { phrases } => {
                format!(
                    "a \"read also\" label ({}) before a headline",
                    list(phrases)
                )
            }
            Evidence::MenuList(n) => format!("item of a list of {n} short bulleted lines"),
            Evidence::Recurrent { documents, of } => {
                format!("the line recurs in {documents} of the {of} documents of the batch")
            }
            Evidence::Repeated(n) => format!("the line occurs {n} times on the page"),
            Evidence::Prior => "removed by an earlier rule".to_owned(),
        }
    }

    /// A short id for the edit's rule.
    pub fn rule(&self) -> &'static str {
        match self {
            Evidence::Shape(Shape::Symbols | Shape::Brackets) => "symbols",
            Evidence::Shape(Shape::MenuRow(_)) => "menu",
            Evidence::Shape(Shape::Breadcrumb(_)) => "breadcrumb",
            Evidence::Shape(Shape::Date | Shape::Time | Shape::Dateline | Shape::Number) => "date",
            Evidence::Vocabulary { category, .. } | Evidence::Cue { category, .. } => {
                category_rule(*category)
            }
            Evidence::Banner { .. } => "notice",
            Evidence::Pitch { .. } => "pitch",
            Evidence::ReadAlso { .. } => "related",
            Evidence::Credit { .. } | Evidence::Byline { .. } => "meta",
            Evidence::Caption { .. } => "caption",
            Evidence::MenuList(_) => "menu",
            Evidence::Recurrent { .. } => "recurrent",
            Evidence::Repeated(_) => "repeated",
            Evidence::Prior => "prior",
        }
    }
}

/// The short id of the rule a category's vocabulary proves.
pub fn category_rule(category: Category) -> &'static str {
    match category {
        Category::Comments | Category::CommentSection => "comments",
        Category::Cookie | Category::Privacy => "notice",
        Category::Newsletter | Category::Login => "notice",
        Category::Share | Category::Follow | Category::Network => "share",
        Category::Related => "related",
        Category::Copyright => "copyright",
        Category::Navigation => "menu",
        Category::Meta => "meta",
    }
}

/// One line of the page, as the classifier sees it.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// Characters of the line without its list marker (a CJK character
    /// counts three: it carries about a word).
    pub length: usize,
    /// Words, and stop words among them (`None` without a language).
    pub words: usize,
    pub stop: Option<usize>,
    /// It ends a sentence (or holds one, in a script without spaces).
    pub sentence: bool,
    /// It starts with a list marker.
    pub bulleted: bool,
    /// Furniture evidence, if any.
    pub evidence: Option<Evidence>,
    /// Without evidence of its own, it is a short line opened by this
    /// category's vocabulary, these phrases, the rest naming the site or
    /// the topic ("Mehr zum Thema auf …", "Trending on …"): a box's
    /// heading outside the main text, but the text may close on such a
    /// line, and it tells nothing of the lines around it, so the other
    /// rules see no evidence in it ([`Reason::Heading`]).
    pub heading: Option<(Category, Vec<String>)>,
    /// It opens a comment section ("12 Comments", "Leave a Reply").
    pub opens_comments: bool,
    /// It holds an empty form field (a text box, a check box): in a
    /// comment section, the form that follows the comments.
    pub form_field: bool,
    /// It is indented as a copy of a page indents a thread's replies and
    /// quotes (by [`MIN_INDENT`] columns or more, without a list marker).
    pub indented: bool,
    /// It must stay whatever it looks like (a bibliography entry).
    pub fixed: bool,
    /// The index of its block (paragraph) on the page: the lines of one
    /// block belong together (a comment's greeting, text and sign-off).
    pub block: usize,
    /// It holds a number (a quantity, a price, a date).
    pub number: bool,
    /// It names a day: a numeric date or a month's name beside a figure
    /// ([`super::dates::names_day`]), not only a year or an hour.
    pub day: bool,
    /// It is a "label: value" pair (a delivery time, a data sheet's row):
    /// never taken in by the furniture around it.
    pub label_value: bool,
    /// It holds a comma between words: a clause or an enumeration ("can
    /// encrypt, mount drives"), as a menu's entry rarely does.
    pub comma: bool,
    /// The phrases of a site's notices it holds (a cookie banner's, a
    /// newsletter box's, a copyright line's words), when they make it one:
    /// one in a line short enough for it to speak for the line, or
    /// several. Empty otherwise; it counts after the main text only.
    pub site_notice: Vec<String>,
    /// Its site notice is a cookie banner's or a newsletter box's, which
    /// pages show above their text as much as below it (a copyright sign
    /// above the text is a picture's credit, not the site's footer).
    pub banner_notice: bool,
    /// It ends in the mark of a link that leads on ("Mehr lesen …",
    /// "Weiter »"): the close of a teaser, not the label of a box.
    pub leads_on: bool,
}

/// A line's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Bad,
    Short,
    NearGood,
    Good,
}

/// Why a line goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// Its own evidence.
    Evidence,
    /// Its context: a few lines judged bad, between furniture lines.
    Between,
    /// It lies in a stretch of furniture beyond the page's text: so many
    /// lines, so many of them with evidence of their own.
    Stretch { evidence: usize, lines: usize },
    /// It lies in the tail of the page opened at this line after the main
    /// text, with so many lines, so many of them with evidence.
    Tail {
        from: usize,
        evidence: usize,
        lines: usize,
    },
    /// It is a headline-like line in the run after the main text opened
    /// at this line by a box's heading or a call to act ("Related",
    /// "Share this", "Newsletter"): a teaser of the box.
    Teaser(usize),
    /// It is a short line in a run of `run` short lines and furniture
    /// `distance` lines above the main text: the page's head (menus,
    /// breadcrumbs, dates, category lists) ([`edge_runs`]).
    Head { run: usize, distance: usize },
    /// It is a short line in such a run `distance` lines below the main
    /// text, before any comment section: the page's foot (tag lists,
    /// "related" headlines, the site's menus again).
    Foot { run: usize, distance: usize },
    /// It is a line with the words of a site's notice (a cookie banner, a
    /// newsletter box, a copyright line), `distance` lines below the main
    /// text (`after`) and before any comment section: a sentence the
    /// tail's rules spare, but the article has ended and the site speaks
    /// of itself. Above the text (not `after`) only a banner's or a
    /// newsletter box's words count ([`Unit::banner_notice`]): the
    /// article has not begun.
    Notice { distance: usize, after: bool },
    /// It lies after the main text between lines that all go: the
    /// [`ENCLOSING`] lines before it and as many after it (one on each
    /// side past the text's last good line), the first of them at
    /// `before`, the last at `after` (`None`: the page ends first).
    Enclosed { before: usize, after: Option<usize> },
    /// It is a box's heading ([`Unit::heading`]) `distance` lines beyond
    /// the main text, no line of the rest of the page having taken it.
    Heading { distance: usize },
    /// It is a bare name among the boxes of the page's foot: a short line
    /// without stop words after `from`, the first line with evidence of
    /// its own past the text's last good line, beside nothing that reads
    /// as the text's ([`beyond_text`]).
    Beyond { from: usize },
    /// It lies in the comment section opened at this line.
    Comments(usize),
    /// It lies in the comment section opened at line `from`, after the
    /// first empty field of a form (line `form`): the comment form, its
    /// notices and what follows it (the sidebars, the footer), not
    /// readers' words, which come before the form ([`after_form`]).
    AfterForm { from: usize, form: usize },
    /// It lies in the comment section opened at line `from`, whose
    /// comments show these frames, repeated ([`Frames::certain`]), after
    /// the last of them: the comments have ended, the page's sidebars and
    /// footer follow.
    Framed { from: usize, frames: Frames },
    /// It is the frame of a comment in the section opened at this line: a
    /// short line that is not a sentence, in a block without readers'
    /// prose (the commenter's name, the date, "Reply").
    CommentFrame(usize),
}

/// The verdict on one line that goes (or is proposed to go).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    pub reason: Reason,
    pub confidence: f32,
}

/// The class of a line from its own features.
pub fn initial(u: &Unit) -> Class {
    if u.evidence.as_ref().is_some_and(Evidence::is_strong) {
        return Class::Bad;
    }
    if u.length < LENGTH_LOW {
        return Class::Short;
    }
    let density = match u.stop {
        Some(s) if u.words > 0 => s as f32 / u.words as f32,
        // no stop-word list for the text: sentences stand in for density
        _ if u.sentence => 1.0,
        _ => 0.0,
    };
    if density >= STOP_HIGH && u.length >= LENGTH_HIGH {
        Class::Good
    } else if density >= STOP_LOW {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// The nearest class before (`step` -1) or after (+1) line `i`, skipping
/// short lines, and near-good ones too when `skip_near`; the page's ends
/// count as bad.
fn neighbour(classes: &[Class], i: usize, forward: bool, skip_near: bool) -> Class {
    let mut k = i;
    loop {
        if forward {
            k += 1;
            if k >= classes.len() {
                return Class::Bad;
            }
        } else {
            if k == 0 {
                return Class::Bad;
            }
            k -= 1;
        }
        match classes[k] {
            Class::Short => continue,
            Class::NearGood if skip_near => continue,
            c => return c,
        }
    }
}

/// Near-good lines in a cluster of them are good: an article written in
/// one-sentence paragraphs has few lines long enough to be good alone, and
/// jusText's context would read them as bad between the furniture around
/// them. A cluster is at least [`MIN_CLUSTER_LINES`] near-good lines of
/// [`MIN_CLUSTER_LENGTH`] characters in all, with nothing between them but
/// short sentences and blank lines (not a list of teasers, whose
/// headlines end without a stop).
fn promote_clusters(units: &[Unit], first: &[Class]) -> Vec<Class> {
    let mut out = first.to_vec();
    let joins = |k: usize| {
        first[k] == Class::NearGood
            || (first[k] == Class::Short && (units[k].sentence || units[k].words == 0))
    };
    let mut i = 0;
    while i < first.len() {
        if !joins(i) {
            i += 1;
            continue;
        }
        let s = i;
        while i < first.len() && joins(i) {
            i += 1;
        }
        let near = (s..i).filter(|&k| first[k] == Class::NearGood);
        let (lines, length) = near.fold((0, 0), |(n, l), k| (n + 1, l + units[k].length));
        if lines >= MIN_CLUSTER_LINES && length >= MIN_CLUSTER_LENGTH {
            for k in s..i {
                if first[k] == Class::NearGood {
                    out[k] = Class::Good;
                }
            }
        }
    }
    out
}

/// jusText's context-sensitive pass: short and near-good lines take the
/// class their neighbours give them.
pub fn smooth(initial: &[Class]) -> Vec<Class> {
    let mut out = initial.to_vec();
    for i in 0..initial.len() {
        if initial[i] != Class::Short {
            continue;
        }
        let prev = neighbour(initial, i, false, true);
        let next = neighbour(initial, i, true, true);
        out[i] = match (prev, next) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            _ if (prev == Class::Bad && neighbour(initial, i, false, false) == Class::NearGood)
                || (next == Class::Bad
                    && neighbour(initial, i, true, false) == Class::NearGood) =>
            {
                Class::Good
            }
            _ => Class::Bad,
        };
    }
    let mid = out.clone();
    for i in 0..mid.len() {
        if mid[i] != Class::NearGood {
            continue;
        }
        let prev = neighbour(&mid, i, false, true);
        let next = neighbour(&mid, i, true, true);
        out[i] = if prev == Class::Bad && next == Class::Bad {
            Class::Bad
        } else {
            Class::Good
        };
    }
    out
}

/// The main text: the longest dense run of good lines (by their length),
/// good lines at most [`MAX_GAP`] bad lines apart, extended back over the
/// runs before it that a box cut off (a newsletter form, a photo's credits,
/// an advert inside the article): a run at most [`MAX_JOIN_GAP`] lines
/// before it and at least 1/[`JOIN_RATIO`] as long. An article read as only
/// its second half loses its first to the furniture around it; the runs
/// after it are left out, as they are as often comments or teasers.
/// First and last index, inclusive.
pub fn main_run(units: &[Unit], classes: &[Class]) -> Option<(usize, usize)> {
    let runs = good_runs(units, classes);
    let at = (0..runs.len()).max_by_key(|&k| (runs[k].2, std::cmp::Reverse(k)))?;
    let best = runs[at].2;
    let mut a = at;
    while a > 0
        && runs[a].0 - runs[a - 1].1 <= MAX_JOIN_GAP + 1
        && runs[a - 1].2 * JOIN_RATIO >= best
    {
        a -= 1;
    }
    Some((runs[a].0, runs[at].1))
}

/// The runs of good lines at most [`MAX_GAP`] bad lines apart: first and
/// last index (inclusive) and their length in characters.
fn good_runs(units: &[Unit], classes: &[Class]) -> Vec<(usize, usize, usize)> {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, c) in classes.iter().enumerate() {
        if *c != Class::Good {
            continue;
        }
        match runs.last_mut() {
            Some(r) if i - r.1 <= MAX_GAP + 1 => {
                r.1 = i;
                r.2 += units[i].length;
            }
            _ => runs.push((i, i, units[i].length)),
        }
    }
    runs
}

/// What the classifier made of a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// One verdict a line: `None` for the lines that stay.
    pub verdicts: Vec<Option<Verdict>>,
    /// The main text's first and last line, if the page has one.
    pub main: Option<(usize, usize)>,
}

/// The verdicts on the lines of one page.
pub fn decide(units: &[Unit]) -> Outcome {
    let n = units.len();
    let first: Vec<Class> = units.iter().map(initial).collect();
    let classes = smooth(&promote_clusters(units, &first));
    let mut out: Vec<Option<Verdict>> = vec![None; n];
    let Some((m0, _)) = main_run(units, &classes) else {
        // no text to tell furniture from (a poem, a dialogue, a page of
        // short lines): only a line's own evidence speaks, with the
        // confidence it has inside a text, short lines applied
        for (i, u) in units.iter().enumerate() {
            if u.evidence.as_ref().is_some_and(Evidence::is_strong) && !lead_caption(u) {
                out[i] = Some(Verdict {
                    reason: Reason::Evidence,
                    confidence: if goes_inside(u) { CONTEXT } else { PROPOSED },
                });
            }
        }
        return Outcome {
            verdicts: out,
            main: None,
        };
    };
    // the comment section: opened after the article, running to the end;
    // it may open before the longest run of good lines, which is then the
    // readers' words (many comments outweigh a short post)
    let comments = (1..n).find(|&i| {
        units[i].opens_comments
            && (if i > m0 { m0..i } else { 0..i })
                .filter(|&k| classes[k] == Class::Good)
                .map(|k| units[k].length)
                .sum::<usize>()
                >= MIN_ARTICLE
    });
    let end = comments.unwrap_or(n);
    let frames = comments
        .map(|c| Frames::count(&units[c + 1..]))
        .filter(Frames::certain);
    let form = comments.and_then(|c| (c..n).find(|&k| units[k].form_field));
    let (m0, m1) = main_run(&units[..end], &classes[..end]).unwrap_or((m0, m0));
    let kept = protected(units, m0, m1);
    let between = between_furniture(units, &first, &classes);
    let stretch = furniture_stretches(units, &first, &classes, (m0, m1));
    let frame = comment_frame(units, &first);
    let teasers = teaser_runs(units, &classes, m1);
    let inner = inner_teasers(units, (m0, m1));
    let head = edge_runs(units, &classes, &kept, 0..m0, m0);
    let head_stamp = head_stamps(units, &classes, m0);
    let foot = edge_runs(units, &classes, &kept, m1 + 1..end, m1);
    let tail = furniture_tail(units, m1, &foot);
    let sign_off = sign_off(units, (m0, m1));
    for i in 0..n {
        let u = &units[i];
        if u.fixed || kept[i] {
            continue;
        }
        let inside = (m0..=m1).contains(&i);
        let strong = u.evidence.as_ref().is_some_and(Evidence::is_strong);
        let verdict = |reason, confidence| Some(Verdict { reason, confidence });
        out[i] = if let Some(c) = comments.filter(|&c| i >= c && !strong) {
            if frame[i] {
                verdict(Reason::CommentFrame(c), CONTEXT)
            } else if let Some(frames) = frames.filter(|f| i > c + 1 + f.last) {
                // after the last of the frames that repeat: the comments
                // have ended, the page's sidebars and footer follow
                verdict(Reason::Framed { from: c, frames }, CONTEXT)
            } else if let Some(form) = form.filter(|&f| after_form(u, i, f)) {
                verdict(Reason::AfterForm { from: c, form }, CONTEXT)
            } else {
                // readers' words: a page may count them as its text
                verdict(Reason::Comments(c), PROPOSED)
            }
        } else if strong && i < m0 && lead_caption(u) {
            None
        } else if strong && !inside {
            verdict(Reason::Evidence, EVIDENCE_OUTSIDE)
        } else if strong && goes_inside(u) {
            verdict(Reason::Evidence, CONTEXT)
        } else if sign_off[i] {
            // the site's call to support, subscribe or follow it that
            // closes the article ([`sign_off`])
            verdict(Reason::Evidence, CONTEXT)
        } else if strong && lone_inside(u) {
            None
        } else if strong {
            verdict(Reason::Evidence, PROPOSED)
        } else if !inside && matches!(u.evidence, Some(Evidence::Shape(Shape::Dateline))) {
            // a post's date: inside, the article's own dateline
            verdict(Reason::Evidence, EVIDENCE_OUTSIDE)
        } else if i > m1
            && matches!(u.evidence, Some(Evidence::Shape(Shape::Date)))
            && !u.label_value
        {
            // a post's stamp with its few words ("* 15. Mai 2019, 05:28
            // Uhr", "opublikowano: 7 kwietnia 2021"); a row's value
            // ("Termin: 29.02.2020, 19 Uhr") is the text's
            verdict(Reason::Evidence, CONTEXT)
        } else if i < m0 && repeated_above(u) {
            // the headline's copy in a breadcrumb or a menu: the headline
            // itself, just above the text, is kept ([`protected`])
            verdict(Reason::Evidence, CONTEXT)
        } else if head_stamp[i] {
            // a post's date in the page's head, before anything reads as
            // text ([`head_stamps`])
            verdict(Reason::Evidence, CONTEXT)
        } else if between[i] && !inside {
            verdict(Reason::Between, CONTEXT)
        } else if let Some((evidence, lines)) = stretch[i] {
            verdict(Reason::Stretch { evidence, lines }, CONTEXT)
        } else if let Some((_, t)) = tail.filter(|t| i > t.0)
            && classes[i] == Class::Bad
            && !(u.sentence && u.words > 3)
            && !u.label_value
            && (!u.number || u.words >= MIN_NUMBERED_TEASER_WORDS)
        {
            verdict(t, CONTEXT)
        } else if let Some(from) = teasers[i] {
            verdict(Reason::Teaser(from), CONTEXT)
        } else if let Some(from) = inner[i] {
            verdict(Reason::Teaser(from), CONTEXT)
        } else if let Some((run, distance)) = head[i] {
            let confidence = if distance >= EDGE_FAR {
                CONTEXT
            } else {
                PROPOSED
            };
            verdict(Reason::Head { run, distance }, confidence)
        } else if let Some((run, distance)) = foot[i] {
            let confidence = if distance >= EDGE_FAR {
                CONTEXT
            } else {
                PROPOSED
            };
            verdict(Reason::Foot { run, distance }, confidence)
        } else if !u.site_notice.is_empty() && (i > m1 || (i < m0 && u.banner_notice)) {
            let (distance, after) = if i > m1 {
                (i - m1, true)
            } else {
                (m0 - i, false)
            };
            verdict(Reason::Notice { distance, after }, CONTEXT)
        } else if u.heading.is_some() && !inside {
            // right beside the text it may be the text's closing remark
            let distance = if i > m1 { i - m1 } else { m0 - i };
            (distance >= MIN_HEADING_DISTANCE).then_some(Verdict {
                reason: Reason::Heading { distance },
                confidence: EVIDENCE_OUTSIDE,
            })
        } else {
            None
        };
    }
    for (i, v) in enclosed(units, &out, &kept, (m0, m1), (m1 + 1, ENCLOSING), end)
        .into_iter()
        .enumerate()
    {
        if v.is_some() {
            out[i] = v;
        }
    }
    // the text's last good line: the bare names after it take no good
    // line, so it stands where it did for the enclosure after them
    let text_end = text_end(&classes, &out, m1, end);
    for (i, v) in beyond_text(units, &first, &out, &kept, text_end, end)
        .into_iter()
        .enumerate()
    {
        if v.is_some() {
            out[i] = v;
        }
    }
    // past the text's last good line ([`text_end`]) the page's boxes
    // follow one another: one line that goes on each side encloses a line
    // (a teaser's standfirst between two headlines, a newsletter box's
    // pitch between its heading and its field, an author's blurb under
    // a name), the bare names taken out just before counting; the lines
    // enclosed before still enclose none, nor does an image (the line
    // beside it is its caption)
    let closing: Vec<Option<Verdict>> = out
        .iter()
        .zip(units)
        .map(|(v, u)| {
            v.filter(|v| {
                !matches!(v.reason, Reason::Enclosed { .. })
                    && !matches!(u.evidence, Some(Evidence::Shape(Shape::Brackets)))
            })
        })
        .collect();
    for (i, v) in enclosed(units, &closing, &kept, (m0, m1), (text_end + 1, 1), end)
        .into_iter()
        .enumerate()
    {
        // a line with a number there may be an item of the text's own
        // numbered list or data run on past an ad ("12. Why did …")
        if v.is_some() && out[i].is_none() && !units[i].number {
            out[i] = v;
        }
    }
    // a comment section's line in a box of the site's own ([`in_site_box`]):
    // the comments have ended, the page's sidebars and footer follow
    let settled = out.clone();
    for i in comments.map_or(n, |c| c + 1)..n {
        if settled[i].is_some_and(|v| matches!(v.reason, Reason::Comments(_)))
            && in_site_box(units, &settled, i)
        {
            out[i] = Some(Verdict {
                reason: Reason::Enclosed {
                    before: i - 1,
                    after: Some(i + 1),
                },
                confidence: CONTEXT,
            });
        }
    }
    Outcome {
        verdicts: out,
        main: Some((m0, m1)),
    }
}

/// Nearest lines on each side of a line after the main text that must all
/// go for it to go with them ([`enclosed`]).
const ENCLOSING: usize = 2;
/// Most words of such a line that goes: a longer one is proposed.
const MAX_ENCLOSED_WORDS: usize = 50;
/// Most words of such a line that goes whatever its density and its
/// neighbours' evidence: a box's call or question ("Noch nicht das
/// Richtige gefunden?", "Tous nos derniers podcasts dans votre boîte
/// mail."), too short to be a paragraph of the article's.
const MAX_SHORT_ENCLOSED_WORDS: usize = 12;

/// The verdicts on the lines after the main text `m0..=m1`, `reach` lines
/// or more past `start` (the line after the main run, or after the text's
/// last good line) and before the comment section at `end`, that
/// furniture encloses: each of the `reach` lines before and after the
/// line goes (by the verdicts
/// made so far, at the confidence of context or more; the page's end
/// counts as furniture). The article has ended, and a line of its own
/// does not stand alone among the site's boxes: what a related box, a
/// newsletter form or a footer holds in a sentence the vocabulary does
/// not know (a teaser's standfirst, an author's blurb, "This site uses
/// Akismet to reduce spam"). Applied when the line is at most
/// [`MAX_ENCLOSED_WORDS`] words, not good text by itself, less dense in
/// stop words than the main text, and a line right beside it goes on its
/// own evidence, or when it is at most [`MAX_SHORT_ENCLOSED_WORDS`]
/// words and not indented as readers' replies are, or when it lies in a
/// box of the site's own ([`in_site_box`]); proposed otherwise:
/// furniture judged by context alone may be the article's own list or
/// steps read as a menu, and a longer line as dense in stop words as the
/// article may be its last paragraph or a caption. A line kept around the text ([`protected`]) stays, and
/// verdicts made here do not enclose others (two lines of text in a row
/// both stay).
fn enclosed(
    units: &[Unit],
    verdicts: &[Option<Verdict>],
    kept: &[bool],
    (m0, m1): (usize, usize),
    (start, reach): (usize, usize),
    end: usize,
) -> Vec<Option<Verdict>> {
    let n = units.len();
    let goes = |k: usize| k >= n || verdicts[k].is_some_and(|v| v.confidence >= CONTEXT);
    let own = |k: usize| k >= n || verdicts[k].is_some_and(|v| v.reason == Reason::Evidence);
    // the main text's stop words and words
    let (stop, words) = units[m0..=m1]
        .iter()
        .filter_map(|u| u.stop.map(|s| (s, u.words)))
        .fold((0, 0), |(s, w), (us, uw)| (s + us, w + uw));
    // a line at least as dense as the text (`s / w >= stop / words`)
    let dense = |u: &Unit| {
        u.stop
            .is_some_and(|s| words > 0 && s * words >= stop * u.words)
    };
    (0..n)
        .map(|i| {
            let u = &units[i];
            if i < start + reach
                || i >= end
                || verdicts[i].is_some()
                || kept[i]
                || u.fixed
                || !(i - reach..i).all(goes)
                || !(i + 1..=i + reach).all(goes)
            {
                return None;
            }
            let sure = (u.words <= MAX_SHORT_ENCLOSED_WORDS && !u.indented)
                || (u.words <= MAX_ENCLOSED_WORDS
                    && initial(u) != Class::Good
                    && !dense(u)
                    && (own(i - 1) || own(i + 1)))
                || in_site_box(units, verdicts, i);
            Some(Verdict {
                reason: Reason::Enclosed {
                    before: i - reach,
                    after: (i + reach < n).then_some(i + reach),
                },
                confidence: if sure { CONTEXT } else { PROPOSED },
            })
        })
        .collect()
}

/// Most words of a line that goes in a box of the site's own
/// ([`in_site_box`]): a blurb, a notice or a teaser's standfirst is a
/// paragraph; a longer line is the article's.
const MAX_BLURB_WORDS: usize = 100;

/// Whether line `i`, not indented (readers' replies are) and at most
/// [`MAX_BLURB_WORDS`] words, lies in a box of the site's own: both lines
/// beside it go (by `verdicts`, at the confidence of context or more),
/// one of them on the words of the site's ([`site_evidence`]: "Über
/// uns", "Mehr erfahren", "Newsletter abonnieren", a share bar), the
/// other neither a list's item nor the frame of a picture or a comment
/// ([`frames_words`]). What such a box holds between its heading and its
/// link is its blurb: an author's biography, an "about us", a teaser's
/// standfirst, a notice the vocabulary does not know, however good its
/// prose. A caption sits beside its picture and a reader's comment
/// between its date and its "Reply", which are furniture too, so those
/// frames do not make a box; nor does a list, whose items may be the
/// article's.
fn in_site_box(units: &[Unit], verdicts: &[Option<Verdict>], i: usize) -> bool {
    let n = units.len();
    let u = &units[i];
    let goes = |k: usize| k < n && verdicts[k].is_some_and(|v| v.confidence >= CONTEXT);
    let site = |k: usize| {
        goes(k)
            && verdicts[k].is_some_and(|v| v.reason == Reason::Evidence)
            && site_evidence(&units[k])
    };
    let plain = |k: usize| goes(k) && !units[k].bulleted && !frames_words(&units[k]);
    i > 0
        && !u.indented
        && u.words <= MAX_BLURB_WORDS
        && ((site(i - 1) && plain(i + 1)) || (site(i + 1) && plain(i - 1)))
}

/// Whether a line goes on the words of the site's own boxes: its
/// vocabulary of notices, sharing, related articles, navigation and
/// copyright, or a line many documents of the batch have. Not a shape
/// (a menu's row may be the article's table, a picture has its caption
/// beside it, a date or a "Reply" a reader's comment), a byline's or a
/// credit's label (a caption's), nor what an earlier rule removed.
fn site_evidence(u: &Unit) -> bool {
    match &u.evidence {
        Some(Evidence::Vocabulary { category, .. } | Evidence::Cue { category, .. }) => !matches!(
            category,
            Category::Comments | Category::CommentSection | Category::Meta
        ),
        Some(
            Evidence::Banner { .. }
            | Evidence::Pitch { .. }
            | Evidence::ReadAlso { .. }
            | Evidence::Recurrent { .. },
        ) => true,
        _ => false,
    }
}

/// Whether a line's evidence marks the frame of words that may be the
/// text's or a reader's: a picture (its caption beside it), a date or a
/// number, a comment's buttons ("Reply"), or what an earlier rule removed
/// (a "Reply" too, or a credit).
fn frames_words(u: &Unit) -> bool {
    matches!(
        u.evidence,
        Some(
            Evidence::Shape(
                Shape::Symbols
                    | Shape::Brackets
                    | Shape::Date
                    | Shape::Time
                    | Shape::Dateline
                    | Shape::Number
            ) | Evidence::Prior
                | Evidence::Vocabulary {
                    category: Category::Comments | Category::CommentSection,
                    ..
                }
                | Evidence::Cue {
                    category: Category::Comments | Category::CommentSection,
                    ..
                }
        )
    )
}

/// Most words of a line that goes beyond the text ([`beyond_text`]).
const MAX_BEYOND_WORDS: usize = 6;
/// Lines from such a line to prose that it may head or sign: a heading
/// has an edit button or an anchor between it and its paragraph.
const BEYOND_REACH: usize = 2;

/// The verdicts on the bare names of the page's foot: short lines (at
/// most [`MAX_BEYOND_WORDS`] words) without a stop word, a digit, a comma
/// or a sentence's end, not "label: value" pairs, after the page's text
/// and before any comment section at `end` ("Goldener Spatz", "Forks",
/// "• Ökonomie"): the entries of menus, tag lists and teaser boxes, which
/// the vocabulary does not know and which no run of furniture encloses.
///
/// The text reaches past the main run to `text_end` ([`text_end`], its
/// last good line without a verdict): a recipe's or a how-to's later sections, a data
/// sheet after its description, an article the main run read as only
/// its first part (split by code or a table) are the text's runs too, and
/// a page whose text goes on to its end has no foot. From there, only
/// what follows the first line with strong evidence of its own goes (the
/// page's boxes have begun), and only a line beside nothing that reads as
/// text: not within [`BEYOND_REACH`] lines of prose (a sentence of more
/// than three words, or a line dense enough in stop words to be
/// near-good: a short line there heads or signs it), not indented as
/// readers' replies are ("Same here :)"), not beside a line with more
/// than one stop word (the items of a list that say something, "an
/// frostfreien Tagen gießen") or a data row, a quantity or a date that it
/// would label ("Goldener Spatz" over "Preis, 2008", a heading over a
/// numbered list),
/// and not in a block with prose, a quantity, a "label: value" pair, an
/// enumeration or such a line (a data sheet's rows, a sentence wrapped
/// over lines): those lines and the short lines among them are a run of
/// the text's own shape, not the site's.
fn beyond_text(
    units: &[Unit],
    first: &[Class],
    verdicts: &[Option<Verdict>],
    kept: &[bool],
    text_end: usize,
    end: usize,
) -> Vec<Option<Verdict>> {
    let n = units.len();
    let mut out = vec![None; n];
    let goes = |k: usize| verdicts[k].is_some_and(|v| v.confidence >= CONTEXT);
    let prose = |k: usize| {
        (units[k].sentence && units[k].words > 3)
            || matches!(first[k], Class::Good | Class::NearGood)
    };
    let says = |k: usize| units[k].stop.is_some_and(|s| s > 1);
    let strong = |k: usize| units[k].evidence.as_ref().is_some_and(Evidence::is_strong);
    let Some(from) = (text_end + 1..end).find(|&k| strong(k)) else {
        return out;
    };
    // the blocks holding a line of the text's shape that stays
    let mut textual = vec![false; units.last().map_or(0, |u| u.block + 1)];
    for (k, u) in units.iter().enumerate() {
        if !goes(k) && (prose(k) || says(k) || u.label_value || u.number || u.comma) {
            textual[u.block] = true;
        }
    }
    for i in from + 1..end {
        let u = &units[i];
        let bare = (1..=MAX_BEYOND_WORDS).contains(&u.words)
            && u.stop.is_none_or(|s| s == 0)
            && !u.sentence
            && !u.label_value
            && !u.number
            && !u.comma
            && !u.fixed
            && !u.indented
            && !kept[i];
        let near = |k: usize| k < n && !goes(k);
        let beside_text = [i.wrapping_sub(1), i + 1]
            .into_iter()
            .filter(|&k| near(k))
            .any(|k| {
                prose(k) || (says(k) && !strong(k)) || units[k].label_value || units[k].number
            })
            || [i.wrapping_sub(BEYOND_REACH), i + BEYOND_REACH]
                .into_iter()
                .any(|k| near(k) && prose(k));
        if bare
            && verdicts[i].is_none_or(|v| v.confidence < CONTEXT)
            && !beside_text
            && !textual[u.block]
        {
            out[i] = Some(Verdict {
                reason: Reason::Beyond { from },
                confidence: CONTEXT,
            });
        }
    }
    out
}

/// The text's last good line without a verdict after the main run
/// `..=m1` and before `end` ([`beyond_text`]), `m1` when none is.
fn text_end(classes: &[Class], verdicts: &[Option<Verdict>], m1: usize, end: usize) -> usize {
    (m1 + 1..end)
        .rfind(|&k| classes[k] == Class::Good && verdicts[k].is_none())
        .unwrap_or(m1)
}

/// Most lines after the line that opens a run of teasers that the run
/// reaches ([`teaser_runs`]).
const TEASER_REACH: usize = 12;
/// Fewest words of a teaser's headline with a number in it ("Die besten
/// Bikes 2022"): a shorter one is a quantity or a price of the text's own
/// ("390 kcal").
const MIN_NUMBERED_TEASER_WORDS: usize = 5;
/// Most words of a teaser's standfirst that a run of teasers passes.
const MAX_STANDFIRST_WORDS: usize = 30;
/// Most words of a teaser's headline.
const MAX_TEASER_WORDS: usize = 16;

/// Whether a line's evidence heads a box of teasers after the text: the
/// heading of related articles, a share or follow bar, a newsletter or
/// log-in box, a comment form (not a menu's or a byline's words, which
/// stand beside the text's own lists and data).
fn opens_teasers(e: &Evidence) -> bool {
    match e {
        Evidence::Vocabulary { category, .. } | Evidence::Cue { category, .. } => {
            !matches!(category, Category::Navigation | Category::Meta)
        }
        Evidence::ReadAlso { .. } | Evidence::Banner { .. } => true,
        _ => false,
    }
}

/// `out[i]` is `Some(from)` when line `i`, after the main text `..=m1`,
/// is a headline-like line (judged bad by context, at most
/// [`MAX_TEASER_WORDS`] words, not a sentence, without quantities or
/// "label: value" pairs) in an unbroken run of such lines, lines with
/// evidence and teasers' one-sentence standfirsts (judged bad by context,
/// at most [`MAX_STANDFIRST_WORDS`] words, which stay) opened at most
/// [`TEASER_REACH`] lines before by a line that heads a box
/// ([`opens_teasers`]): the headlines of a "related" box, the lines of a
/// newsletter form. The first line that is none of these (a longer
/// sentence, a quantity, good text) ends the run.
fn teaser_runs(units: &[Unit], classes: &[Class], m1: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; units.len()];
    let mut open: Option<usize> = None;
    for (k, u) in units.iter().enumerate().skip(m1 + 1) {
        match &u.evidence {
            Some(e) if opens_teasers(e) => open = Some(k),
            Some(_) => {}
            None => {
                let headline = classes[k] == Class::Bad && teaser_headline(u);
                // a teaser's one-sentence standfirst, judged bad by
                // context: it stays, but the run goes on past it
                let standfirst = classes[k] == Class::Bad
                    && u.sentence
                    && u.words <= MAX_STANDFIRST_WORDS
                    && !u.number
                    && !u.fixed;
                open = open.filter(|&o| (headline || standfirst) && k - o <= TEASER_REACH);
                if headline {
                    out[k] = open;
                }
            }
        }
    }
    out
}

/// Whether a line has a teaser's headline shape: at most
/// [`MAX_TEASER_WORDS`] words, not a sentence of more than three, a
/// number only in a headline of [`MIN_NUMBERED_TEASER_WORDS`] words or
/// more, no "label: value" pair, not fixed by an earlier rule.
fn teaser_headline(u: &Unit) -> bool {
    let long_sentence = u.sentence && u.words > 3;
    let short_with_number = u.number && u.words < MIN_NUMBERED_TEASER_WORDS;
    (1..=MAX_TEASER_WORDS).contains(&u.words)
        && !(long_sentence || short_with_number || u.label_value || u.fixed)
}

/// Most headlines a "related" label inside the main text takes after it
/// ([`inner_teasers`]).
const INNER_TEASER_REACH: usize = 3;

/// `out[i]` is `Some(from)` when line `i`, inside the main text `m0..=m1`,
/// is one of the headlines right after a label of related articles that
/// stands on its own line there (line `from`: "Related Coverage", "Mirá
/// también", "Leggi anche:", of at least two words, as a lone "More" or
/// "Themen" may head the text's own section, and not a link that leads on,
/// which closes a teaser on a page of teasers: "Mehr lesen …"): up to
/// [`INNER_TEASER_REACH`] headline-like lines (at most
/// [`MAX_TEASER_WORDS`] words, not a sentence, without quantities or
/// "label: value" pairs), a picture's placeholder between them passed,
/// within twice as many lines.
/// The first other line (the article's next paragraph) ends the run. A
/// site sets such a box between the article's paragraphs; its headlines
/// lack the label the same line would carry ([`Evidence::ReadAlso`]).
fn inner_teasers(units: &[Unit], (m0, m1): (usize, usize)) -> Vec<Option<usize>> {
    let mut out = vec![None; units.len()];
    let label = |u: &Unit| {
        u.words >= 2
            && !u.leads_on
            && goes_inside(u)
            && matches!(
                u.evidence,
                Some(Evidence::Vocabulary {
                    category: Category::Related,
                    ..
                })
            )
    };
    for from in (m0..=m1).filter(|&k| label(&units[k])) {
        let mut taken = 0;
        // placeholders count towards the reach: the search stays bounded
        for (k, u) in units
            .iter()
            .enumerate()
            .take(m1 + 1)
            .skip(from + 1)
            .take(2 * INNER_TEASER_REACH)
        {
            if matches!(u.evidence, Some(Evidence::Shape(Shape::Brackets))) {
                continue;
            }
            let headline = u.evidence.is_none() && teaser_headline(u);
            if !headline || taken == INNER_TEASER_REACH {
                break;
            }
            out[k] = Some(from);
            taken += 1;
        }
    }
    out
}

/// Fewest lines of a run of short lines and furniture beyond the main
/// text that make it the page's head or foot ([`edge_runs`]).
const MIN_EDGE_RUN: usize = 5;
/// Fewest lines between such a line and the main text for its removal to
/// be applied: nearer, it may be the article's kicker, dateline or
/// subtitle above it, its tags, sources or author's note below it, and
/// is only proposed.
pub const EDGE_FAR: usize = 10;
/// Most words of a line of such a run.
const MAX_EDGE_WORDS: usize = 6;
/// Most stop words of a line of such a run: a menu's entry names a
/// section ("Politik", "Werde Teil der Bewegung"); a list's item says
/// something.
const MAX_EDGE_STOP: usize = 1;

/// `out[i]` is `Some((run, distance))` when line `i`, in `lines` (before
/// or after the main text), is a short line judged bad by context (at
/// most [`MAX_EDGE_WORDS`] words and [`MAX_EDGE_STOP`] stop words, not a
/// sentence, without digits or a comma between words, not a "label:
/// value" pair, not kept as the headline or a closing line, not right
/// beside a sentence or a line of prose, which it would head or sign) in
/// an unbroken run of at least [`MIN_EDGE_RUN`] such lines and lines with
/// furniture evidence, one of them strong, `run` lines long, `distance`
/// lines from the text's edge `anchor`: the menus, breadcrumbs and
/// category lists of the page's head and foot, whose entries rarely match
/// the vocabulary. Quantities, dates, enumerations and data rows break a
/// run: they are a recipe's or a data sheet's beside a short text.
fn edge_runs(
    units: &[Unit],
    classes: &[Class],
    kept: &[bool],
    lines: std::ops::Range<usize>,
    anchor: usize,
) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; units.len()];
    let prose =
        |k: usize| units[k].sentence || matches!(initial(&units[k]), Class::Good | Class::NearGood);
    let beside_prose = |k: usize| (k > 0 && prose(k - 1)) || (k + 1 < units.len() && prose(k + 1));
    let candidate = |k: usize| {
        let u = &units[k];
        classes[k] == Class::Bad
            && u.evidence.is_none()
            && !kept[k]
            && !u.fixed
            && !u.sentence
            && !u.number
            && !u.label_value
            && !u.comma
            && (1..=MAX_EDGE_WORDS).contains(&u.words)
            && u.stop.is_none_or(|s| s <= MAX_EDGE_STOP)
            && !beside_prose(k)
    };
    let evidence = |k: usize| units[k].evidence.as_ref();
    let member = |k: usize| candidate(k) || evidence(k).is_some_and(Evidence::counts);
    let strong = |k: usize| evidence(k).is_some_and(Evidence::is_strong);
    let mut i = lines.start;
    while i < lines.end {
        if !member(i) {
            i += 1;
            continue;
        }
        let s = i;
        while i < lines.end && member(i) {
            i += 1;
        }
        let run = i - s;
        if run < MIN_EDGE_RUN || !(s..i).any(strong) {
            continue;
        }
        for k in (s..i).filter(|&k| candidate(k)) {
            out[k] = Some((run, k.abs_diff(anchor)));
        }
    }
    out
}

/// Most words of a line of a comment's frame ([`comment_frame`]).
const MAX_FRAME_WORDS: usize = 8;

/// `out[i]` is true when line `i` may be part of a comment's frame, if it
/// lies in a comment section: at most [`MAX_FRAME_WORDS`] words, not a
/// sentence, and in a block none of whose lines is prose (a sentence of
/// more than three words, or a line dense enough in stop words to be
/// near-good). A comment's own greeting and sign-off ("Dear Anna,",
/// "Best wishes") share the block of its text and stay with it; the
/// commenter's name, the date and the "Reply" button stand apart.
fn comment_frame(units: &[Unit], first: &[Class]) -> Vec<bool> {
    let prose = |k: usize| {
        (units[k].sentence && units[k].words > 3)
            || matches!(first[k], Class::Good | Class::NearGood)
    };
    let mut out = vec![false; units.len()];
    let mut i = 0;
    while i < units.len() {
        let s = i;
        while i < units.len() && units[i].block == units[s].block {
            i += 1;
        }
        if (s..i).any(prose) {
            continue;
        }
        for k in s..i {
            out[k] = !units[k].sentence && units[k].words <= MAX_FRAME_WORDS;
        }
    }
    out
}

/// Whether line `i` of a comment section goes as the form opened at line
/// `form` or what follows it: readers' comments come before the form
/// that asks for another (WordPress, Blogger), and after it come its
/// labels, its notices ("This site uses Akismet …"), the sidebars and the
/// footer. A line that is good text by itself (long and dense in stop
/// words) is not taken, nor an indented one, as a copy sets readers'
/// replies: a page may put the form first and the comments after it, or
/// a section's heading may stand before the article.
fn after_form(u: &Unit, i: usize, form: usize) -> bool {
    i > form && initial(u) != Class::Good && !u.indented
}

/// Whether a line with strong evidence of its own goes from inside a
/// text with confidence: short ([`MAX_INNER_WORDS`]), and not an item of a
/// list, a line said again or a line many documents have, which inside a
/// text are the text's own (a list of points, a heading "Conclusion").
fn goes_inside(u: &Unit) -> bool {
    !lone_inside(u)
        && (u.words <= MAX_INNER_WORDS
            || matches!(
                u.evidence,
                Some(Evidence::ReadAlso { .. } | Evidence::Caption { .. })
            ))
}

/// Whether a line is a picture's caption, which above the main text (or
/// on a page without one) is the lead picture's: it belongs with the
/// headline and the standfirst, where the captions among and after the
/// article's paragraphs are the page's.
fn lead_caption(u: &Unit) -> bool {
    matches!(u.evidence, Some(Evidence::Caption { .. }))
}

/// Whether a line above the main text is a menu's entry the page says
/// again elsewhere (a bulleted copy of the headline or of a section's
/// name): bulleted, not a sentence, at most [`MAX_FRAME_WORDS`] words. An
/// unbulleted copy may be the headline itself, or a product's feature.
fn repeated_above(u: &Unit) -> bool {
    matches!(u.evidence, Some(Evidence::Repeated(_)))
        && u.bulleted
        && !u.sentence
        && u.words <= MAX_FRAME_WORDS
}

/// `out[i]` is true when line `i` is one of the pitches that close the
/// main text `m0..=m1`: its last lines, each a [`Evidence::Pitch`] (a call
/// to support, subscribe to, follow the site or get its app, written as a
/// sentence), up to [`MAX_SIGN_OFF`] of them. In the middle of the text a
/// pitch may be the article's own words on newsletters or donations; at
/// its very end it is the site's sign-off, which the run of good lines
/// took in.
fn sign_off(units: &[Unit], (m0, m1): (usize, usize)) -> Vec<bool> {
    let mut out = vec![false; units.len()];
    if units.is_empty() || m1 >= units.len() {
        return out;
    }
    let mut i = m1;
    let mut taken = 0;
    while i > m0 && taken < MAX_SIGN_OFF {
        if units[i].words == 0 {
            i -= 1;
            continue;
        }
        if !matches!(units[i].evidence, Some(Evidence::Pitch { .. })) {
            break;
        }
        out[i] = true;
        taken += 1;
        i -= 1;
    }
    out
}

/// Whether the evidence of a line counts for nothing inside a text.
fn lone_inside(u: &Unit) -> bool {
    matches!(
        u.evidence,
        Some(
            Evidence::MenuList(_)
                | Evidence::Recurrent { .. }
                | Evidence::Repeated(_)
                | Evidence::Cue { .. }
                | Evidence::Pitch { .. }
        )
    )
}

/// Lines kept around the main text `m0..=m1` whatever their class: up to
/// [`HEAD_KEEP`] lines without evidence just above it (the headline, the
/// standfirst, a byline in words; a byline told by its shape,
/// [`Evidence::Byline`], takes its place and goes), and closing sentences
/// just below it.
fn protected(units: &[Unit], m0: usize, m1: usize) -> Vec<bool> {
    let mut kept = vec![false; units.len()];
    let mut taken = 0;
    for i in (m0.saturating_sub(HEAD_REACH)..m0).rev() {
        if taken == HEAD_KEEP {
            break;
        }
        // a headline may stand in the page's title or breadcrumb too
        let bare = matches!(units[i].evidence, None | Some(Evidence::Repeated(_)));
        if bare && units[i].words > 0 {
            kept[i] = true;
            taken += 1;
        } else if matches!(units[i].evidence, Some(Evidence::Byline { .. })) {
            // the byline is one of the head's lines, though it goes
            taken += 1;
        }
    }
    for (i, u) in units.iter().enumerate().skip(m1 + 1).take(2) {
        if u.evidence.is_some() || !u.sentence || u.bulleted {
            break;
        }
        kept[i] = true;
    }
    kept
}

/// `out[i]` is true when line `i` lies in a short gap between lines with
/// evidence of furniture (or between such a line and the page's edge): at
/// most [`MAX_BETWEEN`] lines, each too short or too poor in stop words to
/// be text by itself, judged bad by context, and not a sentence.
/// A form's bare labels, a menu's unmarked entries, the title of a teaser
/// between two "read more" links.
fn between_furniture(units: &[Unit], first: &[Class], classes: &[Class]) -> Vec<bool> {
    let n = units.len();
    let mut out = vec![false; n];
    let furniture = |i: usize| units[i].evidence.is_some();
    let mut i = 0;
    while i < n {
        if furniture(i) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && !furniture(i) {
            i += 1;
        }
        // units[s..i] have no evidence; bounded by furniture or the edges
        let strong = |k: usize| units[k].evidence.as_ref().is_some_and(Evidence::is_strong);
        let bounded = (s == 0 || strong(s - 1)) && (i == n || strong(i)) && (s > 0 || i < n);
        let judged_bad = (s..i).all(|k| {
            matches!(first[k], Class::Short | Class::Bad)
                && classes[k] == Class::Bad
                && (!units[k].sentence || units[k].words <= 3)
                && !units[k].label_value
        });
        if bounded && i - s <= MAX_BETWEEN && judged_bad {
            out[s..i].iter_mut().for_each(|b| *b = true);
        }
    }
    out
}

/// Most words of a line without evidence taken with the furniture
/// stretch around it ([`furniture_stretches`]); a bulleted one after the
/// text may have [`MAX_STRETCH_ITEM_WORDS`].
const MAX_STRETCH_WORDS: usize = 4;
/// See [`MAX_STRETCH_WORDS`].
const MAX_STRETCH_ITEM_WORDS: usize = 6;
/// Most lines without evidence in a row that a furniture stretch takes.
const MAX_STRETCH_GAP: usize = 6;
/// Of every this many lines of a furniture stretch, at least one has strong
/// evidence of its own.
const STRETCH_RATIO: usize = 3;

/// `out[i]` is `Some((evidence, lines))` when line `i` lies in a stretch
/// of furniture outside the main text: lines judged bad by context, all
/// before its first line or after its last (a bad line is never good
/// text: a good line elsewhere on the page, such as a long teaser or a
/// notice, does not shelter the bad ones beside it), from the first line with strong evidence to the
/// last (to the page's edge when the stretch reaches it), at least one
/// line in [`STRETCH_RATIO`] with evidence. A line without evidence of its
/// own goes only in a gap of at most [`MAX_STRETCH_GAP`] such lines, and
/// only if short ([`MAX_STRETCH_WORDS`]; bulleted items after the
/// text a little longer), not a sentence and not a "label: value" pair:
/// the related-articles box, the newsletter form and the footer after the
/// article, the menus before it; a headline or standfirst above the text
/// is longer than that.
fn furniture_stretches(
    units: &[Unit],
    first: &[Class],
    classes: &[Class],
    (m0, m1): (usize, usize),
) -> Vec<Option<(usize, usize)>> {
    let n = units.len();
    let mut out = vec![None; n];
    let bad = |k: usize| classes[k] == Class::Bad && (k < m0 || k > m1);
    let strong = |k: usize| units[k].evidence.as_ref().is_some_and(Evidence::is_strong);
    // a line without evidence that the stretch around it takes
    let taken = |k: usize| {
        let u = &units[k];
        let words = if u.bulleted && k > m1 {
            MAX_STRETCH_ITEM_WORDS
        } else {
            MAX_STRETCH_WORDS
        };
        matches!(first[k], Class::Short | Class::Bad)
            && !u.label_value
            && !(u.sentence && u.words > 3)
            && u.words <= words
    };
    let mut i = 0;
    while i < n {
        if !bad(i) {
            i += 1;
            continue;
        }
        let s = i;
        while i < n && bad(i) {
            i += 1;
        }
        let (Some(a), Some(b)) = ((s..i).find(|&k| strong(k)), (s..i).rfind(|&k| strong(k))) else {
            continue;
        };
        let a = if s == 0 { 0 } else { a };
        let b = if i == n { n - 1 } else { b };
        let evidence = (a..=b).filter(|&k| strong(k)).count();
        if evidence * STRETCH_RATIO < b + 1 - a {
            continue;
        }
        // a stretch that begins where the text ends takes the short lines
        // before its first evidence (a box's heading, an unmarked link)
        // when it would take each of them, but not those of the text's
        // last block (a sign-off)
        let a = match (s..a).find(|&k| units[k].block != units[m1].block) {
            Some(from) if s == m1 + 1 && a - s <= MAX_STRETCH_GAP && (from..a).all(taken) => from,
            _ => a,
        };
        // lines without evidence go in short gaps only: a long run of
        // them is a list or a table of the page's own (ingredients)
        let mut gap = vec![0; n];
        let mut k = a;
        while k <= b {
            let start = k;
            while k <= b && !strong(k) {
                k += 1;
            }
            gap[start..k].iter_mut().for_each(|g| *g = k - start);
            k += 1;
        }
        for k in a..=b {
            if strong(k) || (gap[k] <= MAX_STRETCH_GAP && taken(k)) {
                out[k] = Some((evidence, b + 1 - a));
            }
        }
    }
    out
}

/// The tail of the page after the main text `..=m1`: from its first line
/// with strong furniture evidence to the page's end, if at least one line
/// in [`TAIL_RATIO`] of it has such evidence (or lies in a run of the
/// page's foot, `foot` from [`edge_runs`]: a menu of unmarked entries is
/// as much furniture as one the vocabulary knows). Everything in it judged
/// bad by context is then furniture: a page that has ended its article with a
/// share bar and goes on mostly with menus, teasers and notices has no
/// more text of its own in short lines.
fn furniture_tail(
    units: &[Unit],
    m1: usize,
    foot: &[Option<(usize, usize)>],
) -> Option<(usize, Reason)> {
    let strong = |k: &usize| units[*k].evidence.as_ref().is_some_and(Evidence::is_strong);
    let counts =
        |k: &usize| units[*k].evidence.as_ref().is_some_and(Evidence::counts) || foot[*k].is_some();
    let n = units.len();
    // a byline opens no tail: the teasers of the text's own related
    // stories carry them as much as the page's foot does
    let opens =
        |k: &usize| strong(k) && !matches!(units[*k].evidence, Some(Evidence::Byline { .. }));
    let from = (m1 + 1..n).find(opens)?;
    let evidence = (from..n).filter(counts).count();
    let own = (from..n).filter(strong).count();
    (evidence * TAIL_RATIO >= n - from && own * TAIL_STRONG_RATIO >= n - from).then_some((
        from,
        Reason::Tail {
            from,
            evidence,
            lines: n - from,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(length: usize) -> Unit {
        Unit {
            length,
            words: length / 6,
            stop: Some(length / 12),
            sentence: true,
            ..Unit::default()
        }
    }

    fn short(words: usize) -> Unit {
        Unit {
            length: words * 7,
            words,
            stop: Some(0),
            ..Unit::default()
        }
    }

    fn menu() -> Unit {
        Unit {
            evidence: Some(Evidence::Shape(Shape::MenuRow(4))),
            ..short(4)
        }
    }

    #[test]
    fn a_pitch_goes_when_it_closes_the_main_text_not_in_its_middle() {
        let pitch = || Unit {
            evidence: Some(Evidence::Pitch {
                phrases: vec!["support our journalism".to_owned(), "subscribe".to_owned()],
            }),
            ..prose(120)
        };
        let units = vec![prose(400), pitch(), prose(400), prose(400), pitch()];
        let out = decide(&units);
        // in the middle: perhaps the article's own words on donations
        assert_eq!(out.verdicts[1], None);
        assert!(out.verdicts[4].is_some());
        assert_eq!(sign_off(&units, (0, 4)), [false, false, false, false, true]);
        // a run of pitches at the end goes whole; the first line never
        let units = vec![pitch(), prose(400), pitch(), pitch()];
        assert_eq!(sign_off(&units, (0, 3)), [false, false, true, true]);
    }

    #[test]
    fn a_related_label_inside_the_text_takes_the_headlines_after_it() {
        let label = |leads_on| Unit {
            evidence: Some(Evidence::Vocabulary {
                category: Category::Related,
                phrases: vec!["related coverage".to_owned()],
            }),
            leads_on,
            ..short(2)
        };
        let units = vec![
            prose(400),
            prose(400),
            label(false),
            short(8), // a teaser's headline
            Unit {
                evidence: Some(Evidence::Shape(Shape::Brackets)),
                ..short(1)
            },
            short(9), // another one, past a picture
            prose(400),
            label(true), // "Read more …" closes a teaser
            short(6),
            prose(400),
            prose(400),
        ];
        let out = decide(&units);
        assert_eq!(out.main, Some((0, 10)));
        for i in [3, 5] {
            assert_eq!(out.verdicts[i].map(|v| v.reason), Some(Reason::Teaser(2)));
        }
        assert_eq!(out.verdicts[6], None);
        assert_eq!(out.verdicts[8], None);
    }

    #[test]
    fn a_sites_notice_goes_after_the_main_text_a_banners_before_it_too() {
        let notice = || Unit {
            site_notice: vec!["©".to_owned()],
            ..short(5)
        };
        let banner = || Unit {
            site_notice: vec!["newsletter".to_owned()],
            banner_notice: true,
            ..short(5)
        };
        let units = vec![
            notice(), // above the text: a picture's credit
            banner(),
            short(3), // the headline, the standfirst, the byline: kept
            short(8),
            short(2),
            prose(400),
            prose(400),
            prose(400),
            short(2),
            notice(),
        ];
        let out = decide(&units);
        assert_eq!(out.main, Some((5, 7)));
        assert_eq!(out.verdicts[0], None);
        assert_eq!(
            out.verdicts[1],
            Some(Verdict {
                reason: Reason::Notice {
                    distance: 4,
                    after: false
                },
                confidence: CONTEXT
            })
        );
        assert_eq!(
            out.verdicts[9],
            Some(Verdict {
                reason: Reason::Notice {
                    distance: 2,
                    after: true
                },
                confidence: CONTEXT
            })
        );
    }

    #[test]
    fn a_date_stamp_goes_below_the_text_a_time_or_a_rows_date_stays() {
        let stamp = |shape, label_value| Unit {
            evidence: Some(Evidence::Shape(shape)),
            label_value,
            ..short(4)
        };
        let units = vec![
            stamp(Shape::Date, false), // above: the article's own byline
            short(3),
            prose(400),
            prose(400),
            prose(400),
            short(2),
            stamp(Shape::Date, false), // a comment's or a teaser's stamp
            stamp(Shape::Time, false), // a programme's slot
            stamp(Shape::Date, true),  // "Termin: 29.02.2020"
            short(2),
        ];
        let out = decide(&units);
        assert_eq!(out.main, Some((2, 4)));
        assert_eq!(out.verdicts[0], None);
        assert_eq!(
            out.verdicts[6],
            Some(Verdict {
                reason: Reason::Evidence,
                confidence: CONTEXT
            })
        );
        assert_eq!(out.verdicts[7], None);
        assert_eq!(out.verdicts[8], None);
    }

    #[test]
    fn a_boxs_heading_goes_beyond_the_text_but_not_beside_it() {
        let heading = || Unit {
            heading: Some((Category::Related, vec!["mehr zum thema".to_owned()])),
            ..short(5)
        };
        let units = vec![
            heading(),
            short(2),
            short(3), // the headline and standfirst, kept above the text
            short(6),
            prose(400),
            prose(400),
            heading(), // beside the text: its closing remark
            short(4),
            heading(),
        ];
        let out = decide(&units);
        assert_eq!(out.main, Some((4, 5)));
        assert_eq!(out.verdicts[6], None);
        let goes = |distance| {
            Some(Verdict {
                reason: Reason::Heading { distance },
                confidence: EVIDENCE_OUTSIDE,
            })
        };
        assert_eq!(out.verdicts[8], goes(3));
        assert_eq!(out.verdicts[0], goes(4));
        // inside the text it is a subheading of the text's own
        let units = vec![prose(400), heading(), prose(400)];
        assert_eq!(decide(&units).verdicts[1], None);
    }

    #[test]
    fn bare_names_go_past_the_texts_last_good_line_after_furniture() {
        let in_block = |block, u: Unit| Unit { block, ..u };
        let bare = |block| in_block(block, short(2));
        let page = |tail: Vec<Unit>| {
            let mut units: Vec<Unit> = (0..3).map(|b| in_block(b, prose(400))).collect();
            units.push(in_block(3, menu()));
            units.extend(tail);
            units
        };
        let beyond = Some(Verdict {
            reason: Reason::Beyond { from: 3 },
            confidence: CONTEXT,
        });
        let out = decide(&page((4..10).map(bare).collect()));
        assert_eq!(out.main, Some((0, 2)));
        // two lines from the text's last line it may sign the text
        assert_ne!(out.verdicts[4], beyond);
        assert!((5..10).all(|i| out.verdicts[i] == beyond));
        // a data row holds the lines beside it and the other lines of its
        // block; an item that says something holds the lines beside it
        let row = Unit {
            label_value: true,
            ..short(3)
        };
        let item = Unit {
            stop: Some(2),
            ..short(5)
        };
        let tail = vec![
            bare(4),
            bare(5),
            bare(6),
            bare(7),
            in_block(8, row),
            bare(8),
            bare(8),
            bare(9),
            in_block(10, item),
            bare(11),
            bare(12),
            bare(13),
            bare(14),
        ];
        let out = decide(&page(tail));
        for i in [6, 14, 16] {
            assert_eq!(out.verdicts[i], beyond, "line {i}");
        }
        for i in [7, 9, 10, 11, 13] {
            assert_ne!(out.verdicts[i], beyond, "line {i}");
        }
        // a good line later on: the text goes on there, there is no foot
        let mut tail: Vec<Unit> = (4..10).map(bare).collect();
        tail.push(in_block(10, prose(400)));
        let out = decide(&page(tail));
        assert!(
            out.verdicts
                .iter()
                .all(|v| !matches!(v, Some(v) if matches!(v.reason, Reason::Beyond { .. })))
        );
    }

    #[test]
    fn past_the_texts_end_one_furniture_line_on_each_side_encloses() {
        let sentence = || Unit {
            sentence: true,
            ..short(8)
        };
        let image = Unit {
            evidence: Some(Evidence::Shape(Shape::Brackets)),
            ..short(1)
        };
        let mut units: Vec<Unit> = (0..3).map(|_| prose(400)).collect();
        units.extend([menu(), sentence(), menu(), prose(180), menu()]);
        units.extend([image, sentence(), menu(), prose(180)]);
        let out = decide(&units);
        assert_eq!(out.main, Some((0, 2)));
        // a box's line between two menus right after the text goes
        assert_eq!(
            out.verdicts[4],
            Some(Verdict {
                reason: Reason::Enclosed {
                    before: 3,
                    after: Some(5)
                },
                confidence: CONTEXT,
            })
        );
        // a longer line as dense as the text is only proposed
        assert!(out.verdicts[6].is_some_and(|v| v.confidence < CONTEXT));
        // the line under an image is its caption
        assert_eq!(out.verdicts[9], None);
    }

    #[test]
    fn initial_classes_follow_length_and_density() {
        assert_eq!(initial(&prose(300)), Class::Good);
        assert_eq!(initial(&prose(100)), Class::NearGood);
        assert_eq!(initial(&short(3)), Class::Short);
        assert_eq!(initial(&menu()), Class::Bad);
        let list = Unit {
            stop: Some(1),
            ..prose(300)
        };
        assert_eq!(initial(&list), Class::Bad);
    }

    #[test]
    fn context_decides_short_and_near_good_lines() {
        use Class::*;
        assert_eq!(smooth(&[Good, Short, Good]), [Good, Good, Good]);
        assert_eq!(smooth(&[Bad, Short, Bad]), [Bad, Bad, Bad]);
        assert_eq!(smooth(&[Bad, NearGood, Good]), [Bad, Good, Good]);
        assert_eq!(smooth(&[Bad, NearGood, Bad]), [Bad, Bad, Bad]);
        // the page's ends count as bad
        assert_eq!(smooth(&[Short, Good]), [Bad, Good]);
    }

    #[test]
    fn the_main_run_is_the_longest_dense_one() {
        use Class::*;
        // the run before it is too short to be the article's first part
        let mut units = vec![prose(300); 12];
        units[0] = prose(100);
        units[2] = prose(100);
        let classes = [
            Good, Bad, Good, Bad, Bad, Bad, Bad, Bad, Good, Good, Good, Bad,
        ];
        assert_eq!(main_run(&units, &classes), Some((8, 10)));
    }

    #[test]
    fn the_main_text_reaches_back_over_a_box_inside_the_article() {
        use Class::*;
        let units = vec![prose(300); 14];
        // an article's first half, a newsletter box, its longer second half
        let classes = [
            Bad, Good, Good, Good, Bad, Bad, Bad, Bad, Bad, Bad, Good, Good, Good, Good,
        ];
        assert_eq!(main_run(&units, &classes), Some((1, 13)));
        // a lone good line far before it is not the article's
        let mut far = vec![prose(300); 30];
        far[0] = prose(100);
        let mut classes = vec![Bad; 30];
        classes[0] = Good;
        classes[20..30].iter_mut().for_each(|c| *c = Good);
        assert_eq!(main_run(&far, &classes), Some((20, 29)));
    }

    #[test]
    fn near_good_lines_in_a_cluster_are_good() {
        use Class::*;
        let near = || Unit {
            length: 160,
            words: 25,
            stop: Some(10),
            sentence: true,
            ..Unit::default()
        };
        let short_sentence = Unit {
            sentence: true,
            ..short(5)
        };
        let headline = short(5);
        let units = vec![menu(), near(), short_sentence, near(), menu()];
        let first: Vec<Class> = units.iter().map(initial).collect();
        assert_eq!(first, [Bad, NearGood, Short, NearGood, Bad]);
        assert_eq!(
            promote_clusters(&units, &first),
            [Bad, Good, Short, Good, Bad]
        );
        // teasers: a headline without a stop between the standfirsts
        let units = vec![menu(), near(), headline, near(), menu()];
        let first: Vec<Class> = units.iter().map(initial).collect();
        assert_eq!(promote_clusters(&units, &first), first);
    }

    #[test]
    fn menus_around_an_article_go_its_headline_stays() {
        let units = vec![
            menu(),
            short(1),
            menu(),
            short(6), // the headline
            prose(400),
            short(3), // a subheading
            prose(400),
            short(2), // a sign-off: no furniture between it and the text
            menu(),
            short(1), // between furniture and the page's end
        ];
        let v = decide(&units).verdicts;
        let gone: Vec<usize> = (0..units.len()).filter(|&i| v[i].is_some()).collect();
        // line 1 stays too: one of the lines above the text that may be its headline
        assert_eq!(gone, [0, 2, 8, 9]);
        assert!(v.iter().flatten().all(|v| v.confidence >= 0.8));
    }

    /// A long line poor in stop words: neither text nor a menu's entry.
    fn filler() -> Unit {
        Unit {
            length: 100,
            words: 16,
            stop: Some(0),
            ..Unit::default()
        }
    }

    #[test]
    fn a_run_of_short_lines_far_above_the_text_is_its_head() {
        // a menu of unmarked entries with two lines the vocabulary knows
        let mut units = vec![
            menu(),
            short(1),
            short(2),
            short(1),
            short(1),
            short(2),
            menu(),
            short(2),
        ];
        units.extend((0..12).map(|_| filler()));
        units.extend([prose(400), prose(400)]);
        let v = decide(&units).verdicts;
        for k in [1, 2, 3, 4, 5, 7] {
            let v = v[k].expect("an unmarked entry goes");
            assert!(matches!(v.reason, Reason::Head { run: 8, .. }), "{v:?}");
            assert!(v.confidence >= 0.8);
        }
        // the same run just above the text is only proposed
        let mut near = units[..8].to_vec();
        near.extend([filler(), filler(), filler(), prose(400), prose(400)]);
        let v = decide(&near).verdicts;
        assert!(
            matches!(v[7], Some(Verdict { reason: Reason::Head { .. }, confidence }) if confidence < 0.8)
        );
    }

    #[test]
    fn quantities_signoffs_and_runs_without_evidence_stay() {
        let classes = vec![Class::Bad; 8];
        let kept = vec![false; 8];
        let quantity = Unit {
            number: true,
            ..short(2)
        };
        let greeting = Unit {
            sentence: true,
            ..short(2)
        };
        let enumeration = Unit {
            comma: true,
            ..short(3)
        };
        // "200 g sugar" and a list with a comma in each item: not a menu
        let units = vec![
            menu(),
            quantity,
            enumeration,
            short(1),
            short(1),
            menu(),
            greeting,
            short(2),
        ];
        let out = edge_runs(&units, &classes, &kept, 0..8, 8);
        assert_eq!(out[1], None);
        assert_eq!(out[2], None);
        // the run is broken at the quantity: lines 2..=5 are four, too few
        assert_eq!(out[3], None);
        // a sign-off beside the greeting's sentence stays
        assert_eq!(out[7], None);
        // a run of short lines without strong evidence is the text's own
        let plain = vec![short(1); 8];
        let out = edge_runs(&plain, &classes, &kept, 0..8, 8);
        assert!(out.iter().all(Option::is_none));
    }

    #[test]
    fn a_stretch_of_furniture_after_the_text_goes_to_the_end() {
        let units = vec![
            short(8), // a headline: too long to go with the menus
            prose(400),
            prose(400),
            menu(),
            short(3),  // a teaser heading
            short(10), // a long teaser: too long for the stretch
            short(2),
            short(1),
            menu(),
            short(1),
            menu(), // at the page's end
        ];
        let v = decide(&units).verdicts;
        let gone: Vec<usize> = (0..units.len()).filter(|&i| v[i].is_some()).collect();
        // the short lines are a run of the page's foot too, so the tail
        // from the first menu on is furniture and takes the long teaser
        assert_eq!(gone, [3, 4, 5, 6, 7, 8, 9, 10]);
        assert!(matches!(
            v[5],
            Some(Verdict {
                reason: Reason::Tail { .. },
                ..
            })
        ));
        assert!(matches!(
            v[4],
            Some(Verdict {
                reason: Reason::Stretch {
                    evidence: 3,
                    lines: 8
                },
                ..
            })
        ));
    }

    #[test]
    fn a_line_furniture_encloses_after_the_text_goes_with_it() {
        // a teaser's standfirst: a sentence, thinner in stop words than
        // the article's prose (6 of 13 words against half)
        let standfirst = || Unit {
            length: 90,
            words: 13,
            stop: Some(3),
            sentence: true,
            ..Unit::default()
        };
        let units = vec![
            prose(400),
            prose(400),
            prose(400),
            short(2),
            menu(),
            menu(),
            standfirst(), // 6
            menu(),
            menu(),
            standfirst(), // 9: the page's end encloses it too
        ];
        let v = decide(&units).verdicts;
        for (i, after) in [(6, Some(8)), (9, None)] {
            assert_eq!(
                v[i],
                Some(Verdict {
                    reason: Reason::Enclosed {
                        before: i - 2,
                        after
                    },
                    confidence: CONTEXT
                }),
                "{i}: {v:?}"
            );
        }
        // as dense in stop words as the article: its last paragraph, or a
        // caption; proposed
        let mut dense = units.clone();
        dense[6] = Unit {
            stop: Some(7),
            ..standfirst()
        };
        let v = decide(&dense).verdicts;
        assert!(matches!(v[6], Some(Verdict { confidence, .. }) if confidence < 0.8));
        // a short call of a box goes however dense, unless indented as a
        // reader's reply is
        let call = || Unit {
            length: 45,
            words: 8,
            stop: Some(5),
            sentence: true,
            ..Unit::default()
        };
        let mut short_call = units.clone();
        short_call[6] = call();
        let v = decide(&short_call).verdicts;
        assert!(matches!(v[6], Some(Verdict { confidence, .. }) if confidence >= CONTEXT));
        short_call[6] = Unit {
            indented: true,
            ..call()
        };
        let v = decide(&short_call).verdicts;
        assert!(matches!(v[6], Some(Verdict { confidence, .. }) if confidence < 0.8));
        // two lines of text in a row both stay
        let mut pair = units.clone();
        pair.insert(7, standfirst());
        let v = decide(&pair).verdicts;
        assert_eq!((v[6], v[7]), (None, None));
    }

    #[test]
    fn a_blurb_between_a_boxs_words_and_a_plain_line_goes() {
        let words = |category| Unit {
            evidence: Some(Evidence::Vocabulary {
                category,
                phrases: vec!["newsletter".to_owned()],
            }),
            ..short(2)
        };
        let date = Unit {
            evidence: Some(Evidence::Shape(Shape::Date)),
            ..short(3)
        };
        // the article, a box's heading by the site's words, its blurb
        // (good prose), its field's label, and the site's menus
        let mut units: Vec<Unit> = (0..3).map(|_| prose(400)).collect();
        units.extend([menu(), words(Category::Newsletter), prose(180), menu()]);
        units.extend([menu(), prose(180), menu(), menu()]);
        let v = decide(&units).verdicts;
        assert!(
            matches!(v[5], Some(Verdict { reason: Reason::Enclosed { .. }, confidence }) if confidence >= CONTEXT),
            "{v:?}"
        );
        // between a menu's rows the same line may be the article's: proposed
        assert!(v[8].is_some_and(|v| v.confidence < CONTEXT), "{v:?}");
        // indented as a reader's reply, or beside a date (a comment's),
        // it is proposed too
        let mut reply = units.clone();
        reply[5].indented = true;
        assert!(decide(&reply).verdicts[5].is_some_and(|v| v.confidence < CONTEXT));
        let mut dated = units.clone();
        dated[6] = date;
        assert!(decide(&dated).verdicts[5].is_some_and(|v| v.confidence < CONTEXT));
        // in a comment section, the same box after the comments goes,
        // readers' words between their frames stay proposed
        let mut units: Vec<Unit> = (0..3).map(|_| prose(400)).collect();
        units.extend([comment_heading("comments"), short(2), prose(300), short(1)]);
        units.extend([words(Category::Share), prose(180), menu()]);
        let v = decide(&units).verdicts;
        assert!(v[5].is_some_and(|v| v.confidence < CONTEXT), "{v:?}");
        assert!(
            matches!(v[8], Some(Verdict { reason: Reason::Enclosed { before: 7, after: Some(9) }, confidence }) if confidence >= CONTEXT),
            "{v:?}"
        );
    }

    #[test]
    fn a_tail_mostly_of_furniture_goes_but_its_sentences_stay() {
        let quantity = Unit {
            number: true,
            ..short(2)
        };
        let units = vec![
            short(6),
            prose(400),
            prose(400),
            menu(),    // 3: the share bar that opens the tail
            short(3),  // a teaser box's heading
            short(10), // a teaser's headline, between two share bars
            menu(),
            quantity,   // "390 kcal": data, not furniture
            short(10),  // a teaser's headline: too long for a stretch
            prose(300), // a newsletter's pitch: a sentence, it stays
            menu(),
            menu(),
            menu(),
        ];
        let v = decide(&units).verdicts;
        let gone: Vec<usize> = (0..units.len()).filter(|&i| v[i].is_some()).collect();
        assert_eq!(gone, [3, 4, 5, 6, 8, 10, 11, 12]);
        assert!(matches!(
            v[8],
            Some(Verdict {
                reason: Reason::Tail {
                    from: 3,
                    evidence: 5,
                    lines: 10
                },
                confidence
            }) if confidence >= 0.8
        ));
        // with fewer than half its lines furniture, the tail is the page's own
        let mut mixed = units.clone();
        mixed[11] = short(2);
        mixed[12] = short(2);
        let v = decide(&mixed).verdicts;
        assert!(v[8].is_none(), "{v:?}");
    }

    #[test]
    fn a_byline_takes_its_place_among_the_head_lines_kept() {
        let byline = Unit {
            evidence: Some(Evidence::Byline {
                preposition: "von".to_owned(),
            }),
            ..short(3)
        };
        let units = vec![short(2), short(2), short(2), byline, prose(400), prose(400)];
        let kept = protected(&units, 4, 5);
        assert_eq!(kept[..4], [false, true, true, false]);
    }

    #[test]
    fn a_byline_opens_no_tail() {
        let byline = Unit {
            evidence: Some(Evidence::Byline {
                preposition: "by".to_owned(),
            }),
            ..short(3)
        };
        // the text, a teaser's byline, the text's own teasers, the foot
        let mut units = vec![short(6), prose(400), prose(400), byline];
        units.extend([short(10), prose(300), short(10), prose(300), short(10)]);
        units.extend([menu(), short(10), prose(300), menu(), menu(), menu()]);
        let foot = vec![None; units.len()];
        let from = furniture_tail(&units, 2, &foot).map(|t| t.0);
        assert_eq!(from, Some(9));
        // a share bar there opens a tail that has too little furniture
        units[3] = menu();
        assert_eq!(furniture_tail(&units, 2, &foot), None);
    }

    #[test]
    fn lines_said_again_count_towards_a_tail_but_not_alone() {
        let repeated = Unit {
            evidence: Some(Evidence::Repeated(2)),
            ..short(3)
        };
        let units = vec![
            short(6),
            prose(400),
            prose(400),
            menu(), // 3: the share bar that opens the tail
            repeated.clone(),
            repeated.clone(),
            short(5), // teaser headlines: too long for a stretch
            short(5),
            menu(),
        ];
        let v = decide(&units).verdicts;
        assert!(
            matches!(
                v[6],
                Some(Verdict {
                    reason: Reason::Tail {
                        evidence: 6,
                        lines: 6,
                        ..
                    },
                    ..
                })
            ),
            "{v:?}"
        );
        // without the repetition, two lines of evidence in six make no tail
        // (quantities: not a menu's entries either)
        let quantity = Unit {
            number: true,
            ..short(3)
        };
        let mut plain = units.clone();
        plain[4] = quantity.clone();
        plain[5] = quantity;
        assert!(decide(&plain).verdicts[6].is_none());
        // nor do lines said again make a tail without strong evidence
        let mut thin = units.clone();
        thin[8] = repeated;
        // (the teaser is a line of the page's foot near the text: proposed)
        let v = decide(&thin).verdicts[6];
        assert!(v.is_none_or(|v| v.confidence < 0.8), "{v:?}");
        // a repeated line is not bad by itself: inside the text it stays
        assert_eq!(initial(&units[4]), Class::Short);
    }

    /// A short line that opens a comment section by its vocabulary.
    fn comment_heading(phrase: &str) -> Unit {
        Unit {
            opens_comments: true,
            evidence: Some(Evidence::Vocabulary {
                category: Category::CommentSection,
                phrases: vec![phrase.into()],
            }),
            ..short(2)
        }
    }

    #[test]
    fn a_comment_section_is_proposed_to_the_end() {
        let heading = comment_heading("comments");
        let units = vec![
            short(5),
            prose(400),
            prose(400),
            heading,
            short(2),
            prose(300),
            short(1),
        ];
        let v = decide(&units).verdicts;
        assert!(v[..3].iter().all(Option::is_none));
        assert!(
            matches!(v[3], Some(Verdict { reason: Reason::Evidence, confidence }) if confidence >= 0.8)
        );
        assert!(v[4..].iter().all(|v| matches!(
            v,
            Some(Verdict { reason: Reason::Comments(3), confidence }) if *confidence < 0.8
        )));
    }

    #[test]
    fn after_a_comment_form_the_rest_goes() {
        let field = || Unit {
            form_field: true,
            evidence: Some(Evidence::Shape(Shape::Brackets)),
            ..short(0)
        };
        let units = vec![
            short(5),
            prose(400),
            prose(400),
            comment_heading("comments"), // 3
            prose(100),                  // 4: a reader's words
            field(),                     // 5: the form's first field
            prose(100),                  // 6: "This site uses Akismet …"
            short(2),                    // 7: the sidebar
            prose(400),                  // 8: good text by itself
            Unit {
                indented: true,
                ..prose(100)
            }, // 9: a reader's reply
        ];
        let v = decide(&units).verdicts;
        assert!(
            matches!(v[4], Some(Verdict { reason: Reason::Comments(3), confidence }) if confidence < 0.8),
            "{v:?}"
        );
        for i in [6, 7] {
            assert_eq!(
                v[i],
                Some(Verdict {
                    reason: Reason::AfterForm { from: 3, form: 5 },
                    confidence: CONTEXT
                })
            );
        }
        assert!(
            [8, 9].iter().all(|&i| matches!(
                v[i],
                Some(Verdict {
                    reason: Reason::Comments(3),
                    ..
                })
            )),
            "{v:?}"
        );
    }

    #[test]
    fn a_comment_section_longer_than_the_post_is_no_main_text() {
        let heading = comment_heading("3 comments");
        let units = vec![
            menu(),
            short(5),
            prose(400), // 2: the post
            menu(),
            heading, // 4
            prose(400),
            prose(400),
            prose(400), // the comments, longer than the post
        ];
        let o = decide(&units);
        assert_eq!(o.main, Some((2, 2)));
        assert!(o.verdicts[5..].iter().all(|v| matches!(
            v,
            Some(Verdict {
                reason: Reason::Comments(4),
                ..
            })
        )));
    }

    #[test]
    fn a_comments_frame_goes_its_words_are_proposed() {
        let heading = Unit {
            opens_comments: true,
            evidence: Some(Evidence::Vocabulary {
                category: Category::CommentSection,
                phrases: vec!["comments".into()],
            }),
            block: 3,
            ..short(2)
        };
        let in_block = |u: Unit, block| Unit { block, ..u };
        let units = vec![
            in_block(short(5), 0),
            in_block(prose(400), 1),
            in_block(prose(400), 2),
            heading,
            in_block(short(2), 4), // the commenter's name
            in_block(short(2), 5), // "Dear Anna,": the comment's own block
            in_block(prose(300), 5),
            in_block(short(3), 5), // the sign-off
            in_block(short(1), 6), // "Reply"
        ];
        let v = decide(&units).verdicts;
        let applied = |i: usize| v[i].is_some_and(|v| v.confidence >= 0.8);
        assert!(applied(4) && applied(8), "{v:?}");
        assert!(matches!(
            v[4],
            Some(Verdict {
                reason: Reason::CommentFrame(3),
                ..
            })
        ));
        assert!((5..=7).all(|i| v[i].is_some() && !applied(i)), "{v:?}");
    }

    #[test]
    fn after_comments_in_repeated_frames_the_rest_goes() {
        let heading = comment_heading("comments");
        let date = || Unit {
            evidence: Some(Evidence::Shape(Shape::Date)),
            ..short(4)
        };
        let reply = || Unit {
            evidence: Some(Evidence::Vocabulary {
                category: Category::Comments,
                phrases: vec!["reply".into()],
            }),
            ..short(1)
        };
        let units = vec![
            short(5),
            prose(400),
            prose(400),
            heading, // 3
            short(2),
            date(),
            prose(300), // 6: a reader's words
            reply(),
            short(1),
            date(),
            prose(300), // 10: another's
            reply(),    // 11: the last frame
            prose(200), // 12: the sidebar's blurb
            short(3),
        ];
        let v = decide(&units).verdicts;
        for i in [6, 10] {
            assert!(
                matches!(v[i], Some(Verdict { reason: Reason::Comments(3), confidence }) if confidence < 0.8),
                "{i}: {:?}",
                v[i]
            );
        }
        for i in [12, 13] {
            assert!(
                matches!(
                    v[i],
                    Some(Verdict { reason: Reason::Framed { from: 3, frames }, confidence })
                        if confidence >= 0.8 && frames.stamps == 2 && frames.last == 7
                ),
                "{i}: {:?}",
                v[i]
            );
        }
    }

    #[test]
    fn without_good_text_only_short_lines_with_evidence_go() {
        let long_menu = Unit {
            evidence: Some(Evidence::Shape(Shape::MenuRow(4))),
            ..short(9)
        };
        let list_item = Unit {
            evidence: Some(Evidence::MenuList(3)),
            ..short(2)
        };
        let units = vec![menu(), short(3), long_menu, list_item];
        let v = decide(&units).verdicts;
        assert!(v[0].is_some_and(|v| v.confidence >= 0.8), "{v:?}");
        assert!(v[1].is_none());
        assert!(v[2..].iter().flatten().all(|v| v.confidence < 0.8), "{v:?}");
    }

    #[test]
    fn a_stretch_after_the_text_takes_the_short_lines_before_it() {
        let block = |u: Unit, block| Unit { block, ..u };
        let units = vec![
            block(short(8), 0),
            block(prose(400), 1),
            block(prose(400), 2),
            block(short(3), 3), // a box's heading, right after the text
            block(menu(), 4),
            block(short(2), 5),
            block(menu(), 6),
        ];
        let v = decide(&units).verdicts;
        assert!(
            matches!(
                v[3],
                Some(Verdict {
                    reason: Reason::Stretch { .. },
                    ..
                })
            ),
            "{v:?}"
        );
        // a closing greeting and a signature after the text: they stay
        let mut signed = units.clone();
        signed.insert(3, block(short(8), 3));
        let v = decide(&signed).verdicts;
        assert!(v[3].is_none() && v[4].is_none(), "{v:?}");
    }

    #[test]
    fn a_cue_goes_outside_the_text_a_read_also_line_inside_it_too() {
        let cue = Unit {
            evidence: Some(Evidence::Cue {
                category: Category::Related,
                phrases: vec!["mehr".into()],
            }),
            ..short(3)
        };
        let read_also = Unit {
            evidence: Some(Evidence::ReadAlso {
                phrases: vec!["czytaj też".into()],
            }),
            ..short(10)
        };
        let units = vec![
            short(6),
            prose(400),
            cue.clone(), // 2: inside the text, a heading of its own
            prose(400),
            read_also, // 4: a teaser inside the text
            prose(400),
            cue, // 6: after the text
        ];
        let v = decide(&units).verdicts;
        assert!(v[2].is_none(), "{v:?}");
        assert!(v[4].is_some_and(|v| v.confidence >= 0.8), "{v:?}");
        assert!(v[6].is_some_and(|v| v.confidence >= 0.8), "{v:?}");
    }

    #[test]
    fn captions_among_and_after_the_paragraphs_go_the_lead_pictures_stays() {
        let caption = Unit {
            evidence: Some(Evidence::Caption {
                credit: "Foto: Anna Berg".into(),
            }),
            sentence: true,
            ..short(24)
        };
        let units = vec![
            short(6),
            caption.clone(), // 1: the lead picture's, under the headline
            prose(400),
            caption.clone(), // 3: between the paragraphs, long as it is
            prose(400),
            caption.clone(), // 5: after the text
        ];
        let v = decide(&units).verdicts;
        assert!(v[1].is_none(), "{v:?}");
        assert!(v[3].is_some_and(|v| v.confidence >= 0.8), "{v:?}");
        assert!(v[5].is_some_and(|v| v.confidence >= 0.8), "{v:?}");
        // a page without a main text keeps its captions too
        assert!(
            decide(&[caption.clone(), short(3), caption])
                .verdicts
                .iter()
                .all(Option::is_none)
        );
    }

    #[test]
    fn headlines_after_a_boxs_heading_go_until_a_sentence() {
        let related = Unit {
            evidence: Some(Evidence::Vocabulary {
                category: Category::Related,
                phrases: vec!["related".into()],
            }),
            ..short(1)
        };
        let sentence = Unit {
            sentence: true,
            ..short(14)
        };
        let units = vec![
            short(6),
            prose(400),
            prose(400),
            short(9), // 3: after the text, before any box: stays
            related,
            short(9), // 5, 6: the box's headlines
            short(12),
            Unit {
                sentence: true,
                ..short(40)
            }, // 7: a long sentence ends the run
            short(9), // 8: stays
        ];
        let v = decide(&units).verdicts;
        let gone: Vec<usize> = (0..units.len()).filter(|&i| v[i].is_some()).collect();
        assert_eq!(gone, [4, 5, 6], "{v:?}");
        assert!(matches!(
            v[5],
            Some(Verdict {
                reason: Reason::Teaser(4),
                confidence
            }) if confidence >= 0.8
        ));
        // a teaser's standfirst stays (only proposed, between the box's
        // lines: [`enclosed`]), the headline after it goes
        let mut standfirst = units.clone();
        standfirst[7] = sentence;
        let v = decide(&standfirst).verdicts;
        assert!(
            v[7].is_none_or(|v| v.confidence < 0.8) && v[8].is_some(),
            "{v:?}"
        );
        // a short one goes with the box's lines around it
        standfirst[7] = Unit {
            sentence: true,
            ..short(8)
        };
        let v = decide(&standfirst).verdicts;
        assert!(
            v[7].is_some_and(|v| v.confidence >= CONTEXT) && v[8].is_some(),
            "{v:?}"
        );
        // a menu's words open no box: the text's own list may follow them
        let mut menu_head = units.clone();
        menu_head[4] = menu();
        assert!(decide(&menu_head).verdicts[5].is_none());
    }

    #[test]
    fn fixed_lines_stay() {
        let units = vec![
            Unit {
                fixed: true,
                ..menu()
            },
            prose(400),
        ];
        assert!(decide(&units).verdicts[0].is_none());
    }
}
