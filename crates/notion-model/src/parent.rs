//! The `parent` object of pages, blocks, databases, data sources and comments.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::common::Extra;
use crate::ids::{BlockId, DataSourceId, DatabaseId, PageId};

/// Where an object lives.
///
/// Requests may omit `type` (`{"page_id": "..."}`); [`Parent::tagged`] remembers whether it was
/// there so the object re-encodes as received. Unknown parent types keep their name and payload.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Parent {
    /// The parent's kind and id.
    pub kind: ParentKind,
    /// Whether the `type` key is written.
    pub tagged: bool,
    /// Keys this crate does not model (for unknown kinds: the whole payload).
    pub extra: Extra,
}

/// The kinds of parent.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ParentKind {
    /// `{"type":"page_id","page_id":...}`
    Page(PageId),
    /// `{"type":"data_source_id","data_source_id":...,"database_id":...}` (2025-09-03+).
    DataSource {
        /// The data source.
        data_source_id: DataSourceId,
        /// Its database (present in responses).
        database_id: Option<DatabaseId>,
    },
    /// `{"type":"database_id","database_id":...}`
    Database(DatabaseId),
    /// `{"type":"block_id","block_id":...}`
    Block(BlockId),
    /// `{"type":"workspace","workspace":true}`
    Workspace,
    /// `{"type":"agent_id","agent_id":...}` (2026).
    Agent(String),
    /// A parent type this crate does not know; its keys stay in `extra`.
    Unknown(String),
}

impl Parent {
    fn of(kind: ParentKind) -> Self {
        Self {
            kind,
            tagged: true,
            extra: Extra::new(),
        }
    }

    /// A page parent.
    pub fn page(id: PageId) -> Self {
        Self::of(ParentKind::Page(id))
    }

    /// A data-source parent (for pages in a data source, 2025-09-03+).
    pub fn data_source(id: DataSourceId) -> Self {
        Self::of(ParentKind::DataSource {
            data_source_id: id,
            database_id: None,
        })
    }

    /// A data-source parent with its database, as responses carry it.
    pub fn data_source_in(id: DataSourceId, database_id: DatabaseId) -> Self {
        Self::of(ParentKind::DataSource {
            data_source_id: id,
            database_id: Some(database_id),
        })
    }

    /// A database parent.
    pub fn database(id: DatabaseId) -> Self {
        Self::of(ParentKind::Database(id))
    }

    /// A block parent.
    pub fn block(id: BlockId) -> Self {
        Self::of(ParentKind::Block(id))
    }

    /// The workspace.
    pub fn workspace() -> Self {
        Self::of(ParentKind::Workspace)
    }

    /// Drops the `type` key on output, as hand-written requests often do.
    pub fn untagged(mut self) -> Self {
        self.tagged = false;
        self
    }

    /// The wire type name (`page_id`, `data_source_id`, ...).
    pub fn type_name(&self) -> &str {
        match &self.kind {
            ParentKind::Page(_) => "page_id",
            ParentKind::DataSource { .. } => "data_source_id",
            ParentKind::Database(_) => "database_id",
            ParentKind::Block(_) => "block_id",
            ParentKind::Workspace => "workspace",
            ParentKind::Agent(_) => "agent_id",
            ParentKind::Unknown(name) => name,
        }
    }
}

impl Serialize for Parent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serde_json::Map::new();
        if self.tagged {
            map.insert("type".into(), Value::String(self.type_name().to_owned()));
        }
        let id = |v: String| Value::String(v);
        match &self.kind {
            ParentKind::Page(p) => {
                map.insert("page_id".into(), id(p.to_string()));
            }
            ParentKind::DataSource {
                data_source_id,
                database_id,
            } => {
                map.insert("data_source_id".into(), id(data_source_id.to_string()));
                if let Some(db) = database_id {
                    map.insert("database_id".into(), id(db.to_string()));
                }
            }
            ParentKind::Database(d) => {
                map.insert("database_id".into(), id(d.to_string()));
            }
            ParentKind::Block(b) => {
                map.insert("block_id".into(), id(b.to_string()));
            }
            ParentKind::Workspace => {
                map.insert("workspace".into(), Value::Bool(true));
            }
            ParentKind::Agent(a) => {
                map.insert("agent_id".into(), id(a.clone()));
            }
            ParentKind::Unknown(_) => {}
        }
        for (k, v) in &self.extra {
            map.insert(k.clone(), v.clone());
        }
        map.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Parent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut map = serde_json::Map::deserialize(deserializer)?;
        let tag = match map.remove("type") {
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                return Err(D::Error::custom(format!(
                    "parent.type must be a string, got {other}"
                )));
            }
            None => None,
        };
        let tagged = tag.is_some();
        let inferred = tag.unwrap_or_else(|| {
            [
                "data_source_id",
                "page_id",
                "database_id",
                "block_id",
                "workspace",
                "agent_id",
            ]
            .into_iter()
            .find(|k| map.contains_key(*k))
            .unwrap_or("unknown")
            .to_owned()
        });
        fn take<T: std::str::FromStr, E: serde::de::Error>(
            map: &mut serde_json::Map<String, Value>,
            key: &str,
        ) -> Result<T, E>
        where
            T::Err: std::fmt::Display,
        {
            match map.remove(key) {
                Some(Value::String(s)) => s
                    .parse()
                    .map_err(|e| E::custom(format!("parent.{key}: {e}"))),
                Some(other) => Err(E::custom(format!(
                    "parent.{key}: expected a string, got {other}"
                ))),
                None => Err(E::custom(format!("parent: missing {key}"))),
            }
        }
        let kind = match inferred.as_str() {
            "page_id" => ParentKind::Page(take(&mut map, "page_id")?),
            "data_source_id" => {
                let data_source_id = take(&mut map, "data_source_id")?;
                let database_id = if map.contains_key("database_id") {
                    Some(take(&mut map, "database_id")?)
                } else {
                    None
                };
                ParentKind::DataSource {
                    data_source_id,
                    database_id,
                }
            }
            "database_id" => ParentKind::Database(take(&mut map, "database_id")?),
            "block_id" => ParentKind::Block(take(&mut map, "block_id")?),
            "workspace" if map.get("workspace") == Some(&Value::Bool(true)) => {
                map.remove("workspace");
                ParentKind::Workspace
            }
            "agent_id" => ParentKind::Agent(take(&mut map, "agent_id")?),
            other => ParentKind::Unknown(other.to_owned()),
        };
        Ok(Parent {
            kind,
            tagged,
            extra: map.into(),
        })
    }
}
