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
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Composing costs more than all the rest: text that is already NFC
    // (nearly all of it, and all ASCII) is read as it is.
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        words_of(s.chars(), max_bytes)
    } else {
        words_of(s.chars().nfc(), max_bytes)
    }
}

/// The words of `chars` as [`words_view`] joins them.
fn words_of(chars: impl Iterator<Item = char>, max_bytes: usize) -> String {
    use unicode_normalization::char::is_combining_mark;
    let mut view = String::new();
    let mut in_word = false;
    for c in chars {
        if c.is_alphabetic() || (in_word && is_combining_mark(c)) {
            if !in_word && !view.is_empty() {
                if view.len() >= max_bytes {
                    break;
                }
                view.push(' ');
            }
            in_word = true;
            view.push(c);
        } else {
            in_word = false;
        }
    }
    view
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

    #[test]
    fn user_names_are_parsed() {
        assert_eq!(Lang::parse("DE"), Some(Lang("de")));
        assert_eq!(Lang::parse("deu"), Some(Lang("de")));
        assert_eq!(Lang::parse("German"), Some(Lang("de")));
        assert_eq!(Lang::parse("klingon"), None);
        assert_eq!(Lang("de").name(), "German");
    }
}
