//! `ligatures`: typographic ligatures and private-use glyphs a PDF copy
//! leaves in the text.
//!
//! A PDF's fonts set "fi", "ffl" as one glyph; pasted, they stay one
//! character (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that no search, lexicon or
//! spell checker matches ("deﬁned" is not "defined"). They stand for their
//! letters in every font, so the letters are proposed in their place, under
//! the rule id `ligatures/letters`. Proposed, not applied: the clean text
//! stays a faithful copy of the characters the PDF gave (NFC keeps
//! ligatures, so a reader comparing with the PDF's text finds every line),
//! while the TEI carries the letters as the regularised reading. A user who
//! wants the letters everywhere accepts the rule in one decision
//! (`{"rules": [{"rule": "ligatures/letters", "decision": "accept"}]}` in a
//! `--decisions` file), which leaves the private-use flags alone.
//!
//! Symbol fonts map their glyphs to the Private Use Area (U+E000–U+F8FF
//! and the supplementary private planes): what such a character means
//! depends on a font the text no longer names. It is never dropped or
//! guessed: each run is flagged (`ligatures/private-use`) by a proposal to
//! remove it, which leaves the text as it is until someone decides.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::span::Span;

/// See the module documentation.
pub struct Ligatures;

/// Confidence of a ligature spelled out (the letters are certain, but the
/// change is the user's to make: below the apply threshold) and of the flag
/// on a private-use glyph (a question, never applied).
const SPELLED: f32 = 0.75;
const FLAG: f32 = 0.3;

/// Rule ids of the two kinds of edit, so that a decisions file can accept
/// the letters without accepting the removal of private-use glyphs.
const LETTERS: &str = "ligatures/letters";
const PRIVATE_USE: &str = "ligatures/private-use";

impl Pass for Ligatures {
    fn id(&self) -> &'static str {
        "ligatures"
    }

    fn description(&self) -> &'static str {
        "Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ) proposed as their letters (accepted per rule, ligatures/letters); private-use glyphs of symbol fonts flagged for review, never dropped."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if let Some(letters) = spelled(c) {
                let span = Span::new(at, at + c.len_utf8());
                out.edits.push(
                    Edit::new(text, span, letters, LETTERS, Category::Unicode, SPELLED).with_note(
                        format!(
                            "the ligature U+{:04X} stands for the letters \"{letters}\" in every font; proposed so the clean text keeps the PDF's characters (accept the rule ligatures/letters to spell them all out)",
                            u32::from(c)
                        ),
                    ),
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
                    Edit::new(text, span, "", PRIVATE_USE, Category::Unicode, FLAG).with_note(
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
    fn ligatures_are_proposed_as_letters() {
        let t = "We ﬁnd the eﬀect ﬂows as deﬁned, eﬃcient and baﬄing.";
        let e = run_pass(&Ligatures, t);
        assert_eq!(e.len(), 6);
        assert!(e.iter().all(|e| e.rule == LETTERS
            && e.confidence < crate::options::DEFAULT_MIN_CONFIDENCE));
        // nothing changes unless accepted; accepted, the letters replace them
        assert_eq!(applied_text(t, &e), t);
        assert_eq!(
            crate::apply::apply(t, &e),
            "We find the effect flows as defined, efficient and baffling."
        );
    }

    #[test]
    fn one_rule_decision_accepts_the_letters_but_not_the_private_use_flags() {
        let t = "the ﬁrst angle \u{F061} is small";
        let e = run_pass(&Ligatures, t);
        let d = crate::decisions::Decisions::parse(
            r#"{"emend_decisions": 1, "rules": [{"rule": "ligatures/letters", "decision": "accept"}]}"#,
            "decisions.json",
        )
        .expect("valid decisions")
        .index();
        let verdicts: Vec<_> = e.iter().map(|e| d.verdict(t, e)).collect();
        assert_eq!(
            verdicts,
            vec![Some(crate::decisions::Verdict::Accept), None]
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
