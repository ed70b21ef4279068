//! `quotes`: one quote, apostrophe and dash style per document.
//!
//! Texts pasted from several sources mix “curly” and "straight" quotes and
//! ’ and ' apostrophes. By default the document's dominant style wins, counted
//! separately for double quotes and for single quotes/apostrophes; options
//! force curly or straight. Straight-to-curly needs a guess at opening vs
//! closing, made from the neighbouring characters, so it is slightly less
//! certain than curly-to-straight.
//!
//! Dashes between words follow the same policy (`quotes/dash`): a document
//! that writes some dashes as ASCII `--` and others as `—` or a spaced `–`
//! gets its dominant form throughout, the form written at least twice as
//! often as each other one. A page that writes "—" nine times and "–"
//! seven (a quoted tweet's attribution beside the article's own dashes)
//! has two styles, not a dominant one, and keeps both; but where one of
//! the two is ASCII `--`, a typewriter's stand-in for the dash the
//! document also writes properly, the typographic dash wins (eleven `--`
//! and eight `—` become nineteen `—`). Only the mark is replaced, the
//! spacing around it stays. `--quotes curly` makes ASCII `--` the
//! document's typographic dash (an em dash if it has none), `--quotes
//! straight` makes `—` and a spaced `–` into `--`; by default a document
//! that only ever writes `--` keeps it: that is a typographic
//! choice, not a mixed style. A spaced hyphen is not counted: tokenised MT
//! output spaces the hyphens of compounds too ("space - time").
//!
//! Only English quotation marks are judged so: in a block whose language
//! quotes otherwise (German „…“ where “ closes, Polish „…”, French « … »,
//! Russian «…»; the document profile says which), quotation marks are left
//! as they are and only apostrophes inside words follow the style.

use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_xml_forbidden;
use crate::analysis::sites::Sites;
use crate::edit::{Category, Edit};
use crate::profile::Typography;
use crate::span::Span;

/// Which quote style the document should end up with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum QuoteStyle {
    /// Keep the document's dominant style and make the rest match it.
    #[default]
    Dominant,
    /// Typographic quotes: “ ” ‘ ’.
    Curly,
    /// Typewriter quotes: " '.
    Straight,
}

/// See the module documentation.
pub struct Quotes {
    style: QuoteStyle,
}

impl Quotes {
    /// The rule with a style policy.
    pub fn new(style: QuoteStyle) -> Self {
        Quotes { style }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Curly,
    Straight,
}

/// A dash written between words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dash {
    /// ASCII `--`, spaced or glued to two words.
    Double,
    /// `—`.
    Em,
    /// `–` with a space either side (unspaced, it joins a range: 1990–2000).
    En,
}

impl Dash {
    fn mark(self) -> &'static str {
        match self {
            Dash::Double => "--",
            Dash::Em => "—",
            Dash::En => "–",
        }
    }
}

/// A dash found in a text: where, its form, its spacing.
#[derive(Debug, Clone, Copy)]
struct DashAt {
    /// Byte offset of the mark.
    at: usize,
    /// Its length in bytes.
    len: usize,
    dash: Dash,
    /// A space on each side of it.
    spaced: bool,
}

/// The dashes of `s` used between words.
/// A run of three hyphens or more (a rule, a separator), a doubled em dash
/// (the Chinese `——`, the `untranslated` rule's) and `--` glued to one side
/// only (a command-line option) are no dash.
fn dashes(s: &str) -> Vec<DashAt> {
    let mut out = Vec::new();
    for (i, c) in memchr::memchr2_iter(b'-', 0xE2, s.as_bytes())
        .filter_map(|i| Some((i, s[i..].chars().next()?)))
    {
        let prev = s[..i].chars().next_back();
        let spaced = |len: usize| prev == Some(' ') && s[i + len..].starts_with(' ');
        let mut push = |len: usize, dash: Dash| {
            out.push(DashAt {
                at: i,
                len,
                dash,
                spaced: spaced(len),
            });
        };
        match c {
            '-' if s[i..].starts_with("--") && !s[i..].starts_with("---") && prev != Some('-') => {
                let next = s[i + 2..].chars().next();
                let glued = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphabetic);
                if spaced(2) || glued {
                    push(2, Dash::Double);
                }
            }
            '—' if prev != Some('—') && !s[i + c.len_utf8()..].starts_with('—') => {
                push(c.len_utf8(), Dash::Em);
            }
            '–' if spaced(c.len_utf8()) => push(c.len_utf8(), Dash::En),
            _ => {}
        }
    }
    out
}

/// The form each dash of a document with these counts (`--`, `—`, `–`)
/// should take under `style`: `None` keeps it.
fn dash_target(style: QuoteStyle, counts: [usize; 3]) -> impl Fn(Dash) -> Option<Dash> {
    let forms = [Dash::Double, Dash::Em, Dash::En];
    // the most used of `among`, if it is used at least twice as often as
    // each other one
    let dominant = move |among: &[usize]| {
        let best = among.iter().copied().max_by_key(|&k| counts[k])?;
        (counts[best] > 0
            && among
                .iter()
                .all(|&k| k == best || 2 * counts[k] <= counts[best]))
        .then_some(forms[best])
    };
    let all = dominant(&[0, 1, 2]);
    let typographic = dominant(&[1, 2]);
    let mixed = counts.iter().filter(|&&n| n > 0).count() > 1;
    move |d: Dash| {
        let to = match style {
            QuoteStyle::Dominant => all
                .or(typographic.filter(|_| counts[Dash::Double as usize] > 0))
                .filter(|_| mixed),
            QuoteStyle::Curly if d == Dash::Double => Some(typographic.unwrap_or(Dash::Em)),
            QuoteStyle::Curly => typographic,
            QuoteStyle::Straight => Some(Dash::Double),
        };
        to.filter(|&t| t != d)
    }
}

impl Quotes {
    /// `quotes/dash`: the dashes of the document in one form.
    fn dashes(&self, cx: &Context<'_>, out: &mut Proposals) {
        let found: Vec<DashAt> = cx
            .doc
            .blocks
            .iter()
            // a dash is a hyphen or a character outside ASCII
            .filter(|b| Sites::MARK.in_text(b.span.of(cx.text)))
            .flat_map(|b| {
                dashes(b.span.of(cx.text)).into_iter().map(move |d| DashAt {
                    at: b.span.start + d.at,
                    ..d
                })
            })
            .collect();
        let mut counts = [0usize; 3];
        for d in &found {
            counts[d.dash as usize] += 1;
        }
        let target = dash_target(self.style, counts);
        for DashAt {
            at,
            len,
            dash: d,
            spaced,
        } in found
        {
            let Some(to) = target(d) else { continue };
            // an em dash written closed ("management—Scheduling") made an
            // en dash would read as a range: the en dash's style is spaced
            if d == Dash::Em && to == Dash::En && !spaced {
                continue;
            }
            let span = Span::new(at, at + len);
            if cx.is_protected(span) {
                continue;
            }
            let why = match self.style {
                QuoteStyle::Dominant => format!(
                    "dash style of the document: it writes \"--\" {} time(s), \"—\" {}, a spaced \"–\" {}",
                    counts[0], counts[1], counts[2]
                ),
                QuoteStyle::Curly => "typographic dashes (--quotes curly)".to_string(),
                QuoteStyle::Straight => "ASCII dashes (--quotes straight)".to_string(),
            };
            out.edits.push(
                Edit::new(
                    cx.text,
                    span,
                    to.mark(),
                    "quotes/dash",
                    Category::Typography,
                    0.85,
                )
                .with_note(why),
            );
        }
    }
}

impl Pass for Quotes {
    fn id(&self) -> &'static str {
        "quotes"
    }

    fn description(&self) -> &'static str {
        "Quotation marks, apostrophes and dashes follow one style (by default the document's dominant one)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        // One scan counts all four kinds.
        // (code, tables and glyphs kept verbatim write marks of their own)
        let (mut curly_d, mut straight_d, mut curly_s, mut straight_s) = (0, 0, 0, 0);
        let prose = cx
            .doc
            .blocks
            .iter()
            .enumerate()
            // a quotation mark is an ASCII mark or a character outside
            // ASCII: a block without either is passed over in one walk
            .filter(|&(bi, b)| {
                Sites::MARK.in_text(b.span.of(cx.text)) && cx.profile.verbatim_block(bi).is_none()
            })
            .flat_map(|(_, b)| marks_in_words(b.span.of(cx.text)));
        for (_, q) in prose {
            match q {
                "“" | "”" => curly_d += 1,
                "\"" => straight_d += 1,
                "‘" | "’" => curly_s += 1,
                _ => straight_s += 1,
            }
        }
        let pick = |curly: usize, straight: usize| match self.style {
            QuoteStyle::Curly => Target::Curly,
            QuoteStyle::Straight => Target::Straight,
            QuoteStyle::Dominant if curly >= straight => Target::Curly,
            QuoteStyle::Dominant => Target::Straight,
        };
        self.dashes(cx, out);
        let double = pick(curly_d, straight_d);
        let single = pick(curly_s, straight_s);
        for (bi, block) in cx.doc.blocks.iter().enumerate() {
            // a quotation mark is an ASCII mark or a character outside ASCII
            if !Sites::MARK.in_text(block.span.of(cx.text)) {
                continue;
            }
            let s = block.span.of(cx.text);
            let english = matches!(
                cx.profile.block_lang(bi).typography(),
                Typography::English | Typography::FullWidth
            );
            // each mark's new form first, then the check against mojibake
            // reads the neighbours as this rule leaves them
            let mut marks: Vec<(usize, usize, Option<char>)> = Vec::new();
            for (i, q) in marks_in_words(s) {
                let c = q.chars().next().unwrap_or('"');
                // judged by the neighbours the clean text will have: the
                // characters XML forbids between them are removed
                let visible = |c: &char| !is_xml_forbidden(*c);
                let prev = s[..i].chars().rev().find(visible);
                let next = s[i + q.len()..].chars().find(visible);
                let apostrophe = matches!(c, '\'' | '’')
                    && prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic);
                if !english && !apostrophe {
                    continue;
                }
                let after = match (c, double, single) {
                    ('"', Target::Curly, _) => Some(if opens(prev, next) { '“' } else { '”' }),
                    ('“' | '”', Target::Straight, _) => Some('"'),
                    ('\'', _, Target::Curly) => Some(if opens(prev, next) { '‘' } else { '’' }),
                    ('‘' | '’', _, Target::Straight) => Some('\''),
                    _ => None,
                };
                marks.push((i, q.len(), after));
            }
            for &(i, len, after) in &marks {
                // a quote that would become a byte of a misread sequence
                // ("Ã'" curled is "Ã’", a misread "Ò") stays as it is, so
                // that a second conversion changes nothing
                let creates_mojibake = |a: char| {
                    let (before, rest) = neighbours(s, i, len, &marks);
                    crate::analysis::misread::completes_sequence(&before, a, &rest)
                };
                if let Some(a) = after.filter(|&a| !creates_mojibake(a)) {
                    let conf = if a.is_ascii() { 0.95 } else { 0.85 };
                    let span = Span::new(block.span.start + i, block.span.start + i + len);
                    out.edits.push(
                        Edit::new(
                            cx.text,
                            span,
                            a.to_string(),
                            self.id(),
                            Category::Typography,
                            conf,
                        )
                        .with_note("quote style of the document"),
                    );
                }
            }
        }
    }
}

/// Characters read on each side of a mark for the mojibake check: a
/// misread sequence has at most four bytes, and a few characters other
/// rules delete may sit between them.
const NEIGHBOURS: usize = 8;

/// The characters before and after the mark at `i` (of `len` bytes), with
/// the other marks as this rule rewrites them (`marks`, by offset): the
/// check must see the text as it will be, or a second conversion would
/// judge the mark again beside its rewritten neighbour.
fn neighbours(
    s: &str,
    i: usize,
    len: usize,
    marks: &[(usize, usize, Option<char>)],
) -> (String, String) {
    let as_written = |k: usize, c: char| {
        marks
            .binary_search_by_key(&k, |m| m.0)
            .ok()
            .and_then(|m| marks[m].2)
            .unwrap_or(c)
    };
    let mut before: Vec<char> = s[..i]
        .char_indices()
        .rev()
        .take(NEIGHBOURS)
        .map(|(k, c)| as_written(k, c))
        .collect();
    before.reverse();
    let after: String = s[i + len..]
        .char_indices()
        .take(NEIGHBOURS)
        .map(|(k, c)| as_written(i + len + k, c))
        .collect();
    (before.into_iter().collect(), after)
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’')
}

/// The quote marks of `s` with their offsets, as
/// `s.match_indices(is_quote)` gives them, found by a byte search: the
/// straight marks are ASCII bytes and the curly ones start with the byte
/// 0xE2, which only ever leads a character, so each hit is a character
/// boundary and most of the text is never decoded.
fn quote_marks(s: &str) -> impl Iterator<Item = (usize, &str)> {
    memchr::memchr3_iter(b'"', b'\'', 0xE2, s.as_bytes()).filter_map(move |i| {
        let c = s[i..].chars().next()?;
        is_quote(c).then(|| (i, &s[i..i + c.len_utf8()]))
    })
}

/// The quote marks of `s` on lines that hold a word (two letters in a
/// row), but for a straight mark around a markup attribute's value: a
/// mark among signs alone (`!"#`, `&'()*+,"`, the glyphs of a font
/// without a Unicode map) or in `type="video/mp4">` quotes nothing, and
/// is neither counted for the style nor rewritten. Each line is read
/// once, whatever the number of its marks.
fn marks_in_words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // the line of the last mark: where it ends and whether it has a word
    let mut line: Option<(usize, bool)> = None;
    let bytes = s.as_bytes();
    // a straight mark opening or closing an attribute's value (a curly
    // one there is a typesetter's, and follows the style with its pair)
    let attribute = move |i: usize| {
        matches!(bytes[i], b'"' | b'\'')
            && ((i > 0 && bytes[i - 1] == b'=') || bytes.get(i + 1) == Some(&b'>'))
    };
    quote_marks(s).filter(move |&(i, _)| {
        if attribute(i) {
            return false;
        }
        let (end, worded) = match line {
            Some((end, worded)) if i < end => (end, worded),
            _ => {
                let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |k| k + 1);
                let end = memchr::memchr(b'\n', &bytes[i..]).map_or(s.len(), |k| i + k);
                let mut chars = s[start..end].chars();
                let mut prev = false;
                let worded = chars.any(|c| {
                    let letter = c.is_alphabetic();
                    let two = prev && letter;
                    prev = letter;
                    two
                });
                (end, worded)
            }
        };
        line = Some((end, worded));
        worded
    })
}

/// A straight quote opens when it follows a space, an opening bracket or the
/// start, and precedes a non-space.
fn opens(prev: Option<char>, next: Option<char>) -> bool {
    let after_break =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/'));
    after_break && next.is_some_and(|n| !n.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass};

    fn dashed(style: QuoteStyle, t: &str) -> String {
        let edits: Vec<Edit> = run_pass(&Quotes::new(style), t)
            .into_iter()
            .filter(|e| e.rule == "quotes/dash")
            .collect();
        applied_text(t, &edits)
    }

    #[test]
    fn a_mixed_dash_style_takes_the_dominant_form() {
        let t = "One -- two. Three -- four. Five — six. Seven--eight.";
        assert_eq!(
            dashed(QuoteStyle::Dominant, t),
            "One -- two. Three -- four. Five -- six. Seven--eight."
        );
        let t = "One — two. Three—four. Five -- six. Seven – eight.";
        assert_eq!(
            dashed(QuoteStyle::Dominant, t),
            "One — two. Three—four. Five — six. Seven — eight."
        );
    }

    #[test]
    fn ascii_dashes_without_a_dominant_style_take_the_typographic_one() {
        let t = "A -- b. C -- d. E -- f. G — h. I—j.";
        assert_eq!(
            dashed(QuoteStyle::Dominant, t),
            "A — b. C — d. E — f. G — h. I—j."
        );
        assert_eq!(
            dashed(QuoteStyle::Dominant, "One — two. Three -- four."),
            "One — two. Three — four."
        );
    }

    #[test]
    fn a_closed_em_dash_never_becomes_an_en_dash() {
        let t = "Management—Scheduling. A – b. C – d. E – f. I – j. G — h.";
        assert_eq!(
            dashed(QuoteStyle::Dominant, t),
            "Management—Scheduling. A – b. C – d. E – f. I – j. G – h."
        );
    }

    #[test]
    fn one_dash_style_a_tie_ranges_and_options_stay_by_default() {
        for t in [
            "One -- two. Three -- four, and so on.",
            "One — two. Three—four. Five – six, seven – eight, nine – ten.",
            "In 1990–2000, see pages 3–5 and run `emend --quotes curly` — or not.",
            "A rule:\n\n---\n\nthen a Chinese dash —— stays, and space - time too.",
        ] {
            assert_eq!(dashed(QuoteStyle::Dominant, t), t, "{t}");
        }
    }

    #[test]
    fn the_quote_options_choose_the_dash() {
        let t = "One -- two. Three--four.";
        assert_eq!(dashed(QuoteStyle::Curly, t), "One — two. Three—four.");
        let t = "One -- two. Five – six.";
        assert_eq!(dashed(QuoteStyle::Curly, t), "One – two. Five – six.");
        let t = "One — two. Five – six.";
        assert_eq!(dashed(QuoteStyle::Straight, t), "One -- two. Five -- six.");
    }

    proptest::proptest! {
        /// The byte search finds the quote marks a scan of every character
        /// finds, among other characters starting with the byte 0xE2.
        #[test]
        fn quote_marks_are_found_as_by_a_character_scan(
            s in "([a '\"“”‘’–…€ⅱ]|\u{2000}){0,30}",
        ) {
            let fast: Vec<(usize, &str)> = quote_marks(&s).collect();
            let simple: Vec<(usize, &str)> = s.match_indices(is_quote).collect();
            proptest::prop_assert_eq!(fast, simple);
        }
    }

    #[test]
    fn a_mark_kept_out_of_mojibake_is_judged_beside_its_rewritten_neighbour() {
        // curled, the apostrophe in "á'“" would make "á’“", three bytes of
        // a UTF-8 sequence; once “ is straightened that no longer holds, so
        // the check must see the straightened neighbour in the first pass
        let t = "\"á'“ quoted ” \"straight\" it's ‘x’";
        let once =
            crate::passes::tests::applied_text(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t));
        assert!(
            run_pass(&Quotes::new(QuoteStyle::Dominant), &once).is_empty(),
            "{once}"
        );
    }

    #[test]
    fn marks_among_signs_alone_are_neither_counted_nor_rewritten() {
        // a figure's glyphs hold more straight marks than the prose's curly ones
        let t = "We call it the “oracle” and the “trace”.\n\n!\"#\n\n&'()*+,\"\n\n%!\"\n\n$!\"#\n\n'!\"#\n\nWatch type=\"video/mp4\"> and type=\"video/ogg\">.";
        assert_eq!(
            applied_text(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t)),
            t
        );
    }

    #[test]
    fn minority_straight_quotes_follow_curly_ones() {
        let t = "“One” and “two” but \"three\" and it’s Baku’s and 'x'";
        let fixed = crate::apply::apply(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t));
        assert_eq!(fixed, "“One” and “two” but “three” and it’s Baku’s and ‘x’");
    }

    #[test]
    fn a_quote_is_judged_by_its_neighbours_in_the_clean_text() {
        // the control characters go (xml-chars): the quote stands before a
        // space, so it closes; read as opening, a second conversion would
        // take the space after it
        let t = "'\u{1}\u{b} “quoted” and ‘x’ and ‘y’";
        let fixed = crate::apply::apply(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t));
        assert_eq!(fixed, "’\u{1}\u{b} “quoted” and ‘x’ and ‘y’");
    }

    #[test]
    fn curling_never_creates_mojibake() {
        // "Ã’" would read as a misread "Ò" on the next conversion
        let t = "‘x’ and ‘y’ Ã' it's Ã'Â\u{a0}x";
        let fixed = crate::apply::apply(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t));
        assert_eq!(fixed, "‘x’ and ‘y’ Ã' it’s Ã'Â\u{a0}x");
    }

    #[test]
    fn forced_straight() {
        let t = "“One” it’s";
        let e = run_pass(&Quotes::new(QuoteStyle::Straight), t);
        assert_eq!(crate::apply::apply(t, &e), "\"One\" it's");
    }

    #[test]
    fn other_languages_keep_their_quotation_marks() {
        let run = |t: &str, lang: &str| {
            let e = crate::passes::tests::run_pass_in(&Quotes::new(QuoteStyle::Dominant), t, lang);
            crate::apply::apply(t, &e)
        };
        // German: “ closes „; a straight quote is not curled the English way
        let t = "Das „schwarze Schaf“ und \"das andere\" und „noch eins“ – it's Peter’s";
        assert_eq!(
            run(t, "de"),
            "Das „schwarze Schaf“ und \"das andere\" und „noch eins“ – it’s Peter’s"
        );
        let t = "Powiedział „tak” i \"nie\" oraz „może”.";
        assert_eq!(run(t, "pl"), t);
        let t = "« Oui » et “non” et \"peut-être\", l'homme, l’enfant.";
        assert_eq!(
            run(t, "fr"),
            "« Oui » et “non” et \"peut-être\", l’homme, l’enfant."
        );
    }

    #[test]
    fn dominant_straight_stays() {
        let t = "\"a\" \"b\" “c” it's";
        let fixed = crate::apply::apply(t, &run_pass(&Quotes::new(QuoteStyle::Dominant), t));
        assert_eq!(fixed, "\"a\" \"b\" \"c\" it's");
    }
}
