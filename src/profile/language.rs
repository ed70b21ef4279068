//! Language and script of a document and of the blocks that differ from it.
//!
//! The detector is `whatlang` (trigram profiles of 69 languages, MIT,
//! maintained). It was measured against `lingua` (1.8, restricted to the
//! same 12 languages) on 2,910 must-keep strings of the web corpus labelled
//! with their page's language and 752 lines of WMT21 references:
//!
//! | characters | whatlang (69) | whatlang (12) | lingua (12) |
//! |---|---|---|---|
//! | < 30     | 0.70 | 0.78 | 0.89 |
//! | 30–80    | 0.89 | 0.92 | 0.97 |
//! | 80–200   | 0.98 | 0.98 | 0.99 |
//! | ≥ 200    | 1.00 | 1.00 | 1.00 |
//!
//! lingua is better on short text but about 20 times slower (0.5 ms against
//! 27 µs a string) and adds 50 MB of models to the binary; the profile must
//! cost under 5 % of a conversion. So: whatlang, used where it is reliable
//! and sparingly (a call costs about 0.25 ms, a 40 KB file's conversion
//! about 6 ms). The document language is detected on a sample of its
//! longest blocks ([`SAMPLE_BYTES`]), where both are right; a block gets a
//! language of its own only when it is long enough ([`BLOCK_MIN_LETTERS`]),
//! has words with letters the sample lacks, and whatlang calls its guess
//! reliable ([`MAX_BLOCK_GUESSES`] at most); other blocks inherit the
//! document's language rather than take a short-text guess.

use whatlang::{Detector, Script};

/// Bytes of running text the document language is detected on, taken from
/// its [`SAMPLE_BLOCKS`] longest blocks: whatlang is right on 200 bytes,
/// and each call costs about a quarter of a millisecond whatever its length
/// up to a few kilobytes.
pub const SAMPLE_BYTES: usize = 1024;

/// Blocks the sample is taken from.
pub const SAMPLE_BLOCKS: usize = 3;

/// The longest blocks the sample's [`SAMPLE_BLOCKS`] are chosen from (by
/// their letters): enough to pass over the rules and tables that are long
/// in bytes on a web page, and a bound on the blocks read to choose.
pub const SAMPLE_CANDIDATES: usize = 64;

/// Letters a block needs before it may be given a language other than the
/// document's: below this whatlang's guesses are wrong one time in ten.
pub const BLOCK_MIN_LETTERS: usize = 60;

/// Letters the document sample needs before the document is given a
/// language at all: from about 80 characters whatlang is right 98 times in
/// a hundred (table above). Below it a guess on a scrap of text flips with
/// the edits themselves (a repaired character, a removed line), and the
/// typography chosen for that language would flip with it, so a second
/// conversion would undo the first. Shorter documents stay undetermined and
/// the rules act as they would without a profile.
pub const DOC_MIN_LETTERS: usize = 100;

/// Blocks judged on their own at most (each a whatlang call); the rest
/// inherit the document's language, so the profile stays a small share of
/// a conversion.
pub const MAX_BLOCK_GUESSES: usize = 6;

/// Bytes of a block a guess is made on: a paragraph's first sentences
/// tell its language.
pub const BLOCK_SAMPLE_BYTES: usize = 512;

/// The words of the document sample taken for its common words (see
/// [`CommonWords`]): its most frequent, which in running text are the
/// function words of its language ("the", "and", "der", "und").
pub const COMMON_WORDS: usize = 20;

/// Times a word is in the sample before it counts as one of its common
/// words: a word said once or twice in a kilobyte is its topic, not its
/// language.
pub const COMMON_WORD_MIN_COUNT: usize = 3;

/// Share of a block's words that are common words of the document sample
/// from which the block is taken to be in the document's language without
/// a guess. Measured on the web corpus (388 pages, 9,581 guesses on blocks
/// with letters their sample lacks): a block that whatlang then put in
/// another language had a share of 0.3 or more 13 times (mostly menus of
/// names, a guess no better than the document's language), one in the
/// document's language 1,843 times; running text in another language
/// shares almost none of them.
pub const COMMON_SHARE: f32 = 0.3;

/// A language, by its BCP 47 tag (ISO 639-1 where there is one, else
/// ISO 639-3), as TEI `@xml:lang` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(&'static str);

/// The tags emend knows: whatlang's languages with their BCP 47 tags.
const TAGS: &[(&str, whatlang::Lang)] = {
    use whatlang::Lang::*;
    &[
        ("en", Eng),
        ("de", Deu),
        ("fr", Fra),
        ("es", Spa),
        ("pt", Por),
        ("it", Ita),
        ("nl", Nld),
        ("pl", Pol),
        ("cs", Ces),
        ("sk", Slk),
        ("sl", Slv),
        ("hr", Hrv),
        ("sr", Srp),
        ("ru", Rus),
        ("uk", Ukr),
        ("be", Bel),
        ("bg", Bul),
        ("mk", Mkd),
        ("zh", Cmn),
        ("ja", Jpn),
        ("ko", Kor),
        ("ar", Ara),
        ("he", Heb),
        ("yi", Yid),
        ("fa", Pes),
        ("tr", Tur),
        ("az", Aze),
        ("hy", Hye),
        ("ka", Kat),
        ("el", Ell),
        ("hu", Hun),
        ("ro", Ron),
        ("fi", Fin),
        ("et", Est),
        ("lv", Lav),
        ("lt", Lit),
        ("sv", Swe),
        ("da", Dan),
        ("nb", Nob),
        ("ca", Cat),
        ("la", Lat),
        ("eo", Epo),
        ("cy", Cym),
        ("af", Afr),
        ("hi", Hin),
        ("bn", Ben),
        ("mr", Mar),
        ("ne", Nep),
        ("gu", Guj),
        ("pa", Pan),
        ("ta", Tam),
        ("te", Tel),
        ("kn", Kan),
        ("ml", Mal),
        ("or", Ori),
        ("si", Sin),
        ("ur", Urd),
        ("th", Tha),
        ("vi", Vie),
        ("km", Khm),
        ("my", Mya),
        ("id", Ind),
        ("jv", Jav),
        ("tl", Tgl),
        ("uz", Uzb),
        ("tk", Tuk),
        ("am", Amh),
        ("ak", Aka),
        ("zu", Zul),
        ("sn", Sna),
    ]
};

impl Lang {
    /// English.
    pub const EN: Lang = Lang("en");
    /// Not determined (too little text, or no reliable guess).
    pub const UND: Lang = Lang("und");

    /// The BCP 47 tag.
    pub fn tag(self) -> &'static str {
        self.0
    }

    /// The language's English name ("German"), or "undetermined".
    pub fn name(self) -> &'static str {
        TAGS.iter()
            .find(|(t, _)| *t == self.0)
            .map_or("undetermined", |(_, l)| l.eng_name())
    }

    /// True when no language was determined.
    pub fn is_undetermined(self) -> bool {
        self == Lang::UND
    }

    /// The language a user names: a BCP 47 tag ("de"), an ISO 639-3 code
    /// ("deu") or an English name ("German"), any case; `None` if emend
    /// does not know it.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("und") {
            return Some(Lang::UND);
        }
        TAGS.iter()
            .find(|(t, l)| {
                t.eq_ignore_ascii_case(s)
                    || l.code().eq_ignore_ascii_case(s)
                    || l.eng_name().eq_ignore_ascii_case(s)
            })
            .map(|(t, _)| Lang(t))
    }

    /// The tags `parse` accepts, for a usage message.
    pub fn known_tags() -> impl Iterator<Item = &'static str> {
        TAGS.iter().map(|(t, _)| *t)
    }

    fn of(l: whatlang::Lang) -> Lang {
        TAGS.iter()
            .find(|(_, w)| *w == l)
            .map_or(Lang::UND, |(t, _)| Lang(t))
    }

    /// How the language writes quotation marks and spaces them, for the
    /// typography rules.
    pub fn typography(self) -> Typography {
        match self.0 {
            "de" | "cs" | "sk" | "sl" | "hr" | "sr" | "lt" | "et" | "lv" | "bg" | "da" | "is"
            | "ka" | "fi" | "sv" => Typography::LowHigh,
            "pl" | "hu" | "ro" | "nl" => Typography::LowHighRight,
            "fr" => Typography::French,
            "ru" | "uk" | "be" | "mk" | "hy" | "az" | "el" | "no" | "nb" | "es" | "it" | "pt"
            | "ca" | "tr" | "fa" | "ar" => Typography::Guillemets,
            "zh" | "ja" | "ko" => Typography::FullWidth,
            _ => Typography::English,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Families of quotation and spacing conventions: what a spacing or quote
/// rule may assume about a mark in text of that language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typography {
    /// “…” and ‘…’, no space inside quotes or before `; : ! ?` (English and
    /// languages not listed elsewhere).
    English,
    /// „…“ and ‚…‘, also »…« (German, Czech, Slovak, Baltic and South Slavic
    /// languages, Danish): “ closes, » opens; also Finnish and Swedish,
    /// whose ”…” and »…» open and close with one mark: only „ surely opens.
    LowHigh,
    /// „…” (Polish, Hungarian, Romanian, Dutch): ” closes; «…» inside.
    LowHighRight,
    /// « … » with spaces inside, and a space before `; : ! ?` (French).
    French,
    /// «…» without spaces, „…“ inside (Russian, Ukrainian; also Spanish,
    /// Italian, Portuguese «…»): “ may close an inner quotation.
    Guillemets,
    /// Full-width punctuation and `。` ends a sentence (Chinese, Japanese,
    /// Korean).
    FullWidth,
}

/// A language guess with whatlang's confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    /// The language.
    pub lang: Lang,
    /// whatlang's confidence, 0..1.
    pub confidence: f32,
    /// Whether whatlang calls it reliable.
    pub reliable: bool,
    /// The script the text is written in.
    pub script: Option<Script>,
}

/// Detects languages; built once per engine.
pub struct LanguageDetector {
    detector: Detector,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        LanguageDetector {
            detector: Detector::new(),
        }
    }
}

impl LanguageDetector {
    /// The language of `text`, if whatlang makes a guess.
    pub fn guess(&self, text: &str) -> Option<Guess> {
        self.detector.detect(text).map(|info| Guess {
            lang: Lang::of(info.lang()),
            confidence: info.confidence() as f32,
            reliable: info.is_reliable(),
            script: Some(info.script()),
        })
    }

    /// [`guess`](Self::guess), or the guess `memo` holds for the same text.
    pub fn guess_remembered(&self, text: &str, memo: &mut Guesses) -> Option<Guess> {
        if let Some(g) = memo.guesses.get(text) {
            return *g;
        }
        let g = self.guess(text);
        memo.guesses.insert(text.to_string(), g);
        g
    }
}

/// The guesses made in one conversion, by the text they were made on.
///
/// Each later round profiles its clean text afresh (a conversion of the
/// clean text would), and the words views its guesses are made on are
/// nearly always those of the round before: cosmetic edits do not change a
/// words view, and removed furniture is seldom among the longest blocks or
/// the blocks with foreign letters. A guess depends on its text alone, so
/// a remembered one is the guess itself, at the cost of a hash instead of
/// a quarter of a millisecond.
///
/// It also holds what the profile read of each block, by the block's
/// text: a later round's blocks are nearly all those of the round before,
/// and reading them again cost more than the guesses left to make.
#[derive(Debug, Default)]
pub struct Guesses {
    guesses: foldhash::HashMap<String, Option<Guess>>,
    /// The verbatim kind of a paragraph, by its text.
    pub(super) verbatim: foldhash::HashMap<TextKey, Option<super::Verbatim>>,
    /// The letters of the document sample the block facts were read
    /// against: another set starts them afresh.
    known: Vec<char>,
    /// A block's letters and foreign letters ([`view_facts`]), by its text.
    pub(super) facts: foldhash::HashMap<TextKey, (usize, bool)>,
    /// The document sample whose common words are `common`.
    sample: String,
    /// The sample's common words, once a block asked for them.
    common: Option<CommonWords>,
    /// A block's share of `shares_of`, by its text.
    shares: foldhash::HashMap<TextKey, f32>,
    /// The common words `shares` were counted against.
    shares_of: Option<CommonWords>,
}

impl Guesses {
    /// Starts the facts afresh unless they were read against the letters
    /// `known`, and forgets the common words unless they are `sample`'s.
    pub(super) fn against(&mut self, sample: &str, known: &[char]) {
        if self.known != known {
            self.known = known.to_vec();
            self.facts.clear();
        }
        if self.sample != sample {
            self.sample.clear();
            self.sample.push_str(sample);
            self.common = None;
        }
    }

    /// The share of the common words of the sample (made by `make` when
    /// they are not known yet) in block `s`, whose key is `key`: remembered
    /// while the common words stay the same, which they mostly do when a
    /// later round's sample differs by a name.
    pub(super) fn share(
        &mut self,
        s: &str,
        key: TextKey,
        make: impl FnOnce() -> CommonWords,
    ) -> f32 {
        if self.common.is_none() {
            let common = make();
            if self.shares_of.as_ref() != Some(&common) {
                self.shares.clear();
                self.shares_of = Some(common.clone());
            }
            self.common = Some(common);
        }
        let common = self.common.as_ref().expect("made above");
        *self
            .shares
            .entry(key)
            .or_insert_with(|| common.share(s, BLOCK_SAMPLE_BYTES))
    }
}

/// A block's text as the memo knows it: its length and a 64-bit hash with
/// a fixed seed (the same in every run). Two different blocks of one
/// conversion sharing both is a chance of about one in 2^64 per pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct TextKey(u64, usize);

impl TextKey {
    pub(super) fn of(s: &str) -> TextKey {
        use std::hash::BuildHasher;
        TextKey(
            foldhash::fast::FixedState::with_seed(0x0065_6d65_6e64).hash_one(s),
            s.len(),
        )
    }
}

/// The name of a script as ISO 15924 gives it, for the header.
pub fn script_code(s: Script) -> &'static str {
    match s {
        Script::Arabic => "Arab",
        Script::Armenian => "Armn",
        Script::Bengali => "Beng",
        Script::Cyrillic => "Cyrl",
        Script::Devanagari => "Deva",
        Script::Ethiopic => "Ethi",
        Script::Georgian => "Geor",
        Script::Greek => "Grek",
        Script::Gujarati => "Gujr",
        Script::Gurmukhi => "Guru",
        Script::Hangul => "Hang",
        Script::Hebrew => "Hebr",
        Script::Hiragana | Script::Katakana => "Jpan",
        Script::Kannada => "Knda",
        Script::Khmer => "Khmr",
        Script::Latin => "Latn",
        Script::Malayalam => "Mlym",
        Script::Mandarin => "Hani",
        Script::Myanmar => "Mymr",
        Script::Oriya => "Orya",
        Script::Sinhala => "Sinh",
        Script::Tamil => "Taml",
        Script::Telugu => "Telu",
        Script::Thai => "Thai",
    }
}

/// What a guess is made on: the words of `s` (runs of letters and their
/// combining marks, composed) joined by single spaces, up to `max_bytes`.
///
/// Guesses are made on this view, not on the text as written, so that the
/// cosmetic edits cannot change them: quotes, spacing, punctuation and
/// markdown marks are not in it, and decomposed letters read as composed.
/// Were the language judged on the raw text, a second conversion of the
/// clean text could judge it otherwise and typography would flip.
pub fn words_view(s: &str, max_bytes: usize) -> String {
    fold_view(s, max_bytes, String::new, |view, c, space| {
        if space {
            view.push(' ');
        }
        view.push(c);
    })
}

/// The letters of the words view of `s` up to `max_bytes` (as
/// [`letters`]`(&`[`words_view`]`(s, max_bytes))` counts them), and
/// whether one of its words has a letter outside `known` (sorted,
/// lowercase; ASCII letters always count as known), read without building
/// the view: most blocks are looked at only for these two facts.
pub fn view_facts(s: &str, max_bytes: usize, known: &[char]) -> (usize, bool) {
    if s.is_ascii() {
        // no word of ASCII has an unknown letter, and its letters are bytes
        return (ascii_view_letters(s.as_bytes(), max_bytes), false);
    }
    fold_view(
        s,
        max_bytes,
        || (0, false),
        |(letters, foreign), c, _| {
            if c.is_alphabetic() {
                *letters += 1;
            }
            if !*foreign && !c.is_ascii() {
                *foreign = c.to_lowercase().any(|l| {
                    l.is_alphabetic() && !l.is_ascii() && known.binary_search(&l).is_err()
                });
            }
        },
    )
}

/// Folds `step` over the characters of the words view of `s` (with whether
/// a space goes before each), starting from `init()`.
///
/// The view is of the composed text, but composing costs more than all the
/// rest and only the first `max_bytes` of the view are read: the text is
/// read as written while every character read is one composition leaves
/// alone (ASCII, or a starter that is NFC as it is: nothing before it can
/// change, and nothing after it can reach back past it), and read again
/// composed only when one is not.
fn fold_view<T>(
    s: &str,
    max_bytes: usize,
    init: impl Fn() -> T,
    step: impl Fn(&mut T, char, bool),
) -> T {
    use unicode_normalization::UnicodeNormalization;
    let mut acc = init();
    let mut inert = true;
    let chars = s
        .chars()
        .inspect(|&c| inert &= c.is_ascii() || composes_with_nothing(c));
    walk_words(chars, max_bytes, |c, space| step(&mut acc, c, space));
    if inert {
        return acc;
    }
    let mut acc = init();
    walk_words(s.chars().nfc(), max_bytes, |c, space| {
        step(&mut acc, c, space)
    });
    acc
}

/// Ranges of characters that [`composes_with_nothing`] answers for
/// without the normalization tables.
const INERT_RANGES: [std::ops::RangeInclusive<char>; 2] =
    ['\0'..='\u{2FF}', '\u{2010}'..='\u{205E}'];

/// Whether NFC leaves `c` as it is wherever it stands: `c` is NFC (quick
/// check "yes": it does not decompose and cannot combine with a character
/// before it) and a starter (no mark reorders around it).
fn composes_with_nothing(c: char) -> bool {
    // Latin letters with their diacritics, IPA and spacing modifiers (below
    // the combining marks at U+0300), and the quotes and dashes of General
    // Punctuation, are all such characters (a test checks the ranges
    // against the tables): the text of most blocks is settled without a
    // table lookup
    if INERT_RANGES.iter().any(|r| r.contains(&c)) {
        return true;
    }
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Calls `f` on each character of the words view of `chars` (see
/// [`words_view`]), with whether a space goes before it, and stops at the
/// first word past `max_bytes` of the view.
fn walk_words(chars: impl Iterator<Item = char>, max_bytes: usize, mut f: impl FnMut(char, bool)) {
    use unicode_normalization::char::is_combining_mark;
    let mut len = 0;
    let mut in_word = false;
    for c in chars {
        if c.is_alphabetic() || (in_word && is_combining_mark(c)) {
            let space = !in_word && len > 0;
            if space {
                if len >= max_bytes {
                    break;
                }
                len += 1;
            }
            in_word = true;
            len += c.len_utf8();
            f(c, space);
        } else {
            in_word = false;
        }
    }
}

/// The letters of the words view of ASCII bytes, as [`walk_words`] reads
/// them, a byte at a time.
fn ascii_view_letters(s: &[u8], max_bytes: usize) -> usize {
    let (mut len, mut letters) = (0, 0);
    let mut in_word = false;
    for &b in s {
        if b.is_ascii_alphabetic() {
            if !in_word && len > 0 {
                if len >= max_bytes {
                    break;
                }
                len += 1;
            }
            in_word = true;
            len += 1;
            letters += 1;
        } else {
            in_word = false;
        }
    }
    letters
}

/// The common words of a document sample: a cheap test of whether a block
/// is in the sample's language, made before a guess costs a quarter of a
/// millisecond (the short-words method of language identification).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CommonWords(Vec<String>);

impl CommonWords {
    /// The [`COMMON_WORDS`] most frequent words of `sample` (a words view,
    /// or views joined by newlines), lowercase, seen at least
    /// [`COMMON_WORD_MIN_COUNT`] times.
    pub fn of(sample: &str) -> CommonWords {
        let mut words: Vec<String> = sample
            .split([' ', '\n'])
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words.sort_unstable();
        let mut counted: Vec<(usize, String)> = Vec::new();
        for run in words.chunk_by(|a, b| a == b) {
            if run.len() >= COMMON_WORD_MIN_COUNT {
                counted.push((run.len(), run[0].clone()));
            }
        }
        // most frequent first, ties by the word: the same sample always
        // gives the same words
        counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut common: Vec<String> = counted
            .into_iter()
            .take(COMMON_WORDS)
            .map(|(_, w)| w)
            .collect();
        common.sort_unstable();
        CommonWords(common)
    }

    /// These words and `words` (lowercase): the most frequent words of the
    /// sample's language from a frequency list (see
    /// [`crate::names::common::CommonWords::top_words`]). A kilobyte's own
    /// twenty most frequent words include its topic ("azerbaijan",
    /// "armenia" in a paper about them), which crowds out function words,
    /// so that a paragraph of the document's language could share too few
    /// of them and be guessed for nothing; the language's own function
    /// words do not depend on the topic.
    pub fn with_words(mut self, words: impl IntoIterator<Item = &'static str>) -> CommonWords {
        self.0.extend(words.into_iter().map(str::to_owned));
        self.0.sort_unstable();
        self.0.dedup();
        self
    }

    /// The share of the words of the words view of `s` (up to
    /// `max_bytes`) that are common words.
    pub fn share(&self, s: &str, max_bytes: usize) -> f32 {
        if self.0.is_empty() {
            return 0.0;
        }
        // (words, common words, the word being read)
        let count = |tally: &mut (usize, usize, String)| {
            if !tally.2.is_empty() {
                tally.0 += 1;
                tally.1 += usize::from(self.0.binary_search(&tally.2).is_ok());
                tally.2.clear();
            }
        };
        let mut tally = fold_view(
            s,
            max_bytes,
            || (0, 0, String::new()),
            |tally, c, space| {
                if space {
                    count(tally);
                }
                tally.2.extend(c.to_lowercase());
            },
        );
        count(&mut tally);
        if tally.0 == 0 {
            0.0
        } else {
            tally.1 as f32 / tally.0 as f32
        }
    }
}

/// Letters in `s` (what a guess is made on).
pub fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_languages_of_ordinary_sentences() {
        let d = LanguageDetector::default();
        let cases = [
            (
                "en",
                "The committee met on Tuesday and agreed to publish the report next month.",
            ),
            (
                "de",
                "Die Kommission hat sich am Dienstag getroffen und beschlossen, den Bericht zu veröffentlichen.",
            ),
            (
                "fr",
                "La commission s'est réunie mardi et a décidé de publier le rapport le mois prochain.",
            ),
            (
                "pl",
                "Komisja spotkała się we wtorek i postanowiła opublikować raport w przyszłym miesiącu.",
            ),
            (
                "ru",
                "Комиссия собралась во вторник и решила опубликовать доклад в следующем месяце.",
            ),
            ("zh", "委员会星期二开会，决定下个月发表这份报告。"),
        ];
        for (tag, text) in cases {
            let g = d.guess(text).expect("a guess");
            assert_eq!(g.lang.tag(), tag, "{text}");
        }
    }

    #[test]
    fn the_words_view_ignores_what_cosmetic_edits_change() {
        let raw = "“ quoted ”  **bold** *it*\u{200b} \"link\" cafe\u{301}!";
        let clean = "“quoted” bold it “link” café!";
        assert_eq!(words_view(raw, 100), "quoted bold it link café");
        assert_eq!(words_view(clean, 100), words_view(raw, 100));
        // a word is never cut: the view ends at a word boundary past the limit
        assert_eq!(words_view("alpha beta gamma", 7), "alpha beta");
    }

    /// The view as its definition gives it: the words of the composed text.
    fn view_by_definition(s: &str, max_bytes: usize) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut view = String::new();
        walk_words(s.nfc(), max_bytes, |c, space| {
            if space {
                view.push(' ');
            }
            view.push(c);
        });
        view
    }

    #[test]
    fn the_view_read_as_written_is_the_composed_view() {
        let known = ['ä', 'ö', 'ü'];
        let texts = [
            "plain ASCII words, and more of them",
            "Grüße aus Köln: „schön“ — and Ærø",
            // decomposed letters, composed early or late in the text
            "cafe\u{301} and more",
            "words words words words words words words cafe\u{301}",
            // a mark after a letter that composes with nothing, and
            // Hangul jamo that compose with each other
            "x\u{301}y \u{1100}\u{1161}\u{11A8} \u{5d0}\u{591}\u{5d1}",
            "Łódź, İstanbul, Straße, ǅemal",
        ];
        for t in texts {
            for max in [1, 8, 30, 512] {
                let view = view_by_definition(t, max);
                assert_eq!(words_view(t, max), view, "{t:?} {max}");
                let foreign = view.split(' ').any(|w| {
                    w.chars().flat_map(char::to_lowercase).any(|c| {
                        c.is_alphabetic() && !c.is_ascii() && known.binary_search(&c).is_err()
                    })
                });
                assert_eq!(
                    view_facts(t, max, &known),
                    (letters(&view), foreign),
                    "{t:?} {max}"
                );
            }
        }
    }

    #[test]
    fn the_inert_ranges_agree_with_the_tables() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        for r in INERT_RANGES {
            for c in r {
                assert!(
                    canonical_combining_class(c) == 0
                        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes,
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn common_words_are_the_samples_frequent_words() {
        let sample = "the cat and the dog and the bird and the fish saw a cat";
        let common = CommonWords::of(sample);
        assert_eq!(common.0, ["and", "the"]);
        assert_eq!(common.share("The fish and the bird", 100), 0.6);
        assert_eq!(common.share("Die Katze und der Hund", 100), 0.0);
        let common = common.with_words(["saw", "a", "the"]);
        assert_eq!(common.0, ["a", "and", "saw", "the"]);
        assert_eq!(common.share("The cat saw a dog", 100), 0.6);
    }

    #[test]
    fn guesses_are_remembered_by_their_text() {
        let d = LanguageDetector::default();
        let mut memo = Guesses::default();
        let t = "Die Kommission hat sich am Dienstag getroffen und beschlossen.";
        assert_eq!(d.guess_remembered(t, &mut memo), d.guess(t));
        assert_eq!(d.guess_remembered(t, &mut memo), d.guess(t));
        assert_eq!(memo.guesses.len(), 1);
    }

    #[test]
    fn user_names_are_parsed() {
        assert_eq!(Lang::parse("DE"), Some(Lang("de")));
        assert_eq!(Lang::parse("deu"), Some(Lang("de")));
        assert_eq!(Lang::parse("German"), Some(Lang("de")));
        assert_eq!(Lang::parse("klingon"), None);
        assert_eq!(Lang("de").name(), "German");
    }
}
