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
    /// For each folded byte, the source byte range of the character it came from.
    origin: Vec<(usize, usize)>,
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' | 'ʹ')
}

impl Folded {
    /// Folds `s`.
    pub fn new(s: &str) -> Folded {
        let mut f = Folded {
            text: String::with_capacity(s.len()),
            origin: Vec::with_capacity(s.len()),
        };
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            if c.is_whitespace() || is_dash(c) {
                if f.text.ends_with(' ') {
                    if let Some(last) = f.origin.last_mut() {
                        last.1 = end;
                    }
                } else {
                    f.push(' ', i, end);
                }
                continue;
            }
            if is_apostrophe(c) {
                f.push('\'', i, end);
                continue;
            }
            match c {
                'ı' | 'İ' => f.push('i', i, end),
                'ə' | 'Ə' => f.push('e', i, end),
                'ß' => f.push_str("ss", i, end),
                'ø' | 'Ø' => f.push('o', i, end),
                'ł' | 'Ł' => f.push('l', i, end),
                'đ' | 'Đ' => f.push('d', i, end),
                'æ' | 'Æ' => f.push_str("ae", i, end),
                'œ' | 'Œ' => f.push_str("oe", i, end),
                _ if c.is_ascii() => f.push(c.to_ascii_lowercase(), i, end),
                _ => {
                    for l in c.to_lowercase() {
                        for d in std::iter::once(l).nfd() {
                            if !is_combining_mark(d) {
                                f.push(d, i, end);
                            }
                        }
                    }
                }
            }
        }
        f
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push((start, end));
        }
    }

    fn push_str(&mut self, s: &str, start: usize, end: usize) {
        for c in s.chars() {
            self.push(c, start, end);
        }
    }

    /// The source byte range of folded bytes `start..end` (non-empty, on char boundaries).
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.origin.get(start).map_or(0, |o| o.0);
        let last = end
            .checked_sub(1)
            .and_then(|k| self.origin.get(k))
            .map_or(first, |o| o.1);
        (first, last.max(first))
    }

    /// The folded byte offset of the first folded character from source offset `at` on.
    pub fn folded_offset(&self, at: usize) -> usize {
        self.origin.partition_point(|o| o.0 < at)
    }
}

/// The folded key of `s`.
pub fn fold(s: &str) -> String {
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

    #[test]
    fn finds_words_not_parts_of_words() {
        let h = fold("the armenians and armenia");
        assert!(find_word(&h, "armenia", 0, h.len()));
        assert!(!find_word(&h, "armenia", 0, 14));
    }
}
