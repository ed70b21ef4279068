//! Chinese place names with their generic word left in pinyin.
//!
//! Pinyin glues a place's generic word to its name: 江口河 is "Jiangkouhe",
//! the Jiangkou river; 太湖 "Taihu", the Tai lake. Translation writes the
//! generic in English ("Jiangkou River") or leaves it glued, and often both
//! in one text, sometimes twice ("Canghe River"). Where the document itself
//! writes the name with the English generic, the glued form is proposed in
//! that spelling: "Jiangkouhe" → "Jiangkou River", and "Canghe" → "Cang"
//! before "River". Never applied: many such names are fixed in English with
//! the syllable ("Taihu Lake", "Zhongshan Hospital").

use super::Matcher;
use super::matcher::WordPair;
use super::variants::Spelling;
use crate::analysis::pinyin::pinyin_syllables;
use crate::edit::{Category, Edit};
use std::collections::{BTreeMap, BTreeSet};

/// Pinyin syllables that end a place name as its generic word, with the
/// English word translations put after the name instead.
pub(super) const GENERICS: &[(&str, &str)] = &[
    ("he", "River"),
    ("jiang", "River"),
    ("hu", "Lake"),
    ("shan", "Mountain"),
    ("dao", "Island"),
    ("qiao", "Bridge"),
    ("cun", "Village"),
    ("zhen", "Town"),
    ("xian", "County"),
    ("sheng", "Province"),
];

/// Confidence of the proposal.
const CONF: f32 = 0.65;

impl Matcher<'_, '_> {
    /// Glued generics of place names the document also writes with the
    /// English generic (see the module documentation).
    pub(super) fn untranslated_generics(
        &self,
        spellings: &BTreeMap<String, Spelling<'_>>,
    ) -> Vec<Edit> {
        let text = self.text();
        // names written before an English generic: ("Jiangkou", "River")
        let mut before_generic: BTreeSet<(&str, &str)> = BTreeSet::new();
        for WordPair {
            first: w1,
            sep,
            second: w2,
            ..
        } in self.word_pairs()
        {
            if sep == " " && GENERICS.iter().any(|(_, e)| *e == w2) {
                before_generic.insert((w1, w2));
            }
        }
        let mut out = Vec::new();
        if before_generic.is_empty() {
            return out;
        }
        for s in spellings.values() {
            let lower = s.word.to_ascii_lowercase();
            for (syllable, english) in GENERICS {
                let Some(stem) = lower.strip_suffix(syllable) else {
                    continue;
                };
                // the name without its generic: a pinyin word of its own
                let name = &s.word[..stem.len()];
                if stem.is_empty() || pinyin_syllables(stem).is_none() {
                    continue;
                }
                if !before_generic.contains(&(name, english)) {
                    continue;
                }
                for span in &s.spans {
                    let twice = text[span.end..].starts_with(&format!(" {english}"));
                    let after = if twice {
                        name.to_owned()
                    } else {
                        format!("{name} {english}")
                    };
                    out.push(
                        Edit::new(text, *span, after, "names/generic", Category::Name, CONF)
                            .with_note(format!(
                                "\"{syllable}\" is the pinyin of the generic word ({english}); the document also writes \"{name} {english}\"{}",
                                if twice {
                                    format!(", and \"{} {english}\" says it twice", s.word)
                                } else {
                                    String::new()
                                }
                            )),
                    );
                }
                break;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::GENERICS;

    /// The blocks without an ASCII capital are skipped on this ground.
    #[test]
    fn english_generics_open_on_an_ascii_capital() {
        for (_, e) in GENERICS {
            assert!(e.starts_with(|c: char| c.is_ascii_uppercase()), "{e}");
        }
    }

    #[test]
    fn generics_are_pinyin_syllables() {
        for (s, _) in GENERICS {
            assert_eq!(super::pinyin_syllables(s), Some(1), "{s}");
        }
    }
}
