//! Names of places in other languages (exonyms) and older spellings: when a
//! lexicon form tagged with its languages (`lang`, the world pack's
//! "Aserbaidschan" `de`, "Teheran" `de`/`en-x-old`) is rewritten to the
//! canonical English form.
//!
//! A form is right in its own language, so it is never rewritten in a text
//! of that language, nor in a text of another language or of none told
//! (the canonical is English: "Moskau" in a French text is no slip to
//! "Moscow"). Inside a multi-word proper name it is part of that name
//! ("Peking University", "Rolling Stone Italia", "Bank of Italia"), and
//! among words of its language it is a quotation ("Schwarze Menschen in
//! Deutschland"); written without its diacritics it is some other word
//! ("Brussel sprouts" is no German "Brüssel"). In an
//! English text it is a slip of translation or an older usage: an older
//! English spelling ("Peking", "Kiev") is only proposed; a form of another
//! language is applied when the document also writes the canonical (it
//! spells one place two ways), proposed otherwise.

use super::lexicon::Form;

/// Confidence of an older English spelling's rewrite: always a proposal.
pub const OLD_ENGLISH: f32 = 0.6;
/// Confidence of another language's form in an English text that writes
/// the canonical too: applied.
pub const FOREIGN_BESIDE_CANONICAL: f32 = 0.85;
/// Confidence of another language's form in an English text that does not
/// write the canonical: proposed.
pub const FOREIGN: f32 = 0.7;

/// Words that join the parts of a proper name ("University of Teheran").
const JOINERS: &[&str] = &[
    "of", "de", "di", "da", "del", "della", "des", "du", "der", "von", "la", "le",
];

/// What a language-tagged form's rewrite rests on.
#[derive(Debug, Clone, Copy)]
pub struct Evidence<'a> {
    /// The document's language, if told.
    pub doc_lang: Option<&'a str>,
    /// The capitalised word that makes the form part of a longer proper
    /// name, if any (see [`in_proper_name`]).
    pub proper_name: Option<&'a str>,
    /// The document names the entity by an accepted form too.
    pub canonical_in_doc: bool,
    /// A word of one of the form's languages near it (see [`language_nearby`]).
    pub language_nearby: Option<&'a str>,
    /// The text writes the form as listed, diacritics and all (its match
    /// is case- and diacritic-blind).
    pub as_listed: bool,
}

/// Confidence and note of rewriting `form` (tagged with its languages) to
/// `canonical`, or `None` where it stays as written (only linked).
pub fn rewrite(form: &Form, canonical: &str, ev: &Evidence<'_>) -> Option<(f32, String)> {
    let lang = ev.doc_lang?;
    if lang != "en"
        || form.in_language(lang)
        || ev.proper_name.is_some()
        || ev.language_nearby.is_some()
        || !ev.as_listed
    {
        return None;
    }
    let langs = form.lang.join(", ");
    if form.old_english() {
        return Some((
            OLD_ENGLISH,
            format!(
                "{:?} is an older English spelling of {canonical} ({langs}); an English text: proposed only",
                form.text
            ),
        ));
    }
    let (conf, why) = match ev.canonical_in_doc {
        true => (FOREIGN_BESIDE_CANONICAL, "the document also writes it so"),
        false => (FOREIGN, "the document does not write it so elsewhere"),
    };
    Some((
        conf,
        format!(
            "{:?} is the {langs} name of {canonical}, in an English text; {why}",
            form.text
        ),
    ))
}

/// The capitalised word next to the name at `start..end` of `text` that
/// makes it part of a longer proper name: the word right after it, or the
/// one before it unless that one only starts a sentence, or a capitalised
/// word before a joiner ("University of Teheran").
pub fn in_proper_name(text: &str, start: usize, end: usize) -> Option<&str> {
    let capital = |w: &str| w.chars().count() >= 2 && w.starts_with(char::is_uppercase);
    let after = text[end..]
        .strip_prefix(' ')
        .map(|t| &t[..t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len())]);
    if let Some(w) = after.filter(|w| capital(w)) {
        return Some(w);
    }
    // a number after it: "Rossiya 1" (a channel), "Deutschland 83"
    let number = text[end..]
        .strip_prefix(' ')
        .map(|t| &t[..t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len())]);
    if let Some(n) = number.filter(|n| !n.is_empty()) {
        return Some(n);
    }
    let (at, before) = word_before(text, start)?;
    if capital(before) && !crate::analysis::sentences::starts_sentence(&text[..at]) {
        return Some(before);
    }
    if JOINERS.contains(&before) {
        let (at, name) = word_before(text, at)?;
        return (capital(name) && !crate::analysis::sentences::starts_sentence(&text[..at]))
            .then_some(name);
    }
    None
}

/// How far around a form [`language_nearby`] reads, in bytes.
const NEAR: usize = 60;

/// A word near `start..end` (on its line, within [`NEAR`] bytes) that
/// `is_word` says belongs to one of `form`'s languages other than English,
/// asked by primary tag ("de" for "de", "pt" for "pt") with the word and
/// the byte range it spans (a caller leaves out known names: "Berlin" is
/// frequent in German text, and no German word).
pub fn language_nearby<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    form: &Form,
    is_word: impl Fn(&str, &str, std::ops::Range<usize>) -> bool,
) -> Option<&'t str> {
    let mut a = start.saturating_sub(NEAR);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + NEAR).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let a = text[a..start].rfind('\n').map_or(a, |i| a + i + 1);
    let b = text[end..b].find('\n').map_or(b, |i| end + i);
    let langs: Vec<&str> = form
        .lang
        .iter()
        .map(|l| l.split('-').next().unwrap_or(l))
        .filter(|&l| l != "en")
        .collect();
    [(a, &text[a..start]), (end, &text[end..b])]
        .into_iter()
        .flat_map(|(at, t)| {
            t.split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .map(move |w| (at + (w.as_ptr() as usize - t.as_ptr() as usize), w))
        })
        .find(|&(at, w)| langs.iter().any(|l| is_word(l, w, at..at + w.len())))
        .map(|(_, w)| w)
}

/// The word one space before byte `at`, with its start.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text[..at].strip_suffix(' ')?;
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[start..];
    (!word.is_empty()).then_some((start, word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::lexicon::FormKind;

    fn form(text: &str, lang: &[&str]) -> Form {
        Form {
            text: text.into(),
            key: text.to_lowercase(),
            kind: FormKind::Variant,
            to: None,
            when: None,
            lang: lang.iter().map(|l| l.to_string()).collect(),
            exact_only: true,
        }
    }

    fn ev(doc_lang: Option<&str>, canonical_in_doc: bool) -> Evidence<'_> {
        Evidence {
            doc_lang,
            proper_name: None,
            canonical_in_doc,
            language_nearby: None,
            as_listed: true,
        }
    }

    #[test]
    fn a_form_among_words_of_its_language_or_without_its_diacritics_stays() {
        let de = form("Deutschland", &["de"]);
        let text = "the Initiative Schwarze Menschen in Deutschland (Initiative of Black People)";
        let s = text.find("Deutschland").unwrap();
        let german = |l: &str, w: &str, at: std::ops::Range<usize>| {
            l == "de"
                && ["schwarze", "menschen"].contains(&&*w.to_lowercase())
                && at.len() == w.len()
        };
        assert_eq!(
            language_nearby(text, s, s + 11, &de, german),
            Some("Schwarze")
        );
        let other = "visits to Deutschland are up\nSchwarze";
        let s = other.find("Deutschland").unwrap();
        assert_eq!(
            language_nearby(other, s, s + 11, &de, german),
            None,
            "not across lines"
        );
        let near = Evidence {
            language_nearby: Some("Schwarze"),
            ..ev(Some("en"), true)
        };
        assert!(rewrite(&de, "Germany", &near).is_none());
        let bare = Evidence {
            as_listed: false,
            ..ev(Some("en"), true)
        };
        assert!(rewrite(&form("Brüssel", &["de"]), "Brussels", &bare).is_none());
    }

    #[test]
    fn a_form_is_kept_in_its_own_language_and_outside_english() {
        let de = form("Aserbaidschan", &["de"]);
        assert!(rewrite(&de, "Azerbaijan", &ev(Some("de"), true)).is_none());
        assert!(rewrite(&de, "Azerbaijan", &ev(Some("fr"), true)).is_none());
        assert!(rewrite(&de, "Azerbaijan", &ev(None, true)).is_none());
        let (conf, note) = rewrite(&de, "Azerbaijan", &ev(Some("en"), true)).unwrap();
        assert_eq!(conf, FOREIGN_BESIDE_CANONICAL);
        assert!(note.contains("de name of Azerbaijan"), "{note}");
        let (conf, _) = rewrite(&de, "Azerbaijan", &ev(Some("en"), false)).unwrap();
        assert!(conf < 0.8, "without the canonical beside it, only proposed");
    }

    #[test]
    fn an_older_english_spelling_is_only_proposed() {
        let teheran = form("Teheran", &["de", "en-x-old", "it"]);
        assert!(teheran.in_language("de") && !teheran.in_language("en"));
        let (conf, note) = rewrite(&teheran, "Tehran", &ev(Some("en"), true)).unwrap();
        assert!(conf < 0.8, "{note}");
        assert!(rewrite(&teheran, "Tehran", &ev(Some("de"), false)).is_none());
    }

    #[test]
    fn a_form_inside_a_longer_proper_name_is_part_of_it() {
        let at = |text: &'static str, w: &str| {
            let s = text.find(w).unwrap();
            in_proper_name(text, s, s + w.len())
        };
        assert_eq!(
            at("at Peking University today", "Peking"),
            Some("University")
        );
        assert_eq!(at("read Rolling Stone Italia.", "Italia"), Some("Stone"));
        assert_eq!(
            at("the University of Teheran said", "Teheran"),
            Some("University")
        );
        assert_eq!(at("In Peking, the talks", "Peking"), None);
        assert_eq!(at("on the Rossiya 1 channel", "Rossiya"), Some("1"));
        assert_eq!(at("He flew to Teheran on Monday.", "Teheran"), None);
        assert_eq!(at("Teheran said. Of Teheran", "Teheran"), None);
        let p = Evidence {
            proper_name: Some("University"),
            ..ev(Some("en"), true)
        };
        assert!(rewrite(&form("Peking", &["en-x-old"]), "Beijing", &p).is_none());
    }
}
