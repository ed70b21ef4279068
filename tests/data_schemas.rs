//! Every data file validates against its JSON Schema: lexicons and phrase
//! packs in `lexicons/`, pattern and word lists in `rules/`.

use crate::common::root;

fn validator(schema: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas").join(schema)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&value).expect("schema compiles")
}

fn toml_as_json(path: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(value).unwrap()
}

/// The schema that governs a data file.
fn schema_for(path: &std::path::Path, data: &serde_json::Value) -> &'static str {
    let dir = path
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|d| d.to_str());
    match (dir, path.file_stem().and_then(|s| s.to_str())) {
        (Some("rules"), Some("function-words")) => "function-words.schema.json",
        (Some("rules"), Some("furniture")) => "furniture.schema.json",
        (Some("rules"), Some("source-kinds")) => "source-kinds.schema.json",
        (Some("rules"), _) => "rules.schema.json",
        _ if data.get("phrase").is_some() => "phrases.schema.json",
        _ => "lexicon.schema.json",
    }
}

#[test]
fn every_data_file_matches_its_schema() {
    let mut checked = 0;
    for dir in ["lexicons", "rules"] {
        let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for path in files {
            let data = toml_as_json(&path);
            let schema = schema_for(&path, &data);
            let errors: Vec<String> = validator(schema)
                .iter_errors(&data)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(
                errors.is_empty(),
                "{} against {schema}: {errors:?}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "lexicons and rule files found: {checked}");
}

#[test]
fn the_schemas_reject_what_the_loaders_reject() {
    let bad_entity = serde_json::json!({"pack": {"name": "x", "description": "d"},
        "entity": [{"id": "Bad Id", "type": "person", "canonical": "X"}]});
    assert!(!validator("lexicon.schema.json").is_valid(&bad_entity));
    let bad_rule = serde_json::json!({"pack": {"name": "x", "description": "d"},
        "pattern": [{"id": "p", "regex": "x", "scope": "page", "action": "remove", "confidence": 0.9}]});
    assert!(!validator("rules.schema.json").is_valid(&bad_rule));
}
