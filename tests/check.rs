//! `emend check`: good files pass quietly; each kind of damage is reported
//! as `FILE:LINE:COL: problem` with exit status 1; usage errors exit 2.

use crate::common::{emend, root};
use std::path::Path;

fn tei_of(text: &str) -> String {
    emend::emit::tei::to_string(&emend::convert_text("t.txt", text))
}

const TEXT: &str = "WAR NEWS\n\nThe Prime Minister Nikol Pashinian met Ilham Aliev in Baku.\n\nSee [1].\n\nReferences\n\n[1] A book.";

fn run(files: &[&Path]) -> (i32, String, String) {
    let mut args = vec!["check".to_owned()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = emend(&args, b"");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn emends_outputs_pass_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let fresh = tmp.path().join("fresh.xml");
    std::fs::write(&fresh, tei_of(TEXT)).unwrap();
    let mut files = vec![fresh.clone()];
    for e in std::fs::read_dir(root().join("output")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "xml") {
            files.push(p);
        }
    }
    let refs: Vec<&Path> = files.iter().map(|p| p.as_path()).collect();
    let (code, out, err) = run(&refs);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "");
}

#[test]
fn each_kind_of_damage_is_reported_with_its_position() {
    let good = tei_of(TEXT);
    let tmp = tempfile::tempdir().unwrap();
    let write = |name: &str, xml: &str| {
        let p = tmp.path().join(name);
        std::fs::write(&p, xml).unwrap();
        p
    };
    // Damage on a known line: put it on a line of its own after <body>.
    let body_line = good.lines().position(|l| l == "<body>").unwrap() + 1;
    let unclosed = write(
        "unclosed.xml",
        &good.replacen("<body>\n", "<body>\n<p>never closed\n", 1),
    );
    let invalid = write(
        "invalid.xml",
        &good.replacen("<body>\n", "<body>\n<ab>not emend's</ab>\n", 1),
    );
    let dangling = write(
        "dangling.xml",
        &good.replacen(
            "<body>\n",
            "<body>\n<p><persName ref=\"#nobody\">Nobody</persName></p>\n",
            1,
        ),
    );
    let twice = write(
        "twice.xml",
        &good.replacen("xml:id=\"bibl.", "xml:id=\"emend\" data-x=\"bibl.", 1),
    );
    let not_utf8 = write("latin1.xml", "");
    std::fs::write(&not_utf8, b"<TEI>caf\xe9</TEI>").unwrap();
    let (code, out, _) = run(&[&unclosed, &invalid, &dangling, &twice, &not_utf8]);
    assert_eq!(code, 1, "{out}");
    let line_of = |file: &Path| -> Vec<String> {
        let prefix = format!("{}:", file.display());
        out.lines()
            .filter(|l| l.starts_with(&prefix))
            .map(|l| l[prefix.len()..].to_owned())
            .collect()
    };
    let u = line_of(&unclosed);
    assert_eq!(u.len(), 1, "{out}");
    assert!(u[0].contains("not well-formed"), "{out}");
    let i = line_of(&invalid);
    assert!(
        i.iter().any(
            |l| l.starts_with(&format!("{}:1: not valid emend TEI", body_line + 1))
                && l.contains("ab")
        ),
        "{out}"
    );
    let d = line_of(&dangling);
    assert!(
        d.iter()
            .any(|l| l.starts_with(&format!("{}:", body_line + 1))
                && l.contains("no element has xml:id \"nobody\"")),
        "{out}"
    );
    let t = line_of(&twice);
    assert!(t.iter().any(|l| l.contains("used twice")), "{out}");
    let n = line_of(&not_utf8);
    assert!(n.iter().any(|l| l.contains("not UTF-8")), "{out}");
}

#[test]
fn a_document_restore_cannot_read_is_reported() {
    let good = tei_of(TEXT);
    // the text element renamed, attributes and all (it carries @xml:lang)
    let renamed = good.replace("<text", "<txt").replace("</text>", "</txt>");
    let problems = emend::check::check(&renamed, "x.xml");
    assert!(
        problems
            .iter()
            .any(|p| p.kind == emend::check::ProblemKind::Restore),
        "{problems:#?}"
    );
}

#[test]
fn a_good_and_a_bad_file_exit_1_and_usage_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.xml");
    std::fs::write(&good, tei_of("Some text.")).unwrap();
    let missing = tmp.path().join("missing.xml");
    let (code, out, _) = run(&[&good, &missing]);
    assert_eq!(code, 1);
    assert!(out.contains("missing.xml: cannot read"), "{out}");
    assert!(!out.contains("good.xml"), "{out}");
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2, "{err}");
}
