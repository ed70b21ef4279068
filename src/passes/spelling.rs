//! `spelling`: misspellings and wrong capitalisation in English text, judged
//! against a maintained dictionary (SCOWL size 50 as Debian's `wamerican`
//! ships it, `rules/en-words.txt`), never against a list of errors.
//!
//! Three kinds, as professional raters of machine translation mark them
//! (MQM "Fluency/Spelling"):
//!
//! - `spelling/capital`: a common word capitalised in mid-sentence ("the
//!   orbit, for example, In orbit", "every family should have, You can
//!   see"). The dictionary knows the word only in lowercase; a name (the
//!   dictionary lists it capitalised, or the document writes it capitalised
//!   in mid-sentence elsewhere), a word beside another capitalised one (a
//!   title, a multi-word name) and headline-style text are left alone.
//!   Applied for function words after a comma, proposed for other function
//!   words and for content words the document also writes in lowercase;
//!   a content word it never writes in lowercase may be a term or a name.
//! - `spelling/sentence-start`: a sentence or, in MT output of one segment
//!   a paragraph, a segment that starts in lowercase after a finished
//!   sentence ("Thank you. thank you all.", "(applause)"). Not after an
//!   abbreviation, an ellipsis, initials or a number.
//! - `spelling/misspelling`: a lowercase word the dictionary does not know,
//!   nor a larger one (SCOWL 70, American and British: "asymptomatic",
//!   "convective", "euphorbia", "epicentre" are rare words, not typos),
//!   used once in the document, that is no code, number, URL part, common
//!   word of another language or Latin name ("philodendron selloum": an
//!   ending its neighbours lack); the dictionary words one edit away are
//!   proposed with it, never applied: without word frequencies no
//!   candidate is overwhelmingly likely. An inflection the dictionary
//!   lacks ("procurements" beside "procurement") is no typo.
//!
//! English MT output, prose and chat answers only (the registry scopes the
//! rule; each block's language is checked too): in a PDF extract or a web
//! copy, headings, captions, menus and code run into the sentences.
//!
//! Why a word list and not `harper-core` (crates.io 3.0.0, Apache-2.0):
//! the raters' spelling marks on the MQM dev set are capitalisation
//! (58 of 92 are "the earth/sun/moon", which raters left unmarked 93 times
//! in segments they found clean), stage directions and split compounds,
//! with no typo at all, so a fuller checker has nothing more to find there;
//! and harper-core, even without default features, brings 257 crates
//! (the `burn` machine-learning framework among them, through
//! `harper-brill`) where emend has about 100, and its release build at
//! one job took about 85 minutes on the shared two-core development
//! machine. Its curated lint group over the MQM dev texts (395 KB) took
//! 1.8 s to load and 16 s to run, about 24 KB/s where the whole emend
//! pipeline converts about 1.5 MB/s, and 270 of its 841 lints were
//! spelling flags, led by names and terms the document uses many times
//! (LISA, LIGO, Alocasia, ylang). The list is 0.7 MB of data, no
//! dependency, and a hash look-up per word; the rare words of SCOWL 70
//! (2 MB) are searched only for a word SCOWL 50 lacks. On the WMT21 news
//! texts (systems and references) they leave 47 misspelling proposals:
//! the rare words are gone ("asymptomatic", "convective", "rehydration",
//! "ahistorical", "epicentre"), the typos kept ("famiiy", "necause",
//! "forgetten", "togethe"). A word made wholly of pinyin syllables
//! ("sanhe", "wanli": Chinese left untranslated, most of what was wrong
//! there) is not judged: romanised Chinese is no English typo.

use super::{Context, Pass, Proposals};
use crate::analysis::dictionary::{dictionary_entry, is_dictionary_word, is_rare_word};
use crate::analysis::function_words::function_words;
use crate::analysis::pinyin::pinyin_syllables;
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::names::common::CommonWords;
use crate::profile::{Lang, SourceKind};
use crate::span::Span;
use foldhash::HashMap;

/// See the module documentation.
pub struct Spelling;

/// A function word capitalised in mid-sentence after a comma: certain.
const CAPITAL_FUNCTION: f32 = 0.85;
/// A content word capitalised in mid-sentence, written lowercase elsewhere.
const CAPITAL_ATTESTED: f32 = 0.6;
/// A lowercase word after a full stop that ends a sentence: certain.
const START_AFTER_STOP: f32 = 0.85;
/// A lowercase word after `?` or `!`: interjections and titles ("Yahoo!")
/// make it less sure.
const START_AFTER_MARK: f32 = 0.7;
/// A segment of MT output starting lowercase after a finished one.
const START_OF_SEGMENT: f32 = 0.85;
/// One dictionary word one edit away that the document uses elsewhere:
/// likely, but without word frequencies never overwhelmingly so (a rare
/// word the dictionary lacks has neighbours too), so proposed.
const MISSPELLING_ATTESTED: f32 = 0.7;
/// One dictionary word one edit away.
const MISSPELLING_ONE: f32 = 0.6;
/// Several dictionary words one edit away, one of them in the document.
const MISSPELLING_SEVERAL: f32 = 0.4;
/// The shortest word judged for misspelling: short unknown tokens are
/// abbreviations and codes more often than typos.
const MIN_MISSPELLING_CHARS: usize = 5;
/// Endings of Latin nouns and adjectives as scientific names use them
/// (genus, species epithet).
const LATIN_ENDINGS: &[&str] = &["um", "us", "ae", "ii", "ia", "ensis", "oides"];
/// A block whose mid-sentence words are capitalised this often or more is
/// headline style, where capitals are the style, not errors.
const HEADLINE_SHARE: f32 = 0.3;

/// Personal pronouns: a closed class, never a name in mid-sentence.
const PRONOUNS: &[&str] = &[
    "you", "we", "they", "he", "she", "it", "me", "us", "them", "him", "its",
];

/// A word of a block: its span in the source and its text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Where in its sentence the word stands.
    place: Place,
    /// Glued to a digit, `_`, `/`, `@` or a dot between letters: part of
    /// a code, a number, a path or an address.
    code: bool,
}

/// Where a word stands in its sentence, judged from what precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// First in its block, after opening brackets or quotes at most.
    BlockStart,
    /// After a mark that ends a sentence and a space; the mark.
    AfterMark(char),
    /// After a letter, a digit, a comma or a semicolon and a space.
    Mid,
    /// After anything else (a dash, a colon, a bracket, a quote).
    Other,
}

impl Pass for Spelling {
    fn id(&self) -> &'static str {
        "spelling"
    }

    fn description(&self) -> &'static str {
        "Misspellings and wrong capitalisation in English text against a dictionary (SCOWL): a common word capitalised in mid-sentence, a sentence or MT segment begun in lowercase, an unknown word with the dictionary words one edit away; names, codes, foreign words and words the document uses elsewhere left alone."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let blocks: Vec<(usize, Vec<Word<'_>>)> = cx
            .doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                matches!(b.kind, BlockKind::Paragraph | BlockKind::Abstract)
                    && cx.profile.block_lang(*i) == Lang::EN
                    && cx.profile.verbatim_block(*i).is_none()
            })
            .map(|(i, b)| (i, words(text, b.span)))
            .collect();
        let stats = Stats::of(blocks.iter().flat_map(|(_, ws)| ws.iter()));
        let segments = cx.profile.kind == SourceKind::MtNews;
        for (i, ws) in &blocks {
            let headline = headline(ws);
            for (k, w) in ws.iter().enumerate() {
                if w.code || cx.is_protected(Span::new(w.start, w.end)) {
                    continue;
                }
                let prev = k.checked_sub(1).map(|p| &ws[p]);
                let next = &ws[k + 1..(k + 3).min(ws.len())];
                let edit = if !headline && w.place == Place::Mid {
                    capital(text, w, prev, next, &stats)
                } else {
                    None
                }
                .or_else(|| sentence_start(cx, *i, w, prev, segments))
                .or_else(|| misspelling(text, w, &stats));
                out.edits.extend(edit);
            }
        }
    }
}

/// How the document uses its words.
#[derive(Default)]
struct Stats<'a> {
    /// Uses of each word, as written.
    uses: HashMap<&'a str, usize>,
    /// Uses of each word written all in lowercase, as written.
    lower: HashMap<&'a str, usize>,
    /// Uses of each capitalised word in mid-sentence, as written.
    capital_mid: HashMap<&'a str, usize>,
}

impl<'a> Stats<'a> {
    fn of<'w>(words: impl Iterator<Item = &'w Word<'a>>) -> Self
    where
        'a: 'w,
    {
        let mut s = Stats::default();
        for w in words {
            *s.uses.entry(w.text).or_default() += 1;
            if w.text.chars().all(char::is_lowercase) {
                *s.lower.entry(w.text).or_default() += 1;
            } else if w.place == Place::Mid && capitalised(w.text) {
                *s.capital_mid.entry(w.text).or_default() += 1;
            }
        }
        s
    }
}

/// True if `w` is an initial capital followed by lowercase letters.
fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.clone().count() > 0
        && cs.all(char::is_lowercase)
}

/// The words of the block at `span`: runs of letters, with apostrophes
/// between letters ("don't", "bull's").
fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let s = span.of(text);
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphabetic() {
                end = j + d.len_utf8();
                it.next();
            } else if matches!(d, '\'' | '’')
                && s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
            {
                it.next();
            } else {
                break;
            }
        }
        let before = s[..i].chars().next_back();
        let after = s[end..].chars().next();
        let glued = |c: Option<char>| {
            c.is_some_and(|c| c.is_numeric() || matches!(c, '_' | '/' | '@' | '\\'))
        };
        let dotted = before == Some('.')
            && s[..i]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(char::is_alphanumeric)
            || after == Some('.')
                && s[end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
        out.push(Word {
            start: span.start + i,
            end: span.start + end,
            text: &s[i..end],
            place: place(&s[..i]),
            code: glued(before) || glued(after) || dotted,
        });
    }
    out
}

/// Where a word stands, from the block's text before it.
fn place(before: &str) -> Place {
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed
        .chars()
        .all(|c| matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '„') || c.is_whitespace())
    {
        return Place::BlockStart;
    }
    if trimmed.len() == before.len() {
        return Place::Other;
    }
    // a separator stranded after a finished sentence ("on the 25th. ,
    // The last"; `punctuation/orphan` takes it out): the word opens the
    // next sentence
    let stranded = trimmed
        .strip_suffix([',', ';'])
        .map(|t| t.trim_end_matches([' ', '\t']))
        .and_then(|t| t.chars().next_back())
        .filter(|c| matches!(c, '.' | '!' | '?'));
    match stranded.or(trimmed.chars().next_back()) {
        Some(c @ ('.' | '!' | '?')) => Place::AfterMark(c),
        Some(c) if c.is_alphanumeric() || matches!(c, ',' | ';') => Place::Mid,
        _ => Place::Other,
    }
}

/// True if most words of a block are capitalised in mid-sentence: a
/// headline or a title, written in title case.
fn headline(ws: &[Word<'_>]) -> bool {
    let mid: Vec<&Word<'_>> = ws.iter().filter(|w| w.place == Place::Mid).collect();
    let caps = mid.iter().filter(|w| capitalised(w.text)).count();
    !mid.is_empty() && caps as f32 >= HEADLINE_SHARE * mid.len() as f32
}

/// `spelling/capital`: a common word capitalised in mid-sentence.
fn capital(
    text: &str,
    w: &Word<'_>,
    prev: Option<&Word<'_>>,
    next: &[Word<'_>],
    stats: &Stats<'_>,
) -> Option<Edit> {
    if !capitalised(w.text) {
        return None;
    }
    let lower = w.text.to_lowercase();
    let closed = function_words().is_function(&lower) || PRONOUNS.contains(&lower.as_str());
    // the dictionary lists "In", "At", "He" as chemical symbols: a closed
    // class word is judged without its capitalised entry
    if !is_dictionary_word(&lower)
        || (!closed && is_dictionary_word(w.text))
        || stats.capital_mid.get(w.text).copied().unwrap_or(0) > 1
    {
        return None;
    }
    let beside_capital = |o: Option<&Word<'_>>| {
        o.is_some_and(|o| o.text.chars().next().is_some_and(char::is_uppercase) && o.text != "I")
    };
    // a title opens with a function word too ("the play In the Distance")
    if beside_capital(prev) || next.iter().any(|n| beside_capital(Some(n))) {
        return None;
    }
    let elsewhere = stats.lower.get(lower.as_str()).copied().unwrap_or(0);
    // after a bare word the capital may open a sentence whose stop is
    // missing ("his daughter Despite the singer"): only after a comma or a
    // semicolon is the capital itself the error
    let after_comma = prev.is_some_and(|p| {
        text[p.end..w.start]
            .trim_end_matches(' ')
            .ends_with([',', ';'])
    });
    let (confidence, evidence) = if closed && after_comma {
        (
            CAPITAL_FUNCTION,
            "a function word, never a name, after a comma".to_string(),
        )
    } else if closed {
        (
            CAPITAL_ATTESTED,
            "a function word, never a name, but a full stop may be missing before it".to_string(),
        )
    } else if elsewhere > 0 {
        (
            CAPITAL_ATTESTED,
            format!("the document writes \"{lower}\" in lowercase {elsewhere} time(s)"),
        )
    } else {
        // a content word the document never writes in lowercase may be a
        // name or a term the dictionary lacks ("the Centaur", "Obsidian")
        return None;
    };
    Some(
        Edit::new(
            text,
            Span::new(w.start, w.start + w.text.chars().next()?.len_utf8()),
            lower[..lower.chars().next()?.len_utf8()].to_string(),
            "spelling/capital",
            Category::Translation,
            confidence,
        )
        .with_note(format!(
            "\"{}\" capitalised in mid-sentence (after \"{}\"): the dictionary knows it only in lowercase; {evidence}",
            w.text,
            prev.map_or("", |p| p.text)
        )),
    )
}

/// `spelling/sentence-start`: a sentence, or a segment of MT output, that
/// starts with a lowercase dictionary word after a finished sentence.
fn sentence_start(
    cx: &Context<'_>,
    block: usize,
    w: &Word<'_>,
    prev: Option<&Word<'_>>,
    segments: bool,
) -> Option<Edit> {
    let text = cx.text;
    // one letter after a stop is a unit or an initial ("sq. m", "p. 5");
    // a word alone before the next stop ("conflicts. in.") is a stray
    // fragment, not a sentence to capitalise
    if w.text.len() < 2
        || !w.text.chars().all(|c| c.is_ascii_lowercase())
        || !is_dictionary_word(w.text)
        || !text[w.end..].starts_with([' ', ','])
    {
        return None;
    }
    let (confidence, evidence) = match w.place {
        Place::AfterMark(mark) => {
            let p = prev?;
            let gap = &text[p.end..w.start];
            // the mark right after the previous word, then spaces only: no
            // ellipsis, no closing quote ("Really?" she asked), no number
            if !gap.starts_with(mark)
                || !gap[1..].trim_start_matches(' ').is_empty()
                || gap.len() < 2
            {
                return None;
            }
            // a capitalised word before the stop may be an abbreviated
            // name ("Mass.", "Govt."): only a lowercase dictionary word
            if p.code
                || p.text.chars().count() < 2
                || function_words().is_abbreviation(p.text)
                || !p.text.chars().all(char::is_lowercase)
                || !is_dictionary_word(p.text)
            {
                return None;
            }
            if mark == '.' {
                (
                    START_AFTER_STOP,
                    format!("after \"{}.\", a dictionary word ending a sentence", p.text),
                )
            } else {
                (START_AFTER_MARK, format!("after \"{}{mark}\"", p.text))
            }
        }
        Place::BlockStart if segments && cx.doc.blocks[block].kind == BlockKind::Paragraph => {
            // a stage direction in brackets ("(applause)") is no sentence:
            // its case is the transcript's convention
            if text[cx.doc.blocks[block].span.start..w.start].contains(['(', '[']) {
                return None;
            }
            // a segment is one line; a lowercase block of several lines or
            // a caption written twice is a reader's comment or an image's
            // text ("hi there!⏎I feel…"), whose case is the page's, as a
            // web copy cleaned of its furniture shows them
            if !is_segment_line(cx.doc.blocks[block].span.of(text)) {
                return None;
            }
            let before = cx.doc.blocks[..block].last()?;
            let end = before
                .span
                .of(text)
                .trim_end_matches([')', ']'])
                .chars()
                .next_back()?;
            if !matches!(end, '.' | '!' | '?') {
                return None;
            }
            (
                START_OF_SEGMENT,
                format!("a segment of MT output after one that ends with \"{end}\""),
            )
        }
        _ => return None,
    };
    let first = w.text.chars().next()?;
    Some(
        Edit::new(
            text,
            Span::new(w.start, w.start + first.len_utf8()),
            first.to_uppercase().to_string(),
            "spelling/sentence-start",
            Category::Translation,
            confidence,
        )
        .with_note(format!(
            "\"{}\" starts a sentence in lowercase: {evidence}",
            w.text
        )),
    )
}

/// A block of one line, the shape of a segment of MT output, that is not
/// an image's caption written twice (its alt text and its caption, as a
/// web copy gives them: "fresh lemon seeds fresh lemon seeds", "first
/// leaveshow to grow … first leaves").
fn is_segment_line(block: &str) -> bool {
    let line = block.trim();
    if line.contains('\n') {
        return false;
    }
    let half = line.len() / 2;
    let doubled = |a: Option<&str>, b: Option<&str>| a.is_some() && a == b;
    !(doubled(line.get(..half), line.get(half..))
        || doubled(line.get(..half), line.get(half + 1..)))
}

/// `spelling/misspelling`: a lowercase word the dictionary does not know,
/// with the dictionary words one edit away.
fn misspelling(text: &str, w: &Word<'_>, stats: &Stats<'_>) -> Option<Edit> {
    if !w.text.chars().all(|c| c.is_ascii_lowercase())
        || w.text.len() < MIN_MISSPELLING_CHARS
        || is_dictionary_word(w.text)
        || stats.uses.get(w.text).copied().unwrap_or(0) > 1
        || CommonWords::get().is_common(w.text, None)
        || is_rare_word(w.text)
        || pinyin_syllables(w.text).is_some()
    {
        return None;
    }
    // a word glued to a hyphen is a part of a compound or a wrapped word
    let around = (
        text[..w.start].chars().next_back(),
        text[w.end..].chars().next(),
    );
    if around.0 == Some('-') || around.1 == Some('-') {
        return None;
    }
    let candidates = one_edit_away(w.text);
    // "procurements" beside "procurement": an inflection the dictionary
    // lacks, not a typo
    if candidates.iter().any(|c| {
        w.text
            .strip_prefix(c)
            .is_some_and(|end| matches!(end, "s" | "d" | "r" | "y"))
    }) {
        return None;
    }
    // a Latin ending that every neighbour lacks ("philodendron selloum",
    // not "sellout"): a scientific name or its epithet, which no English
    // dictionary lists, not a typo
    if let Some(ending) = LATIN_ENDINGS.iter().find(|e| w.text.ends_with(**e))
        && candidates.iter().all(|c| !c.ends_with(ending))
    {
        return None;
    }
    let attested: Vec<&&str> = candidates
        .iter()
        .filter(|c| stats.uses.contains_key(**c))
        .collect();
    let best = attested
        .first()
        .map_or(candidates.first().copied(), |c| Some(**c));
    let (confidence, evidence) = match (candidates.len(), attested.len()) {
        (0, _) => return None,
        (1, 1) => (
            MISSPELLING_ATTESTED,
            format!(
                "the only dictionary word one edit away, used {} time(s) elsewhere in the document",
                stats.uses[candidates[0]]
            ),
        ),
        (1, _) => (
            MISSPELLING_ONE,
            "the only dictionary word one edit away".to_string(),
        ),
        // several neighbours and none in the document: a rare word the
        // dictionary lacks (a plant's Latin name, slang) as often as a typo
        (_, 0) => return None,
        (n, _) => (
            MISSPELLING_SEVERAL,
            format!(
                "{n} dictionary words one edit away, the document uses this one: {}",
                candidates
                    .iter()
                    .take(6)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    };
    Some(
        Edit::new(
            text,
            Span::new(w.start, w.end),
            best?,
            "spelling/misspelling",
            Category::Translation,
            confidence,
        )
        .with_note(format!(
            "\"{}\" is not in the dictionary (SCOWL) and used once; \"{}\": {evidence}",
            w.text, best?
        )),
    )
}

/// The lowercase dictionary words one deletion, transposition,
/// substitution or insertion away from `w` (ASCII lowercase), sorted.
fn one_edit_away(w: &str) -> Vec<&'static str> {
    let b = w.as_bytes();
    let mut out: Vec<&'static str> = Vec::new();
    let mut try_word = |v: &[u8]| {
        let v = std::str::from_utf8(v).expect("ASCII");
        if let Some(w) = dictionary_entry(v) {
            out.push(w);
        }
    };
    let mut v = Vec::with_capacity(b.len() + 1);
    for i in 0..b.len() {
        v.clear();
        v.extend_from_slice(&b[..i]);
        v.extend_from_slice(&b[i + 1..]);
        try_word(&v);
        if i + 1 < b.len() && b[i] != b[i + 1] {
            v.clear();
            v.extend_from_slice(b);
            v.swap(i, i + 1);
            try_word(&v);
        }
    }
    for i in 0..=b.len() {
        for c in b'a'..=b'z' {
            v.clear();
            v.extend_from_slice(&b[..i]);
            v.push(c);
            v.extend_from_slice(&b[i..]);
            try_word(&v);
            if i < b.len() && b[i] != c {
                v.clear();
                v.extend_from_slice(b);
                v[i] = c;
                try_word(&v);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass_as, run_pass_in};

    fn mend(t: &str) -> String {
        applied_text(t, &run_pass_in(&Spelling, t, "en"))
    }

    #[test]
    fn a_function_word_capitalised_in_mid_sentence_is_lowered() {
        assert_eq!(
            mend("Put the planet in its orbit, for example, In orbit thirty kilometres away."),
            "Put the planet in its orbit, for example, in orbit thirty kilometres away."
        );
        assert_eq!(
            mend("Every family should have one, You can see that they are real."),
            "Every family should have one, you can see that they are real."
        );
        // a missing full stop is as likely as a wrong capital: proposed
        let t = "Her father backs the plan despite his daughter Despite her campaign.";
        let edits = run_pass_in(&Spelling, t, "en");
        assert_eq!(edits.len(), 1);
        assert!(edits[0].confidence < 0.8);
    }

    #[test]
    fn names_titles_and_headlines_keep_their_capitals() {
        for t in [
            "We flew to Paris with Bill and the Sun newspaper.",
            "She read Gone With the Wind twice in a summer.",
            "The group staged the play In the Distance in spring.",
            "How To Make Money With Your Old Phone Today",
            "The model calls it Light here, and Light there, and Light again.",
            // a comma stranded after a finished sentence: "The" opens the next
            "The third student died on the 25th. , The last student died later.",
        ] {
            assert_eq!(mend(t), t, "{t}");
        }
    }

    #[test]
    fn a_content_word_capitalised_in_mid_sentence_is_only_proposed() {
        let t = "You can feel very, very Different textures with different fingers.";
        let edits = run_pass_in(&Spelling, t, "en");
        assert_eq!(edits.len(), 1);
        assert!(edits[0].confidence < 0.8);
        assert!(
            edits[0]
                .note
                .as_deref()
                .unwrap()
                .contains("lowercase 1 time"),
            "{:?}",
            edits[0].note
        );
    }

    #[test]
    fn a_sentence_begun_in_lowercase_is_capitalised() {
        assert_eq!(
            mend("Thank you. thank you all."),
            "Thank you. Thank you all."
        );
        for t in [
            "We met Mr. and Mrs. Smith, etc. and others.",
            "It was the U.S. economy that grew... and grew.",
            "\"Really?\" she asked. See p. 5 and fig. 2 for more.",
            "The value was 3.5 mm in version 2. then it changed.",
            "A flat of forty sq. m in the centre.",
            "He won the Mass. seat in the autumn.",
            "They have been in conflicts. in.\n",
        ] {
            assert_eq!(mend(t), t, "{t}");
        }
    }

    #[test]
    fn an_mt_segment_begun_in_lowercase_after_a_finished_one_is_capitalised() {
        let edits = |t: &str| {
            let edits = run_pass_as(&Spelling, t, "en", Some(SourceKind::MtNews));
            applied_text(t, &edits)
        };
        assert_eq!(
            edits("Thank you all for coming.\n\nthank you very much.\n"),
            "Thank you all for coming.\n\nThank you very much.\n"
        );
        let direction = "Thank you all for coming.\n\n(applause)\n";
        assert_eq!(edits(direction), direction);
        let attribution = "\"We stay here. \"\n\nshe said in his defence.\n";
        assert_eq!(edits(attribution), attribution);
        let cont = "The flies could not help it, and they\n\nfly into the trap, all of them.\n";
        assert_eq!(edits(cont), cont);
        // a caption written twice (alt text and caption), a reader's
        // comment of several lines: no segment (a cleaned web copy reads as
        // one segment a paragraph); a headline without a stop is one
        let headline = "Keep the soil moist.\n\nspokesman of the embassy: the plan stands\n";
        assert!(edits(headline).contains("\nSpokesman"));
        let caption = "Keep the soil moist.\n\nfresh lemon seeds fresh lemon seeds\n";
        assert_eq!(edits(caption), caption);
        let comment = "Keep the soil moist.\n\nhi there!\nI feel discouraged by it.\n";
        assert_eq!(edits(comment), comment);
    }

    #[test]
    fn an_unknown_word_gets_its_dictionary_neighbours() {
        let t = "The law will do away with orderign parties tomorrow.";
        let edits = run_pass_in(&Spelling, t, "en");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].after, "ordering");
        assert!(edits[0].confidence < 0.8, "proposed only");
        // "receive" and "relieve" are both one edit away, neither used
        assert!(run_pass_in(&Spelling, "We will recieve the letters.", "en").is_empty());
        let t = "They recieve it today and receive more tomorrow.";
        let edits = run_pass_in(&Spelling, t, "en");
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].after, "receive");
        let note = edits[0].note.as_deref().unwrap();
        assert!(
            note.contains("the document uses this one: receive, relieve"),
            "{note}"
        );
        let t = "Participants in procurements follow the procurement rules.";
        assert!(run_pass_in(&Spelling, t, "en").is_empty());
        // words a larger dictionary knows: rare, technical or British
        for t in [
            "This is the calla plant, the euphorbia, the spotted-leaf arum.",
            "Most infected people stay asymptomatic for days.",
            "The epicentre lay forty kilometres north of the town.",
            "This is the philodendron selloum, a climbing plant.",
        ] {
            assert!(run_pass_in(&Spelling, t, "en").is_empty(), "{t}");
        }
    }

    #[test]
    fn codes_foreign_words_and_repeated_terms_stay() {
        for t in [
            "Run the binary foobarx2 on host srv-abcde and see www.examplx.com today.",
            "The qubitz model and the qubitz theory agree on this point.",
            "He said bonjour and schadenfreude to everyone there.",
        ] {
            assert_eq!(mend(t), t, "{t}");
            assert!(
                run_pass_in(&Spelling, t, "en")
                    .iter()
                    .all(|e| e.rule != "spelling/misspelling" || e.before != "qubitz"),
                "{t}"
            );
        }
    }

    #[test]
    fn pinyin_left_untranslated_is_no_typo() {
        // "sanhe" is one deletion from "sane", but made of pinyin syllables
        let t = "They walked to the sanhe market before dawn.";
        assert!(one_edit_away("sanhe").contains(&"sane"));
        assert!(run_pass_in(&Spelling, t, "en").is_empty(), "{t}");
        // a typo that is no pinyin is still proposed
        let t = "They walked to the markte before dawn.";
        assert_eq!(run_pass_in(&Spelling, t, "en").len(), 1, "{t}");
    }

    #[test]
    fn one_edit_away_finds_all_four_operations() {
        assert!(one_edit_away("recieve").contains(&"receive"));
        assert!(one_edit_away("teh").contains(&"the"));
        assert!(one_edit_away("bokk").contains(&"book"));
        assert!(one_edit_away("boook").contains(&"book"));
        assert!(one_edit_away("bok").contains(&"book"));
    }
}
