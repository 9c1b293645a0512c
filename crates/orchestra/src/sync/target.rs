//! Which database a sync writes: a database key of the schema, or a database (or data
//! source) id or URL.

use notion_model::{DataSourceId, DatabaseId};

use crate::error::{Error, Result};
use crate::schema::DatabaseSpec;
use crate::workspace::Workspace;

/// A resolved sync target.
#[derive(Debug, Clone)]
pub struct SyncTarget {
    /// The database key, or the id as given for a database outside the schema.
    pub label: String,
    /// The data source holding the rows.
    pub data_source: DataSourceId,
    /// The schema's definition (bounds, Date & Time), when the database is one of ours.
    pub spec: Option<DatabaseSpec>,
}

impl SyncTarget {
    /// Resolves `database`: a schema key (`projects`, ...), or an id/URL of a database or
    /// data source (a configured one is recognised and gets its schema definition).
    ///
    /// # Errors
    /// [`Error::UnknownDatabase`], [`Error::NotProvisioned`], or the API error when an
    /// unknown id cannot be read.
    pub async fn resolve(workspace: &Workspace, database: &str) -> Result<Self> {
        if workspace.schema().database(database).is_ok() {
            return Self::configured(workspace, database);
        }
        let parsed = DatabaseId::parse(database).map_err(|_| Error::UnknownDatabase {
            given: database.to_owned(),
            known: workspace.schema().keys(),
        })?;
        let wanted = parsed.to_string();
        for key in workspace.config().databases.keys() {
            if let Some(ids) = workspace.config().ids(key)
                && (ids.database_id.to_string() == wanted
                    || ids.data_source_id.to_string() == wanted)
            {
                return Self::configured(workspace, key);
            }
        }
        let client = workspace.client();
        let data_source = match client.databases().retrieve(parsed).await {
            Ok(db) => db
                .data_sources
                .unwrap_or_default()
                .first()
                .map(|d| d.id)
                .ok_or_else(|| Error::Lookup(format!("database {wanted} has no data source")))?,
            Err(err) if err.is_not_found() => {
                let ds = DataSourceId::parse(&wanted).map_err(|_| Error::Notion(err))?;
                client.data_sources().retrieve(ds).await?.id
            }
            Err(err) => return Err(err.into()),
        };
        Ok(Self {
            label: database.to_owned(),
            data_source,
            spec: None,
        })
    }

    fn configured(workspace: &Workspace, key: &str) -> Result<Self> {
        let (spec, data_source) = workspace.database(key)?;
        Ok(Self {
            label: key.to_owned(),
            data_source,
            spec: Some(spec.clone()),
        })
    }
}
