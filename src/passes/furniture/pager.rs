//! The post navigation a blog or a news page sets after its text: the
//! links to the previous and the next post, each a label or an arrow and
//! the other post's headline on one line ("← Older title", "Newer title
//! →", "Vorheriger ArtikelTat & Drang"). The label and the headline are
//! two elements of one link, set apart by the page's style alone, so a
//! copy of the page may join them without a space: the headline's capital
//! (or figure) right after the label's last lowercase letter tells where
//! the label ends. What the label says is the vocabulary's to judge.

/// Most characters of a label glued to its headline ("Artículo
/// siguiente", "Vorheriger Beitrag"): past them a change of case is a
/// name's ("WordPress") in a headline or a sentence.
const MAX_GLUED_LABEL_CHARS: usize = 30;

/// The label and the headline of a line whose label runs into its
/// headline without a space or a colon: the line split where a lowercase
/// letter is followed at once by an uppercase letter or a digit, within
/// the first [`MAX_GLUED_LABEL_CHARS`] characters. `None` when the case
/// changes so nowhere; the caller asks whether the part before is a label.
pub fn glued_label(core: &str) -> Option<(&str, &str)> {
    let mut prev: Option<char> = None;
    for (n, (i, c)) in core.char_indices().enumerate() {
        if n > MAX_GLUED_LABEL_CHARS {
            return None;
        }
        if prev.is_some_and(char::is_lowercase) && (c.is_uppercase() || c.is_ascii_digit()) {
            return Some((&core[..i], &core[i..]));
        }
        prev = Some(c);
    }
    None
}

/// The arrow and the headline of a link to a neighbouring post: an arrow
/// that opens the line ("← Title", the post before) or closes it ("Title
/// →", the post after). An arrow inside a line is a path or a mapping
/// ("Settings → Privacy"), not a link's.
pub fn arrow_link(core: &str) -> Option<(&'static str, &str)> {
    let core = core.trim();
    if let Some(rest) = core.strip_prefix('←') {
        Some(("←", rest.trim()))
    } else {
        core.strip_suffix('→').map(|rest| ("→", rest.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_glued_to_its_headline_is_split_at_the_capital() {
        assert_eq!(
            glued_label("Vorheriger ArtikelTat & Drang"),
            Some(("Vorheriger Artikel", "Tat & Drang"))
        );
        assert_eq!(
            glued_label("Next post2024 in review"),
            Some(("Next post", "2024 in review"))
        );
        // spaced words change case only after a space
        assert_eq!(glued_label("Lesen Sie auch: Was die Regel bedeutet"), None);
        // a name's change of case far into the line is no label's end
        assert_eq!(
            glued_label("Die Stadt und ihre Geschichte im Überblick bei WordPress"),
            None
        );
    }

    #[test]
    fn an_arrow_at_an_end_of_the_line_marks_a_neighbouring_post() {
        assert_eq!(
            arrow_link("← Warum die Fähre nicht fährt"),
            Some(("←", "Warum die Fähre nicht fährt"))
        );
        assert_eq!(
            arrow_link("Der Winter kommt früh →"),
            Some(("→", "Der Winter kommt früh"))
        );
        assert_eq!(arrow_link("Einstellungen → Datenschutz"), None);
    }
}
