//! The embedded lexicon packs, converted from TOML to JSON at build time.
//!
//! Why: parsing the packs' TOML was a third of the start-up of a process
//! that converts one small file; serde reads the same tables from JSON
//! about ten times faster. The run time reads them with the same types
//! (`src/names/lexicon.rs`), and a user's `--lexicon` is still TOML. The
//! phrases' regexes are checked here too, so a process does not parse each
//! one a second time to start.

use std::fmt::Write as _;
use std::path::Path;

/// The embedded packs written in TOML (`BUILTIN` in
/// `src/names/lexicon.rs`; a unit test checks that each has its JSON).
const FILES: [&str; 3] = [
    "lexicons/caucasus-2020.toml",
    "lexicons/zh-en-mt.toml",
    "lexicons/mt-calques.toml",
];

/// Writes one `.json` file per pack and `packs.rs`, the table `PREPARSED`
/// of (file name, included JSON) pairs.
pub fn write(out_dir: &Path) {
    let mut code = String::from(
        "/// The embedded TOML packs as JSON: (file name, JSON text).\n\
         pub(super) static PREPARSED: &[(&str, &str)] = &[\n",
    );
    for path in FILES {
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        // a pack that does not parse gets no JSON: the run time reads its
        // TOML and reports the error with file and line
        let Ok(value) = toml::from_str::<toml::Value>(&text) else {
            continue;
        };
        // the regexes' syntax is checked here, not by every process (the
        // same parser the run time checks a user's pack with); a pack with
        // a bad one gets no JSON either
        let phrases = value.get("phrase").and_then(|p| p.as_array());
        let mut regexes = phrases.into_iter().flatten().filter_map(|p| p.get("regex"));
        if !regexes.all(|r| r.as_str().is_some_and(|r| regex_syntax::parse(r).is_ok())) {
            continue;
        }
        let json = serde_json::to_string(&value).expect("a TOML value is JSON");
        let stem = Path::new(path).file_stem().expect("a file name");
        let file = format!("{}.json", stem.to_string_lossy());
        std::fs::write(out_dir.join(&file), json).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({path:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{file}\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    std::fs::write(out_dir.join("packs.rs"), code).expect("OUT_DIR is writable");
}
