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
    /// Lowercased; borrowed when the word has no capitals (most words), so
    /// a block of a million words costs no million allocations.
    pub(super) lower: Cow<'a, str>,
    /// A hash of `lower`: words with different keys are different words,
    /// so most words are told from the ones after them without reading
    /// their text.
    pub(super) key: u64,
}

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
            let from_word = self.s[st..i].trim_start_matches(edge);
            let off = i - st - from_word.len();
            let t = from_word.trim_end_matches(edge);
            if !t.is_empty() {
                let upper = if t.is_ascii() {
                    t.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    t.chars().any(char::is_uppercase)
                };
                let lower = if upper {
                    Cow::Owned(t.to_lowercase())
                } else {
                    Cow::Borrowed(t)
                };
                return Some(Word {
                    start: st + off,
                    end: st + off + t.len(),
                    text: t,
                    key: FixedState::default().hash_one(lower.as_ref()),
                    lower,
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

    proptest::proptest! {
        #[test]
        fn the_byte_scan_reads_the_words_a_character_walk_reads(
            s in "[aZ9 ,.'’\\-éÉßΣ字\\u{300}]{0,30}"
        ) {
            let scanned: Vec<_> = Words { s: &s, pos: 0 }
                .map(|w| (w.start, w.end, w.text.to_owned(), w.lower.into_owned()))
                .collect();
            proptest::prop_assert_eq!(scanned, by_chars(&s));
        }
    }
}
