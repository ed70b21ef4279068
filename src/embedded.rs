//! The embedded TOML data files (the packs, the rule files) read from the
//! JSON the build script converts them to (`build/embedded_json.rs`).
//!
//! Why: serde reads the same tables from JSON about ten times faster than
//! from TOML, and parsing these files was over a third of the start-up of a
//! process that converts one small file. A reader asks here first and falls
//! back to the TOML, so a file the build script could not convert (and any
//! text that is not an embedded file's) is still read, and its errors are
//! reported with file and line.

use serde::de::DeserializeOwned;

include!(concat!(env!("OUT_DIR"), "/embedded_json.rs"));

/// The tables of `text` read into `T`, when `text` is one of the embedded
/// TOML files and the build script made its JSON; none for any other text
/// (a user's file, a test's). A JSON that `T` does not read (never: the
/// unit tests read each) gives none too, and the caller's TOML parse then
/// reports the error.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    let (_, json) = JSON.iter().find(|(toml, _)| *toml == text)?;
    serde_json::from_str(json).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_json_holds_what_its_toml_does() {
        assert_eq!(
            JSON.len(),
            8,
            "every file of build/embedded_json.rs converts"
        );
        for (toml, json) in JSON {
            let from_toml: serde_json::Value = toml::from_str(toml).unwrap();
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_toml, from_json);
        }
    }

    #[test]
    fn only_an_embedded_text_is_read_from_json() {
        #[derive(serde::Deserialize)]
        struct Any {}
        let (toml, _) = JSON[0];
        assert!(from_json::<Any>(toml).is_some());
        // the same text edited is read from its TOML
        assert!(from_json::<Any>(&format!("{toml}\n")).is_none());
        assert!(from_json::<Any>("").is_none());
    }
}
