//! Work counters for the complexity guards (`tests/linearity.rs`).
//!
//! What the rules read around a match reports its bytes here: every fold
//! (the words before a name, the head of a parenthesis, a list's
//! introduction), every window searched for a reference (and for a
//! citation's marks around a name rewritten inside a document), every list
//! tokenised, every citation placed among the inlines (its bytes) and the
//! context each fingerprint of the review reads, the bracket around each
//! space the whitespace rule would remove, and each edit the joins rule
//! looks at to find where a block's reading text starts (one unit an
//! edit), the text of a winning edit quoted in each loser's reason, and
//! each earlier edit a later round's edit is mapped through (one unit an
//! edit), each mention in an entity's list when mentions found later are
//! sorted into it (one unit a mention), and each one-word spelling a pair
//! of words is found one letter off (one unit a spelling found). Doubling
//! a document must about double the total, whatever its shape: a rule that
//! reads its whole paragraph for every match shows as a square. Counters
//! are per thread, so a test reads the work of its own conversion; reading
//! them changes nothing.

use std::cell::Cell;

thread_local! {
    static READ: Cell<u64> = const { Cell::new(0) };
}

/// Records that `bytes` of text were read (folded, searched, tokenised).
pub(crate) fn read(bytes: usize) {
    READ.with(|r| r.set(r.get() + bytes as u64));
}

/// The bytes read on the calling thread since it started.
pub fn bytes_read() -> u64 {
    READ.with(Cell::get)
}
