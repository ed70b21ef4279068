//! The furniture vocabulary (`rules/furniture.toml`): what cookie banners,
//! share bars, comment forms, menus and footers say, per language.
//!
//! All languages are searched at once (a German page carries English
//! buttons), through one case-folded automaton. A match only counts on
//! word boundaries; a phrase written with a trailing `*` may run on into a
//! compound ("datenschutz*" in "Datenschutzerklärung").

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../rules/furniture.toml");

/// What a phrase belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Cookie,
    Privacy,
    Newsletter,
    Share,
    Follow,
    Comments,
    CommentSection,
    Related,
    Copyright,
    Login,
    Navigation,
    Meta,
    Network,
}

impl Category {
    const ALL: [(Category, &'static str); 12] = [
        (Category::Cookie, "cookie"),
        (Category::Privacy, "privacy"),
        (Category::Newsletter, "newsletter"),
        (Category::Share, "share"),
        (Category::Follow, "follow"),
        (Category::Comments, "comments"),
        (Category::CommentSection, "comment_section"),
        (Category::Related, "related"),
        (Category::Copyright, "copyright"),
        (Category::Login, "login"),
        (Category::Navigation, "navigation"),
        (Category::Meta, "meta"),
    ];

    /// The category's name in the data file and in edit notes.
    pub fn name(self) -> &'static str {
        match self {
            Category::Network => "networks",
            c => Category::ALL
                .iter()
                .find(|(k, _)| *k == c)
                .map_or("", |(_, n)| n),
        }
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    common: RawCommon,
    language: Vec<RawLanguage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommon {
    networks: Vec<String>,
}

#[derive(Deserialize)]
struct RawLanguage {
    code: String,
    #[serde(flatten)]
    lists: BTreeMap<String, Vec<String>>,
}

/// One phrase of the automaton: the categories listing it and whether it
/// may run on into a compound.
#[derive(Debug, Clone, Copy)]
struct Entry {
    categories: u16,
    prefix: bool,
}

/// The compiled vocabulary.
pub struct Vocabulary {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

/// What the phrases of one line say.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    /// Letters and digits of the line inside matched phrases.
    pub covered: usize,
    /// Distinct phrases matched.
    pub phrases: Vec<String>,
    /// How many of them belong to notices and calls to act: cookies,
    /// privacy, newsletters, log-in, sharing, following, comments, copyright
    /// (not the words of menus, teasers and bylines, which prose uses too).
    pub notices: usize,
    /// How many of them are calls to act or notices of any kind: the
    /// notices' categories and sharing, following, commenting and
    /// copyright (not menus', teasers' or bylines' words, nor networks).
    pub acts: usize,
    /// How many of those are more than one plain word (several words, a
    /// compound with a hyphen, a symbol such as "©"): a single word
    /// ("share", "comments", "account") is as likely the prose's own.
    pub long_acts: usize,
    /// Byte ranges of the matched phrases in the lowercased line (with a
    /// starred stem's run-on), for telling which words they cover.
    pub spans: Vec<(usize, usize)>,
    /// Categories of the matched phrases.
    categories: u16,
    /// Categories of the first phrase matched.
    first: u16,
}

impl Hits {
    /// True if a phrase of `c` matched.
    pub fn has(&self, c: Category) -> bool {
        self.categories & c.bit() != 0
    }

    /// The category the line speaks for: the first phrase's, other than
    /// the generic ones when it has more.
    pub fn main_category(&self) -> Option<Category> {
        let pick = |set: u16| {
            Category::ALL
                .iter()
                .map(|(c, _)| *c)
                .chain([Category::Network])
                .find(|c| set & c.bit() != 0)
        };
        pick(self.first).or_else(|| pick(self.categories))
    }
}

impl Vocabulary {
    /// The embedded vocabulary, compiled once per process.
    pub fn get() -> &'static Vocabulary {
        static V: OnceLock<Vocabulary> = OnceLock::new();
        V.get_or_init(|| Vocabulary::parse(DATA).unwrap_or_else(|_| Vocabulary::empty()))
    }

    fn empty() -> Vocabulary {
        Vocabulary::build(BTreeMap::new())
    }

    /// Parses the data file; an unknown category or a phrase that is not
    /// lowercase is an error.
    pub fn parse(data: &str) -> Result<Vocabulary, String> {
        let raw: RawFile = toml::from_str(data).map_err(|e| e.to_string())?;
        let mut phrases: BTreeMap<String, Entry> = BTreeMap::new();
        let mut add = |phrase: &str, c: Category| -> Result<(), String> {
            let p = phrase.trim();
            if p.is_empty() || p.to_lowercase() != p {
                return Err(format!("phrase {phrase:?} is empty or not lowercase"));
            }
            let (key, prefix) = match p.strip_suffix('*') {
                Some(stem) => (stem.to_owned(), true),
                None => (p.to_owned(), false),
            };
            let e = phrases.entry(key).or_insert(Entry {
                categories: 0,
                prefix: false,
            });
            e.categories |= c.bit();
            e.prefix |= prefix;
            Ok(())
        };
        for n in &raw.common.networks {
            add(n, Category::Network)?;
        }
        for l in &raw.language {
            for (name, list) in &l.lists {
                let c = Category::ALL
                    .iter()
                    .find(|(_, n)| n == name)
                    .map(|(c, _)| *c)
                    .ok_or_else(|| format!("language {}: unknown category {name:?}", l.code))?;
                for p in list {
                    add(p, c)?;
                }
            }
        }
        Ok(Vocabulary::build(phrases))
    }

    fn build(phrases: BTreeMap<String, Entry>) -> Vocabulary {
        let (keys, entries): (Vec<String>, Vec<Entry>) = phrases.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("phrases of a few bytes each build an automaton");
        Vocabulary { automaton, entries }
    }

    /// The phrases found in `lower`, a line already lowercased (the
    /// spans are byte ranges of it).
    pub fn hits(&self, lower: &str) -> Hits {
        let mut hits = Hits::default();
        for m in self.automaton.find_iter(lower) {
            let e = self.entries[m.pattern().as_usize()];
            let before = lower[..m.start()].chars().next_back();
            let after = lower[m.end()..].chars().next();
            let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let phrase = &lower[m.start()..m.end()];
            // a phrase that starts or ends in a symbol ("©") needs no boundary there
            let starts_word = phrase.chars().next().is_some_and(char::is_alphanumeric);
            let ends_word = phrase
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if (starts_word && word_char(before)) || (ends_word && !e.prefix && word_char(after)) {
                continue;
            }
            let mut end = m.end();
            if e.prefix {
                end += lower[end..]
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(lower.len() - end);
            }
            hits.spans.push((m.start(), end));
            hits.covered += lower[m.start()..end]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
                .max(1);
            if hits.categories == 0 {
                hits.first = e.categories;
            }
            hits.categories |= e.categories;
            if !hits.phrases.iter().any(|p| p == phrase) {
                hits.phrases.push(phrase.to_owned());
                let notice = [
                    Category::Cookie,
                    Category::Privacy,
                    Category::Newsletter,
                    Category::Login,
                ];
                if notice.iter().any(|c| e.categories & c.bit() != 0) {
                    hits.notices += 1;
                }
                let act = [
                    Category::Share,
                    Category::Follow,
                    Category::Comments,
                    Category::CommentSection,
                    Category::Copyright,
                ];
                if notice
                    .iter()
                    .chain(&act)
                    .any(|c| e.categories & c.bit() != 0)
                {
                    hits.acts += 1;
                    if !phrase.chars().all(char::is_alphanumeric) {
                        hits.long_acts += 1;
                    }
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_with_fifteen_languages_or_more() {
        Vocabulary::parse(DATA).expect("rules/furniture.toml");
        let raw: RawFile = toml::from_str(DATA).expect("TOML");
        assert!(raw.language.len() >= 15);
        for l in &raw.language {
            assert_eq!(
                l.lists.len(),
                Category::ALL.len(),
                "{}: every category",
                l.code
            );
        }
    }

    #[test]
    fn unknown_categories_and_capitals_are_errors() {
        let head = "[common]\nnetworks = []\n[[language]]\ncode = \"xx\"\n";
        assert!(Vocabulary::parse(&format!("{head}snacks = [\"a\"]\n")).is_err());
        assert!(Vocabulary::parse(&format!("{head}cookie = [\"Cookie\"]\n")).is_err());
        assert!(Vocabulary::parse(&format!("{head}cookie = [\"cookie\"]\n")).is_ok());
    }

    #[test]
    fn phrases_match_whole_words_and_starred_stems_run_on() {
        let v = Vocabulary::get();
        let h = v.hits("datenschutzerklärung");
        assert!(h.has(Category::Privacy));
        assert_eq!(h.covered, "Datenschutzerklärung".chars().count());
        // "share" inside "shareholders" is no match
        assert!(!v.hits("shareholders").has(Category::Share));
        let h = v.hits("share this on facebook");
        assert!(h.has(Category::Share) && h.has(Category::Network));
        assert_eq!(h.main_category(), Some(Category::Share));
    }

    #[test]
    fn calls_to_act_are_counted_and_longer_phrases_apart() {
        let v = Vocabulary::get();
        let h = v.hits("get our newsletter: enter your email and follow us on twitter");
        // "newsletter", "enter your email", "follow us on"; not the network
        assert_eq!(h.acts, 3, "{:?}", h.phrases);
        assert_eq!(h.long_acts, 2, "{:?}", h.phrases);
        let h = v.hits("the minutes of the meeting were shared with the press");
        assert_eq!(h.acts, 0, "{:?}", h.phrases);
    }

    #[test]
    fn counts_of_comments_open_a_comment_section() {
        let h = Vocabulary::get().hits("12 kommentare");
        assert!(h.has(Category::CommentSection));
    }
}
