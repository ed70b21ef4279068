//! The literal filter's automata for the embedded pattern files, built at
//! build time (see `src/passes/patterns/literals.rs`).
//!
//! Why: an Aho–Corasick automaton over these few hundred literals cost a
//! quarter of a one-line document's conversion to build at start-up, and its
//! NFA search several percent of a conversion. A dense DFA searches with one
//! table look-up per byte, and built here it costs a process only its
//! deserialization (a validation pass over the table).

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson;
use regex_syntax::hir::Hir;
use std::fmt::Write as _;
use std::path::Path;

/// The serialized (little-endian) dense DFA whose pattern `i` matches any
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
fn dfa_bytes(sets: &[Vec<String>]) -> Option<Vec<u8>> {
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
    let dfa = dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Unanchored)
                .minimize(true),
        )
        .build_from_nfa(&nfa)
        .ok()?;
    let (bytes, pad) = dfa.to_bytes_little_endian();
    Some(bytes[pad..].to_vec())
}

/// Writes one `.dfa` file per list of literal sets that has a literal, and
/// `literal_dfas.rs`, the table `EMBEDDED_DFAS` of (literal sets, included
/// bytes) pairs (`EmbeddedDfa`). `lists` are the sets in the order the run-time filter meets
/// them (one per pattern of a file and scope), each list named for its file
/// and scope.
pub fn write(out_dir: &Path, lists: &[(String, Vec<Vec<String>>)]) {
    let mut code = String::from(
        "/// Dense DFAs over the embedded files' literal sets, built at build time.\n",
    );
    code.push_str("pub(super) static EMBEDDED_DFAS: &[EmbeddedDfa] = &[\n");
    for (name, sets) in lists {
        if sets.iter().all(Vec::is_empty) {
            continue;
        }
        let Some(bytes) = dfa_bytes(sets) else {
            continue;
        };
        let file = format!("{name}.dfa");
        std::fs::write(out_dir.join(&file), bytes).expect("OUT_DIR is writable");
        let key: Vec<String> = sets.iter().map(|s| format!("&{s:?}")).collect();
        writeln!(
            code,
            "    (&[{}], &Aligned(*include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")))),",
            key.join(", ")
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("literal_dfas.rs"), code).expect("OUT_DIR is writable");
}
