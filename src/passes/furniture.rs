//! `furniture`: the navigation, notices, teasers and comment sections a
//! copy of a web page carries around its article, told from the text alone.
//!
//! Each non-empty line is a unit. Its features ([`signals`], the
//! [`vocabulary`] of `rules/furniture.toml`, the density of the stop words
//! of the page's language from [`stopwords`]) give it a class, and
//! [`classify`] settles the doubtful ones by their neighbours and finds the
//! main text: the longest dense run of good lines. What goes is kept in the
//! TEI as `surplus reason="boilerplate"`, one edit a run of lines, with the
//! evidence used in its note.
//!
//! The rule first asks whether the text is a web copy at all: it must show
//! several lines of furniture evidence (in proportion to its length,
//! unless the document profile found it a web copy), and its lines must
//! not be the
//! wrapped lines of a PDF extract (prose running on from line to line).
//! MT news, papers and plain prose are left alone. Lines earlier rules
//! (`boilerplate`, `residue`) removed count as furniture for the context,
//! and bibliography entries are never touched.

use super::removal::{line_removal_span, line_spans, removal_span};
use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_cjk;
use crate::corpus_lines::LineStats;
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::profile::SourceKind;
use crate::span::Span;
use std::collections::HashMap;

mod captions;
mod classify;
mod dates;
mod frames;
mod head_stamps;
mod pager;
mod post_meta;
mod signals;
mod stopwords;
mod vocabulary;

use classify::{Evidence, Reason, Unit, Verdict};
use stopwords::{Language, StopWords};
use vocabulary::{Category as Vocab, Vocabulary};

/// Fewest lines with strong evidence of their own that make a web copy.
const MIN_EVIDENCE: usize = 4;
/// Of every this many lines, at least one must show such evidence.
const EVIDENCE_RATIO: usize = 25;
/// Of every this many lines of prose, fewer than one may run on into the
/// next line (as a PDF's wrapped lines do).
const WRAP_RATIO: usize = 5;
/// Fewest bulleted short lines in a row that make a menu list.
const MIN_LIST: usize = 3;
/// Fewest words of an item that is a phrase rather than a name.
const MIN_PHRASE_WORDS: usize = 3;
/// A list with at least one such phrase in this many items (with a stop
/// word) is a feature list, not a menu ([`mark_lists`]).
const PHRASE_LIST_RATIO: usize = 2;
/// Most words of an item of such a list.
const MAX_LIST_WORDS: usize = 6;
/// Fewest lists that repeat one link's label that make them records of
/// the page's own ([`mark_records`]): a menu shown above and below the
/// text says its entries twice.
const MIN_RECORDS: usize = 3;
/// Most lines of a record before its label: a record opens on its fields
/// (the link, "built-in"), where a menu's entry lies anywhere in it.
const MAX_FIELD_OFFSET: usize = 1;
/// Most words of a line whose repetition on the page makes it furniture.
const MAX_REPEAT_WORDS: usize = 12;
/// Most words of a line whose vocabulary makes it furniture.
const MAX_VOCABULARY_WORDS: usize = 8;
/// Most words of the headline after a "read also" label.
const MAX_READ_ALSO_WORDS: usize = 16;
/// Most words of the value after a byline's or a credit's label
/// ("Foto: Sascha Klahn", "Kategorie: News").
const MAX_CREDIT_WORDS: usize = 6;
/// Most words of the label before it.
const MAX_LABEL_WORDS: usize = 5;
/// Fewest letters of furniture vocabulary in a line of vocabulary and
/// function words.
const MIN_CUE_LETTERS: usize = 3;
/// Most words of a line that opens a comment section.
const MAX_COMMENT_HEAD_WORDS: usize = 6;
/// Fewest notice phrases, one of them of cookies or privacy, that make a
/// longer line a banner.
const MIN_BANNER_PHRASES: usize = 3;
/// Most words of such a banner.
const MAX_BANNER_WORDS: usize = 80;
/// Fewest distinct phrases of notices and calls to act that make a
/// line a pitch ("Subscribe to our newsletter and follow us …"), one of
/// them more than a plain word; or [`MIN_PITCH_WORDS_ONLY`] plain words.
const MIN_PITCH_PHRASES: usize = 2;
/// See [`MIN_PITCH_PHRASES`].
const MIN_PITCH_WORDS_ONLY: usize = 3;
/// Most words of such a pitch.
const MAX_PITCH_WORDS: usize = 50;
/// Most words of a line that one telling phrase of a site's notice
/// (cookies, newsletters, copyright: `Hits::telling_notices`) makes a
/// notice after the main text; a longer one, up to [`MAX_PITCH_WORDS`], or
/// one with plain words only, needs two phrases ("Mit unserem Newsletter
/// erhalten Sie …" is the box's; a reader's comment that mentions a
/// newsletter once is not, nor "works ok" or "ABO Wind AG").
const MAX_NOTICE_WORDS: usize = 20;

/// See the module documentation.
pub struct Furniture;

impl Pass for Furniture {
    fn id(&self) -> &'static str {
        "furniture"
    }

    fn description(&self) -> &'static str {
        "Web-page furniture (menus, breadcrumbs, notices, share bars, teasers, comment sections) around the main text of a web copy, classified line by line by shape, vocabulary (rules/furniture.toml), stop-word density and neighbours, removed as surplus."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        // A web copy needs MIN_EVIDENCE lines of evidence, so a text of fewer
        // lines is none: it is spared the vocabulary and the stop-word
        // tables, most of a short text's cost (and of a process's start-up).
        let few_lines = cx
            .doc
            .blocks
            .iter()
            .flat_map(|b| line_spans(cx.text, b.span))
            .nth(MIN_EVIDENCE - 1)
            .is_none();
        if few_lines {
            return;
        }
        let profiled = cx.profile.kind == SourceKind::WebCopy
            || cx.profile.tied_kinds.contains(&SourceKind::WebCopy);
        if !profiled && !may_be_web_copy(cx) {
            return;
        }
        let lines = units(cx, out);
        if !is_web_copy(cx.text, &lines, profiled) {
            return;
        }
        let mut lines = lines;
        let records = mark_records(cx.text, &mut lines);
        mark_lists(&mut lines, &records);
        mark_repeats(cx.text, &mut lines);
        let units: Vec<Unit> = lines.iter().map(|l| l.unit.clone()).collect();
        let outcome = classify::decide(&units);
        emit(cx, &lines, &outcome, out);
    }
}

/// One line of the page with what the classifier needs.
struct Line {
    span: Span,
    block: usize,
    /// 1-based line number in the text, for notes.
    number: usize,
    unit: Unit,
    /// Words and stop words of the page's language, for notes.
    density: Option<(usize, usize, &'static str)>,
}

/// The lines of the page's blocks.
fn units(cx: &Context<'_>, out: &Proposals) -> Vec<Line> {
    let text = cx.text;
    let sw = StopWords::get();
    let language = sw.guess(text);
    let vocabulary = Vocabulary::get();
    let prior = prior_deletions(cx, out);
    let mut lines = Vec::new();
    let mut number = 1;
    let mut counted = 0;
    for (bi, b) in cx.doc.blocks.iter().enumerate() {
        let fixed = matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead);
        for span in line_spans(text, b.span) {
            number += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..span.start]).count();
            counted = span.start;
            let covered = {
                let k = prior.partition_point(|d| d.end <= span.start);
                prior
                    .get(k)
                    .is_some_and(|d| d.start <= span.start && d.end >= span.end)
            };
            let (unit, density) = unit(span.of(text), language, sw, vocabulary, covered, cx.corpus);
            let density = density.zip(language).map(|((n, s), l)| (n, s, sw.code(l)));
            let (core, bulleted) = signals::strip_marker(span.of(text));
            let has_number = core.bytes().any(|b| b.is_ascii_digit());
            let label_value = is_data_row(core, bulleted);
            lines.push(Line {
                span,
                block: bi,
                number,
                unit: Unit {
                    fixed,
                    block: bi,
                    number: has_number,
                    day: has_number && dates::names_day(core),
                    label_value,
                    comma: has_comma(core),
                    form_field: signals::form_field(core),
                    indented: !bulleted && indentation(text, span.start) >= classify::MIN_INDENT,
                    ..unit
                },
                density,
            });
        }
    }
    lines
}

/// The columns of spaces and tabs (a tab counts four) before the line
/// starting at `start`; none when something else stands before it.
fn indentation(text: &str, start: usize) -> usize {
    let lead = text[..start].rsplit('\n').next().unwrap_or("");
    if lead.chars().all(|c| c == ' ' || c == '\t') {
        lead.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
    } else {
        0
    }
}

/// Whether a line holds a comma between words ("a, b"), not in a number
/// ("1,5 kg").
fn has_comma(core: &str) -> bool {
    core.match_indices(',')
        .any(|(i, _)| core[i + 1..].starts_with(' ') && i > 0 && !core[..i].ends_with(' '))
}

/// Gives each run of at least [`MIN_LIST`] bulleted short lines without
/// other evidence the evidence of a menu list: a site's navigation copied
/// as nested lists ("• Home", "◦ Politics", "☆ Europe"); not a list with
/// a line of prose right before or after it, nor one whose items hold
/// quantities or "label: value" pairs (ingredients, a data sheet).
fn mark_lists(lines: &mut [Line], records: &[bool]) {
    let item =
        |u: &Unit| u.bulleted && u.evidence.is_none() && u.words <= MAX_LIST_WORDS && !u.sentence;
    let mut i = 0;
    while i < lines.len() {
        if !item(&lines[i].unit) {
            i += 1;
            continue;
        }
        let s = i;
        while i < lines.len() && item(&lines[i].unit) {
            i += 1;
        }
        // a list with text beside it is the text's own (ingredients, points)
        let prose = |k: usize| {
            matches!(
                classify::initial(&lines[k].unit),
                classify::Class::Good | classify::Class::NearGood
            )
        };
        let beside_text = (s > 0 && prose(s - 1)) || (i < lines.len() && prose(i));
        // quantities and "label: value" pairs make ingredients and data sheets
        let data = lines[s..i]
            .iter()
            .filter(|l| l.unit.number || l.unit.label_value)
            .count();
        // items that are phrases with function words ("Screen um den
        // Poolbereich", "Dach von oben zu öffnen") describe a thing: a
        // feature list, not a menu's names
        let phrases = lines[s..i]
            .iter()
            .filter(|l| l.unit.words >= MIN_PHRASE_WORDS && l.unit.stop.is_some_and(|n| n > 0))
            .count();
        let described = phrases * PHRASE_LIST_RATIO >= i - s;
        let record = records[s..i].iter().any(|&r| r);
        if i - s >= MIN_LIST && !beside_text && !described && !record && data * 3 < i - s {
            for l in &mut lines[s..i] {
                l.unit.evidence = Some(Evidence::MenuList(i - s));
            }
        }
    }
}

/// The page's records: lists that each hold the same bulleted line of
/// navigation vocabulary (a link's label: "home page", "Website") once,
/// among its first lines, beside notes said once on the page, one of
/// them a phrase with function words, in at least [`MIN_RECORDS`] lists. An article that lists tools,
/// places or products gives each its notes and the same link, where a
/// site's menu says each entry once, or twice with all its entries (above
/// and below the text), and a mega-menu's submenus repeat their control
/// beside bare names: the label is the records' field, not a menu's
/// entry, so its evidence is only that of a repeated line, and the notes
/// beside it are not a menu list ([`mark_lists`]). The lines of those
/// lists, marked.
fn mark_records(text: &str, lines: &mut [Line]) -> Vec<bool> {
    // every line counts: a label said outside a list too is no field
    let keys: Vec<String> = lines.iter().map(|l| line_key(l.span.of(text))).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in &keys {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    // the lists: runs of bulleted lines, each line's run by its first line
    let n = lines.len();
    let mut run = vec![0; n];
    for i in 0..n {
        run[i] = if i > 0 && lines[i].unit.bulleted && lines[i - 1].unit.bulleted {
            run[i - 1]
        } else {
            i
        };
    }
    // the runs that hold a note said once that is a phrase
    let mut noted = vec![false; n];
    for (i, (l, k)) in lines.iter().zip(&keys).enumerate() {
        let u = &l.unit;
        if u.bulleted
            && counts[k.as_str()] == 1
            && u.words >= MIN_PHRASE_WORDS
            && u.stop.is_some_and(|s| s > 0)
        {
            noted[run[i]] = true;
        }
    }
    let label = |l: &Line| {
        l.unit.bulleted
            && matches!(
                l.unit.evidence,
                Some(Evidence::Vocabulary {
                    category: Vocab::Navigation,
                    ..
                })
            )
    };
    // each label's runs, in order; a label said twice in a run is no
    // record's field
    let mut runs: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (l, k)) in lines.iter().zip(&keys).enumerate() {
        if label(l) && counts[k.as_str()] >= MIN_RECORDS && i - run[i] <= MAX_FIELD_OFFSET {
            runs.entry(k.as_str()).or_default().push(run[i]);
        }
    }
    let fields: HashMap<&str, usize> = runs
        .into_iter()
        .filter(|(k, r)| {
            r.len() == counts[k]
                && r.windows(2).all(|w| w[0] != w[1])
                && r.iter().all(|&r| noted[r])
        })
        .map(|(k, r)| (k, r.len()))
        .collect();
    let mut records = vec![false; n];
    for (i, k) in keys.iter().enumerate() {
        if let Some(&count) = fields.get(k.as_str())
            && label(&lines[i])
        {
            lines[i].unit.evidence = Some(Evidence::Repeated(count));
            records[run[i]] = true;
        }
    }
    (0..n).map(|i| records[run[i]]).collect()
}

/// A line as [`mark_records`] and [`mark_repeats`] compare it: without its
/// list marker, its words joined by one space, lowercased.
fn line_key(line: &str) -> String {
    signals::strip_marker(line)
        .0
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Gives each short line that occurs more than once on the page, and has
/// no other evidence, the evidence of repetition: a page's text says a
/// thing once, but its furniture comes again and again ("URL zum
/// Kopieren" under every picture, a share bar above and below the
/// article, a box of related headlines shown twice). Sentences are not
/// taken ("Thank you." may close two paragraphs); the classifier removes
/// such lines outside the main text only, and keeps a headline that also
/// stands in the page's title or breadcrumb.
fn mark_repeats(text: &str, lines: &mut [Line]) {
    let key = |l: &Line| -> Option<String> {
        let u = &l.unit;
        let core = signals::strip_marker(l.span.of(text)).0;
        // mostly stop words, it is a piece of a sentence; a "label: value"
        // pair is a data sheet's row, repeated in a comparison
        let wordy = u.stop.is_some_and(|s| s * 2 >= u.words && u.words > 2);
        let sentence = u.sentence && u.words > 3;
        let plain = !(wordy || sentence || u.label_value || u.fixed);
        (plain
            && u.evidence.is_none()
            && (1..=MAX_REPEAT_WORDS).contains(&u.words)
            && core.chars().any(char::is_alphabetic))
        .then(|| line_key(l.span.of(text)))
    };
    let keys: Vec<Option<String>> = lines.iter().map(key).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in keys.iter().flatten() {
        *counts.entry(k.as_str()).or_default() += 1;
    }
    for (l, k) in lines.iter_mut().zip(&keys) {
        if let Some(&n) = k.as_deref().and_then(|k| counts.get(k))
            && n >= 2
        {
            l.unit.evidence = Some(Evidence::Repeated(n));
        }
    }
}

/// The features of one line.
fn unit(
    line: &str,
    language: Option<Language>,
    sw: &StopWords,
    vocabulary: &Vocabulary,
    prior: bool,
    corpus: Option<&LineStats>,
) -> (Unit, Option<(usize, usize)>) {
    let (core, bulleted) = signals::strip_marker(line);
    let length = core.chars().map(|c| if is_cjk(c) { 3 } else { 1 }).sum();
    let density = language.map(|l| sw.density(core, l));
    let words = density.map_or_else(|| stopwords::words(core).count(), |d| d.0);
    let lower = core.to_lowercase();
    let hits = vocabulary.hits(&lower);
    let alnum = core.chars().filter(|c| c.is_alphanumeric()).count();
    let mostly_vocabulary = alnum > 0 && hits.covered * 2 >= alnum;
    // the words of menus, teasers and bylines head sections of text too
    // ("Details zum Artikel"): they must make nearly all of the line
    let generic = matches!(
        hits.main_category(),
        Some(Vocab::Related | Vocab::Navigation | Vocab::Meta)
    );
    // a line in quotation marks is someone's words ("Ok.", said a man),
    // not a button's label
    let quoted = core.starts_with(['"', '„', '“', '”', '«', '»', '‚', '‘', '\'', '「']);
    let evidence = if prior {
        Some(Evidence::Prior)
    } else if let Some(shape) = signals::shape(core) {
        Some(Evidence::Shape(shape))
    } else if quoted {
        None
    } else if let Some(e) = post_meta::evidence(core, &lower, &hits, vocabulary, sw, language) {
        Some(e)
    } else if mostly_vocabulary
        && words <= MAX_VOCABULARY_WORDS
        && (!generic || hits.covered * 4 >= alnum * 3)
    {
        hits.main_category().map(|category| Evidence::Vocabulary {
            category,
            phrases: hits.phrases.clone(),
        })
    } else if hits.notices >= MIN_BANNER_PHRASES
        && words <= MAX_BANNER_WORDS
        && (hits.has(Vocab::Cookie) || hits.has(Vocab::Privacy))
    {
        Some(Evidence::Banner {
            phrases: hits.phrases.clone(),
        })
    } else if let Some(e) = read_also(core, vocabulary, sw, language) {
        Some(e)
    } else if let Some(credit) = captions::caption_credit(core) {
        Some(Evidence::Caption {
            credit: credit.to_owned(),
        })
    } else if (2..=MAX_VOCABULARY_WORDS).contains(&words)
        && hits.covered >= MIN_CUE_LETTERS
        && uncovered(&lower, &hits, sw, language) == 0
        && !generic_cue(&hits)
    {
        hits.main_category().map(|category| Evidence::Cue {
            category,
            phrases: hits.phrases.clone(),
        })
    } else if words <= MAX_PITCH_WORDS
        && ((hits.acts >= MIN_PITCH_PHRASES && hits.long_acts > 0)
            || hits.acts >= MIN_PITCH_WORDS_ONLY)
    {
        Some(Evidence::Pitch {
            phrases: hits.phrases.clone(),
        })
    } else {
        corpus.and_then(|c| {
            c.recurrent(core).map(|documents| Evidence::Recurrent {
                documents,
                of: c.documents(),
            })
        })
    };
    let heading = if evidence.is_none() {
        box_heading(core, &lower, words, &hits, bulleted)
    } else {
        None
    };
    // an item of a numbered list is the text's own, run on past a main
    // text found too short ("26. Why did the cookie go to the hospital?")
    let site_notice = if !is_enumerated(core)
        && ((hits.telling_notices >= 1 && words <= MAX_NOTICE_WORDS)
            || (hits.site_notices.len() >= 2 && words <= MAX_PITCH_WORDS))
    {
        hits.site_notices.clone()
    } else {
        Vec::new()
    };
    let banner_notice =
        !site_notice.is_empty() && (hits.has(Vocab::Cookie) || hits.has(Vocab::Newsletter));
    let opens_comments = hits.has(Vocab::CommentSection)
        && hits.covered * 5 >= alnum * 3
        && words <= MAX_COMMENT_HEAD_WORDS
        && !core.ends_with(['.', '!', '?']);
    let unit = Unit {
        length,
        words,
        stop: density.map(|d| d.1),
        sentence: ends_sentence(core)
            || (core.chars().any(is_cjk) && core.contains(['。', '！', '？'])),
        bulleted,
        evidence,
        heading,
        opens_comments,
        form_field: false,
        indented: false,
        fixed: false,
        block: 0,
        number: false,
        day: false,
        label_value: false,
        comma: false,
        site_notice,
        banner_notice,
        leads_on: leads_on(core),
    };
    (unit, density)
}

/// Fewest letters of the phrase that opens a box's heading: a one- or
/// two-letter name ("X", "qq") opens a sign-off as well.
const MIN_HEADING_LETTERS: usize = 3;
/// Most words of a box's heading opened by a one-word phrase: "Mehr
/// Nachrichten" and "Zurück zu Meere" head a box, but a longer line opened
/// by a verb or an adverb is a headline or a list's item ("Share Mac
/// applications with Windows", "Plus de 300 contraventions …").
const MAX_HEADING_WORDS_AFTER_WORD: usize = 4;

/// The category and phrases of a box's heading ([`Unit::heading`]): a
/// short line, not a sentence, that opens with a phrase of related
/// articles, sharing, following, newsletters, comment sections or log-in
/// ("Mehr zum Thema auf …", "Trending on …", "Weitere Artikel zum
/// Thema:"), the rest naming the site or the topic, which
/// [`Evidence::Cue`] does not allow. Not a comment form's labels or a
/// network's name ("Name: …", "E-Mail: …", "Instagram lässt …"), nor a
/// "label: value" row (a contact's address).
fn box_heading(
    core: &str,
    lower: &str,
    words: usize,
    hits: &vocabulary::Hits,
    bulleted: bool,
) -> Option<(Vocab, Vec<String>)> {
    let &(start, end) = hits.spans.first()?;
    let phrase = &lower[start..end];
    let letters = phrase.chars().filter(|c| c.is_alphanumeric()).count();
    // a one-word phrase heads a box in a line of a few words without
    // figures ("Konto 103 79 00" is an account's number)
    let one_word = !phrase.contains(' ');
    let most_words = if one_word {
        MAX_HEADING_WORDS_AFTER_WORD
    } else {
        MAX_VOCABULARY_WORDS
    };
    // a phrase run on into a bracket or a slash is code or a button's
    // pair of labels ("print('…')", "Login/signup")
    let word_ends = lower[end..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == ':');
    let category = hits.main_category()?;
    let boxed = matches!(
        category,
        Vocab::Related
            | Vocab::Share
            | Vocab::Follow
            | Vocab::Newsletter
            | Vocab::CommentSection
            | Vocab::Login
    );
    (start == 0
        && letters >= MIN_HEADING_LETTERS
        && boxed
        && word_ends
        && !(one_word && core.bytes().any(|b| b.is_ascii_digit()))
        && (2..=most_words).contains(&words)
        && !ends_sentence(core)
        && !is_data_row(core, bulleted))
    .then(|| (category, hits.phrases.clone()))
}

/// Whether a line is an item of a numbered list: a number and a full stop
/// or a closing bracket before its words ("26. Why …", "3) Mix …").
fn is_enumerated(core: &str) -> bool {
    let rest = core.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < core.len() && (rest.starts_with(". ") || rest.starts_with(") "))
}

/// Whether a line's vocabulary is that of menus or bylines ("next",
/// "home", "by"): with function words around it, it is as likely a
/// question or heading of the text ("What are you looking forward to
/// next?") as a button.
fn generic_cue(hits: &vocabulary::Hits) -> bool {
    matches!(
        hits.main_category(),
        Some(Vocab::Navigation | Vocab::Meta) | None
    )
}

/// Letters and digits of the words of `lower` that are neither inside a
/// phrase of the vocabulary nor function words (of the page's `language`
/// or English): what a line says beyond furniture's words.
fn uncovered(
    lower: &str,
    hits: &vocabulary::Hits,
    sw: &StopWords,
    language: Option<Language>,
) -> usize {
    stopwords::words(lower)
        .filter(|w| {
            let at = w.as_ptr() as usize - lower.as_ptr() as usize;
            let inside = hits
                .spans
                .iter()
                .any(|&(a, b)| a <= at && at + w.len() <= b);
            !inside && !sw.is_stop(w, language)
        })
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).count())
        .sum()
}

/// The evidence of a "read also" line: a label of the related-articles
/// vocabulary and function words ("Lesen Sie auch", "Czytaj też"), a
/// colon or chevron, and a headline of a few words that does not end in a
/// full stop (a sentence would be the text's own: "Mehr noch: …"); or
/// of a credit or byline: a label of bylines' words ("Foto", "Quelle",
/// "Tags") before a colon and a name or list of at most
/// [`MAX_CREDIT_WORDS`] words. A link to the previous or the next post
/// ([`pager`]) is a "read also" line too: its arrow, or its label run
/// into the headline ("Vorheriger ArtikelTat & Drang").
fn read_also(
    core: &str,
    vocabulary: &Vocabulary,
    sw: &StopWords,
    language: Option<Language>,
) -> Option<Evidence> {
    let headline = |title: &str| {
        (2..=MAX_READ_ALSO_WORDS).contains(&stopwords::words(title).count())
            && !title.ends_with('.')
    };
    if let Some((arrow, title)) = pager::arrow_link(core) {
        return headline(title).then(|| Evidence::ReadAlso {
            phrases: vec![arrow.to_owned()],
        });
    }
    // a previous or next post's label run into its headline
    if let Some((label, title)) = pager::glued_label(core) {
        let label = label.trim().to_lowercase();
        let hits = vocabulary.hits(&label);
        if headline(title)
            && (1..=MAX_LABEL_WORDS).contains(&stopwords::words(&label).count())
            && hits.main_category() == Some(Vocab::Related)
            && uncovered(&label, &hits, sw, language) == 0
        {
            return Some(Evidence::ReadAlso {
                phrases: hits.phrases,
            });
        }
    }
    let at = core.find([':', '»', '>'])?;
    let (label, rest) = core.split_at(at);
    let title = rest.trim_start_matches([':', '»', '>', ' ']).trim_end();
    let label = label.trim().to_lowercase();
    let label_words = stopwords::words(&label).count();
    let title_words = stopwords::words(title).count();
    if !(1..=MAX_LABEL_WORDS).contains(&label_words)
        || !(2..=MAX_READ_ALSO_WORDS).contains(&title_words)
        || title.ends_with('.')
    {
        return None;
    }
    let hits = vocabulary.hits(&label);
    if uncovered(&label, &hits, sw, language) > 0 {
        return None;
    }
    match hits.main_category() {
        Some(Vocab::Related) => Some(Evidence::ReadAlso {
            phrases: hits.phrases,
        }),
        Some(Vocab::Meta)
            if rest.starts_with(':') && (title_words <= MAX_CREDIT_WORDS || is_tag_list(title)) =>
        {
            Some(Evidence::Credit {
                phrases: hits.phrases,
            })
        }
        // a byline's word that is a menu's too in another language
        // ("kategorie"): before a list of tags only, as a data sheet's or
        // an award's row has a category of its own ("Kategorie: Beste
        // Fernsehshow")
        Some(Vocab::Navigation)
            if hits.has(Vocab::Meta) && rest.starts_with(':') && is_tag_list(title) =>
        {
            Some(Evidence::Credit {
                phrases: hits.phrases,
            })
        }
        _ => None,
    }
}

/// Most words of an item of a list of tags or categories.
const MAX_TAG_WORDS: usize = 2;
/// Fewest items of such a list.
const MIN_TAGS: usize = 2;

/// Whether a byline's value is a list of tags or categories ("Alle
/// Blogposts, Artikel, Blog, Fair Fashion, Go Green"): [`MIN_TAGS`] or
/// more items between commas, each of one to [`MAX_TAG_WORDS`] words. A
/// post's tags run longer than a credit's name, but an item of more
/// words is a clause or an institution's name ("Autor: Steffen Pache,
/// Sächsische Landesanstalt für Landwirtschaft"), which the text may
/// sign with.
fn is_tag_list(value: &str) -> bool {
    let items: Vec<usize> = value
        .split(',')
        .map(|item| stopwords::words(item).count())
        .collect();
    items.len() >= MIN_TAGS && items.iter().all(|&w| (1..=MAX_TAG_WORDS).contains(&w))
}

/// Most words of the label of a "label: value" row.
const MAX_ROW_LABEL_WORDS: usize = 3;
/// Most words of a value that makes a row whatever its label: a name or
/// an address ("More on the maker's site: example.com").
const MAX_ROW_NAME_WORDS: usize = 2;
/// Most words of its value without a number in it; a longer one is a
/// headline's second half ("Avengers: How Thanos came to life").
const MAX_ROW_VALUE_WORDS: usize = 4;

/// Whether a line is a row of data, never taken in by the furniture
/// around it: a "label: value" pair with a short label and a short or
/// numeric value ("Lieferzeit: 2-3 Tage", "Material: Edelstahl"), a
/// list's item with a quantity first ("• 120 g noodles", an ingredient;
/// a numbered teaser stands unbulleted), or a table's row
/// whose columns the copy sets apart with runs of spaces.
fn is_data_row(core: &str, bulleted: bool) -> bool {
    let core = core.trim();
    if core.contains("   ") || (bulleted && core.starts_with(|c: char| c.is_ascii_digit())) {
        return true;
    }
    let Some((label, value)) = core.trim_end_matches(':').split_once(": ") else {
        return false;
    };
    let value_words = stopwords::words(value).count();
    value_words <= MAX_ROW_NAME_WORDS
        || (stopwords::words(label).count() <= MAX_ROW_LABEL_WORDS
            && (value_words <= MAX_ROW_VALUE_WORDS || value.bytes().any(|b| b.is_ascii_digit())))
}

/// Whether `line` ends a sentence: a full stop, question or exclamation
/// mark, an ellipsis, perhaps inside closing quotes (of any language's
/// style, French ones after a space) or brackets.
fn ends_sentence(line: &str) -> bool {
    const CLOSERS: &[char] = &[
        '"', '\'', '“', '”', '‘', '’', '»', '«', '›', '‹', ')', ']', '」', '』',
    ];
    // a picture's placeholder ("… golden brown.[DSC_0511]") and invisible
    // format characters may follow the sentence's end
    let mut line = line.trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c));
    while line.ends_with(']')
        && let Some(open) = line.rfind('[')
    {
        line = line[..open].trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c));
    }
    line.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace())
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

/// Zero-width and invisible format characters (joiners, separators,
/// the byte-order mark) that a copy carries after a line's end.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The confident deletions earlier passes proposed, sorted.
fn prior_deletions(cx: &Context<'_>, out: &Proposals) -> Vec<Span> {
    let mut d: Vec<Span> = out
        .edits
        .iter()
        .filter(|e| e.after.is_empty() && e.confidence >= cx.options.min_confidence)
        .map(|e| e.span)
        .collect();
    d.sort_unstable();
    d
}

/// Whether the lines look like a copy of a web page: enough lines with
/// furniture evidence of their own, and not the wrapped lines of a PDF.
/// Evidence on one line in [`EVIDENCE_RATIO`] stands in for the kind of
/// source; when the document profile already found the text `profiled` a
/// web copy (from its own signals), a long page whose furniture is thin
/// beside its many lines of menus and teasers needs only [`MIN_EVIDENCE`].
fn is_web_copy(text: &str, lines: &[Line], profiled: bool) -> bool {
    let evidence = lines
        .iter()
        .filter(|l| l.unit.evidence.as_ref().is_some_and(shows_web_copy))
        .count();
    let prose = lines.iter().filter(|l| l.unit.words >= 5).count();
    let wrapped = lines
        .windows(2)
        .filter(|w| {
            w[0].unit.words >= 5
                && !w[0].unit.sentence
                && w[1].span.start - w[0].span.end <= 2
                && runs_on(w[0].span.of(text), w[1].span.of(text), profiled)
        })
        .count();
    evidence >= MIN_EVIDENCE
        && (profiled || evidence * EVIDENCE_RATIO >= lines.len())
        && wrapped * WRAP_RATIO < prose.max(1)
}

/// Whether a line ends in the mark of a link that leads on ("Mehr lesen
/// …", "Weiter »", "Read more...").
fn leads_on(core: &str) -> bool {
    let end = core.trim_end();
    end.ends_with(['…', '»', '›', '>']) || end.ends_with("...")
}

/// Whether line `next` runs on the sentence that line `line` breaks off, as
/// a PDF's wrapped lines do: `next` opens with a lowercase letter. In a
/// text the profile found a `profiled` web copy, more is asked: `line`
/// ends neither in a colon (which opens a block of code or a list) nor in
/// a link, and `next` opens with a lowercase word of letters alone ("and
/// the", not `set-option`, `bookmarks.el`, `https://…` or `function(e){…`:
/// a web page's code and links follow its lines as closely). A text not
/// found a web copy keeps the plain test: a paper's formulas and
/// variables wrap the same way.
fn runs_on(line: &str, next: &str, profiled: bool) -> bool {
    if !profiled {
        return next.chars().next().is_some_and(char::is_lowercase);
    }
    let last = line.split_whitespace().next_back().unwrap_or("");
    let first = next.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches([',', ';', '.', ':', ')', '!', '?']);
    !line.trim_end().ends_with(':')
        && !last.contains('/')
        && !word.is_empty()
        && word.chars().all(char::is_lowercase)
}

/// Whether a line's evidence is the page's own and strong, the evidence
/// [`is_web_copy`] counts.
fn shows_web_copy(e: &Evidence) -> bool {
    e.is_strong()
        && !matches!(
            e,
            Evidence::Prior
                | Evidence::Recurrent { .. }
                | Evidence::Repeated(_)
                | Evidence::Cue { .. }
                | Evidence::Pitch { .. }
        )
}

/// Whether enough lines of a text the profile did not find a web copy may
/// carry evidence of their own for [`is_web_copy`] (at least
/// [`MIN_EVIDENCE`], one in [`EVIDENCE_RATIO`]): a necessary condition read
/// off each line's strong shapes and furniture phrases alone, that spares
/// a text of no web page (an article, a paper, a list of a million short
/// lines) the features of every line. One walk over the lines counts both
/// the lines and those that may count (a walk to count the lines and a
/// second to find the evidence cost twice the walk on a text of a million
/// one-word lines); the text's line breaks bound its lines, so evidence
/// enough for that many lines ends the walk early (a web page's furniture
/// is found near its top).
fn may_be_web_copy(cx: &Context<'_>) -> bool {
    let vocabulary = Vocabulary::get();
    let most_lines = memchr::memchr_iter(b'\n', cx.text.as_bytes()).count() + 1;
    let enough = MIN_EVIDENCE.max(most_lines.div_ceil(EVIDENCE_RATIO));
    let (mut lines, mut evidence) = (0usize, 0usize);
    for b in &cx.doc.blocks {
        for s in line_spans(cx.text, b.span) {
            lines += 1;
            if may_count(s.of(cx.text), vocabulary) {
                evidence += 1;
                if evidence >= enough {
                    return true;
                }
            }
        }
    }
    evidence >= MIN_EVIDENCE.max(lines.div_ceil(EVIDENCE_RATIO))
}

/// Whether a line may carry evidence [`is_web_copy`] counts: a strong
/// shape, a phrase of the vocabulary (of a line of vocabulary, a banner),
/// or the colon or chevron of a "read also" or credit label. A line of one
/// word of ASCII letters and digits (most lines of a long list) has no
/// marker, shape or label mark: only its phrases are looked for.
fn may_count(line: &str, vocabulary: &Vocabulary) -> bool {
    if !line.is_empty() && line.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return any_phrase(line, vocabulary);
    }
    may_count_marked(line, vocabulary)
}

/// [`may_count`] of any line, marked or not: the marker stripped, then its
/// shape, label marks and phrases.
fn may_count_marked(line: &str, vocabulary: &Vocabulary) -> bool {
    let core = signals::strip_marker(line).0;
    signals::may_have_strong_shape(core)
        || core.contains([':', '»', '>'])
        || any_phrase(core, vocabulary)
}

/// Whether a phrase of the vocabulary occurs in `core`, lowercased only if
/// it has to be.
fn any_phrase(core: &str, vocabulary: &Vocabulary) -> bool {
    if core
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        vocabulary.any_phrase(&core.to_lowercase())
    } else {
        vocabulary.any_phrase(core)
    }
}

/// Pushes the edits for the verdicts: a block whose lines all go at the
/// same confidence goes whole; runs of lines going for the same reason are
/// one edit.
fn emit(cx: &Context<'_>, lines: &[Line], outcome: &classify::Outcome, out: &mut Proposals) {
    let text = cx.text;
    let mut edits: Vec<(Span, String, f32, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let bi = lines[i].block;
        let mut j = i;
        while j < lines.len() && lines[j].block == bi {
            j += 1;
        }
        let verdicts = &outcome.verdicts[i..j];
        let mine =
            |v: &Option<Verdict>, l: &Line| v.is_some() && l.unit.evidence != Some(Evidence::Prior);
        let whole = verdicts.iter().zip(&lines[i..j]).all(|(v, l)| mine(v, l))
            && verdicts
                .windows(2)
                .all(|w| w[0].map(|v| v.confidence) == w[1].map(|v| v.confidence));
        for k in i..j {
            let Some(v) = outcome.verdicts[k] else {
                continue;
            };
            if !mine(&outcome.verdicts[k], &lines[k]) {
                continue;
            }
            let span = if whole {
                if k + 1 < j {
                    continue;
                }
                removal_span(text, cx.doc, bi)
            } else {
                line_removal_span(text, cx.doc.blocks[bi].span, lines[k].span)
            };
            let (rule, note) = describe(text, lines, outcome, k, v);
            edits.push((span, rule, v.confidence, note));
        }
        i = j;
    }
    // runs of lines going for the same reason make one edit
    let mut merged: Vec<(Span, String, f32, String, usize)> = Vec::new();
    for (span, rule, confidence, note) in edits {
        // a block's last line goes with the line break before it, which
        // the edit of the line before may have taken already: edits that
        // overlap would be dropped as conflicting
        let span = match merged.last() {
            Some(last) if span.start < last.0.end && last.0.end < span.end => {
                Span::new(last.0.end, span.end)
            }
            _ => span,
        };
        if let Some(last) = merged.last_mut()
            && last.0.end == span.start
            && last.1 == rule
            && last.2 == confidence
        {
            last.0 = Span::new(last.0.start, span.end);
            last.4 += 1;
            continue;
        }
        merged.push((span, rule, confidence, note, 1));
    }
    for (span, rule, confidence, note, n) in merged {
        let note = match n {
            1 => note,
            n => format!("{note} (and {} more lines alike)", n - 1),
        };
        out.edits.push(
            Edit::new(
                text,
                span,
                "",
                &format!("furniture/{rule}"),
                Category::Boilerplate,
                confidence,
            )
            .with_note(note),
        );
    }
}

/// The rule id and the note of line `k`'s verdict: the evidence used.
fn describe(
    text: &str,
    lines: &[Line],
    outcome: &classify::Outcome,
    k: usize,
    v: Verdict,
) -> (String, String) {
    let l = &lines[k];
    let main = outcome
        .main
        .map(|(a, b)| {
            format!(
                "the main text runs from line {} to line {}",
                lines[a].number, lines[b].number
            )
        })
        .unwrap_or_else(|| "no main text found".to_owned());
    let features = {
        let density = l
            .density
            .map(|(_, s, code)| format!(", {s} of them stop words of '{code}'"))
            .unwrap_or_default();
        format!(
            "{} word{}{}{}",
            l.unit.words,
            if l.unit.words == 1 { "" } else { "s" },
            density,
            if l.unit.sentence {
                ""
            } else {
                ", no sentence end"
            }
        )
    };
    match v.reason {
        Reason::Evidence => {
            let e = l
                .unit
                .evidence
                .as_ref()
                .map(Evidence::describe)
                .unwrap_or_default();
            let rule = l.unit.evidence.as_ref().map_or("evidence", Evidence::rule);
            let place = match outcome.main {
                Some((a, b)) if (a..=b).contains(&k) => "a short line inside the main text",
                _ => "outside the main text",
            };
            (rule.to_owned(), format!("{e}; {place} ({main})"))
        }
        Reason::Heading { distance } => {
            let (category, phrases) = l
                .unit
                .heading
                .clone()
                .unwrap_or((Vocab::Related, Vec::new()));
            (
                classify::category_rule(category).to_owned(),
                format!(
                    "a short line opened by {} vocabulary ({}), not a sentence: a box's heading, {distance} lines beyond the main text ({main})",
                    category.name(),
                    phrases
                        .iter()
                        .take(4)
                        .map(|p| format!("\"{p}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        }
        Reason::Between => (
            "between".to_owned(),
            format!(
                "line judged furniture by its neighbours ({features}): between lines of furniture, outside the main text; {main}"
            ),
        ),
        Reason::Stretch { evidence, lines } => (
            "stretch".to_owned(),
            format!(
                "line judged furniture by its neighbours ({features}): in a stretch of {lines} lines beyond the page's text, {evidence} of them with furniture evidence of their own; {main}"
            ),
        ),
        Reason::Tail {
            from,
            evidence,
            lines: n,
        } => (
            "tail".to_owned(),
            format!(
                "line judged furniture by its neighbours ({features}): in the tail of the page after the main text, opened at line {} (\"{}\"), {evidence} of its {n} lines with furniture evidence of their own; {main}",
                lines[from].number,
                quote(lines[from].span.of(text))
            ),
        ),
        Reason::Teaser(from) => (
            "teaser".to_owned(),
            format!(
                "line judged furniture by its neighbours ({features}): a headline in the run of such lines after the main text opened at line {} (\"{}\"); {main}",
                lines[from].number,
                quote(lines[from].span.of(text))
            ),
        ),
        Reason::Head { run, distance } | Reason::Foot { run, distance } => {
            let (rule, side) = match v.reason {
                Reason::Head { .. } => ("head", "before"),
                _ => ("foot", "after"),
            };
            let near = if distance >= classify::EDGE_FAR {
                ""
            } else {
                ", near enough to be the article's own: proposed"
            };
            (
                rule.to_owned(),
                format!(
                    "line judged furniture by its place ({features}): in a run of {run} short lines and lines of furniture {side} the main text, {distance} lines from it{near}; {main}"
                ),
            )
        }
        Reason::Notice { distance, after } => (
            "site-notice".to_owned(),
            format!(
                "words of a site's notice ({}) in a line of {features}, {distance} lines {}; {main}",
                l.unit
                    .site_notice
                    .iter()
                    .take(4)
                    .map(|p| format!("\"{p}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
                if after {
                    "after the main text and before any comment section"
                } else {
                    "before the main text (a banner's or a newsletter box's words)"
                }
            ),
        ),
        Reason::Enclosed { before, after } => {
            let to = after.map_or_else(
                || "the page's end".to_owned(),
                |a| {
                    format!(
                        "line {} (\"{}\")",
                        lines[a].number,
                        quote(lines[a].span.of(text))
                    )
                },
            );
            (
                "enclosed".to_owned(),
                format!(
                    "line judged furniture by its neighbours ({features}): after the main text, between lines that all go as furniture, from line {} (\"{}\") to {to}; {main}",
                    lines[before].number,
                    quote(lines[before].span.of(text)),
                ),
            )
        }
        Reason::Beyond { from } => (
            "beyond".to_owned(),
            format!(
                "line judged furniture by its place ({features}): a bare name after the page's text, past line {} (\"{}\"), the first line with furniture evidence of its own after the text's last good line, beside nothing that reads as text; {main}",
                lines[from].number,
                quote(lines[from].span.of(text))
            ),
        ),
        Reason::CommentFrame(c) => (
            "comment-frame".to_owned(),
            format!(
                "line judged furniture by its place ({features}): in the comment section opened at line {} (\"{}\") after the article, in a block without readers' prose: a commenter's name, a date or a button",
                lines[c].number,
                quote(lines[c].span.of(text))
            ),
        ),
        Reason::Framed { from, frames } => (
            "comment-section".to_owned(),
            format!(
                "in the comment section opened at line {} (\"{}\") after the article, whose comments repeat their frames ({}), after the last of them (line {}): the page's sidebar and footer",
                lines[from].number,
                quote(lines[from].span.of(text)),
                frames.describe(),
                lines[from + 1 + frames.last].number
            ),
        ),
        Reason::AfterForm { from, form } => (
            "comment-form".to_owned(),
            format!(
                "line judged furniture by its place ({features}): in the comment section opened at line {} (\"{}\") after the article, after the form's first empty field at line {} (\"{}\"): the form, its notices, the sidebar and footer after it; {main}",
                lines[from].number,
                quote(lines[from].span.of(text)),
                lines[form].number,
                quote(lines[form].span.of(text))
            ),
        ),
        Reason::Comments(c) => (
            "comment-section".to_owned(),
            format!(
                "in the comment section opened at line {} (\"{}\") after the article, to the end of the page: readers' words, proposed",
                lines[c].number,
                quote(lines[c].span.of(text))
            ),
        ),
    }
}

/// A line quoted in a note, cut after a few words.
fn quote(line: &str) -> String {
    const MAX: usize = 60;
    match line.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass};

    const ARTICLE: &str = "The council met on Monday evening to decide what should be done with the old mill by the river, which has stood empty for more than ten years and which many people in the town would like to see used again.\n\nAfter a long debate, the members agreed that the building should be sold to a group of local families who want to turn it into a workshop, a small café and a place where children can learn how flour was made in the past.\n\nThe sale is expected to close before the end of the summer, and the first rooms could open to the public as early as next spring, if the repairs to the roof go as planned.\n";

    #[test]
    fn a_short_line_opened_by_a_boxs_words_is_a_heading() {
        let v = Vocabulary::get();
        let heading = |line: &str| {
            let (core, bulleted) = signals::strip_marker(line);
            let lower = core.to_lowercase();
            let words = stopwords::words(core).count();
            box_heading(core, &lower, words, &v.hits(&lower), bulleted).map(|h| h.0)
        };
        assert_eq!(
            heading("Mehr zum Thema auf example.de"),
            Some(Vocab::Related)
        );
        assert_eq!(heading("• Trending on Rough Draft"), Some(Vocab::Related));
        assert_eq!(heading("Weitere Artikel zum Thema:"), Some(Vocab::Related));
        assert_eq!(
            heading("Suivez-nous sur les réseaux sociaux"),
            Some(Vocab::Follow)
        );
        // a sentence, a longer line after one word, code, figures, a row,
        // a form's label and a network's name are not a box's heading
        assert_eq!(heading("Mehr zum Thema lesen Sie hier."), None);
        assert_eq!(heading("Share Mac applications with Windows"), None);
        assert_eq!(heading("print('value error')"), None);
        assert_eq!(heading("Konto 103 79 00"), None);
        assert_eq!(heading("Diskussion zu diesem Artikel auf: Rivva"), None);
        assert_eq!(heading("Name: Anna"), None);
        assert_eq!(heading("Instagram und Facebook"), None);
        // the words of a box elsewhere than at the start
        assert_eq!(heading("Die Redaktion empfiehlt mehr zum Thema"), None);
    }

    #[test]
    fn indentation_counts_the_blanks_before_a_line() {
        let text = "Name\n    Thanks for the recipe!\n\tTabbed\nx  not a line start";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(indentation(text, at("Name")), 0);
        assert_eq!(indentation(text, at("Thanks")), 4);
        assert_eq!(indentation(text, at("Tabbed")), 4);
        assert_eq!(indentation(text, at("not a line")), 0);
    }

    fn page() -> String {
        format!(
            "[logo]\n\n  • Home\n  • News\n  • Sport\n  • Contact\n\nHome » News » Local\n\nMill to become a workshop\n\n{ARTICLE}\nShare this:\nFacebook Twitter WhatsApp\n\nPrivacy Policy | Imprint | Cookie Settings\n\n© 2024 The Town Paper. All rights reserved.\n"
        )
    }

    proptest::proptest! {
        /// A line whose evidence makes a web copy passes the pre-check of
        /// [`may_be_web_copy`], whatever its language.
        #[test]
        fn lines_showing_a_web_copy_pass_the_pre_check(
            s in "(\\[logo\\]|Home|News|Share|Teilen|Cookies|cookie|Datenschutz|Foto|Lesen Sie auch|privacy policy|[•|»>:/©.,] ?|2024|am|the|Mai| ){0,8}"
        ) {
            let sw = StopWords::get();
            let v = Vocabulary::get();
            for language in [None, sw.guess("der die und das ist nicht"), sw.guess("the and of to is that")] {
                let (u, _) = unit(&s, language, sw, v, false, None);
                if u.evidence.as_ref().is_some_and(shows_web_copy) {
                    proptest::prop_assert!(may_count(&s, v), "{s:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// A line of one ASCII word is judged by its phrases alone, as the
        /// full check of markers, shapes, labels and phrases judges it.
        #[test]
        fn a_line_of_one_word_may_count_as_the_full_check_says(
            s in "[a-zA-Z0-9]{0,12}|(Cookies|Newsletter|OK|Share|Impressum|x|Menu)[a-z0-9]{0,3}"
        ) {
            let v = Vocabulary::get();
            proptest::prop_assert_eq!(may_count(&s, v), may_count_marked(&s, v), "{:?}", s);
        }
    }

    #[test]
    fn texts_of_no_web_page_are_spared_the_features_of_their_lines() {
        let doc = |t: &str| (t.to_owned(), crate::parse::parse(t));
        let check = |t: &str| {
            let (text, d) = doc(t);
            let protected = d.protected_spans();
            let options = crate::options::Options::default();
            let empty = crate::names::Resources::empty();
            let cx = Context::new(&text, &d, &protected, &options, &empty);
            may_be_web_copy(&cx)
        };
        assert!(!check(&"a\n".repeat(200)));
        assert!(check(&page()));
    }

    /// Runs the rule on `text` with a profile of the given kind of source.
    fn run_as(text: &str, kind: SourceKind) -> Vec<Edit> {
        let doc = crate::parse::parse(text);
        let profile = crate::profile::Profile::build(
            text,
            &doc,
            &crate::profile::LanguageDetector::default(),
            crate::profile::Overrides {
                lang: None,
                kind: Some(kind),
            },
        );
        let protected = doc.protected_spans();
        let options = crate::options::Options::default();
        let empty = crate::names::Resources::empty();
        let resources = crate::names::Resources::builtin().unwrap_or(&empty);
        let cx = Context::new(text, &doc, &protected, &options, resources).with_profile(&profile);
        let mut out = Proposals::default();
        Furniture.run(&cx, &mut out);
        out.edits
    }

    #[test]
    fn thin_furniture_on_a_long_page_needs_the_profile_of_a_web_copy() {
        // a long archive of short titles: few lines of evidence for its length
        let titles = [
            "Harvest fair",
            "Bridge repairs",
            "School choir",
            "Market day",
        ];
        let archive: String = (0..300)
            .map(|i| format!("{} in the valley\n\n", titles[i % titles.len()]))
            .collect();
        let p = format!("{}{archive}", page());
        let gone = |edits: &[Edit]| !applied_text(&p, edits).contains("[logo]");
        assert!(!gone(&run_as(&p, SourceKind::Prose)));
        assert!(gone(&run_as(&p, SourceKind::WebCopy)));
    }

    /// The lines of `text`, a link's label ("home page") with navigation
    /// vocabulary, "in" and "the" its only stop words.
    fn record_lines(text: &str) -> Vec<Line> {
        let mut start = 0;
        let mut lines = Vec::new();
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let span = Span::new(start, start + line.trim_end().len());
            start += line.len();
            let (core, bulleted) = signals::strip_marker(line);
            let words = core.split_whitespace().count();
            let stop = core
                .split_whitespace()
                .filter(|w| ["in", "the"].contains(w))
                .count();
            let evidence = (core == "home page").then(|| Evidence::Vocabulary {
                category: Vocab::Navigation,
                phrases: vec!["home".into(), "page".into()],
            });
            lines.push(Line {
                span,
                block: i,
                number: i + 1,
                unit: Unit {
                    length: core.len(),
                    words,
                    stop: Some(stop),
                    bulleted,
                    evidence,
                    block: i,
                    ..Unit::default()
                },
                density: None,
            });
        }
        lines
    }

    #[test]
    fn a_link_under_each_of_an_articles_records_is_their_field_not_a_menu() {
        let labels = |lines: &[Line]| {
            lines
                .iter()
                .filter(|l| matches!(l.unit.evidence, Some(Evidence::Vocabulary { .. })))
                .count()
        };
        let article = "autojump\n• home page\n• works in the shell\nfasd\n• home page\n\
                       • packaged in the archive\n• fast\nzed\n• built\n• home page\n\
                       • not in the archive\n• quick\n• small\n";
        let mut lines = record_lines(article);
        let records = mark_records(article, &mut lines);
        assert_eq!(labels(&lines), 0);
        assert!(matches!(
            lines[1].unit.evidence,
            Some(Evidence::Repeated(3))
        ));
        assert_eq!(
            records,
            lines.iter().map(|l| l.unit.bulleted).collect::<Vec<_>>()
        );
        // the notes of the last record are no menu list
        mark_lists(&mut lines, &records);
        assert!(
            lines
                .iter()
                .all(|l| !matches!(l.unit.evidence, Some(Evidence::MenuList(_))))
        );
        // a menu repeats the entry anywhere among its names
        let menu = "News\n• Sport\n• Travel in the Alps\n• home page\nMore\n• Cars\n\
                    • Jobs in the city\n• home page\nAll\n• Films\n• Life in the north\n\
                    • home page\n";
        let mut lines = record_lines(menu);
        let records = mark_records(menu, &mut lines);
        assert_eq!(labels(&lines), 3);
        assert!(records.iter().all(|&r| !r));
    }

    #[test]
    fn a_list_of_phrases_is_a_feature_list_not_a_menu() {
        let item = |words: usize, stop: usize| Line {
            span: Span::new(0, 0),
            block: 0,
            number: 1,
            unit: Unit {
                length: words * 7,
                words,
                stop: Some(stop),
                bulleted: true,
                ..Unit::default()
            },
            density: None,
        };
        let is_menu = |lines: &[Line]| {
            lines
                .iter()
                .all(|l| matches!(l.unit.evidence, Some(Evidence::MenuList(_))))
        };
        // "Home", "Politics", "Europe", "Weather"
        let mut menu: Vec<Line> = (0..4).map(|_| item(1, 0)).collect();
        mark_lists(&mut menu, &[false; 4]);
        assert!(is_menu(&menu));
        // "Screen around the pool", "Free wifi", "Roof opens from above", "Billiards"
        let mut features = vec![item(4, 2), item(2, 0), item(4, 1), item(1, 0)];
        mark_lists(&mut features, &[false; 4]);
        assert!(features.iter().all(|l| l.unit.evidence.is_none()));
    }

    #[test]
    fn menus_and_footer_go_the_headline_and_article_stay() {
        let p = page();
        let clean = applied_text(&p, &run_pass(&Furniture, &p));
        assert!(clean.contains("Mill to become a workshop"), "{clean}");
        assert!(clean.contains(ARTICLE.trim_end()), "{clean}");
        for gone in [
            "[logo]",
            "• Home",
            "Home » News",
            "Privacy Policy |",
            "© 2024",
        ] {
            assert!(!clean.contains(gone), "{gone} left in:\n{clean}");
        }
    }

    #[test]
    fn notes_give_the_evidence_used() {
        let p = page();
        let edits = run_pass(&Furniture, &p);
        let crumb = edits
            .iter()
            .find(|e| e.before.contains("Home » News"))
            .expect("breadcrumb removed");
        assert_eq!(crumb.rule, "furniture/breadcrumb");
        let note = crumb.note.as_deref().unwrap_or("");
        assert!(note.contains("breadcrumb of 3 steps"), "{note}");
        assert!(note.contains("main text runs from line"), "{note}");
    }

    #[test]
    fn text_without_furniture_is_left_alone() {
        // news one paragraph a line, as machine translation gives it
        let news = ARTICLE.replace("\n\n", "\n");
        assert!(run_pass(&Furniture, &news).is_empty());
        // a short menu-like line alone does not make a web copy
        let t = format!("Home | News | Sport\n\n{ARTICLE}");
        assert!(run_pass(&Furniture, &t).is_empty());
    }

    #[test]
    fn only_a_lowercase_word_runs_a_sentence_on() {
        assert!(runs_on(
            "the lines of a paper break off in",
            "the middle of a sentence",
            true
        ));
        assert!(runs_on("a clause, then a comma,", "über alles", true));
        // code, links and file names follow a web page's lines as closely
        assert!(!runs_on(
            "set-option -g mouse on",
            "set-option -s set-clipboard off",
            true
        ));
        assert!(!runs_on(
            "I have this in my .shenv (sourced by .bashrc):",
            "export CDPATH=~",
            true
        ));
        assert!(!runs_on(
            "LG Chem plant größte CAM-Fabrik der USA",
            "https://example.org/a.jpg 430 670",
            true
        ));
        assert!(!runs_on(
            "will find files in the current project",
            "bookmarks.el",
            true
        ));
        assert!(!runs_on(
            "Trauer um Thomas … https://t.co/GTI5",
            "vor 3 Tagen",
            true
        ));
        // a text the profile did not find a web copy keeps the plain test:
        // a paper's formulas and variables wrap so
        assert!(runs_on("where the energy of the state", "x denotes", false));
        assert!(runs_on("set-option -g mouse on", "set-option -s", false));
    }

    #[test]
    fn wrapped_lines_of_a_pdf_are_not_a_web_copy() {
        let wrapped: String = ARTICLE
            .split_whitespace()
            .collect::<Vec<_>>()
            .chunks(9)
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        let t = format!(
            "[logo]\n• Home\n• News\n• Sport\nHome » News » Local\n{wrapped}\n© 2024 The Town Paper\n"
        );
        assert!(run_pass(&Furniture, &t).is_empty());
    }

    #[test]
    fn an_unmarked_menu_far_above_the_text_goes_by_its_place() {
        // a site's list of regions, none of them the vocabulary's, between
        // a menu and a bracketed picture (too long a gap for a stretch of
        // furniture), then a box of market figures
        let regions = "Kettleworth\n\nBrindle Valley\n\nMarrow Heath\n\nOakfield Lane\n\nAshby Moor\n\nCrowhurst\n\nFen Ditton\n\nWillowmere\n\n";
        let figures: String = (1..=12)
            .map(|i| format!("Index {i}: 1{i},40{i} points\n\n"))
            .collect();
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\n{regions}[photo]\n\n{figures}Mill to become a workshop\n\n{ARTICLE}\nShare this:\nFacebook Twitter WhatsApp\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let edits = run_pass(&Furniture, &t);
        let head = edits
            .iter()
            .find(|e| e.rule == "furniture/head")
            .expect("the regions go by their place");
        assert!(head.confidence >= 0.8, "{head:?}");
        let note = head.note.as_deref().unwrap_or("");
        assert!(
            note.contains("short lines and lines of furniture before the main text"),
            "{note}"
        );
        let clean = applied_text(&t, &edits);
        assert!(!clean.contains("Brindle Valley"), "{clean}");
        // the figures are quantities: they break the run and stay
        assert!(clean.contains("Index 3: 13,403 points"), "{clean}");
        assert!(clean.contains("Mill to become a workshop"), "{clean}");
    }

    #[test]
    fn a_date_alone_goes_outside_the_text_and_stays_inside_it() {
        let inner = ARTICLE.replacen("\n\n", "\n\n4 June 2019\n\n", 1);
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\nTuesday, 11 June 2019, 15:54\n\nMill to become a workshop\n\n{inner}\nMore news\n\nJun 18th 2019\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let edits = run_pass(&Furniture, &t);
        let clean = applied_text(&t, &edits);
        assert!(!clean.contains("Jun 18th 2019"), "{clean}");
        assert!(clean.contains("4 June 2019"), "{clean}");
        assert!(clean.contains("Mill to become a workshop"), "{clean}");
        assert!(
            edits
                .iter()
                .any(|e| e.note.as_deref().is_some_and(|n| n.contains("CLDR")))
        );
    }

    #[test]
    fn a_bulleted_copy_above_the_text_goes_the_headline_stays() {
        // beyond the lines kept above the text (the headline, a kicker)
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\n  • Mill to become a workshop\n\nSubscribe\n\nToday\n\nLocal news\n\nMill to become a workshop\n\n{ARTICLE}\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let clean = applied_text(&t, &run_pass(&Furniture, &t));
        assert_eq!(
            clean.matches("Mill to become a workshop").count(),
            1,
            "{clean}"
        );
    }

    #[test]
    fn lines_said_again_outside_the_text_go_with_their_evidence() {
        // a caption's link line under two pictures, after the article
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\nHome » News » Local\n\nMill to become a workshop\n\n{ARTICLE}\nShare this:\nFacebook Twitter WhatsApp\n\nCopy the link\n\n[photo]\n\nCopy the link\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let edits = run_pass(&Furniture, &t);
        let clean = applied_text(&t, &edits);
        assert!(!clean.contains("Copy the link"), "{clean}");
        assert!(clean.contains("Mill to become a workshop"), "{clean}");
        // a line said twice inside the article is the article's own
        let inner = ARTICLE.replacen("\n\n", "\n\nThe vote\n\n", 1).replacen(
            "\n\nThe sale",
            "\n\nThe vote\n\nThe sale",
            1,
        );
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\nHome » News » Local\n\n{inner}\nPrivacy Policy | Imprint | Cookie Settings\n\n© 2024 The Town Paper\n"
        );
        let clean = applied_text(&t, &run_pass(&Furniture, &t));
        assert_eq!(clean.matches("The vote").count(), 2, "{clean}");
    }

    #[test]
    fn a_quoted_word_is_speech_not_a_button() {
        let sw = StopWords::get();
        let v = Vocabulary::get();
        let (button, _) = unit("Ok", None, sw, v, false, None);
        assert!(button.evidence.is_some());
        let (speech, _) = unit("„Ok.“", None, sw, v, false, None);
        assert_eq!(speech.evidence, None);
    }

    #[test]
    fn a_read_also_label_makes_a_teaser_line() {
        let sw = StopWords::get();
        let v = Vocabulary::get();
        let pl = sw.guess("Największy okręt Jej Królewskiej Mości szykuje się do dziewiczego rejsu, a to ma być powrót potęgi morskiej, której nie było od lat i która jest dla nich ważna.");
        for teaser in [
            "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
            "Lesen Sie auch: Was die neue Regel für Mieter bedeutet",
            "Read more » Why the mill closed?",
            // the labels news sites of other languages set inside the text
            "PUEDES VER: ¿Cuándo abre el nuevo mercado del barrio?",
            "Le puede interesar: El alcalde anuncia obras en la avenida",
            "Dowiedz się więcej: Kto wygrał wybory w gminie",
            "Lesen Sie hier: Warum die Fähre im Winter nicht fährt",
        ] {
            assert!(
                matches!(
                    read_also(teaser, v, sw, pl),
                    Some(Evidence::ReadAlso { .. })
                ),
                "{teaser}"
            );
        }
        let (credit, _) = unit("Foto: Sascha Klahn", pl, sw, v, false, None);
        assert!(matches!(credit.evidence, Some(Evidence::Credit { .. })));
        // a post's categories run longer than a credit's name
        let (tags, _) = unit(
            "Kategorie: Alle Beiträge, Garten, Blog, Bio Gemüse, Ohne Plastik",
            pl,
            sw,
            v,
            false,
            None,
        );
        assert!(matches!(tags.evidence, Some(Evidence::Credit { .. })));
        // the links to the posts before and after the text
        for pager in [
            "Vorheriger ArtikelDie neue Brücke über den Fluss",
            "← Warum die Fähre im Winter nicht fährt",
            "Die Stadt plant einen neuen Park →",
        ] {
            assert!(
                matches!(read_also(pager, v, sw, pl), Some(Evidence::ReadAlso { .. })),
                "{pager}"
            );
        }
        for text in [
            // an author's line with the place of work: the text's own
            "Autor: Steffen Pache, Landesanstalt für Landwirtschaft in Köllitsch",
            // the label's words are not all furniture's
            "Czytaj też książki: Wyścig zbrojeń ruszył z kopyta",
            // a sentence after the colon is the text's own
            "Mehr noch: die Stadt will in diesem Jahr sparen.",
            // no headline after the label
            "Lesen Sie auch:",
            // a name's capital inside the first words is no label's end
            "McKinsey rät den Städten zu neuen Parks",
            // an arrow before a sentence
            "← Zurück zur Übersicht.",
        ] {
            assert_eq!(read_also(text, v, sw, pl), None, "{text}");
        }
    }

    #[test]
    fn vocabulary_and_function_words_make_a_cue_menus_words_do_not() {
        let sw = StopWords::get();
        let v = Vocabulary::get();
        let en = sw.guess("We met in the town on Monday because there is a market there, and we wanted to see whether it is still the way it was when we were young.");
        let (call, _) = unit("Like it? Share it!", en, sw, v, false, None);
        assert!(
            matches!(
                call.evidence,
                Some(Evidence::Cue {
                    category: Vocab::Share,
                    ..
                })
            ),
            "{:?}",
            call.evidence
        );
        // a question of an interview with a menu's word in it
        let (question, _) = unit(
            "What are you looking forward to next?",
            en,
            sw,
            v,
            false,
            None,
        );
        assert_eq!(question.evidence, None);
        // a word beyond furniture's and function words
        let (heading, _) = unit("Share prices in the valley", en, sw, v, false, None);
        assert_eq!(heading.evidence, None);
    }

    #[test]
    fn sentences_may_end_inside_any_closing_quote() {
        for l in [
            "Er sagte: „Ok.“",
            "She said ‘no.’",
            "« Non. »",
            "‹ Ja. ›",
            "Done.",
        ] {
            assert!(ends_sentence(l), "{l}");
        }
        assert!(!ends_sentence("„Ok“"));
    }

    #[test]
    fn a_picture_or_an_invisible_mark_after_the_full_stop_ends_a_sentence() {
        assert!(ends_sentence("Stir fry to mix well.[DSC_0518-scaled]"));
        assert!(ends_sentence("Remove and drain on paper towels.\u{2063}"));
        assert!(ends_sentence("Serve hot. [photo] [photo]"));
        assert!(!ends_sentence("Oculus Link [photo]"));
    }

    #[test]
    fn data_rows_are_short_pairs_quantities_and_columns() {
        for (line, bulleted) in [
            ("Lieferzeit: 2-3 Werktage", false),
            ("Material: Edelstahl", false),
            ("More on the maker's own site: example.com", false),
            ("120 g flat rice noodles (kway teow)", true),
            ("SEPA (EUR)                  0.15 EUR", false),
        ] {
            assert!(is_data_row(line, bulleted), "{line}");
        }
        for (line, bulleted) in [
            (
                "Avengers: How Thanos came to life with machine learning",
                false,
            ),
            ("5 tips for a calmer morning", false),
            ("The mill reopens in spring", true),
        ] {
            assert!(!is_data_row(line, bulleted), "{line}");
        }
    }

    #[test]
    fn a_pitch_after_the_text_goes_the_text_speaking_of_comments_stays() {
        let t = format!(
            "[logo]\n\n  • Home\n  • News\n  • Sport\n  • Contact\n\nHome » News » Local\n\nMill to become a workshop\n\n{ARTICLE}\nLet us know what you think, we read all the comments.\n\nGet our free newsletter every Friday: enter your email address and subscribe now.\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let edits = run_pass(&Furniture, &t);
        let clean = applied_text(&t, &edits);
        assert!(!clean.contains("Get our free newsletter"), "{clean}");
        // plain words of comments only: a closing line of the text's own
        assert!(clean.contains("Let us know what you think"), "{edits:#?}");
        let pitch = edits
            .iter()
            .find(|e| e.rule == "furniture/pitch")
            .expect("a pitch");
        let note = pitch.note.as_deref().unwrap_or("");
        assert!(note.contains("\"enter your email\""), "{note}");
    }

    #[test]
    fn a_sites_notice_after_the_text_goes_by_its_words_a_list_item_stays() {
        // two lines after the article, then the site's notices: the
        // closing sentence just below the text is protected, the
        // newsletter's sentence (one telling word) and the cookie
        // sentence go; a numbered item that names cookies the food stays
        let t = format!(
            "[logo]\n\n  • Home\n  • News\n  • Sport\n  • Contact\n\nHome » News » Local\n\nMill to become a workshop\n\n{ARTICLE}\nPrivacy Policy | Imprint | Terms\n\n12. Why did the cookie cross the road?\n\nOur newsletter brings you the week's stories every Friday morning.\n\nThis site uses cookies to give you the best experience of it.\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let edits = run_pass(&Furniture, &t);
        let clean = applied_text(&t, &edits);
        assert!(clean.contains(ARTICLE.trim_end()), "{clean}");
        assert!(!clean.contains("Our newsletter brings you"), "{clean}");
        assert!(!clean.contains("This site uses cookies"), "{clean}");
        assert!(clean.contains("12. Why did the cookie"), "{edits:#?}");
        let notice = edits
            .iter()
            .find(|e| e.rule == "furniture/site-notice")
            .expect("a site's notice");
        let note = notice.note.as_deref().unwrap_or("");
        assert!(
            note.contains("\"newsletter\"") && note.contains("lines after the main text"),
            "{note}"
        );
    }

    #[test]
    fn a_numbered_item_is_told_by_its_number_and_stop() {
        assert!(is_enumerated("26. Why did the cookie go to the hospital?"));
        assert!(is_enumerated("3) Mix the flour"));
        assert!(!is_enumerated("2020 was a year"));
        assert!(!is_enumerated("© 2024 The Town Paper"));
    }

    #[test]
    fn a_blocks_last_line_goes_after_the_line_above_it() {
        // two lines of one block, each with its own evidence: the second
        // edit takes the line break the first one took already
        let t = format!(
            "[logo]\n\n  • Home\n  • News\n  • Sport\n  • Contact\n\nHome » News » Local\n\nMill to become a workshop\n\n{ARTICLE}\n© 2024 The Town Paper. All rights reserved. Printed by the Town Press.\nPrivacy Policy | Imprint | Credits\n"
        );
        let clean = applied_text(&t, &run_pass(&Furniture, &t));
        assert!(!clean.contains("© 2024"), "{clean}");
        assert!(!clean.contains("Imprint | Credits"), "{clean}");
    }

    #[test]
    fn a_list_beside_the_text_is_kept() {
        let t = format!(
            "[logo]\n\nHome | News | Sport\n\nHome » News » Local\n\n{ARTICLE}\nYou will need:\n\n  • two cups of flour\n  • one egg\n  • a pinch of salt\n\nThe dough should rest for an hour before it is rolled out, so that it does not tear when it is cut.\n\nPrivacy Policy | Imprint | Cookie Settings\n"
        );
        let clean = applied_text(&t, &run_pass(&Furniture, &t));
        assert!(clean.contains("• one egg"), "{clean}");
    }
}
