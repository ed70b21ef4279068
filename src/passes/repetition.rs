//! `repetition`: words, phrases and list items repeated by mistake.
//!
//! - a doubled function word, "the the", "of of": the second copy is removed
//!   (applied);
//! - a doubled content word, "report report": proposed;
//! - one word listed against itself, "devastation, devastation and
//!   devastation": proposed as the word once;
//! - a phrase repeated back to back, "in the region in the region": the
//!   second copy proposed for deletion;
//! - a list item identical to the one before it: proposed for deletion;
//! - a sentence said twice in a row, or the end of a sentence said again
//!   ("… Aliyev said. Aliyev said."): see [`sentences`].
//!
//! Why it is safe: only function-word doubles are applied, and ordinary
//! English doubles ("had had", "that that", "very, very", "bye bye") are
//! listed in `rules/function-words.toml` (`legit_doubles`) and never touched;
//! capitalised doubles (names such as "Bora Bora") are left alone; everything
//! else only reaches a reviewer.

use super::{Context, Pass, Proposals};
use crate::analysis::dictionary::is_common_word;
use crate::analysis::function_words::function_words;
use crate::document::{Block, BlockKind, InlineKind};
use crate::edit::{Category, Edit};
use crate::span::Span;
use words::{Window, Word};

mod sentences;
mod words;

/// See the module documentation.
pub struct Repetition;

/// The longest phrase checked for a back-to-back repeat, in words.
const MAX_PHRASE: usize = 6;

impl Pass for Repetition {
    fn id(&self) -> &'static str {
        "repetition"
    }

    fn description(&self) -> &'static str {
        "Repeated words and phrases: doubled function words removed (“the the”); doubled dictionary words, a word listed against itself (“x, x and x”), phrases repeated back to back without a comma and repeated list items proposed; a sentence said twice in a row removed (proposed when short or partial); ordinary doubles (“had had”, “very, very”), comma-joined rhetorical repeats and sounds (“ding, ding, ding”) kept."
    }

    fn run(&self, cx: &Context<'_>, out: &mut Proposals) {
        let text = cx.text;
        let blocks = &cx.doc.blocks;
        // one window for all the blocks, restarted on each
        let mut win = Window::new("");
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Bibl { .. } | BlockKind::Front(_)) {
                continue;
            }
            let repeated_item = i > 0
                && matches!(b.kind, BlockKind::Item { .. })
                && matches!(blocks[i - 1].kind, BlockKind::Item { .. })
                && item_text(text, &blocks[i - 1]) == item_text(text, b);
            if repeated_item {
                let span = super::removal::removal_span(text, cx.doc, i);
                out.edits.push(
                    Edit::new(text, span, "", "repetition/item", Category::Repetition, 0.6)
                        .with_note("the same list item as the one before"),
                );
                continue;
            }
            // one word and nothing else ("a", "Overview"): nothing to
            // repeat, and a million such lines are spared the window
            if is_one_word(b.span.of(text)) {
                continue;
            }
            let quotes: Vec<Span> = b
                .inlines
                .iter()
                .filter(|x| x.kind == InlineKind::Quote)
                .map(|x| x.span)
                .collect();
            block_edits(text, b.span, &quotes, &mut win, &mut out.edits);
            for r in sentences::repeats(b.span.of(text)) {
                let span = Span::new(b.span.start + r.start, b.span.start + r.end);
                let note = match r.whole {
                    true => format!("the sentence before, said again ({} words)", r.words),
                    false => format!(
                        "the last {} words of the sentence before, said again",
                        r.words
                    ),
                };
                out.edits.push(
                    Edit::new(
                        text,
                        span,
                        "",
                        "repetition/sentence",
                        Category::Repetition,
                        r.confidence,
                    )
                    .with_note(note),
                );
            }
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

/// A word listed against itself: "x, x and x".
struct Listed<'a> {
    /// Byte range in the block.
    start: usize,
    end: usize,
    /// The word as first written.
    word: &'a str,
    /// How many times it is listed.
    times: usize,
    /// Index of the word after the list.
    next: usize,
}

/// The text between two words.
fn gap<'s>(s: &'s str, a: &Word<'_>, b: &Word<'_>) -> &'s str {
    &s[a.end..b.start]
}

/// The list "x, x and x" (or "x, x, x", "x, x or x") that word `k` starts.
fn listed<'a>(win: &mut Window<'a>, k: usize, s: &str) -> Option<Listed<'a>> {
    let fw = function_words();
    win.fill(k + 1);
    let w = win.get(k)?;
    let next_same = win.get(k + 1).is_some_and(|n| n.same(w));
    if !next_same
        || !w.text.chars().all(char::is_alphabetic)
        || fw.legit_doubles.contains(w.lower().as_ref())
    {
        return None;
    }
    // cloned only here, at a word followed by itself: the scan below may
    // walk far and forget the words behind it
    let w = w.clone();
    let (mut j, mut commas, mut times) = (k, 0, 1);
    loop {
        win.fill(j + 1);
        let (Some(a), Some(b)) = (win.get(j), win.get(j + 1)) else {
            break;
        };
        if !b.same(&w) {
            break;
        }
        let g = gap(s, a, b);
        if g == ", " {
            commas += 1;
        } else if !(g == " " && j > k) {
            break;
        }
        j += 1;
        times += 1;
        if commas >= 1 && j - k >= 2 {
            // long enough to be reported: the words behind are not needed
            win.forget_before(j);
        }
    }
    // "x, x and x" / "x, x or x"; "x, x, x" without "and" is a chant or a
    // sound ("ding, ding, ding"), not a list written wrong: only the closed
    // list is reported
    let mut closed = false;
    win.fill(j + 2);
    if let (Some(a), Some(b), Some(c)) = (win.get(j), win.get(j + 1), win.get(j + 2))
        && j > k
        && matches!(b.lower().as_ref(), "and" | "or")
        && c.same(&w)
        && matches!(gap(s, a, b), " " | ", ")
        && gap(s, b, c) == " "
    {
        times += usize::from(b.same(&w)) + 1;
        j += 2;
        closed = true;
    }
    let end = win.get(j)?.end;
    (commas >= 1 && j - k >= 2 && closed).then_some(Listed {
        start: w.start,
        end,
        word: w.text,
        times,
        next: j + 1,
    })
}

/// Where a run of three or more copies of word `k` ends (the index of the
/// first word after it), the run walked without being kept.
fn run_end(win: &mut Window<'_>, k: usize) -> Option<usize> {
    win.fill(k + 2);
    let w = win.get(k)?;
    let same = |i: usize| win.get(i).is_some_and(|x| x.same(w));
    if !(same(k + 1) && same(k + 2)) {
        return None;
    }
    let w = w.clone();
    let mut end = k + 3;
    loop {
        win.forget_before(end);
        win.fill(end);
        if win.get(end).is_none_or(|x| !x.same(&w)) {
            return Some(end);
        }
        end += 1;
    }
}

/// Whether `s` is one run of letters and digits: one word, which neither
/// the word rules nor the sentence rule can find repeated.
fn is_one_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}

/// Proposals inside `block`; inside `quotes` (a speaker's or singer's own
/// words, where repetition is usually meant) only doubled function words.
fn block_edits<'a>(
    text: &'a str,
    block: Span,
    quotes: &[Span],
    win: &mut Window<'a>,
    out: &mut Vec<Edit>,
) {
    let s = block.of(text);
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
    win.restart(s);
    let mut k = 0;
    while let Some(next) = step(win, k, s, &mut push) {
        k = next;
    }
}

/// Reports what word `k` starts through `push` (from, to, replacement,
/// rule, confidence, note); the index of the next word to look at, `None`
/// at the end of the block.
///
/// Every rule needs word `k` again within the next [`MAX_PHRASE`] words
/// (the word after it, or the first word of the phrase repeated), and few
/// words have that: the others are passed over on their keys alone, where
/// the lists, runs, doubles and phrases looked at every word were most of
/// the rule's work.
fn step(
    win: &mut Window<'_>,
    k: usize,
    s: &str,
    push: &mut impl FnMut(usize, usize, &str, &str, f32, String),
) -> Option<usize> {
    let ws = win.from(k, MAX_PHRASE);
    let w = ws.first()?;
    if !ws[1..].iter().any(|x| x.key == w.key) {
        return Some(k + 1);
    }
    look(win, k, s, push)
}

/// [`step`] without the look at the keys.
fn look(
    win: &mut Window<'_>,
    k: usize,
    s: &str,
    push: &mut impl FnMut(usize, usize, &str, &str, f32, String),
) -> Option<usize> {
    let fw = function_words();
    // one word listed against itself: "x, x and x"
    if let Some(l) = listed(win, k, s) {
        let note = format!("“{}” listed {} times", l.word, l.times);
        push(l.start, l.end, l.word, "list", 0.5, note);
        return Some(l.next);
    }
    // a run of three or more copies of one word is not a slip of the
    // translation (a chant, a sound, test data): leave it whole
    if let Some(end) = run_end(win, k) {
        return Some(end);
    }
    // the words from `k` on, indexed from 0, enough for the checks below
    let ws = win.from(k, 2 * MAX_PHRASE);
    let w = ws.first()?;
    let alpha = w.text.chars().all(char::is_alphabetic);
    // doubled word: "the the"
    if let Some(n) = ws.get(1) {
        let g = gap(s, w, n);
        if n.same(w)
            && !g.is_empty()
            && g.chars().all(|c| c == ' ')
            && alpha
            && n.text.chars().next().is_some_and(char::is_lowercase)
            && !fw.legit_doubles.contains(w.lower().as_ref())
            && !is_identifier_start(&s[n.end..])
        {
            let lower = w.lower();
            // a doubled word the dictionary does not know is mostly a
            // reduplicated name or term ("ylang ylang", "Bora Bora" in
            // lowercase): only known words are reported
            let known =
                fw.is_function(&lower) || lower.chars().count() < 4 || is_common_word(&lower);
            if known {
                // a copy one letter short of a conjunction ("an an") is
                // as likely that conjunction with its last letter lost
                // ("and an") as a word typed twice: removing a copy would
                // leave the slip, so the removal is only proposed
                let clipped = fw
                    .conjunctions
                    .iter()
                    .filter(|c| c.len() == lower.len() + 1 && c.starts_with(&*lower))
                    .min();
                let (conf, note) = if let Some(c) = clipped {
                    (
                        0.6,
                        format!(
                            "the function word “{}” doubled, or “{c}” with its last letter lost (“{c} {}”)",
                            n.text, n.text
                        ),
                    )
                } else if fw.is_function(&lower) {
                    (0.9, format!("the function word “{}” doubled", n.text))
                } else {
                    (
                        0.5,
                        format!("“{}” doubled (a word of the English word list)", n.text),
                    )
                };
                push(w.end, n.end, "", "word", conf, note);
                return Some(k + 2);
            }
        }
    }
    // a phrase repeated back to back
    for len in (2..=MAX_PHRASE).rev() {
        if 2 * len > ws.len() {
            continue;
        }
        // joined by a comma, a repeat is mostly meant: a rhetorical repeat
        // ("if the universe were empty, if the universe were empty") or
        // one clause's object opening the next ("into the universe, the
        // universe will bend"); a loop of the translation runs on bare
        if !ws[0].same(&ws[len]) || gap(s, &ws[len - 1], &ws[len]) != " " {
            continue;
        }
        let (a, b) = (&ws[..len], &ws[len..2 * len]);
        let same = a.iter().zip(b).all(|(x, y)| x.same(y));
        let joint = gap(s, &a[len - 1], &b[0]);
        let inner_same =
            same && (0..len - 1).all(|t| gap(s, &a[t], &a[t + 1]) == gap(s, &b[t], &b[t + 1]));
        let content = inner_same
            && a.iter().any(|x| {
                let l = x.lower();
                !fw.is_function(&l) && !fw.legit_doubles.contains(l.as_ref())
            });
        if same && inner_same && content && joint == " " && !meant(s, a) {
            push(
                a[len - 1].end,
                b[len - 1].end,
                "",
                "phrase",
                0.55,
                format!("“{}” repeated back to back", &s[a[0].start..a[len - 1].end]),
            );
            return Some(k + 2 * len);
        }
    }
    Some(k + 1)
}

/// Whether the text after a word makes it the start of an identifier or
/// an expression: "a.f()", "a(b)", "a_b", "a[0]" — code flattened into
/// prose ("import a⏎a.f()" copied as "import a a.f()"), not a word typed
/// twice. A full stop before a space or the end closes a sentence instead.
fn is_identifier_start(after: &str) -> bool {
    let mut cs = after.chars();
    match cs.next() {
        Some('.') => cs.next().is_some_and(char::is_alphanumeric),
        Some('(' | '_' | '[') => true,
        _ => false,
    }
}

/// True if a phrase `a` said twice back to back reads as meant: one that
/// ends in "and"/"or" is a word coordinated with itself ("get faster and
/// faster and make a louder sound", "bigger and bigger and"), the idiom
/// of growth or insistence, followed by the sentence's next coordination;
/// one with a comma inside is a comma-joined repeat read from its middle
/// ("0 degrees, 0 degrees,": a list of values, not a loop).
fn meant(s: &str, a: &[Word<'_>]) -> bool {
    let last = a.last().map(|w| w.lower());
    matches!(last.as_deref(), Some("and" | "or"))
        || a.windows(2)
            .any(|p| gap(s, &p[0], &p[1]).contains([',', ';']))
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

    /// The edits `step` reports over `s`, or `look` when `keys` is false.
    fn walk(s: &str, keys: bool) -> Vec<(usize, usize, String, String, f32, String)> {
        let mut found = Vec::new();
        let mut push =
            |from: usize, to: usize, after: &str, rule: &str, conf: f32, note: String| {
                found.push((from, to, after.to_owned(), rule.to_owned(), conf, note));
            };
        let mut win = super::Window::new(s);
        let mut k = 0;
        loop {
            let next = if keys {
                super::step(&mut win, k, s, &mut push)
            } else {
                super::look(&mut win, k, s, &mut push)
            };
            match next {
                Some(next) => k = next,
                None => break,
            }
        }
        found
    }

    proptest::proptest! {
        /// A block of one word, which the rule passes over, is one in
        /// which it finds nothing.
        #[test]
        fn one_word_blocks_hold_no_repetition(s in "[a-zA-Z0-9éÉΣσ字٣]{1,12}") {
            proptest::prop_assert!(super::is_one_word(&s));
            proptest::prop_assert!(walk(&s, true).is_empty());
            proptest::prop_assert!(super::sentences::repeats(&s).is_empty());
        }

        #[test]
        fn words_passed_over_on_their_keys_start_nothing(
            s in "((the|The|THE|ruin|Ruin|and|or|of|had|x1|é|É|Σας|σας)( |, |. |  |-)){0,40}"
        ) {
            proptest::prop_assert_eq!(walk(&s, true), walk(&s, false));
        }
    }

    #[test]
    fn doubled_function_word_goes() {
        assert_eq!(
            clean("They crossed the the river at dawn."),
            "They crossed the river at dawn."
        );
        assert_eq!(clean("One of of the towns."), "One of the towns.");
        assert_eq!(clean("Where is it? In the the."), "Where is it? In the.");
    }

    #[test]
    fn code_flattened_into_prose_is_no_doubled_word() {
        for t in [
            "main.py: import a a.f() and print it.",
            "Then call a a(b) there.",
            "Set the the_value first.",
        ] {
            assert_eq!(clean(t), t, "{t}");
        }
    }

    #[test]
    fn a_doubled_copy_one_letter_short_of_a_conjunction_is_only_proposed() {
        let e = edits("A tired policeman an an eager recruit walked in.");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, " an");
        assert!(e[0].confidence < 0.8);
        let note = e[0].note.as_deref().unwrap_or_default();
        assert!(note.contains("“and”"), "{note}");
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
        let bare = "The crowd sang land of my fathers land of my fathers until dawn.";
        assert_eq!(edits(bare).len(), 1);
    }

    #[test]
    fn rhetorical_and_clause_boundary_repeats_stay() {
        for t in [
            "Einstein realized that if the universe were empty, if the universe were empty, it would look like this.",
            "If you put matter into the universe, the universe will bend.",
            "It sounds like, ding, ding, ding.",
            "What we see is ylang ylang, the strongly scented part.",
            "During the fall, the small black hole will get faster and faster and make a louder sound.",
            "Act before the snowball gets bigger and bigger and causes an avalanche.",
            "The angles are minus 120 degrees, 0 degrees, 0 degrees, 120 degrees.",
        ] {
            assert!(edits(t).is_empty(), "{t}: {:?}", edits(t));
        }
    }

    #[test]
    fn a_long_list_or_run_is_walked_to_its_end() {
        let list = vec!["ruin"; 1000].join(", ") + " and ruin";
        let e = edits(&format!("Scenes of {list} everywhere."));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].before, list);
        assert_eq!(e[0].note.as_deref(), Some("“ruin” listed 1001 times"));
        let run = vec!["boom"; 1000].join(" ");
        let e = edits(&format!("It went {run} to the the end."));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(
            (e[0].rule.as_str(), e[0].before.as_str()),
            ("repetition/word", " the")
        );
    }

    #[test]
    fn a_repeated_list_item_is_proposed() {
        let t = "Bring these:\n\n1. bread\n2. water\n3. water";
        let e = edits(t);
        // list items only exist when the parser marks them; the rule must not fail either way
        assert!(e.iter().all(|e| e.confidence < 0.8));
    }
}
