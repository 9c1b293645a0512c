//! Filters and sorts serialize to exactly Notion's JSON and decode back.

use pretty_assertions::assert_eq;
use serde_json::json;

use super::*;

fn json_of(filter: &Filter) -> serde_json::Value {
    serde_json::to_value(filter).unwrap()
}

#[test]
fn property_builders_cover_each_family() {
    let cases = [
        (
            Filter::select("Status").equals("Active"),
            json!({"property": "Status", "select": {"equals": "Active"}}),
        ),
        (
            Filter::status("S").equals_any(["A", "B"]),
            json!({"property": "S", "status": {"equals": ["A", "B"]}}),
        ),
        (
            Filter::title("Name").contains("API"),
            json!({"property": "Name", "title": {"contains": "API"}}),
        ),
        (
            Filter::rich_text("N").is_empty(),
            json!({"property": "N", "rich_text": {"is_empty": true}}),
        ),
        (
            Filter::number("P").greater_than_or_equal_to(25),
            json!({"property": "P", "number": {"greater_than_or_equal_to": 25}}),
        ),
        (
            Filter::unique_id("ID").equals(7),
            json!({"property": "ID", "unique_id": {"equals": 7}}),
        ),
        (
            Filter::checkbox("Done").equals(true),
            json!({"property": "Done", "checkbox": {"equals": true}}),
        ),
        (
            Filter::multi_select("Tags").contains("api"),
            json!({"property": "Tags", "multi_select": {"contains": "api"}}),
        ),
        (
            Filter::date("Due").on_or_before("today"),
            json!({"property": "Due", "date": {"on_or_before": "today"}}),
        ),
        (
            Filter::date("Due").past_week(),
            json!({"property": "Due", "date": {"past_week": {}}}),
        ),
        (
            Filter::people("Owner").contains_me(),
            json!({"property": "Owner", "people": {"contains": "me"}}),
        ),
        (
            Filter::relation("Project").is_not_empty(),
            json!({"property": "Project", "relation": {"is_not_empty": true}}),
        ),
        (
            Filter::created_time().after("2026-01-01"),
            json!({"timestamp": "created_time", "created_time": {"after": "2026-01-01"}}),
        ),
        (
            Filter::last_edited_time().this_week(),
            json!({"timestamp": "last_edited_time", "last_edited_time": {"this_week": {}}}),
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(json_of(&filter), expected);
        let back: Filter = serde_json::from_value(expected.clone()).unwrap();
        assert_eq!(back, filter, "decoding {expected}");
    }
}

#[test]
fn compound_filters_nest_and_report_depth() {
    let filter = Filter::or(vec![
        Filter::select("Status").equals("Active"),
        Filter::and(vec![
            Filter::number("Progress").less_than(50),
            Filter::checkbox("Done").does_not_equal(true),
        ]),
    ]);
    assert_eq!(
        json_of(&filter),
        json!({"or": [
            {"property": "Status", "select": {"equals": "Active"}},
            {"and": [
                {"property": "Progress", "number": {"less_than": 50}},
                {"property": "Done", "checkbox": {"does_not_equal": true}}
            ]}
        ]})
    );
    assert_eq!(filter.depth(), 2);
}

#[test]
fn formula_rollup_and_verification_conditions() {
    let formula = Filter::property(
        "Score",
        PropertyCondition::Formula(FormulaCondition::Number(NumberCondition::GreaterThan(
            2.into(),
        ))),
    );
    assert_eq!(
        json_of(&formula),
        json!({"property": "Score", "formula": {"number": {"greater_than": 2}}})
    );
    let rollup = Filter::property(
        "Total",
        PropertyCondition::Rollup(RollupCondition::Any(RollupSubfilter::RichText(
            TextCondition::Contains("x".into()),
        ))),
    );
    assert_eq!(
        json_of(&rollup),
        json!({"property": "Total", "rollup": {"any": {"rich_text": {"contains": "x"}}}})
    );
    let verification = Filter::property(
        "V",
        PropertyCondition::Verification(VerificationCondition::Status("verified".into())),
    );
    assert_eq!(
        json_of(&verification),
        json!({"property": "V", "verification": {"status": "verified"}})
    );
}

#[test]
fn unknown_operators_and_shapes_are_kept() {
    let raw = json!({"property": "P", "number": {"is_within": [1, 2]}});
    let filter: Filter = serde_json::from_value(raw.clone()).unwrap();
    let Filter::Property(p) = &filter else {
        panic!("not a property filter: {filter:?}")
    };
    assert!(matches!(
        p.condition,
        PropertyCondition::Number(NumberCondition::Other(_))
    ));
    assert_eq!(json_of(&filter), raw);

    let odd = json!({"magic": true});
    let filter: Filter = serde_json::from_value(odd.clone()).unwrap();
    assert_eq!(filter, Filter::Other(odd.clone()));
    assert_eq!(json_of(&filter), odd);
}

#[test]
fn sorts() {
    assert_eq!(
        serde_json::to_value(Sort::descending("Due Date")).unwrap(),
        json!({"property": "Due Date", "direction": "descending"})
    );
    assert_eq!(
        serde_json::to_value(Sort::created_time(Direction::Ascending)).unwrap(),
        json!({"timestamp": "created_time", "direction": "ascending"})
    );
    assert_eq!(
        serde_json::to_value(Sort::last_edited_time(Direction::Descending)).unwrap(),
        json!({"timestamp": "last_edited_time", "direction": "descending"})
    );
}
