//! The prefix literals of the embedded packs' phrase regexes, worked out at
//! build time (see `AnchoredRegex` in `src/names/phrases.rs`).
//!
//! Why: each phrase regex runs anchored at the occurrences of the literals
//! its matches start with; parsing the regexes to find those literals cost
//! every process 2.4 M instructions, over a tenth of converting a one-line
//! file. The literals are the ones `regex_automata`'s
//! `Prefilter::from_hir_prefix` extracts, so the prefilter built from them
//! is the same.

use regex_syntax::hir::literal::{ExtractKind, Extractor, Seq};
use std::fmt::Write as _;
use std::path::Path;

/// The packs whose phrase regexes get a table entry.
const PACKS: [&str; 3] = [
    "lexicons/caucasus-2020.toml",
    "lexicons/zh-en-mt.toml",
    "lexicons/mt-calques.toml",
];

/// The literals one of which every match of `pattern` starts with, as
/// `Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, ..)` finds them;
/// none when the regex gets no anchored form: it does not parse, may match
/// the empty string, or has no finite set of prefixes.
pub fn prefixes(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::parse(pattern).ok()?;
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix);
    let mut seq = Seq::empty();
    seq.union(&mut extractor.extract(&hir));
    seq.optimize_for_prefix_by_preference();
    let lits = seq.literals()?;
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Writes `phrase_prefixes.rs`, the table `PHRASE_PREFIXES` of (regex,
/// its prefix literals or none) pairs over the packs' phrase regexes.
pub fn write(out_dir: &Path) {
    let mut code = String::from(
        "/// The embedded packs' phrase regexes and their prefix literals.\n\
         static PHRASE_PREFIXES: &[(&str, Option<&[&[u8]]>)] = &[\n",
    );
    for path in PACKS {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Ok(value) = toml::from_str::<toml::Value>(&text) else {
            continue;
        };
        let phrases = value.get("phrase").and_then(|p| p.as_array());
        for regex in phrases.into_iter().flatten().filter_map(|p| p.get("regex")) {
            let Some(regex) = regex.as_str() else {
                continue;
            };
            let lits = match prefixes(regex) {
                Some(lits) => {
                    let each: Vec<String> = lits.iter().map(|l| format!("&{l:?}")).collect();
                    format!("Some(&[{}])", each.join(", "))
                }
                None => "None".to_owned(),
            };
            writeln!(code, "    ({regex:?}, {lits}),").unwrap();
        }
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("phrase_prefixes.rs"), code).expect("OUT_DIR is writable");
}
