//! `keywords`: a term listed twice in a keyword line.
//!
//! "Key words: War, victory, region, victory, position" lists "victory"
//! twice; the second occurrence goes with its separator (", victory"). The
//! header's `keywords` lists each term once already; this makes the text say
//! the same.
//!
//! Why it is safe: only whole terms of a block the parser classified as a
//! keyword list are compared (case-insensitively), and the first occurrence
//! always stays.

use super::{Context, Pass, Proposals};
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::parse::front::{keyword_terms, keywords_lead};
use crate::span::Span;

/// See the module documentation.
pub struct Keywords;

impl Pass for Keywords {
    fn id(&self) -> &'static str {
        "keywords"
    }

    fn description(&self) -> &'static str {
        "A keyword listed twice in a keyword line: the repeat is removed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        for block in cx
            .doc
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Keywords))
        {
            let s = block.span.of(cx.text);
            let Some(lead) = keywords_lead(s) else {
                continue;
            };
            let terms = keyword_terms(s, lead);
            let mut seen: Vec<String> = Vec::new();
            for (k, &(a, b)) in terms.iter().enumerate() {
                let key = s[a..b].to_lowercase();
                if !seen.contains(&key) {
                    seen.push(key);
                    continue;
                }
                // From the end of the previous term: ", victory".
                let from = if k > 0 { terms[k - 1].1 } else { a };
                let span = Span::new(block.span.start + from, block.span.start + b);
                out.edits.push(
                    Edit::new(cx.text, span, "", self.id(), Category::Repetition, 0.9).with_note(
                        format!(
                            "\"{}\" is listed earlier in the same keyword line",
                            &s[a..b]
                        ),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::passes::tests::run_pass;

    fn fixed(t: &str) -> String {
        crate::apply::apply(t, &run_pass(&super::Keywords, t))
    }

    #[test]
    fn a_repeated_term_goes() {
        assert_eq!(
            fixed("Title\n\nKey words: War, victory, region, Victory, position, etc."),
            "Title\n\nKey words: War, victory, region, position, etc."
        );
        assert_eq!(fixed("Keywords: a b; c d; a b."), "Keywords: a b; c d.");
    }

    #[test]
    fn other_text_stays() {
        for t in [
            "Keywords: war, peace, victory.",
            "We won victory after victory, victory after victory.",
            "Title\n\nThe key words were war, war, war.",
        ] {
            assert_eq!(fixed(t), t);
        }
    }
}
