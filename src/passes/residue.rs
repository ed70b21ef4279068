//! `residue`: what a chat assistant or a citation tool left in the text.
//!
//! - citation chips pasted as empty links: `[site.az+1other.az+1](#)`;
//! - stray source labels of link cards at the end of a paragraph:
//!   "… in the post-war period. SITE.AZ - Technology, Science";
//! - interface markers (`contentReference[oaicite:3]`, `【4:0†source】`);
//! - sentences addressed to the chat user ("The historical context you
//!   describe…", "I hope this helps.", "Certainly! Here is…").
//!
//! The first three are unmistakable and removed (`surplus reason="residue"`);
//! sentences addressed to the user are only proposed: a paper may quote such
//! a sentence, and a reviewer decides whether to delete or rewrite it.
//!
//! The patterns are data (`rules/assistant-residue.toml`, same format as the
//! boilerplate rules) compiled once; see [`super::boilerplate`].

use super::patterns::PatternSet;
use super::{Context, Pass, Proposals};
use crate::edit::Category;
use std::sync::OnceLock;

/// See the module documentation.
pub struct Residue {
    patterns: &'static PatternSet,
}

const PATH: &str = "rules/assistant-residue.toml";
const DATA: &str = include_str!("../../rules/assistant-residue.toml");

impl Residue {
    /// The pass over the embedded pattern file (compiled once per process).
    pub fn new() -> Self {
        static SET: OnceLock<PatternSet> = OnceLock::new();
        Residue {
            patterns: SET.get_or_init(|| PatternSet::embedded(PATH, DATA)),
        }
    }
}

impl Default for Residue {
    fn default() -> Self {
        Self::new()
    }
}

impl Pass for Residue {
    fn id(&self) -> &'static str {
        "residue"
    }

    fn description(&self) -> &'static str {
        "Chat-assistant residue: citation chips and empty links, stray source labels and interface markers removed as surplus; sentences addressed to the chat user proposed for review (rules/assistant-residue.toml)."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        self.patterns
            .propose(cx, self.id(), Category::Residue, &mut out.edits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::passes::tests::run_pass;

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&Residue::new(), t)
    }

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &edits(t))
    }

    #[test]
    fn embedded_patterns_all_compile() {
        PatternSet::parse(PATH, DATA).expect("rules/assistant-residue.toml compiles");
    }

    #[test]
    fn citation_chips_and_source_labels_go() {
        assert_eq!(
            clean("Users can read it online. [news.example.az+1library.example.az+2](#)\n\nNext."),
            "Users can read it online.\n\nNext."
        );
        assert_eq!(
            clean("The book covers the post-war period. NEWS.AZ - Politics, Economy\n\nNext."),
            "The book covers the post-war period.\n\nNext."
        );
    }

    #[test]
    fn citation_tokens_that_lost_their_delimiters_go() {
        assert_eq!(
            clean("According to recent studies citeturn0search2, the pipes carried oil."),
            "According to recent studies, the pipes carried oil."
        );
        assert_eq!(
            clean("It rose in 2019. cite turn1news4turn0search1\n\nNext."),
            "It rose in 2019.\n\nNext."
        );
        // words that merely begin like the tokens stay
        let t = "The turn of events in 2020 was cited by many; turnout was 40 percent.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn an_offer_of_more_work_is_proposed() {
        let t = "We reviewed the data. If you'd like, I can also prepare a summary table of the pipelines.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].rule, "residue/addressed-if-you-like-i-can");
        assert!(e[0].confidence < 0.8);
        assert!(e[0].before.starts_with("If you"));
    }

    #[test]
    fn addressed_sentences_are_only_proposed() {
        let t = "The war ended in 2020. The broader context you mentioned explains the treaty. Peace followed.";
        let e = edits(t);
        assert_eq!(e.len(), 1);
        assert!(e[0].confidence < 0.8);
        assert_eq!(
            e[0].before,
            "The broader context you mentioned explains the treaty."
        );
        assert_eq!(clean(t), t);
    }

    #[test]
    fn ordinary_links_and_labels_stay() {
        for t in [
            "See [the report](https://example.org/report) for details.",
            "He works for NEWS.AZ as a reporter - and writes daily.",
            "In this context, you could describe the treaty as fragile.",
        ] {
            assert!(edits(t).is_empty(), "{t}");
        }
    }
}
