//! `ligatures`: typographic ligatures and private-use glyphs a PDF copy
//! leaves in the text.
//!
//! A PDF's fonts set "fi", "ffl" as one glyph; pasted, they stay one
//! character (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that no search, lexicon or
//! spell checker matches ("deﬁned" is not "defined"). They stand for their
//! letters in every font, so the letters replace them (applied).
//!
//! Symbol fonts map their glyphs to the Private Use Area (U+E000–U+F8FF
//! and the supplementary private planes): what such a character means
//! depends on a font the text no longer names. It is never dropped or
//! guessed: each run is flagged by a proposal to remove it, which leaves
//! the text as it is until someone decides.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Ligatures;

/// Confidence of a ligature spelled out (certain) and of the flag on a
/// private-use glyph (a question, never applied).
const SPELLED: f32 = 0.95;
const FLAG: f32 = 0.3;

impl Pass for Ligatures {
    fn id(&self) -> &'static str {
        "ligatures"
    }

    fn description(&self) -> &'static str {
        "Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) spelled out as their letters; private-use glyphs of symbol fonts flagged for review, never dropped."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if let Some(letters) = spelled(c) {
                let span = Span::new(at, at + c.len_utf8());
                out.edits.push(
                    Edit::new(text, span, letters, self.id(), Category::Unicode, SPELLED)
                        .with_note(format!("the ligature U+{:04X} spelled out", u32::from(c))),
                );
            } else if is_private_use(c) {
                let mut end = at + c.len_utf8();
                while let Some(&(next, d)) = chars.peek() {
                    if !is_private_use(d) {
                        break;
                    }
                    end = next + d.len_utf8();
                    chars.next();
                }
                let span = Span::new(at, end);
                out.edits.push(
                    Edit::new(text, span, "", self.id(), Category::Unicode, FLAG).with_note(
                        format!(
                            "a private-use glyph (U+{:04X}) of a symbol font: its meaning is lost with the font",
                            u32::from(c)
                        ),
                    ),
                );
            }
        }
    }
}

/// The letters of a Latin ligature of the Alphabetic Presentation Forms.
fn spelled(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// A character of a Private Use Area.
fn is_private_use(c: char) -> bool {
    matches!(u32::from(c), 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::{applied_text, run_pass};

    #[test]
    fn ligatures_become_letters() {
        let t = "We ﬁnd the eﬀect ﬂows as deﬁned, eﬃcient and baﬄing.";
        assert_eq!(
            applied_text(t, &run_pass(&Ligatures, t)),
            "We find the effect flows as defined, efficient and baffling."
        );
    }

    #[test]
    fn private_use_glyphs_are_flagged_not_dropped() {
        let t = "the angle \u{F061}\u{F062} is small";
        let e = run_pass(&Ligatures, t);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].before, "\u{F061}\u{F062}");
        assert!(e[0].confidence < crate::options::DEFAULT_MIN_CONFIDENCE);
        assert_eq!(applied_text(t, &e), t);
    }
}
