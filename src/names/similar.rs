//! Transliteration-aware similarity of names.
//!
//! Two spellings of one name made by different romanizations differ in
//! predictable ways: sh/ss/s ("Pashinyan"/"Passinyan"), l/r ("Zatulin"/
//! "Zaturin"), -ian/-yan, j/dj/dzh, kh/h, gh/g ("Baghdad"/"Bagdad"), v/w,
//! ə/a, doubled letters, dropped vowels and a dropped initial h
//! ("Hovhannisyan"/"Owanishan"). [`skeleton`] rewrites the systematic ones
//! away; [`distance`] is a Damerau-Levenshtein distance whose costs are low for
//! the rest (vowels, h, y, l/r, transpositions). [`block`] is the phonetic key
//! that decides which lexicon forms a token is compared with at all.

use super::fold::fold;

/// The transliteration skeleton of a name: folded, letters only, systematic
/// romanization differences rewritten, doubled letters collapsed.
pub fn skeleton(s: &str) -> String {
    let f: String = fold(s).chars().filter(|c| c.is_alphabetic()).collect();
    let mut t = f;
    for (from, to) in [
        ("dzh", "j"),
        ("dj", "j"),
        ("zh", "j"),
        ("sch", "s"),
        ("tch", "c"),
        ("kh", "h"),
        ("gh", "g"),
        ("sh", "s"),
        ("ph", "f"),
        ("ck", "k"),
        ("ou", "u"),
        ("w", "v"),
        ("y", "i"),
        ("q", "k"),
        ("x", "h"),
    ] {
        t = t.replace(from, to);
    }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // A dropped initial h before a vowel: "Hovhannisyan" / "Ovanisyan".
    if out.starts_with('h') && out[1..].starts_with(is_vowel) {
        out.remove(0);
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn indel(c: char) -> f32 {
    match c {
        'h' => 0.3,
        c if is_vowel(c) => 0.5,
        _ => 1.0,
    }
}

fn subst(a: char, b: char) -> f32 {
    if a == b {
        return 0.0;
    }
    let pair = |x: char, y: char| (a == x && b == y) || (a == y && b == x);
    if pair('l', 'r')
        || pair('s', 'z')
        || pair('i', 'e')
        || pair('o', 'u')
        || pair('c', 's')
        || pair('c', 'k')
    {
        0.3
    } else if is_vowel(a) && is_vowel(b) {
        0.6
    } else {
        1.0
    }
}

/// Work done by [`distance`] on the calling thread since it started:
/// comparisons made and dynamic-programming cells filled. Reading it changes
/// nothing; tests/linearity.rs uses it to check that the fuzzy matcher's work
/// grows linearly with the text, not with its square.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Calls of [`distance`] (one per candidate comparison).
    pub comparisons: u64,
    /// Table cells filled by those calls.
    pub cells: u64,
}

thread_local! {
    static STATS: std::cell::Cell<Stats> = const {
        std::cell::Cell::new(Stats { comparisons: 0, cells: 0 })
    };
}

/// The [`Stats`] of the calling thread.
pub fn stats() -> Stats {
    STATS.with(|s| s.get())
}

/// Weighted Damerau-Levenshtein distance between two skeletons.
pub fn distance(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    STATS.with(|s| {
        let mut v = s.get();
        v.comparisons += 1;
        v.cells += ((n + 1) * (m + 1)) as u64;
        s.set(v);
    });
    let mut d = vec![vec![0f32; m + 1]; n + 1];
    for i in 1..=n {
        d[i][0] = d[i - 1][0] + indel(a[i - 1]);
    }
    for j in 1..=m {
        d[0][j] = d[0][j - 1] + indel(b[j - 1]);
    }
    for i in 1..=n {
        for j in 1..=m {
            let mut v = (d[i - 1][j] + indel(a[i - 1]))
                .min(d[i][j - 1] + indel(b[j - 1]))
                .min(d[i - 1][j - 1] + subst(a[i - 1], b[j - 1]));
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                v = v.min(d[i - 2][j - 2] + 0.5);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Similarity of two names in 0..=1 (1 = same skeleton).
pub fn similarity(a: &str, b: &str) -> f32 {
    similarity_of_skeletons(&skeleton(a), &skeleton(b))
}

/// Similarity of two skeletons.
pub fn similarity_of_skeletons(a: &str, b: &str) -> f32 {
    let len = a.chars().count().max(b.chars().count());
    if len == 0 {
        return 0.0;
    }
    (1.0 - distance(a, b) / len as f32).max(0.0)
}

/// The phonetic blocking key of a skeleton: the class of its first letter
/// (all vowels are one class; s/z/c and k/g/q fall together).
pub fn block(skel: &str) -> char {
    match skel.chars().next() {
        Some(c) if is_vowel(c) => 'a',
        Some('z' | 'c') => 's',
        Some('g') => 'k',
        Some(c) => c,
        None => '_',
    }
}

/// A coarse consonant code of a skeleton, for blocking: the first letter's
/// class ([`block`]), then the classes of the consonants after it (b/f/p/v,
/// c/s/z/j/x, k/g/q, d/t, l/r, m/n), vowels, h and y dropped, repeats
/// collapsed. Spellings of one name by different romanizations mostly share
/// it, or differ by one dropped consonant ("Kurdamir" `kltnl`, "Kudamir" `ktnl`).
pub fn consonant_code(skel: &str) -> String {
    let mut out = String::new();
    let mut chars = skel.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return out;
    };
    out.push(block(&first.to_string()));
    for c in chars {
        let class = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'y' => continue,
            'b' | 'f' | 'p' | 'v' | 'w' => 'p',
            'c' | 's' | 'z' | 'j' | 'x' => 's',
            'k' | 'g' | 'q' => 'k',
            'd' | 't' => 't',
            'l' | 'r' => 'l',
            'm' | 'n' => 'n',
            c => c,
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_pairs_are_close() {
        for (a, b, min) in [
            ("Passinyan", "Pashinyan", 0.99),
            ("Pashinian", "Pashinyan", 0.99),
            ("Zaturin", "Zatulin", 0.9),
            ("Owanishan", "Hovhannisyan", 0.85),
            ("Cavusoglu", "Çavuşoğlu", 0.99),
            ("Bagdad", "Baghdad", 0.99),
            ("Kudamir", "Kurdamir", 0.85),
            ("Saizan", "Siyazan", 0.9),
            ("Zurbishvili", "Zurabishvili", 0.9),
            ("Dzhabrail", "Jabrail", 0.99),
        ] {
            let s = similarity(a, b);
            assert!(s >= min, "{a} ~ {b}: {s}");
        }
    }

    #[test]
    fn different_names_are_far() {
        for (a, b) in [
            ("Pashinyan", "Passage"),
            ("Aliyev", "Alexander"),
            ("Ghana", "Gharabagh"),
            ("Moscow", "Macron"),
        ] {
            let s = similarity(a, b);
            assert!(s < 0.75, "{a} ~ {b}: {s}");
        }
    }

    #[test]
    fn consonant_codes_survive_romanization() {
        let code = |s: &str| consonant_code(&skeleton(s));
        assert_eq!(code("Pashinyan"), code("Passinian"));
        assert_eq!(code("Owanishan"), code("Hovhannisyan"));
        assert_eq!(code("Zaturin"), code("Zatulin"));
        assert_ne!(code("Pashinyan"), code("Macron"));
        assert_eq!(code("Kurdamir"), "kltnl");
    }

    #[test]
    fn blocks_group_by_first_sound() {
        assert_eq!(
            block(&skeleton("Owanishan")),
            block(&skeleton("Hovhannisyan"))
        );
        assert_eq!(block(&skeleton("Ghana")), block(&skeleton("Ganja")));
    }
}
