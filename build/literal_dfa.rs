//! The literal filter's automata for the embedded pattern files, built at
//! build time (see `src/passes/patterns/literals.rs`).
//!
//! Why: an Aho–Corasick automaton over these few hundred literals cost a
//! quarter of a one-line document's conversion to build at start-up, and its
//! NFA search several percent of a conversion. A dense DFA searches with one
//! table look-up per byte. Built here and written out as plain Rust tables
//! (not serialized: `dense::DFA::from_bytes` validates the whole table, a
//! fifth of a one-line document's conversion), it costs a process nothing to
//! start.

use regex_automata::dfa::{Automaton as _, StartKind, dense};
use regex_automata::nfa::thompson;
use regex_automata::util::{primitives::StateID, start};
use regex_automata::{Anchored, MatchKind};
use regex_syntax::hir::Hir;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The dense DFA whose pattern `i` matches any
/// literal of `sets[i]` in ASCII lower case (never, for an empty set); none
/// if it cannot be built (the run-time filter then builds its own
/// automaton).
///
/// One pattern per set, not per literal: a DFA reports a match one byte
/// late, in a copy of the state it moves to that carries the patterns
/// matched, so the copies grow with the distinct match sets; and the ends of
/// one set's literals become equivalent and minimize to one. The filter
/// feeds the text's bytes ASCII-lowercased, the comparison of
/// `ascii_case_insensitive` Aho–Corasick; matching lower case only halves
/// the alphabet and so the table. Bytes, not UTF-8: the unanchored prefix of
/// a UTF-8 automaton multiplies its states by the partial code points, and a
/// literal (valid UTF-8, so starting at a character) cannot match inside a
/// character of a `str` anyway.
fn dense_dfa(sets: &[Vec<String>]) -> Option<dense::DFA<Vec<u32>>> {
    let hirs: Vec<Hir> = sets
        .iter()
        .map(|set| {
            Hir::alternation(
                set.iter()
                    .map(|l| Hir::literal(l.to_ascii_lowercase().into_bytes()))
                    .collect(),
            )
        })
        .collect();
    let nfa = thompson::Compiler::new()
        .configure(thompson::Config::new().utf8(false).shrink(true))
        .build_many_from_hir(&hirs)
        .ok()?;
    dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Unanchored)
                .minimize(true),
        )
        .build_from_nfa(&nfa)
        .ok()
}

/// A DFA's states walked into the plain tables of `LiteralDfa`
/// (`src/passes/patterns/literals.rs`): the process reads them in place, with
/// no deserialization and no validation, safe indexing doing the checking.
struct Table {
    /// Byte -> class; an ASCII capital gets its lower case letter's class.
    classes: Vec<u8>,
    /// Classes, the transitions of one state.
    stride: usize,
    /// State ids are premultiplied by `stride`: `next[id + class]`.
    start: usize,
    /// Ids below this report a set of patterns on entry.
    reporting: usize,
    next: Vec<usize>,
    /// Per reporting state: its set in `sets`.
    report: Vec<usize>,
    /// Per state: the set reported when the text ends in it.
    eoi: Vec<usize>,
    /// Distinct sets of patterns; set 0 is empty.
    sets: Vec<Vec<usize>>,
}

/// The states reachable from the unanchored start state (the only one: the
/// literals look at no context) in the order the filter wants: those that
/// report patterns first. None if a dead or quit state is reachable (the
/// filter would have to let everything through).
fn table(dfa: &dense::DFA<Vec<u32>>) -> Option<Table> {
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::No))
        .ok()?;
    let byte_classes = dfa.byte_classes();
    // the alphabet's last class is the end of the text
    let stride = byte_classes.alphabet_len() - 1;
    let reps: Vec<u8> = (0..stride)
        .map(|c| (0..=255u8).find(|&b| usize::from(byte_classes.get(b)) == c))
        .collect::<Option<_>>()?;
    // states in the order they are reached, and each one's place in it
    let mut order = vec![start];
    let mut index: HashMap<StateID, usize> = HashMap::from([(start, 0)]);
    let mut i = 0;
    while let Some(&s) = order.get(i) {
        if dfa.is_dead_state(s) || dfa.is_quit_state(s) {
            return None;
        }
        for &b in &reps {
            let t = dfa.next_state(s, b);
            index.entry(t).or_insert_with(|| {
                order.push(t);
                order.len() - 1
            });
        }
        i += 1;
    }
    let mut sets: Vec<Vec<usize>> = vec![Vec::new()];
    let mut set_of = |s: StateID| {
        let set: Vec<usize> = if dfa.is_match_state(s) {
            (0..dfa.match_len(s))
                .map(|i| dfa.match_pattern(s, i).as_usize())
                .collect()
        } else {
            Vec::new()
        };
        sets.iter().position(|x| *x == set).unwrap_or_else(|| {
            sets.push(set);
            sets.len() - 1
        })
    };
    let reports: Vec<usize> = order.iter().map(|&s| set_of(s)).collect();
    let eois: Vec<usize> = order
        .iter()
        .map(|&s| set_of(dfa.next_eoi_state(s)))
        .collect();
    // reporting states first, each group in discovery order
    let mut rank: Vec<usize> = (0..order.len()).collect();
    rank.sort_by_key(|&k| reports[k] == 0);
    let mut new_id = vec![0; order.len()];
    for (new, &old) in rank.iter().enumerate() {
        new_id[old] = new * stride;
    }
    let mut next = Vec::with_capacity(order.len() * stride);
    for &old in &rank {
        for &b in &reps {
            next.push(new_id[index[&dfa.next_state(order[old], b)]]);
        }
    }
    let classes = (0..=255u8)
        .map(|b| byte_classes.get(b.to_ascii_lowercase()))
        .collect();
    Some(Table {
        classes,
        stride,
        start: new_id[0],
        reporting: reports.iter().filter(|&&r| r != 0).count() * stride,
        next,
        report: rank
            .iter()
            .map(|&k| reports[k])
            .take_while(|&r| r != 0)
            .collect(),
        eoi: rank.iter().map(|&k| eois[k]).collect(),
        sets,
    })
}

/// `items` as the body of a Rust slice literal, a few to a line.
fn slice<T: std::fmt::Display>(items: &[T]) -> String {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        out.push_str(if i % 24 == 0 { "\n        " } else { " " });
        write!(out, "{x},").unwrap();
    }
    out
}

/// `table` as a `LiteralDfa` static named `name`.
fn static_of(name: &str, t: &Table) -> String {
    let sets: Vec<String> = t.sets.iter().map(|s| format!("&{s:?}")).collect();
    format!(
        "static {name}: LiteralDfa = LiteralDfa {{\n    classes: [{}\n    ],\n    stride: {},\n    start: {},\n    reporting: {},\n    next: &[{}\n    ],\n    report: &[{}\n    ],\n    eoi: &[{}\n    ],\n    sets: &[{}],\n}};\n",
        slice(&t.classes),
        t.stride,
        t.start,
        t.reporting,
        slice(&t.next),
        slice(&t.report),
        slice(&t.eoi),
        sets.join(", ")
    )
}

/// Writes `literal_dfas.rs`: one `LiteralDfa` static per list of literal
/// sets that has a literal, and the table `EMBEDDED_DFAS` of (literal sets,
/// DFA) pairs (`EmbeddedDfa`). `lists` are the sets in the order the
/// run-time filter meets them (one per pattern of a file and scope), each
/// list named for its file and scope.
pub fn write(out_dir: &Path, lists: &[(String, Vec<Vec<String>>)]) {
    let mut statics = String::new();
    let mut code =
        String::from("/// DFAs over the embedded files' literal sets, built at build time.\n");
    code.push_str("pub(super) static EMBEDDED_DFAS: &[EmbeddedDfa] = &[\n");
    for (name, sets) in lists {
        if sets.iter().all(Vec::is_empty) {
            continue;
        }
        let Some(table) = dense_dfa(sets).as_ref().and_then(table) else {
            continue;
        };
        let name = name.to_uppercase();
        statics.push_str(&static_of(&name, &table));
        let key: Vec<String> = sets.iter().map(|s| format!("&{s:?}")).collect();
        writeln!(code, "    (&[{}], &{name}),", key.join(", ")).unwrap();
    }
    code.push_str("];\n");
    code.push_str(&statics);
    std::fs::write(out_dir.join("literal_dfas.rs"), code).expect("OUT_DIR is writable");
}
