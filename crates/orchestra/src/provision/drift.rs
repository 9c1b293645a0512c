//! Differences between the brief's schema and a live data source.

use std::collections::BTreeMap;
use std::fmt;

use crate::record::LiveSchema;
use crate::schema::{DatabaseSpec, PropertyKind};

/// One difference.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Drift {
    /// The property does not exist.
    Missing {
        /// The brief's name.
        property: String,
        /// The brief's type.
        kind: PropertyKind,
    },
    /// The property exists with another type.
    WrongType {
        /// The brief's name.
        property: String,
        /// The brief's type.
        expected: PropertyKind,
        /// The Notion type found.
        found: String,
    },
    /// Select options of the brief that the property lacks.
    MissingOptions {
        /// The brief's name.
        property: String,
        /// The options to add.
        options: Vec<String>,
        /// The options it has now (kept).
        existing: Vec<String>,
    },
    /// The property was renamed in Notion (same property id, another name).
    Renamed {
        /// The brief's name.
        property: String,
        /// Its name now.
        now: String,
        /// Its id.
        id: String,
    },
    /// A number shown in another format.
    WrongFormat {
        /// The brief's name.
        property: String,
        /// The brief's format.
        expected: String,
        /// The format found.
        found: Option<String>,
    },
    /// A relation pointing at another database than the brief says.
    WrongTarget {
        /// The brief's name.
        property: String,
        /// The target data source expected.
        expected: String,
        /// The target found.
        found: Option<String>,
    },
}

impl Drift {
    /// The brief's property name.
    pub fn property(&self) -> &str {
        match self {
            Self::Missing { property, .. }
            | Self::WrongType { property, .. }
            | Self::MissingOptions { property, .. }
            | Self::Renamed { property, .. }
            | Self::WrongFormat { property, .. }
            | Self::WrongTarget { property, .. } => property,
        }
    }

    /// True when `init --apply` repairs it without touching data: adding a property or
    /// options, renaming back, setting a number format. Type and target changes are
    /// left to a person.
    pub fn is_repairable(&self) -> bool {
        !matches!(self, Self::WrongType { .. } | Self::WrongTarget { .. })
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing { property, kind } => write!(f, "+ add property {property:?} ({kind})"),
            Self::WrongType {
                property,
                expected,
                found,
            } => write!(
                f,
                "! property type mismatch: {property:?} is {} in Notion, expected {expected}; \
                 not changed automatically (it could lose data): change its type in Notion",
                PropertyKind::brief_name_of(found).unwrap_or(found)
            ),
            Self::MissingOptions {
                property, options, ..
            } => write!(
                f,
                "+ add option(s) {} to {property:?}",
                options
                    .iter()
                    .map(|o| format!("{o:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::Renamed { property, now, .. } => {
                write!(
                    f,
                    "~ rename {now:?} back to {property:?} (same property, renamed in Notion)"
                )
            }
            Self::WrongFormat {
                property,
                expected,
                found,
            } => write!(
                f,
                "~ set number format of {property:?} to {expected} (now {})",
                found.as_deref().unwrap_or("none")
            ),
            Self::WrongTarget {
                property,
                expected,
                found,
            } => write!(
                f,
                "! relation {property:?} points at {}, expected data source {expected}; not changed automatically",
                found.as_deref().unwrap_or("nothing")
            ),
        }
    }
}

/// Compares `spec` with `live`. `property_ids` are the ids remembered from the last
/// `init` (to recognise renames); `targets` maps database keys to data source ids.
pub fn detect(
    spec: &DatabaseSpec,
    live: &LiveSchema,
    property_ids: &BTreeMap<String, String>,
    targets: &BTreeMap<String, String>,
) -> Vec<Drift> {
    let mut drift = Vec::new();
    for p in &spec.properties {
        let Some(found) = live.get(&p.name) else {
            let id = if p.kind == PropertyKind::Title {
                Some("title")
            } else {
                property_ids.get(&p.name).map(String::as_str)
            };
            match id.and_then(|id| live.name_of_id(id).map(|now| (id, now))) {
                Some((id, now)) => drift.push(Drift::Renamed {
                    property: p.name.clone(),
                    now: now.to_owned(),
                    id: id.to_owned(),
                }),
                None => drift.push(Drift::Missing {
                    property: p.name.clone(),
                    kind: p.kind,
                }),
            }
            continue;
        };
        if found.notion_type != p.kind.notion_type() {
            drift.push(Drift::WrongType {
                property: p.name.clone(),
                expected: p.kind,
                found: found.notion_type.clone(),
            });
            continue;
        }
        let missing: Vec<String> = p
            .options
            .iter()
            .filter(|o| !found.options.contains(o))
            .cloned()
            .collect();
        if !missing.is_empty() {
            drift.push(Drift::MissingOptions {
                property: p.name.clone(),
                options: missing,
                existing: found.options.clone(),
            });
        }
        if let Some(format) = &p.format
            && found.format.as_ref() != Some(format)
        {
            drift.push(Drift::WrongFormat {
                property: p.name.clone(),
                expected: format.clone(),
                found: found.format.clone(),
            });
        }
        if let Some(target) = p.target.as_ref().and_then(|t| targets.get(t))
            && found.relation_target.as_ref().map(|f| f.replace('-', ""))
                != Some(target.replace('-', ""))
        {
            drift.push(Drift::WrongTarget {
                property: p.name.clone(),
                expected: target.clone(),
                found: found.relation_target.clone(),
            });
        }
    }
    drift
}
