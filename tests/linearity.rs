//! A guard against super-linear time: doubling the input at most about
//! doubles the WORK (operation counts, not wall time, so the test is
//! deterministic on a busy machine) of the fuzzy name matcher and of the
//! diff views. Each check doubles twice and allows a ratio of 2.5 per
//! doubling.
//!
//! Work is counted by hooks that only count: `names::similar::stats()`
//! (comparisons and table cells of the transliteration-aware distance),
//! `emit::diff::work()` (bytes scanned for line breaks by the terminal view;
//! for the unified patch, the bytes of each piece it line-diffs and that
//! piece's old × new line count, the most its Myers diff can compare).

use emend::{Conversion, Engine, Options};

const MAX_RATIO: f64 = 2.5;

fn engine() -> Engine {
    Engine::new(Options::default()).expect("built-in packs")
}

/// A pronounceable capitalised word unique to `i`: "Tarvolin", "Kemadusk"…
fn made_up_name(mut i: usize) -> String {
    const ONSETS: &[&str] = &["b", "d", "f", "k", "l", "m", "n", "p", "r", "t", "v", "z"];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u"];
    let mut s = String::new();
    for _ in 0..3 {
        s.push_str(ONSETS[i % ONSETS.len()]);
        i /= ONSETS.len();
        s.push_str(VOWELS[i % VOWELS.len()]);
        i /= VOWELS.len();
    }
    s.push_str(["n", "sk", "rov", "lin"][i % 4]);
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `n` news paragraphs: known names in variant spellings, roles before
/// unseen spellings, and new made-up names in every paragraph (a longer
/// text has more distinct names, as real corpora do).
fn news(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "Prime Minister Nikol Pashinian met Ilham Aliev , and {} told {} that the talks in {} went on .",
                made_up_name(3 * i),
                made_up_name(3 * i + 1),
                made_up_name(3 * i + 2),
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The same, as one long line.
fn one_line(n: usize) -> String {
    news(n).replace("\n\n", " ")
}

fn ratios(counts: &[u64]) -> Vec<f64> {
    counts
        .windows(2)
        .map(|w| w[1] as f64 / w[0].max(1) as f64)
        .collect()
}

fn assert_linear(what: &str, counts: &[u64]) {
    let r = ratios(counts);
    eprintln!("{what}: work {counts:?}, ratios {r:.2?}");
    assert!(counts[0] > 0, "{what}: no work counted at all");
    assert!(
        r.iter().all(|&x| x < MAX_RATIO),
        "{what}: work grows faster than the input: {counts:?} (ratios {r:.2?}, limit {MAX_RATIO})"
    );
}

/// An engine with resources of its own: the fuzzy matcher remembers its
/// answers per process in the shared built-in resources, so another test
/// converting the same made-up names at the same time would make some
/// sizes cheaper than others (the ratio then depends on the test order).
fn engine_with_own_resources() -> Engine {
    let packs = emend::names::builtin_pack_names();
    Engine::new(Options {
        packs,
        ..Options::default()
    })
    .expect("built-in packs")
}

fn name_work(text: &str) -> u64 {
    let engine = engine_with_own_resources();
    let before = emend::names::similar::stats();
    let c = engine.convert(emend::Source::from_text("n.txt", text));
    assert!(!c.mentions.is_empty());
    let after = emend::names::similar::stats();
    after.cells - before.cells
}

#[test]
fn name_matcher_work_grows_linearly_with_new_names_in_every_paragraph() {
    // Sizes past the point where every form has its full window of
    // neighbours (below it, pairs grow faster while windows fill up).
    let counts: Vec<u64> = [160, 320, 640]
        .iter()
        .map(|&n| name_work(&news(n)))
        .collect();
    assert_linear("name matcher, paragraphs", &counts);
}

#[test]
fn name_matcher_work_grows_linearly_on_one_long_line() {
    let counts: Vec<u64> = [160, 320, 640]
        .iter()
        .map(|&n| name_work(&one_line(n)))
        .collect();
    assert_linear("name matcher, one line", &counts);
}

/// News whose vocabulary does not grow: the per-mention matching (lexicon
/// look-ups, unseen spellings after roles) must stay linear.
fn repeated_news(n: usize) -> String {
    let unit = news(8);
    vec![unit.as_str(); n / 8].join("\n\n")
}

#[test]
fn name_matcher_work_grows_linearly_when_names_repeat() {
    let counts: Vec<u64> = [40, 80, 160]
        .iter()
        .map(|&n| name_work(&repeated_news(n)))
        .collect();
    assert_linear("name matcher, repeated names", &counts);
}

fn conversion(text: &str) -> Conversion {
    engine().convert(emend::Source::from_text("d.txt", text))
}

fn terminal_work(c: &Conversion) -> u64 {
    let before = emend::emit::diff::work();
    let out = emend::emit::diff::terminal(c, false);
    assert!(out.contains("@@"));
    emend::emit::diff::work() - before
}

#[test]
fn terminal_diff_work_grows_linearly() {
    for (what, make) in [
        ("terminal diff, paragraphs", news as fn(usize) -> String),
        ("terminal diff, one line", one_line),
    ] {
        let counts: Vec<u64> = [40, 80, 160]
            .iter()
            .map(|&n| terminal_work(&conversion(&make(n))))
            .collect();
        assert_linear(what, &counts);
    }
}

fn unified_work(c: &Conversion) -> u64 {
    let before = emend::emit::diff::work();
    let patch = emend::emit::diff::unified(c);
    assert!(patch.contains("@@"));
    emend::emit::diff::work() - before
}

#[test]
fn unified_diff_work_grows_linearly_when_changes_are_sparse() {
    // One changed paragraph in ten: the usual shape of a cleaned text.
    let text = |n: usize| {
        (0..n)
            .map(|i| {
                if i % 10 == 0 {
                    format!("Paragraph {i} has a stray space , here.")
                } else {
                    format!("Paragraph {i} is clean already.")
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let counts: Vec<u64> = [200, 400, 800]
        .iter()
        .map(|&n| unified_work(&conversion(&text(n))))
        .collect();
    assert_linear("unified diff, sparse changes", &counts);
}

#[test]
fn unified_diff_work_grows_linearly_when_every_paragraph_changes() {
    let counts: Vec<u64> = [40, 80, 160]
        .iter()
        .map(|&n| unified_work(&conversion(&news(n))))
        .collect();
    assert_linear("unified diff, every paragraph changed", &counts);
}

/// The bytes the context-reading rules read while converting `text` (see
/// `emend::work`): folded windows, the words before names, lists, the
/// heads of parentheses.
fn context_work(text: &str) -> u64 {
    let engine = engine();
    let before = emend::work::bytes_read();
    engine.convert(emend::Source::from_text("w.txt", text));
    emend::work::bytes_read() - before
}

fn assert_context_linear(what: &str, make: impl Fn(usize) -> String, sizes: [usize; 3]) {
    let counts: Vec<u64> = sizes.iter().map(|&n| context_work(&make(n))).collect();
    assert_linear(what, &counts);
}

/// `unit` said `n` times on one line, with no line break at all: a web
/// page or a PDF extracted without line breaks.
fn repeated_line(unit: &str, n: usize) -> String {
    vec![unit; n].join(" ")
}

#[test]
fn context_work_is_linear_on_one_paragraph_repeating_a_name_and_a_phrase() {
    // every hit of the phrase asked about its paragraph (the whole text),
    // and every unseen spelling folded the sentence before it
    assert_context_linear(
        "one paragraph, a phrase and an unseen spelling repeated",
        |n| {
            repeated_line(
                "Prime Minister Nikol Passinyan said that the Naka conflict is a cynic lie, and Armenian forces went on fighting",
                n,
            )
        },
        [200, 400, 800],
    );
}

#[test]
fn context_work_is_linear_on_one_sentence_of_a_name_repeated() {
    assert_context_linear(
        "one sentence, one misspelt name repeated",
        |n| repeated_line("Passinyan", n),
        [2000, 4000, 8000],
    );
}

#[test]
fn context_work_is_linear_on_one_line_of_parentheses() {
    // each parenthesis normalized every word of the block before it
    assert_context_linear(
        "one line of citations in parentheses",
        |n| {
            repeated_line(
                "As shown (Aliyev 2020; Pashinyan 2021), the result holds (Smith et al., 2019).",
                n,
            )
        },
        [200, 400, 800],
    );
}

#[test]
fn context_work_is_linear_on_one_line_of_spaced_brackets() {
    // each space before a closing bracket asked whether it sat inside a
    // face like "( ^_^ )" by reading to both ends of its line
    assert_context_linear(
        "one line of spaces inside brackets",
        |n| {
            repeated_line(
                "As shown [2, 3 ], the result holds ( Smith et al., 2019 ) .",
                n,
            )
        },
        [200, 400, 800],
    );
}

/// `n` pages of a PDF extract, each ending inside a hyphenated word and
/// followed by its page number and a form feed.
fn pages(n: usize) -> String {
    let words = [
        "committee",
        "evidence",
        "results",
        "study",
        "earlier",
        "work",
        "reviewers",
        "report",
        "spring",
        "council",
        "record",
        "season",
        "method",
        "sample",
        "figure",
        "author",
    ];
    (1..=n)
        .map(|i| {
            let w = |k: usize| words[(i * 7 + k * 5) % words.len()];
            format!(
                "The {} reviewed the {} and found that the {} of the {} agreed with the {} of its mem-\n\n{i}\n\u{c}bers and the {}, who wrote section {i}.\n\n",
                w(0), w(1), w(2), w(3), w(4), w(5)
            )
        })
        .collect()
}

#[test]
fn joins_work_is_linear_on_many_pages() {
    // where each block's reading text starts (past the page number a
    // removal takes) was found by walking every edit of the document
    assert_context_linear(
        "pages with numbers and broken words",
        pages,
        [100, 200, 400],
    );
}

/// `n` lines of brackets nested deep around quote, bracket and emphasis
/// marks, as a fuzzer makes them: one removal over many of them overlaps
/// every small edit inside.
fn nested(n: usize) -> String {
    let marks = ["'", "[", "*", "\u{201c}"];
    (0..n)
        .map(|i| {
            let depth = 1 + (i * 7) % 29;
            let mark = marks[i % marks.len()];
            format!(
                "{}{}x{}\n",
                "(".repeat(depth),
                mark.repeat(depth),
                ")".repeat(depth / 2)
            )
        })
        .collect()
}

#[test]
fn deciding_is_linear_when_one_edit_overlaps_many() {
    // each losing edit's reason quoted the whole text of the edit it lost
    // to: a removal of thousands of lines, once per line
    assert_context_linear("lines of nested brackets", nested, [500, 1000, 2000]);
}

#[test]
fn later_rounds_map_their_edits_in_linear_work_on_one_line() {
    // markdown marks the first round removes leave spaces a later round
    // fixes; each later edit was mapped through every earlier edit of the
    // document from its start
    assert_context_linear(
        "one line of markdown marks and links",
        |n| {
            repeated_line(
                "`code` 10. Clashes: How the world reacted: ![img](pic.png) ## Head Overall, the victory [link](http://example.org/a) ___ According to Reuters **bold** ## Head The decree",
                n,
            )
        },
        [200, 400, 800],
    );
}

#[test]
fn context_work_is_linear_on_one_long_list_of_places() {
    // each item of a list read the whole sentence, and the whole list
    assert_context_linear(
        "one sentence listing places",
        |n| {
            let items: Vec<&str> = ["Ganja", "Saizan", "Kudamir", "Barda", "Tartar"]
                .into_iter()
                .cycle()
                .take(n)
                .collect();
            format!(
                "Azerbaijani cities such as {} were shelled.",
                items.join(", ")
            )
        },
        [1000, 2000, 4000],
    );
}

/// The bytes the parser reports reading (citations placed, URLs checked
/// against the links around them) while parsing `text`.
fn parse_work(text: &str) -> u64 {
    let before = emend::work::bytes_read();
    emend::parse::parse(text);
    emend::work::bytes_read() - before
}

#[test]
fn parse_work_is_linear_on_one_line_of_citations() {
    // each citation was checked against every inline placed before it
    let counts: Vec<u64> = [2000, 4000, 8000]
        .iter()
        .map(|&n| {
            parse_work(&repeated_line(
                "As shown [1], it holds [2, 3] (Smith et al., 2019).",
                n,
            ))
        })
        .collect();
    assert_linear("parse, one line of citations", &counts);
}

#[test]
fn review_fingerprints_read_linearly_on_one_line() {
    // each fingerprint searched the whole line for its ends
    let counts: Vec<u64> = [500, 1000, 2000]
        .iter()
        .map(|&n| {
            let c = conversion(&repeated_line(
                "Share on Facebook , Reply , Cookie policy",
                n,
            ));
            let before = emend::work::bytes_read();
            for e in &c.edits {
                emend::decisions::fingerprint(&c.source.text, e);
            }
            emend::work::bytes_read() - before
        })
        .collect();
    assert_linear("fingerprints, one line", &counts);
}

#[test]
fn parse_work_is_linear_on_one_line_of_markdown_links() {
    // each link looked through every inline of its block for bare URLs
    let counts: Vec<u64> = [1000, 2000, 4000]
        .iter()
        .map(|&n| {
            parse_work(&repeated_line(
                "**bold** [link](http://example.org/a) <http://example.org/b> http://example.org/c",
                n,
            ))
        })
        .collect();
    assert_linear("parse, one line of markdown links", &counts);
}

/// Comparisons of the transliteration-aware distance made while converting
/// `text` (each candidate pair of the lexicon matcher and of the spellings
/// compared inside the document counts one).
fn name_comparisons(text: &str) -> u64 {
    let engine = engine_with_own_resources();
    let before = emend::names::similar::stats();
    engine.convert(emend::Source::from_text("n.txt", text));
    let after = emend::names::similar::stats();
    after.comparisons - before.comparisons
}

/// `n` sentences, each naming a new person whose name shares its start with
/// all the others: the worst case for the spellings compared inside one
/// document, where every name is alike every other.
fn alike_names(n: usize) -> String {
    (0..n)
        .map(|i| {
            let tail = made_up_name(i).to_lowercase();
            format!("The reporters said that Golosheik{tail} met Golosheyk{tail} again.")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn spellings_compared_inside_a_document_grow_linearly_when_all_are_alike() {
    let counts: Vec<u64> = [100, 200, 400]
        .iter()
        .map(|&n| name_comparisons(&alike_names(n)))
        .collect();
    assert_linear("same-document spellings, all alike", &counts);
}

/// The fuzzer's one-line mix of lexicon names, unseen spellings and
/// line-end hyphens: mentions the names rule finds late were inserted into
/// each entity's sorted list one at a time, shifting it once per mention.
/// The work counted is each mention of a list sorted (see `emend::work`):
/// adding them one by one would count the list once per mention.
#[test]
fn mentions_are_placed_in_linear_work_when_one_entity_is_named_many_times() {
    assert_context_linear(
        "one line, a name and its unseen spellings repeated",
        |n| {
            repeated_line(
                "Nikol Pashinyan met Alijev in Shoosha, where Passinyan and Pashin- yan spoke",
                n,
            )
        },
        [500, 1000, 2000],
    );
}

/// The fuzzer's one-line mix of sentences, furniture and citations: every
/// spelling the names rule rewrote inside the document lowercased its whole
/// line to ask whether it stood in a bibliographic reference, so a text
/// copied without line breaks read itself once per rewritten mention.
#[test]
fn same_document_rewrites_read_linear_context_on_one_line() {
    assert_context_linear(
        "one line, two spellings of an unseen name and citations repeated",
        |n| {
            repeated_line(
                "Director Merkulyan spoke (Smith et al., 2019). Merkulyan and Merkulian met [2, 3]. Merkulyan left.",
                n,
            )
        },
        [200, 400, 800],
    );
}

/// `n` sentences naming two new people each, given name and family name:
/// every pair of capitalised words is a split name the near-split rule
/// looks up among the document's one-word spellings, which grow with `n`.
fn people(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{} {} met {} {} in the hall.",
                made_up_name(4 * i),
                made_up_name(4 * i + 1),
                made_up_name(4 * i + 2),
                made_up_name(4 * i + 3),
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn split_names_are_looked_up_in_linear_work_among_many_people() {
    // each pair of words was compared with every spelling one letter longer
    // or shorter: a square in a long list of people
    assert_context_linear(
        "many people, each a split-name lookup",
        people,
        [200, 400, 800],
    );
}
