//! The words of a block for the repetition rule, read lazily through a
//! window: the rule looks a few words ahead, and walks a run of one word
//! without keeping it, so a block of ten million words (a hostile single
//! line) never holds a table of them.

use crate::scan::{CharClass, ascii_table};
use foldhash::fast::FixedState;
use std::borrow::Cow;
use std::hash::BuildHasher;

/// A word with its byte range inside the block.
#[derive(Debug, Clone)]
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Whether `text` has capitals.
    upper: bool,
    /// A hash of the word lowercased: words with different keys are
    /// different words, so most words are told from the ones after them
    /// without reading their text.
    pub(super) key: u64,
}

impl<'a> Word<'a> {
    /// The word lowercased. Made when asked for, and only the few words
    /// that share a key with one nearby are asked for: a copy of every
    /// capitalised word was a tenth of the rule's work.
    pub(super) fn lower(&self) -> Cow<'a, str> {
        if self.upper {
            Cow::Owned(self.text.to_lowercase())
        } else {
            Cow::Borrowed(self.text)
        }
    }

    /// Whether `other` is the same word but for case.
    pub(super) fn same(&self, other: &Word<'_>) -> bool {
        self.key == other.key && (self.text == other.text || self.lower() == other.lower())
    }
}

/// The hash of a lowercased word: its [`Word::key`].
fn key(lower: &[u8]) -> u64 {
    FixedState::default().hash_one(lower)
}

/// The longest capitalised ASCII word lowercased on the stack for its key.
const SHORT: usize = 32;

/// The words of a block in order: runs of letters, digits, apostrophes and
/// hyphens, trimmed to start and end with a letter or digit.
struct Words<'a> {
    s: &'a str,
    /// Where the next run is looked for.
    pos: usize,
}

/// Whether `c` belongs to a word run.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The characters of word runs.
const IN_WORD: CharClass = CharClass::new(
    ascii_table!(b => b.is_ascii_alphanumeric() || b == b'\'' || b == b'-'),
    in_word,
);

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        loop {
            let st = IN_WORD.edge(self.s, self.pos, true);
            if st == self.s.len() {
                return None;
            }
            self.pos = st;
            let i = IN_WORD.edge(self.s, self.pos, false);
            self.pos = i;
            let edge = |c: char| !c.is_alphanumeric();
            // a run that starts or ends with an ASCII letter or digit (most
            // do) has nothing to trim at that end
            let run = &self.s[st..i];
            let from_word = match run.as_bytes().first() {
                Some(b) if b.is_ascii_alphanumeric() => run,
                _ => run.trim_start_matches(edge),
            };
            let off = run.len() - from_word.len();
            let t = match from_word.as_bytes().last() {
                Some(b) if b.is_ascii_alphanumeric() => from_word,
                _ => from_word.trim_end_matches(edge),
            };
            if !t.is_empty() {
                let upper = if t.is_ascii() {
                    t.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    t.chars().any(char::is_uppercase)
                };
                let key = match t.as_bytes() {
                    b if !upper => key(b),
                    b if b.is_ascii() && b.len() <= SHORT => {
                        let mut buf = [0; SHORT];
                        let buf = &mut buf[..b.len()];
                        buf.copy_from_slice(b);
                        buf.make_ascii_lowercase();
                        key(buf)
                    }
                    _ => key(t.to_lowercase().as_bytes()),
                };
                return Some(Word {
                    start: st + off,
                    end: st + off + t.len(),
                    text: t,
                    upper,
                    key,
                });
            }
        }
    }
}

/// Words by index, kept from the oldest one not yet forgotten to the
/// furthest one asked for.
///
/// A vector with a moving start rather than a ring buffer: the rule asks
/// for the words ahead as one slice at every word, and a ring made
/// contiguous each time moved the whole window.
pub(super) struct Window<'a> {
    words: Words<'a>,
    /// Words read; those before `start` are forgotten.
    kept: Vec<Word<'a>>,
    start: usize,
    /// Index of `kept[start]`.
    first: usize,
}

impl<'a> Window<'a> {
    /// Forgotten words are dropped in bulk once there are this many.
    const COMPACT: usize = 256;

    pub(super) fn new(s: &'a str) -> Self {
        Window {
            words: Words { s, pos: 0 },
            kept: Vec::new(),
            start: 0,
            first: 0,
        }
    }

    /// Starts over on block `s`, keeping the memory of the words read
    /// before: a vector for each block, grown again to the look-ahead, was
    /// a tenth of the rule's work.
    pub(super) fn restart(&mut self, s: &'a str) {
        self.words = Words { s, pos: 0 };
        self.kept.clear();
        self.start = 0;
        self.first = 0;
    }

    fn live(&self) -> &[Word<'a>] {
        &self.kept[self.start..]
    }

    /// Reads ahead so that [`Window::get`] sees words up to index `i`, as
    /// far as the block has them.
    pub(super) fn fill(&mut self, i: usize) {
        while self.first + self.live().len() <= i {
            match self.words.next() {
                Some(w) => self.kept.push(w),
                None => break,
            }
        }
    }

    /// Word `i`, if it was read and not forgotten.
    pub(super) fn get(&self, i: usize) -> Option<&Word<'a>> {
        self.live().get(i.checked_sub(self.first)?)
    }

    /// Words from index `i` on, at least `n` of them unless the block ends
    /// first; the words before `i` are forgotten.
    pub(super) fn from(&mut self, i: usize, n: usize) -> &[Word<'a>] {
        self.forget_before(i);
        self.fill(i + n);
        self.live()
    }

    /// Drops the words before index `i`, reading past them if need be.
    pub(super) fn forget_before(&mut self, i: usize) {
        while self.first < i {
            if self.start < self.kept.len() {
                self.start += 1;
            } else if self.words.next().is_none() {
                return;
            }
            self.first += 1;
        }
        if self.start >= Self::COMPACT {
            self.kept.drain(..self.start);
            self.start = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character walk the byte scan replaced: (start, end, text, lower).
    fn by_chars(s: &str) -> Vec<(usize, usize, String, String)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (in_word(c), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    start = None;
                    let t = s[st..i].trim_matches(|c: char| !c.is_alphanumeric());
                    if !t.is_empty() {
                        let off = s[st..i].find(t).unwrap_or(0);
                        out.push((st + off, st + off + t.len(), t.to_owned(), t.to_lowercase()));
                    }
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_restarted_window_reads_the_new_block_from_its_first_word() {
        let long = "a ".repeat(600);
        let mut win = Window::new(&long);
        assert_eq!(win.from(500, 12).len(), 13);
        win.restart("One two three");
        win.fill(5);
        let texts: Vec<&str> = (0..5).filter_map(|i| win.get(i)).map(|w| w.text).collect();
        assert_eq!(texts, ["One", "two", "three"]);
        assert_eq!(win.get(0).map(|w| w.lower()).as_deref(), Some("one"));
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_reads_the_words_a_character_walk_reads(
            s in "[aZ9 ,.'’\\-éÉßΣ字\\u{300}]{0,30}"
        ) {
            let scanned: Vec<_> = Words { s: &s, pos: 0 }
                .map(|w| (w.start, w.end, w.text.to_owned(), w.lower().into_owned(), w.key))
                .collect();
            // the keys are those of the lowercased words
            for (i, a) in scanned.iter().enumerate() {
                for b in &scanned[i..] {
                    proptest::prop_assert_eq!(a.3 == b.3, a.4 == b.4, "{:?} {:?}", a, b);
                }
            }
            let scanned: Vec<_> = scanned.into_iter().map(|(a, b, c, d, _)| (a, b, c, d)).collect();
            proptest::prop_assert_eq!(scanned, by_chars(&s));
        }
    }
}
