//! How unlikely a text is as written: the count of character sequences that
//! real text almost never holds and UTF-8 misread as a single-byte encoding
//! produces all the time.
//!
//! Only a few hundred characters come out of such misreadings. They fall in
//! classes (accented capitals, accented small letters, currency, numeric
//! symbols, opening and closing punctuation, box drawing, characters that
//! are nearly always mojibake such as "¤" or "‰"), and the measure counts
//! unlikely neighbours among them: a small accented letter followed by a
//! capital one ("Ã©" is `Ã` then a symbol, "Ã‘" a capital then a closing
//! quote before a letter), a currency sign after an accented letter, a C1
//! control anywhere. A single accented capital before a mark that merely
//! *could* complete a sequence ("NESTLÉ®", "VOCÊ…", "Å—") matches nothing.
//!
//! The classes and sequences follow the heuristic ftfy 6 documents
//! (`ftfy/badness.py`, Apache-2.0, © Robyn Speer), built here as one regular
//! expression.

use regex::Regex;
use std::sync::OnceLock;

/// The character classes, as the inside of a regex class.
const CLASSES: &[(&str, &str)] = &[
    // characters found in many contexts: not mojibake by themselves
    (
        "common",
        "\u{a0}\u{ad}\u{b7}\u{b4}\u{2013}\u{2014}\u{2015}\u{2026}\u{2019}",
    ),
    // C1 controls: no use left outside mojibake
    ("c1", "\u{80}-\u{9f}"),
    // nearly always mojibake (ª and º too, once next to other mojibake)
    (
        "bad",
        "\u{a6}\u{a4}\u{a8}\u{ac}\u{af}\u{b8}\u{192}\u{2c6}\u{2c7}\u{2d8}\u{2db}\u{2dc}\u{2020}\u{2021}\u{2030}\u{2310}\u{25ca}\u{fffd}\u{aa}\u{ba}",
    ),
    ("law", "\u{b6}\u{a7}"),
    ("currency", "\u{a2}\u{a3}\u{a5}\u{20a7}\u{20ac}"),
    (
        "start_punctuation",
        "\u{a1}\u{ab}\u{bf}\u{a9}\u{384}\u{385}\u{2018}\u{201a}\u{201c}\u{201e}\u{2022}\u{2039}\u{f8ff}",
    ),
    (
        "end_punctuation",
        "\u{ae}\u{bb}\u{2dd}\u{201d}\u{203a}\u{2122}",
    ),
    (
        "numeric",
        "\u{b2}\u{b3}\u{b9}\u{b1}\u{bc}\u{bd}\u{be}\u{d7}\u{b5}\u{f7}\u{2044}\u{2202}\u{2206}\u{220f}\u{2211}\u{221a}\u{221e}\u{2229}\u{222b}\u{2248}\u{2260}\u{2261}\u{2264}\u{2265}\u{2116}",
    ),
    // letters kaomoji faces are made of: allowed in odd places
    (
        "kaomoji",
        "\u{d2}-\u{d6}\u{d9}-\u{dc}\u{f2}-\u{f6}\u{f8}-\u{fc}\u{150}\u{14c}\u{16a}\u{172}\u{b0}",
    ),
    (
        "upper_accented",
        "\u{c0}-\u{d1}\u{d8}\u{dc}\u{dd}\u{102}\u{100}\u{104}\u{106}\u{10c}\u{10e}\u{110}\u{118}\u{11a}\u{112}\u{116}\u{11e}\u{122}\u{130}\u{12a}\u{136}\u{139}\u{13d}\u{141}\u{13b}\u{143}\u{147}\u{145}\u{152}\u{158}\u{15a}\u{15e}\u{160}\u{162}\u{164}\u{16e}\u{170}\u{178}\u{179}\u{17b}\u{17d}\u{490}",
    ),
    (
        "lower_accented",
        "\u{df}\u{e0}-\u{f1}\u{103}\u{105}\u{101}\u{107}\u{10d}\u{10f}\u{111}\u{119}\u{11b}\u{113}\u{117}\u{11f}\u{123}\u{12f}\u{12b}\u{137}\u{13a}\u{13e}\u{142}\u{13c}\u{153}\u{155}\u{15b}\u{15f}\u{161}\u{165}\u{fc}\u{17a}\u{17c}\u{17e}\u{491}\u{fb01}\u{fb02}",
    ),
    (
        "upper_common",
        "\u{de}\u{391}-\u{3a9}\u{386}\u{388}\u{389}\u{38a}\u{38c}\u{38e}\u{38f}\u{3aa}\u{3ab}\u{401}-\u{42f}",
    ),
    (
        "lower_common",
        "\u{3b1}-\u{3c9}\u{3ac}\u{3ad}\u{3ae}\u{3af}\u{3b0}\u{430}-\u{45f}",
    ),
    // box drawing, without the single horizontal line of kaomoji
    (
        "box",
        "\u{2502}\u{250c}\u{2510}\u{2518}\u{251c}\u{2524}\u{252c}\u{253c}\u{2550}-\u{256c}\u{2580}\u{2584}\u{2588}\u{258c}\u{2590}\u{2591}\u{2592}\u{2593}",
    ),
];

/// The unlikely sequences, one alternative a line; `{name}` stands for a
/// class above.
const SEQUENCES: &[&str] = &[
    "[{c1}]",
    "[{bad}{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}][{bad}]",
    "[a-zA-Z][{lower_common}{upper_common}][{bad}]",
    "[{bad}][{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}]",
    "[{lower_accented}{lower_common}{box}{end_punctuation}{currency}{numeric}][{upper_accented}]",
    "[{box}{end_punctuation}{currency}{numeric}][{lower_accented}]",
    "[{lower_accented}{box}{end_punctuation}][{currency}]",
    "\\s[{upper_accented}][{currency}]",
    "[{upper_accented}{box}][{numeric}{law}]",
    "[{lower_accented}{upper_accented}{box}{currency}{end_punctuation}][{start_punctuation}][{numeric}]",
    "[{lower_accented}{upper_accented}{currency}{numeric}{box}{law}][{end_punctuation}][{start_punctuation}]",
    "[{currency}{numeric}{box}][{start_punctuation}]",
    "[a-z][{upper_accented}][{start_punctuation}{currency}]",
    "[{box}][{kaomoji}]",
    "[{lower_accented}{upper_accented}{currency}{numeric}{start_punctuation}{end_punctuation}{law}][{box}]",
    "[{box}][{end_punctuation}]",
    "[{lower_accented}{upper_accented}][{start_punctuation}{end_punctuation}]\\w",
    // the ligature œ not followed by an unaccented Latin letter
    "[\u{152}\u{153}][^A-Za-z]",
    // a degree sign after a capital
    "[{upper_accented}]\u{b0}",
    // two-character windows-1252 mojibake the classes miss
    "[\u{c2}\u{c3}\u{ce}\u{d0}][\u{20ac}\u{153}\u{160}\u{161}\u{a2}\u{a3}\u{178}\u{17e}\u{a0}\u{ad}\u{ae}\u{a9}\u{b0}\u{b7}\u{bb}{start_punctuation}{end_punctuation}\u{2013}\u{2014}\u{b4}]",
    "\u{d7}[\u{b2}\u{b3}]",
    // Latin Extended-A (lead bytes 0xC4, 0xC5: ğ ı ş ž ł…) read as
    // windows-1252: "Ä" or "Å" before a letter of the 0x80–0x9F block, a
    // pair no language writes ("ÅŸ" for "ş", "ÄŸ" for "ğ")
    "[\u{c4}\u{c5}][\u{192}\u{160}\u{152}\u{17d}\u{161}\u{153}\u{17e}\u{178}]",
    // Arabic read as windows-1252 needs the common characters: four in a row
    "[\u{d8}\u{d9}][{common}{currency}{bad}{numeric}{start_punctuation}\u{178}\u{160}\u{ae}\u{b0}\u{b5}\u{bb}][\u{d8}\u{d9}][{common}{currency}{bad}{numeric}{start_punctuation}\u{178}\u{160}\u{ae}\u{b0}\u{b5}\u{bb}]",
    // the start of three-byte South Asian letters read as windows-1252
    "\u{e0}[\u{b2}\u{b5}\u{b9}\u{bc}\u{bd}\u{be}]",
    // MacRoman mojibake the classes miss
    "\u{221a}[\u{b1}\u{2202}\u{2020}\u{2260}\u{ae}\u{2122}\u{b4}\u{2264}\u{2265}\u{a5}\u{b5}\u{f8}]",
    "\u{2248}[\u{b0}\u{a2}]",
    "\u{201a}\u{c4}[\u{ec}\u{ee}\u{ef}\u{f2}\u{f4}\u{fa}\u{f9}\u{fb}\u{2020}\u{b0}\u{a2}\u{3c0}]",
    "\u{201a}[\u{e2}\u{f3}][\u{e0}\u{e4}\u{b0}\u{ea}]",
    // windows-1251 mojibake of general punctuation (U+2000–U+206F)
    "\u{432}\u{402}",
    // windows-1251 mojibake of Latin-1 or Cyrillic: three characters
    "[\u{412}\u{413}\u{420}\u{421}][{c1}{bad}{start_punctuation}{end_punctuation}{currency}\u{b0}\u{b5}][\u{412}\u{413}\u{420}\u{421}]",
    // windows-1251 over windows-1252 mojibake, with a Latin letter near
    "\u{413}\u{45e}\u{412}\u{402}\u{412}.[A-Za-z ]",
    // windows-1252 "à", "á" and the no-break space itself
    "\u{c3}[\u{a0}\u{a1}]",
    "[a-z]\\s?[\u{c3}\u{c2}][ ]",
    "^[\u{c3}\u{c2}][ ]",
    // "Â" before the very character it was encoded with
    "[a-z.,?!{end_punctuation}]\u{c2}[ {start_punctuation}{end_punctuation}]",
    // windows-1253 mojibake of general punctuation
    "\u{3b2}\u{20ac}[\u{2122}\u{a0}\u{386}\u{ad}\u{ae}\u{b0}]",
    // windows-1253 mojibake of Latin-1 or Greek
    "[\u{392}\u{393}\u{39e}\u{39f}][{c1}{bad}{start_punctuation}{end_punctuation}{currency}\u{b0}][\u{392}\u{393}\u{39e}\u{39f}]",
    // windows-1257 mojibake of general punctuation
    "\u{101}\u{20ac}",
];

fn expression() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut pattern = SEQUENCES.join("|");
        for (name, class) in CLASSES {
            pattern = pattern.replace(&format!("{{{name}}}"), class);
        }
        Regex::new(&pattern).expect("the badness expression compiles")
    })
}

/// The number of unlikely sequences in `text`.
pub(crate) fn badness(text: &str) -> usize {
    expression().find_iter(text).count()
}

/// Whether `text` holds any unlikely sequence.
pub(crate) fn is_bad(text: &str) -> bool {
    expression().is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_bad_and_its_repair_is_not() {
        for (bad, good) in [
            ("CafÃ©", "Café"),
            ("Itâ€™s", "It’s"),
            ("Р’РѕРґР° Рё С…Р»РµР±", "Вода и хлеб"),
            ("ÅžuÅŸa vÉ™ AÄŸdam", "Şuşa və Ağdam"),
            ("un r√©gime", "un régime"),
            ("Ø±Ø³Ø§Ù„Ø©", "رسالة"),
            ("voil\u{c3}\u{a0} tout", "voilà tout"),
            ("a \u{85} b", "a … b"),
        ] {
            assert!(is_bad(bad), "{bad}");
            assert_eq!(badness(good), 0, "{good}");
        }
    }

    #[test]
    fn sound_text_with_the_same_characters_is_not_bad() {
        for t in [
            "NESTLÉ® requiere",
            "RETWEET SE VOCÊ…",
            "a radius of 10 Å—",
            "( o¬ô )",
            "São Paulo, naïve façade, Ελληνικά, русский",
            "2012—∞ and 4288×…",
        ] {
            assert!(!is_bad(t), "{t}");
        }
    }
}
