//! Facts about the embedded pattern files' regexes, computed once at build
//! time and compiled in as tables (see `src/passes/boilerplate/facts.rs`):
//! for each pattern, the fewest bytes a match spans and the literals one of
//! which every match contains.

use super::literal_dfa;
use super::required_literals::required;
use std::fmt::Write as _;
use std::path::Path;

/// The pattern files embedded in the engine, with the table each becomes.
const FILES: [(&str, &str); 2] = [
    ("BOILERPLATE", "rules/boilerplate.toml"),
    ("RESIDUE", "rules/assistant-residue.toml"),
];

/// Writes `pattern_facts.rs` into `out_dir`.
/// Also writes the literal filter's DFAs (`build/literal_dfa.rs`), one per
/// file and scope, over the literal sets in pattern order.
pub fn write(out_dir: &Path) {
    let mut code = String::new();
    let mut sets = Vec::new();
    for (table, path) in FILES {
        println!("cargo:rerun-if-changed={path}");
        let data = std::fs::read_to_string(path).unwrap_or_default();
        // a file that does not parse gets an empty table; the unit tests
        // report its error with file and line
        let patterns = data
            .parse::<toml::Table>()
            .ok()
            .and_then(|t| t.get("pattern").and_then(|p| p.as_array()).cloned())
            .unwrap_or_default();
        writeln!(code, "/// Built from `{path}`.").unwrap();
        writeln!(code, "pub(super) static {table}: &[Facts] = &[").unwrap();
        let (mut block, mut inline) = (Vec::new(), Vec::new());
        for p in &patterns {
            let field = |k: &str| p.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            let (id, regex) = (field("id"), field("regex"));
            let min_len = regex_syntax::parse(regex)
                .ok()
                .and_then(|h| h.properties().minimum_len())
                .unwrap_or(0);
            let literals = required(regex).unwrap_or_default();
            let scope = if field("scope") == "block" {
                &mut block
            } else {
                &mut inline
            };
            scope.push(literals.clone());
            writeln!(
                code,
                "    Facts {{ id: {id:?}, min_len: {min_len}, literals: &{literals:?} }},"
            )
            .unwrap();
        }
        writeln!(code, "];").unwrap();
        sets.push((format!("{table}_block"), block));
        sets.push((format!("{table}_inline"), inline));
    }
    std::fs::write(out_dir.join("pattern_facts.rs"), code).expect("OUT_DIR is writable");
    literal_dfa::write(out_dir, &sets);
}
