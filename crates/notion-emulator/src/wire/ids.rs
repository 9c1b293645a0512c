//! Object ids, tokens and property ids.

use notion_model::ids::parse_notion_uuid;

/// A new dashed UUIDv4.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

/// A new secret-looking token (`ntn_` + 40 characters, like Notion's internal integration tokens).
pub(crate) fn new_token() -> String {
    let body: String = std::iter::repeat_with(fastrand::alphanumeric)
        .take(40)
        .collect();
    format!("ntn_{body}")
}

/// A short property id (Notion's are four URL-safe-ish characters).
pub(crate) fn new_property_id() -> String {
    std::iter::repeat_with(fastrand::alphanumeric)
        .take(4)
        .collect()
}

/// Parses a dashed, undashed or URL form into the dashed form.
pub(crate) fn parse(raw: &str) -> Option<String> {
    parse_notion_uuid(raw)
        .ok()
        .map(|u| u.hyphenated().to_string())
}

/// The id without dashes (as in Notion URLs).
pub(crate) fn simple(id: &str) -> String {
    id.replace('-', "")
}
