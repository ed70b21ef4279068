//! The spacing conventions of each typography around punctuation, quotes
//! and brackets: which marks take no space before them, which open and
//! close, and whether a space between two characters goes. The whitespace
//! rule applies them to spacing runs; the joins rule asks them before it
//! puts a space between two joined lines, so that the two never disagree.
//! Each answer looks through what other rules remove (forbidden
//! characters, emphasis marks, mojibake, uncomposed marks): the spacing
//! must come out the same in whatever order the rules run.

use crate::analysis::chars::{is_xml_forbidden, is_zero_width};
use crate::profile::Typography;
use unicode_normalization::char::canonical_combining_class;

/// The marks a language spaces like English: punctuation that takes no
/// space before it, and the marks that certainly open or close.
pub(crate) struct Marks {
    pub(crate) tight: &'static [char],
    pub(crate) openers: &'static [char],
    pub(crate) closers: &'static [char],
}

const ALL_PUNCT: &[char] = &[',', '.', ';', ':', '!', '?'];

pub(crate) fn marks(t: Typography) -> Marks {
    match t {
        Typography::English | Typography::FullWidth => Marks {
            tight: ALL_PUNCT,
            openers: &['“', '‘', '«', '(', '['],
            closers: &['”', '»', ')', ']'],
        },
        // “ ‘ « » change role with the writer's habit: left alone
        Typography::LowHigh => Marks {
            tight: ALL_PUNCT,
            openers: &['„', '‚', '(', '['],
            closers: &[')', ']'],
        },
        Typography::LowHighRight => Marks {
            tight: ALL_PUNCT,
            openers: &['„', '(', '['],
            closers: &['”', ')', ']'],
        },
        // « … » and a space before ; : ! ? are French typography
        Typography::French => Marks {
            tight: &[',', '.'],
            openers: &['“', '(', '['],
            closers: &['”', ')', ']'],
        },
        Typography::Guillemets => Marks {
            tight: ALL_PUNCT,
            openers: &['«', '„', '(', '['],
            closers: &['»', ')', ']'],
        },
    }
}

/// French spaces these marks off, with a (narrow) no-break space where
/// the typesetting is careful: that space stays.
pub(crate) fn french_spaced(t: Typography, prev: Option<char>, next: Option<char>) -> bool {
    t == Typography::French
        && (next.is_some_and(|n| matches!(n, ';' | ':' | '!' | '?' | '»' | '›'))
            || prev.is_some_and(|p| matches!(p, '«' | '‹')))
}

/// Horizontal spacing, visible or not, that a run may hold.
pub(crate) const fn is_spacing(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{200B}' | '\u{FEFF}' | '\u{2060}'
    )
}

/// What a spacing run is made of: spacing, and the characters XML forbids
/// inside it.
pub(crate) const fn in_run(c: char) -> bool {
    is_spacing(c) || is_xml_forbidden(c)
}

/// Whether the space the joins rule would put between `before` and `after`
/// is one the whitespace rule takes out again ("(" then a break): judged as a spacing
/// run between them would be.
pub(crate) fn space_goes_between(before: &str, after: &str) -> bool {
    let t = Typography::English;
    space_goes(prev_visible(before), next_visible(after, t), after, t).is_some()
}

/// Why a space between `prev` and `next` goes, if it does; `rest` is the
/// text from `next` on.
pub(crate) fn space_goes(
    prev: Option<char>,
    next: Option<char>,
    rest: &str,
    t: Typography,
) -> Option<&'static str> {
    let m = marks(t);
    // before a comma or a period any quotation mark has closed: none opens
    // on a comma, whatever the language (straight marks too: the quotes
    // rule may curl them, and the answer must not change when it does)
    let closes_before = |p: char| {
        m.closers.contains(&p)
            || (next.is_some_and(|n| matches!(n, ',' | '.'))
                && matches!(p, '“' | '”' | '»' | '«' | '‘' | '’' | '"' | '\''))
    };
    if next.is_some_and(|n| m.tight.contains(&n))
        && prev.is_some_and(|p| p.is_alphanumeric() || closes_before(p))
        && !starts_ellipsis_or_number(rest)
    {
        Some("space before punctuation")
    } else if prev.is_some_and(|p| m.openers.contains(&p)) {
        Some("space after an opening quote or bracket")
    } else if next.is_some_and(|n| m.closers.contains(&n))
        && prev.is_some_and(|p| !m.openers.contains(&p))
        && !spaced_separator(rest)
    {
        Some("space before a closing quote or bracket")
    } else {
        None
    }
}

/// The character before a spacing run that decides what the run is, looking
/// through forbidden characters and through closing emphasis marks ("*A* ,"):
/// the markup rule removes those, and the spacing must come out the same
/// whether it runs before or after them.
pub(crate) fn prev_visible(before: &str) -> Option<char> {
    let s = before.trim_end_matches(is_xml_forbidden);
    let unmarked = s.trim_end_matches(['*', '_']);
    let closes_emphasis = unmarked.len() < s.len()
        && unmarked
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '*' | '_'));
    let s = if closes_emphasis { unmarked } else { s };
    // "Ã¡ ,": the mojibake rule makes the "¡" an "á", which decides
    // (looked at only when the last character may be a misread byte)
    if s.chars()
        .next_back()
        .is_some_and(crate::analysis::misread::may_be_misread)
    {
        let tail_from = s.char_indices().rev().nth(3).map_or(0, |(i, _)| i);
        let decoded = crate::analysis::misread::decoded(&s[tail_from..]);
        if let Some(last) = decoded.and_then(|d| d.chars().next_back()) {
            return Some(last);
        }
    }
    last_composed(s)
}

/// The last character of `s` as the NFC rule leaves it: trailing combining
/// marks are put in canonical order, and may compose with their base (a
/// virama before a Syriac letter mark ends the text with the mark once
/// reordered, and the spacing after it is judged as it will be then).
pub(crate) fn last_composed(s: &str) -> Option<char> {
    // most texts end a word with a base character: nothing to gather
    let mut kept = s.chars().rev().filter(|&c| !is_xml_forbidden(c));
    let last = kept.next()?;
    if canonical_combining_class(last) == 0 {
        return Some(as_composed(last));
    }
    let mut tail = vec![last];
    for c in kept {
        tail.push(c);
        if canonical_combining_class(c) == 0 {
            break;
        }
    }
    tail.reverse();
    unicode_normalization::UnicodeNormalization::nfc(tail.into_iter()).last()
}

/// The character after a spacing run that decides what the run is, looking
/// through forbidden characters and opening emphasis marks, as
/// [`prev_visible`] does before it.
pub(crate) fn next_visible(after: &str, t: Typography) -> Option<char> {
    let s = after.trim_start_matches(is_xml_forbidden);
    let mut unmarked = s.trim_start_matches(['*', '_']);
    if let Some(mark) = s[..s.len() - unmarked.len()].chars().next_back() {
        unmarked = without_removed_spacing(mark, unmarked, t);
    }
    let opens_emphasis = unmarked.len() < s.len()
        && unmarked
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '*' | '_'));
    let s = if opens_emphasis { unmarked } else { s };
    s.chars().find(|&c| !is_xml_forbidden(c)).map(as_composed)
}

/// `rest` (what follows emphasis mark `mark`) without the spacing it starts
/// with, if the whitespace rule removes that spacing: "*" + no-break and zero-width
/// spaces + "]" reads as "*]" once they are gone, and the space before the
/// "*" must be judged as it will be on a second conversion.
pub(crate) fn without_removed_spacing(mark: char, rest: &str, t: Typography) -> &str {
    let end = rest.find(|c: char| !in_run(c)).unwrap_or(rest.len());
    if end == 0 {
        return rest;
    }
    let (run, after) = rest.split_at(end);
    let next = next_visible(after, t);
    let line_end = next.is_none_or(|n| n == '\n' || n == '\r');
    let goes = !run.chars().any(|c| is_spacing(c) && !is_zero_width(c))
        || (!line_end && space_goes(Some(mark), next, after, t).is_some());
    if goes { after } else { rest }
}

/// The character as the NFC rule leaves it: U+037E GREEK QUESTION MARK is
/// a ";" once composed, and the spacing before it must be judged as such.
pub(crate) fn as_composed(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    unicode_normalization::UnicodeNormalization::nfc(std::iter::once(c))
        .next()
        .unwrap_or(c)
}

/// "Home » News": a guillemet with a space after it as well as before is
/// a separator of a breadcrumb trail, not a closing quote.
pub(crate) fn spaced_separator(rest: &str) -> bool {
    let mut it = rest.chars();
    it.next() == Some('»') && it.next().is_none_or(char::is_whitespace)
}

/// ". . ." and ".5" are not sentence punctuation after a space.
pub(crate) fn starts_ellipsis_or_number(rest: &str) -> bool {
    let mut it = rest.chars();
    let first = it.next();
    let second = it.next();
    matches!(
        (first, second),
        (Some('.'), Some('.' | ' ')) | (Some('.' | ','), Some('0'..='9'))
    )
}
