//! Test support: a data-source schema with every property type, pages in response shape,
//! and helpers to run filters and sorts over them.

use serde_json::{Map, Value, json};

use super::{QueryContext, Row, compile_filter, compile_sorts};
use crate::query::CompiledSorts;
use crate::query::error::QueryError;

/// The current user of every test context.
pub(crate) const ME: &str = "8e2c1b7a-3d4f-4a5b-9c6d-7e8f9a0b1c2d";
/// Another user.
pub(crate) const ANN: &str = "1a2b3c4d-0000-4000-8000-00000000a001";
/// A third user.
pub(crate) const BOB: &str = "2b3c4d5e-0000-4000-8000-00000000b002";
/// Related pages.
pub(crate) const PROJECT_A: &str = "dd456007-6c66-4bba-957e-ea501dcda3a6";
/// Related pages.
pub(crate) const PROJECT_B: &str = "ee567118-7d77-4ccb-a68f-fb612edeb4b7";
/// "Now" in every test context: a Wednesday.
pub(crate) const NOW: &str = "2026-05-06T12:00:00Z";

/// The test data source's schema, in `GET /v1/data_sources/{id}` shape.
pub(crate) fn schema() -> Map<String, Value> {
    let options = |names: &[&str]| {
        names
            .iter()
            .map(|name| json!({"id": format!("opt-{name}"), "name": name, "color": "default", "description": null}))
            .collect::<Vec<_>>()
    };
    let entries = [
        ("Name", "title", "title", json!({})),
        ("Notes", "Nt%3F", "rich_text", json!({})),
        ("Link", "lnk", "url", json!({})),
        ("Mail", "ml", "email", json!({})),
        ("Phone", "ph", "phone_number", json!({})),
        (
            "Estimate",
            "%7B%5D_P",
            "number",
            json!({"format": "number"}),
        ),
        ("Task ID", "tqqd", "unique_id", json!({"prefix": "TASK"})),
        ("Done", "BBla", "checkbox", json!({})),
        (
            "Priority",
            "prio",
            "select",
            json!({"options": options(&["High", "Medium", "Low"])}),
        ),
        (
            "Status",
            "Z%3ClH",
            "status",
            json!({"options": options(&["Not started", "In progress", "Done"]), "groups": []}),
        ),
        (
            "Tags",
            "flsb",
            "multi_select",
            json!({"options": options(&["api", "docs", "bug"])}),
        ),
        ("Due", "M%3BBw", "date", json!({})),
        ("Owner", "FlgQ", "people", json!({})),
        (
            "Project",
            "~pex",
            "relation",
            json!({"data_source_id": PROJECT_A, "type": "single_property", "single_property": {}}),
        ),
        ("Attachments", "att", "files", json!({})),
        ("Score", "scr", "formula", json!({"expression": "1"})),
        (
            "Total",
            "tot",
            "rollup",
            json!({"function": "sum", "relation_property_name": "Project", "rollup_property_name": "Estimate"}),
        ),
        (
            "Titles",
            "tit",
            "rollup",
            json!({"function": "show_original", "relation_property_name": "Project", "rollup_property_name": "Name"}),
        ),
        ("Verified", "ver", "verification", json!({})),
        ("Created", "XcAf", "created_time", json!({})),
        ("Edited", "edt", "last_edited_time", json!({})),
        ("Creator", "crb", "created_by", json!({})),
        ("Editor", "edb", "last_edited_by", json!({})),
        ("Button", "btn", "button", json!({})),
    ];
    entries
        .into_iter()
        .map(|(name, id, kind, config)| {
            (
                name.to_owned(),
                json!({"id": id, "name": name, "description": null, "type": kind, kind: config}),
            )
        })
        .collect()
}

/// A property value in page response shape (the id is a placeholder).
pub(crate) fn prop(kind: &str, value: Value) -> Value {
    json!({"id": "x", "type": kind, kind: value})
}

/// A rich-text array in response shape, one segment per part.
pub(crate) fn rich_text(parts: &[&str]) -> Value {
    Value::Array(
        parts
            .iter()
            .map(|part| {
                json!({
                    "type": "text",
                    "text": {"content": part, "link": null},
                    "annotations": {"bold": false, "italic": false, "strikethrough": false, "underline": false, "code": false, "color": "default"},
                    "plain_text": part,
                    "href": null
                })
            })
            .collect(),
    )
}

/// A select / status / multi_select option in response shape.
pub(crate) fn option(name: &str) -> Value {
    json!({"id": format!("opt-{name}"), "name": name, "color": "default"})
}

/// A date value without end or time zone.
pub(crate) fn date(start: &str) -> Value {
    json!({"start": start, "end": null, "time_zone": null})
}

/// A page of the test data source.
#[derive(Debug, Clone)]
pub(crate) struct TestPage {
    id: String,
    properties: Map<String, Value>,
    created_time: String,
    last_edited_time: String,
    created_by: String,
    last_edited_by: String,
}

impl TestPage {
    /// A page with the given properties (a JSON object), created and edited by [`ME`].
    pub(crate) fn new(id: &str, properties: Value) -> Self {
        let Value::Object(properties) = properties else {
            panic!("page properties must be a JSON object");
        };
        Self {
            id: id.to_owned(),
            properties,
            created_time: "2026-05-01T10:00:00.000Z".to_owned(),
            last_edited_time: "2026-05-01T10:00:00.000Z".to_owned(),
            created_by: ME.to_owned(),
            last_edited_by: ME.to_owned(),
        }
    }

    /// Sets `created_time`.
    pub(crate) fn created(mut self, time: &str) -> Self {
        self.created_time = time.to_owned();
        self
    }

    /// Sets `last_edited_time`.
    pub(crate) fn edited(mut self, time: &str) -> Self {
        self.last_edited_time = time.to_owned();
        self
    }

    /// Sets both `created_by` and `last_edited_by`.
    pub(crate) fn by(mut self, user: &str) -> Self {
        self.created_by = user.to_owned();
        self.last_edited_by = user.to_owned();
        self
    }

    fn row(&self) -> Row<'_> {
        Row {
            id: &self.id,
            properties: &self.properties,
            created_time: &self.created_time,
            last_edited_time: &self.last_edited_time,
            created_by: &self.created_by,
            last_edited_by: &self.last_edited_by,
        }
    }
}

/// The schema, a fixed context and some pages.
#[derive(Debug)]
pub(crate) struct Fixture {
    schema: Map<String, Value>,
    pages: Vec<TestPage>,
}

impl Fixture {
    /// Pages from `(id, properties)` pairs.
    pub(crate) fn new(pages: Vec<(&str, Value)>) -> Self {
        Self::of(
            pages
                .into_iter()
                .map(|(id, properties)| TestPage::new(id, properties))
                .collect(),
        )
    }

    /// Pages built with [`TestPage`].
    pub(crate) fn of(pages: Vec<TestPage>) -> Self {
        Self {
            schema: schema(),
            pages,
        }
    }

    fn ctx(&self) -> QueryContext<'_> {
        QueryContext {
            schema: &self.schema,
            now: NOW.parse().expect("valid now"),
            current_user_id: ME,
        }
    }

    /// Ids of the pages `filter` keeps, in page order.
    pub(crate) fn matching(&self, filter: Value) -> Vec<String> {
        let compiled =
            compile_filter(&filter, &self.ctx()).unwrap_or_else(|error| panic!("{error}"));
        self.pages
            .iter()
            .filter(|page| compiled.matches(&page.row()))
            .map(|page| page.id.clone())
            .collect()
    }

    /// The message `filter` is rejected with.
    pub(crate) fn error(&self, filter: Value) -> String {
        match compile_filter(&filter, &self.ctx()) {
            Ok(compiled) => panic!("filter compiled: {compiled:?}"),
            Err(error) => error.message,
        }
    }

    /// Compiles `sorts`.
    pub(crate) fn compile_sorts(&self, sorts: Value) -> Result<CompiledSorts, QueryError> {
        compile_sorts(&sorts, &self.ctx())
    }

    /// Page ids in the order `sorts` gives (stable).
    pub(crate) fn sorted(&self, sorts: Value) -> Vec<String> {
        let compiled = self
            .compile_sorts(sorts)
            .unwrap_or_else(|error| panic!("{error}"));
        let mut rows: Vec<Row<'_>> = self.pages.iter().map(TestPage::row).collect();
        rows.sort_by(|a, b| compiled.compare(a, b));
        rows.into_iter().map(|row| row.id.to_owned()).collect()
    }

    /// Page ids in the order [`CompiledSorts::sort_rows`] gives.
    pub(crate) fn sorted_rows(&self, sorts: Value) -> Vec<String> {
        let compiled = self
            .compile_sorts(sorts)
            .unwrap_or_else(|error| panic!("{error}"));
        let mut rows: Vec<Row<'_>> = self.pages.iter().map(TestPage::row).collect();
        compiled.sort_rows(&mut rows);
        rows.into_iter().map(|row| row.id.to_owned()).collect()
    }
}
