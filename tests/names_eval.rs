//! Precision and recall of the name and phrase passes against the labelled
//! occurrences of `tests/fixtures/names/labels.toml` (the three sample texts).
//! Fails if a figure falls below the floor recorded in the fixture.

use emend::{Engine, Options, Source, Span, Status};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    floor: Floor,
    label: Vec<Label>,
}

#[derive(Deserialize)]
struct Floor {
    applied_precision: f64,
    applied_recall: f64,
    proposed_precision: f64,
    proposed_recall: f64,
}

#[derive(Deserialize)]
struct Label {
    seed: String,
    src: String,
    nth: Option<usize>,
    entity: Option<String>,
    after: Option<String>,
}

struct Occurrence<'a> {
    label: &'a Label,
    span: Span,
    after: Option<regex::Regex>,
}

fn occurrences<'a>(text: &str, label: &'a Label) -> Vec<Occurrence<'a>> {
    let after = label
        .after
        .as_deref()
        .map(|a| regex::Regex::new(a).expect("valid regex in labels"));
    let all: Vec<Span> = text
        .match_indices(&label.src)
        .map(|(k, m)| Span::new(k, k + m.len()))
        .collect();
    assert!(
        !all.is_empty(),
        "label {:?} not found in {}",
        label.src,
        label.seed
    );
    let picked: Vec<Span> = match label.nth {
        Some(n) => vec![all[n - 1]],
        None => all,
    };
    picked
        .into_iter()
        .map(|span| Occurrence {
            label,
            span,
            after: after.clone(),
        })
        .collect()
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn name_edits_reach_their_precision_and_recall() {
    let root = env!("CARGO_MANIFEST_DIR");
    let fixture: Fixture = toml::from_str(
        &std::fs::read_to_string(format!("{root}/tests/fixtures/names/labels.toml")).unwrap(),
    )
    .unwrap();
    let engine = Engine::new(Options::default()).unwrap();
    let mut seeds: Vec<&str> = fixture.label.iter().map(|l| l.seed.as_str()).collect();
    seeds.sort();
    seeds.dedup();
    let (mut applied, mut applied_ok, mut proposed, mut proposed_ok) = (0, 0, 0, 0);
    let (mut positives, mut found_applied, mut found_proposed) = (0, 0, 0);
    let (mut linked_total, mut linked_ok, mut wrong_links) = (0, 0, 0);
    let mut report = Vec::new();
    for seed in seeds {
        let text = std::fs::read_to_string(format!("{root}/input/{seed}")).unwrap();
        let c = engine.convert(Source::from_text(seed, &text));
        let occ: Vec<Occurrence> = fixture
            .label
            .iter()
            .filter(|l| l.seed == seed)
            .flat_map(|l| occurrences(&text, l))
            .collect();
        let ours: Vec<&emend::Edit> = c
            .edits
            .iter()
            .filter(|e| {
                ["names", "phrases", "glosses"].contains(&e.rule.split('/').next().unwrap_or(""))
            })
            .collect();
        let correct = |e: &emend::Edit| {
            occ.iter().any(|o| {
                o.span.overlaps(e.span) && o.after.as_ref().is_some_and(|r| r.is_match(&e.after))
            })
        };
        for e in &ours {
            let ok = correct(e);
            proposed += 1;
            proposed_ok += ok as usize;
            if e.status == Status::Applied {
                applied += 1;
                applied_ok += ok as usize;
            }
            if !ok {
                report.push(format!(
                    "{seed}: unexpected {} {:?} -> {:?} ({:?})",
                    e.rule, e.before, e.after, e.status
                ));
            }
        }
        for o in occ.iter().filter(|o| o.after.is_some()) {
            positives += 1;
            let hit = |applied_only: bool| {
                ours.iter().any(|e| {
                    (!applied_only || e.status == Status::Applied)
                        && e.span.overlaps(o.span)
                        && o.after.as_ref().is_some_and(|r| r.is_match(&e.after))
                })
            };
            found_applied += hit(true) as usize;
            found_proposed += hit(false) as usize;
            if !hit(false) {
                report.push(format!("{seed}: missed {:?}", o.label.src));
            }
        }
        for o in &occ {
            let Some(entity) = o.label.entity.as_deref() else {
                continue;
            };
            let linked: Vec<&str> = c
                .mentions
                .iter()
                .filter(|m| m.span.overlaps(o.span))
                .map(|m| &*m.entity)
                .collect();
            if entity.is_empty() {
                wrong_links += linked.len();
            } else {
                linked_total += 1;
                if linked.contains(&entity) {
                    linked_ok += 1;
                } else {
                    report.push(format!(
                        "{seed}: {:?} not linked to {entity} ({linked:?})",
                        o.label.src
                    ));
                }
            }
        }
    }
    let figures = [
        (
            "applied precision",
            ratio(applied_ok, applied),
            fixture.floor.applied_precision,
        ),
        (
            "applied recall",
            ratio(found_applied, positives),
            fixture.floor.applied_recall,
        ),
        (
            "proposed precision",
            ratio(proposed_ok, proposed),
            fixture.floor.proposed_precision,
        ),
        (
            "proposed recall",
            ratio(found_proposed, positives),
            fixture.floor.proposed_recall,
        ),
    ];
    println!("name edits: {applied} applied, {proposed} proposed; {positives} labelled rewrites");
    println!(
        "links: {linked_ok}/{linked_total} labelled names linked to their entity; {wrong_links} links where none belongs"
    );
    for (name, value, floor) in figures {
        println!("{name}: {value:.3} (floor {floor:.3})");
    }
    for r in &report {
        println!("  {r}");
    }
    for (name, value, floor) in figures {
        assert!(
            value + 1e-9 >= floor,
            "{name} fell to {value:.3}, below {floor:.3}"
        );
    }
    assert_eq!(
        linked_ok, linked_total,
        "labelled names not linked to their entity"
    );
    assert_eq!(wrong_links, 0, "names linked where none belongs");
}

#[test]
fn a_bad_user_lexicon_is_an_error_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[pack]\nname = \"mine\"\ndescription = \"d\"\n\n[[entity]]\nid = \"x\"\ntype = \"person\"\ncanonical = \"A B\"\nnickname = \"C\"\n",
    )
    .unwrap();
    let options = Options {
        lexicons: vec![path.clone()],
        ..Options::default()
    };
    let err = Engine::new(options).err().expect("a lexicon error");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}:9:", path.display())), "{msg}");
    assert!(msg.contains("nickname"), "{msg}");
}

#[test]
fn user_lexicons_add_entities_and_packs_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[pack]\nname = \"mine\"\ndescription = \"d\"\n\n[[entity]]\nid = \"ann-lee\"\ntype = \"person\"\ncanonical = \"Ann Lee\"\nvariants = [\"Ann Leigh\"]\n",
    )
    .unwrap();
    let text = "Ann Leigh met Nikol Pashinian in the Naka region of Armenia.";
    let run = |options: Options| {
        let c = Engine::new(options)
            .unwrap()
            .convert(Source::from_text("t.txt", text));
        c.clean
    };
    let all = run(Options {
        lexicons: vec![path.clone()],
        ..Options::default()
    });
    assert_eq!(
        all,
        "Ann Lee met Nikol Pashinyan in the Nagorno-Karabakh region of Armenia."
    );
    let none = run(Options {
        lexicons: vec![path.clone()],
        no_packs: true,
        ..Options::default()
    });
    assert_eq!(
        none,
        "Ann Lee met Nikol Pashinian in the Naka region of Armenia."
    );
    let only_names = run(Options {
        packs: vec!["caucasus-2020".into()],
        ..Options::default()
    });
    assert_eq!(
        only_names,
        "Ann Leigh met Nikol Pashinyan in the Naka region of Armenia."
    );
    let bad = Engine::new(Options {
        packs: vec!["nope".into()],
        ..Options::default()
    });
    assert!(
        bad.err()
            .is_some_and(|e| e.to_string().contains("built-in packs"))
    );
}

#[test]
fn the_tei_links_names_to_standoff_records() {
    let c = Engine::new(Options::default())
        .unwrap()
        .convert(Source::from_text(
            "t.txt",
            "Title\n\nArmenian Prime Minister Nikol Pashinian met Ilham Aliyev in Moscow.",
        ));
    let tei = emend::emit::tei::to_string(&c);
    assert!(tei.contains("<persName ref=\"#nikol-pashinyan\">"), "{tei}");
    assert!(tei.contains("<person xml:id=\"nikol-pashinyan\">"), "{tei}");
    assert!(
        tei.contains("<persName type=\"variant\">Nikol Pashinian</persName>"),
        "{tei}"
    );
    assert!(
        tei.contains("<placeName ref=\"#moscow\">Moscow</placeName>"),
        "{tei}"
    );
}

mod never_panics {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn on_name_like_text(s in "([A-Z][a-zəışğ’']{0,9}( an| of|,| \\(|\\)|\\.)? ){0,30}") {
            let c = emend::convert_text("p.txt", &s);
            prop_assert!(c.edits.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
    }
}

/// Converting the clean text again changes no name: the passes are idempotent.
#[test]
fn name_edits_are_idempotent_on_the_samples() {
    let root = env!("CARGO_MANIFEST_DIR");
    let engine = Engine::new(Options::default()).unwrap();
    for seed in [
        "000_a71a6aafaf2180f0.txt",
        "001_53efc7abfe202dd4.txt",
        "002_cb372d90f576539b.txt",
    ] {
        let text = std::fs::read_to_string(format!("{root}/input/{seed}")).unwrap();
        let once = engine.convert(Source::from_text(seed, &text)).clean;
        let twice = engine.convert(Source::from_text(seed, &once));
        let again: Vec<_> = twice
            .edits
            .iter()
            .filter(|e| e.status == Status::Applied)
            .filter(|e| {
                ["names", "phrases", "glosses"].contains(&e.rule.split('/').next().unwrap_or(""))
            })
            .map(|e| (&e.rule, &e.before, &e.after))
            .collect();
        assert!(again.is_empty(), "{seed}: {again:?}");
    }
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    applied: Vec<(String, String)>,
    #[serde(default)]
    proposed: Vec<(String, String)>,
    #[serde(default)]
    kept: Vec<String>,
}

/// The cases of `tests/fixtures/names/cases.toml`.
#[test]
fn name_cases_behave_as_written() {
    let root = env!("CARGO_MANIFEST_DIR");
    let cases: Cases = toml::from_str(
        &std::fs::read_to_string(format!("{root}/tests/fixtures/names/cases.toml")).unwrap(),
    )
    .unwrap();
    let engine = Engine::new(Options::default()).unwrap();
    let mut failures = Vec::new();
    for case in &cases.case {
        let c = engine.convert(Source::from_text("case.txt", &case.text));
        for (before, after) in &case.applied {
            if !c.clean.contains(after.as_str())
                || (!after.contains(before.as_str()) && c.clean.contains(before.as_str()))
            {
                failures.push(format!(
                    "{}: {before:?} not applied as {after:?}: {:?}",
                    case.name, c.clean
                ));
            }
        }
        for (before, after) in &case.proposed {
            let found = c
                .edits
                .iter()
                .any(|e| e.before == *before && e.after == *after);
            if !found {
                failures.push(format!(
                    "{}: {before:?} -> {after:?} not proposed",
                    case.name
                ));
            }
        }
        for k in &case.kept {
            if !c.clean.contains(k.as_str()) {
                failures.push(format!("{}: {k:?} not kept: {:?}", case.name, c.clean));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
