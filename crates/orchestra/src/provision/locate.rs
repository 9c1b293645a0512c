//! Finding a database: by the id stored in `orchestra.toml`, else by title under the parent.

use std::fmt;

use notion_api::Client;
use notion_api::api::SearchFilter;
use notion_model::{DataSource, PageId, ParentKind, rich_text::plain_text};

use crate::config::{Config, ResolvedIds};
use crate::schema::DatabaseSpec;

/// How a database was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum FoundBy {
    /// By the ids in `orchestra.toml`.
    StoredId,
    /// By its title under the parent page.
    Title,
}

impl fmt::Display for FoundBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::StoredId => "found by stored id",
            Self::Title => "found by title",
        })
    }
}

pub(crate) enum Located {
    Found {
        ids: ResolvedIds,
        found_by: FoundBy,
        source: Box<DataSource>,
    },
    Missing,
    Blocked {
        reason: String,
        fix: String,
    },
}

pub(crate) async fn locate(
    client: &Client,
    spec: &DatabaseSpec,
    config: &Config,
    parent: PageId,
) -> Located {
    if let Some(ids) = config.ids(&spec.key) {
        return match client.data_sources().retrieve(ids.data_source_id).await {
            Ok(source) if source.in_trash => Located::Blocked {
                reason: format!("the stored database {} is in the trash", ids.database_id),
                fix: format!(
                    "restore it from the trash in Notion, or remove [databases.{}] from orchestra.toml to create a new one",
                    spec.key
                ),
            },
            Ok(source) => Located::Found {
                ids,
                found_by: FoundBy::StoredId,
                source: Box::new(source),
            },
            Err(err) if err.is_not_found() => Located::Blocked {
                reason: format!("Database not found: {} ({err})", ids.database_id),
                fix: format!(
                    "confirm the database ID is correct, share it with the integration (\"...\" menu -> Add connections -> Confirm), \
                     or remove [databases.{}] from orchestra.toml to create a new one",
                    spec.key
                ),
            },
            Err(err) => Located::Blocked {
                reason: err.to_string(),
                fix: "run `orchestra doctor`".to_owned(),
            },
        };
    }
    match find_by_title(client, spec, parent).await {
        Ok(Some(source)) => {
            let database_id = match &source.parent.kind {
                ParentKind::Database(id) => Some(*id),
                ParentKind::DataSource { database_id, .. } => *database_id,
                _ => None,
            };
            match database_id {
                Some(database_id) => Located::Found {
                    ids: ResolvedIds {
                        database_id,
                        data_source_id: source.id,
                    },
                    found_by: FoundBy::Title,
                    source: Box::new(source),
                },
                None => Located::Missing,
            }
        }
        Ok(None) => Located::Missing,
        Err(err) => Located::Blocked {
            reason: format!("searching for {:?} failed: {err}", spec.title),
            fix: "run `orchestra doctor`".to_owned(),
        },
    }
}

async fn find_by_title(
    client: &Client,
    spec: &DatabaseSpec,
    parent: PageId,
) -> notion_api::Result<Option<DataSource>> {
    let results = client
        .search()
        .query(spec.title.clone())
        .filter(SearchFilter::DataSources)
        .collect_all()
        .await?;
    Ok(results
        .into_iter()
        .filter_map(|r| r.as_data_source().cloned())
        .find(|ds| {
            !ds.in_trash
                && plain_text(&ds.title) == spec.title
                && ds
                    .database_parent
                    .as_ref()
                    .is_some_and(|p| p.kind == ParentKind::Page(parent))
        }))
}
