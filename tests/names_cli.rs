//! `emend names discover | merge | learn`: variant groups across a corpus,
//! mergeable statistics shards, and lexicon entries learnt from review.

use crate::common::{emend, root};
use emend::names::discover::{DiscoverOptions, discover};
use emend::names::lexicon::Lexicon;
use emend::names::stats::NameStats;
use std::path::Path;

fn fixtures() -> String {
    "tests/fixtures/discover".to_owned()
}

fn stdout(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "emend failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn discover_groups_spellings_of_one_name_across_files() {
    let table = stdout(&emend(&["names", "discover", &fixtures()], b""));
    let json = stdout(&emend(
        &["names", "discover", &fixtures(), "--format", "json"],
        b"",
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let groups = v["groups"].as_array().unwrap();
    let forms_of = |needle: &str| -> Vec<String> {
        groups
            .iter()
            .find(|g| {
                g["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x["form"] == needle)
            })
            .map(|g| {
                g["variants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x["form"].as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let merkulyan = forms_of("Merkulyan");
    assert!(
        merkulyan.contains(&"Merkulian".to_owned()) && merkulyan.contains(&"Mergulyan".to_owned()),
        "{merkulyan:?}\n{table}"
    );
    assert!(forms_of("Kolvar").contains(&"Kolwar".to_owned()), "{table}");
    assert!(
        forms_of("Ilse Brandvold").contains(&"Ilse Brandwold".to_owned()),
        "{table}"
    );
    // Not names: an ordinary word, a URL, a bibliography entry.
    for absent in ["Said", "Kolvarweather", "Merkulyanov", "Kolwarsky"] {
        assert!(forms_of(absent).is_empty(), "{absent} in\n{table}");
    }
    let g = groups
        .iter()
        .find(|g| g["canonical"] == "Merkulyan")
        .expect("most frequent spelling is canonical");
    assert_eq!(g["type"], "person");
    assert!(table.contains("Merkulyan") && table.contains("docs"));
    // Context lines come from the running text.
    assert!(json.contains("blamed the weather"), "{json}");
}

#[test]
fn discover_toml_is_a_loadable_lexicon() {
    let toml = stdout(&emend(
        &["names", "discover", &fixtures(), "--format", "toml"],
        b"",
    ));
    let mut lex = Lexicon::default();
    lex.load("discovered.toml", &toml)
        .unwrap_or_else(|e| panic!("{e}\n{toml}"));
    // The surname alone is the short form of the full name's entry.
    let e = lex.entity("tigran-merkulyan").expect(&toml);
    assert_eq!(e.canonical, "Tigran Merkulyan");
    for form in ["Merkulyan", "Mergulyan", "Merkulian", "Tigran Merkulian"] {
        assert!(e.forms.iter().any(|f| f.text == form), "{form}\n{toml}");
    }
    assert!(lex.entity("merkulyan").is_none(), "{toml}");
    let kolvar = lex.entity("kolvar").expect(&toml);
    assert_eq!(kolvar.kind, emend::entity::EntityType::Place, "{toml}");
    // Loaded together with the built-in packs too.
    let mut all = emend::names::Resources::builtin().unwrap().lexicon.clone();
    all.load("discovered.toml", &toml).unwrap();
}

#[test]
fn known_groups_are_hidden_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(
        &f,
        "Talks\n\nPrime Minister Nikol Pashinyan spoke. Pashinian and Pashinyan again.\n",
    )
    .unwrap();
    let p = f.to_str().unwrap();
    let plain = stdout(&emend(&["names", "discover", p], b""));
    assert!(!plain.contains("Pashinian"), "{plain}");
    let known = stdout(&emend(&["names", "discover", p, "--known"], b""));
    assert!(known.contains("[known: nikol-pashinyan]"), "{known}");
}

/// A corpus of `n` generated documents: each names a few people and places
/// from a pool that grows with the corpus, in several romanizations.
fn generated(n: usize, seed: u64) -> Vec<(String, String)> {
    let syl = [
        "ka", "ro", "va", "ni", "zo", "mir", "dan", "shi", "tel", "bur", "lan", "ser", "go", "pe",
        "tu", "mak", "ril", "sa", "vo", "den",
    ];
    let suffix = ["yan", "ov", "ski", "adze", "oglu", "ev", "enko"];
    let mut state = seed;
    let mut next = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let pool = (n / 2).max(4);
    let names: Vec<String> = (0..pool)
        .map(|k| {
            let mut s = String::new();
            // Syllables by a hash of k, so names spread over the whole space.
            let mut x = (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            for _ in 0..3 {
                x ^= x >> 29;
                x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
                s.push_str(syl[(x >> 40) as usize % syl.len()]);
            }
            s.push_str(suffix[k % suffix.len()]);
            let mut c = s.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect();
    let variant = |s: &str, k: usize| match k % 4 {
        0 => s.to_owned(),
        1 => s.replacen("yan", "ian", 1).replacen("v", "w", 1),
        2 => s.replacen("sh", "ss", 1).replacen("k", "kh", 1),
        _ => s.replacen("o", "ou", 1),
    };
    (0..n)
        .map(|d| {
            let mut text = format!("Report {d}\n\n");
            for _ in 0..6 {
                let who = variant(&names[next(pool)], next(4));
                let place = variant(&names[next(pool)], next(4));
                text.push_str(&format!(
                    "Minister {who} arrived in {place} on a visit. Officials said {who} would stay.\n\n"
                ));
            }
            (format!("doc{d:05}.txt"), text)
        })
        .collect()
}

fn stats_of(docs: &[(String, String)]) -> NameStats {
    let mut s = NameStats::default();
    for (name, text) in docs {
        s.merge(NameStats::of_text(name, text));
    }
    s
}

#[test]
fn doubling_the_corpus_at_most_doubles_the_comparisons() {
    let opts = DiscoverOptions::default();
    let lex = Lexicon::default();
    let small = discover(&stats_of(&generated(300, 7)), &lex, &opts);
    let large = discover(&stats_of(&generated(600, 7)), &lex, &opts);
    assert!(small.comparisons > 0);
    let ratio = large.comparisons as f64 / small.comparisons as f64;
    let forms = large.forms as f64 / small.forms as f64;
    assert!(
        ratio <= 2.3 && ratio <= forms * 1.25,
        "comparisons {} → {} (×{ratio:.2}), forms {} → {}",
        small.comparisons,
        large.comparisons,
        small.forms,
        large.forms
    );
    // Far fewer than all pairs.
    let pairs = (large.forms * (large.forms - 1) / 2) as u64;
    assert!(
        large.comparisons * 10 < pairs,
        "{} of {pairs}",
        large.comparisons
    );
}

fn write_corpus(dir: &Path, docs: &[(String, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in docs {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

#[test]
fn merged_shards_give_the_result_of_one_discover() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = generated(60, 11);
    let (a, b) = docs.split_at(25);
    let (da, db) = (tmp.path().join("a"), tmp.path().join("b"));
    write_corpus(&da, a);
    write_corpus(&db, b);
    let (sa, sb) = (tmp.path().join("a.json"), tmp.path().join("b.json"));
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    for (dir, shard) in [(&da, &sa), (&db, &sb)] {
        stdout(&emend(
            &["names", "discover", &s(dir), "--emit-stats", &s(shard)],
            b"",
        ));
    }
    for format in ["json", "toml", "table"] {
        let whole = stdout(&emend(
            &["names", "discover", &s(&da), &s(&db), "--format", format],
            b"",
        ));
        // Shards merge in any order.
        let merged = stdout(&emend(
            &["names", "merge", &s(&sb), &s(&sa), "--format", format],
            b"",
        ));
        assert_eq!(merged, whole, "{format}");
        assert!(whole.contains("Minister") || format != "json" || whole.contains("groups"));
    }
    let json = stdout(&emend(
        &["names", "merge", &s(&sa), &s(&sb), "--format", "json"],
        b"",
    ));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["documents"], 60);
    assert!(!v["groups"].as_array().unwrap().is_empty());
}

#[test]
fn a_bad_shard_is_an_error_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"emend_name_stats\": 9, \"documents\": 0, \"forms\": {}, \"lowercase\": {}}",
    )
    .unwrap();
    let out = emend(&["names", "merge", bad.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.json") && err.contains("version"), "{err}");
}

#[test]
fn learnt_variants_are_applied_on_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    let text = tmp.path().join("g.txt");
    std::fs::write(
        &text,
        "Talks\n\nArmenia and Azerbaijan held talks.\n\nThe talks went on. Passinyan met reporters on Monday in the capital.\n",
    )
    .unwrap();
    let t = text.to_str().unwrap();
    let diff = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["diff", t, "--format", "json"];
        args.extend_from_slice(extra);
        serde_json::from_str(&stdout(&emend(&args, b""))).unwrap()
    };
    let first = diff(&[]);
    let edit = first["edits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["before"] == "Passinyan")
        .expect("the garble is proposed")
        .clone();
    assert_eq!(edit["status"], "suggested", "{edit}");
    // Accept it in a decisions file.
    let decisions = serde_json::json!({
        "emend_decisions": 1,
        "edits": [{
            "fingerprint": edit["fingerprint"], "decision": "accept",
            "rule": edit["rule"], "before": edit["before"], "after": edit["after"]
        }]
    });
    let dec = tmp.path().join("d.json");
    std::fs::write(&dec, decisions.to_string()).unwrap();
    let lex = tmp.path().join("learned.toml");
    let l = lex.to_str().unwrap();
    let out = emend(
        &["names", "learn", dec.to_str().unwrap(), "--lexicon", l],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let learnt = std::fs::read_to_string(&lex).unwrap();
    assert!(learnt.contains("\"Passinyan\""), "{learnt}");
    // Without the decisions file, the lexicon now applies it by itself.
    let second = diff(&["--lexicon", l]);
    let edit = second["edits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["before"] == "Passinyan")
        .expect("still edited")
        .clone();
    assert_eq!(edit["status"], "applied", "{edit}");
    assert_eq!(edit["rule"], "names/variant", "{edit}");
    assert!(edit["confidence"].as_f64().unwrap() >= 0.9);
    // Learning twice adds nothing.
    stdout(&emend(
        &["names", "learn", dec.to_str().unwrap(), "--lexicon", l],
        b"",
    ));
    assert_eq!(std::fs::read_to_string(&lex).unwrap(), learnt);
}

#[test]
fn names_help_lists_the_three_commands() {
    let help = stdout(&emend(&["names", "--help"], b""));
    for cmd in ["discover", "merge", "learn"] {
        assert!(help.contains(cmd), "{help}");
    }
    assert!(root().join("docs/discover.md").exists());
}

#[test]
fn hostile_texts_never_panic_the_statistics() {
    let long_name = format!("Zz{}", "a".repeat(5_000));
    let caps_run = "Aaa ".repeat(2_000);
    let texts = [
        "",
        "\u{feff}",
        "İİİ ııı Ǆǅǆ ﬃ",
        "Ǫ̵̡̛̖̝̳̀́b̵̢͍̈́r̷̩̓a̶͕͐n̶̩͆ ́Z̶ą̶ł̶",
        "A-B-C-D-E-F. Mr. Dr. St. O'Brien O’Neill d'Artagnan al-Assad",
        "https://x.org/A_B_C Aaa@bbb.cc (Smith 2001) 10.1000/ABC",
        &long_name,
        &caps_run,
        "Kolvar\r\nKolwar\rKolvar\u{2028}Kolwar\u{0}Kolvar",
    ];
    let mut all = NameStats::default();
    for (k, t) in texts.iter().enumerate() {
        all.merge(NameStats::of_text(&format!("h{k}.txt"), t));
    }
    let opts = DiscoverOptions {
        min_count: 1,
        singletons: true,
        known: true,
        ..DiscoverOptions::default()
    };
    let d = discover(&all, &Lexicon::default(), &opts);
    let _ = (d.to_table(), d.to_json());
    let mut lex = Lexicon::default();
    lex.load("h.toml", &d.to_toml(&Lexicon::default()))
        .expect("TOML of hostile names still loads");
}
