//! `repetition`: words, phrases and list items repeated by mistake.
//!
//! - a doubled function word, "the the", "of of": the second copy is removed
//!   (applied);
//! - a doubled content word, "report report": proposed;
//! - one word listed against itself, "devastation, devastation and
//!   devastation": proposed as the word once;
//! - a phrase repeated back to back, "in the region in the region": the
//!   second copy proposed for deletion;
//! - a list item identical to the one before it: proposed for deletion.
//!
//! Why it is safe: only function-word doubles are applied, and ordinary
//! English doubles ("had had", "that that", "very, very", "bye bye") are
//! listed in `rules/function-words.toml` (`legit_doubles`) and never touched;
//! capitalised doubles (names such as "Bora Bora") are left alone; everything
//! else only reaches a reviewer.

use super::fragments::function_words;
use super::{Context, Pass, Proposals};
use crate::document::{Block, BlockKind, InlineKind};
use crate::edit::{Category, Edit};
use crate::span::Span;
use std::borrow::Cow;

/// See the module documentation.
pub struct Repetition;

/// The longest phrase checked for a back-to-back repeat, in words.
const MAX_PHRASE: usize = 6;

impl Pass for Repetition {
    fn id(&self) -> &'static str {
        "repetition"
    }

    fn description(&self) -> &'static str {
        "Repeated words and phrases: doubled function words removed (“the the”); doubled content words, a word listed against itself, back-to-back repeated phrases and repeated list items proposed; ordinary doubles (“had had”, “very, very”) kept."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let blocks = &cx.doc.blocks;
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::Front(_)) {
                continue;
            }
            let repeated_item = i > 0
                && matches!(b.kind, BlockKind::Item { .. })
                && matches!(blocks[i - 1].kind, BlockKind::Item { .. })
                && item_text(text, &blocks[i - 1]) == item_text(text, b);
            if repeated_item {
                let span = super::boilerplate::removal_span(text, cx.doc, i);
                out.edits.push(
                    Edit::new(text, span, "", "repetition/item", Category::Repetition, 0.6)
                        .with_note("the same list item as the one before"),
                );
                continue;
            }
            let quotes: Vec<Span> = b
                .inlines
                .iter()
                .filter(|x| x.kind == InlineKind::Quote)
                .map(|x| x.span)
                .collect();
            block_edits(text, b.span, &quotes, &mut out.edits);
        }
    }
}

/// The text of a list item after its label, trimmed.
fn item_text<'a>(text: &'a str, b: &Block) -> &'a str {
    let start = match b.kind {
        BlockKind::Item { label: Some(l) } => l.end.clamp(b.span.start, b.span.end),
        _ => b.span.start,
    };
    text[start..b.span.end].trim()
}

/// A word with its byte range inside the block.
#[derive(Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Lowercased; borrowed when the word has no capitals (most words), so
    /// a block of a million words costs no million allocations.
    lower: Cow<'a, str>,
}

fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (is_word(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                let t = s[st..i].trim_matches(|c: char| !c.is_alphanumeric());
                if !t.is_empty() {
                    let off = s[st..i].find(t).unwrap_or(0);
                    out.push(Word {
                        start: st + off,
                        end: st + off + t.len(),
                        text: t,
                        lower: if t.chars().any(char::is_uppercase) {
                            Cow::Owned(t.to_lowercase())
                        } else {
                            Cow::Borrowed(t)
                        },
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Proposals inside `block`; inside `quotes` (a speaker's or singer's own
/// words, where repetition is usually meant) only doubled function words.
fn block_edits(text: &str, block: Span, quotes: &[Span], out: &mut Vec<Edit>) {
    let fw = function_words();
    let s = block.of(text);
    let ws = words(s);
    let gap = |a: &Word<'_>, b: &Word<'_>| &s[a.end..b.start];
    let mut push = |from: usize, to: usize, after: &str, rule: &str, conf: f32, note: String| {
        let span = Span::new(block.start + from, block.start + to);
        if rule != "word" && quotes.iter().any(|q| q.overlaps(span)) {
            return;
        }
        out.push(
            Edit::new(
                text,
                span,
                after,
                &format!("repetition/{rule}"),
                Category::Repetition,
                conf,
            )
            .with_note(note),
        );
    };
    let mut k = 0;
    while k < ws.len() {
        let w = &ws[k];
        let alpha = w.text.chars().all(char::is_alphabetic);
        // one word listed against itself: "x, x and x"
        if alpha && !fw.legit_doubles.contains(w.lower.as_ref()) {
            let mut j = k;
            let mut commas = 0;
            while j + 1 < ws.len() && ws[j + 1].lower == w.lower {
                let g = gap(&ws[j], &ws[j + 1]);
                if g == ", " {
                    commas += 1;
                } else if !(g == " " && j > k) {
                    break;
                }
                j += 1;
            }
            // "x, x and x" / "x, x or x"
            if j + 2 < ws.len()
                && matches!(ws[j + 1].lower.as_ref(), "and" | "or")
                && ws[j + 2].lower == w.lower
                && matches!(gap(&ws[j], &ws[j + 1]), " " | ", ")
                && gap(&ws[j + 1], &ws[j + 2]) == " "
                && j > k
            {
                j += 2;
            }
            if j > k && (commas >= 1 && j - k >= 2) {
                push(
                    w.start,
                    ws[j].end,
                    w.text,
                    "list",
                    0.5,
                    format!(
                        "“{}” listed {} times",
                        w.text,
                        ws[k..=j].iter().filter(|x| x.lower == w.lower).count()
                    ),
                );
                k = j + 1;
                continue;
            }
        }
        // a run of three or more copies of one word is not a slip of the
        // translation (a chant, a sound, test data): leave it whole
        let run = ws[k..].iter().take_while(|x| x.lower == w.lower).count();
        if run > 2 {
            k += run;
            continue;
        }
        // doubled word: "the the"
        if let Some(n) = ws.get(k + 1) {
            let g = gap(w, n);
            if n.lower == w.lower
                && !g.is_empty()
                && g.chars().all(|c| c == ' ')
                && alpha
                && n.text.chars().next().is_some_and(char::is_lowercase)
                && !fw.legit_doubles.contains(w.lower.as_ref())
            {
                let (conf, note) = if fw.is_function(&w.lower) {
                    (0.9, format!("the function word “{}” doubled", n.text))
                } else {
                    (0.5, format!("“{}” doubled", n.text))
                };
                push(w.end, n.end, "", "word", conf, note);
                k += 2;
                continue;
            }
        }
        // a phrase repeated back to back
        let mut done = false;
        for len in (2..=MAX_PHRASE).rev() {
            if k + 2 * len > ws.len() {
                continue;
            }
            if ws[k].lower != ws[k + len].lower
                || !matches!(gap(&ws[k + len - 1], &ws[k + len]), " " | ", ")
            {
                continue;
            }
            let (a, b) = (&ws[k..k + len], &ws[k + len..k + 2 * len]);
            let same = a.iter().zip(b).all(|(x, y)| x.lower == y.lower);
            let joint = gap(&a[len - 1], &b[0]);
            let inner_same =
                same && (0..len - 1).all(|t| gap(&a[t], &a[t + 1]) == gap(&b[t], &b[t + 1]));
            let content = inner_same
                && a.iter().any(|x| {
                    !fw.is_function(&x.lower) && !fw.legit_doubles.contains(x.lower.as_ref())
                });
            if same && inner_same && content && matches!(joint, " " | ", ") {
                push(
                    a[len - 1].end,
                    b[len - 1].end,
                    "",
                    "phrase",
                    0.55,
                    format!("“{}” repeated back to back", &s[a[0].start..a[len - 1].end]),
                );
                k += 2 * len;
                done = true;
                break;
            }
        }
        if !done {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::passes::tests::run_pass;

    fn edits(t: &str) -> Vec<Edit> {
        run_pass(&super::Repetition, t)
    }

    fn clean(t: &str) -> String {
        crate::passes::tests::applied_text(t, &edits(t))
    }

    #[test]
    fn doubled_function_word_goes() {
        assert_eq!(
            clean("They crossed the the river at dawn."),
            "They crossed the river at dawn."
        );
        assert_eq!(clean("One of of the towns."), "One of the towns.");
    }

    #[test]
    fn a_word_listed_against_itself_is_proposed_as_one() {
        let t = "Towns are shown with scenes of ruin, ruin and ruin everywhere.";
        let e = edits(t);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, "ruin, ruin and ruin");
        assert_eq!(e[0].after, "ruin");
        assert!(e[0].confidence < 0.8);
    }

    #[test]
    fn repeated_phrase_and_content_double_are_proposed() {
        let e = edits("Troops stayed in the border area in the border area for weeks.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, " in the border area");
        let e = edits("The report report was late.");
        assert_eq!(e.len(), 1);
        assert!(e[0].confidence < 0.8);
    }

    #[test]
    fn ordinary_doubles_and_names_stay() {
        for t in [
            "She had had enough of it.",
            "He said that that was wrong.",
            "It was very, very cold.",
            "Bye bye, said the child.",
            "They flew to Bora Bora last year.",
            "Prices rose more and more, again and again.",
            "We sang “Over the hills, over the hills” all night.",
            "Sales were 10 10 percent higher.",
            "The drums went boom boom boom boom all night.",
        ] {
            let e = edits(t);
            assert!(e.iter().all(|e| e.confidence < 0.8), "{t}: {e:?}");
            assert!(e.iter().all(|e| e.rule != "repetition/word"), "{t}: {e:?}");
        }
    }

    #[test]
    fn a_refrain_inside_quotation_marks_is_not_flagged() {
        let t = "The crowd sang “land of my fathers, land of my fathers” until dawn.";
        assert!(edits(t).is_empty(), "{:?}", edits(t));
        let bare = "The crowd sang land of my fathers, land of my fathers until dawn.";
        assert_eq!(edits(bare).len(), 1);
    }

    #[test]
    fn a_repeated_list_item_is_proposed() {
        let t = "Bring these:\n\n1. bread\n2. water\n3. water";
        let e = edits(t);
        // list items only exist when the parser marks them; the rule must not fail either way
        assert!(e.iter().all(|e| e.confidence < 0.8));
    }
}
