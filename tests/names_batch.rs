//! The batch's agreement as evidence for a document's name variants: the
//! spelling the other translations of the same text write gives the
//! direction; unrelated documents of the batch give none.

use emend::names::batch::{MIN_DOCUMENTS, NameCounts};
use emend::{Engine, Options};

/// One translation of an invented news text, with `given` as the spelling of
/// the minister's given name.
fn translation(given: &str, i: usize) -> String {
    format!(
        "Minister {given} Vorontsov visited Ustkamensk on Monday, version {i}.\n\n\
         In Ustkamensk the governor Pavel Merkulin met the delegation of Belozersk.\n\n\
         Later {given} Vorontsov spoke to the press in Belozersk.\n"
    )
}

/// An unrelated page of the batch that writes `word`.
fn unrelated(word: &str, i: usize) -> String {
    format!("Follow us on {word} for page {i} of the garden journal.\n")
}

fn rewrites<'a>(c: &'a emend::Conversion, before: &str) -> Vec<&'a emend::Edit> {
    c.edits
        .iter()
        .filter(|e| e.before == before && e.rule.starts_with("names/"))
        .collect()
}

#[test]
fn the_spelling_other_translations_agree_on_gives_the_direction() {
    // the document writes "Dmitri" twice and "Dmitry" once; every other
    // translation of the text writes "Dmitry"
    let doc = "Minister Dmitri Vorontsov visited Ustkamensk on Monday.\n\n\
               In Ustkamensk the governor Pavel Merkulin met the delegation of Belozersk.\n\n\
               Later Dmitry Vorontsov spoke to the press in Belozersk, and Dmitri Vorontsov left.\n";
    let alone = Engine::new(Options::default()).expect("engine");
    let c = alone.convert_bytes("d.txt", doc.as_bytes()).expect("alone");
    assert!(
        rewrites(&c, "Dmitri").is_empty(),
        "alone, the document's majority wins"
    );
    // nine other translations in a batch of six hundred pages: their names
    // are rare in the batch, and shared with the document
    let mut counts = NameCounts::default();
    counts.add_document(doc);
    for i in 0..9 {
        counts.add_document(&translation("Dmitry", i));
    }
    for i in 0..60 * MIN_DOCUMENTS as usize {
        counts.add_document(&unrelated("Twitter", i));
    }
    let batch = Engine::new(Options::default())
        .expect("engine")
        .with_corpus_names(counts);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    let edits = rewrites(&c, "Dmitri");
    assert_eq!(edits.len(), 2, "{:#?}", c.edits);
    for e in edits {
        assert_eq!(e.after, "Dmitry");
        let note = e.note.as_deref().unwrap_or("");
        assert!(note.contains("share its rarer names"), "{note}");
    }
}

#[test]
fn unrelated_documents_of_the_batch_are_no_evidence() {
    // "Tweeter" beside "Twitter" in one page; a hundred unrelated pages write
    // "Twitter": that says nothing about this page
    let doc = "Follow the Garden Club of Ashbury on Tweeter and on Twitter.\n\n\
               The Ashbury show opens in May.\n";
    let mut counts = NameCounts::default();
    counts.add_document(doc);
    for i in 0..100 {
        counts.add_document(&unrelated("Twitter", i));
    }
    let batch = Engine::new(Options::default())
        .expect("engine")
        .with_corpus_names(counts);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    assert!(
        rewrites(&c, "Tweeter")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
}
