//! Creating a page from a template: a local one (properties validated, body converted with
//! notion-markdown) or one of Notion's data-source templates.

use std::collections::BTreeMap;

use notion_markdown::{Options, Target, markdown_to_blocks, plan_appends};
use notion_model::{PageId, Parent, Template};
use serde::Serialize;
use serde_json::json;

use super::local::LocalTemplate;
use crate::error::{Error, Result};
use crate::record::{LiveSchema, PlainValue, Record, Validator, did_you_mean};
use crate::sync::SyncTarget;
use crate::workspace::Workspace;

/// A page made from a template.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedTemplate {
    /// The template's name.
    pub template: String,
    /// `local` or `notion`.
    pub source: String,
    /// The new page.
    pub page_id: PageId,
    /// Its URL.
    pub url: String,
    /// Top-level blocks written from the body (local templates).
    pub blocks: usize,
    /// What the Markdown conversion approximated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Creates a page in `target` from `template`. `values` fill placeholders; a name that is
/// not a placeholder but a property of the database sets that property directly.
///
/// # Errors
/// [`Error::Template`] for missing placeholders or unknown names, [`Error::Invalid`] when
/// the properties do not validate (nothing is sent), or the API error.
pub async fn apply_local(
    workspace: &Workspace,
    target: &SyncTarget,
    template: &LocalTemplate,
    values: &BTreeMap<String, String>,
) -> Result<AppliedTemplate> {
    let client = workspace.client();
    let source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let wanted = template.placeholders();
    let mut placeholder_values = BTreeMap::new();
    let mut overrides = Record::new();
    for (name, value) in values {
        if wanted.contains(name) || name == "today" {
            placeholder_values.insert(name.clone(), value.clone());
        } else if live.get(name).is_some() {
            overrides
                .values
                .insert(name.clone(), PlainValue::Text(value.clone()));
        } else {
            return Err(unknown_name(template, &live, name));
        }
    }
    let (mut record, body) = template.render(&placeholder_values)?;
    record.values.extend(overrides.values);
    let valid = Validator::new(
        &live,
        target.spec.as_ref(),
        workspace.config().notion.option_policy,
    )
    .validate(&record)?;

    let converted = markdown_to_blocks(&body, &Options::new());
    let warnings = converted
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    let blocks = converted.blocks.len();
    let mut calls = plan_appends(converted.blocks).into_calls().into_iter();
    if calls.clone().any(|c| c.parent != Target::Root) {
        return Err(Error::Template {
            template: template.name.clone(),
            message: "the body nests blocks deeper than one request can create; flatten the \
                      deepest lists"
                .to_owned(),
        });
    }
    let mut request = client
        .pages()
        .create(Parent::data_source(target.data_source));
    for (name, value) in valid.properties {
        request = request.property(&name, value);
    }
    if let Some(first) = calls.next() {
        request = request.children(first.children);
    }
    let page = request.send().await?;
    for call in calls {
        client
            .blocks()
            .append(page.id.into(), call.children)
            .send()
            .await?;
    }
    Ok(AppliedTemplate {
        template: template.name.clone(),
        source: "local".to_owned(),
        page_id: page.id,
        url: page.url,
        blocks,
        warnings,
    })
}

fn unknown_name(template: &LocalTemplate, live: &LiveSchema, name: &str) -> Error {
    let placeholders = template.placeholders();
    let candidates = placeholders
        .iter()
        .map(String::as_str)
        .chain(live.properties.keys().map(String::as_str));
    let hint = did_you_mean(name, candidates)
        .map(|n| format!(" Did you mean {n:?}?"))
        .unwrap_or_default();
    Error::Template {
        template: template.name.clone(),
        message: format!(
            "--set {name}: neither a placeholder of the template ({}) nor a property of {}.{hint}",
            if placeholders.is_empty() {
                "it has none".to_owned()
            } else {
                placeholders.join(", ")
            },
            live.title
        ),
    }
}

/// The data source's templates in Notion (`GET /v1/data_sources/{id}/templates`).
///
/// # Errors
/// The API error.
pub async fn list_notion(workspace: &Workspace, target: &SyncTarget) -> Result<Vec<Template>> {
    Ok(workspace
        .client()
        .data_sources()
        .templates(target.data_source)
        .collect_all()
        .await?)
}

/// Creates a page in `target` from Notion template `template` (by name or id), with
/// `record`'s properties validated and set on top.
///
/// # Errors
/// [`Error::Template`] when the data source has no such template, [`Error::Invalid`],
/// or the API error.
pub async fn apply_notion(
    workspace: &Workspace,
    target: &SyncTarget,
    template: &str,
    record: &Record,
) -> Result<AppliedTemplate> {
    let client = workspace.client();
    let templates = list_notion(workspace, target).await?;
    let found = templates
        .iter()
        .find(|t| t.id == template || t.name.eq_ignore_ascii_case(template))
        .ok_or_else(|| {
            let hint = did_you_mean(template, templates.iter().map(|t| t.name.as_str()))
                .map(|n| format!("did you mean {n:?}? "))
                .unwrap_or_default();
            let names: Vec<String> = templates.iter().map(|t| format!("{:?}", t.name)).collect();
            Error::Template {
                template: template.to_owned(),
                message: format!(
                    "no local template and no Notion template of {} has this name; {hint}\
                     Notion templates: {}",
                    target.label,
                    if names.is_empty() {
                        "none".to_owned()
                    } else {
                        names.join(", ")
                    }
                ),
            }
        })?;
    let source = client.data_sources().retrieve(target.data_source).await?;
    let live = LiveSchema::from_data_source(&source);
    let valid = Validator::new(
        &live,
        target.spec.as_ref(),
        workspace.config().notion.option_policy,
    )
    .validate(record)?;
    let mut request = client
        .pages()
        .create(Parent::data_source(target.data_source))
        .field(
            "template",
            json!({"type": "template_id", "template_id": found.id}),
        );
    for (name, value) in valid.properties {
        request = request.property(&name, value);
    }
    let page = request.send().await?;
    Ok(AppliedTemplate {
        template: found.name.clone(),
        source: "notion".to_owned(),
        page_id: page.id,
        url: page.url,
        blocks: 0,
        warnings: Vec::new(),
    })
}
