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
    /// Languages that list it among the words of a site's notices
    /// ([`SITE_NOTICES`]).
    notice_languages: u8,
}

/// The categories of what a site says of itself: cookie banners,
/// newsletter boxes, copyright lines.
const SITE_NOTICES: [Category; 3] = [Category::Cookie, Category::Newsletter, Category::Copyright];
/// Fewest languages listing a plain word among a site's notices for the
/// word to name the notice itself ("cookies", "newsletter", "copyright",
/// "abonnement": the loanwords every language's banners use), not a
/// button's or a sentence's ordinary word ("ok", "akzeptieren",
/// "consent"), which prose uses too.
const MIN_NOTICE_LANGUAGES: u8 = 3;

/// Fewest words of a phrase that is a whole sentence of an interface
/// ("your email address will not be published", "this site uses akismet
/// to reduce spam"): a content management system's text said word for
/// word, as telling as two phrases of calls to act, so that it makes a
/// line of notices alone.
const MIN_SENTENCE_WORDS: usize = 5;

/// Fewest letters of a phrase of buttons that may carry a count glued to
/// it ("Facebook0", "Kommentare12", "Tweet3"): a share bar's copy joins
/// the button's label and its counter; a shorter name ("X", "VK") glued
/// to figures is a model's or a product's name.
const MIN_GLUED_LETTERS: usize = 5;

/// The categories whose buttons carry counts.
const COUNTED: [Category; 5] = [
    Category::Network,
    Category::Share,
    Category::Follow,
    Category::Comments,
    Category::CommentSection,
];

/// Bytes of a count glued to a button's `phrase` at the start of `after`
/// (the rest of the line): digits that end a word, 0 if none or if the
/// phrase is no button of [`COUNTED`] categories or shorter than
/// [`MIN_GLUED_LETTERS`].
fn glued_count(after: &str, phrase: &str, categories: u16) -> usize {
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // most matches have no digit after them: the rest is asked of a count
    if digits == 0 {
        return 0;
    }
    let word_ends = !after[digits..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    let button = COUNTED.iter().any(|c| categories & c.bit() != 0)
        && phrase.chars().filter(|c| c.is_alphabetic()).count() >= MIN_GLUED_LETTERS;
    if word_ends && button { digits } else { 0 }
}

/// The compiled vocabulary.
pub struct Vocabulary {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    /// The plain words of at least [`MIN_NOTICE_LANGUAGES`] languages'
    /// notices: a phrase of a notice holding one tells a notice alone.
    telling: Vec<String>,
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
    /// copyright (not menus', teasers' or bylines' words, nor networks); a
    /// whole sentence of an interface counts twice ([`MIN_SENTENCE_WORDS`]).
    pub acts: usize,
    /// How many of those are more than one plain word (several words, a
    /// compound with a hyphen, a symbol such as "©"): a single word
    /// ("share", "comments", "account") is as likely the prose's own.
    pub long_acts: usize,
    /// The distinct phrases of cookie banners, newsletter boxes and
    /// copyright lines: what a site says of itself, in a sentence as much
    /// as on a button ("Mit unserem Newsletter erhalten Sie …", "© 2020 …
    /// Ltd"), and what an article's closing lines rarely say.
    pub site_notices: Vec<String>,
    /// How many of them tell a notice alone ([`Vocabulary::tells_notice`]).
    pub telling_notices: usize,
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
        let raw: RawFile = match crate::embedded::from_json(data) {
            Some(raw) => raw,
            None => toml::from_str(data).map_err(|e| e.to_string())?,
        };
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
                notice_languages: 0,
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
        // languages listing each phrase among a site's notices, each once
        for l in &raw.language {
            let mut listed: Vec<&str> = SITE_NOTICES
                .iter()
                .filter_map(|c| l.lists.get(c.name()))
                .flatten()
                .map(|p| p.trim().trim_end_matches('*'))
                .collect();
            listed.sort_unstable();
            listed.dedup();
            for p in listed {
                if let Some(e) = phrases.get_mut(p) {
                    e.notice_languages = e.notice_languages.saturating_add(1);
                }
            }
        }
        Ok(Vocabulary::build(phrases))
    }

    fn build(phrases: BTreeMap<String, Entry>) -> Vocabulary {
        let telling = phrases
            .iter()
            .filter(|(k, e)| {
                e.notice_languages >= MIN_NOTICE_LANGUAGES && k.chars().all(char::is_alphanumeric)
            })
            .map(|(k, _)| k.clone())
            .collect();
        let (keys, entries): (Vec<String>, Vec<Entry>) = phrases.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&keys)
            .expect("phrases of a few bytes each build an automaton");
        Vocabulary {
            automaton,
            entries,
            telling,
        }
    }

    /// Whether a phrase of a site's notice tells a notice alone: it is a
    /// symbol ("©"), or it is or holds a plain word of at least
    /// [`MIN_NOTICE_LANGUAGES`] languages' notices ("newsletter", "wir
    /// verwenden cookies"); not a button's words that prose uses too
    /// ("ok", "weitere informationen", "consent").
    fn tells_notice(&self, phrase: &str) -> bool {
        !phrase.chars().any(char::is_alphanumeric)
            || phrase
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| self.telling.iter().any(|t| t == w))
    }

    /// Whether any phrase occurs in `lower` (a line already lowercased),
    /// boundaries aside: a necessary condition of a non-empty
    /// [`Vocabulary::hits`], without collecting them.
    pub fn any_phrase(&self, lower: &str) -> bool {
        self.automaton.is_match(lower)
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
            let glued = glued_count(&lower[m.end()..], phrase, e.categories);
            if (starts_word && word_char(before))
                || (ends_word && !e.prefix && glued == 0 && word_char(after))
            {
                continue;
            }
            let mut end = m.end() + glued;
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
                if SITE_NOTICES.iter().any(|c| e.categories & c.bit() != 0) {
                    hits.site_notices.push(phrase.to_owned());
                    if self.tells_notice(phrase) {
                        hits.telling_notices += 1;
                    }
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
                    if phrase.split_whitespace().count() >= MIN_SENTENCE_WORDS {
                        hits.acts += 1;
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
    fn a_notices_own_words_tell_it_a_buttons_ordinary_words_do_not() {
        let v = Vocabulary::get();
        let telling = |line: &str| v.hits(&line.to_lowercase()).telling_notices;
        // loanwords of many languages' banners, and a symbol
        assert_eq!(telling("Abonnieren Sie unseren Newsletter"), 1);
        assert_eq!(telling("Wir verwenden Cookies auf dieser Seite"), 1);
        assert_eq!(telling("Foto: © Anna Berg"), 1);
        // one language's button words, which prose uses too
        assert_eq!(telling("This works ok"), 0);
        assert_eq!(telling("Weitere Informationen zum Projekt"), 0);
        let h = v.hits("informed consent of the patients");
        assert_eq!(h.telling_notices, 0);
        assert_eq!(h.site_notices, vec!["consent".to_owned()]);
    }

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
    fn a_count_glued_to_a_button_is_part_of_it() {
        let v = Vocabulary::get();
        let h = v.hits("facebook0 twitter pinterest12");
        assert_eq!(
            h.covered,
            "facebook0twitterpinterest12".len(),
            "{:?}",
            h.phrases
        );
        // a short name glued to figures is a model's, a word run on is no count
        assert!(!v.hits("x5").has(Category::Network));
        assert!(!v.hits("facebook0x").has(Category::Network));
    }

    #[test]
    fn a_whole_sentence_of_an_interface_counts_as_two_calls_to_act() {
        let v = Vocabulary::get();
        let h = v.hits("your email address will not be published.");
        assert_eq!(h.acts, 2, "{:?}", h.phrases);
        let h = v.hits("leave a reply");
        assert_eq!(h.acts, 1, "{:?}", h.phrases);
        // the same systems' texts in the languages of their translations
        for line in [
            "deine e-mail-adresse wird nicht veröffentlicht.",
            "votre adresse e-mail ne sera pas publiée.",
            "tu dirección de correo electrónico no será publicada.",
            "twój adres e-mail nie zostanie opublikowany.",
        ] {
            assert_eq!(v.hits(line).acts, 2, "{line}");
        }
    }

    #[test]
    fn counts_of_comments_open_a_comment_section() {
        let h = Vocabulary::get().hits("12 kommentare");
        assert!(h.has(Category::CommentSection));
    }
}
