//! `mojibake`: UTF-8 text that was once read as Windows-1252 (or Latin-1).
//!
//! "CafÃ©" → "Café", "Itâ€™s" → "It’s", "MÉ™mmÉ™dov" → "Məmmədov".
//!
//! How: a run of characters is re-encoded to the Windows-1252 bytes they
//! came from; when those bytes form one complete UTF-8 sequence (a lead byte
//! and exactly its continuation bytes), the decoded character replaces the
//! run. ftfy's discipline against false positives is kept:
//! - only a complete, valid UTF-8 sequence of 2–4 bytes is decoded (a round
//!   trip: the decoded character encodes back to exactly those bytes);
//! - the decoded character must be a plausible text character (Latin,
//!   IPA, Greek, Cyrillic letters, general punctuation, currency, letterlike
//!   symbols); "Gruß”" would decode to an N'Ko letter and is left alone;
//! - every fix makes the text shorter in suspicious characters (two to four
//!   become one), so the repair never adds mojibake.
//!
//! Why not the `plsfix` crate (an ftfy port, MIT): it brings about a hundred
//! crates (ICU, fancy-regex, the unmaintained `encoding`) onto a small
//! machine, and its whole-string API returns new text, not the source spans
//! that an [`Edit`] needs to stay reviewable and reversible.

use super::markup::Marks;
use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;
use std::cell::OnceCell;
use unicode_normalization::UnicodeNormalization;

/// See the module documentation.
pub struct Mojibake;

/// Windows-1252 bytes 0x80–0x9F that are not C1 controls.
const CP1252_HIGH: &[(char, u8)] = &[
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The Windows-1252 byte a character decodes from (Latin-1 for C1 controls).
fn cp1252_byte(c: char) -> Option<u8> {
    let n = c as u32;
    if (0x80..=0xFF).contains(&n) {
        return u8::try_from(n).ok();
    }
    CP1252_HIGH.iter().find(|(ch, _)| *ch == c).map(|&(_, b)| b)
}

/// Length of the UTF-8 sequence a lead byte opens (2–4), if it is one.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// A character that real text would contain.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0x00A0..=0x036F      // Latin-1, Latin Extended A/B, IPA (ə), spacing modifiers
        | 0x0370..=0x052F    // Greek, Cyrillic
        | 0x1E00..=0x1EFF    // Latin Extended Additional
        | 0x2010..=0x206F    // general punctuation
        | 0x20A0..=0x20CF    // currency
        | 0x2100..=0x214F) // letterlike symbols (™, №)
}

impl Pass for Mojibake {
    fn id(&self) -> &'static str {
        "mojibake"
    }

    fn description(&self) -> &'static str {
        "UTF-8 text once misread as Windows-1252 (mojibake such as “Ã©” for “é”) decoded back, only where the bytes form one complete, plausible UTF-8 character."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for b in &cx.doc.blocks {
            // the markdown delimiters the markup rule removes, read through
            // like the characters other rules delete (gathered only if a
            // run of possibly misread characters asks)
            let marks: OnceCell<Marks> = OnceCell::new();
            let skip = |at: usize, c: char| {
                transparent(c)
                    || marks
                        .get_or_init(|| Marks::of(cx.text, &b.inlines))
                        .holds(b.span.start + at)
            };
            block_edits(cx.text, b.span, self.id(), &skip, &mut out.edits);
        }
    }
}

/// Which characters of a block, by offset, other rules delete.
type Skip<'a> = dyn Fn(usize, char) -> bool + 'a;

/// Characters another rule deletes (XML-forbidden controls, zero-width
/// spaces): a misread sequence is read through them, or deleting them would
/// join its pieces into mojibake that only a second conversion repairs.
fn transparent(c: char) -> bool {
    super::xml_chars::is_xml_forbidden(c) || super::whitespace::is_zero_width(c)
}

/// The edits of one block; `skip` tells the characters (by offset in the
/// block) that other rules delete, which a misread sequence is read through.
fn block_edits(text: &str, block: Span, rule: &str, skip: &Skip<'_>, out: &mut Vec<Edit>) {
    let s = block.of(text);
    // runs of characters that have a Windows-1252 byte of 0x80 or more,
    // possibly with transparent characters inside
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut gap_from = None; // start of transparent characters after a run
    for (i, c) in s.char_indices() {
        if cp1252_byte(c).is_some() {
            match runs.last_mut() {
                Some(r) if r.1 == i || gap_from == Some(r.1) => r.1 = i + c.len_utf8(),
                _ => runs.push((i, i + c.len_utf8())),
            }
            gap_from = None;
        } else if (gap_from.is_some() || runs.last().is_some_and(|r| r.1 == i)) && skip(i, c) {
            // (asked only right after a run: most characters are not)
            gap_from = gap_from.or_else(|| runs.last().filter(|r| r.1 == i).map(|r| r.1));
        } else {
            gap_from = None;
        }
    }
    for (from, to) in runs {
        run_edits(text, block.start, s, (from, to), rule, skip, out);
    }
}

/// The edits that decode one run `s[from..to]` of a block starting at `base`.
fn run_edits(
    text: &str,
    base: usize,
    s: &str,
    (from, to): (usize, usize),
    rule: &str,
    skip: &Skip<'_>,
    out: &mut Vec<Edit>,
) {
    let run = &s[from..to];
    // the run without its transparent characters, and where each kept one is
    let kept: Vec<(usize, char)> = run
        .char_indices()
        .filter(|&(k, c)| !skip(from + k, c))
        .collect();
    let sig: String = kept.iter().map(|&(_, c)| c).collect();
    let Some(fixed) = decoded(&sig) else {
        return;
    };
    // keep the edit tight: drop the unchanged ends of the run
    let (prefix, suffix) = super::common_ends(&sig, &fixed);
    let decoded = fixed[prefix..fixed.len() - suffix].to_owned();
    let (prefix, suffix) = (
        sig[..prefix].chars().count(),
        sig[sig.len() - suffix..].chars().count(),
    );
    let changed = &kept[prefix..kept.len() - suffix];
    let (Some(&(first, _)), Some(&(last, last_c))) = (changed.first(), changed.last()) else {
        return;
    };
    let note = "UTF-8 bytes misread as Windows-1252, decoded back";
    let region = &run[first..last + last_c.len_utf8()];
    if region
        .char_indices()
        .any(|(k, c)| skip(from + first + k, c))
    {
        // pieces apart: the first becomes the decoded text, the others go,
        // and the characters between are left to the rules that delete them
        for (k, &(at, c)) in changed.iter().enumerate() {
            let start = base + from + at;
            let after = if k == 0 {
                decoded.clone()
            } else {
                String::new()
            };
            let span = Span::new(start, start + c.len_utf8());
            out.push(Edit::new(text, span, after, rule, Category::Encoding, 0.9).with_note(note));
        }
        return;
    }
    let mut after = decoded;
    let mut start = from + first;
    // "eÌ°": the decoded U+0330 composes with the "e" before it; the edit
    // takes that character in and writes the composed form, as the NFC
    // rule would on a second conversion
    if let Some(p) = s[..start].chars().next_back()
        && !skip(start - p.len_utf8(), p)
    {
        // against p's own NFC: a character NFC rewrites by itself ("ਫ਼",
        // U+0A5E, decomposes) is the NFC rule's edit, not a composition
        let own: String = std::iter::once(p).nfc().collect();
        let composed: String = std::iter::once(p).chain(after.chars()).nfc().collect();
        if !composed.starts_with(&own) {
            start -= p.len_utf8();
            after = composed;
        }
    }
    let mut end = from + last + last_c.len_utf8();
    // "â€“ when": the misread en dash ends in “, and the spacing rule
    // would take the space after that “; the edit keeps the space itself
    if s[..end].ends_with(['“', '‘']) {
        let spaces = s[end..].len() - s[end..].trim_start_matches(' ').len();
        after.push_str(&s[end..end + spaces]);
        end += spaces;
    }
    let span = Span::new(base + start, base + end);
    out.push(Edit::new(text, span, after, rule, Category::Encoding, 0.9).with_note(note));
}

/// `s` with every misread sequence decoded, if it holds any. Decoding
/// repeats until nothing changes: doubly-encoded text ("ÃƒÂ©") is repaired
/// in one go, so a second conversion finds nothing left.
pub(crate) fn decoded(s: &str) -> Option<String> {
    let mut fixed = decode_once(s);
    for _ in 0..4 {
        let again = decode_once(&fixed);
        if again == fixed {
            break;
        }
        fixed = again;
    }
    // a decoded character may have a canonical equivalent ("Í¾" decodes to
    // U+037E, whose NFC form is ";"): the repair gives the NFC form at once
    (fixed != s).then(|| unicode_normalization::UnicodeNormalization::nfc(fixed.chars()).collect())
}

/// Whether a character may be one byte of a misread sequence.
pub(crate) fn may_be_misread(c: char) -> bool {
    cp1252_byte(c).is_some()
}

/// Whether `c`, put between `before` and `after`, would be a byte of a
/// sequence this rule decodes. Other rules ask before they write such a
/// character: curling the apostrophe in "Ã'" makes "Ã’", which reads as a
/// misread "Ò". Characters other rules delete are looked through, as the
/// rule itself does.
pub(crate) fn completes_sequence(before: &str, c: char, after: &str) -> bool {
    // a UTF-8 sequence has at most four bytes: three neighbours a side
    let mut chars: Vec<char> = before
        .chars()
        .rev()
        .filter(|&c| !transparent(c))
        .take(3)
        .collect();
    chars.reverse();
    let at = chars.len();
    chars.push(c);
    chars.extend(after.chars().filter(|&c| !transparent(c)).take(3));
    (0..=at).any(|k| {
        let decoded = decode_once(&chars[k..].iter().collect::<String>());
        let n = cp1252_byte(chars[k]).and_then(sequence_len).unwrap_or(0);
        // the sequence from k reaches c and is one that decodes
        k + n > at && !decoded.starts_with(chars[k])
    })
}

/// Decodes every complete, plausible UTF-8 sequence hidden in `s` once.
fn decode_once(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < chars.len() {
        let n = cp1252_byte(chars[k]).and_then(sequence_len).unwrap_or(0);
        let decoded = (n > 0)
            .then(|| {
                (0..n)
                    .map(|t| chars.get(k + t).and_then(|&c| cp1252_byte(c)))
                    .enumerate()
                    .map(|(t, b)| b.filter(|&b| t == 0 || (0x80..=0xBF).contains(&b)))
                    .collect::<Option<Vec<u8>>>()
            })
            .flatten()
            .and_then(|b| std::str::from_utf8(&b).ok().and_then(|d| d.chars().next()))
            .filter(|&d| plausible(d));
        match decoded {
            Some(d) => {
                out.push(d);
                k += n;
            }
            None => {
                out.push(chars[k]);
                k += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Mojibake, t))
    }

    #[test]
    fn a_character_nfc_rewrites_alone_is_not_taken_into_the_edit() {
        // U+0A5E decomposes under NFC: that is the NFC rule's edit, and taking
        // it in made the two edits overlap, so the decoding waited for a
        // second conversion
        let e = run_pass(&super::Mojibake, "\u{a5e}Ã\u{a0}!");
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].before.as_str(), e[0].after.as_str()),
            ("Ã\u{a0}", "à")
        );
        let e = run_pass(&super::Mojibake, "eÌ°");
        assert_eq!(e[0].before, "eÌ°");
    }

    #[test]
    fn classic_mojibake_is_decoded() {
        assert_eq!(fixed("CafÃ© au lait"), "Café au lait");
        assert_eq!(fixed("Itâ€™s here â€“ now."), "It’s here – now.");
        assert_eq!(
            fixed("MÉ™mmÉ™dov and AzÉ™rbaycan"),
            "Məmmədov and Azərbaycan"
        );
        assert_eq!(fixed("ÅžuÅŸa"), "Şuşa");
        assert_eq!(fixed("why Í¾ not"), "why ; not");
    }

    #[test]
    fn real_accented_text_stays() {
        for t in [
            "São Paulo and naïve façade",
            "Gruß” sagte er.",
            "«ÖSTERREICH» and €5 and ™",
            "Çavuşoğlu, Məmmədov, İlham",
            "Ã",
        ] {
            assert_eq!(fixed(t), t, "{t}");
        }
    }

    #[test]
    fn a_misread_dash_keeps_the_space_after_it() {
        let e = run_pass(&super::Mojibake, "1920s â€“ when");
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].before.as_str(), e[0].after.as_str()), ("â€“ ", "– "));
    }

    #[test]
    fn double_encoding_is_undone_in_one_pass() {
        assert_eq!(fixed("cafÃƒÂ© time"), "café time");
        let once = fixed("cafÃƒÂ© and Ã¼ber");
        assert_eq!(fixed(&once), once);
    }

    #[test]
    fn a_sequence_is_read_through_characters_other_rules_delete() {
        let t = "Ã\u{1}\u{200B}“ and Ã© and Ã\u{1} x";
        let e = run_pass(&super::Mojibake, t);
        let pieces: Vec<(&str, &str)> = e
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(pieces, [("Ã", "Ó"), ("“", ""), ("Ã©", "é")]);
    }

    #[test]
    fn a_sequence_is_read_through_markdown_marks() {
        // the markup rule removes the asterisks; "Â®" is a misread "®", so
        // the "Â" goes
        let e = run_pass(&super::Mojibake, "A mark *Â*® here");
        let pieces: Vec<(&str, &str)> = e
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(pieces, [("Â", "")]);
    }

    #[test]
    fn every_fix_round_trips() {
        let t = "Ã© â€œquotedâ€\u{9d} Ã¼ber";
        for e in run_pass(&super::Mojibake, t) {
            let bytes: Vec<u8> = e.before.chars().filter_map(super::cp1252_byte).collect();
            assert_eq!(std::str::from_utf8(&bytes).ok(), Some(e.after.as_str()));
        }
    }
}
