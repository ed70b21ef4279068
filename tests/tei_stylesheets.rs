//! What a TEI user sees: every TEI file of `output/` and every converted
//! fixture, rendered by the TEI Consortium's stylesheets, shows exactly
//! emend's reading text (the clean text).
//!
//! - `html/html.xsl`: the visible text of the page (tests/tei/render.py says
//!   what is left out as the stylesheet's own: page header and footer,
//!   table of contents, heading numbers, note labels) equals the clean text,
//!   whitespace folded;
//! - `txt/tei-to-text.xsl`: it writes every text node on a line of its own
//!   and prints the `standOff` (proposals, entity records) after the text,
//!   so its output without whitespace begins with the clean text without
//!   whitespace;
//! - README's XPath recipe: the reading text it selects is the clean text,
//!   whitespace folded; the source text it selects is the source, but for
//!   whitespace.
//!
//! Needs the stylesheets (`EMEND_TEI_STYLESHEETS`, default
//! `../shared/tei-stylesheets`) and a Python with PyPI `saxonche`
//! (`EMEND_PYTHON`, default `python3`; `.ci/run` makes a virtual
//! environment). Without them the test says so on its output and passes.

use crate::common::{root, skipped, squeeze, txt_files};
use emend::emit::Format;
use emend::{Engine, Options};
use std::path::PathBuf;
use std::process::Command;

const TEST: &str = "tei_stylesheets";

fn renderer() -> Option<(String, PathBuf)> {
    let sheets = std::env::var_os("EMEND_TEI_STYLESHEETS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/tei-stylesheets"));
    if !sheets.join("html/html.xsl").exists() {
        skipped(
            TEST,
            &format!(
                "no TEI stylesheets at {} (set EMEND_TEI_STYLESHEETS)",
                sheets.display()
            ),
        );
        return None;
    }
    let python = std::env::var("EMEND_PYTHON").unwrap_or_else(|_| "python3".into());
    let has_saxon = Command::new(&python)
        .args(["-c", "import saxonche"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_saxon {
        skipped(
            TEST,
            &format!(
                "{python} cannot import saxonche (make a venv with it: see .ci/run; set EMEND_PYTHON)"
            ),
        );
        return None;
    }
    Some((python, sheets))
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_stylesheets_render_the_reading_text() {
    let Some((python, sheets)) = renderer() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    // (TEI file, clean text, source text)
    let mut files: Vec<(PathBuf, String, String)> = std::fs::read_dir(root().join("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .map(|p| {
            let clean = std::fs::read_to_string(p.with_extension("txt")).unwrap();
            let input = root()
                .join("input")
                .join(p.with_extension("txt").file_name().unwrap());
            let source = String::from_utf8_lossy(&std::fs::read(input).unwrap()).into_owned();
            (p, clean, source)
        })
        .collect();
    let engine = Engine::new(Options::default()).unwrap();
    for dir in [
        "convert",
        "structure",
        "artefacts",
        "layout",
        "names",
        "discover",
    ] {
        let dir = root().join("tests/fixtures").join(dir);
        if !dir.is_dir() {
            continue;
        }
        for fixture in txt_files(&dir) {
            // some fixtures are inputs emend refuses (side-by-side columns)
            let Ok(c) = engine.convert_bytes("f.txt", &std::fs::read(&fixture).unwrap()) else {
                continue;
            };
            let name = format!(
                "{}-{}",
                dir.file_name().unwrap().to_string_lossy(),
                fixture.file_stem().unwrap().to_string_lossy()
            );
            let out = tmp.path().join(name).with_extension("xml");
            std::fs::write(&out, Format::Tei.render(&c)).unwrap();
            files.push((out, Format::Text.render(&c), c.source.text.clone()));
        }
    }
    assert!(files.len() >= 3);
    let (reading, source) = xpath_recipe();
    let o = Command::new(&python)
        .arg(root().join("tests/tei/render.py"))
        .arg(&sheets)
        .args([&reading, &source])
        .args(files.iter().map(|(f, _, _)| f))
        .output()
        .expect("the renderer runs");
    assert!(
        o.status.success(),
        "render.py failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rendered: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rendered.len(), files.len());
    let mut wrong = Vec::new();
    for ((file, clean, source), r) in files.iter().zip(&rendered) {
        let html = fold(r["html"].as_str().unwrap());
        if html != fold(clean) {
            wrong.push(format!(
                "{}: HTML shows\n  {}\nbut the reading text is\n  {}",
                file.display(),
                first_difference(&html, &fold(clean)),
                first_difference(&fold(clean), &html)
            ));
        }
        let txt = squeeze(r["txt"].as_str().unwrap());
        if !txt.starts_with(&squeeze(clean)) {
            wrong.push(format!(
                "{}: the text rendering does not begin with the reading text:\n  {}",
                file.display(),
                first_difference(&txt, &squeeze(clean))
            ));
        }
        let reading = fold(r["reading"].as_str().unwrap());
        if reading != fold(clean) {
            wrong.push(format!(
                "{}: README's reading-text XPath gives\n  {}",
                file.display(),
                first_difference(&reading, &fold(clean))
            ));
        }
        // characters XML cannot hold are `g` elements, not text
        let source: String = squeeze(source)
            .chars()
            .filter(|&c| !emend::passes::is_xml_forbidden(c))
            .collect();
        let original = squeeze(r["source"].as_str().unwrap());
        if original != source {
            wrong.push(format!(
                "{}: README's source-text XPath gives\n  {}",
                file.display(),
                first_difference(&original, &source)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The two XPath expressions of README's recipe (the block after
/// `<!-- xpath-recipe -->`): reading text, source text.
fn xpath_recipe() -> (String, String) {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block = readme
        .split("<!-- xpath-recipe -->")
        .nth(1)
        .expect("README has the XPath recipe");
    let line = |label: &str| {
        block
            .lines()
            .find_map(|l| l.strip_prefix(label))
            .unwrap_or_else(|| panic!("README's recipe has a line {label:?}"))
            .trim()
            .to_owned()
    };
    (line("reading text:"), line("source text:"))
}

/// `a` around the first character where it differs from `b`.
fn first_difference(a: &str, b: &str) -> String {
    let at = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let mut from = at.saturating_sub(80);
    while !a.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 80).min(a.len());
    while !a.is_char_boundary(to) {
        to += 1;
    }
    format!("…{}…", &a[from..to])
}
