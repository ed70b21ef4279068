//! `whitespace`: spacing inside paragraphs.
//!
//! - no-break spaces (U+00A0, U+202F) between words become plain spaces;
//! - zero-width spaces and stray byte-order marks are removed;
//! - runs of spaces inside a line become one;
//! - a space before `, . ; : ! ?` goes ("war , and" → "war, and");
//! - a space just inside quotes or brackets goes ("“ If" → "“If").
//!
//! Typography follows the language of each block (the document profile):
//! which marks open and close a quotation differs — German „…“ and »…«
//! (“ and « close there), Polish „…”, Russian «…» — and French spaces
//! « … » and the marks `; : ! ?` on purpose, often with a no-break space,
//! which stays. A mark whose role the language leaves open is not spaced.
//!
//! Why it is safe: none of these changes a word; the rule skips spaces whose
//! neighbours make the intent unclear (straight quotes, a space between two
//! punctuation marks, which the punctuation rule judges). Only text inside
//! blocks is touched, never the layout between them.

use super::{Context, Pass, Proposals};
use crate::analysis::chars::is_zero_width;
use crate::analysis::spacing::{
    french_spaced, in_run, is_spacing, next_visible, prev_visible, space_goes,
};
use crate::edit::{Category, Edit};
use crate::profile::Typography;
use crate::scan::{CharClass, ascii_table, ceil_boundary, floor_boundary};
use crate::span::Span;
use std::borrow::Cow;

/// See the module documentation.
pub struct Whitespace;

const NBSP_LEN: usize = '\u{A0}'.len_utf8();

impl Pass for Whitespace {
    fn id(&self) -> &'static str {
        "whitespace"
    }

    fn description(&self) -> &'static str {
        "Spacing inside paragraphs: no-break and zero-width spaces, doubled spaces, spaces before punctuation and inside quotes."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for (i, block) in cx.doc.blocks.iter().enumerate() {
            let mut t = cx.profile.block_lang(i).typography();
            // a German quotation in English text: its “ closes, so “ is
            // taken for neither opening nor closing in this block
            if matches!(t, Typography::English | Typography::FullWidth)
                && block.span.of(cx.text).contains('„')
            {
                t = Typography::LowHigh;
            }
            block_edits(cx.text, block.span, t, self.id(), &mut out.edits);
            if t == Typography::English {
                straight_quote_spacing(cx.text, block.span, self.id(), &mut out.edits);
            }
        }
    }
}

/// Each run of spacing characters is judged once, as a whole, so the result
/// is stable: converting the clean text again finds nothing to change. A run
/// also swallows characters XML forbids that sit inside it (the edit removes
/// them, with the certainty of the `xml-chars` rule, and wins over it by
/// covering more), so their removal cannot leave a doubled space behind.
fn block_edits(text: &str, block: Span, t: Typography, rule: &str, out: &mut Vec<Edit>) {
    let s = block.of(text);
    // Walk run by run without collecting the characters: memory stays flat
    // on a block that is one 50 MB line.
    let mut pos = 0;
    loop {
        let i = RUN.edge(s, pos, true);
        if i == s.len() {
            break;
        }
        let end = RUN.edge(s, i, false);
        pos = end;
        if plain_space_between_words(s, i, end) {
            continue;
        }
        // "Ã\u{A0}" is a misread "à": that no-break space is the mojibake
        // rule's to decode; the rest of the run is looked at on its own.
        // ("Â\u{A0}" is a misread no-break space: the mojibake rule takes
        // the "Â", and the space stays this rule's.)
        if s[i..].starts_with('\u{A0}')
            && crate::analysis::misread::completes_sequence(&s[..i], '\u{A0}', &s[i + NBSP_LEN..])
            && !misread_spacing(&s[..i + NBSP_LEN])
        {
            pos = i + NBSP_LEN;
            continue;
        }
        let run = &s[i..end];
        if run.bytes().all(|b| b == b' ') && inside_face(s, i, end) {
            continue; // "( o¬ô )": an emoticon's spacing is part of it
        }
        let prev = prev_visible(&s[..i]);
        let next = next_visible(&s[end..], t);
        if !run.chars().any(is_spacing) {
            continue; // only forbidden characters: the xml-chars rule's business
        }
        // borrowed when nothing is filtered out: most runs are one space
        let spacing = filtered(run, is_spacing);
        let visible_spacing = filtered(&spacing, |c| !is_zero_width(c));
        let visible = !visible_spacing.is_empty();
        let line_start = prev.is_none_or(|p| p == '\n' || p == '\r');
        let line_end = next.is_none_or(|n| n == '\n' || n == '\r');
        let (after, note, conf) = if !visible {
            ("", "zero-width space", 0.95)
        } else if line_start || line_end {
            // Indentation and trailing space are layout: keep it, minus
            // zero-width characters.
            (&*visible_spacing, "zero-width space at a line edge", 0.95)
        } else if let Some(why) = space_goes(prev, next, &s[end..], t) {
            ("", why, 0.9)
        } else if french_spaced(t, prev, next) {
            // French typography: the (no-break) space stays, less any
            // zero-width characters and doubling
            if visible_spacing.chars().count() > 1 {
                (" ", "doubled space", 0.95)
            } else {
                (&*visible_spacing, "zero-width space", 0.95)
            }
        } else if spacing.contains(['\u{A0}', '\u{202F}']) {
            (" ", "no-break space", 0.9)
        } else if spacing.chars().count() > 1 {
            (" ", "doubled space", 0.95)
        } else {
            (&*spacing, "", 0.95)
        };
        if run == after {
            continue;
        }
        let (note, conf) = if run.len() == spacing.len() {
            (note, conf)
        } else if note.is_empty() {
            ("characters XML forbids inside spacing", 1.0)
        } else {
            (note, 1.0)
        };
        let span = Span::new(block.start + i, block.start + end);
        out.push(Edit::new(text, span, after, rule, Category::Whitespace, conf).with_note(note));
    }
}

/// A space just inside a pair of straight double quotes goes (`" black
/// holes "` → `"black holes"`, `it. "` → `it."`). A lone straight quote
/// does not tell whether it opens or closes, so the run rule leaves its
/// spacing alone; here the quotes of a block are paired in order, which is
/// only trusted when the block holds an even number of them and every pair
/// opens after a space or bracket and closes before a space, bracket or
/// mark (an inch mark, `a 12" pipe`, or a quote left unmatched, which
/// shifts the pairing, fails it), and no pair spans a line break. Only a single plain space is taken, so
/// the run rule, which leaves such a space be, never edits the same span.
fn straight_quote_spacing(text: &str, block: Span, rule: &str, out: &mut Vec<Edit>) {
    let s = block.of(text);
    // most blocks hold no straight quote: one byte search, nothing collected
    if crate::scan::find_byte(b'"', s.as_bytes()).is_none() {
        return;
    }
    let quotes: Vec<usize> = s.match_indices('"').map(|(i, _)| i).collect();
    if quotes.is_empty() || quotes.len() % 2 == 1 {
        return;
    }
    // every pair must look like one: its opening quote after a space or a
    // bracket, its closing quote before a space, a bracket or a mark, so a
    // quote left unmatched earlier (which shifts the pairing) shows
    let b = s.as_bytes();
    let opens = |q: usize| q == 0 || matches!(b[q - 1], b' ' | b'(' | b'[' | b'\n');
    let closes = |q: usize| {
        b.get(q + 1).is_none_or(|c| {
            matches!(
                c,
                b' ' | b')' | b']' | b',' | b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'\r'
            )
        })
    };
    if quotes.chunks(2).any(|p| !opens(p[0]) || !closes(p[1])) {
        return;
    }
    let mut push = |at: usize, note: &str| {
        let span = Span::new(block.start + at, block.start + at + 1);
        out.push(Edit::new(text, span, "", rule, Category::Whitespace, 0.9).with_note(note));
    };
    for pair in quotes.chunks(2) {
        let (open, close) = (pair[0], pair[1]);
        let inner = &s[open + 1..close];
        let trimmed = inner.trim_matches(' ');
        if trimmed.is_empty() || inner.contains(['\n', '\r']) {
            continue;
        }
        if inner.starts_with(' ') && !inner.starts_with("  ") {
            push(
                open + 1,
                "space inside an opening straight quote (quotes paired in order)",
            );
        }
        if inner.ends_with(' ') && !inner.ends_with("  ") {
            push(
                close - 1,
                "space inside a closing straight quote (quotes paired in order)",
            );
        }
    }
}

/// Whether spaces `start..end` of `s` stand inside a face or a bit of ASCII
/// art between brackets on one line ("( o¬ô )", "(   `¬´    )"): a short
/// bracketed stretch with a symbol (not prose punctuation) and no word (no
/// two letters or digits in a row), whose spacing is drawing, not prose.
fn inside_face(s: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 16;
    // only REACH bytes a side are read: a face is short, and reading to the
    // line's ends made a one-line text quadratic in its spaces
    let from = floor_boundary(s, start.saturating_sub(REACH));
    let to = ceil_boundary(s, end + REACH + 1);
    let line_start = s[from..start].rfind('\n').map_or(from, |k| from + k + 1);
    let line_end = s[end..to].find('\n').map_or(to, |k| end + k);
    crate::work::read(to - from);
    let Some(open) = s[line_start..start]
        .rfind(['(', '['])
        .map(|k| line_start + k)
    else {
        return false;
    };
    let Some(close) = s[end..line_end].find([')', ']']).map(|k| end + k) else {
        return false;
    };
    if start - open > REACH || close - end > REACH {
        return false;
    }
    let inner: Vec<char> = s[open + 1..close]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let symbol = inner.iter().any(|&c| {
        !c.is_alphanumeric() && !matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '\'' | '"' | '-')
    });
    let word = inner
        .windows(2)
        .any(|w| w[0].is_alphanumeric() && w[1].is_alphanumeric());
    symbol && !word && !inner.iter().any(|c| matches!(c, '(' | ')' | '[' | ']'))
}

/// The characters of `s` that `keep` accepts, copied only if it rejects one.
fn filtered(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if s.chars().all(&keep) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().filter(|&c| keep(c)).collect())
    }
}

/// The characters of spacing runs.
const RUN: CharClass = CharClass::new(ascii_table!(b => in_run(b as char)), in_run);

/// True for one ASCII space between two ASCII letters or digits, most of
/// the runs of any text: nothing about it can change (no punctuation,
/// quote, mark, misread byte or line edge next to it), so it is passed
/// over without the checks below.
fn plain_space_between_words(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    end == start + 1
        && b[start] == b' '
        && start > 0
        && b[start - 1].is_ascii_alphanumeric()
        && b.get(end).is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether `s` ends in a misread sequence that decodes to spacing.
fn misread_spacing(s: &str) -> bool {
    let from = s.char_indices().rev().nth(3).map_or(0, |(k, _)| k);
    crate::analysis::misread::decoded(&s[from..])
        .and_then(|d| d.chars().next_back())
        .is_some_and(is_spacing)
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    proptest::proptest! {
        #[test]
        fn spacing_runs_end_where_a_character_walk_finds_them(
            s in "[a \t\n\r\u{1}\u{B}\u{A0}\u{200B}\u{FEFF}\u{202F}é\u{FFFF}]{0,16}",
            inside: bool,
        ) {
            let walk = s
                .char_indices()
                .find(|&(_, c)| super::in_run(c) == inside)
                .map_or(s.len(), |(k, _)| k);
            proptest::prop_assert_eq!(super::RUN.edge(&s, 0, inside), walk);
        }
    }

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Whitespace, t))
    }

    #[test]
    fn spacing_fixes() {
        assert_eq!(fixed("war , and  peace ."), "war, and peace.");
        assert_eq!(fixed("he said: “ If so ”"), "he said: “If so”");
        assert_eq!(fixed("a\u{A0}b\u{200B}c"), "a bc");
        assert_eq!(fixed("*A* , and **b** ."), "*A*, and **b**.");
        assert_eq!(fixed("x *:* and *y*"), "x*:* and *y*");
        assert_eq!(
            fixed("Ã¡ , b"),
            "Ã¡, b",
            "judged as the mojibake rule leaves it: á"
        );
    }

    #[test]
    fn spaces_inside_paired_straight_quotes_go() {
        assert_eq!(
            fixed("the term \" black holes \" and Darwin said, \" I guess so. \""),
            "the term \"black holes\" and Darwin said, \"I guess so.\""
        );
        // odd count, inch marks, a quote inside a word: pairing is unsure
        for t in [
            "he said \" yes and then \" no \"",
            "a 12\" pipe and \" a quote \"",
            "O\"Brien said \" hi \"",
        ] {
            assert_eq!(fixed(t), t);
        }
    }

    #[test]
    fn leaves_faces_and_ascii_art_alone() {
        for t in [
            "look ( o¬ô ) here",
            "OK??:(   `¬´    ):",
            "yes ( ^_^ ) and [ -_- ]",
        ] {
            assert_eq!(fixed(t), t);
        }
        // a bracketed word is prose
        assert_eq!(
            fixed("see ( above ) and ( 1, 2 )"),
            "see (above) and (1, 2)"
        );
    }

    #[test]
    fn leaves_ellipses_indentation_and_straight_quotes() {
        for t in [
            "wait . . . now",
            "  indented line",
            "say \" hi there",
            "x .5 y",
        ] {
            assert_eq!(fixed(t), t);
        }
    }

    #[test]
    fn spacing_after_a_mark_that_goes_is_looked_through() {
        // the no-break and zero-width spaces after "*" go, so the space
        // before it is judged as "*]", as a second conversion would
        let once = fixed("a *\u{A0}\u{200B}\u{FEFF}] b");
        assert_eq!(once, "a*] b");
        assert_eq!(fixed(&once), once);
        // a plain space there goes as well, in the same conversion
        assert_eq!(fixed("a * ] b"), "a*] b");
        // spacing after the mark that stays changes nothing
        assert_eq!(fixed("a * b"), "a * b");
    }

    #[test]
    fn the_character_before_a_space_is_judged_as_nfc_leaves_it() {
        // U+0711 U+0B4D reorders to U+0B4D U+0711: the text then ends with
        // a letter mark, and the space before the comma goes now, not on a
        // second conversion
        assert_eq!(fixed("\u{711}\u{b4d} , x"), "\u{711}\u{b4d}, x");
        assert_eq!(fixed("\u{b4d} , x"), "\u{b4d} , x");
    }

    fn fixed_in(t: &str, lang: &str) -> String {
        crate::apply::apply(
            t,
            &crate::passes::tests::run_pass_in(&super::Whitespace, t, lang),
        )
    }

    #[test]
    fn german_quotes_keep_their_spacing() {
        for t in [
            "Das „schwarze Schaf“ unserer Familie",
            "Wegbereiter zu „grünem“ Wasserstoff?",
            "Er sagte »Hallo« und ging.",
            "„Über\u{AD}le\u{AD}bens“ aller",
        ] {
            assert_eq!(fixed_in(t, "de"), t, "{t}");
        }
        // what the language makes certain is still fixed
        assert_eq!(
            fixed_in("Er sagte „ Hallo“ , dann", "de"),
            "Er sagte „Hallo“, dann"
        );
        // in English “ opens
        assert_eq!(fixed("the “ black sheep”"), "the “black sheep”");
    }

    #[test]
    fn french_spacing_stays() {
        for t in [
            "Vive le professeur Raoult !",
            "Aussi contagieuses que le virus ?",
            "« Bonjour », dit-il ; puis : rien.",
            "à cet effet\u{A0}».",
            "le virus\u{202F}?",
        ] {
            assert_eq!(fixed_in(t, "fr"), t, "{t}");
        }
        assert_eq!(fixed_in("oui , et  non .", "fr"), "oui, et non.");
        assert_eq!(fixed_in("vraiment  !", "fr"), "vraiment !");
    }

    #[test]
    fn polish_czech_and_russian_quotes_keep_their_spacing() {
        assert_eq!(
            fixed_in("Powiedział „tak” i wyszedł.", "pl"),
            "Powiedział „tak” i wyszedł."
        );
        assert_eq!(
            fixed_in("Powiedział „ tak ” i wyszedł.", "pl"),
            "Powiedział „tak” i wyszedł."
        );
        assert_eq!(
            fixed_in("Řekl „ano“ a odešel.", "cs"),
            "Řekl „ano“ a odešel."
        );
        assert_eq!(
            fixed_in("Он сказал «да» и ушёл.", "ru"),
            "Он сказал «да» и ушёл."
        );
        assert_eq!(
            fixed_in("Он сказал « да». И ушёл.", "ru"),
            "Он сказал «да». И ушёл."
        );
        // spaced on both sides, » may be a separator: left alone
        assert_eq!(
            fixed_in("Он сказал «да » и ушёл.", "ru"),
            "Он сказал «да » и ушёл."
        );
        assert_eq!(
            fixed_in("Он сказал „да“ и ушёл.", "ru"),
            "Он сказал „да“ и ушёл."
        );
    }

    #[test]
    fn a_german_quotation_in_english_text_keeps_its_spacing() {
        let t = "The word „ausgeraubt“ is used here, and „beraubt“ is not.";
        assert_eq!(fixed_in(t, "en"), t);
    }

    #[test]
    fn breadcrumb_separators_keep_their_spaces() {
        let t = "Home » Plants » Bougainvillea";
        assert_eq!(fixed(t), t);
        assert_eq!(fixed("he said «yes »."), "he said «yes».");
    }

    #[test]
    fn finnish_and_swedish_quotes_are_left_alone() {
        let t = "Hän sanoi: ”Tervetuloa” ja lähti.";
        assert_eq!(fixed_in(t, "fi"), t);
        assert_eq!(
            fixed_in("Han sa: ”Välkommen” och gick.", "sv"),
            "Han sa: ”Välkommen” och gick."
        );
    }

    #[test]
    fn full_width_punctuation_is_left_alone() {
        let t = "他说：“我们明天见。” 然后走了。";
        assert_eq!(fixed_in(t, "zh"), t);
    }

    #[test]
    fn space_between_two_marks_is_left_to_punctuation() {
        assert_eq!(fixed("resolved. ; On"), "resolved. ; On");
    }
}
