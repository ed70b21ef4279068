//! Literals that every match of a regex contains, found at build time.
//!
//! Why at build time: parsing the rule files' regexes costs more at start-up
//! (tens of millions of instructions, mostly Unicode case folding and
//! bounded repeats of `.`) than converting a small document. A rule whose
//! literals do not occur in a line cannot match it, so its regex is neither
//! compiled nor run there.
//!
//! The answer is *necessary*, never sufficient: if [`required`] gives a set,
//! every match of the regex contains at least one of its literals, compared
//! ASCII-case-insensitively (literals are given in ASCII lower case). The
//! only non-ASCII characters that Unicode case folding maps to ASCII letters
//! are KELVIN SIGN (k) and LONG S (s); a text holding either must be searched
//! without this filter.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Literals shorter than this are not worth a filter: they occur almost
/// everywhere.
const SHORTEST_USEFUL: usize = 2;

/// A literal this long occurs in few lines of ordinary text: a longer one
/// filters no better, only costs more to build.
const SELECTIVE: usize = 5;

/// At most this many literals stand for one regex; more (long alternations)
/// and the regex is simply always a candidate.
const MOST_LITERALS: usize = 64;

/// The literals one of which every match of `pattern` contains (ASCII lower
/// case), or `None` when no useful set is known.
pub fn required(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    let mut set = need(&hir)?;
    // a literal holding another of the set adds nothing to the filter
    let all = set.clone();
    set.retain(|l| !all.iter().any(|o| o != l && contains(l, o)));
    let useful = set.iter().all(|l| l.len() >= SHORTEST_USEFUL);
    useful
        .then(|| {
            set.into_iter()
                .map(|l| String::from_utf8(l).ok())
                .collect::<Option<Vec<_>>>()
        })
        .flatten()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Every string `h` matches (ASCII lower case, letters matched in either
/// case read as their lower-case letter), when they are few.
fn strings(h: &Hir) -> Option<Vec<Vec<u8>>> {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(l) => Some(vec![l.0.to_ascii_lowercase()]),
        HirKind::Class(c) => chars(c).map(|cs| {
            cs.into_iter()
                .map(|ch| {
                    let mut b = [0; 4];
                    ch.encode_utf8(&mut b).as_bytes().to_vec()
                })
                .collect()
        }),
        HirKind::Capture(c) => strings(&c.sub),
        HirKind::Repetition(r) => {
            let max = r.max.filter(|&m| m <= 3)?;
            let sub = strings(&r.sub)?;
            let mut out = Vec::new();
            let mut power = vec![Vec::new()];
            for k in 0..=max {
                if k >= r.min {
                    out.extend(power.iter().cloned());
                }
                power = product(&power, &sub)?;
            }
            bounded(out)
        }
        HirKind::Alternation(alts) => union(alts, strings),
        HirKind::Concat(parts) => {
            let mut out = vec![Vec::new()];
            for p in parts {
                out = product(&out, &strings(p)?)?;
            }
            Some(out)
        }
    }
}

/// The sets `of` gives each alternative, together, when they are few.
fn union(alts: &[Hir], of: fn(&Hir) -> Option<Vec<Vec<u8>>>) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for a in alts {
        out.extend(of(a)?);
        if out.len() > MOST_LITERALS {
            return None;
        }
    }
    bounded(out)
}

/// Each of `a` followed by each of `b`, when they are few.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MOST_LITERALS {
        return None;
    }
    let out = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
        .collect();
    bounded(out)
}

/// `set` sorted without repeats, if it is small enough.
fn bounded(mut set: Vec<Vec<u8>>) -> Option<Vec<Vec<u8>>> {
    set.sort();
    set.dedup();
    (set.len() <= MOST_LITERALS).then_some(set)
}

/// The characters of a small class, ASCII letters in lower case (KELVIN
/// SIGN and LONG S, which case folding adds to k and s, read as those).
fn chars(c: &Class) -> Option<Vec<char>> {
    const MOST: u32 = 6;
    let mut out = Vec::new();
    match c {
        Class::Unicode(u) => {
            for r in u.ranges() {
                if (r.end() as u32) - (r.start() as u32) >= MOST {
                    return None;
                }
                out.extend(r.start()..=r.end());
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                if u32::from(r.end() - r.start()) >= MOST || !r.end().is_ascii() {
                    return None;
                }
                out.extend((r.start()..=r.end()).map(char::from));
            }
        }
    }
    for ch in &mut out {
        *ch = match *ch {
            '\u{212A}' => 'k',
            '\u{17F}' => 's',
            other => other.to_ascii_lowercase(),
        };
    }
    out.sort_unstable();
    out.dedup();
    (out.len() <= 4).then_some(out)
}

/// Literals one of which every match of `h` contains.
fn need(h: &Hir) -> Option<Vec<Vec<u8>>> {
    if let Some(set) = strings(h) {
        return set.iter().all(|s| !s.is_empty()).then_some(set);
    }
    match h.kind() {
        HirKind::Capture(c) => need(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => need(&r.sub),
        HirKind::Alternation(alts) => union(alts, need),
        HirKind::Concat(parts) => {
            // a run of parts with few strings is their product; every other
            // part offers its own set; the best of them stands for the whole
            let mut best: Option<Vec<Vec<u8>>> = None;
            let offer = |set: Option<Vec<Vec<u8>>>, best: &mut Option<Vec<Vec<u8>>>| {
                let Some(set) = set.filter(|s| s.iter().all(|l| !l.is_empty())) else {
                    return;
                };
                if best.as_ref().is_none_or(|b| better(&set, b)) {
                    *best = Some(set);
                }
            };
            let mut run: Option<Vec<Vec<u8>>> = None;
            for p in parts {
                match strings(p) {
                    Some(set) => {
                        run = Some(match run.take() {
                            None => set,
                            Some(r) => match product(&r, &set) {
                                Some(joined) => joined,
                                None => {
                                    offer(Some(r), &mut best);
                                    set
                                }
                            },
                        });
                    }
                    None => {
                        offer(run.take(), &mut best);
                        offer(need(p), &mut best);
                    }
                }
            }
            offer(run, &mut best);
            best
        }
        _ => None,
    }
}

/// Whether set `a` filters better than `b`: a longer shortest literal (up
/// to [`SELECTIVE`] bytes, past which literals are rare enough), then fewer
/// bytes in all (the automaton is built at every start).
fn better(a: &[Vec<u8>], b: &[Vec<u8>]) -> bool {
    let shortest = |s: &[Vec<u8>]| s.iter().map(Vec::len).min().unwrap_or(0).min(SELECTIVE);
    let bytes = |s: &[Vec<u8>]| s.iter().map(Vec::len).sum::<usize>();
    (shortest(a), std::cmp::Reverse(bytes(a))) > (shortest(b), std::cmp::Reverse(bytes(b)))
}
