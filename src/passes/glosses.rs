//! `glosses`: a parenthesis that only repeats the name before it.
//!
//! Machine translation often glosses a name with its own abbreviation:
//! "Nagorno-Karabakh (Naka region)". Once the names and phrases passes have
//! normalized the text this reads "Nagorno-Karabakh (Nagorno-Karabakh
//! region)", and the parenthesis says nothing new; it is removed (kept in the
//! TEI as `surplus`).
//!
//! The comparison is on normalized text: the edits already proposed, at or
//! above the policy threshold, are applied to the head and to the
//! parenthesis first. A trailing generic word ("region", "area") is ignored.
//!
//! Why it is safe: only a parenthesis whose normalized words equal the name
//! just before it goes; "Karabakh (Azerbaijan)" or "OSCE (2020)" stay.

use super::{Context, Pass, Proposals};
use crate::edit::{Category, Edit};
use crate::names::fold::fold;
use crate::span::Span;
use foldhash::HashMap;

/// See the module documentation.
pub struct Glosses;

/// The longest parenthesis read as a gloss, in bytes.
const MAX_GLOSS_BYTES: usize = 80;

impl Pass for Glosses {
    fn id(&self) -> &'static str {
        "glosses"
    }

    fn description(&self) -> &'static str {
        "A parenthesis that repeats the name before it, once names are normalized, is removed."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let min = cx.options.min_confidence;
        // indexes built once: a long text has thousands of parentheses, and
        // looking through every mention and edit for each was quadratic
        let edits = EditIndex::new(&out.edits, min);
        let mut longest_mention_ending_at: HashMap<usize, Span> = HashMap::default();
        for m in &out.mentions {
            let e = longest_mention_ending_at
                .entry(m.span.end)
                .or_insert(m.span);
            if m.span.len() >= e.len() {
                *e = m.span;
            }
        }
        let mut found = Vec::new();
        for b in &cx.doc.blocks {
            let s = b.span.of(text);
            for (k, c) in s.char_indices() {
                if c != '(' {
                    continue;
                }
                let open = b.span.start + k;
                // a gloss is short: the closing bracket is looked for
                // within the longest one accepted, not to the block's end
                let Some(len) = s[k + 1..]
                    .char_indices()
                    .take_while(|&(i, _)| i <= MAX_GLOSS_BYTES)
                    .find(|&(_, c)| c == ')')
                    .map(|(i, _)| i)
                else {
                    continue;
                };
                let close = open + 1 + len;
                let inner = Span::new(open + 1, close);
                let capitalised = inner
                    .of(text)
                    .chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase);
                if len == 0
                    || len > MAX_GLOSS_BYTES
                    || inner.of(text).contains(['(', '\n'])
                    || !capitalised
                    || names_itself(inner.of(text))
                {
                    continue;
                }
                let gap_start = text[..open].trim_end_matches([' ', '\u{a0}']).len();
                if gap_start <= b.span.start {
                    continue; // nothing before the parenthesis in this block
                }
                let norm_inner = edits.normalized(text, inner);
                let mut inner_words: Vec<String> = words_of(&norm_inner);
                while inner_words.len() > 1
                    && inner_words
                        .last()
                        .is_some_and(|w| crate::analysis::generic_places::is_generic_place_word(w))
                {
                    inner_words.pop();
                }
                if inner_words.is_empty() {
                    continue;
                }
                // The head: the mention ending at the gap, else as many words as the gloss has.
                let head_words = match longest_mention_ending_at.get(&gap_start) {
                    Some(&m) => words_of(&edits.normalized(text, m)),
                    None => edits.last_words(
                        text,
                        Span::new(b.span.start, gap_start),
                        inner_words.len(),
                    ),
                };
                if head_words.len() < inner_words.len() || inner_words.iter().all(|w| w.len() < 3) {
                    continue;
                }
                let tail = &head_words[head_words.len() - inner_words.len()..];
                if tail == inner_words.as_slice() {
                    found.push((Span::new(gap_start, close + 1), norm_inner));
                }
            }
        }
        for (span, norm) in found {
            out.edits.push(
                Edit::new(text, span, "", self.id(), Category::Duplicate, 0.9).with_note(format!(
                    "the parenthesis repeats the name before it (normalized: {norm:?})"
                )),
            );
        }
    }
}

/// Whether a parenthesis gives the name before it in another role, which
/// is information, not a gloss: an account ("RobBubble (@RobBubble)", a
/// tweet's attribution), a tag, or a term a contract defines in quotation
/// marks ("CafeMedia (“CafeMedia”)").
fn names_itself(inner: &str) -> bool {
    inner.starts_with(['@', '#']) || inner.starts_with(['“', '"', '\'', '‘', '«', '„'])
}

/// The edits at or above the threshold, sorted by start (then by
/// confidence, highest first), for applying those inside a span.
struct EditIndex<'e> {
    sorted: Vec<&'e Edit>,
    /// `reach[i]`: the furthest end of `sorted[..=i]`.
    reach: Vec<usize>,
}

impl<'e> EditIndex<'e> {
    fn new(edits: &'e [Edit], min: f32) -> Self {
        let mut sorted: Vec<&Edit> = edits
            .iter()
            .filter(|e| !e.span.is_empty() && e.confidence >= min)
            .collect();
        sorted.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.confidence.total_cmp(&a.confidence))
        });
        let reach = sorted
            .iter()
            .scan(0, |furthest, e| {
                *furthest = e.span.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        EditIndex { sorted, reach }
    }

    /// The text of `span` with the edits inside it applied.
    fn normalized(&self, text: &str, span: Span) -> String {
        let from = self.sorted.partition_point(|e| e.span.start < span.start);
        let inside = self.sorted[from..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .filter(|e| span.contains(e.span));
        let mut out = String::new();
        let mut pos = span.start;
        for e in inside {
            if e.span.start < pos {
                continue;
            }
            out.push_str(&text[pos..e.span.start]);
            out.push_str(&e.after);
            pos = e.span.end;
        }
        out.push_str(&text[pos..span.end]);
        out
    }
}

/// The first span read before the gap for a head's last words: enough for
/// a gloss of [`MAX_GLOSS_BYTES`] in most texts; doubled while too short.
const HEAD_WINDOW_BYTES: usize = 4 * MAX_GLOSS_BYTES;

/// The most edits looked at for one that a head's window would cut.
const MAX_EDITS_WALKED: usize = 64;

impl EditIndex<'_> {
    /// The normalized words of `head`, or at least its last `want` of them
    /// (all, if it has fewer). Only the end of the head is normalized: the
    /// words before a parenthesis in a one-paragraph text of a million
    /// parentheses are the whole text each time (quadratic).
    fn last_words(&self, text: &str, head: Span, want: usize) -> Vec<String> {
        let mut window = HEAD_WINDOW_BYTES;
        loop {
            let start = self.cut_before(text, head, window);
            let words = words_of(&self.normalized(text, Span::new(start, head.end)));
            if start == head.start || words.len() >= want {
                return words;
            }
            window *= 2;
        }
    }

    /// A start for the last `window` bytes of `head` where no word and no
    /// edit is cut: at a space, and before any edit it would fall inside.
    fn cut_before(&self, text: &str, head: Span, window: usize) -> usize {
        if head.len() <= window {
            return head.start;
        }
        let mut at = crate::scan::floor_boundary(text, head.end - window);
        // back to the space before the word `at` falls in
        at = text[head.start..at]
            .rfind(char::is_whitespace)
            .map_or(head.start, |k| head.start + k);
        // back to the start of an edit `at` falls inside: the edits reaching
        // past `at` are walked back from the nearest start (a few in any
        // text; past a bound, the whole head is read as before)
        let mut k = self.sorted.partition_point(|e| e.span.start < at);
        let mut steps = 0;
        while k > 0 && self.reach[k - 1] > at {
            k -= 1;
            steps += 1;
            if steps > MAX_EDITS_WALKED {
                return head.start;
            }
            let e = self.sorted[k].span;
            if e.end > at && e.end <= head.end {
                at = e.start;
            }
        }
        at.max(head.start)
    }
}

fn words_of(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::Pass;
    use crate::passes::tests::run_passes;

    fn removed(text: &str) -> Vec<String> {
        let passes: [&dyn Pass; 3] = [
            &super::super::phrases::Phrases,
            &super::super::names::Names,
            &Glosses,
        ];
        run_passes(&passes, text)
            .edits
            .into_iter()
            .filter(|e| e.rule == "glosses")
            .map(|e| e.before)
            .collect()
    }

    #[test]
    fn a_gloss_that_repeats_the_name_goes() {
        assert_eq!(
            removed("Fighting in Nagorno-Karabakh (Nagorno-Karabakh) went on."),
            [" (Nagorno-Karabakh)"]
        );
        assert_eq!(
            removed("Armenia and Azerbaijan fought in Nagorno-Karabakh (Naka region) again."),
            [" (Naka region)"]
        );
    }

    #[test]
    fn order_matters_glosses_run_after_the_names_are_normalized() {
        let t = "Armenia and Azerbaijan fought in Nagorno-Karabakh (Naka region) again.";
        let alone = run_passes(&[&Glosses as &dyn Pass], t).edits;
        assert!(
            alone.iter().all(|e| e.rule != "glosses"),
            "before names run, '(Naka region)' repeats nothing"
        );
        let reversed: [&dyn Pass; 3] = [
            &Glosses,
            &super::super::phrases::Phrases,
            &super::super::names::Names,
        ];
        let out = run_passes(&reversed, t).edits;
        assert!(
            out.iter().all(|e| e.rule != "glosses"),
            "glosses first sees no normalized names"
        );
        assert_eq!(
            removed(t),
            [" (Naka region)"],
            "in registry order the gloss goes"
        );
    }

    #[test]
    fn informative_parentheses_stay() {
        assert!(
            removed("Fighting in Karabakh (Azerbaijan) and the OSCE (2020) report.").is_empty()
        );
        assert!(removed("The region (region) is odd (a) but stays.").is_empty());
        assert!(removed("— RobBubble (@RobBubble) 14. Juni 2018").is_empty());
        assert!(removed("It trades as CafeMedia (“CafeMedia”) for ads.").is_empty());
    }
}
