//! Two spellings written in the same slot: the same words before and after
//! them in one clause, as when a headline is repeated by its lede or a
//! sentence by a caption ("the waters from Shipan to Guanyin Beach" beside "the waters
//! from Shipong to Guanyin Beach", "president of Beijing Houdeli Bee
//! Industry" beside "Beijing Houde Bee Industry").
//!
//! A translation that writes one passage twice and changes only the name in
//! it has written the same name twice: the slot is evidence that two forms
//! further apart than a slip of spelling (a syllable changed, the end of the
//! name dropped) are one name. Two different names in one slot are written
//! by lists ("floods in Hebei Province ... floods in Hubei Province"), so a
//! slot needs more than one word on each side, one of them a content word,
//! and the rule that reads it asks the batch as well between two pinyin
//! words.

use crate::span::Span;

/// Where the words of a slot stop: the end of a line or of a clause. The
/// items of a list ("Donkey Creek in Jiangjin District, Youjiang River in
/// Fuling District, Yingyang River in ...") share the words inside each
/// item, not across the commas.
const CLAUSE_ENDS: &[char] = &['\n', ',', ';', ':', '.', '!', '?', '(', ')'];
/// Words compared on each side of a mention.
const SIDE: usize = 2;
/// Bytes read on each side of a mention for its words.
const REACH: usize = 80;
/// Mentions of each form compared: a slot shows in the first few.
const MENTIONS: usize = 16;
/// Least letters of one of the shared context words: "said that _ and" is
/// every name's slot.
const CONTENT_LETTERS: usize = 5;

/// The context `a` and `b` share at one of their mentions: the words before
/// and after it, as `("waters from", "to Guanyin")`, when two words on one
/// side and at least one on the other are the same (case aside) and one of
/// them is a content word. Only words of the same clause count.
pub(super) fn shared_slot(text: &str, a: &[Span], b: &[Span]) -> Option<(String, String)> {
    let ca: Vec<Context<'_>> = a
        .iter()
        .take(MENTIONS)
        .map(|s| Context::at(text, *s))
        .collect();
    for sb in b.iter().take(MENTIONS) {
        let y = Context::at(text, *sb);
        for x in &ca {
            if let Some(found) = x.shared(&y) {
                return Some(found);
            }
        }
    }
    None
}

/// The words before a mention (nearest first) and after it, on its line.
struct Context<'t> {
    before: Vec<&'t str>,
    after: Vec<&'t str>,
}

impl<'t> Context<'t> {
    fn at(text: &'t str, span: Span) -> Context<'t> {
        let not_word = |c: char| !c.is_alphanumeric();
        // the words near the mention only: a text of one long line is not
        // read to its ends for every mention
        let mut from = span.start.saturating_sub(REACH);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (span.end + REACH).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let line_start = text[from..span.start]
            .rfind(CLAUSE_ENDS)
            .map_or(from, |k| from + k + 1);
        let line_end = text[span.end..to]
            .find(CLAUSE_ENDS)
            .map_or(to, |k| span.end + k);
        Context {
            before: text[line_start..span.start]
                .rsplit(not_word)
                .filter(|w| !w.is_empty())
                .take(SIDE)
                .collect(),
            after: text[span.end..line_end]
                .split(not_word)
                .filter(|w| !w.is_empty())
                .take(SIDE)
                .collect(),
        }
    }

    /// The words both contexts share on each side, if they make a slot.
    fn shared(&self, other: &Context<'_>) -> Option<(String, String)> {
        let common = |x: &[&'t str], y: &[&str]| {
            x.iter()
                .zip(y)
                .take_while(|(p, q)| p.eq_ignore_ascii_case(q))
                .count()
        };
        let nb = common(&self.before, &other.before);
        let na = common(&self.after, &other.after);
        let enough = nb >= 1 && na >= 1 && nb + na > SIDE;
        let words = self.before[..nb].iter().chain(&self.after[..na]);
        let content = words
            .clone()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= CONTENT_LETTERS);
        (enough && content).then(|| {
            let before: Vec<&str> = self.before[..nb].iter().rev().copied().collect();
            (before.join(" "), self.after[..na].join(" "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, w: &str) -> Vec<Span> {
        text.match_indices(w)
            .filter(|(k, _)| !text[k + w.len()..].starts_with(|c: char| c.is_alphabetic()))
            .map(|(k, _)| Span::new(k, k + w.len()))
            .collect()
    }

    #[test]
    fn a_repeated_passage_is_a_slot() {
        let t = "Traffic control over the waters from Shipan to Guanyin Beach.\n\nControl over the waters from Shipong to Guanyin Beach was lifted.";
        let slot = shared_slot(t, &spans(t, "Shipan"), &spans(t, "Shipong"));
        assert_eq!(
            slot,
            Some(("waters from".to_owned(), "to Guanyin".to_owned()))
        );
    }

    #[test]
    fn one_word_each_side_or_function_words_only_is_no_slot() {
        let t = "Floods in Hebei Province.\n\nRain in Hubei Province.";
        assert_eq!(shared_slot(t, &spans(t, "Hebei"), &spans(t, "Hubei")), None);
        let t = "He said that Wang and Li agreed.\n\nShe said that Zhang and Li left.";
        // "said that _ and": no word of four letters
        assert_eq!(shared_slot(t, &spans(t, "Wang"), &spans(t, "Zhang")), None);
    }

    #[test]
    fn items_of_a_list_share_no_slot() {
        let t = "Donkey Creek in Jiangjin District, Youjiang River in Fuling District, Yingyang River in Wanzhou District.";
        assert_eq!(
            shared_slot(t, &spans(t, "Youjiang"), &spans(t, "Yingyang")),
            None
        );
    }

    #[test]
    fn the_slot_stays_on_the_line() {
        let t = "the waters from\nShipan to Guanyin\n\nthe waters from\nShipong to Guanyin";
        assert_eq!(
            shared_slot(t, &spans(t, "Shipan"), &spans(t, "Shipong")),
            None
        );
    }
}
