//! Query sorts: `[{"property": name_or_id, "direction": …} | {"timestamp": …, "direction": …}]`.
//!
//! Earlier entries take precedence. Empty values go last whatever the direction. Rows that tie
//! on every entry compare equal, so a stable sort keeps their input order and the caller breaks
//! the tie.

use std::cmp::Ordering;

use serde_json::Value;

use super::dates::parse_iso;
use super::error::{QueryError, child, index};
use super::json::field;
use super::schema::resolve;
use super::sort_value::{SortKind, SortValue, TextRef};
use super::{QueryContext, Row};

/// Inputs this small are sorted with [`CompiledSorts::compare`] directly.
const SMALL_INPUT: usize = 32;

/// Sorts compiled against a schema.
#[derive(Debug, Clone)]
pub(crate) struct CompiledSorts {
    keys: Vec<SortKey>,
}

#[derive(Debug, Clone)]
struct SortKey {
    target: Target,
    descending: bool,
}

#[derive(Debug, Clone)]
enum Target {
    /// A property payload `properties[name][key]`, compared as `kind`.
    Property {
        name: String,
        key: String,
        kind: SortKind,
    },
    CreatedTime,
    LastEditedTime,
    CreatedBy,
    LastEditedBy,
}

/// Compiles the `sorts` array of a query body.
pub(crate) fn compile_sorts(
    sorts: &Value,
    ctx: &QueryContext<'_>,
) -> Result<CompiledSorts, QueryError> {
    let path = "body.sorts";
    let Some(entries) = sorts.as_array() else {
        return Err(QueryError::invalid(path, "should be an array", Some(sorts)));
    };
    let keys = entries
        .iter()
        .enumerate()
        .map(|(position, entry)| compile_key(entry, &index(path, position), ctx))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CompiledSorts { keys })
}

impl CompiledSorts {
    /// Orders two rows by the sort entries, earlier entries first.
    pub(crate) fn compare(&self, a: &Row<'_>, b: &Row<'_>) -> Ordering {
        self.keys
            .iter()
            .map(|key| key.compare(a, b))
            .find(|ordering| ordering.is_ne())
            .unwrap_or(Ordering::Equal)
    }

    /// Sorts `rows` stably, like `rows.sort_by(|a, b| self.compare(a, b))` but much faster on
    /// big inputs: each row's sort values are extracted once, then only those are compared
    /// (page JSON is scattered in memory, so re-reading it per comparison is what costs).
    #[cfg_attr(not(test), allow(dead_code, reason = "callers sort their own items"))]
    pub(crate) fn sort_rows(&self, rows: &mut [Row<'_>]) {
        self.sort_items(rows, |row| row);
    }

    /// Sorts any items stably by the rows they stand for (see [`CompiledSorts::sort_rows`]).
    pub(crate) fn sort_items<'r, T: Copy>(&self, items: &mut [T], row: impl Fn(T) -> Row<'r>) {
        if self.keys.is_empty() {
            return;
        }
        if items.len() <= SMALL_INPUT {
            items.sort_by(|a, b| self.compare(&row(*a), &row(*b)));
            return;
        }
        let width = self.keys.len();
        let mut values: Vec<SortValue<'r>> = Vec::with_capacity(items.len() * width);
        for item in items.iter() {
            let row = row(*item);
            values.extend(self.keys.iter().map(|key| key.target.value(&row)));
        }
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&values[a * width..][..width], &values[b * width..][..width]);
            self.keys
                .iter()
                .zip(a.iter().zip(b))
                .map(|(key, (a, b))| key.compare_values(a, b))
                .find(|ordering| ordering.is_ne())
                .unwrap_or(Ordering::Equal)
        });
        let sorted: Vec<T> = order.iter().map(|&position| items[position]).collect();
        items.copy_from_slice(&sorted);
    }

    /// Whether there are no sort entries.
    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl SortKey {
    fn compare(&self, a: &Row<'_>, b: &Row<'_>) -> Ordering {
        self.compare_values(&self.target.value(a), &self.target.value(b))
    }

    fn compare_values(&self, a: &SortValue<'_>, b: &SortValue<'_>) -> Ordering {
        match (a.is_empty(), b.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            (false, false) if self.descending => b.cmp_present(a),
            (false, false) => a.cmp_present(b),
        }
    }
}

impl Target {
    fn value<'r>(&self, row: &Row<'r>) -> SortValue<'r> {
        let text = |text: &'r str| SortValue::Text(TextRef::Plain(text));
        match self {
            Self::Property { name, key, kind } => {
                kind.value(row.properties.get(name).and_then(|value| field(value, key)))
            }
            Self::CreatedTime => time_value(row.created_time),
            Self::LastEditedTime => time_value(row.last_edited_time),
            Self::CreatedBy => text(row.created_by),
            Self::LastEditedBy => text(row.last_edited_by),
        }
    }
}

/// A page timestamp as a sort value (empty when unparseable).
fn time_value(time: &str) -> SortValue<'static> {
    parse_iso(time).map_or(SortValue::Empty, |date| SortValue::Instant(date.start_ms()))
}

fn compile_key(entry: &Value, path: &str, ctx: &QueryContext<'_>) -> Result<SortKey, QueryError> {
    let Some(object) = entry.as_object() else {
        return Err(QueryError::invalid(
            path,
            "should be an object",
            Some(entry),
        ));
    };
    let target = match (object.get("property"), object.get("timestamp")) {
        (Some(_), Some(timestamp)) => {
            return Err(QueryError::not_allowed(
                &child(path, "timestamp"),
                timestamp,
            ));
        }
        (Some(property), None) => property_target(property, path, ctx)?,
        (None, Some(timestamp)) => match timestamp.as_str() {
            Some("created_time") => Target::CreatedTime,
            Some("last_edited_time") => Target::LastEditedTime,
            _ => {
                return Err(QueryError::invalid(
                    &child(path, "timestamp"),
                    "should be `\"created_time\"` or `\"last_edited_time\"`",
                    Some(timestamp),
                ));
            }
        },
        (None, None) => return Err(QueryError::fix_one(path, &["property", "timestamp"])),
    };
    let direction_path = child(path, "direction");
    let descending = match object.get("direction") {
        None => return Err(QueryError::missing(&direction_path)),
        Some(direction) => match direction.as_str() {
            Some("ascending") => false,
            Some("descending") => true,
            _ => {
                return Err(QueryError::invalid(
                    &direction_path,
                    "should be `\"ascending\"` or `\"descending\"`",
                    Some(direction),
                ));
            }
        },
    };
    if let Some((key, value)) = object
        .iter()
        .find(|(key, _)| !matches!(key.as_str(), "property" | "timestamp" | "direction"))
    {
        return Err(QueryError::not_allowed(&child(path, key), value));
    }
    Ok(SortKey { target, descending })
}

fn property_target(
    property: &Value,
    path: &str,
    ctx: &QueryContext<'_>,
) -> Result<Target, QueryError> {
    let Some(name_or_id) = property.as_str() else {
        return Err(QueryError::invalid(
            &child(path, "property"),
            "should be a string",
            Some(property),
        ));
    };
    let Some(found) = resolve(ctx.schema, name_or_id) else {
        return Err(QueryError::new(format!(
            "Could not find sort property with name or id: {name_or_id}"
        )));
    };
    Ok(match found.kind {
        "created_time" => Target::CreatedTime,
        "last_edited_time" => Target::LastEditedTime,
        "created_by" => Target::CreatedBy,
        "last_edited_by" => Target::LastEditedBy,
        kind => Target::Property {
            name: found.name.to_owned(),
            key: kind.to_owned(),
            kind: SortKind::of(kind, found.config()),
        },
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{ANN, BOB, Fixture, TestPage, date, option, prop, rich_text};

    fn fixture() -> Fixture {
        Fixture::of(vec![
            TestPage::new("b-low", json!({
                "Name": prop("title", rich_text(&["banana"])), "Estimate": prop("number", json!(2)),
                "Priority": prop("select", option("Low")), "Due": prop("date", date("2026-05-03")),
                "Done": prop("checkbox", json!(true)), "Tags": prop("multi_select", json!([option("docs"), option("api")])),
                "Owner": prop("people", json!([{"object": "user", "id": BOB, "name": "Bob"}])),
            })).created("2026-05-02T00:00:00.000Z").edited("2026-05-01T00:00:00.000Z").by(BOB),
            TestPage::new("a-high", json!({
                "Name": prop("title", rich_text(&["Apple"])), "Estimate": prop("number", json!(10)),
                "Priority": prop("select", option("High")), "Due": prop("date", date("2026-05-03T10:00:00.000+00:00")),
                "Done": prop("checkbox", json!(false)), "Tags": prop("multi_select", json!([option("bug")])),
                "Owner": prop("people", json!([{"object": "user", "id": ANN, "name": "Ann"}])),
            })).created("2026-05-03T00:00:00.000Z").edited("2026-05-04T00:00:00.000Z").by(ANN),
            TestPage::new("empty", json!({
                "Name": prop("title", rich_text(&[])), "Estimate": prop("number", json!(null)),
                "Priority": prop("select", json!(null)), "Due": prop("date", json!(null)),
                "Tags": prop("multi_select", json!([])), "Owner": prop("people", json!([])),
            })).created("2026-05-01T00:00:00.000Z").edited("2026-05-05T00:00:00.000Z").by(ANN),
            TestPage::new("c-medium", json!({
                "Name": prop("title", rich_text(&["cherry"])), "Estimate": prop("number", json!(-1.5)),
                "Priority": prop("select", option("Medium")), "Due": prop("date", date("2026-04-30")),
                "Done": prop("checkbox", json!(true)), "Tags": prop("multi_select", json!([option("api")])),
                "Owner": prop("people", json!([{"object": "user", "id": BOB, "name": "bob"}])),
            })).created("2026-05-04T00:00:00.000Z").edited("2026-05-02T00:00:00.000Z").by(BOB),
        ])
    }

    fn sorted(property: &str, direction: &str) -> Vec<String> {
        fixture().sorted(json!([{"property": property, "direction": direction}]))
    }

    #[test]
    fn text_sorts_case_insensitively_with_empties_last() {
        assert_eq!(
            sorted("Name", "ascending"),
            ["a-high", "b-low", "c-medium", "empty"]
        );
        assert_eq!(
            sorted("Name", "descending"),
            ["c-medium", "b-low", "a-high", "empty"]
        );
    }

    #[test]
    fn numbers_sort_numerically() {
        assert_eq!(
            sorted("Estimate", "ascending"),
            ["c-medium", "b-low", "a-high", "empty"]
        );
        assert_eq!(
            sorted("Estimate", "descending"),
            ["a-high", "b-low", "c-medium", "empty"]
        );
    }

    #[test]
    fn selects_sort_by_schema_option_order() {
        // Schema order: High, Medium, Low.
        assert_eq!(
            sorted("Priority", "ascending"),
            ["a-high", "c-medium", "b-low", "empty"]
        );
        assert_eq!(
            sorted("Priority", "descending"),
            ["b-low", "c-medium", "a-high", "empty"]
        );
    }

    #[test]
    fn multi_selects_sort_by_first_option() {
        // Schema order: api, docs, bug.
        assert_eq!(
            sorted("Tags", "ascending"),
            ["c-medium", "b-low", "a-high", "empty"]
        );
    }

    #[test]
    fn dates_sort_by_start_instant() {
        assert_eq!(
            sorted("Due", "ascending"),
            ["c-medium", "b-low", "a-high", "empty"]
        );
        assert_eq!(
            sorted("Due", "descending"),
            ["a-high", "b-low", "c-medium", "empty"]
        );
    }

    #[test]
    fn checkboxes_sort_false_first_and_ties_keep_input_order() {
        assert_eq!(
            sorted("Done", "ascending"),
            ["a-high", "empty", "b-low", "c-medium"]
        );
        assert_eq!(
            sorted("Done", "descending"),
            ["b-low", "c-medium", "a-high", "empty"]
        );
    }

    #[test]
    fn people_sort_by_name() {
        assert_eq!(
            sorted("Owner", "ascending"),
            ["a-high", "b-low", "c-medium", "empty"]
        );
    }

    #[test]
    fn timestamps_and_authors() {
        let f = fixture();
        assert_eq!(
            f.sorted(json!([{"timestamp": "created_time", "direction": "ascending"}])),
            ["empty", "b-low", "a-high", "c-medium"]
        );
        assert_eq!(
            f.sorted(json!([{"timestamp": "last_edited_time", "direction": "descending"}])),
            ["empty", "a-high", "c-medium", "b-low"]
        );
        assert_eq!(
            f.sorted(json!([{"property": "Created", "direction": "descending"}])),
            ["c-medium", "a-high", "b-low", "empty"]
        );
        assert_eq!(
            f.sorted(json!([{"property": "Creator", "direction": "ascending"}])),
            ["a-high", "empty", "b-low", "c-medium"]
        );
    }

    #[test]
    fn earlier_entries_take_precedence() {
        let sorts = json!([{"property": "Done", "direction": "descending"}, {"property": "Estimate", "direction": "ascending"}]);
        assert_eq!(
            fixture().sorted(sorts),
            ["c-medium", "b-low", "a-high", "empty"]
        );
    }

    #[test]
    fn properties_resolve_by_id_and_empty_sorts_are_empty() {
        let f = fixture();
        assert_eq!(
            f.sorted(json!([{"property": "%7B%5D_P", "direction": "descending"}])),
            ["a-high", "b-low", "c-medium", "empty"]
        );
        assert!(f.compile_sorts(json!([])).expect("valid").is_empty());
        assert!(
            !f.compile_sorts(json!([{"property": "Name", "direction": "ascending"}]))
                .expect("valid")
                .is_empty()
        );
    }

    /// Many pages (more than the small-input threshold) with repeated and varied values.
    fn large_fixture() -> Fixture {
        let names = ["pear", "Apple", "", "apple", "Zed", "éclair"];
        let tags = ["api", "docs", "bug", "zzz"];
        Fixture::of(
            (0..60_i64)
                .map(|n| {
                    let index = usize::try_from(n).expect("small");
                    let estimate = if n % 7 == 0 { json!(null) } else { json!((n * 37) % 11) };
                    TestPage::new(&format!("p{n}"), json!({
                        "Name": prop("title", rich_text(&[names[index % names.len()], if n % 4 == 0 { " two" } else { "" }])),
                        "Estimate": prop("number", estimate),
                        "Priority": prop("select", if n % 5 == 0 { json!(null) } else { option(["High", "Low", "Medium", "Other"][index % 4]) }),
                        "Tags": prop("multi_select", json!([option(tags[index % tags.len()])])),
                        "Due": prop("date", date(&format!("2026-05-{:02}", 1 + (n * 13) % 28))),
                        "Done": prop("checkbox", json!(n % 3 == 0)),
                    }))
                    .created(&format!("2026-04-{:02}T00:00:00.000Z", 1 + (n * 7) % 29))
                    .by(if n % 2 == 0 { ANN } else { BOB })
                })
                .collect(),
        )
    }

    #[test]
    fn sort_rows_orders_like_compare() {
        let f = large_fixture();
        for property in [
            "Name", "Estimate", "Priority", "Tags", "Due", "Done", "Owner", "Created", "Creator",
        ] {
            for direction in ["ascending", "descending"] {
                let sorts = json!([{"property": property, "direction": direction}, {"property": "Name", "direction": "descending"}]);
                assert_eq!(
                    f.sorted_rows(sorts.clone()),
                    f.sorted(sorts),
                    "{property} {direction}"
                );
            }
        }
        let input_order: Vec<String> = (0..60).map(|n| format!("p{n}")).collect();
        assert_eq!(f.sorted_rows(json!([])), input_order);
        assert_eq!(
            fixture().sorted_rows(json!([{"property": "Name", "direction": "ascending"}])),
            ["a-high", "b-low", "c-medium", "empty"]
        );
    }

    #[test]
    fn invalid_sorts_are_rejected() {
        let f = fixture();
        let error = |sorts| f.compile_sorts(sorts).expect_err("invalid").message;
        assert_eq!(
            error(json!([{"property": "Nope", "direction": "ascending"}])),
            "Could not find sort property with name or id: Nope"
        );
        assert_eq!(
            error(json!({"property": "Name"})),
            "body failed validation: body.sorts should be an array, instead was `{\"property\":\"Name\"}`."
        );
        assert_eq!(
            error(json!([{"property": "Name"}])),
            "body failed validation: body.sorts[0].direction should be defined, instead was `undefined`."
        );
        assert_eq!(
            error(
                json!([{"property": "Name", "direction": "ascending"}, {"property": "Name", "direction": "up"}])
            ),
            "body failed validation: body.sorts[1].direction should be `\"ascending\"` or `\"descending\"`, instead was `\"up\"`."
        );
        assert_eq!(
            error(json!([{"timestamp": "created", "direction": "ascending"}])),
            "body failed validation: body.sorts[0].timestamp should be `\"created_time\"` or `\"last_edited_time\"`, instead was `\"created\"`."
        );
        assert_eq!(
            error(
                json!([{"property": "Name", "timestamp": "created_time", "direction": "ascending"}])
            ),
            "body failed validation: body.sorts[0].timestamp should be not present, instead was `\"created_time\"`."
        );
        assert!(
            error(json!([{"direction": "ascending"}]))
                .starts_with("body failed validation. Fix one: body.sorts[0].property")
        );
    }
}
