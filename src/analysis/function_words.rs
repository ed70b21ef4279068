//! English closed word classes (`rules/function-words.toml`): articles,
//! prepositions, auxiliaries, the words that open clauses, the abbreviations
//! a full stop does not end a sentence after. Several rules ask the same
//! questions of them (is this a function word, may a sentence end on it,
//! does this sentence have a verb), so the classes are parsed once here
//! rather than by whichever rule happens to load them first.

use crate::error::Error;
use foldhash::HashSet;
use serde::Deserialize;
use std::sync::OnceLock;

const PATH: &str = "rules/function-words.toml";
const DATA: &str = include_str!("../../rules/function-words.toml");

/// English closed word classes (all lowercase).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct FunctionWords {
    pub articles: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub conjunctions: HashSet<String>,
    pub determiners: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub irregular_verbs: HashSet<String>,
    pub verb_suffixes: Vec<String>,
    pub not_verbs: HashSet<String>,
    pub sentence_openers: HashSet<String>,
    pub legit_doubles: HashSet<String>,
    /// Function words that may legitimately end a sentence ("it is over.").
    #[serde(default)]
    pub can_end: HashSet<String>,
    /// Words that open a clause and never close a hyphenated compound.
    #[serde(default)]
    pub clause_openers: HashSet<String>,
    /// Words that end in a full stop without ending a sentence (without
    /// the stop).
    #[serde(default)]
    pub abbreviations: HashSet<String>,
}

impl FunctionWords {
    /// Parses the word-class file.
    pub fn parse(path: &str, data: &str) -> Result<Self, Error> {
        if let Some(words) = crate::embedded::from_json(data) {
            return Ok(words);
        }
        toml::from_str(data).map_err(|e| {
            let lc = crate::span::line_col(data, e.span().map_or(0, |s| s.start).min(data.len()));
            Error::Data {
                path: path.to_owned(),
                line: lc.line,
                column: lc.column,
                message: e.message().to_owned(),
            }
        })
    }

    /// Article, preposition, conjunction or determiner (lowercase `w`).
    pub fn is_function(&self, w: &str) -> bool {
        self.articles.contains(w)
            || self.prepositions.contains(w)
            || self.conjunctions.contains(w)
            || self.determiners.contains(w)
    }

    /// A word written before a full stop that ends no sentence ("etc",
    /// "Co", "Dr"), in any case.
    pub fn is_abbreviation(&self, w: &str) -> bool {
        self.abbreviations.contains(w.to_lowercase().as_str())
    }

    /// A function word no sentence ends on ("to", "the", "of", "although").
    pub fn cannot_end(&self, w: &str) -> bool {
        self.is_function(w) && !self.can_end.contains(w)
    }

    /// True if the lowercase word `w` looks like a verb; `prev` is the word
    /// before it (lowercase), `first` whether it opens the sentence.
    fn verbish(&self, w: &str, prev: Option<&str>) -> bool {
        if self.auxiliaries.contains(w) || self.irregular_verbs.contains(w) {
            return true;
        }
        if self.not_verbs.contains(w) || self.is_function(w) {
            return false;
        }
        for suf in &self.verb_suffixes {
            if w.len() <= suf.len() + 2 || !w.ends_with(suf.as_str()) {
                continue;
            }
            match suf.as_str() {
                // plural nouns end in -s too: only after a content word
                // ("the committee approves"), never after a function word
                // ("and differences") or first
                "s" | "es" => {
                    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
                        continue;
                    }
                    if prev.is_some_and(|p| {
                        !self.is_function(p)
                            && !p.ends_with('s')
                            && !p.chars().all(|c| c.is_numeric())
                    }) {
                        return true;
                    }
                }
                _ => return true,
            }
        }
        false
    }

    /// True if no word of the sentence looks like a verb. Capitalised words
    /// (names) other than the first are not examined.
    pub fn verbless(&self, sentence: &str) -> bool {
        let mut prev: Option<String> = None;
        for (k, raw) in sentence.split_whitespace().enumerate() {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            if w.is_empty() {
                continue;
            }
            let lower = w.to_lowercase();
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            if (k == 0 || !capitalised) && self.verbish(&lower, prev.as_deref()) {
                return false;
            }
            prev = Some(lower);
        }
        true
    }
}

/// The shared word classes, parsed once from the embedded file. A bad file
/// is caught by the unit tests; at run time it degrades to empty lists.
pub(crate) fn function_words() -> &'static FunctionWords {
    static FW: OnceLock<FunctionWords> = OnceLock::new();
    FW.get_or_init(|| FunctionWords::parse(PATH, DATA).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_class_file_parses() {
        let fw = FunctionWords::parse(PATH, DATA).expect("rules/function-words.toml parses");
        assert!(fw.is_function("the") && fw.is_function("to"));
        assert!(fw.auxiliaries.contains("has"));
    }

    #[test]
    fn verbless_heuristic() {
        let fw = function_words();
        for v in [
            "Disputes and rivalries",
            "The start of the season",
            "Baltic region",
            "Peace at last",
        ] {
            assert!(fw.verbless(v), "{v}");
        }
        for v in [
            "The committee approves",
            "Its director visited the region",
            "Prices are rising",
            "She said so",
            "Riga has tried to",
        ] {
            assert!(!fw.verbless(v), "{v}");
        }
    }
}
