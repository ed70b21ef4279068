//! The document profile: each sample is taken for what it is, rules act only
//! within their scope, and the profile is visible in every output.

use crate::common::{emend, root};
use emend::profile::SourceKind;

fn sample(name: &str) -> emend::Conversion {
    let text = std::fs::read_to_string(root().join("input").join(name)).unwrap();
    emend::convert_text(name, &text)
}

#[test]
fn each_sample_is_profiled_right() {
    for (name, kind) in [
        ("000_a71a6aafaf2180f0.txt", SourceKind::PdfExtract),
        ("001_53efc7abfe202dd4.txt", SourceKind::WebCopy),
        ("002_cb372d90f576539b.txt", SourceKind::MtNews),
    ] {
        let c = sample(name);
        assert_eq!(c.profile.lang.tag(), "en", "{name}");
        assert_eq!(c.profile.script, Some("Latn"), "{name}");
        assert_eq!(
            c.profile.kind, kind,
            "{name}: {:?}",
            c.profile.kind_evidence
        );
        assert!(c.profile.kind_confidence >= 0.8, "{name}");
        assert!(!c.profile.kind_evidence.is_empty(), "{name}");
    }
    // the paper's Azerbaijani references are marked as such
    let c = sample("000_a71a6aafaf2180f0.txt");
    assert!(c.profile.block_langs.iter().any(|(_, l)| l.tag() == "az"));
}

fn rules_run(c: &emend::Conversion) -> Vec<&'static str> {
    c.rules.iter().map(|r| r.id).collect()
}

#[test]
fn page_rules_run_only_on_paginated_sources() {
    // a paper: joins mends paragraphs broken at a page end
    let paper = sample("000_a71a6aafaf2180f0.txt");
    assert!(rules_run(&paper).contains(&"joins"));
    assert!(paper.edits.iter().any(|e| e.rule.starts_with("joins")));
    // a web copy and segmented news: neither joins nor pages run
    for name in ["001_53efc7abfe202dd4.txt", "002_cb372d90f576539b.txt"] {
        let c = sample(name);
        let run = rules_run(&c);
        assert!(!run.contains(&"joins") && !run.contains(&"pages"), "{name}");
    }
    // a page break makes them run whatever the kind
    let mut t = String::new();
    for n in 1..=3 {
        for _ in 0..10 {
            t.push_str("The council met on the first day of the month and discussed the budget of the city at length.\n\n");
        }
        t.push_str(&format!("{n}\n\x0c"));
    }
    let c = emend::convert_text("paged.txt", &t);
    assert!(c.profile.page_breaks);
    assert!(rules_run(&c).contains(&"pages"));
}

#[test]
fn a_web_copy_broken_paragraph_is_not_joined() {
    let t = "Home\nNews\nSport\nWeather\nContact\n\nThe city council voted on Monday to expand the tram network across the northern districts, a plan that\n\nwill cost more than expected according to officials.\n\nShare\nTweet\nLeave a Reply\n";
    let c = emend::convert_text("web.txt", t);
    assert_eq!(c.profile.kind, SourceKind::WebCopy);
    assert!(c.edits.iter().all(|e| !e.rule.starts_with("joins")));
}

#[test]
fn names_are_linked_not_rewritten_in_german_text() {
    let t = "Die Olympischen Spiele in Peking werden ohne die große Top-Favoritin stattfinden, sagte der Verband am Montag.\n\n\
             Der Brief aus Moskau erreichte die Redaktion erst nach dem Wochenende, wie die Zeitung berichtete.\n";
    let c = emend::convert_text("de.txt", t);
    assert_eq!(c.profile.lang.tag(), "de");
    assert_eq!(c.clean, t, "German text keeps its names");
    assert!(
        c.edits
            .iter()
            .all(|e| e.category != emend::edit::Category::Name)
    );
    // the names are still recognised
    assert!(c.mentions.iter().any(|m| &*m.entity == "moscow"));
    // and a rewrite proposed by a name rule is dropped saying why (the
    // names pass proposes none here: its packs are off without their
    // context, and "Moskau" is no variant it guesses at)
    assert!(
        c.dropped
            .iter()
            .filter(|d| d.edit.category == emend::edit::Category::Name && !d.edit.after.is_empty())
            .all(|d| d.reason.contains("German")),
        "{:?}",
        c.dropped
    );
}

#[test]
fn a_german_example_in_an_english_paper_keeps_its_names() {
    let t = "Place names travel between languages in ways that translators and editors rarely notice at all.\n\n\
             Die Regierung von Aserbaidschan hat am Montag neue Gespräche mit dem Nachbarland angekündigt, hieß es.\n\n\
             The example above uses the German form of the country's name, which an English text would not use.\n";
    let c = emend::convert_text("paper.txt", t);
    assert_eq!(c.profile.lang.tag(), "en");
    assert!(c.clean.contains("Aserbaidschan"), "{}", c.clean);
}

#[test]
fn code_is_kept_verbatim() {
    let t = "The loop below keeps every prime it finds in a list for later use by the sieve.\n\n// (*) store primes\n\nThat is the whole program, and it runs in linear time on any input at all.\n";
    let c = emend::convert_text("code.txt", t);
    assert!(c.clean.contains("// (*) store primes"), "{}", c.clean);
}

#[test]
fn the_profile_is_visible_in_tei_log_and_diff() {
    let out = emend(
        &["convert", "input/000_a71a6aafaf2180f0.txt", "--to", "json"],
        b"",
    );
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["profile"]["kind"], "pdf-extract");
    assert_eq!(log["profile"]["lang"], "en");
    let out = emend(&["convert", "input/000_a71a6aafaf2180f0.txt"], b"");
    let tei = String::from_utf8(out.stdout).unwrap();
    assert!(tei.contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">"));
    assert!(tei.contains("<langUsage><language ident=\"en\""));
    assert!(tei.contains("<term type=\"source-kind\">pdf-extract</term>"));
    assert!(tei.contains("xml:lang=\"az\""));
    let out = emend(&["diff", "input/002_cb372d90f576539b.txt"], b"");
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.lines().nth(1).unwrap().contains("mt-news"), "{diff}");
}

#[test]
fn lang_and_kind_can_be_given() {
    let out = emend(
        &[
            "convert",
            "input/002_cb372d90f576539b.txt",
            "--to",
            "json",
            "--kind",
            "pdf-extract",
            "--lang",
            "en",
            "-v",
        ],
        b"",
    );
    assert!(out.status.success());
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["profile"]["kind"], "pdf-extract");
    assert_eq!(log["profile"]["kind_confidence"], 1.0);
    let why = String::from_utf8(out.stderr).unwrap();
    assert!(
        why.contains("given by the user (--kind pdf-extract)"),
        "{why}"
    );
    assert!(why.contains("rules run:") && why.contains("joins"), "{why}");
    let out = emend(
        &["convert", "input/002_cb372d90f576539b.txt", "--lang", "xx"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
}
