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
    let folded = fold(s);
    let mut t = String::with_capacity(folded.len());
    t.extend(folded.chars().filter(|c| c.is_alphabetic()));
    let mut present = letters(&t);
    for &(from, to, need) in REWRITES {
        // Most rewrites cannot apply: a letter they need is missing. Only
        // the others are looked for (`replace` allocates even when nothing
        // matches).
        if present & need != need {
            continue;
        }
        let occurs = t
            .as_bytes()
            .windows(from.len())
            .any(|w| w.iter().zip(from.as_bytes()).all(|(a, b)| a == b));
        if occurs {
            t = t.replace(from, to);
            present = letters(&t);
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut last = None;
    for c in t.chars() {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    // A dropped initial h before a vowel: "Hovhannisyan" / "Ovanisyan".
    if out.starts_with('h') && out[1..].starts_with(is_vowel) {
        out.remove(0);
    }
    out
}

/// The systematic romanization differences [`skeleton`] rewrites away, in
/// order, each with the set of letters it needs.
const REWRITES: &[(&str, &str, u32)] = &[
    ("dzh", "j", mask("dzh")),
    ("dj", "j", mask("dj")),
    ("zh", "j", mask("zh")),
    ("sch", "s", mask("sch")),
    ("tch", "c", mask("tch")),
    ("kh", "h", mask("kh")),
    ("gh", "g", mask("gh")),
    ("sh", "s", mask("sh")),
    ("ph", "f", mask("ph")),
    ("ck", "k", mask("ck")),
    ("ou", "u", mask("ou")),
    ("w", "v", mask("w")),
    ("y", "i", mask("y")),
    ("q", "k", mask("q")),
    ("x", "h", mask("x")),
];

/// The set of the lowercase ASCII letters of `s`, one bit each.
const fn mask(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut set = 0;
    let mut i = 0;
    while i < b.len() {
        set |= 1 << (b[i] - b'a');
        i += 1;
    }
    set
}

/// The set of ASCII lowercase letters in `s`, one bit each.
fn letters(s: &str) -> u32 {
    s.bytes()
        .filter(u8::is_ascii_lowercase)
        .fold(0, |set, b| set | 1 << (b - b'a'))
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
    // no bound: the whole table is filled
    distance_within(a, b, f32::INFINITY).unwrap_or(f32::INFINITY)
}

/// [`similarity_of_skeletons`]`(a, b)` if it is at least `min`, usually
/// found without filling the whole table: see [`distance_within`].
pub fn similarity_at_least(a: &str, b: &str, min: f32) -> Option<f32> {
    let len = a.chars().count().max(b.chars().count());
    if len == 0 {
        return (0.0 >= min).then_some(0.0);
    }
    // similarity >= min implies distance <= (1 - min) * len; 0.05 more
    // absorbs any rounding.
    let max = (1.0 - min) * len as f32 + 0.05;
    let s = (1.0 - distance_within(a, b, max)? / len as f32).max(0.0);
    (s >= min).then_some(s)
}

/// `Some(distance(a, b))`, or `None` if it certainly exceeds `max`: the
/// distance table, abandoned as soon as two
/// consecutive rows are both above `max` (every path to the last cell crosses
/// one of any two consecutive rows, a transposition skipping at most one; no
/// cost is negative, and a rounded sum of non-negative terms never decreases).
pub fn distance_within(a: &str, b: &str, max: f32) -> Option<f32> {
    // Skeletons are nearly always lowercase ASCII: then the costs come from
    // tables, and the letters need no decoding.
    let ascii = |s: &str| s.bytes().all(|c| c.is_ascii_lowercase());
    if ascii(a) && ascii(b) {
        let t = costs();
        let code = |c: u8| usize::from(c - b'a');
        return table_distance(
            a.as_bytes(),
            b.as_bytes(),
            max,
            |x| t.indel[code(x)],
            |x, y| t.subst[code(x)][code(y)],
        );
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    table_distance(&a, &b, max, indel, subst)
}

/// [`indel`] and [`subst`] for the letters a to z, computed once.
struct Costs {
    indel: [f32; 26],
    subst: [[f32; 26]; 26],
}

fn costs() -> &'static Costs {
    static COSTS: std::sync::OnceLock<Costs> = std::sync::OnceLock::new();
    COSTS.get_or_init(|| {
        let letter = |k: usize| char::from(b'a' + k as u8);
        let mut c = Costs {
            indel: [0.0; 26],
            subst: [[0.0; 26]; 26],
        };
        for x in 0..26 {
            c.indel[x] = indel(letter(x));
            for y in 0..26 {
                c.subst[x][y] = subst(letter(x), letter(y));
            }
        }
        c
    })
}

/// The distance table of [`distance_within`] over letters of any type.
fn table_distance<T: Copy + PartialEq>(
    a: &[T],
    b: &[T],
    max: f32,
    indel: impl Fn(T) -> f32,
    subst: impl Fn(T, T) -> f32,
) -> Option<f32> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut d = vec![0f32; (n + 1) * w];
    for i in 1..=n {
        d[i * w] = d[(i - 1) * w] + indel(a[i - 1]);
    }
    for j in 1..=m {
        d[j] = d[j - 1] + indel(b[j - 1]);
    }
    let mut filled = w;
    let mut prev_min = 0f32;
    for i in 1..=n {
        let mut row_min = d[i * w];
        for j in 1..=m {
            let mut v = (d[(i - 1) * w + j] + indel(a[i - 1]))
                .min(d[i * w + j - 1] + indel(b[j - 1]))
                .min(d[(i - 1) * w + j - 1] + subst(a[i - 1], b[j - 1]));
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                v = v.min(d[(i - 2) * w + j - 2] + 0.5);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        filled += w;
        if row_min > max && prev_min > max {
            count(filled);
            return None;
        }
        prev_min = row_min;
    }
    count(filled);
    Some(d[n * w + m])
}

fn count(cells: usize) {
    STATS.with(|s| {
        let mut v = s.get();
        v.comparisons += 1;
        v.cells += cells as u64;
        s.set(v);
    });
}

/// Letter counts of a skeleton by the classes [`distance`] cannot tell apart
/// cheaply, for a lower bound on it ([`Bag::lower_bound`]) that costs a few
/// instructions instead of a table.
///
/// Classes: `a`; i/e; o/u (the cheap vowel substitutions stay inside a class;
/// one across vowel classes costs 0.6, more than the 0.5 it moves on each
/// side); `h`; l/r; s/z/c/k (the cheap substitutions s/z, c/s and c/k stay
/// inside it); one class for each common consonant; one class for every
/// other letter. Merging letters into a class can only weaken the bound,
/// never make it wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Bag {
    counts: [u8; Bag::CLASSES],
    /// A count did not fit in a byte: no bound is claimed.
    overflow: bool,
    /// Length in characters.
    pub len: u32,
}

impl Bag {
    const CLASSES: usize = 16;
    /// Cost of inserting or deleting one letter of each class, in tenths:
    /// the cheapest [`indel`] of the class.
    const WEIGHT: [u32; Bag::CLASSES] =
        [5, 5, 5, 3, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];

    fn class(c: char) -> usize {
        match c {
            'a' => 0,
            'e' | 'i' => 1,
            'o' | 'u' => 2,
            'h' => 3,
            'l' | 'r' => 4,
            's' | 'z' | 'c' | 'k' => 5,
            'b' => 6,
            'd' => 7,
            'f' => 8,
            'g' => 9,
            'j' => 10,
            'm' => 11,
            'n' => 12,
            'p' => 13,
            't' => 14,
            _ => 15,
        }
    }

    /// The bag of skeleton `skel`.
    pub fn of(skel: &str) -> Bag {
        let mut bag = Bag::default();
        for c in skel.chars() {
            let k = &mut bag.counts[Bag::class(c)];
            match k.checked_add(1) {
                Some(v) => *k = v,
                None => bag.overflow = true,
            }
            bag.len += 1;
        }
        bag
    }

    /// A lower bound on `distance(a, b)` for skeletons with bags `self` and
    /// `other`, in tenths.
    ///
    /// Why it holds: let `pos` be the weighted count of letters `a` has in
    /// excess of `b` class by class, and `neg` the same the other way. An
    /// insertion or deletion changes one of them by at most its cost (the
    /// weight of a class is the cheapest indel in it); a substitution inside
    /// a class or a transposition changes neither; a substitution across
    /// classes changes each by at most the larger weight of the two classes,
    /// which is never more than its cost (0.6 between vowels, 1 otherwise). Turning `a` into `b`
    /// brings both to zero, so it costs at least `max(pos, neg)`. `None`
    /// when a count overflowed.
    pub fn lower_bound(&self, other: &Bag) -> Option<u32> {
        if self.overflow || other.overflow {
            return None;
        }
        let (mut pos, mut neg) = (0u32, 0u32);
        for k in 0..Bag::CLASSES {
            let (x, y) = (u32::from(self.counts[k]), u32::from(other.counts[k]));
            let w = Bag::WEIGHT[k];
            pos += x.saturating_sub(y) * w;
            neg += y.saturating_sub(x) * w;
        }
        Some(pos.max(neg))
    }

    /// False only if [`similarity_of_skeletons`] of the two skeletons is
    /// certainly below `min`.
    pub fn may_reach(&self, other: &Bag, min: f32) -> bool {
        let Some(lb) = self.lower_bound(other) else {
            return true;
        };
        let len = self.len.max(other.len);
        if len == 0 {
            return false;
        }
        // similarity >= min  <=>  distance <= (1 - min) * len; a margin of
        // 0.05 absorbs the rounding of the f32 sums in `distance`.
        let allowed = (1.0 - f64::from(min)) * f64::from(len) + 0.05;
        f64::from(lb) / 10.0 <= allowed
    }
}

/// Where one of `a` and `b` is the other with one byte inserted
/// ("kellyann", "kellyanne"): the longer one and that byte's offset in it.
pub fn one_byte_inserted<'a>(a: &'a str, b: &'a str) -> Option<(&'a str, usize)> {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return None;
    }
    let k = short
        .bytes()
        .zip(long.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    (short.as_bytes()[k..] == long.as_bytes()[k + 1..]).then_some((long, k))
}

/// True if `a` and `b` (folded) differ only in consonants written once in
/// one and twice in the other ("russel", "russell"; "donbas", "donbass").
/// Romanizations of Russian never differ so (each writes a doubled
/// Cyrillic consonant twice), and English spellings of one surname do:
/// the bearer's choice, which the batch's majority cannot tell.
pub fn consonant_doubled_only(a: &str, b: &str) -> bool {
    let single = |w: &str| {
        let mut out = String::with_capacity(w.len());
        for c in w.chars() {
            if !(out.ends_with(c) && c.is_alphabetic() && !"aeiouy".contains(c)) {
                out.push(c);
            }
        }
        out
    };
    a != b && single(a) == single(b)
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
    fn a_consonant_written_twice_is_a_spelling_not_a_romanization() {
        assert!(consonant_doubled_only("russel", "russell"));
        assert!(consonant_doubled_only("uspasskikh", "uspaskikh"));
        assert!(consonant_doubled_only("donbas", "donbass"));
        // a vowel twice, a letter more, or the same word: no
        assert!(!consonant_doubled_only("shaanxi", "shanxi"));
        assert!(!consonant_doubled_only("gagarin", "gagarina"));
        assert!(!consonant_doubled_only("russell", "russell"));
        assert!(!consonant_doubled_only("tinkov", "tinkow"));
    }

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

    /// [`skeleton`] as first written: every rewrite applied in turn.
    fn plain_skeleton(s: &str) -> String {
        let mut t: String = fold(s).chars().filter(|c| c.is_alphabetic()).collect();
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
        let mut out = String::new();
        for c in t.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        if out.starts_with('h') && out[1..].starts_with(is_vowel) {
            out.remove(0);
        }
        out
    }

    proptest::proptest! {
        /// Skipping the rewrites whose letters are missing changes nothing.
        #[test]
        fn skeleton_skips_only_what_cannot_apply(s in "[a-zA-Z çşəğıöüDZHKSCXWQY'-]{0,16}") {
            proptest::prop_assert_eq!(skeleton(&s), plain_skeleton(&s));
        }

        #[test]
        fn bounds_agree_with_the_distance(
            a in "[a-z]{0,12}",
            b in "[a-z]{0,12}",
            min in 0.5f32..0.95,
        ) {
            let (sa, sb) = (skeleton(&a), skeleton(&b));
            for (x, y) in [(&a, &b), (&sa, &sb)] {
                let d = distance(x, y);
                let lb = Bag::of(x).lower_bound(&Bag::of(y)).unwrap();
                proptest::prop_assert!(lb as f32 / 10.0 <= d + 1e-4, "{x} {y}: {lb} > {d}");
                proptest::prop_assert_eq!(distance_within(x, y, d), Some(d));
                proptest::prop_assert_eq!(distance_within(x, y, f32::MAX), Some(d));
                if let Some(v) = distance_within(x, y, d / 2.0) {
                    proptest::prop_assert_eq!(v, d);
                }
                // The tables of the ASCII path cost as the functions do.
                let (cx, cy): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
                proptest::prop_assert_eq!(table_distance(&cx, &cy, f32::MAX, indel, subst), Some(d));
                let sim = similarity_of_skeletons(x, y);
                proptest::prop_assert_eq!(similarity_at_least(x, y, min), (sim >= min).then_some(sim));
                if sim >= min {
                    proptest::prop_assert!(Bag::of(x).may_reach(&Bag::of(y), min));
                }
            }
        }
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
