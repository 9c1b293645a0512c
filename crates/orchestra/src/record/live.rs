//! The schema as Notion has it right now.

use std::collections::BTreeMap;

use notion_model::property::{PropertyConfig, PropertySchema};
use notion_model::{DataSource, rich_text::plain_text};

/// One live property.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveProperty {
    /// Property id.
    pub id: String,
    /// Notion type (`rich_text`, `select`, ...).
    pub notion_type: String,
    /// Options of select / multi-select / status.
    pub options: Vec<String>,
    /// Number format.
    pub format: Option<String>,
    /// Relation target data source.
    pub relation_target: Option<String>,
}

/// A data source's schema by property name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LiveSchema {
    /// The database title.
    pub title: String,
    /// Properties by name.
    pub properties: BTreeMap<String, LiveProperty>,
}

impl LiveSchema {
    /// Reads a data source.
    pub fn from_data_source(ds: &DataSource) -> Self {
        Self {
            title: plain_text(&ds.title),
            properties: ds
                .properties
                .iter()
                .map(|(name, schema)| (name.clone(), LiveProperty::from_schema(schema)))
                .collect(),
        }
    }

    /// The property named exactly `name`.
    pub fn get(&self, name: &str) -> Option<&LiveProperty> {
        self.properties.get(name)
    }

    /// The name of the title property.
    pub fn title_property(&self) -> Option<&str> {
        self.properties
            .iter()
            .find(|(_, p)| p.notion_type == "title")
            .map(|(n, _)| n.as_str())
    }

    /// The name of the property with id `id`.
    pub fn name_of_id(&self, id: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(_, p)| p.id == id)
            .map(|(n, _)| n.as_str())
    }
}

impl LiveProperty {
    /// Reads one schema entry.
    pub fn from_schema(schema: &PropertySchema) -> Self {
        let options = |o: &Option<Vec<notion_model::property::SelectOption>>| {
            o.iter()
                .flatten()
                .filter_map(|o| o.name.clone())
                .collect::<Vec<_>>()
        };
        let (options, format, relation_target) = match &schema.config {
            PropertyConfig::Select(c) | PropertyConfig::MultiSelect(c) => {
                (options(&c.options), None, None)
            }
            PropertyConfig::Status(c) => (options(&c.options), None, None),
            PropertyConfig::Number(c) => (
                Vec::new(),
                c.format
                    .as_ref()
                    .and_then(|f| serde_json::to_value(f).ok())
                    .and_then(|v| v.as_str().map(str::to_owned)),
                None,
            ),
            PropertyConfig::Relation(c) => {
                (Vec::new(), None, c.data_source_id.map(|id| id.to_string()))
            }
            _ => (Vec::new(), None, None),
        };
        Self {
            id: schema.id.clone().unwrap_or_default(),
            notion_type: schema
                .type_name
                .clone()
                .or_else(|| schema.config.type_name().map(str::to_owned))
                .unwrap_or_default(),
            options,
            format,
            relation_target,
        }
    }
}
