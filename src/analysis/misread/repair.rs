//! The repair itself: text that reads as UTF-8 misread as a single-byte
//! encoding is encoded back to those bytes and decoded as UTF-8, layer after
//! layer, while every character keeps the source characters it came from,
//! so that each change is an edit over exact source spans.
//!
//! One step, on text that [`is_bad`]:
//! 1. the whole text, encoded in each codec of [`ORDER`] that holds all its
//!    characters, must decode as UTF-8 (CESU-8 surrogate pairs included);
//!    before decoding, a space that stands where a no-break space (byte
//!    0xA0) was lost is put back ("Ã " for "à "), and in the sloppy code
//!    pages a sequence whose bytes were replaced by U+FFFD becomes one U+FFFD;
//! 2. otherwise the stretches that look like UTF-8 lead and continuation
//!    characters ([`Clue`]) are repaired on their own, each only if it is
//!    bad by itself: text that mixes sound accented letters and mojibake;
//! 3. otherwise C1 controls are read as the windows-1252 characters of the
//!    same byte (a windows-1252 text decoded as Latin-1).
//!
//! Steps repeat until nothing changes: two or three layers of misreading
//! come undone in one conversion. This is ftfy's `fix_encoding` (Apache-2.0,
//! © Robyn Speer) rebuilt over tracked characters.

use super::badness::is_bad;
use super::codecs::{Clue, Codec, ORDER, clue};

/// At most this many layers are undone (three are seen in the wild).
const MAX_LAYERS: usize = 6;

/// One way the text was misread, undone by a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// UTF-8 bytes read as `codec`; `a0`: a no-break space byte had become a
    /// space; `lossy`: bytes had been replaced by U+FFFD.
    Utf8As { codec: Codec, a0: bool, lossy: bool },
    /// windows-1252 bytes read as Latin-1: C1 controls for punctuation.
    C1AsWindows1252,
}

impl Step {
    /// How a note names the step.
    pub(crate) fn describe(self) -> String {
        match self {
            Step::Utf8As { codec, a0, lossy } => {
                let mut s = format!("UTF-8 read as {}", codec.name());
                if a0 {
                    s.push_str(" (a no-break space byte turned into a space, put back)");
                }
                if lossy {
                    s.push_str(" (bytes lost to U+FFFD, the character marked as lost)");
                }
                s
            }
            Step::C1AsWindows1252 => "windows-1252 read as Latin-1 (C1 controls)".to_owned(),
        }
    }
}

/// A character of the text under repair and the source characters
/// `from..to` (indices into the segment) it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub c: char,
    pub from: usize,
    pub to: usize,
    /// The steps that made it, in order (empty: a source character as is).
    pub path: Vec<Step>,
}

/// The pieces of `text`, one per character, as they stand in the source.
pub(crate) fn pieces(text: impl Iterator<Item = char>) -> Vec<Piece> {
    text.enumerate()
        .map(|(i, c)| Piece {
            c,
            from: i,
            to: i + 1,
            path: Vec::new(),
        })
        .collect()
}

fn text_of(p: &[Piece]) -> String {
    p.iter().map(|x| x.c).collect()
}

/// `p` repaired: every step taken until none changes anything.
pub(crate) fn fix(mut p: Vec<Piece>) -> Vec<Piece> {
    for _ in 0..MAX_LAYERS {
        match step(&p) {
            Some(next) if next.iter().map(|x| x.c).ne(p.iter().map(|x| x.c)) => p = next,
            _ => break,
        }
    }
    p
}

/// One step of the repair (see the module documentation).
fn step(p: &[Piece]) -> Option<Vec<Piece>> {
    let text = text_of(p);
    if text.is_ascii() || !is_bad(&text) {
        return None;
    }
    for codec in ORDER {
        let Some(mut bytes) = encode(p, codec) else {
            continue;
        };
        if codec != Codec::MacRoman && has_altered_a0(&bytes) {
            restore_a0(&mut bytes);
        }
        if codec.is_sloppy() {
            mark_lossy(&mut bytes);
        }
        if let Some(out) = decode(p, &bytes, codec) {
            return Some(out);
        }
    }
    if let Some(out) = inconsistent(p) {
        return Some(out);
    }
    c1_controls(p)
}

/// A byte of the encoded text, with the pieces `first..=last` it comes
/// from.
#[derive(Debug, Clone, Copy)]
struct Byte {
    b: u8,
    first: usize,
    last: usize,
    a0: bool,
    lossy: bool,
}

fn encode(p: &[Piece], codec: Codec) -> Option<Vec<Byte>> {
    p.iter()
        .enumerate()
        .map(|(i, x)| {
            codec.encode(x.c).map(|b| Byte {
                b,
                first: i,
                last: i,
                a0: false,
                lossy: false,
            })
        })
        .collect()
}

const fn cont(b: u8) -> bool {
    matches!(b, 0x80..=0xBF)
}

/// A continuation byte that is neither 0x85 (…, often a real ellipsis) nor
/// 0xA0 (the no-break space itself).
const fn cont_not_85_a0(b: u8) -> bool {
    matches!(b, 0x80..=0x84 | 0x86..=0x9F | 0xA1..=0xBF)
}

/// Where, in `b` from `i`, a sequence would decode as UTF-8 if one space
/// in it were 0xA0: the length of the sequence. Only lead bytes that give
/// likely characters before 0xA0 count (à, Š, Π, Р, Arabic digits; the
/// no-break space itself; three-byte punctuation, symbols and kana; emoji).
fn altered_a0_at(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(i + k).copied();
    let x = at(0)?;
    let sp = |k: usize| at(k) == Some(b' ');
    let c = |k: usize| at(k).is_some_and(cont);
    let c2 = |k: usize| at(k).is_some_and(cont_not_85_a0);
    match x {
        0xC2 | 0xC3 | 0xC5 | 0xCE | 0xD0 | 0xD9 if sp(1) => Some(2),
        0xE2 | 0xE3 if sp(1) && c2(2) => Some(3),
        0xE0..=0xE3 if c2(1) && sp(2) => Some(3),
        0xF0 if (sp(1) && c(2) && c(3)) || (c(1) && sp(2) && c(3)) || (c(1) && c(2) && sp(3)) => {
            Some(4)
        }
        _ => None,
    }
}

fn has_altered_a0(b: &[Byte]) -> bool {
    let raw: Vec<u8> = b.iter().map(|x| x.b).collect();
    (0..raw.len()).any(|i| altered_a0_at(&raw, i).is_some())
}

/// Puts back the 0xA0 bytes that became spaces. "Ã" before a space is "à"
/// followed by that space ("Ã la" is "à la") unless the word goes on in
/// Portuguese ("Ã s" is "às", "Ã quele" is "àquele"), where the space
/// itself was the no-break space.
fn restore_a0(bytes: &mut Vec<Byte>) {
    let raw: Vec<u8> = bytes.iter().map(|x| x.b).collect();
    let mut out: Vec<Byte> = Vec::with_capacity(bytes.len() + 4);
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == 0xC3 && raw.get(i + 1) == Some(&b' ') && !portuguese_or_space(&raw[i + 2..]) {
            let lead = bytes[i];
            out.push(lead);
            out.push(Byte {
                b: 0xA0,
                a0: true,
                ..lead
            });
            out.push(bytes[i + 1]);
            i += 2;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let raw: Vec<u8> = out.iter().map(|x| x.b).collect();
    let mut i = 0;
    while i < raw.len() {
        match altered_a0_at(&raw, i) {
            Some(n) => {
                for x in &mut out[i..i + n] {
                    if x.b == b' ' {
                        x.b = 0xA0;
                        x.a0 = true;
                    }
                }
                i += n;
            }
            None => i += 1,
        }
    }
    *bytes = out;
}

fn portuguese_or_space(rest: &[u8]) -> bool {
    [&b" "[..], b"quele", b"quela", b"quilo", b"s "]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The length of a sequence at `b[i..]` whose bytes were lost to U+FFFD
/// (byte 0x1A in the sloppy code pages; an ASCII "?" at most once), if one
/// starts there.
fn lossy_at(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(i + k).copied();
    let lost = |k: usize| at(k) == Some(0x1A);
    let q = |k: usize| matches!(at(k), Some(0x1A | b'?'));
    let lc = |k: usize| at(k).is_some_and(|x| x == 0x1A || cont(x));
    let qc = |k: usize| at(k).is_some_and(|x| x == 0x1A || x == b'?' || cont(x));
    let in_range = |k: usize, lo: u8, hi: u8| at(k).is_some_and(|x| (lo..=hi).contains(&x));
    let x = at(0)?;
    if matches!(x, 0xC2..=0xDF) && lost(1) {
        return Some(2);
    }
    if matches!(x, 0xC2 | 0xC3) && at(1) == Some(b'?') {
        return Some(2);
    }
    if x == 0xED
        && in_range(1, 0xA0, 0xAF)
        && at(3) == Some(0xED)
        && in_range(4, 0xB0, 0xBF)
        && ((q(2) && qc(5)) || (qc(2) && q(5)))
    {
        return Some(6);
    }
    if matches!(x, 0xE0..=0xEF) && ((q(1) && lc(2)) || (lc(1) && q(2))) {
        return Some(3);
    }
    if matches!(x, 0xF0..=0xF4)
        && ((q(1) && lc(2) && lc(3)) || (lc(1) && q(2) && lc(3)) || (lc(1) && lc(2) && q(3)))
    {
        return Some(4);
    }
    lost(0).then_some(1)
}

/// Replaces each sequence that lost bytes to U+FFFD by the UTF-8 of U+FFFD.
fn mark_lossy(bytes: &mut Vec<Byte>) {
    if !bytes.iter().any(|x| x.b == 0x1A || x.b == b'?') {
        return;
    }
    let raw: Vec<u8> = bytes.iter().map(|x| x.b).collect();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < raw.len() {
        match lossy_at(&raw, i) {
            Some(n) => {
                let (first, last) = (bytes[i].first, bytes[i + n - 1].last);
                for b in [0xEF, 0xBF, 0xBD] {
                    out.push(Byte {
                        b,
                        first,
                        last,
                        a0: false,
                        lossy: true,
                    });
                }
                i += n;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    *bytes = out;
}

/// The character a UTF-8 (or CESU-8) sequence at `b[i..]` encodes, and its
/// length; `None` if the bytes there are not one.
fn utf8_char(b: &[u8], i: usize) -> Option<(char, usize)> {
    let x = b[i];
    let n = match x {
        0x00..=0x7F => return Some((x as char, 1)),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    // CESU-8: a UTF-16 surrogate pair, each half as a three-byte sequence
    if x == 0xED && b.get(i + 1).is_some_and(|y| (0xA0..=0xAF).contains(y)) {
        let s = b.get(i..i + 6)?;
        if !(cont(s[2]) && s[3] == 0xED && (0xB0..=0xBF).contains(&s[4]) && cont(s[5])) {
            return None;
        }
        let unit = |k: usize| {
            (u32::from(s[k] & 0x0F) << 12)
                | (u32::from(s[k + 1] & 0x3F) << 6)
                | u32::from(s[k + 2] & 0x3F)
        };
        let cp = 0x10000 + ((unit(0) - 0xD800) << 10) + (unit(3) - 0xDC00);
        return char::from_u32(cp).map(|c| (c, 6));
    }
    let s = b.get(i..i + n)?;
    std::str::from_utf8(s)
        .ok()
        .and_then(|d| d.chars().next())
        .map(|c| (c, n))
}

/// The pieces the bytes decode to as UTF-8, if they all do.
fn decode(p: &[Piece], bytes: &[Byte], codec: Codec) -> Option<Vec<Piece>> {
    let raw: Vec<u8> = bytes.iter().map(|x| x.b).collect();
    let mut out = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < raw.len() {
        let (c, n) = utf8_char(&raw, i)?;
        let span = &bytes[i..i + n];
        let (first, last) = (span[0].first, span[n - 1].last);
        if n == 1 && first == last && p[first].c == c {
            out.push(p[first].clone());
        } else {
            let step = Step::Utf8As {
                codec,
                a0: span.iter().any(|x| x.a0),
                lossy: span.iter().any(|x| x.lossy),
            };
            out.push(made_of(&p[first..=last], c, step));
        }
        i += n;
    }
    Some(out)
}

/// A new piece for `c`, made of `parts` by `step`.
fn made_of(parts: &[Piece], c: char, step: Step) -> Piece {
    let mut path: Vec<Step> = Vec::new();
    for s in parts.iter().flat_map(|x| x.path.iter()) {
        if !path.contains(s) {
            path.push(*s);
        }
    }
    path.push(step);
    Piece {
        c,
        from: parts[0].from,
        to: parts[parts.len() - 1].to,
        path,
    }
}

/// The stretches of `p` that look like UTF-8 sequences read as a
/// Latin-1-like code page: a lead character and its continuations, one
/// sequence after another, not right after a strict continuation (a
/// stretch inside a larger garble is not repaired piecemeal).
fn embedded(p: &[Piece]) -> Vec<(usize, usize)> {
    let clues: Vec<Clue> = p.iter().map(|x| clue(x.c)).collect();
    let conts = |from: usize, n: usize| {
        (from..from + n).all(|k| clues.get(k).is_some_and(|c| c.continuation))
    };
    let sequence_at = |j: usize| {
        let c = clues[j];
        if c.first_of_2 && conts(j + 1, 1) {
            Some(2)
        } else if c.first_of_3 && conts(j + 1, 2) {
            Some(3)
        } else if c.first_of_4 && conts(j + 1, 3) {
            Some(4)
        } else {
            None
        }
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if i > 0 && clues[i - 1].strict {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < p.len() {
            match sequence_at(j) {
                Some(n) => j += n,
                None => break,
            }
        }
        if j > i {
            found.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

/// Step 2: each embedded stretch that is bad by itself, repaired alone.
fn inconsistent(p: &[Piece]) -> Option<Vec<Piece>> {
    let mut out: Vec<Piece> = Vec::with_capacity(p.len());
    let mut changed = false;
    let mut at = 0;
    for (i, j) in embedded(p) {
        out.extend_from_slice(&p[at..i]);
        let part = &p[i..j];
        if part.len() < p.len() && is_bad(&text_of(part)) {
            let fixed = fix(part.to_vec());
            changed |= fixed.iter().map(|x| x.c).ne(part.iter().map(|x| x.c));
            out.extend(fixed);
        } else {
            out.extend_from_slice(part);
        }
        at = j;
    }
    out.extend_from_slice(&p[at..]);
    changed.then_some(out)
}

/// Step 3: C1 controls read as the windows-1252 characters of their byte.
fn c1_controls(p: &[Piece]) -> Option<Vec<Piece>> {
    let mut changed = false;
    let out = p
        .iter()
        .map(|x| {
            let n = x.c as u32;
            if (0x80..=0x9F).contains(&n) {
                let c = Codec::Windows1252.decode(n as u8);
                if c != x.c {
                    changed = true;
                    return made_of(std::slice::from_ref(x), c, Step::C1AsWindows1252);
                }
            }
            x.clone()
        })
        .collect();
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(t: &str) -> String {
        text_of(&fix(pieces(t.chars())))
    }

    fn path(t: &str) -> Vec<String> {
        let mut all: Vec<String> = Vec::new();
        for x in fix(pieces(t.chars())) {
            let p = x
                .path
                .iter()
                .map(|s| s.describe())
                .collect::<Vec<_>>()
                .join(", then ");
            if !p.is_empty() && !all.contains(&p) {
                all.push(p);
            }
        }
        all
    }

    #[test]
    fn each_code_page_is_undone() {
        // each text is UTF-8 written out by hand as the code page reads it
        for (damaged, fixed, codec) in [
            ("sch\u{c3}\u{b6}n", "schön", "Latin-1"),
            (
                "Stra\u{c3}\u{178}e \u{e2}\u{20ac}\u{201c} gut",
                "Straße – gut",
                "windows-1252",
            ),
            (
                "\u{420}\u{a9}\u{421}\u{2018}\u{421}\u{402}",
                "Щёр",
                "windows-1251",
            ),
            (
                "\u{139}\u{13d}\u{102}\u{142}\u{139}\u{201a}w",
                "żółw",
                "windows-1250",
            ),
            (
                "\u{39e}\u{2122}\u{39e}\u{388}\u{39e}\u{ac}\u{39e}\u{38a}\u{39e}\u{b7}",
                "Ιθάκη",
                "windows-1253",
            ),
            (
                "\u{11e}\u{178}\u{d1}\u{20ac}\u{11e}\u{b8}\u{11e}\u{b2}\u{11e}\u{b5}\u{d1}\u{201a}",
                "Привет",
                "windows-1254",
            ),
            (
                "\u{c4}\u{c6}domu \u{c4}\u{b7}\u{c4}\u{201c}de",
                "įdomu ķēde",
                "windows-1257",
            ),
            (
                "p\u{221a}\u{ae}re No\u{221a}\u{b4}l",
                "père Noël",
                "MacRoman",
            ),
            ("\u{2500}\u{ee}e\u{253c}\u{ed}tina", "Čeština", "cp437"),
            ("\u{f0}\u{a3}\u{f0}\u{a9}\u{d0}\u{c7}", "Мир", "cp850"),
        ] {
            assert_eq!(repaired(damaged), fixed, "{damaged}");
            assert!(
                path(damaged)[0].ends_with(codec),
                "{damaged}: {:?}",
                path(damaged)
            );
        }
    }

    #[test]
    fn layers_are_undone_and_named_in_order() {
        assert_eq!(
            repaired("caf\u{c3}\u{192}\u{c2}\u{a9} au lait"),
            "café au lait"
        );
        let t = "a \u{413}\u{201a}\u{412}\u{408}5 note";
        assert_eq!(repaired(t), "a £5 note");
        assert_eq!(
            path(t),
            ["UTF-8 read as windows-1251, then UTF-8 read as Latin-1"]
        );
    }

    #[test]
    fn lost_bytes_are_marked_not_dropped() {
        assert_eq!(
            repaired("\u{e2}\u{20ac}\u{153}quoted\u{e2}\u{20ac}\u{fffd}"),
            "“quoted\u{fffd}"
        );
        assert_eq!(
            repaired("\u{e2}\u{20ac}\u{153}x\u{e2}\u{20ac}?"),
            "“x\u{fffd}"
        );
    }

    #[test]
    fn a_no_break_space_turned_space_is_put_back() {
        assert_eq!(
            repaired("d\u{c3}\u{a9}j\u{c3} vu, voil\u{c3} tout"),
            "déjà vu, voilà tout"
        );
        assert_eq!(
            repaired("ir \u{c3} s ruas e \u{c3}\u{a9}"),
            "ir às ruas e é"
        );
    }

    #[test]
    fn surrogate_pairs_read_as_latin1_become_one_character() {
        assert_eq!(repaired("ok \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{80}"), "ok 😀");
    }

    #[test]
    fn mojibake_among_sound_accents_is_repaired_alone() {
        assert_eq!(
            repaired("Caf\u{c3}\u{a9} na esta\u{e7}\u{e3}o"),
            "Café na estação"
        );
    }

    #[test]
    fn c1_controls_become_windows_1252_punctuation() {
        assert_eq!(repaired("na\u{ef}ve\u{85} \u{93}so\u{94}"), "naïve… “so”");
    }

    #[test]
    fn pieces_keep_their_source_characters() {
        let out = fix(pieces("xÃ©y".chars()));
        let spans: Vec<(char, usize, usize)> = out.iter().map(|p| (p.c, p.from, p.to)).collect();
        assert_eq!(spans, [('x', 0, 1), ('é', 1, 3), ('y', 3, 4)]);
    }
}
