//! emend's own TEI customisation, `schemas/emend-tei.rng`: every TEI file in
//! `output/`, every converted fixture and sample, and a few hundred generated
//! texts validate against it — with jing (when there, like
//! tests/tei_schema.rs) and with the in-process validator behind
//! `emend check` — and hand-broken documents are rejected by both.
//!
//! jing: have `jing` on the PATH (Debian package `jing`) or `EMEND_JING`
//! naming it. Without it the jing half says so and passes, except under CI
//! (`CI` set), where it fails loudly. The in-process half always runs.

use crate::common::{root, txt_files};
use emend::check::{ProblemKind, check};
use emend::emit::tei;
use emend::{Engine, Options};
use std::path::{Path, PathBuf};
use std::process::Command;

fn schema() -> PathBuf {
    root().join("schemas/emend-tei.rng")
}

fn jing() -> Option<String> {
    let jing = std::env::var("EMEND_JING").unwrap_or_else(|_| "jing".into());
    if Command::new(&jing).arg("-h").output().is_ok() {
        return Some(jing);
    }
    let msg = "validating with jing needs jing on the PATH or EMEND_JING";
    assert!(std::env::var_os("CI").is_none(), "{msg}");
    eprintln!("skipped: {msg}");
    None
}

/// jing's verdict on each file: Ok or its messages.
fn jing_each(jing: &str, files: &[PathBuf]) -> Vec<Result<(), String>> {
    files
        .iter()
        .map(|f| {
            let o = Command::new(jing)
                .arg(schema())
                .arg(f)
                .output()
                .expect("jing runs");
            if o.status.success() {
                Ok(())
            } else {
                Err(String::from_utf8_lossy(&o.stdout).into_owned())
            }
        })
        .collect()
}

/// A small deterministic generator of texts made of the pieces emend gives
/// structure to: front matter, headings, lists, figures, citations and a
/// bibliography, markdown, URLs, names in variant spellings, controls.
fn generated_texts(n: usize) -> Vec<String> {
    const PIECES: &[&str] = &[
        "THE SECOND WAR IN THE MOUNTAINS",
        "A Study of Ceasefires and Their Aftermath",
        "John Smith, Jane Doe",
        "Department of History, Example University, Baku",
        "ORCID: 0000-0002-1825-0097",
        "E-mail: someone@example.org",
        "DOI: 10.1000/xyz123",
        "Abstract: This paper studies the ceasefire of 2020 and what came after it.",
        "Keywords: ceasefire; mediation; Karabakh",
        "Introduction",
        "1. Background",
        "1.1 Earlier talks",
        "STEPANAKERT, 10 November - The talks went on late into the night.",
        "By Our Correspondent",
        "The Prime Minister Nikol Pashinian met Ilham Aliev in Moscow.",
        "The war , it “ goes on” and on .",
        "Turkey. Turkey has said little so far.",
        "- first point of the list\n- second point of the list\n- third point",
        "1) one thing\n2) another thing",
        "A view of the city after the shelling. Photo: AFP",
        "As an AI language model, I cannot browse the internet.",
        "Read more at https://example.org/news?id=1&x=<2> and [the report](https://example.org/r).",
        "This is **bold** and this is *italic* text.",
        "As shown earlier (Smith, 2019) and in [1], [2].",
        "Control\u{1} characters\u{b} and \u{FFFE} noncharacters.",
        "Subscribe to our newsletter for more news.",
        "The the repeated words words here.",
        "Azerbaidjan and Armenia signed, Russia and Turkey watched.",
        "<tag> & ]]> \"quotes\" 'apostrophes'",
        "",
    ];
    const BIBL: &[&str] = &[
        "References",
        "[1] Smith, J. (2019). A book. London: Press.",
        "[2] Doe, J. (2020). An article. Journal 3(2), 1-20. https://doi.org/10.1000/abc",
        "3. De Waal, T. Black Garden. 2003.",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    (0..n)
        .map(|_| {
            let len = 1 + next(12);
            let mut parts: Vec<&str> = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            if next(3) == 0 {
                parts.extend(&BIBL[..1 + next(BIBL.len())]);
            }
            let sep = ["\n\n", "\n", "\r\n\r\n", "\n\n\n"][next(4)];
            parts.join(sep)
        })
        .collect()
}

/// Every TEI emend writes for the samples, the fixtures and generated texts.
fn converted() -> Vec<(String, String)> {
    let engine = Engine::new(Options::default()).unwrap();
    let mut out = Vec::new();
    let mut inputs: Vec<PathBuf> = txt_files(&root().join("input"));
    inputs.extend(txt_files(&root().join("tests/fixtures/convert")));
    inputs.extend(txt_files(&root().join("tests/fixtures/structure")));
    for path in inputs {
        let c = engine
            .convert_bytes("f.txt", &std::fs::read(&path).unwrap())
            .unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, tei::to_string(&c)));
    }
    for (i, text) in generated_texts(150).iter().enumerate() {
        let c = engine.convert_bytes("g.txt", text.as_bytes()).unwrap();
        out.push((format!("generated-{i:03}.txt"), tei::to_string(&c)));
    }
    out
}

fn output_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    files
}

#[test]
fn outputs_fixtures_and_generated_texts_are_valid_emend_tei() {
    let tmp = tempfile::tempdir().unwrap();
    let mut files = output_files();
    assert!(files.len() >= 3);
    for (name, xml) in converted() {
        let problems = check(&xml, &name);
        assert!(
            problems.is_empty(),
            "{name}:\n{}\n{xml}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
        let out = tmp.path().join(Path::new(&name).with_extension("xml"));
        std::fs::write(&out, xml).unwrap();
        files.push(out);
    }
    for f in output_files() {
        let problems = check(&std::fs::read_to_string(&f).unwrap(), "out.xml");
        assert!(problems.is_empty(), "{}: {problems:#?}", f.display());
    }
    let Some(jing) = jing() else { return };
    let o = Command::new(&jing)
        .arg(schema())
        .args(&files)
        .output()
        .expect("jing runs");
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "emend-tei.rng validation failed:\n{report}"
    );
}

/// A valid document with each thing the broken variants break.
fn base() -> String {
    let c = emend::convert_text(
        "b.txt",
        "WAR NEWS\n\nThe Prime Minister Nikol Pashinian met Ilham Aliev in **Baku**.\u{1}\n\nSee [1].\n\nReferences\n\n[1] A book.",
    );
    tei::to_string(&c)
}

/// Hand-broken documents, each against one rule of the subset.
fn broken() -> Vec<(&'static str, String)> {
    let base = base();
    for needed in [
        "<orig>",
        "<surplus reason=\"markup\"",
        "cert=\"0.95\"",
        "resp=\"#rule.names\"",
        "<persName ref=\"#",
        "target=\"#bibl.",
        "<g type=\"xml-forbidden\" n=\"U+0001\"/>",
    ] {
        assert!(
            base.contains(needed),
            "the base document lacks {needed}:\n{base}"
        );
    }
    let one = |from: &str, to: &str| base.replacen(from, to, 1);
    vec![
        (
            "choice with orig and corr",
            base.replacen("<reg>", "<corr>", 1)
                .replacen("</reg>", "</corr>", 1),
        ),
        (
            "reg typed other than proposed",
            one("<reg>", "<reg type=\"maybe\">"),
        ),
        (
            "surplus for a reason emend never gives",
            one("reason=\"markup\"", "reason=\"dislike\""),
        ),
        ("certainty above 1", one("cert=\"0.95\"", "cert=\"1.5\"")),
        (
            "certainty not a number",
            one("cert=\"0.95\"", "cert=\"high\""),
        ),
        (
            "resp that is not a rule pointer",
            one("resp=\"#rule.names\"", "resp=\"rule.names\""),
        ),
        (
            "name ref without the hash",
            one("<persName ref=\"#", "<persName ref=\""),
        ),
        ("choice without its edit id", one(" n=\"e1\"", "")),
        (
            "an element emend never writes",
            one("<body>", "<body><ab>x</ab>"),
        ),
        ("p directly in text", one("<body>", "<p>x</p><body>")),
        (
            "a division without its head",
            one("<body>", "<body><div><p>x</p></div>"),
        ),
        (
            "g with another type",
            one("type=\"xml-forbidden\"", "type=\"other\""),
        ),
        (
            "a citation pointing outside the bibliography",
            one("target=\"#bibl.", "target=\"#note."),
        ),
        ("a second body", one("</body>", "</body><body><p/></body>")),
    ]
}

#[test]
fn hand_broken_documents_are_rejected() {
    assert!(check(&base(), "base.xml").is_empty());
    let cases = broken();
    for (what, xml) in &cases {
        let problems = check(xml, "broken.xml");
        assert!(
            problems.iter().any(|p| p.kind == ProblemKind::Schema),
            "{what}: accepted by the in-process validator ({problems:#?})"
        );
    }
    let Some(jing) = jing() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = cases
        .iter()
        .enumerate()
        .map(|(i, (_, xml))| {
            let f = tmp.path().join(format!("broken-{i:02}.xml"));
            std::fs::write(&f, xml).unwrap();
            f
        })
        .collect();
    for ((what, _), verdict) in cases.iter().zip(jing_each(&jing, &files)) {
        assert!(verdict.is_err(), "{what}: accepted by jing");
    }
}
