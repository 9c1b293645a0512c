//! The filter tree: compound `and` / `or` groups over property and timestamp filters.
//!
//! Nesting follows Notion: a compound at the root may contain compounds, whose members must be
//! plain filters. An empty group (`{"and": []}` or `{"or": []}`) filters nothing out, like an
//! empty filter group in the Notion UI.

use serde_json::{Map, Value};

use super::conditions::{
    Condition, DateCondition, FILTER_TYPES, ReferenceCondition, compile_condition,
};
use super::error::{QueryError, child, index};
use super::json::field;
use super::schema::resolve;
use super::{QueryContext, Row};

/// How deep compounds may sit: the root (0) and its members (1).
const MAX_COMPOUND_DEPTH: usize = 1;

/// A filter compiled against a schema, ready to test many rows.
#[derive(Debug, Clone)]
pub(crate) struct CompiledFilter {
    root: Node,
}

#[derive(Debug, Clone)]
enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Leaf(Leaf),
}

/// Where a leaf reads its value from.
#[derive(Debug, Clone)]
enum Leaf {
    /// A page property payload: `properties[name][key]`.
    Property {
        name: String,
        key: String,
        condition: Condition,
    },
    /// The page's `created_time` or `last_edited_time`.
    Timestamp {
        field: Timestamp,
        condition: DateCondition,
    },
    /// The page's `created_by` or `last_edited_by` user.
    Author {
        field: Author,
        condition: ReferenceCondition,
    },
}

#[derive(Debug, Clone, Copy)]
enum Timestamp {
    Created,
    LastEdited,
}

#[derive(Debug, Clone, Copy)]
enum Author {
    Created,
    LastEdited,
}

/// Compiles the `filter` of a query body (the caller treats an absent filter as "match all").
pub(crate) fn compile_filter(
    filter: &Value,
    ctx: &QueryContext<'_>,
) -> Result<CompiledFilter, QueryError> {
    compile_node(filter, "body.filter", 0, ctx).map(|root| CompiledFilter { root })
}

impl CompiledFilter {
    /// Whether `row` passes the filter.
    pub(crate) fn matches(&self, row: &Row<'_>) -> bool {
        self.root.matches(row)
    }
}

impl Node {
    fn matches(&self, row: &Row<'_>) -> bool {
        match self {
            Self::And(members) => members.iter().all(|member| member.matches(row)),
            Self::Or(members) => {
                members.is_empty() || members.iter().any(|member| member.matches(row))
            }
            Self::Leaf(leaf) => leaf.matches(row),
        }
    }
}

impl Leaf {
    fn matches(&self, row: &Row<'_>) -> bool {
        match self {
            Self::Property {
                name,
                key,
                condition,
            } => condition.matches(row.properties.get(name).and_then(|value| field(value, key))),
            Self::Timestamp { field, condition } => {
                let time = match field {
                    Timestamp::Created => row.created_time,
                    Timestamp::LastEdited => row.last_edited_time,
                };
                condition.matches(Some(time).filter(|time| !time.is_empty()))
            }
            Self::Author { field, condition } => {
                let user = match field {
                    Author::Created => row.created_by,
                    Author::LastEdited => row.last_edited_by,
                };
                condition.matches_ids(Some(user).filter(|user| !user.is_empty()).into_iter())
            }
        }
    }
}

fn compile_node(
    filter: &Value,
    path: &str,
    depth: usize,
    ctx: &QueryContext<'_>,
) -> Result<Node, QueryError> {
    let Some(object) = filter.as_object() else {
        return Err(QueryError::invalid(
            path,
            "should be an object",
            Some(filter),
        ));
    };
    for operator in ["and", "or"] {
        if let Some(members) = object.get(operator) {
            return compile_compound(object, operator, members, path, depth, ctx);
        }
    }
    if object.contains_key("timestamp") {
        return compile_timestamp(object, path, ctx).map(Node::Leaf);
    }
    if object.contains_key("property") {
        return compile_property(object, path, ctx).map(Node::Leaf);
    }
    if object
        .keys()
        .any(|key| FILTER_TYPES.contains(&key.as_str()))
    {
        return Err(QueryError::missing(&child(path, "property")));
    }
    Err(QueryError::fix_one(path, &every_filter_key()))
}

fn compile_compound(
    object: &Map<String, Value>,
    operator: &str,
    members: &Value,
    path: &str,
    depth: usize,
    ctx: &QueryContext<'_>,
) -> Result<Node, QueryError> {
    let members_path = child(path, operator);
    reject_other_keys(object, &[operator], path)?;
    if depth > MAX_COMPOUND_DEPTH {
        return Err(QueryError::not_allowed(&members_path, members));
    }
    let Some(members) = members.as_array() else {
        return Err(QueryError::invalid(
            &members_path,
            "should be an array",
            Some(members),
        ));
    };
    let nodes = members
        .iter()
        .enumerate()
        .map(|(position, member)| {
            compile_node(member, &index(&members_path, position), depth + 1, ctx)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(if operator == "and" {
        Node::And(nodes)
    } else {
        Node::Or(nodes)
    })
}

fn compile_property(
    object: &Map<String, Value>,
    path: &str,
    ctx: &QueryContext<'_>,
) -> Result<Leaf, QueryError> {
    let property = &object["property"];
    let Some(name_or_id) = property.as_str() else {
        return Err(QueryError::invalid(
            &child(path, "property"),
            "should be a string",
            Some(property),
        ));
    };
    let Some((key, condition)) = object
        .iter()
        .find(|(key, _)| FILTER_TYPES.contains(&key.as_str()))
    else {
        return Err(QueryError::fix_one(path, &every_filter_key()));
    };
    reject_other_keys(object, &["property", "type", key], path)?;
    check_type_tag(object, key, path)?;
    let Some(found) = resolve(ctx.schema, name_or_id) else {
        return Err(QueryError::new(format!(
            "Could not find property with name or id: {name_or_id}"
        )));
    };
    if found.kind != key {
        return Err(QueryError::new(format!(
            "The property type in the database does not match the property type of the filter provided: database property {} does not match filter {key}",
            found.kind
        )));
    }
    let condition_path = child(path, key);
    Ok(match key.as_str() {
        "created_time" | "last_edited_time" => Leaf::Timestamp {
            field: timestamp_field(key),
            condition: DateCondition::compile(condition, &condition_path, ctx.now)?,
        },
        "created_by" | "last_edited_by" => Leaf::Author {
            field: if key == "created_by" {
                Author::Created
            } else {
                Author::LastEdited
            },
            condition: ReferenceCondition::compile_people(
                condition,
                &condition_path,
                ctx.current_user_id,
            )?,
        },
        _ => Leaf::Property {
            name: found.name.to_owned(),
            key: key.clone(),
            condition: compile_condition(key, condition, &condition_path, ctx)?,
        },
    })
}

fn compile_timestamp(
    object: &Map<String, Value>,
    path: &str,
    ctx: &QueryContext<'_>,
) -> Result<Leaf, QueryError> {
    let timestamp = &object["timestamp"];
    let key = match timestamp.as_str() {
        Some(key @ ("created_time" | "last_edited_time")) => key,
        _ => {
            return Err(QueryError::invalid(
                &child(path, "timestamp"),
                "should be `\"created_time\"` or `\"last_edited_time\"`",
                Some(timestamp),
            ));
        }
    };
    if let Some(property) = object.get("property") {
        return Err(QueryError::not_allowed(&child(path, "property"), property));
    }
    let Some(condition) = object.get(key) else {
        return Err(QueryError::missing(&child(path, key)));
    };
    reject_other_keys(object, &["timestamp", "type", key], path)?;
    check_type_tag(object, key, path)?;
    Ok(Leaf::Timestamp {
        field: timestamp_field(key),
        condition: DateCondition::compile(condition, &child(path, key), ctx.now)?,
    })
}

fn timestamp_field(key: &str) -> Timestamp {
    if key == "created_time" {
        Timestamp::Created
    } else {
        Timestamp::LastEdited
    }
}

/// The optional `"type"` member must repeat the filter key.
fn check_type_tag(object: &Map<String, Value>, key: &str, path: &str) -> Result<(), QueryError> {
    match object.get("type") {
        Some(tag) if tag.as_str() != Some(key) => Err(QueryError::invalid(
            &child(path, "type"),
            &format!("should be `\"{key}\"`"),
            Some(tag),
        )),
        _ => Ok(()),
    }
}

fn reject_other_keys(
    object: &Map<String, Value>,
    allowed: &[&str],
    path: &str,
) -> Result<(), QueryError> {
    match object
        .iter()
        .find(|(key, _)| !allowed.contains(&key.as_str()))
    {
        Some((key, value)) => Err(QueryError::not_allowed(&child(path, key), value)),
        None => Ok(()),
    }
}

/// `or`, `and` and every property filter key: what a filter object may be keyed by.
fn every_filter_key() -> Vec<&'static str> {
    ["or", "and"]
        .into_iter()
        .chain(FILTER_TYPES.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, TestPage, prop};

    fn fixture() -> Fixture {
        Fixture::of(vec![
            TestPage::new("a", json!({"Estimate": prop("number", json!(1)), "Done": prop("checkbox", json!(true))}))
                .created("2026-05-01T08:00:00.000Z")
                .edited("2026-05-06T08:00:00.000Z"),
            TestPage::new("b", json!({"Estimate": prop("number", json!(2)), "Done": prop("checkbox", json!(false))}))
                .created("2026-04-01T08:00:00.000Z")
                .edited("2026-04-02T08:00:00.000Z"),
            TestPage::new("c", json!({"Estimate": prop("number", json!(3)), "Done": prop("checkbox", json!(true))}))
                .created("2026-03-01T08:00:00.000Z")
                .edited("2026-05-05T08:00:00.000Z"),
        ])
    }

    fn greater_than(n: i64) -> serde_json::Value {
        json!({"property": "Estimate", "number": {"greater_than": n}})
    }

    fn done(value: bool) -> serde_json::Value {
        json!({"property": "Done", "checkbox": {"equals": value}})
    }

    #[test]
    fn and_requires_every_member() {
        assert_eq!(
            fixture().matching(json!({"and": [greater_than(1), done(true)]})),
            ["c"]
        );
    }

    #[test]
    fn or_requires_any_member() {
        assert_eq!(
            fixture().matching(json!({"or": [greater_than(2), done(false)]})),
            ["b", "c"]
        );
    }

    #[test]
    fn compounds_nest_one_level() {
        let filter = json!({"or": [{"and": [greater_than(0), done(false)]}, {"and": [greater_than(2), done(true)]}]});
        assert_eq!(fixture().matching(filter), ["b", "c"]);
    }

    #[test]
    fn empty_groups_filter_nothing_out() {
        assert_eq!(fixture().matching(json!({"and": []})), ["a", "b", "c"]);
        assert_eq!(fixture().matching(json!({"or": []})), ["a", "b", "c"]);
    }

    #[test]
    fn deeper_nesting_is_rejected() {
        let filter = json!({"and": [{"or": [{"and": [done(true)]}]}]});
        assert_eq!(
            fixture().error(filter),
            format!(
                "body failed validation: body.filter.and[0].or[0].and should be not present, instead was `{}`.",
                json!([done(true)])
            )
        );
    }

    #[test]
    fn compound_members_must_be_an_array_and_alone() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"and": {"property": "Done"}})),
            "body failed validation: body.filter.and should be an array, instead was `{\"property\":\"Done\"}`."
        );
        assert_eq!(
            f.error(json!({"and": [], "or": []})),
            "body failed validation: body.filter.or should be not present, instead was `[]`."
        );
    }

    #[test]
    fn an_empty_filter_object_is_rejected() {
        let message = fixture().error(json!({}));
        assert!(message.starts_with("body failed validation. Fix one: body.filter.or should be defined, instead was `undefined`. body.filter.and should be defined"), "{message}");
        assert!(message.contains("body.filter.verification should be defined"));
    }

    #[test]
    fn a_filter_must_be_an_object() {
        assert_eq!(
            fixture().error(json!([done(true)])),
            format!(
                "body failed validation: body.filter should be an object, instead was `{}`.",
                json!([done(true)])
            )
        );
    }

    #[test]
    fn unknown_properties_are_reported_by_name() {
        assert_eq!(
            fixture().error(json!({"property": "Foo", "number": {"equals": 1}})),
            "Could not find property with name or id: Foo"
        );
    }

    #[test]
    fn properties_resolve_by_id() {
        assert_eq!(
            fixture().matching(json!({"property": "%7B%5D_P", "number": {"equals": 2}})),
            ["b"]
        );
    }

    #[test]
    fn the_filter_type_must_match_the_property_type() {
        assert_eq!(
            fixture()
                .error(json!({"and": [{"property": "Estimate", "rich_text": {"equals": "1"}}]})),
            "The property type in the database does not match the property type of the filter provided: database property number does not match filter rich_text"
        );
    }

    #[test]
    fn exactly_one_condition_key() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"property": "Estimate", "number": {"equals": 1}, "checkbox": {"equals": true}})),
            "body failed validation: body.filter.checkbox should be not present, instead was `{\"equals\":true}`."
        );
        assert!(
            f.error(json!({"property": "Estimate", "text": {"equals": "1"}}))
                .starts_with("body failed validation. Fix one:")
        );
        assert_eq!(
            f.error(json!({"number": {"equals": 1}})),
            "body failed validation: body.filter.property should be defined, instead was `undefined`."
        );
    }

    #[test]
    fn the_optional_type_tag_must_agree() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Estimate", "type": "number", "number": {"equals": 3}})),
            ["c"]
        );
        assert_eq!(
            f.error(json!({"property": "Estimate", "type": "checkbox", "number": {"equals": 3}})),
            "body failed validation: body.filter.type should be `\"number\"`, instead was `\"checkbox\"`."
        );
    }

    #[test]
    fn timestamp_filters_read_page_times() {
        let f = fixture();
        assert_eq!(
            f.matching(
                json!({"timestamp": "created_time", "created_time": {"after": "2026-03-15"}})
            ),
            ["a", "b"]
        );
        assert_eq!(
            f.matching(
                json!({"timestamp": "last_edited_time", "last_edited_time": {"past_week": {}}})
            ),
            ["a", "c"]
        );
        assert_eq!(f.matching(json!({"property": "Created", "created_time": {"before": "2026-04-01T08:00:00.001Z"}})), ["b", "c"]);
        assert_eq!(
            f.matching(json!({"property": "Edited", "last_edited_time": {"equals": "2026-05-05"}})),
            ["c"]
        );
    }

    #[test]
    fn timestamp_filters_are_validated() {
        let f = fixture();
        assert_eq!(
            f.error(json!({"timestamp": "created_time", "property": "Created", "created_time": {"is_empty": true}})),
            "body failed validation: body.filter.property should be not present, instead was `\"Created\"`."
        );
        assert_eq!(
            f.error(json!({"timestamp": "created_time", "last_edited_time": {"is_empty": true}})),
            "body failed validation: body.filter.created_time should be defined, instead was `undefined`."
        );
        assert_eq!(
            f.error(json!({"timestamp": "updated", "updated": {}})),
            "body failed validation: body.filter.timestamp should be `\"created_time\"` or `\"last_edited_time\"`, instead was `\"updated\"`."
        );
    }
}
