//! Build-time work: the source stamp, the facts about the embedded
//! pattern files' regexes (see `build/pattern_facts.rs`) and the embedded
//! TOML files as JSON (`build/embedded_json.rs`), the prefix literals of the
//! packs' phrase regexes (`build/phrase_prefixes.rs`), which would otherwise
//! cost every process its start-up.

#[path = "build/embedded_json.rs"]
mod embedded_json;
#[path = "build/literal_dfa.rs"]
mod literal_dfa;
#[path = "build/pattern_facts.rs"]
mod pattern_facts;
#[path = "build/phrase_prefixes.rs"]
mod phrase_prefixes;
#[path = "build/required_literals.rs"]
mod required_literals;
#[path = "build/stamp.rs"]
mod stamp;

fn main() {
    stamp::write();
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    pattern_facts::write(std::path::Path::new(&out));
    embedded_json::write(std::path::Path::new(&out));
    phrase_prefixes::write(std::path::Path::new(&out));
}
