//! Romanised Chinese: whether a word is made of Mandarin pinyin
//! syllables. The name rules ask it to tell a Chinese name's spellings
//! apart; the spelling rule asks it so that pinyin left untranslated
//! ("sanhe", "wanli") is not taken for an English typo.

use crate::names::fold::fold;

/// The pinyin syllables `w` (folded) is made of, counted, if it is made of
/// them all: an initial (or none) and a final of Mandarin's syllable table.
pub(crate) fn pinyin_syllables(w: &str) -> Option<usize> {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w", "",
    ];
    const FINALS: &[&str] = &[
        "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
        "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a",
        "o", "e", "i", "u", "v",
    ];
    // a syllable without initial only starts a word (later, an apostrophe
    // would mark it: "Xi'an")
    fn parse(s: &str, start: bool) -> Option<usize> {
        if s.is_empty() {
            return Some(0);
        }
        for ini in INITIALS.iter().filter(|i| start || !i.is_empty()) {
            let Some(rest) = s.strip_prefix(ini) else {
                continue;
            };
            for fin in FINALS {
                if let Some(tail) = rest.strip_prefix(fin)
                    && let Some(n) = parse(tail, false)
                {
                    return Some(n + 1);
                }
            }
        }
        None
    }
    let f = fold(w);
    (f.len() <= 24 && f.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| parse(&f, true))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_words_are_counted_in_syllables() {
        assert_eq!(pinyin_syllables("Liangyun"), Some(2));
        assert_eq!(pinyin_syllables("Zhangjike"), Some(3));
        assert_eq!(pinyin_syllables("Xi"), Some(1));
        assert_eq!(pinyin_syllables("Kellyanne"), None);
        assert_eq!(pinyin_syllables("Bolsonaro"), None);
        assert_eq!(
            pinyin_syllables("Tuenbao"),
            None,
            "no bare syllable inside a word"
        );
    }
}
