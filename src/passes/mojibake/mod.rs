//! `mojibake`: UTF-8 text that was once read in a single-byte encoding
//! (windows-1252, Latin-1, windows-1250/1251/1253/1254/1257, ISO-8859-2,
//! MacRoman, cp437, cp850), perhaps twice or three times over.
//!
//! "CafÃ©" → "Café", "РґРѕСЂРѕРіРµ" → "дороге", "g√¢teaux" → "gâteaux",
//! "ÃƒÂ©" → "é", "voilÃ le travail" → "voilà le travail".
//!
//! How: each line of a block is judged as a whole by how unlikely it is as
//! written (`analysis::misread::badness`): sound text, however accented, is passed over;
//! text with unlikely sequences is encoded back to the bytes a misreading
//! came from and decoded as UTF-8 (`analysis::misread::repair`), step after step until no
//! step changes anything. Every character keeps the source characters it
//! came from, so each repair is an edit over the exact span it replaces,
//! its note naming the decoding path ("UTF-8 read as windows-1251, then
//! UTF-8 read as Latin-1"). Nothing is deleted because it could not be
//! decoded: bytes lost to U+FFFD stay marked as lost.
//!
//! A repair that leaves the text as unlikely as before is proposed, not
//! applied. Lines without a character any misreading produces are passed
//! over by a quick check.
//!
//! Why not the `plsfix` crate (an ftfy port, MIT): it brings about a hundred
//! crates (ICU, fancy-regex, the unmaintained `encoding`) onto a small
//! machine, and its whole-string API returns new text, not the source spans
//! that an [`Edit`] needs to stay reviewable and reversible.

use super::{Context, Pass, Proposals};
use crate::analysis::marks::Marks;
use crate::analysis::misread::{badness, codecs, repair, transparent};
use crate::edit::{Category, Edit};
use crate::span::Span;
use repair::{Piece, Step};
use std::cell::OnceCell;
use unicode_normalization::UnicodeNormalization;

/// See the module documentation.
pub struct Mojibake;

/// Lines longer than this are judged in pieces of about this many
/// characters, cut at a space: memory stays flat on a one-line file.
const MAX_SEGMENT: usize = 4096;

impl Pass for Mojibake {
    fn id(&self) -> &'static str {
        "mojibake"
    }

    fn description(&self) -> &'static str {
        "UTF-8 text once misread in a single-byte encoding (mojibake such as “Ã©” for “é”, “Р°” for “а”) decoded back, layer by layer, where the text is unlikely as written and likely once decoded."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        // a text without the control U+0085 (nearly all) keeps its blocks'
        // spans: one search, not two around each of a million blocks
        let nels = cx.text.contains(NEL);
        for b in &cx.doc.blocks {
            let span = match nels {
                true => with_edge_nels(cx.text, b.span),
                false => b.span,
            };
            let s = span.of(cx.text);
            if s.is_ascii() {
                continue;
            }
            // the markdown delimiters the markup rule removes, read through
            // like the characters other rules delete (gathered only for a
            // line that may hold mojibake)
            let marks: OnceCell<Marks> = OnceCell::new();
            let skip = |at: usize, c: char| {
                transparent(c)
                    || (c.is_ascii_punctuation()
                        && marks
                            .get_or_init(|| Marks::of(cx.text, &b.inlines))
                            .holds(at))
            };
            let mut line_start = span.start;
            for line in s.split_inclusive('\n') {
                if line.chars().any(codecs::may_be_misread) {
                    line_edits(cx.text, line_start, line, self.id(), &skip, &mut out.edits);
                }
                line_start += line.len();
            }
        }
    }
}

/// The C1 control NEXT LINE, a misread "…" (see [`with_edge_nels`]).
const NEL: char = '\u{85}';

/// `block` with the C1 control U+0085 (a misread "…") next to it on its
/// first and last line: the parser counts that control as white space and
/// leaves it out of the block, yet once the text around it changes (a
/// blank line no longer blank) it may fall inside one; repaired in any
/// case, it is repaired now.
fn with_edge_nels(text: &str, block: Span) -> Span {
    let spacing = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() && c != '\n' && c != '\r')
    };
    let head = text[..block.start].rfind(['\n', '\r']).map_or(0, |k| k + 1);
    let lead = &text[head..block.start];
    let start = match lead.find(NEL) {
        Some(k) if spacing(lead) => head + k,
        _ => block.start,
    };
    let tail_end = text[block.end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |k| block.end + k);
    let tail = &text[block.end..tail_end];
    let end = match tail.rfind(NEL) {
        Some(k) if spacing(tail) => block.end + k + NEL.len_utf8(),
        _ => block.end,
    };
    Span::new(start, end)
}

/// The characters of a segment and their byte offsets in the text.
type Segment = Vec<(usize, char)>;

/// The edits of one line starting at byte `base`; `skip` tells (by offset
/// in the text) the characters other rules delete.
fn line_edits(
    text: &str,
    base: usize,
    line: &str,
    rule: &str,
    skip: &dyn Fn(usize, char) -> bool,
    out: &mut Vec<Edit>,
) {
    // the quick check: a line none of whose characters other rules delete
    // is judged as it stands, without gathering its characters
    let skips = line.char_indices().any(|(i, c)| skip(base + i, c));
    if !skips && !badness::is_bad(line) {
        return;
    }
    let mut seg: Segment = Vec::new();
    for (i, c) in line.char_indices() {
        let at = base + i;
        if !skip(at, c) {
            seg.push((at, c));
        }
        // a long line is cut at a space once the piece is long enough
        if seg.len() >= MAX_SEGMENT && c == ' ' {
            segment_edits(text, &seg, rule, skip, out);
            seg.clear();
        }
    }
    segment_edits(text, &seg, rule, skip, out);
}

fn segment_edits(
    text: &str,
    seg: &Segment,
    rule: &str,
    skip: &dyn Fn(usize, char) -> bool,
    out: &mut Vec<Edit>,
) {
    let sig: String = seg.iter().map(|&(_, c)| c).collect();
    if !badness::is_bad(&sig) {
        return;
    }
    let before = badness::badness(&sig);
    let fixed = repair::fix(repair::pieces(sig.chars()));
    let fixed_text: String = fixed.iter().map(|p| p.c).collect();
    if fixed_text == sig {
        return;
    }
    // sure when the repair leaves the text less unlikely than it was: then
    // it outranks the cosmetic rules' edits over the same characters (a
    // quote or a doubled space that is a byte of the sequence)
    let confidence = if badness::badness(&fixed_text) < before {
        0.97
    } else {
        0.6
    };
    let identity = |p: &Piece| p.path.is_empty();
    let mut k = 0;
    while k < fixed.len() {
        if identity(&fixed[k]) {
            k += 1;
            continue;
        }
        let first = k;
        while k < fixed.len() && !identity(&fixed[k]) {
            k += 1;
        }
        let run = &fixed[first..k];
        let (from, to) = (run[0].from, run[run.len() - 1].to);
        let after: String = run.iter().map(written).collect();
        let note = note(run);
        run_edit(
            text,
            seg,
            (from, to),
            after,
            rule,
            skip,
            confidence,
            &note,
            out,
        );
    }
}

/// The character an edit writes for a repaired one. A no-break space
/// whose byte had become a space ("Â " for U+00A0) is written as that space:
/// the whitespace rule makes every no-break space between words a space,
/// and it can judge a space it sees in the source now, where a no-break
/// space written here would wait for a second conversion.
fn written(p: &Piece) -> char {
    let restored = p
        .path
        .iter()
        .any(|s| matches!(s, Step::Utf8As { a0: true, .. }));
    if p.c == '\u{A0}' && restored {
        ' '
    } else {
        p.c
    }
}

/// The decoding path of a run of repaired characters.
fn note(run: &[Piece]) -> String {
    let mut paths: Vec<String> = Vec::new();
    for p in run {
        let path = p
            .path
            .iter()
            .map(|s: &Step| s.describe())
            .collect::<Vec<_>>()
            .join(", then ");
        if !paths.contains(&path) {
            paths.push(path);
        }
    }
    format!("mojibake decoded back: {}", paths.join("; "))
}

/// The edit (or edits, around characters other rules delete) that writes
/// `after` over segment characters `from..to`.
#[allow(clippy::too_many_arguments)]
fn run_edit(
    text: &str,
    seg: &Segment,
    (from, to): (usize, usize),
    after: String,
    rule: &str,
    skip: &dyn Fn(usize, char) -> bool,
    confidence: f32,
    note: &str,
    out: &mut Vec<Edit>,
) {
    // keep the edit tight: drop the unchanged ends of the run ("Â®" is a
    // misread "®": the "Â" goes, the "®" stays)
    let after: String = after.nfc().collect();
    let source: String = seg[from..to].iter().map(|&(_, c)| c).collect();
    let (prefix, suffix) = super::common_ends(&source, &after);
    let note = if prefix + suffix > 0 {
        format!("{note} (“{source}” is “{after}”)")
    } else {
        note.to_owned()
    };
    let note = note.as_str();
    let after = after[prefix..after.len() - suffix].to_owned();
    let from = from + source[..prefix].chars().count();
    let to = to - source[source.len() - suffix..].chars().count();
    if from >= to {
        return;
    }
    let end_of = |k: usize| seg[k].0 + seg[k].1.len_utf8();
    let mut start = seg[from].0;
    let mut end = end_of(to - 1);
    let contiguous = (from + 1..to).all(|k| seg[k].0 == end_of(k - 1));
    if !contiguous {
        // pieces apart: the first becomes the decoded text, the others go,
        // and the characters between are left to the rules that delete them
        let mut pieces: Vec<Span> = Vec::new();
        for &(at, c) in &seg[from..to] {
            match pieces.last_mut() {
                Some(p) if p.end == at => p.end = at + c.len_utf8(),
                _ => pieces.push(Span::new(at, at + c.len_utf8())),
            }
        }
        let mut after = Some(after);
        for piece in pieces {
            let edit = Edit::new(
                text,
                piece,
                after.take().unwrap_or_default(),
                rule,
                Category::Encoding,
                confidence,
            );
            out.push(edit.with_note(note));
        }
        return;
    }
    let mut after = after;
    // "eÌ°": the decoded U+0330 composes with the "e" before it; the edit
    // takes that character in and writes the composed form, as the NFC
    // rule would on a second conversion
    if from > 0 && seg[from - 1].0 + seg[from - 1].1.len_utf8() == start {
        let p = seg[from - 1].1;
        // against p's own NFC: a character NFC rewrites by itself ("ਫ਼",
        // U+0A5E, decomposes) is the NFC rule's edit, not a composition
        let own: String = std::iter::once(p).nfc().collect();
        let composed: String = std::iter::once(p).chain(after.chars()).nfc().collect();
        if !composed.starts_with(&own) {
            start -= p.len_utf8();
            after = composed;
        }
    }
    // "â€“ when": the misread en dash ends in “, and the spacing rule
    // would take the space after that “; the edit keeps the space itself
    if text[..end].ends_with(['“', '‘']) {
        let rest = &text[end..];
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        if !(0..spaces).any(|k| skip(end + k, ' ')) {
            after.push_str(&rest[..spaces]);
            end += spaces;
        }
    }
    let span = Span::new(start, end);
    out.push(Edit::new(text, span, after, rule, Category::Encoding, confidence).with_note(note));
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::passes::tests::applied_text(t, &run_pass(&super::Mojibake, t))
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
    fn other_code_pages_and_layers_are_decoded() {
        assert_eq!(fixed("Р’РѕРґР° Рё С…Р»РµР±"), "Вода и хлеб");
        assert_eq!(fixed("Zam√≤ and g√¢teau"), "Zamò and gâteau");
        assert_eq!(fixed("nÃƒÂ© le"), "né le");
    }

    #[test]
    fn real_accented_text_stays() {
        for t in [
            "São Paulo and naïve façade",
            "Gruß” sagte er.",
            "«ÖSTERREICH» and €5 and ™",
            "Çavuşoğlu, Məmmədov, İlham",
            "Ã",
            "NESTLÉ® and VOCÊ… and 10 Å—",
            "Join ZZAJÉ’s list",
            "SELKÄ\u{a0}EDELLÄ\u{a0}MAAHAN",
            "Ελληνικά και русский текст",
        ] {
            assert_eq!(fixed(t), t, "{t}");
        }
    }

    #[test]
    fn a_misread_byte_that_decodes_to_nothing_new_is_never_deleted() {
        for t in ["Â", "ÂB and Ã1", "x Âx", "LÃ"] {
            assert!(run_pass(&super::Mojibake, t).is_empty(), "{t}");
        }
        // "Â" before a no-break space is the lead byte of that space: the
        // edit takes the "Â", and its note shows the whole sequence
        let e = run_pass(&super::Mojibake, "namedÂ\u{a0}„scars");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].before, "Â");
        assert!(
            e[0].note
                .as_deref()
                .is_some_and(|n| n.contains("“Â\u{a0}” is “\u{a0}”"))
        );
    }

    #[test]
    fn a_repair_that_leaves_the_text_as_unlikely_is_only_proposed() {
        let e = run_pass(&super::Mojibake, "â€œbbâ€? and Ã?Â¢â?¬â?¢s");
        assert!(!e.is_empty());
        assert!(
            e.iter()
                .all(|e| e.after.contains('\u{fffd}') || e.confidence >= 0.8)
        );
    }

    #[test]
    fn a_misread_ellipsis_at_a_block_edge_is_repaired() {
        // U+0085 is white space to the parser, outside the block's span
        assert_eq!(fixed("parl\u{e9}\u{85}"), "parl\u{e9}\u{2026}");
        assert_eq!(
            fixed("\u{85}x \u{93}y\u{94}"),
            "\u{2026}x \u{201c}y\u{201d}"
        );
    }

    #[test]
    fn a_no_break_space_whose_byte_became_a_space_stays_a_space() {
        // "Â " is U+00A0 with its 0xA0 byte turned into a space: the "Â"
        // goes, the space stays for the whitespace rule to judge
        let e = run_pass(&super::Mojibake, "NakaÂ , . ; and namedÂ „scarsÂ´");
        let pieces: Vec<(&str, &str)> = e
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(pieces, [("Â", ""), ("Â", ""), ("Â", "")]);
    }

    #[test]
    fn notes_name_the_decoding_path() {
        let e = run_pass(&super::Mojibake, "a Г‚ВЈ5 note");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].after, "£");
        assert_eq!(
            e[0].note.as_deref(),
            Some("mojibake decoded back: UTF-8 read as windows-1251, then UTF-8 read as Latin-1")
        );
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
        // the last "Ã" is an "à" whose no-break space became a space
        assert_eq!(pieces, [("Ã", "Ó"), ("“", ""), ("Ã©", "é"), ("Ã", "à")]);
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
    fn every_edit_is_over_the_exact_source_it_replaces() {
        // each line is judged alone: the second is all windows-1251
        let t = "Ã© â€œquotedâ€\u{9d} Ã¼ber and\nР’РѕРґР° Рё С…Р»РµР±";
        let e = run_pass(&super::Mojibake, t);
        assert!(e.len() >= 4, "{e:?}");
        for e in e {
            assert_eq!(&t[e.span.start..e.span.end], e.before);
        }
        assert_eq!(fixed(t), "é “quoted” über and\nВода и хлеб");
    }
}
