//! Romanised Chinese: whether a word is made of Mandarin pinyin
//! syllables. The name rules ask it to tell a Chinese name's spellings
//! apart; the spelling rule asks it so that pinyin left untranslated
//! ("sanhe", "wanli") is not taken for an English typo.

use crate::names::fold::fold;
use foldhash::HashMap;
use std::cell::RefCell;

/// Words whose reading this thread remembers, at most: a document's names
/// are asked about again and again by several rules, and a reading costs
/// some 5,000 instructions, a look-up some 100.
const MAX_KNOWN: usize = 1 << 16;

thread_local! {
    static KNOWN: RefCell<HashMap<Box<str>, Option<usize>>> = RefCell::new(HashMap::default());
}

/// The pinyin syllables `w` (folded) is made of, counted, if it is made of
/// them all: an initial (or none) and a final of Mandarin's syllable table.
pub(crate) fn pinyin_syllables(w: &str) -> Option<usize> {
    KNOWN.with(|known| {
        if let Some(&n) = known.borrow().get(w) {
            return n;
        }
        let n = read(w);
        let mut known = known.borrow_mut();
        if known.len() >= MAX_KNOWN {
            known.clear();
        }
        known.insert(w.into(), n);
        n
    })
}

/// [`pinyin_syllables`], worked out.
fn read(w: &str) -> Option<usize> {
    // a syllable without initial only starts a word (later, an apostrophe
    // would mark it: "Xi'an"). Depth first, initials and finals in their
    // order, the first parse that reads to the end counting; what the rest
    // from a position gives is remembered, so a word that is no pinyin
    // costs each position's tries once, not once per way of reaching it
    // (the name rules ask this of every capitalised word, several times).
    fn parse(s: &str, at: usize, memo: &mut [Option<Option<usize>>]) -> Option<usize> {
        if at == s.len() {
            return Some(0);
        }
        if let Some(known) = memo[at] {
            return known;
        }
        let mut found = None;
        'initials: for ini in INITIALS.iter().filter(|i| at == 0 || !i.is_empty()) {
            let Some(rest) = s[at..].strip_prefix(ini) else {
                continue;
            };
            for fin in FINALS {
                if let Some(tail) = rest.strip_prefix(fin)
                    && let Some(n) = parse(s, s.len() - tail.len(), memo)
                {
                    found = Some(n + 1);
                    break 'initials;
                }
            }
        }
        memo[at] = Some(found);
        found
    }
    let f = fold(w);
    (f.len() <= MAX_LEN && f.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| parse(&f, 0, &mut [None; MAX_LEN]))
        .flatten()
}

/// Mandarin's initials, the longer first (none last: a word may open
/// without one).
const INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];
/// Mandarin's finals, the longer first.
const FINALS: &[&str] = &[
    "iang", "iong", "uang", "ang", "eng", "ing", "ong", "iao", "ian", "uai", "uan", "ai", "ei",
    "ao", "ou", "an", "en", "in", "un", "ia", "ie", "iu", "ua", "uo", "ui", "ue", "er", "a", "o",
    "e", "i", "u", "v",
];

/// Longest folded word read as pinyin, in bytes.
const MAX_LEN: usize = 24;

/// The (pinyin, other romanisation) pairs of a syllable table under
/// `lexicons/` (tab-separated, pinyin first, `#` comments; columns after
/// the second are the table's own notes): the Wade–Giles and Cantonese
/// tables read the same way.
pub(crate) fn syllable_pairs(tsv: &str) -> impl Iterator<Item = (&str, &str)> {
    tsv.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            Some((cols.next()?, cols.next()?))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_syllable_table_is_read_as_pairs_without_comments_or_notes() {
        let tsv = "# pinyin\tcantonese\tcount\nmao\tmo\t12\nzhang\tchang\nlonely\n";
        assert_eq!(
            syllable_pairs(tsv).collect::<Vec<_>>(),
            [("mao", "mo"), ("zhang", "chang")]
        );
    }

    /// The depth-first reading without memory, as the rule was first
    /// written: the memoised one must count the same.
    fn unremembered(s: &str, start: bool) -> Option<usize> {
        if s.is_empty() {
            return Some(0);
        }
        for ini in INITIALS.iter().filter(|i| start || !i.is_empty()) {
            let Some(rest) = s.strip_prefix(ini) else {
                continue;
            };
            for fin in FINALS {
                if let Some(tail) = rest.strip_prefix(fin)
                    && let Some(n) = unremembered(tail, false)
                {
                    return Some(n + 1);
                }
            }
        }
        None
    }

    proptest! {
        #[test]
        fn remembering_counts_as_the_plain_reading(w in "[aeiouvngzhcsxqjlr]{0,14}") {
            prop_assert_eq!(pinyin_syllables(&w), unremembered(&w, true));
        }
    }

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
