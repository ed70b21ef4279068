//! Real edit logs validate against `schemas/edits.schema.json`.

use crate::common::root;

#[test]
fn edit_logs_in_output_match_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/edits.schema.json")).unwrap(),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("output")).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".edits.json") {
            let log: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 3);
}

#[test]
fn the_schema_rejects_a_wrong_log() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/edits.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let bad = serde_json::json!({"emend": "0", "source": "x", "encoding": "UTF-8", "bom": false,
        "edits": [{"id": "e1", "rule": "x", "category": "nonsense", "status": "applied",
                   "start": 0, "end": 1, "before": "a", "after": "b", "confidence": 2.0}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn decisions_written_by_review_match_their_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schemas/decisions.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let c = emend::convert_text("t.txt", "War , and  peace.");
    let mut d = emend::decisions::Decisions::default();
    d.record(
        &c.source.text,
        &c.edits[0],
        emend::decisions::Verdict::Reject,
        Some("keep it".into()),
    );
    d.rules.push(emend::decisions::RuleDecision {
        rule: "quotes".into(),
        decision: emend::decisions::Verdict::Accept,
        note: None,
    });
    let v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!validator.is_valid(&serde_json::json!({"emend_decisions": 1, "edits": [{"fingerprint": "xyz", "decision": "maybe"}]})));
}
