use notion_model::requests::MarkdownOperation;
use pretty_assertions::assert_eq;
use serde_json::json;

use super::*;

fn op(value: serde_json::Value) -> MarkdownOperation {
    serde_json::from_value(value).expect("operation")
}

const PAGE: &str = "# Plan\n\nFirst draft of the plan.\n\n- one\n- two\n\nDraft ends here.";

#[test]
fn replace_content_replaces_everything() {
    let edited = apply_operation(PAGE, &op(json!({"replace_content": {"new_str": "new"}})));
    assert_eq!(edited.unwrap(), "new");
}

#[test]
fn update_content_needs_a_unique_match_unless_replace_all() {
    let once = op(json!({"update_content": {"content_updates": [
        {"old_str": "First", "new_str": "Second"},
        {"old_str": "- two", "new_str": "- two\n- three"}
    ]}}));
    assert_eq!(
        apply_operation(PAGE, &once).unwrap(),
        "# Plan\n\nSecond draft of the plan.\n\n- one\n- two\n- three\n\nDraft ends here."
    );

    let ambiguous = op(json!({"update_content": {"content_updates": [
        {"old_str": "raft", "new_str": "RAFT"}
    ]}}));
    assert_eq!(
        apply_operation(PAGE, &ambiguous),
        Err(Error::AmbiguousMatch {
            index: 0,
            old_str: "raft".into(),
            count: 2
        })
    );

    let all = op(json!({"update_content": {"content_updates": [
        {"old_str": "raft", "new_str": "RAFT", "replace_all_matches": true}
    ]}}));
    assert_eq!(
        apply_operation(PAGE, &all).unwrap().matches("RAFT").count(),
        2
    );

    let missing = op(json!({"update_content": {"content_updates": [
        {"old_str": "First", "new_str": "x"}, {"old_str": "nowhere", "new_str": "x"}
    ]}}));
    assert!(matches!(
        apply_operation(PAGE, &missing),
        Err(Error::NoMatch { index: 1, .. })
    ));
}

#[test]
fn more_than_100_updates_are_refused() {
    let updates: Vec<_> = (0..101)
        .map(|_| json!({"old_str": "a", "new_str": "a"}))
        .collect();
    let too_many = op(json!({"update_content": {"content_updates": updates}}));
    assert_eq!(
        apply_operation(PAGE, &too_many),
        Err(Error::TooManyUpdates { count: 101 })
    );
}

#[test]
fn insert_content_at_start_end_and_after_an_ellipsis_selection() {
    let end = op(json!({"insert_content": {"content": "Tail"}}));
    assert!(
        apply_operation(PAGE, &end)
            .unwrap()
            .ends_with("here.\n\nTail")
    );
    let start = op(json!({"insert_content": {"content": "Head", "position": {"type": "start"}}}));
    assert!(
        apply_operation(PAGE, &start)
            .unwrap()
            .starts_with("Head\n\n# Plan")
    );
    let after = op(json!({"insert_content": {"content": "Middle", "after": "First...plan."}}));
    assert_eq!(
        apply_operation(PAGE, &after).unwrap(),
        "# Plan\n\nFirst draft of the plan.\n\nMiddle\n\n- one\n- two\n\nDraft ends here."
    );
    let both = op(
        json!({"insert_content": {"content": "x", "after": "First", "position": {"type": "end"}}}),
    );
    assert_eq!(apply_operation(PAGE, &both), Err(Error::AfterWithPosition));
    let unknown = op(json!({"insert_content": {"content": "x", "after": "Nope...plan."}}));
    assert!(matches!(
        apply_operation(PAGE, &unknown),
        Err(Error::SelectionNotFound { .. })
    ));
}

#[test]
fn replace_content_range_replaces_the_selection() {
    let range = op(
        json!({"replace_content_range": {"content": "- only", "content_range": "- one...- two"}}),
    );
    assert_eq!(
        apply_operation(PAGE, &range).unwrap(),
        "# Plan\n\nFirst draft of the plan.\n\n- only\n\nDraft ends here."
    );
}

#[test]
fn deleting_child_pages_needs_permission() {
    let page = "Intro\n\n<page url=\"https://www.notion.so/abc\">Child</page>\n\nEnd";
    let replace = op(json!({"replace_content": {"new_str": "Intro"}}));
    assert_eq!(
        apply_operation(page, &replace),
        Err(Error::WouldDeleteContent {
            urls: vec!["https://www.notion.so/abc".into()]
        })
    );
    let allowed =
        op(json!({"replace_content": {"new_str": "Intro", "allow_deleting_content": true}}));
    assert_eq!(apply_operation(page, &allowed).unwrap(), "Intro");
    let keeps =
        op(json!({"update_content": {"content_updates": [{"old_str": "End", "new_str": "Fin"}]}}));
    assert!(apply_operation(page, &keeps).is_ok());
}

#[test]
fn child_object_refs_follow_document_order() {
    let md = "<database url=\"https://www.notion.so/d1\">D</database>\n\n<page>New</page>\n\n<page url=\"https://www.notion.so/p1\">P</page>";
    assert_eq!(
        child_object_refs(md),
        vec![
            Some("https://www.notion.so/d1".to_owned()),
            None,
            Some("https://www.notion.so/p1".to_owned())
        ]
    );
}
