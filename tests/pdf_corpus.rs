//! Papers pasted from PDF (`../shared/corpora/pdf`, pdftotext output with a
//! hand annotation each): every line the annotation says must survive is
//! still in the clean text, and no applied edit that changes more than
//! spacing, quotes or character forms touches one. Skipped when the corpus
//! is absent.

use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Text compared as the corpus scorer compares it: no whitespace or
/// control characters, one quote style, NFC (which keeps ligatures: the
/// `ligatures` rule only proposes their letters).
fn squeeze(s: &str) -> String {
    s.nfc()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' | '′' => '\'',
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
            c => c,
        })
        .collect::<String>()
}

#[test]
fn must_keep_lines_of_the_pdf_corpus_survive_undamaged() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/pdf");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    };
    let mut golds: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    let mut checked = 0;
    for gold_path in golds {
        let name = gold_path.to_string_lossy().replace(".gold.json", "");
        let Ok(text) = std::fs::read_to_string(format!("{name}.txt")) else {
            continue;
        };
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("readable"))
                .expect("valid JSON");
        let c = emend::convert_text("paper.txt", &text);
        let clean = squeeze(&c.clean);
        for line in gold["must_keep"].as_array().into_iter().flatten() {
            let line = line.as_str().expect("a string");
            assert!(clean.contains(&squeeze(line)), "{name}: lost {line:?}");
            // the source lines holding it, and the applied edits on them
            let mut at = 0;
            while let Some(i) = text[at..].find(line) {
                let (a, b) = (at + i, at + i + line.len());
                for e in c.edits.iter().filter(|e| e.is_applied()) {
                    let harmless = squeeze(&e.before) == squeeze(&e.after);
                    assert!(
                        harmless || e.span.end <= a || e.span.start >= b,
                        "{name}: {} changed {:?} to {:?} in {line:?}",
                        e.rule,
                        e.before,
                        e.after
                    );
                }
                at = b;
            }
        }
        checked += 1;
    }
    eprintln!("{checked} papers checked");
}

/// `pdftotext -layout` output (two columns side by side, hand-made pages
/// in `tests/fixtures/layout/`: one page with a fixed column, and two
/// pages whose right column starts further right on the second, as poppler
/// places it page by page) is refused with a message naming the file, the
/// line and the column where the right-hand column starts; the batch
/// writes nothing for it.
#[test]
fn two_columns_side_by_side_are_refused_naming_the_file_and_line() {
    for (name, place) in [
        ("two_columns", "two_columns.txt:5:43"),
        ("two_pages", "two_pages.txt:5:47"),
    ] {
        let fixture = crate::common::root().join(format!("tests/fixtures/layout/{name}.txt"));
        let tmp = tempfile::tempdir().expect("tmp");
        let out = tmp.path().join("out");
        let o = crate::common::emend(
            &[
                "convert",
                fixture.to_str().expect("utf-8 path"),
                "--out",
                out.to_str().expect("utf-8 path"),
            ],
            b"",
        );
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(place) && err.contains("pdftotext -layout"),
            "{err}"
        );
        assert!(!out.join(format!("{name}.xml")).exists());
    }
}

/// A title page as pdftotext writes it (a hand-made one): the addresses
/// of a shared host listed in braces, with a space after the comma, and
/// an ORCID line under an address, reach the header one per author,
/// while the lines stay in the text as they stand.
#[test]
fn title_page_addresses_and_orcid_go_to_each_author() {
    let text = "A Study of Shared Queues in Busy Clusters\n\
        Ann Lee∗ , Bo Chen∗ and Cy Ruiz†\n\
        Example University∗\n\
        {alee, bchen}@cs.example.edu\n\
        Other Institute†\n\
        cy.ruiz@other.example.org\n\
        ORCID: 0000-0002-1825-0097\n\
        Abstract\n\
        We study how shared queues of busy clusters are ordered and who waits.\n\
        \x0cThe second page goes on with the study of the queues.\n";
    let c = emend::convert_text("paper.txt", text);
    let tei = emend::emit::tei::to_string(&c);
    let header = &tei[..tei.find("</teiHeader>").expect("a header")];
    for author in [
        "<persName>Ann Lee</persName><email>alee@cs.example.edu</email>",
        "<persName>Bo Chen</persName><email>bchen@cs.example.edu</email>",
        "<persName>Cy Ruiz</persName><idno type=\"ORCID\">0000-0002-1825-0097</idno><email>cy.ruiz@other.example.org</email>",
    ] {
        assert!(header.contains(author), "{author} not in {header}");
    }
    // nothing lost: the list stands in the text as it was
    assert!(c.clean.contains("{alee, bchen}@cs.example.edu"));
}

/// A hand-made IEEE-style first page: the price and copyright line with
/// its DOI at the foot of the page goes out of the sentence it fell into
/// (kept in the TEI as `fw`), the paragraph broken by the page joins
/// across it, and the header gets the licence and the ISBN (its check
/// digit holds).
#[test]
fn a_publisher_stamp_goes_to_the_header_and_the_paragraph_joins() {
    let text = "A Study of Shared Queues in Busy Clusters\nAnn Lee\nExample University\n\
        alee@cs.example.edu\nAbstract\n\
        We study how shared queues of busy clusters are ordered and who waits for whom.\n\
        I. INTRODUCTION\n\
        Queues that many users share are ordered by a policy, and the policy decides how\n\
        978-0-7695-3958-4/10 $26.00 © 2010 IEEE\nDOI 10.1109/X.2010.49\n\n\
        \x0cthe users wait. We compare three policies on the logs of a year.\n\
        \x0cThe results hold on both halves of the year and on the busiest week.\n";
    let c = emend::convert_text("paper.txt", text);
    assert!(
        c.clean
            .contains("the policy decides how the users wait. We compare"),
        "{}",
        c.clean
    );
    assert!(!c.clean.contains("$26.00"));
    let tei = emend::emit::tei::to_string(&c);
    let fw = tei.find("<fw type=\"stamp\">").expect("the stamp as fw");
    assert!(tei[fw..].starts_with("<fw type=\"stamp\">\n978-0-7695-3958-4/10 $26.00 © 2010 IEEE"));
    let header = &tei[..tei.find("</teiHeader>").expect("a header")];
    assert!(header.contains("<licence>978-0-7695-3958-4/10 $26.00 © 2010 IEEE"));
    assert!(header.contains("<idno type=\"ISBN\">978-0-7695-3958-4</idno>"));
}
