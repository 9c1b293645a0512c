//! Turning a [`PropertySpec`] into a Notion schema entry.

use notion_model::DataSourceId;
use notion_model::property::{NumberFormat, PropertySchema, SelectOption};

use super::{PropertyKind, PropertySpec};

impl PropertySpec {
    /// The Notion schema entry; relations need their target's data source id.
    /// Returns `None` for a relation whose target is not known yet.
    pub fn to_notion(&self, relation_target: Option<DataSourceId>) -> Option<PropertySchema> {
        let options = || self.options.iter().map(SelectOption::named).collect();
        let schema = match self.kind {
            PropertyKind::Title => PropertySchema::title(),
            PropertyKind::Text => PropertySchema::rich_text(),
            PropertyKind::Select => PropertySchema::select(options()),
            PropertyKind::MultiSelect => PropertySchema::multi_select(options()),
            PropertyKind::Person => PropertySchema::people(),
            PropertyKind::Date | PropertyKind::DateTime => PropertySchema::date(),
            PropertyKind::Number => PropertySchema::number(self.number_format()),
            PropertyKind::Checkbox => PropertySchema::checkbox(),
            PropertyKind::Url => PropertySchema::url(),
            PropertyKind::Relation => PropertySchema::relation(relation_target?),
        };
        let mut schema = schema;
        if !self.description.is_empty() {
            schema.description = Some(Some(self.description.clone()));
        }
        Some(schema)
    }

    /// The number format (default `number`).
    pub fn number_format(&self) -> NumberFormat {
        serde_json::from_value(serde_json::Value::String(
            self.format.clone().unwrap_or_else(|| "number".to_owned()),
        ))
        .unwrap_or(NumberFormat::Number)
    }
}
