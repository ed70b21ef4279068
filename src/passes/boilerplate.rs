//! `boilerplate`: web-page furniture copied with the article.
//!
//! Comment forms ("Leave a Reply", "Your email address will not be published.
//! Required fields are marked *"), CMS bylines ("Author: admin"),
//! share/subscribe/cookie lines, read-more links and copyright footers are
//! removed from the reading text and kept in the TEI as
//! `surplus reason="boilerplate"`.
//!
//! The patterns are data (`rules/boilerplate.toml`, embedded at build time):
//! each has an id, a regex, a scope (`block`: the regex must cover a whole
//! block, or every line of it; `inline`: any match inside a block), an action
//! (`remove` or `propose`) and a confidence. A pattern's regex is compiled the
//! first time a text holds one of the literals every match of it contains
//! (see [`PatternSet`], also for why not a `RegexSet`).
//!
//! Why it is safe: block patterns must cover the whole block, so a paragraph
//! that merely mentions cookies or comments is never touched; `propose`
//! patterns are capped below the applying threshold; bibliography entries are
//! never matched. A removed block takes the blank lines after it with it, so
//! the clean text keeps one blank line between the remaining paragraphs.
//!
//! The same machinery ([`PatternSet`]) serves the `residue` rule.

use super::patterns::{Pattern, PatternSet};
use super::removal::{line_removal_span, line_spans, removal_span};
use super::{Context, Pass, Proposals};
use crate::document::BlockKind;
use crate::edit::{Category, Edit};
use crate::span::Span;
use std::sync::OnceLock;

mod runs;

/// See the module documentation.
pub struct Boilerplate {
    patterns: &'static PatternSet,
}

impl Boilerplate {
    /// The pass over the embedded pattern file (read once per process).
    pub fn new() -> Self {
        static SET: OnceLock<PatternSet> = OnceLock::new();
        Boilerplate {
            patterns: SET.get_or_init(|| PatternSet::embedded(PATH, DATA)),
        }
    }
}

impl Default for Boilerplate {
    fn default() -> Self {
        Self::new()
    }
}

const PATH: &str = "rules/boilerplate.toml";
const DATA: &str = include_str!("../../rules/boilerplate.toml");

impl Pass for Boilerplate {
    fn id(&self) -> &'static str {
        "boilerplate"
    }

    fn description(&self) -> &'static str {
        "Web-page furniture (comment forms, CMS bylines, share, subscribe and cookie lines, footers) removed as surplus, from the patterns in rules/boilerplate.toml."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let set = self.patterns;
        let blocks = &cx.doc.blocks;
        // Every non-empty line, with the pattern that matched it or its
        // block; `of_block[i]` is where block i's lines start. Kept lean: a
        // text of a million short lines has a million of them.
        let mut lines: Vec<runs::Line> = Vec::new();
        let mut taken: Vec<Option<Taken>> = Vec::new();
        let mut of_block = Vec::with_capacity(blocks.len() + 1);
        for b in blocks {
            of_block.push(lines.len());
            let s = b.span.of(text);
            let bibl = matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead);
            // the block as a whole; line by line below (a block whose lines
            // all match goes whole, under the least sure of them)
            if let Some(p) = (!bibl).then(|| set.line_match(s)).flatten() {
                lines.push(runs::Line {
                    span: b.span,
                    furniture: true,
                    may_join: false,
                    introduces: false,
                });
                taken.push(Some(Taken::Pattern(p)));
            } else {
                let may_join = !bibl
                    && matches!(
                        b.kind,
                        BlockKind::Paragraph
                            | BlockKind::Head { .. }
                            | BlockKind::Item { .. }
                            | BlockKind::Byline
                    );
                let several = crate::scan::find_byte(b'\n', s.as_bytes()).is_some();
                for l in line_spans(text, b.span) {
                    let line = l.of(text);
                    let p = (several && !bibl).then(|| set.line_match(line)).flatten();
                    lines.push(runs::Line {
                        span: l,
                        furniture: p.is_some(),
                        may_join: may_join && runs::is_label_like(line),
                        introduces: line.ends_with(':'),
                    });
                    taken.push(p.map(Taken::Pattern));
                }
            }
        }
        of_block.push(lines.len());
        for (k, confidence) in runs::absorbed(&lines) {
            taken[k] = Some(Taken::Run(confidence));
        }
        let id = self.id();
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::BiblHead) {
                continue;
            }
            let range = of_block[i]..of_block[i + 1];
            let block_taken = &taken[range.clone()];
            if !block_taken.is_empty() && block_taken.iter().all(Option::is_some) {
                // the whole block goes, under its least sure reason
                let reason = block_taken
                    .iter()
                    .flatten()
                    .min_by(|a, b| a.confidence().total_cmp(&b.confidence()))
                    .copied();
                if let Some(reason) = reason {
                    out.edits
                        .push(reason.edit(text, removal_span(text, cx.doc, i), id));
                }
                continue;
            }
            let mut removed = Vec::new();
            for k in range {
                if let Some(reason) = taken[k] {
                    let span = line_removal_span(text, b.span, lines[k].span);
                    removed.push(span);
                    out.edits.push(reason.edit(text, span, id));
                }
            }
            if !set.may_match_inline(b.span.of(text)) {
                continue;
            }
            for (span, p) in set.inline_matches(text, b.span) {
                if !removed.iter().any(|r| r.overlaps(span)) {
                    out.edits.push(Taken::Pattern(p).edit(text, span, id));
                }
            }
        }
    }
}

/// Why a line or block is taken out.
#[derive(Clone, Copy)]
enum Taken<'p> {
    /// A pattern matched it.
    Pattern(&'p Pattern),
    /// It lies in a run of furniture, with this confidence.
    Run(f32),
}

impl Taken<'_> {
    fn confidence(&self) -> f32 {
        match self {
            Taken::Pattern(p) => p.confidence,
            Taken::Run(c) => *c,
        }
    }

    fn edit(&self, text: &str, span: Span, pass: &str) -> Edit {
        let (rule, note) = match self {
            Taken::Pattern(p) => (format!("{pass}/{}", p.id), p.note.clone()),
            Taken::Run(c) if *c >= runs::BETWEEN => (
                format!("{pass}/furniture-run"),
                "short line between lines of page furniture (form labels, buttons)".to_owned(),
            ),
            Taken::Run(_) => (
                format!("{pass}/furniture-tail"),
                "short line after the page's last furniture, up to the end of the text".to_owned(),
            ),
        };
        Edit::new(
            text,
            span,
            "",
            &rule,
            Category::Boilerplate,
            self.confidence(),
        )
        .with_note(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::tests::run_pass;

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &run_pass(&Boilerplate::new(), t))
    }

    #[test]
    fn embedded_patterns_all_compile() {
        let set = PatternSet::parse(PATH, DATA).expect("rules/boilerplate.toml compiles");
        assert!(set.len() > 10);
    }

    #[test]
    fn a_copyright_line_goes_and_a_panel_label_stays() {
        let t = "A real paragraph about the war.\n\n© 2020 Example News\n\n(c) 2019-2021 Example Ltd\n\nThe end of it.";
        assert_eq!(
            clean(t),
            "A real paragraph about the war.\n\nThe end of it."
        );
        let t = "Figure 6. Loops handled.\n\n(c)\n\n(c) after ten iterations\n\nThe end of it.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn comment_form_and_admin_byline_go() {
        let t = "A real paragraph about the war.\n\nAuthor: admin\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nAnother paragraph.";
        assert_eq!(
            clean(t),
            "A real paragraph about the war.\n\nAnother paragraph."
        );
    }

    #[test]
    fn bare_form_labels_between_furniture_lines_go() {
        let article = "Title of the story\nThe first paragraph tells what happened in the city on Monday.\nThe second paragraph tells more of it.\n";
        let form = "Leave a Reply\nYour email address will not be published. Required fields are marked *\nComment\nName *\nEmail *\nWebsite\nSave my name, email, and website in this browser for the next time I comment.\nShare this:\nFacebook Twitter WhatsApp\n";
        assert_eq!(clean(&format!("{article}{form}")), article);
        // the labels alone, without the furniture around them, stay
        let t = format!("{article}Comment\nWebsite\n");
        assert_eq!(clean(&t), t);
    }

    #[test]
    fn furniture_lines_inside_a_paragraph_block_go_line_by_line() {
        let t = "The story ends here.\n\nLeave a Reply\nYour email address will not be published.\nComment\nName *\n\nFacebook Twitter WhatsApp";
        assert_eq!(clean(t), "The story ends here.\n\n");
        // a furniture line heading a caption keeps the caption's separation
        let figure = "The story ends here.\n\nLeave a Reply\n\nScenes of the conflict between the two countries. Picture/People’s Vision\n\nMore text.";
        assert_eq!(
            clean(figure),
            "The story ends here.\n\nScenes of the conflict between the two countries. Picture/People’s Vision\n\nMore text."
        );
        let mixed =
            "The story ends here.\nShare this:\nPublished with thanks to the readers who wrote in.";
        assert_eq!(
            clean(mixed),
            "The story ends here.\nPublished with thanks to the readers who wrote in."
        );
    }

    #[test]
    fn a_short_tail_after_furniture_is_proposed_not_applied() {
        let t = "The story ends here.\n\nShare this:\n\nZhang Wei";
        let edits = run_pass(&Boilerplate::new(), t);
        let tail = edits
            .iter()
            .find(|e| e.before.contains("Zhang"))
            .expect("tail proposed");
        assert_eq!(tail.rule, "boilerplate/furniture-tail");
        assert!(tail.confidence < crate::options::DEFAULT_MIN_CONFIDENCE);
        assert_eq!(clean(t), "The story ends here.\n\nZhang Wei");
    }

    #[test]
    fn prose_between_furniture_stays() {
        let t = "Share this:\n\nThe minister said the talks would go on.\n\nLeave a Reply";
        assert_eq!(clean(t), "The minister said the talks would go on.\n\n");
    }

    #[test]
    fn readers_comments_and_read_more_links_go() {
        let t = "The deal held.\n\nRead more: Armenia protests after ceasefire deal\n\n12 Comments\n\nJohn D. says:\nNovember 10, 2020 at 3:15 pm\nThis is a sad day.\nReply\n\nMaria K. says:\n10 November 2020 at 16:02\nFinally peace.\nReply";
        assert_eq!(clean(t), "The deal held.\n\n");
        // one comment a line: the furniture goes, the comment's own words stay
        let t = "The deal held.\nJohn D. says:\nNovember 10, 2020 at 3:15 pm\nThis is a sad day.\nReply\nMaria K. says:\nNovember 10, 2020 at 4:02 pm\nFinally peace.\nReply\n";
        assert_eq!(
            clean(t),
            "The deal held.\nThis is a sad day.\nFinally peace.\n"
        );
        let t = "The minister says:\n\nThe war is over.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn agency_footers_go() {
        let t = "The truce held.\n\nFollow AP's coverage of the Nagorno-Karabakh conflict at https://apnews.com/hub/nagorno-karabakh\n\nCopyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.";
        assert_eq!(clean(t), "The truce held.\n\n");
    }

    #[test]
    fn editor_credit_lines_go() {
        for line in [
            "[Editor in charge: Li Na]",
            "(Responsible editor: Wang Lei)",
            "【责任编辑：李娜】",
        ] {
            let t = format!("The talks went on.\n\n{line}");
            assert_eq!(clean(&t), "The talks went on.\n\n", "{line}");
        }
        let t = "The editor in charge: a novel about newsrooms, was published in May.";
        assert_eq!(clean(t), t);
    }

    #[test]
    fn cookie_banners_go_but_kitchen_cookies_stay() {
        let t = "We use cookies to improve your experience on our website.\n\nWe use cookies in the kitchen every Sunday.";
        assert_eq!(clean(t), "We use cookies in the kitchen every Sunday.");
    }

    #[test]
    fn a_block_of_furniture_lines_goes_whole() {
        let t = "Text here.\n\nShare this:\nTweet\nLike this:\n\nMore text.";
        assert_eq!(clean(t), "Text here.\n\nMore text.");
    }

    #[test]
    fn prose_about_comments_and_real_bylines_stay() {
        for t in [
            "Readers were invited to leave a reply under the article, and many did.",
            "Author: Maria Petrova",
            "Grandmother baked cookies for the soldiers every Sunday.",
            "Share",
        ] {
            let t = format!("Some opening text.\n\n{t}\n\nClosing text.");
            if t.contains("\n\nShare\n\n") {
                // a lone "Share" line is furniture: removed
                assert_eq!(clean(&t), "Some opening text.\n\nClosing text.");
            } else {
                assert_eq!(clean(&t), t);
            }
        }
    }

    #[test]
    fn propose_patterns_stay_below_threshold() {
        let edits = run_pass(&Boilerplate::new(), "Intro text.\n\nHome\n\nBody text.");
        assert_eq!(edits.len(), 1);
        assert!(edits[0].confidence < 0.8);
    }

    #[test]
    fn bibliography_is_never_matched() {
        let t = "Text.\n\nReferences:\n\n1. Share this: a study. Baku 2020.";
        for e in run_pass(&Boilerplate::new(), t) {
            assert!(!e.before.contains("study"));
        }
    }
}
