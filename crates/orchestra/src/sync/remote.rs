//! The rows already in Notion: one full read, indexed by key.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use futures::TryStreamExt;
use notion_api::Client;
use notion_model::{DataSourceId, Page, PageId};
use serde_json::{Value, json};

use super::diff::{comparable, key_text};
use crate::error::Result;
use crate::record::{LiveSchema, PlainValue};

/// One row as the sync sees it.
#[derive(Debug, Clone)]
pub(crate) struct RemoteRow {
    pub(crate) page_id: PageId,
    pub(crate) values: BTreeMap<String, PlainValue>,
    pub(crate) last_edited_time: String,
    pub(crate) in_trash: bool,
}

/// Rows by key; later rows with a key already seen are counted as duplicates.
#[derive(Debug, Default)]
pub(crate) struct RemoteIndex {
    pub(crate) by_key: HashMap<String, RemoteRow>,
    pub(crate) duplicate_keys: Vec<String>,
}

/// What to read: the data source, its schema, the synced properties and the key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReadScope<'a> {
    pub(crate) client: &'a Client,
    pub(crate) data_source: DataSourceId,
    pub(crate) live: &'a LiveSchema,
    pub(crate) properties: &'a [String],
    pub(crate) key_property: &'a str,
}

impl ReadScope<'_> {
    /// The row of `page` in sync form, keyed.
    pub(crate) fn row(&self, page: &Page) -> Option<(String, RemoteRow)> {
        let values: BTreeMap<String, PlainValue> = page
            .properties
            .iter()
            .filter(|(name, _)| self.properties.contains(name))
            .filter_map(|(name, value)| Some((name.clone(), comparable(name, value, self.live)?)))
            .collect();
        let key = key_text(values.get(self.key_property)?)?;
        Some((
            key,
            RemoteRow {
                page_id: page.id,
                values,
                last_edited_time: page.last_edited_time.as_str().to_owned(),
                in_trash: page.in_trash,
            },
        ))
    }

    pub(crate) fn property_ids(&self) -> Vec<String> {
        self.properties
            .iter()
            .filter_map(|name| self.live.get(name).map(|p| p.id.clone()))
            .filter(|id| !id.is_empty())
            .collect()
    }

    /// Every row (past the per-query cap), only the synced properties.
    pub(crate) async fn read_all(&self) -> Result<RemoteIndex> {
        let mut rows = self
            .client
            .data_sources()
            .query(self.data_source)
            .filter_properties(self.property_ids())
            .page_size(100)
            .scan_all();
        let mut index = RemoteIndex::default();
        while let Some(page) = rows.try_next().await? {
            let Some((key, row)) = self.row(&page) else {
                continue;
            };
            match index.by_key.entry(key) {
                Entry::Occupied(seen) => index.duplicate_keys.push(seen.key().clone()),
                Entry::Vacant(slot) => {
                    slot.insert(row);
                }
            }
        }
        Ok(index)
    }

    /// The row whose key property equals `key`, if any (the oldest when several).
    pub(crate) async fn find(&self, key: &str) -> Result<Option<RemoteRow>> {
        let pages = self
            .client
            .data_sources()
            .query(self.data_source)
            .filter(self.key_filter(key))
            .filter_properties(self.property_ids())
            .sorts(json!([{"timestamp": "created_time", "direction": "ascending"}]))
            .page_size(10)
            .send()
            .await?;
        Ok(pages
            .results
            .iter()
            .filter_map(|page| self.row(page))
            .find(|(k, _)| k == key)
            .map(|(_, row)| row))
    }

    fn key_filter(&self, key: &str) -> Value {
        let notion_type = self
            .live
            .get(self.key_property)
            .map_or("title", |p| p.notion_type.as_str());
        let condition = match notion_type {
            "number" => key.parse::<f64>().map_or(json!(key), |n| json!(n)),
            _ => json!(key),
        };
        json!({"property": self.key_property, notion_type: {"equals": condition}})
    }
}
