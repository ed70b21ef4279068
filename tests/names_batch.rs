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

#[test]
fn a_batch_convert_uses_the_name_counts_unless_told_not_to() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    let doc = "Minister Dmitri Vorontsov visited Ustkamensk on Monday.\n\n\
               In Ustkamensk the governor Pavel Merkulin met the delegation of Belozersk.\n\n\
               Later Dmitry Vorontsov spoke to the press in Belozersk, and Dmitri Vorontsov left.\n";
    std::fs::write(dir.join("doc.txt"), doc).unwrap();
    for i in 0..9 {
        std::fs::write(dir.join(format!("t{i}.txt")), translation("Dmitry", i)).unwrap();
    }
    for i in 0..60 * MIN_DOCUMENTS as usize {
        std::fs::write(dir.join(format!("u{i}.txt")), unrelated("Twitter", i)).unwrap();
    }
    // the rewrites of "Dmitri" in the document's edit log
    let rewrites = |extra: &[&str]| {
        let out = tmp.path().join("out");
        let mut args = vec!["convert", dir.to_str().unwrap(), "--out"];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(&["--force", "-q"]);
        args.extend_from_slice(extra);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_emend"))
            .args(&args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let log: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join("doc.edits.json")).unwrap())
                .unwrap();
        log["edits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["before"] == "Dmitri" && e["after"] == "Dmitry")
            .count()
    };
    assert_eq!(rewrites(&[]), 2);
    assert_eq!(rewrites(&["--no-name-counts"]), 0);
}

/// A batch of `n` other translations of one invented Chinese news text,
/// made by `doc`, with six hundred unrelated pages.
fn batch_of(text: &str, n: usize, doc: impl Fn(usize) -> String) -> NameCounts {
    let mut counts = NameCounts::default();
    counts.add_document(text);
    for i in 0..n {
        counts.add_document(&doc(i));
    }
    for i in 0..60 * MIN_DOCUMENTS as usize {
        counts.add_document(&unrelated("Twitter", i));
    }
    counts
}

fn convert_in(counts: Option<NameCounts>, text: &str) -> emend::Conversion {
    let engine = Engine::new(Options::default()).expect("engine");
    let engine = match counts {
        Some(c) => engine.with_corpus_names(c),
        None => engine,
    };
    engine
        .convert_bytes("d.txt", text.as_bytes())
        .expect("convert")
}

#[test]
fn the_other_translations_tell_a_name_split_from_a_name_glued() {
    // the document glues "Zhongnanshan" three times and writes "Zhong
    // Nanshan" once: alone, the glued pinyin form wins
    let doc = "Zhongnanshan visited Guangzhou and Shenzhen on Monday.\n\n\
               Experts in Guangzhou said Zhongnanshan met officials of Dongguan.\n\n\
               Later Zhong Nanshan spoke to the press, and Zhongnanshan left Dongguan.\n";
    let alone = convert_in(None, doc);
    assert!(
        rewrites(&alone, "Zhong Nanshan")
            .iter()
            .any(|e| e.after == "Zhongnanshan" && e.status == emend::Status::Applied),
        "{:#?}",
        alone.edits
    );
    // nine other translations write the person's name in two words
    let counts = batch_of(doc, 9, |i| {
        format!(
            "Zhong Nanshan visited Guangzhou and Shenzhen, version {i}.\n\n\
             Experts in Guangzhou said Zhong Nanshan met officials of Dongguan.\n"
        )
    });
    let c = convert_in(Some(counts), doc);
    assert!(
        rewrites(&c, "Zhong Nanshan")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
    let splits = rewrites(&c, "Zhongnanshan");
    assert_eq!(splits.len(), 3, "{:#?}", c.edits);
    for e in splits {
        assert_eq!(e.after, "Zhong Nanshan");
        assert_eq!(e.status, emend::Status::Applied);
        assert!(
            e.note
                .as_deref()
                .unwrap_or("")
                .contains("other documents of the batch")
        );
    }
}

#[test]
fn the_other_translations_settle_a_tie_between_a_name_split_and_glued() {
    let doc = "Zhang Hongsen opened the fair in Xiangtan on Monday.\n\n\
               Guests from Changsha and Zhuzhou came to Xiangtan.\n\n\
               Hong Sen also thanked the guests from Zhuzhou.\n";
    let alone = convert_in(None, doc);
    assert!(
        rewrites(&alone, "Hong Sen")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "written as often, the join is only proposed: {:#?}",
        alone.edits
    );
    let counts = batch_of(doc, 9, |i| {
        format!(
            "Zhang Hongsen opened the fair in Xiangtan, version {i}.\n\n\
             Guests from Changsha and Zhuzhou came to Xiangtan.\n"
        )
    });
    let c = convert_in(Some(counts), doc);
    let joins = rewrites(&c, "Hong Sen");
    assert_eq!(joins.len(), 1, "{:#?}", c.edits);
    assert_eq!(joins[0].after, "Hongsen");
    assert_eq!(joins[0].status, emend::Status::Applied);
}

#[test]
fn a_pinyin_spelling_no_other_translation_writes_is_a_slip() {
    // "Wudaolang" once beside "Wudaoliang" twice: two pinyin words a vowel
    // apart are mostly two places, so alone it is only proposed
    let doc = "The Wudaoliang station in Golmud watched the herds on Monday.\n\n\
               Rangers from Golmud and Xining counted the herds near Wudaolang.\n\n\
               The Wudaoliang rangers reported to Xining.\n";
    let alone = convert_in(None, doc);
    assert!(
        rewrites(&alone, "Wudaolang")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        alone.edits
    );
    let counts = batch_of(doc, 9, |i| {
        format!(
            "The Wudaoliang station in Golmud watched the herds, version {i}.\n\n\
             Rangers from Golmud and Xining counted the herds near Wudaoliang.\n"
        )
    });
    let c = convert_in(Some(counts), doc);
    let slips = rewrites(&c, "Wudaolang");
    assert_eq!(slips.len(), 1, "{:#?}", c.edits);
    assert_eq!(slips[0].after, "Wudaoliang");
    assert_eq!(slips[0].status, emend::Status::Applied);
    assert!(
        slips[0]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("no other translation writes \"Wudaolang\"")
    );
}

#[test]
fn two_pinyin_places_written_once_each_are_not_merged_on_the_batch_alone() {
    // a careful translation names "Nanning" where the others wrote
    // something else: one mention each, the batch does not decide it
    let doc = "The railway runs through Nanyang in Henan on Monday.\n\n\
               It joins the corridor to Nanning and the line from Zhengzhou.\n\n\
               Trains from Zhengzhou will stop in Xiangyang.\n";
    let counts = batch_of(doc, 9, |i| {
        format!(
            "The railway runs through Nanyang in Henan, version {i}.\n\n\
             It joins the line from Zhengzhou and stops in Xiangyang.\n"
        )
    });
    let c = convert_in(Some(counts), doc);
    assert!(
        rewrites(&c, "Nanning")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
}

/// One translation of an invented news text in three paragraphs, with
/// `bridge` as the spelling of the bridge's name in the last.
fn bridge_story(bridge: &str, i: usize) -> String {
    format!(
        "Governor Pavel Merkulin opened the Tarkovo bridge on Monday, version {i}.\n\n\
         The bridge links Belozersk with Ustkamensk across the river.\n\n\
         Merkulin said the {bridge} crossing will carry trucks from May.\n"
    )
}

/// An engine whose batch holds `doc`, nine other translations of the
/// bridge story that write "Tarkovo", and unrelated pages enough for
/// the counts to be evidence.
fn with_nine_translations(doc: &str) -> Engine {
    let mut counts = NameCounts::default();
    counts.add_document(doc);
    for i in 0..9 {
        counts.add_document(&bridge_story("Tarkovo", i));
    }
    for i in 0..60 * MIN_DOCUMENTS as usize {
        counts.add_document(&unrelated("Twitter", i));
    }
    Engine::new(Options::default())
        .expect("engine")
        .with_corpus_names(counts)
}

#[test]
fn a_garble_where_the_aligned_paragraphs_of_the_other_translations_agree_is_their_name() {
    // the document writes "Tarkovo" in its first paragraph and "Tirkhuvo",
    // which no other translation writes, in its third, where all nine
    // others write "Tarkovo"
    let doc = bridge_story("Tirkhuvo", 99);
    let batch = with_nine_translations(&doc);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    let edits = rewrites(&c, "Tirkhuvo");
    assert_eq!(edits.len(), 1, "{:#?}", c.edits);
    assert_eq!(edits[0].after, "Tarkovo");
    let note = edits[0].note.as_deref().unwrap_or("");
    assert!(note.contains("9 of the 9 translations"), "{note}");
    // alone, nothing tells "Tirkhuvo" is the bridge
    let alone = Engine::new(Options::default()).expect("engine");
    let c = alone.convert_bytes("d.txt", doc.as_bytes()).expect("alone");
    assert!(rewrites(&c, "Tirkhuvo").is_empty(), "{:#?}", c.edits);
}

#[test]
fn a_typists_slip_no_other_translation_writes_is_only_proposed() {
    // "Takrovo" (two letters swapped) and "Takovo" (a consonant dropped),
    // where all nine others write "Tarkovo": no transliteration makes
    // them, a person's keyboard does, and a person's spelling is for the
    // reviewer
    for slip in ["Takrovo", "Takovo"] {
        let doc = bridge_story(slip, 99);
        let batch = with_nine_translations(&doc);
        let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
        let edits = rewrites(&c, slip);
        assert_eq!(edits.len(), 1, "{:#?}", c.edits);
        assert_eq!(edits[0].after, "Tarkovo");
        assert_eq!(edits[0].status, emend::Status::Suggested, "{:#?}", edits);
        let note = edits[0].note.as_deref().unwrap_or("");
        assert!(note.contains("which no transliteration makes"), "{note}");
    }
    // a vowel heard otherwise is the machine's variant: applied
    let doc = bridge_story("Tarkavo", 99);
    let batch = with_nine_translations(&doc);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    let edits = rewrites(&c, "Tarkavo");
    assert_eq!(edits.len(), 1, "{:#?}", c.edits);
    assert_eq!(edits[0].status, emend::Status::Applied);
}

#[test]
fn a_derived_word_in_the_aligned_paragraph_is_left_alone() {
    // "Tarkovian" is an adjective of the name, not a garble of it
    let doc = bridge_story("Tarkovian", 99);
    let batch = with_nine_translations(&doc);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    assert!(rewrites(&c, "Tarkovian").is_empty(), "{:#?}", c.edits);
}

#[test]
fn two_spellings_in_the_same_slot_of_a_repeated_passage_are_one_name() {
    let doc = "Rescuers reached the Krestovka shelter on Monday after the storm.\n\n\
               Villagers had walked for hours. Rescuers reached the Krestovskaya shelter on foot.\n";
    let engine = Engine::new(Options::default()).expect("engine");
    let c = engine
        .convert_bytes("d.txt", doc.as_bytes())
        .expect("alone");
    let linked = c.edits.iter().any(|e| {
        e.rule.starts_with("names/")
            && e.note
                .as_deref()
                .is_some_and(|n| n.contains("written in the same passage between"))
    });
    assert!(linked, "{:#?}", c.edits);
}

#[test]
fn a_name_the_aligned_translations_never_write_in_its_place_is_another_name() {
    // the document writes "Tarkova" alone in its second paragraph, where
    // the nine other translations write another town: however the batch
    // counts "Tarkovo", the two never fill the same place
    let doc = "Governor Pavel Merkulin opened the Tarkovo bridge on Monday, version 99.\n\n\
               The bridge links Belozersk with Tarkova across the river.\n\n\
               Merkulin said the Tarkovo crossing will carry trucks from May.\n";
    let batch = with_nine_translations(doc);
    let c = batch.convert_bytes("d.txt", doc.as_bytes()).expect("batch");
    assert!(rewrites(&c, "Tarkova").is_empty(), "{:#?}", c.edits);
}

/// One translation of an invented Chinese news text in three paragraphs,
/// with `name` written in the last where the first writes "Shichengzi".
fn reservoir_story(name: &str, i: usize) -> String {
    format!(
        "The Shichengzi reservoir near Hami filled on Monday, version {i}.\n\n\
         Rangers from Hami and Turpan counted the herds.\n\n\
         Minister E Jingping and the {name} rangers reported to Turpan.\n"
    )
}

#[test]
fn a_pinyin_slip_the_aligned_translations_all_write_otherwise_is_applied() {
    // "Shicengzi" once beside "Shichengzi" once: alone, two pinyin words a
    // letter apart may be two places, and a tie tells no direction
    let doc = reservoir_story("Shicengzi", 99);
    let alone = convert_in(None, &doc);
    assert!(
        rewrites(&alone, "Shicengzi")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        alone.edits
    );
    // nine translations of the same paragraphs write "Shichengzi" where
    // this one writes "Shicengzi", and none writes "Shicengzi"
    let counts = batch_of(&doc, 9, |i| reservoir_story("Shichengzi", i));
    let c = convert_in(Some(counts), &doc);
    let slips = rewrites(&c, "Shicengzi");
    assert_eq!(slips.len(), 1, "{:#?}", c.edits);
    assert_eq!(slips[0].after, "Shichengzi");
    assert_eq!(slips[0].status, emend::Status::Applied);
    let note = slips[0].note.as_deref().unwrap_or("");
    assert!(note.contains("none writes \"Shicengzi\" there"), "{note}");
}

#[test]
fn a_name_glued_to_a_syllable_stays_proposed_however_the_translations_agree() {
    // "Ejingping" is the minister E Jingping glued: rewritten to
    // "Jingping" it would lose the surname, so the aligned translations'
    // "Jingping" settles nothing
    let doc = "Minister Wu Jingping opened the Shichengzi reservoir on Monday, version 99.\n\n\
               Rangers from Hami and Turpan counted the herds.\n\n\
               Ejingping thanked the rangers of Turpan.\n";
    let counts = batch_of(doc, 9, |i| {
        format!(
            "Minister E Jingping opened the Shichengzi reservoir on Monday, version {i}.\n\n\
             Rangers from Hami and Turpan counted the herds.\n\n\
             E Jingping thanked the rangers of Turpan.\n"
        )
    });
    let c = convert_in(Some(counts), doc);
    assert!(
        rewrites(&c, "Ejingping")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
}

#[test]
fn a_rewrite_the_aligned_translations_settle_is_applied() {
    // "Kuei-ying" beside "Guiying": alone, which romanization the text
    // keeps to is for the reviewer
    let doc = "Wu Kuei-ying said that the festival in Xiangtan is of great significance for Zhuzhou.\n\n\
               Guests from Changsha and Zhuzhou came to Xiangtan.\n\n\
               During the opening ceremony, Zhang Hongsen, Wu Guiying and other leaders toured Xiangtan.\n";
    let alone = convert_in(None, doc);
    let proposed = rewrites(&alone, "Kuei-ying");
    assert!(
        !proposed.is_empty() && proposed.iter().all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        alone.edits
    );
    // nine other translations of the same three paragraphs write "Guiying"
    // where this one writes "Kuei-ying"
    let translation = |given: &'static str| {
        move |i: usize| {
            format!(
                "Wu {given} said that the festival in Xiangtan is of great significance for Zhuzhou, version {i}.\n\n\
                 Guests from Changsha and Zhuzhou came to Xiangtan.\n\n\
                 During the opening ceremony, Zhang Hongsen, Wu Guiying and other leaders toured Xiangtan.\n"
            )
        }
    };
    let c = convert_in(Some(batch_of(doc, 9, translation("Guiying"))), doc);
    let settled = rewrites(&c, "Kuei-ying");
    assert_eq!(settled.len(), 1, "{:#?}", c.edits);
    assert_eq!(settled[0].after, "Guiying");
    assert_eq!(settled[0].status, emend::Status::Applied);
    assert!(
        settled[0]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("settled by the batch")
    );
    // when other translations write "Kuei-ying" there too, the form is no
    // slip of this one: only proposed
    let mut counts = batch_of(doc, 9, translation("Guiying"));
    for i in 0..3 {
        counts.add_document(&translation("Kuei-ying")(100 + i));
    }
    let c = convert_in(Some(counts), doc);
    assert!(
        rewrites(&c, "Kuei-ying")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
}

#[test]
fn a_garble_beside_a_known_name_the_others_write_twice_there_is_proposed() {
    // "Xinjing" beside one "Beijing" in the second paragraph, where every
    // other translation writes "Beijing" twice: the garble takes one of
    // the known name's places
    let doc = "The Wudaoliang station in Golmud watched the herds on Monday.\n\n\
               The Xinjing News said that the herds left Beijing for Golmud.\n\n\
               Later the rangers of Golmud counted the herds near Wudaoliang.\n";
    let translation = |twice: bool| {
        move |i: usize| {
            let paper = if twice { "Beijing" } else { "Morning" };
            format!(
                "The Wudaoliang station in Golmud watched the herds, version {i}.\n\n\
                 The {paper} News said that the herds left Beijing for Golmud.\n\n\
                 Later the rangers of Golmud counted the herds near Wudaoliang.\n"
            )
        }
    };
    let c = convert_in(Some(batch_of(doc, 9, translation(true))), doc);
    let placed = rewrites(&c, "Xinjing");
    assert_eq!(placed.len(), 1, "{:#?}", c.edits);
    assert_eq!(placed[0].after, "Beijing");
    assert_ne!(
        placed[0].status,
        emend::Status::Applied,
        "a known name's target is only proposed"
    );
    assert!(
        placed[0]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("more often than this one's 1 there")
    );
    // the others write "Beijing" there once, as this one does: the garble
    // fills no place of it
    let c = convert_in(Some(batch_of(doc, 9, translation(false))), doc);
    assert!(rewrites(&c, "Xinjing").is_empty(), "{:#?}", c.edits);
}

#[test]
fn a_name_glued_where_the_other_translations_write_it_apart_takes_their_two_words() {
    // the document only glues the villager's name; nine other translations
    // of the text write it as family name and given name
    let doc = "The news reached the village of Qingyuan on Monday.\n\n\
               Villager Dongyilong wanted to carry the flag in Qingyuan.\n\n\
               Later Dongyilong thanked the coach from Lishui.\n";
    let alone = convert_in(None, doc);
    assert!(
        rewrites(&alone, "Dongyilong").is_empty(),
        "{:#?}",
        alone.edits
    );
    let story = |name: &str, i: usize| {
        format!(
            "The news reached the village of Qingyuan, version {i}.\n\n\
             Villager {name} wanted to carry the flag in Qingyuan.\n\n\
             Later {name} thanked the coach from Lishui.\n"
        )
    };
    let c = convert_in(Some(batch_of(doc, 9, |i| story("Dong Yilong", i))), doc);
    let splits = rewrites(&c, "Dongyilong");
    assert_eq!(splits.len(), 2, "{:#?}", c.edits);
    for e in splits {
        assert_eq!(e.after, "Dong Yilong");
        assert_eq!(e.status, emend::Status::Applied);
    }
    // a letter more at the end: proposed
    let slipped = doc.replace("Dongyilong", "Dongyilonge");
    let c = convert_in(
        Some(batch_of(&slipped, 9, |i| story("Dong Yilong", i))),
        &slipped,
    );
    let splits = rewrites(&c, "Dongyilonge");
    assert_eq!(splits.len(), 2, "{:#?}", c.edits);
    assert!(
        splits
            .iter()
            .all(|e| e.after == "Dong Yilong" && e.status != emend::Status::Applied),
        "{splits:#?}"
    );
    // half the other translations glue it too: no slip of one translation
    let c = convert_in(
        Some(batch_of(doc, 9, |i| {
            story(
                if i % 2 == 0 {
                    "Dong Yilong"
                } else {
                    "Dongyilong"
                },
                i,
            )
        })),
        doc,
    );
    assert!(
        rewrites(&c, "Dongyilong")
            .iter()
            .all(|e| e.status != emend::Status::Applied),
        "{:#?}",
        c.edits
    );
}

#[test]
fn a_consonant_written_once_where_the_others_write_it_twice_is_only_proposed() {
    // the envoy spells his name "Russel"; nine other translations write
    // the commoner "Russell" where this one writes "Russel": a spelling
    // the bearer may have chosen, not a romanization the batch can settle
    let story = |name: &'static str| {
        move |i: usize| {
            format!(
                "The envoy Alexey Russell met Governor Pavel Merkulin in Belozersk, version {i}.\n\n\
                 The talks covered the Tarkovo bridge across the river.\n\n\
                 Later {name} said the bridge will open in May.\n"
            )
        }
    };
    let doc = story("Russel")(99);
    let c = convert_in(Some(batch_of(&doc, 9, story("Russell"))), &doc);
    let edits = rewrites(&c, "Russel");
    assert_eq!(edits.len(), 1, "{:#?}", c.edits);
    assert_eq!(edits[0].after, "Russell");
    assert_ne!(edits[0].status, emend::Status::Applied, "{:#?}", edits[0]);
    // a romanization of the given name in the same place is applied
    let doc = story("Aleksei")(99);
    let c = convert_in(Some(batch_of(&doc, 9, story("Alexey"))), &doc);
    let edits = rewrites(&c, "Aleksei");
    assert_eq!(edits.len(), 1, "{:#?}", c.edits);
    assert_eq!(edits[0].status, emend::Status::Applied, "{:#?}", edits[0]);
}

#[test]
fn a_route_abbreviation_beside_one_end_takes_the_route_the_other_translations_write() {
    // the document names the bridge's route by its abbreviation and only
    // the first end in full; other translations write the route out
    let story = |route: &'static str| {
        move |i: usize| {
            format!(
                "Rain threatened the Qingjiang bridge of the {route} Railway, version {i}.\n\n\
                 The Yichang maintenance section of the Wuhan bureau sent workers.\n\n\
                 The Qingjiang bridge reopened on Monday.\n"
            )
        }
    };
    let doc = story("Yiwan")(99);
    let c = convert_in(Some(batch_of(&doc, 9, story("Yichang-Wanzhou"))), &doc);
    let edits = rewrites(&c, "Yiwan");
    assert_eq!(edits.len(), 1, "{:#?}", c.edits);
    assert_eq!(edits[0].after, "Yichang-Wanzhou");
    assert_ne!(edits[0].status, emend::Status::Applied);
    // the other translations write the abbreviation too: nothing to take
    let c = convert_in(Some(batch_of(&doc, 9, story("Yiwan"))), &doc);
    assert!(rewrites(&c, "Yiwan").is_empty(), "{:#?}", c.edits);
}
