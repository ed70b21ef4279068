//! Key folding: the form under which names are compared.
//!
//! Folding lowercases, strips diacritics (including the Turkish and
//! Azerbaijani dotless ı, dotted İ and schwa ə), unifies apostrophes, and turns
//! any run of spaces and hyphens into one space, so "Nagorno-Karabakh",
//! "Nagorno Karabakh" and "NAGORNO–KARABAKH" share one key. Every folded byte
//! remembers the source character it came from, so a match on the folded text
//! maps back to the exact source span.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded text with a map back to its source.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// Where each folded byte came from, as segments sorted by folded
    /// offset. ASCII copied one to one needs one segment per run, so the
    /// map costs memory in proportion to the text's non-ASCII characters
    /// and collapsed spacing, not to its length (a byte-by-byte map was 16
    /// bytes per byte: 320 MB for a 20 MB file).
    segments: Vec<Segment>,
}

/// Folded bytes from `fold` on, up to the next segment, came from the
/// source at `src`: one to one when `end` is [`ONE_TO_ONE`], else all from
/// the one source range `src..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Segment {
    fold: usize,
    src: usize,
    end: usize,
}

const ONE_TO_ONE: usize = usize::MAX;

/// What each ASCII byte folds to on its own, as [`Folded::fold_char`]
/// folds it: capitals to small letters, spacing and the hyphen to a space,
/// a backtick to an apostrophe, the rest to itself; [`NOT_ASCII`] for the
/// bytes of other characters.
const ASCII_FOLD: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0u8;
    while b < 0x80 {
        t[b as usize] = match b {
            b'\t'..=b'\r' | b' ' | b'-' => b' ',
            b'`' => b'\'',
            _ => b.to_ascii_lowercase(),
        };
        b += 1;
    }
    t
};

/// [`ASCII_FOLD`] of a byte that is no ASCII character.
const NOT_ASCII: u8 = 0xFF;

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' | 'ʹ')
}

impl Folded {
    /// Folds `s`.
    pub fn new(s: &str) -> Folded {
        Folded::of_range(s, 0, s.len())
    }

    /// Folds `text[start..end]` (on char boundaries), mapping back to
    /// offsets of the whole `text`. Starting at a character that is no
    /// space or dash, this is the piece of the whole text's fold that
    /// stands for the range: folding only carries from one character to
    /// the next whether the last folded character was a space.
    pub fn of_range(text: &str, start: usize, end: usize) -> Folded {
        let s = &text[..end];
        let mut f = Folded {
            text: String::with_capacity(end - start),
            segments: Vec::new(),
        };
        let bytes = s.as_bytes();
        let mut pos = start;
        while pos < s.len() {
            // ASCII, most of any text, is read a run at a time through a
            // table: each byte folds to one byte, one to one, save spacing
            // after spacing, which joins the space before (left to
            // `fold_char`, like any character not ASCII)
            let fold = f.text.len();
            let mut space = f.text.ends_with(' ');
            let mut k = pos;
            while let Some(&b) = bytes.get(k) {
                let c = ASCII_FOLD[usize::from(b)];
                if c == NOT_ASCII || (c == b' ' && space) {
                    break;
                }
                f.text.push(char::from(c));
                space = c == b' ';
                k += 1;
            }
            if k > pos {
                f.one_to_one_from(fold, pos);
                pos = k;
                continue;
            }
            let Some(c) = s[pos..].chars().next() else {
                break;
            };
            let end = pos + c.len_utf8();
            f.fold_char(c, pos, end);
            pos = end;
        }
        f
    }

    /// Folds character `c`, found at `start..end` of the source, onto the
    /// end of the fold.
    fn fold_char(&mut self, c: char, start: usize, end: usize) {
        if c.is_whitespace() || is_dash(c) {
            if self.text.ends_with(' ') {
                self.extend_last(end);
            } else {
                self.push(' ', start, end);
            }
            return;
        }
        if is_apostrophe(c) {
            self.push('\'', start, end);
            return;
        }
        match c {
            'ı' | 'İ' => self.push('i', start, end),
            'ə' | 'Ə' => self.push('e', start, end),
            'ß' => self.push_str("ss", start, end),
            'ø' | 'Ø' => self.push('o', start, end),
            'ł' | 'Ł' => self.push('l', start, end),
            'đ' | 'Đ' => self.push('d', start, end),
            'æ' | 'Æ' => self.push_str("ae", start, end),
            'œ' | 'Œ' => self.push_str("oe", start, end),
            _ if c.is_ascii() => self.push(c.to_ascii_lowercase(), start, end),
            _ => {
                for l in c.to_lowercase() {
                    for d in std::iter::once(l).nfd() {
                        if !is_combining_mark(d) {
                            self.push(d, start, end);
                        }
                    }
                }
            }
        }
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let fold = self.text.len();
        self.text.push(c);
        let last = self.segments.last().copied();
        if c.is_ascii() && end == start + 1 {
            self.one_to_one_from(fold, start);
        } else if last.is_none_or(|l| (l.src, l.end) != (start, end)) {
            self.segments.push(Segment {
                fold,
                src: start,
                end,
            });
        }
    }

    /// Folded bytes from `fold` on are copies of source bytes from `start`
    /// on: a new one-to-one segment, unless the last one already runs there.
    fn one_to_one_from(&mut self, fold: usize, start: usize) {
        let continues_run = self
            .segments
            .last()
            .is_some_and(|l| l.end == ONE_TO_ONE && l.src + (fold - l.fold) == start);
        if !continues_run {
            self.segments.push(Segment {
                fold,
                src: start,
                end: ONE_TO_ONE,
            });
        }
    }

    /// The last folded byte (a space) now stands for source up to `end`.
    fn extend_last(&mut self, end: usize) {
        let k = self.text.len() - 1;
        let (src, _) = self.origin(k);
        match self.segments.last_mut() {
            Some(l) if l.fold == k && l.end != ONE_TO_ONE => l.end = end,
            _ => self.segments.push(Segment { fold: k, src, end }),
        }
    }

    fn push_str(&mut self, s: &str, start: usize, end: usize) {
        for c in s.chars() {
            self.push(c, start, end);
        }
    }

    /// The source byte range of the character folded byte `k` came from.
    fn origin(&self, k: usize) -> (usize, usize) {
        let i = self.segments.partition_point(|g| g.fold <= k);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some(g) if g.end == ONE_TO_ONE => {
                let s = g.src + (k - g.fold);
                (s, s + 1)
            }
            Some(g) => (g.src, g.end),
            None => (0, 0),
        }
    }

    /// The source byte range of folded bytes `start..end` (non-empty, on char boundaries).
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= self.text.len() {
            return (0, 0);
        }
        let first = self.origin(start).0;
        let last = end
            .checked_sub(1)
            .filter(|&k| k < self.text.len())
            .map_or(first, |k| self.origin(k).1);
        (first, last.max(first))
    }

    /// The folded byte offset of the first folded character from source offset `at` on.
    pub fn folded_offset(&self, at: usize) -> usize {
        let i = self.segments.partition_point(|g| g.src < at);
        // inside a one-to-one run that starts before `at`?
        if let Some(j) = i.checked_sub(1) {
            let g = self.segments[j];
            let run_end = self.segments.get(j + 1).map_or(self.text.len(), |n| n.fold);
            if g.end == ONE_TO_ONE && at < g.src + (run_end - g.fold) {
                return g.fold + (at - g.src);
            }
        }
        self.segments.get(i).map_or(self.text.len(), |g| g.fold)
    }
}

/// The fold of a stretch of a long text, standing in for the same stretch
/// of the fold of the whole text: a document is searched a piece at a time
/// instead of holding a folded copy as long as itself (with its map, 1.3
/// bytes a byte: 26 MB of the 102 MB peak of a 20 MB file).
#[derive(Debug, Clone, Default)]
pub struct Piece {
    /// The folded stretch, mapping back to offsets of the whole text.
    pub folded: Folded,
    /// The folded offsets the piece answers for: those of the source range
    /// it was made for. The folded character before them is there (unless
    /// the text starts with them), and `reach` folded bytes after them
    /// (unless the text ends first), so a search sees the word boundaries
    /// and the keys that start in the range as on the whole fold.
    pub own: std::ops::Range<usize>,
}

impl Piece {
    /// Folds enough of `text` around `start..end` (char boundaries) for
    /// the range's piece of the whole fold, with `reach` folded bytes after.
    pub fn around(text: &str, start: usize, end: usize, reach: usize) -> Piece {
        let mut back = 1;
        let mut ahead = reach + 16;
        loop {
            let lo = clean_start(text, start, back);
            let hi = char_ceil(text, end.saturating_add(ahead));
            let folded = Folded::of_range(text, lo, hi);
            let own = folded.folded_offset(start)..folded.folded_offset(end);
            let before = lo == 0 || own.start > 0;
            let after = hi == text.len() || folded.text.len() - own.end >= reach;
            if before && after {
                return Piece { folded, own };
            }
            // spacing, or characters that fold to nothing, ran longer
            // than the stretch guessed
            if !before {
                back *= 2;
            }
            if !after {
                ahead *= 2;
            }
        }
    }
}

/// The pieces of the fold of `text`, about `CHUNK` source bytes each, in
/// order; their `own` ranges tile the whole fold. `reach` is the longest
/// folded key a caller looks for.
pub fn pieces(text: &str, reach: usize) -> impl Iterator<Item = Piece> + '_ {
    /// Source bytes a piece stands for: a quarter megabyte is a few
    /// hundred paragraphs, folded in a third of a megabyte.
    const CHUNK: usize = 1 << 18;
    pieces_of(text, reach, CHUNK)
}

/// As [`pieces`], about `chunk` source bytes each.
pub(crate) fn pieces_of(
    text: &str,
    reach: usize,
    chunk: usize,
) -> impl Iterator<Item = Piece> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let end = clean_cut(text, char_ceil(text, at + chunk.max(1)));
        let piece = Piece::around(text, at, end, reach);
        at = end;
        Some(piece)
    })
}

/// The first char boundary of `text` at or after `at` (its length past it).
fn char_ceil(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

/// The first char boundary at or after `at` that starts no space or dash
/// (or the end of `text`): where folding may start afresh.
fn clean_cut(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace() && !is_dash(c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// A place to start folding for a stretch from `at` on: `back` characters
/// before it, moved further back out of any spacing (or 0).
fn clean_start(text: &str, at: usize, back: usize) -> usize {
    let mut chars = text[..at].char_indices().rev();
    let mut lo = at;
    for (i, _) in chars.by_ref().take(back) {
        lo = i;
    }
    if text[lo..].starts_with(|c: char| c.is_whitespace() || is_dash(c)) {
        for (i, c) in chars {
            lo = i;
            if !c.is_whitespace() && !is_dash(c) {
                break;
            }
        }
    }
    lo
}

/// The folded key of `s`.
pub fn fold(s: &str) -> String {
    crate::work::read(s.len());
    // Most lexicon forms are ASCII words and single spaces, which folding
    // only lowercases; the map back to the source is not needed here.
    let simple = s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ');
    if simple && !s.contains("  ") {
        return s.to_ascii_lowercase();
    }
    Folded::new(s).text
}

/// True if the folded text has a word boundary before byte `at`.
pub fn boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True if the folded text has a word boundary at byte `at`.
pub fn boundary_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Occurrences of folded `needle` in `hay[from..to]` at word boundaries.
pub fn find_word(hay: &str, needle: &str, from: usize, to: usize) -> bool {
    if needle.is_empty() || to <= from {
        return false;
    }
    let Some(window) = hay.get(from..to) else {
        return false;
    };
    crate::work::read(window.len());
    window.match_indices(needle).any(|(k, m)| {
        let s = from + k;
        boundary_before(hay, s) && boundary_after(hay, s + m.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_hyphens_and_apostrophes() {
        assert_eq!(fold("Çavuşoğlu"), "cavusoglu");
        assert_eq!(fold("İsmayıl Məmmədov"), "ismayil memmedov");
        assert_eq!(fold("Nagorno – Karabakh"), "nagorno karabakh");
        assert_eq!(fold("Nagorno-Karabakh"), fold("Nagorno Karabakh"));
        assert_eq!(fold("Pashinyan’s"), "pashinyan's");
    }

    #[test]
    fn maps_folded_ranges_back_to_source() {
        let s = "See Çavuşoğlu  -  now";
        let f = Folded::new(s);
        let k = f.text.find("cavusoglu").unwrap();
        let (a, b) = f.source_range(k, k + "cavusoglu".len());
        assert_eq!(&s[a..b], "Çavuşoğlu");
        let sp = f.text.find(' ').unwrap();
        assert_eq!(f.folded_offset(a), k);
        assert_eq!(f.source_range(sp, sp + 1), (3, 4));
    }

    proptest::proptest! {
        /// The segment map answers as a byte-by-byte map would: a source
        /// offset maps to as many folded bytes as its prefix folds to, and
        /// each folded character maps back to source that folds to it.
        #[test]
        fn segments_map_like_a_byte_map(s in "[a-zA-Z çğışöüəİß’'\\-–\n]{0,40}") {
            let f = Folded::new(&s);
            for (at, _) in s.char_indices() {
                proptest::prop_assert_eq!(f.folded_offset(at), fold(&s[..at]).len());
            }
            for (k, c) in f.text.char_indices() {
                let (a, b) = f.source_range(k, k + c.len_utf8());
                let back = fold(&s[a..b]);
                proptest::prop_assert!(back.contains(c), "{:?} at {} from {:?}", c, k, &s[a..b]);
            }
        }

        /// Pieces tile the whole fold; each is a stretch of it, with the
        /// character before its own range and `reach` bytes after, mapping
        /// back to the source as the whole fold does.
        #[test]
        fn pieces_stand_for_the_whole_fold(
            s in "[a-zA-Z çğışöüəİß’'\\-–\n\u{301}]{0,60}",
            chunk in 1usize..12,
            reach in 0usize..6,
        ) {
            let whole = Folded::new(&s);
            let mut at = 0;
            for p in pieces_of(&s, reach, chunk) {
                let f = p.folded.text.as_str();
                let base = at - p.own.start;
                proptest::prop_assert_eq!(&whole.text[base..base + f.len()], f);
                proptest::prop_assert!(p.own.start > 0 || at == 0);
                proptest::prop_assert!(f.len() - p.own.end >= reach || base + f.len() == whole.text.len());
                for (k, c) in f.char_indices() {
                    let mine = p.folded.source_range(k, k + c.len_utf8());
                    if p.own.contains(&k) {
                        proptest::prop_assert_eq!(mine, whole.source_range(base + k, base + k + c.len_utf8()));
                    }
                }
                at += p.own.len();
            }
            proptest::prop_assert_eq!(at, whole.text.len());
        }

        /// A word looked for in the piece around a window is found as in
        /// the window of the whole fold.
        #[test]
        fn a_window_s_piece_finds_what_the_whole_fold_finds(
            s in "[ab çə’'\\-–\n\u{301}]{0,40}",
            a in 0usize..40,
            b in 0usize..40,
            key in "[abce]{1,2}( [abce]{1,2})?",
        ) {
            let ends: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let (a, b) = (ends[a % ends.len()], ends[b % ends.len()]);
            let (a, b) = (a.min(b), a.max(b));
            let whole = Folded::new(&s);
            let expected = find_word(&whole.text, &key, whole.folded_offset(a), whole.folded_offset(b));
            let p = Piece::around(&s, a, b, 1);
            proptest::prop_assert_eq!(find_word(&p.folded.text, &key, p.own.start, p.own.end), expected);
        }

        /// The ASCII runs fold, and map back, as character by character.
        #[test]
        fn ascii_runs_fold_like_each_character(
            s in "[a-zA-Z0-9 ,.`'\\-\t\n\r\u{0}\u{b}\u{1f}\u{7f}çİß’–\u{a0}\u{301}]{0,40}",
            a in 0usize..40,
        ) {
            let starts: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            let start = starts[a % starts.len()];
            let mut by_chars = Folded { text: String::new(), segments: Vec::new() };
            for (i, c) in s[start..].char_indices() {
                by_chars.fold_char(c, start + i, start + i + c.len_utf8());
            }
            let f = Folded::of_range(&s, start, s.len());
            proptest::prop_assert_eq!(&f.text, &by_chars.text);
            proptest::prop_assert_eq!(f.segments, by_chars.segments);
        }

        /// The shortcut for plain ASCII folds as the full folding does.
        #[test]
        fn the_ascii_shortcut_folds_like_the_map(s in "[a-zA-Z0-9 ]{0,12}|[a-zA-Z0-9 ,.'-]{0,12}") {
            proptest::prop_assert_eq!(fold(&s), Folded::new(&s).text);
        }
    }

    #[test]
    fn finds_words_not_parts_of_words() {
        let h = fold("the armenians and armenia");
        assert!(find_word(&h, "armenia", 0, h.len()));
        assert!(!find_word(&h, "armenia", 0, 14));
    }
}
