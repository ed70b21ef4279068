//! `untranslated`: what a translation left of its source in a Latin-script
//! text.
//!
//! - **Full-width and CJK punctuation** (`，` `。` `：` `（` `）` `、` `「」`
//!   `【】`, the full-width ASCII forms U+FF01–U+FF5E and the ideographic
//!   space) between Latin words: each is the English mark it stands for
//!   (the compatibility folding of NFKC for the full-width forms, the
//!   English equivalent for the CJK marks), with the space English puts
//!   after a comma or a closing bracket. Applied when both neighbours are
//!   outside CJK scripts: the mark then belongs to the English sentence,
//!   not to a fragment of the source language. A mark doubling the one
//!   before it ("now.，") is removed.
//! - **Cyrillic look-alikes** inside Latin words or after a degree sign
//!   ("°С" with a Cyrillic Es): the Latin letter of the same shape, applied.
//! - **Source-script fragments**: a run of Han, kana, Hangul, Cyrillic,
//!   Arabic, Hebrew, Thai, Devanagari, Armenian or Georgian letters in a
//!   Latin-script text is flagged by a proposal to remove it (never
//!   applied: it needs a translation, which only a reviewer can give); a
//!   fragment in brackets or quotation marks right after a word is most
//!   likely a gloss of it ("Beijing (北京)") and gets a lower confidence.
//!
//! Whether the text is Latin-script is judged from the share of Latin
//! letters in the whole document ([`latin_document`]), not from the
//! profile's script: that names the script of a sample of the longest
//! blocks, while this rule must know that Latin letters are nearly all the
//! text (a Chinese article with English passages is no Latin text).

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Untranslated;

/// A width fold in Latin context: certain.
const WIDTH: f32 = 0.9;
/// A Cyrillic look-alike inside a Latin word: certain.
const LOOKALIKE: f32 = 0.9;
/// A source-script fragment: a question for the reviewer.
const FRAGMENT: f32 = 0.5;
/// A fragment that glosses the word before it.
const GLOSS: f32 = 0.3;

impl Pass for Untranslated {
    fn id(&self) -> &'static str {
        "untranslated"
    }

    fn description(&self) -> &'static str {
        "Source-language residue in Latin-script text: full-width and CJK punctuation between Latin words folded to English marks, Cyrillic look-alike letters in Latin words replaced, fragments in other scripts flagged for translation (never removed)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        // most texts have no character this rule looks at
        if text.is_ascii() || !latin_document(text) {
            return;
        }
        let before_me = out.edits.len();
        let mut taken: Vec<Span> = out.edits.iter().map(|e| e.span).collect();
        taken.sort_unstable();
        let free = |span: Span| {
            let i = taken.partition_point(|t| t.end <= span.start);
            taken
                .get(i)
                .is_none_or(|t| t.start >= span.end.max(span.start + 1))
        };
        let curly = prefers_curly(text);
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().expect("in bounds");
            let len = c.len_utf8();
            if c.is_ascii() {
                i += len;
                continue;
            }
            if let Some(e) = width_fold(text, i, c, curly) {
                found.push(e);
                i += len;
            } else if foreign(c).is_some() {
                let letters = i + text[i..]
                    .char_indices()
                    .find(|&(_, d)| foreign(d).is_none())
                    .map_or(text.len() - i, |(k, _)| k);
                if let Some(e) = lookalike(text, Span::new(i, letters)) {
                    found.push(e);
                    i = letters;
                } else {
                    let end = fragment_end(text, i);
                    found.push(fragment(text, Span::new(i, end)));
                    i = end;
                }
            } else {
                i += len;
            }
        }
        for e in found {
            if free(e.span) && !cx.is_protected(e.span) {
                out.edits.push(e);
            }
        }
        debug_assert!(out.edits.len() >= before_me);
    }
}

/// True if Latin letters make most (four fifths) of the letters of `text`.
pub(crate) fn latin_document(text: &str) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
            latin += 1;
        } else {
            other += 1;
        }
    }
    latin >= 20 && latin >= 4 * other
}

/// True if the text writes curly double quotes more than straight ones.
fn prefers_curly(text: &str) -> bool {
    let straight = memchr::memchr_iter(b'"', text.as_bytes()).count();
    let curly = text.matches(['“', '”']).count();
    curly > straight
}

/// The script of a letter no Latin-script text writes, if it is one.
fn foreign(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}' => "Han",
        '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => "kana",
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => "Hangul",
        '\u{0400}'..='\u{052F}' => "Cyrillic",
        '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' => "Arabic",
        '\u{FE70}'..='\u{FEFF}' if c.is_alphabetic() => "Arabic",
        '\u{0590}'..='\u{05FF}' => "Hebrew",
        '\u{0E00}'..='\u{0E7F}' => "Thai",
        '\u{0900}'..='\u{097F}' => "Devanagari",
        '\u{0530}'..='\u{058F}' => "Armenian",
        '\u{10A0}'..='\u{10FF}' => "Georgian",
        _ => return None,
    })
    .filter(|_| c.is_alphabetic())
}

/// True for CJK letters and marks: a neighbour that makes a mark part of a
/// source-language fragment.
fn cjk(c: char) -> bool {
    matches!(foreign(c), Some("Han" | "kana" | "Hangul")) || matches!(c, '\u{3000}'..='\u{303F}')
}

/// The English mark for a full-width or CJK one, and whether it closes
/// (takes a space after it before a word) or opens (takes one before it).
fn english(c: char, curly: bool) -> Option<(&'static str, Side)> {
    let q = |curly_form: &'static str, straight: &'static str| match curly {
        true => curly_form,
        false => straight,
    };
    Some(match c {
        '，' | '、' | '､' => (",", Side::Closes),
        '。' | '｡' => (".", Side::Closes),
        '：' => (":", Side::Closes),
        '；' => (";", Side::Closes),
        '！' => ("!", Side::Closes),
        '？' => ("?", Side::Closes),
        '）' => (")", Side::Closes),
        '（' => ("(", Side::Opens),
        '【' | '〔' | '［' => ("[", Side::Opens),
        '】' | '〕' | '］' => ("]", Side::Closes),
        '「' | '《' => (q("“", "\""), Side::Opens),
        '」' | '》' => (q("”", "\""), Side::Closes),
        '『' | '〈' => (q("‘", "'"), Side::Opens),
        '』' | '〉' => (q("’", "'"), Side::Closes),
        '\u{3000}' => (" ", Side::Neither),
        // the rest of the full-width ASCII forms fold as NFKC does
        '\u{FF01}'..='\u{FF5E}' => {
            let folded = char::from_u32(u32::from(c) - 0xFEE0).expect("ASCII");
            (ascii_str(folded), Side::Neither)
        }
        _ => return None,
    })
}

/// A printable ASCII character as a static string.
fn ascii_str(c: char) -> &'static str {
    const PRINTABLE: &str = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    let at = (c as usize).saturating_sub(0x21).min(PRINTABLE.len() - 1);
    &PRINTABLE[at..=at]
}

/// Where a mark sits against the words around it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Opens,
    Closes,
    Neither,
}

/// The first character of `s` that is not a space.
fn next_visible(s: &str) -> Option<char> {
    s.chars().find(|c| !c.is_whitespace())
}

/// The edit folding the full-width or CJK mark `c` at `at`, when both
/// neighbours (past spaces) are outside CJK scripts.
fn width_fold(text: &str, at: usize, c: char, curly: bool) -> Option<Edit> {
    let (mark, side) = english(c, curly)?;
    let end = at + c.len_utf8();
    let prev = text[..at].chars().rev().find(|c| !c.is_whitespace());
    let next = next_visible(&text[end..]);
    if prev.is_some_and(cjk) || next.is_some_and(cjk) {
        return None;
    }
    let touching_prev = text[..at].chars().next_back();
    let touching_next = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // a comma or stop right after a stop ("now.，") doubles it
    let doubled = matches!(mark, "," | "." | ";" | ":")
        && prev.is_some_and(|p| matches!(p, '.' | ',' | ';' | ':' | '!' | '?'));
    let (span, after, note) = if doubled {
        let start = at - (text[..at].len() - text[..at].trim_end().len());
        (
            Span::new(start, end),
            String::new(),
            format!(
                "the full-width mark “{c}” doubles the “{}” before it",
                prev.unwrap_or(' ')
            ),
        )
    } else {
        // a closing mark takes no space before it, and one after it
        // before a word; an opening mark the reverse
        let mut start = at;
        let mut after = String::new();
        match side {
            Side::Closes => {
                start = at - (text[..at].len() - text[..at].trim_end().len());
                after.push_str(mark);
                if word(touching_next) {
                    after.push(' ');
                }
            }
            Side::Opens => {
                if word(touching_prev) {
                    after.push(' ');
                }
                after.push_str(mark);
            }
            Side::Neither => after.push_str(mark),
        }
        if start < at && text[..start].ends_with('\n') {
            start = at;
        }
        (
            Span::new(start, end),
            after,
            format!(
                "the full-width or CJK mark “{c}” (U+{:04X}) between Latin-script words: the English “{mark}”",
                u32::from(c)
            ),
        )
    };
    Some(
        Edit::new(
            text,
            span,
            after,
            "untranslated/width",
            Category::Punctuation,
            WIDTH,
        )
        .with_note(note),
    )
}

/// Where the foreign-script fragment starting at `at` ends: past its
/// letters and the spaces, digits and marks between them, up to the first
/// Latin letter or line break.
fn fragment_end(text: &str, at: usize) -> usize {
    let mut end = at;
    for (k, c) in text[at..].char_indices() {
        if c == '\n' || c.is_ascii_alphabetic() {
            break;
        }
        if foreign(c).is_some() || cjk(c) || english(c, true).is_some() {
            end = at + k + c.len_utf8();
        } else if c.is_alphabetic() {
            break;
        }
    }
    end
}

/// The Latin letter a Cyrillic one cannot be told from.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'Ј' => 'J',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Ѕ' => 'S',
        'Т' => 'T',
        'Х' => 'X',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'і' => 'i',
        'ј' => 'j',
        'о' => 'o',
        'р' => 'p',
        'ѕ' => 's',
        'х' => 'x',
        'у' => 'y',
        _ => return None,
    })
}

/// The edit replacing the letters `span` by their Latin twins, when each
/// has one and the run touches a Latin letter or a degree sign ("°С").
fn lookalike(text: &str, span: Span) -> Option<Edit> {
    let s = span.of(text);
    let prev = text[..span.start].chars().next_back();
    let next = text[span.end..].chars().next();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || c == '°');
    // a unit after a degree sign, spaced or not ("15 ° С")
    let degree = text[..span.start].trim_end_matches(' ').ends_with('°');
    let twins: String = s.chars().map(latin_twin).collect::<Option<_>>()?;
    (latin(prev) || latin(next) || degree).then(|| {
        Edit::new(
            text,
            span,
            twins.as_str(),
            "untranslated/lookalike",
            Category::Unicode,
            LOOKALIKE,
        )
        .with_note(format!(
            "Cyrillic “{s}” inside Latin-script text, written like the Latin “{twins}”"
        ))
    })
}

/// The edit flagging the foreign-script fragment `span`.
fn fragment(text: &str, span: Span) -> Edit {
    let s = span.of(text);
    let script = s.chars().find_map(foreign).unwrap_or("foreign");
    let letters = s.chars().filter(|c| foreign(*c).is_some()).count();
    let glossed = text[..span.start]
        .trim_end_matches([' ', '(', '（', '"', '“', '「', '['])
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && text[..span.start]
            .trim_end_matches(' ')
            .ends_with(['(', '（', '"', '“', '「', '[']);
    let (conf, tail) = match glossed {
        true => (
            GLOSS,
            "; in brackets or quotes after a word: probably a gloss of it",
        ),
        false => (
            FRAGMENT,
            ": untranslated source text? translate it or remove it",
        ),
    };
    Edit::new(
        text,
        span,
        "",
        "untranslated/script",
        Category::Translation,
        conf,
    )
    .with_note(format!(
        "{letters} {script} letter(s) in a Latin-script text{tail}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass};

    const LATIN: &str = "The committee met on Monday and agreed on the plan for the new harbour. ";

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&Untranslated, t)
    }

    fn clean(t: &str) -> String {
        applied_text(t, &edits(t))
    }

    #[test]
    fn full_width_marks_between_latin_words_become_english() {
        let t =
            format!("{LATIN}The sunlight is so dazzling，we stay inside：it is hot（very hot）.");
        assert_eq!(
            clean(&t),
            format!("{LATIN}The sunlight is so dazzling, we stay inside: it is hot (very hot).")
        );
        let t = format!("{LATIN}Responsibility Editor：Wang Li\n\n(Applause）");
        assert_eq!(
            clean(&t),
            format!("{LATIN}Responsibility Editor: Wang Li\n\n(Applause)")
        );
        // full-width letters and digits fold as NFKC does
        let t = format!("{LATIN}It cost ＵＳ＄５ in 2020.");
        assert_eq!(clean(&t), format!("{LATIN}It cost US$5 in 2020."));
    }

    #[test]
    fn a_mark_doubling_the_one_before_goes() {
        let t = format!("{LATIN}Ten years from now.，");
        assert_eq!(clean(&t), format!("{LATIN}Ten years from now."));
    }

    #[test]
    fn marks_inside_a_source_fragment_stay_and_the_fragment_is_flagged() {
        let t = format!("{LATIN}Apply online (参加体格检查，政治考核) before May.");
        let e = edits(&t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].rule, "untranslated/script");
        assert_eq!(e[0].before, "参加体格检查，政治考核");
        assert!(e[0].confidence < 0.8);
        assert_eq!(clean(&t), t);
    }

    #[test]
    fn a_fragment_in_running_text_is_proposed_a_gloss_less_so() {
        let t = format!("{LATIN}They spent more than 美元 400 billion on it.");
        let e = edits(&t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].before.as_str(), e[0].confidence), ("美元", FRAGMENT));
        let t = format!("{LATIN}They flew to Beijing (北京) and Seoul (서울).");
        let e = edits(&t);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e.iter().all(|e| e.confidence == GLOSS), "{e:?}");
    }

    #[test]
    fn cyrillic_lookalikes_in_latin_words_are_replaced() {
        let t = format!("{LATIN}It will be 22°С to 24 °С at night in Сhina, 15 ° С... + 17 °С.");
        assert_eq!(
            clean(&t),
            format!("{LATIN}It will be 22°C to 24 °C at night in China, 15 ° C... + 17 °C.")
        );
    }

    #[test]
    fn texts_in_other_scripts_are_left_alone() {
        for t in [
            "Москва — столица России, крупнейший город страны. Москва，Россия.",
            "北京是中国的首都，也是世界著名的古都。",
            "Short, 北京。",
        ] {
            assert!(edits(t).is_empty(), "{t}: {:?}", edits(t));
        }
    }
}
