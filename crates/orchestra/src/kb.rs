//! Persona knowledge bases: each persona (`cherry`, `sophia`, `karen`) has a folder of
//! Markdown notes (front matter = properties, body = page content) kept in two-way sync
//! with its database by [`crate::sync`], and searchable locally and in Notion.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::record::{LiveSchema, PlainValue, page_record};
use crate::sync::{LocalSource, SyncTarget};
use crate::workspace::Workspace;

/// The personas with a knowledge base.
pub const PERSONAS: [&str; 3] = ["cherry", "sophia", "karen"];

/// Checks that `persona` has a knowledge base.
///
/// # Errors
/// [`Error::UnknownDatabase`] listing the personas.
pub fn check_persona(persona: &str) -> Result<()> {
    if PERSONAS.contains(&persona) {
        Ok(())
    } else {
        Err(Error::UnknownDatabase {
            given: persona.to_owned(),
            known: PERSONAS.iter().map(|p| (*p).to_owned()).collect(),
        })
    }
}

/// The folder of `persona`: `dir` when given, else `[sources.knowledge_bases]`, else
/// `knowledge/<persona>/`; relative paths of the configuration are relative to its file.
pub fn folder(config: &Config, config_path: &Path, persona: &str, dir: Option<&Path>) -> PathBuf {
    if let Some(dir) = dir {
        return dir.to_owned();
    }
    let base = config_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    match config.sources.knowledge_bases.get(persona) {
        Some(path) if path.is_absolute() => path.clone(),
        Some(path) => base.join(path),
        None => base.join("knowledge").join(persona),
    }
}

/// Where a search found something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// A local note.
    Local,
    /// A row in Notion.
    Notion,
}

/// One matching note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The note's title.
    pub title: String,
    /// Where it matched.
    pub found_in: Vec<Found>,
    /// The local file, when it matched locally.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The page, when it matched in Notion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The first matching text (a line of the body or a property value).
    pub excerpt: String,
}

/// Searches titles, text properties and bodies of the local notes, and titles and text
/// properties in Notion (one data-source query), case-insensitively.
///
/// # Errors
/// The data source cannot be read or queried.
pub async fn search(
    workspace: &Workspace,
    target: &SyncTarget,
    local: Option<&LocalSource>,
    text: &str,
) -> Result<Vec<SearchHit>> {
    let needle = text.to_lowercase();
    let client = workspace.client();
    let source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let title_property = live.title_property().unwrap_or_default().to_owned();
    let mut hits: BTreeMap<String, SearchHit> = BTreeMap::new();

    for doc in local.map(LocalSource::docs).unwrap_or_default() {
        let title = doc
            .record
            .text(&title_property)
            .unwrap_or_default()
            .to_owned();
        let mut texts: Vec<String> = vec![title.clone()];
        texts.extend(doc.record.values.values().filter_map(|v| match v {
            PlainValue::Text(t) => Some(t.clone()),
            _ => None,
        }));
        texts.extend(doc.body.iter().flat_map(|b| b.lines().map(str::to_owned)));
        if let Some(found) = texts.iter().find(|t| t.to_lowercase().contains(&needle)) {
            hits.insert(
                title.clone(),
                SearchHit {
                    title,
                    found_in: vec![Found::Local],
                    file: Some(doc.file.display().to_string()),
                    url: None,
                    excerpt: excerpt(found),
                },
            );
        }
    }

    let conditions: Vec<Value> = live
        .properties
        .iter()
        .filter(|(_, p)| p.notion_type == "title" || p.notion_type == "rich_text")
        .map(|(name, p)| json!({"property": name, p.notion_type.clone(): {"contains": text}}))
        .collect();
    if !conditions.is_empty() {
        let pages = client
            .data_sources()
            .query(target.data_source)
            .filter(json!({"or": conditions}))
            .page_size(100)
            .collect_all()
            .await?;
        for page in pages {
            let record = page_record(&page, &live);
            let title = record.key.clone().unwrap_or_default();
            let found = record
                .values
                .values()
                .filter_map(|v| match v {
                    PlainValue::Text(t) if t.to_lowercase().contains(&needle) => Some(t.clone()),
                    _ => None,
                })
                .next()
                .unwrap_or_else(|| title.clone());
            let url = page.url.clone();
            let hit = hits.entry(title.clone()).or_insert_with(|| SearchHit {
                title,
                found_in: Vec::new(),
                file: None,
                url: None,
                excerpt: excerpt(&found),
            });
            hit.found_in.push(Found::Notion);
            hit.url = Some(url);
        }
    }
    Ok(hits.into_values().collect())
}

fn excerpt(text: &str) -> String {
    let line = text.trim();
    if line.chars().count() > 100 {
        format!("{}…", line.chars().take(99).collect::<String>())
    } else {
        line.to_owned()
    }
}
