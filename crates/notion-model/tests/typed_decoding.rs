//! Round-tripping alone would also pass if values fell back to raw JSON; these tests check that
//! the in-repo fixtures decode into the typed variants.

use notion_model::filter::{
    Filter, NumberCondition, PropertyCondition, SelectCondition, StringOrStrings,
};
use notion_model::property::{FormulaContent, RollupContent};
use notion_model::requests::{CreatePageRequest, PropertyInput, QueryDataSourceRequest};
use notion_model::{
    Block, BlockContent, DataSource, ListResponse, Page, ParentKind, PropertyConfig,
    PropertyValueContent,
};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn body(case: &Value) -> Value {
    case["body"].clone()
}

#[test]
fn page_values_are_typed() {
    let page: Page = serde_json::from_value(body(&fixture("page_every_property_value"))).unwrap();
    let value = |name: &str| &page.properties[name].value;
    assert!(
        matches!(value("Progress"), PropertyValueContent::Number(Some(n)) if n.as_f64() == Some(0.25))
    );
    assert!(matches!(
        value("Budget"),
        PropertyValueContent::Number(None)
    ));
    assert!(
        matches!(value("Score"), PropertyValueContent::Formula(f) if matches!(f.value, FormulaContent::Number(_)))
    );
    assert!(
        matches!(value("All"), PropertyValueContent::Rollup(r) if matches!(&r.value, RollupContent::Array(a) if a.len() == 2))
    );
    assert!(matches!(
        value("Where"),
        PropertyValueContent::Place(Some(_))
    ));
    assert!(
        matches!(value("Verified"), PropertyValueContent::Verification(Some(v)) if v.state == "verified")
    );
    assert!(matches!(value("Future"), PropertyValueContent::Unknown));
    assert!(page.properties["Future"].extra.contains_key("sentiment"));
    assert_eq!(page.properties["Project"].has_more, Some(true));
    assert!(matches!(page.parent.kind, ParentKind::Agent(_)));
    assert_eq!(
        page.title()
            .as_deref()
            .map(|t| t.starts_with("Everything@Ada")),
        Some(true)
    );
}

#[test]
fn every_block_type_is_typed() {
    let list: ListResponse<Block> =
        serde_json::from_value(body(&fixture("blocks_every_type"))).unwrap();
    let unknown: Vec<&str> = list
        .results
        .iter()
        .filter(|b| matches!(b.content, BlockContent::Unknown))
        .map(|b| b.type_name.as_str())
        .collect();
    assert_eq!(unknown, ["hologram"]);
    for block in &list.results {
        if let Some(name) = block.content.type_name() {
            assert_eq!(name, block.type_name);
        }
    }
    let future = list.results.last().unwrap();
    assert_eq!(future.unknown_payload().unwrap()["depth"], 3);
}

#[test]
fn every_schema_type_is_typed() {
    let ds: DataSource =
        serde_json::from_value(body(&fixture("data_source_every_property_type"))).unwrap();
    let unknown: Vec<&String> = ds
        .properties
        .iter()
        .filter(|(_, s)| matches!(s.config, PropertyConfig::Unknown))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(unknown, ["Future"]);
    assert_eq!(ds.title_property(), Some("Name"));
}

#[test]
fn requests_are_typed() {
    let cases = fixture("requests");
    let query: QueryDataSourceRequest = serde_json::from_value(body(&cases[0])).unwrap();
    let Some(Filter::Or(items)) = &query.filter else {
        panic!("expected an or filter")
    };
    let Filter::Property(first) = &items[0] else {
        panic!("expected a property filter")
    };
    assert!(matches!(
        &first.condition,
        PropertyCondition::Status(SelectCondition::Equals(StringOrStrings::Many(v))) if v.len() == 2
    ));
    let Filter::And(inner) = &items[1] else {
        panic!("expected a nested and")
    };
    let others = inner
        .iter()
        .filter(|f| match f {
            Filter::Property(p) => matches!(
                p.condition,
                PropertyCondition::Number(NumberCondition::Other(_))
            ),
            Filter::Other(_) => true,
            _ => false,
        })
        .count();
    assert_eq!(others, 1, "only the made-up `is_within` operator stays raw");

    let create: CreatePageRequest = serde_json::from_value(body(&cases[4])).unwrap();
    let props = create.properties.unwrap();
    assert!(
        props
            .0
            .values()
            .all(|p| matches!(p, PropertyInput::Value(_)))
    );
    assert_eq!(
        props.get("Status").and_then(|v| v.option_name()),
        Some("Active")
    );
}
