//! The embedded TOML data files (packs and rule files), converted to JSON
//! at build time.
//!
//! Why: parsing their TOML was over a third of the start-up of a process
//! that converts one small file; serde reads the same tables from JSON
//! about ten times faster. The run time (`src/embedded.rs`) reads them with
//! the same types, and a user's `--lexicon` is still TOML. The phrases'
//! regexes of the packs are checked here too, so a process does not parse
//! each one a second time to start.

use std::fmt::Write as _;
use std::path::Path;

/// The embedded files written in TOML that a process reads to start or to
/// convert its first document (the unit tests check that each has its
/// JSON, and that the JSON holds what the TOML does).
const FILES: [&str; 8] = [
    "lexicons/caucasus-2020.toml",
    "lexicons/zh-en-mt.toml",
    "lexicons/mt-calques.toml",
    "rules/boilerplate.toml",
    "rules/assistant-residue.toml",
    "rules/function-words.toml",
    "rules/source-kinds.toml",
    "rules/furniture.toml",
];

/// Writes one `.json` file per file and `embedded_json.rs`, the table
/// `JSON` of (included TOML text, included JSON) pairs.
pub fn write(out_dir: &Path) {
    let mut code = String::from(
        "/// The embedded TOML files and their JSON: (TOML text, JSON text).\n\
         static JSON: &[(&str, &str)] = &[\n",
    );
    for path in FILES {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        // a file that does not parse gets no JSON: the run time reads its
        // TOML and reports the error with file and line
        let Ok(value) = toml::from_str::<toml::Value>(&text) else {
            continue;
        };
        // the phrase regexes' syntax is checked here, not by every process
        // (the same parser the run time checks a user's pack with); a pack
        // with a bad one gets no JSON either
        let phrases = value.get("phrase").and_then(|p| p.as_array());
        let mut regexes = phrases.into_iter().flatten().filter_map(|p| p.get("regex"));
        if !regexes.all(|r| r.as_str().is_some_and(|r| regex_syntax::parse(r).is_ok())) {
            continue;
        }
        let json = serde_json::to_string(&value).expect("a TOML value is JSON");
        let file = format!("{}.json", path.replace('/', "-"));
        std::fs::write(out_dir.join(&file), json).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    (\n        include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\")),\n        include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\")),\n    ),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("embedded_json.rs"), code).expect("OUT_DIR is writable");
}
