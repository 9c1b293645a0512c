//! The filter syntax: every operator and property type, and errors with positions.

use jiff::civil::date;
use pretty_assertions::assert_eq;
use serde_json::{Value, json};

use super::Filter;
use crate::record::{LiveProperty, LiveSchema};

fn property(notion_type: &str, options: &[&str], format: Option<&str>) -> LiveProperty {
    LiveProperty {
        id: notion_type.to_owned(),
        notion_type: notion_type.to_owned(),
        options: options.iter().map(|o| (*o).to_owned()).collect(),
        format: format.map(str::to_owned),
        relation_target: None,
    }
}

fn schema() -> LiveSchema {
    let mut live = LiveSchema {
        title: "Project Overview".to_owned(),
        ..LiveSchema::default()
    };
    let mut add = |name: &str, p: LiveProperty| {
        live.properties.insert(name.to_owned(), p);
    };
    add("Name", property("title", &[], None));
    add("Description", property("rich_text", &[], None));
    add("Repository", property("url", &[], None));
    add("Contact", property("email", &[], None));
    add("Phone", property("phone_number", &[], None));
    add("Progress", property("number", &[], Some("percent")));
    add("Budget", property("number", &[], None));
    add("Done", property("checkbox", &[], None));
    add(
        "Priority",
        property("select", &["High", "Medium", "Low"], None),
    );
    add(
        "Status",
        property(
            "status",
            &["Planning", "Active", "In Progress", "Completed"],
            None,
        ),
    );
    add("Tags", property("multi_select", &["Rust", "Notion"], None));
    add("Due Date", property("date", &[], None));
    add("Created", property("created_time", &[], None));
    add("Edited", property("last_edited_time", &[], None));
    add("Owner", property("people", &[], None));
    add("Author", property("created_by", &[], None));
    add("Dependencies", property("relation", &[], None));
    add("Attachments", property("files", &[], None));
    add("ID", property("unique_id", &[], None));
    add("Score", property("formula", &[], None));
    live
}

fn notion(text: &str) -> Value {
    Filter::parse(text)
        .and_then(|f| f.to_notion(&schema(), date(2026, 5, 4)))
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn error(text: &str) -> String {
    match Filter::parse(text).and_then(|f| f.to_notion(&schema(), date(2026, 5, 4))) {
        Ok(v) => panic!("{text} parsed: {v}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn text_operators() {
    let cases = [
        ("Name = Alpha", json!({"equals": "Alpha"})),
        (
            "Name != 'Alpha Beta'",
            json!({"does_not_equal": "Alpha Beta"}),
        ),
        ("Name is Alpha", json!({"equals": "Alpha"})),
        ("Name is not Alpha", json!({"does_not_equal": "Alpha"})),
        ("Name contains lph", json!({"contains": "lph"})),
        ("Name does not contain x", json!({"does_not_contain": "x"})),
        (
            "Name starts with \"Project 00\"",
            json!({"starts_with": "Project 00"}),
        ),
        ("Name ends with 7", json!({"ends_with": "7"})),
        ("Name is empty", json!({"is_empty": true})),
        ("Name is not empty", json!({"is_not_empty": true})),
    ];
    for (text, condition) in cases {
        assert_eq!(
            notion(text),
            json!({"property": "Name", "title": condition}),
            "{text}"
        );
    }
    assert_eq!(
        notion("Description contains notion"),
        json!({"property": "Description", "rich_text": {"contains": "notion"}})
    );
    assert_eq!(
        notion("Repository starts with https://github.com"),
        json!({"property": "Repository", "url": {"starts_with": "https://github.com"}})
    );
    assert_eq!(
        notion("Contact ends with @example.com"),
        json!({"property": "Contact", "email": {"ends_with": "@example.com"}})
    );
    assert_eq!(
        notion("Phone is empty"),
        json!({"property": "Phone", "phone_number": {"is_empty": true}})
    );
}

#[test]
fn number_operators_and_percent() {
    let cases = [
        ("Budget = 10", json!({"equals": 10})),
        ("Budget != 2.5", json!({"does_not_equal": 2.5})),
        ("Budget < 10", json!({"less_than": 10})),
        ("Budget <= 10", json!({"less_than_or_equal_to": 10})),
        ("Budget > -3", json!({"greater_than": -3})),
        ("Budget >= 10", json!({"greater_than_or_equal_to": 10})),
        ("Budget is empty", json!({"is_empty": true})),
        ("Budget is not empty", json!({"is_not_empty": true})),
    ];
    for (text, condition) in cases {
        assert_eq!(
            notion(text),
            json!({"property": "Budget", "number": condition}),
            "{text}"
        );
    }
    assert_eq!(
        notion("Progress < 50"),
        json!({"property": "Progress", "number": {"less_than": 0.5}})
    );
    assert_eq!(
        notion("Progress >= 100%"),
        json!({"property": "Progress", "number": {"greater_than_or_equal_to": 1}})
    );
}

#[test]
fn checkbox_select_status_multi_select() {
    assert_eq!(
        notion("Done = true"),
        json!({"property": "Done", "checkbox": {"equals": true}})
    );
    assert_eq!(
        notion("Done != no"),
        json!({"property": "Done", "checkbox": {"does_not_equal": false}})
    );
    assert_eq!(
        notion("Priority = high"),
        json!({"property": "Priority", "select": {"equals": "High"}})
    );
    assert_eq!(
        notion("Priority is not empty"),
        json!({"property": "Priority", "select": {"is_not_empty": true}})
    );
    assert_eq!(
        notion("Status = In Progress"),
        json!({"property": "Status", "status": {"equals": "In Progress"}})
    );
    assert_eq!(
        notion("Status != \"In Progress\""),
        json!({"property": "Status", "status": {"does_not_equal": "In Progress"}})
    );
    assert_eq!(
        notion("Tags contains Rust"),
        json!({"property": "Tags", "multi_select": {"contains": "Rust"}})
    );
    assert_eq!(
        notion("Tags = Notion"),
        json!({"property": "Tags", "multi_select": {"contains": "Notion"}})
    );
    assert_eq!(
        notion("Tags does not contain Rust"),
        json!({"property": "Tags", "multi_select": {"does_not_contain": "Rust"}})
    );
    assert_eq!(
        notion("Tags is empty"),
        json!({"property": "Tags", "multi_select": {"is_empty": true}})
    );
}

#[test]
fn dates_and_timestamps() {
    let cases = [
        ("\"Due Date\" = 2026-06-01", json!({"equals": "2026-06-01"})),
        ("`Due Date` on 2026-06-01", json!({"equals": "2026-06-01"})),
        ("Due Date before today", json!({"before": "2026-05-04"})),
        ("Due Date < tomorrow", json!({"before": "2026-05-05"})),
        ("Due Date after yesterday", json!({"after": "2026-05-03"})),
        (
            "Due Date on or before 2026-06-01",
            json!({"on_or_before": "2026-06-01"}),
        ),
        (
            "Due Date >= 2026-06-01T09:30:00Z",
            json!({"on_or_after": "2026-06-01T09:30:00Z"}),
        ),
        ("Due Date is empty", json!({"is_empty": true})),
    ];
    for (text, condition) in cases {
        assert_eq!(
            notion(text),
            json!({"property": "Due Date", "date": condition}),
            "{text}"
        );
    }
    assert_eq!(
        notion("Created after 2026-01-01"),
        json!({"timestamp": "created_time", "created_time": {"after": "2026-01-01"}})
    );
    assert_eq!(
        notion("Edited on or after today"),
        json!({"timestamp": "last_edited_time", "last_edited_time": {"on_or_after": "2026-05-04"}})
    );
    assert_eq!(
        notion("last_edited_time before 2026-05-01"),
        json!({"timestamp": "last_edited_time", "last_edited_time": {"before": "2026-05-01"}})
    );
}

#[test]
fn people_relation_files_unique_id() {
    let user = "6794760a-1f15-45cd-9c65-0dfe42f5135a";
    assert_eq!(
        notion(&format!("Owner contains {user}")),
        json!({"property": "Owner", "people": {"contains": user}})
    );
    assert_eq!(
        notion("Author = me"),
        json!({"property": "Author", "created_by": {"contains": "me"}})
    );
    assert_eq!(
        notion("Owner is empty"),
        json!({"property": "Owner", "people": {"is_empty": true}})
    );
    assert_eq!(
        notion("Dependencies does not contain 6794760a1f1545cd9c650dfe42f5135a"),
        json!({"property": "Dependencies", "relation": {"does_not_contain": user}})
    );
    assert_eq!(
        notion("Attachments is not empty"),
        json!({"property": "Attachments", "files": {"is_not_empty": true}})
    );
    assert_eq!(
        notion("ID > PRJ-12"),
        json!({"property": "ID", "unique_id": {"greater_than": 12}})
    );
    assert_eq!(
        notion("ID = 3"),
        json!({"property": "ID", "unique_id": {"equals": 3}})
    );
}

#[test]
fn and_or_precedence_and_groups() {
    assert_eq!(
        notion("Status = Active and Progress < 50"),
        json!({"and": [
            {"property": "Status", "status": {"equals": "Active"}},
            {"property": "Progress", "number": {"less_than": 0.5}},
        ]})
    );
    assert_eq!(
        notion("Done = true or Budget > 1 and Budget < 5"),
        json!({"or": [
            {"property": "Done", "checkbox": {"equals": true}},
            {"and": [
                {"property": "Budget", "number": {"greater_than": 1}},
                {"property": "Budget", "number": {"less_than": 5}},
            ]},
        ]})
    );
    assert_eq!(
        notion("(Done = true or Budget > 1) AND (Name = a or Name = b) and Budget < 9"),
        json!({"and": [
            {"or": [
                {"property": "Done", "checkbox": {"equals": true}},
                {"property": "Budget", "number": {"greater_than": 1}},
            ]},
            {"or": [
                {"property": "Name", "title": {"equals": "a"}},
                {"property": "Name", "title": {"equals": "b"}},
            ]},
            {"property": "Budget", "number": {"less_than": 9}},
        ]})
    );
    assert_eq!(
        notion("Name = a and (Name = b and Name = c)"),
        json!({"and": [
            {"property": "Name", "title": {"equals": "a"}},
            {"property": "Name", "title": {"equals": "b"}},
            {"property": "Name", "title": {"equals": "c"}},
        ]}),
        "same-kind groups flatten"
    );
    assert_eq!(
        notion("((Name = a))"),
        json!({"property": "Name", "title": {"equals": "a"}})
    );
}

#[test]
fn properties_lists_each_name_once() {
    let filter =
        Filter::parse("Status = Active and (Progress < 5 or Status = Planning)").expect("parse");
    assert_eq!(filter.properties(), vec!["Status", "Progress"]);
}

#[test]
fn errors_name_the_column() {
    insta::assert_snapshot!("unknown_property_typo", error("Staus = Active"));
    insta::assert_snapshot!("unknown_option", error("Status = Actve and Progress < 50"));
    insta::assert_snapshot!(
        "operator_not_for_type",
        error("Status = Active and Name < 3")
    );
    insta::assert_snapshot!("number_expected", error("Progress < fifty"));
    insta::assert_snapshot!("bad_date", error("\"Due Date\" before 2026-13-45"));
    insta::assert_snapshot!("missing_value", error("Status = Active and Progress <"));
    insta::assert_snapshot!("missing_operator", error("Status Active"));
    insta::assert_snapshot!("unclosed_paren", error("(Status = Active or Done = true"));
    insta::assert_snapshot!("stray_close", error("Status = Active)"));
    insta::assert_snapshot!(
        "too_deep",
        error("Done = true and (Name = a or (Name = b and Budget > 1))")
    );
    insta::assert_snapshot!("unclosed_quote", error("Status = \"In Progress"));
    insta::assert_snapshot!("checkbox_word", error("Done = maybe"));
    insta::assert_snapshot!("files_value", error("Attachments = x"));
    insta::assert_snapshot!("formula", error("Score > 3"));
    insta::assert_snapshot!("empty", error("   "));
    insta::assert_snapshot!("bad_person", error("Owner contains Alice"));
}
