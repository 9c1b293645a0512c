//! Hand-written fixtures (shapes from DIGEST.md, every block/property type, 2022-06-28 and
//! 2026-03-11 variants, unknown future fields and types) round-trip through the typed model.
//!
//! Each file holds one case `{"model": ..., "body": ...}` or an array of them.

mod support;

use std::path::PathBuf;

use serde_json::{Value, json};

#[test]
fn own_fixtures_round_trip() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 9,
        "expected the in-repo fixtures, found {}",
        paths.len()
    );

    let mut failures = Vec::new();
    let mut cases = 0;
    for path in &paths {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let value: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable"))
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let list = match value {
            Value::Array(items) => items,
            single => vec![single],
        };
        for (i, case) in list.iter().enumerate() {
            cases += 1;
            let model = case["model"].as_str().unwrap_or_default();
            let label = format!("{name}[{i}] ({model})");
            if let Err(e) = support::check_model(model, &label, &case["body"]) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_checker_notices_lost_keys_and_changed_numbers() {
    // A `Page` is missing `url`: decoding must fail and name the problem.
    let err = support::check_model("Page", "broken", &json!({"object": "page"})).unwrap_err();
    assert!(err.contains("decoding as"), "{err}");

    let diff = support::first_difference(
        &json!({"a": {"n": 25, "gone": null}}),
        &json!({"a": {"n": 25.0}}),
        "$".to_owned(),
    );
    assert_eq!(diff.as_deref(), Some("$.a.n: 25 became 25.0"));
    assert_eq!(
        support::canonical_ids(&json!({"page_id": "393abc1eedcd80f3813be205934558c6"})),
        json!({"page_id": "393abc1e-edcd-80f3-813b-e205934558c6"})
    );
}
