//! Database properties: schema configuration (data sources) and values (pages).

pub(crate) mod relations;
pub(crate) mod render;
pub(crate) mod rollup;
pub(crate) mod rollup_config;
pub(crate) mod schema;
pub(crate) mod values;

/// Every property type the emulator knows.
pub(crate) const TYPES: [&str; 26] = [
    "title",
    "rich_text",
    "number",
    "select",
    "multi_select",
    "status",
    "date",
    "people",
    "files",
    "checkbox",
    "url",
    "email",
    "phone_number",
    "formula",
    "relation",
    "rollup",
    "created_time",
    "created_by",
    "last_edited_time",
    "last_edited_by",
    "unique_id",
    "button",
    "verification",
    "place",
    "location",
    "last_visited_time",
];

/// Types whose values are computed by Notion and can't be written.
pub(crate) const READ_ONLY: [&str; 9] = [
    "formula",
    "rollup",
    "created_time",
    "created_by",
    "last_edited_time",
    "last_edited_by",
    "unique_id",
    "button",
    "last_visited_time",
];

/// Option colours, assigned in turn to new options.
pub(crate) const COLORS: [&str; 10] = [
    "default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red",
];
