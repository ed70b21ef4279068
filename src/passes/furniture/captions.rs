//! A picture's caption in a web copy: a line of a caption's length that
//! ends in the picture's credit ("… nehmen weiter zu. – © Max Muster",
//! "… on May 2, 2020. (Jane Roe/AFP)", "Roman Prymula, photo: Archives du
//! Gouvernement").
//!
//! A copy of a page keeps the captions of its pictures as lines among the
//! article's paragraphs, where the classifier by length and density takes
//! them for text. The credit is what tells them; the figure grammar
//! (`parse::figure`) that finds credits for the parser finds it here too,
//! so that a credit means the same to both. The parser makes a caption
//! block of its own a figure and the `credits` rule takes its credit out;
//! on a web page the caption goes with it, as the page's furniture.

use crate::parse::figure::trailing_credit;

/// Most words of a caption before its credit; a longer line is a
/// paragraph that names its source.
const MAX_CAPTION_WORDS: usize = 40;
/// Most sentence ends in a caption before its credit.
const MAX_CAPTION_SENTENCES: usize = 2;

/// The credit that ends `core` (a line without its list marker) when the
/// line is a picture's caption or a credit alone: the caption before it
/// has at most [`MAX_CAPTION_WORDS`] words and [`MAX_CAPTION_SENTENCES`]
/// sentences.
pub fn caption_credit(core: &str) -> Option<&str> {
    // a line that ends in neither a letter, a figure nor a closing bracket
    // holds no credit: most lines of a page end in a full stop
    let last = core.trim_end().chars().next_back()?;
    if !(last.is_alphanumeric() || last == ')') {
        return None;
    }
    let (start, end) = trailing_credit(core)?;
    let before = &core[..start];
    let sentences = before
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && before[i + 1..].starts_with(char::is_whitespace)
        })
        .count();
    (before.split_whitespace().nth(MAX_CAPTION_WORDS).is_none()
        && sentences <= MAX_CAPTION_SENTENCES)
        .then(|| core[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_ends_in_its_credit() {
        let cases = [
            ("Hilfe in der Eifel. Foto: Anna Berg", "Foto: Anna Berg"),
            ("Die Lage bleibt ernst. (Foto: Reuters)", "(Foto: Reuters)"),
            (
                "Beckenkreise stabilisieren. © Pferdemagazin",
                "© Pferdemagazin",
            ),
            ("Photo credit: Reuters", "Photo credit: Reuters"),
        ];
        for (line, want) in cases {
            assert_eq!(caption_credit(line), Some(want), "{line}");
        }
    }

    #[test]
    fn a_paragraphs_signature_or_footer_is_no_caption() {
        for line in [
            "Zum Angebot gehören auch eine Podcast-Reihe sowie Sondersendungen. (dpa)",
            "© 2020 Bundesministerium für Familie, Senioren, Frauen und Jugend",
            "Copyright © 2021 Example Media. All rights reserved.",
            "He joined Reuters",
        ] {
            assert_eq!(caption_credit(line), None, "{line}");
        }
    }

    #[test]
    fn a_long_paragraph_ending_in_a_credit_is_no_caption() {
        let long = format!("{} Foto: Anna Berg", "Ein Satz mit Worten hier. ".repeat(3));
        assert_eq!(caption_credit(&long), None);
        let words = "wort ".repeat(MAX_CAPTION_WORDS + 1);
        assert_eq!(caption_credit(&format!("{words}(Foto: Anna Berg)")), None);
    }
}
