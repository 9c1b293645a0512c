//! The three-way merge of one row: the local values, Notion's values and the snapshot
//! both sides agreed on last time.
//!
//! Per property: equal sides need nothing; a side equal to the snapshot did not change,
//! so the other side's value wins; both changed (differently) is a conflict, settled by
//! the [`ConflictPolicy`]. A missing value, `null`, empty text, an empty list and an
//! unchecked box all count as "empty", so a property absent from a file never conflicts
//! with an empty one in Notion.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::record::PlainValue;

/// What to do when both sides changed the same property since the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictPolicy {
    /// Write nothing; list every conflict.
    #[default]
    Fail,
    /// Notion's value wins.
    Notion,
    /// The local value wins (and is pushed by the next sync).
    Local,
    /// The side edited last wins: the page's `last_edited_time` against the local file's
    /// modification time.
    Newer,
}

impl std::str::FromStr for ConflictPolicy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fail" => Ok(Self::Fail),
            "notion" => Ok(Self::Notion),
            "local" => Ok(Self::Local),
            "newer" => Ok(Self::Newer),
            other => Err(format!(
                "unknown conflict policy {other:?}; expected fail, notion, local or newer"
            )),
        }
    }
}

/// Both sides changed one property of one row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// The row's key.
    pub key: String,
    /// The property (`(body)` for a Markdown note's content).
    pub property: String,
    /// The local value.
    pub local: PlainValue,
    /// Notion's value.
    pub notion: PlainValue,
    /// The agreed value of the last sync, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<PlainValue>,
    /// Which side won (`None` with the `fail` policy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_to: Option<Side>,
}

/// A side of the merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The local file.
    Local,
    /// Notion.
    Notion,
}

/// The outcome of merging one row.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RowMerge {
    /// Values to write into the local source (Notion's side won).
    pub(crate) take: BTreeMap<String, PlainValue>,
    /// Every conflict, resolved or not.
    pub(crate) conflicts: Vec<Conflict>,
}

/// What the policy needs to settle a conflict.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolver {
    pub(crate) policy: ConflictPolicy,
    /// True when Notion's edit is more recent than the local file's.
    pub(crate) notion_is_newer: bool,
}

impl Resolver {
    /// The side that wins a conflict (`None` with `fail`).
    pub(crate) fn winner(self) -> Option<Side> {
        match self.policy {
            ConflictPolicy::Fail => None,
            ConflictPolicy::Notion => Some(Side::Notion),
            ConflictPolicy::Local => Some(Side::Local),
            ConflictPolicy::Newer if self.notion_is_newer => Some(Side::Notion),
            ConflictPolicy::Newer => Some(Side::Local),
        }
    }
}

/// Merges the properties of one row. `properties` limits the merge (the properties the
/// pull reads); `base` is `None` when the row was never synced.
pub(crate) fn merge_row(
    key: &str,
    local: &BTreeMap<String, PlainValue>,
    notion: &BTreeMap<String, PlainValue>,
    base: Option<&BTreeMap<String, PlainValue>>,
    resolver: Resolver,
) -> RowMerge {
    let names: BTreeSet<&String> = local.keys().chain(notion.keys()).collect();
    let mut merge = RowMerge::default();
    for name in names {
        let l = local.get(name);
        let n = notion.get(name);
        let b = base.map(|b| b.get(name));
        match decide(l, n, b) {
            Outcome::Keep => {}
            Outcome::TakeNotion => {
                merge
                    .take
                    .insert(name.clone(), n.cloned().unwrap_or(PlainValue::Null));
            }
            Outcome::Conflict => {
                let winner = resolver.winner();
                if winner == Some(Side::Notion) {
                    merge
                        .take
                        .insert(name.clone(), n.cloned().unwrap_or(PlainValue::Null));
                }
                merge.conflicts.push(Conflict {
                    key: key.to_owned(),
                    property: name.clone(),
                    local: l.cloned().unwrap_or(PlainValue::Null),
                    notion: n.cloned().unwrap_or(PlainValue::Null),
                    base: b.flatten().cloned(),
                    resolved_to: winner,
                });
            }
        }
    }
    merge
}

/// What one property needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Both sides agree, or only the local side changed.
    Keep,
    /// Only Notion changed.
    TakeNotion,
    /// Both changed, differently (or there is no snapshot and they differ).
    Conflict,
}

/// Three-way decision for one value. `base` is `None` without a snapshot, `Some(None)`
/// when the snapshot lacks the property.
pub(crate) fn decide(
    local: Option<&PlainValue>,
    notion: Option<&PlainValue>,
    base: Option<Option<&PlainValue>>,
) -> Outcome {
    if same(local, notion) {
        return Outcome::Keep;
    }
    let Some(base) = base else {
        // Never synced: a value only Notion has is news, anything else is a conflict.
        return if is_empty(local) {
            Outcome::TakeNotion
        } else {
            Outcome::Conflict
        };
    };
    if same(local, base) {
        Outcome::TakeNotion
    } else if same(notion, base) {
        Outcome::Keep
    } else {
        Outcome::Conflict
    }
}

fn is_empty(value: Option<&PlainValue>) -> bool {
    match value {
        None | Some(PlainValue::Null | PlainValue::Bool(false)) => true,
        Some(PlainValue::Text(t)) => t.is_empty(),
        Some(PlainValue::List(l)) => l.is_empty(),
        _ => false,
    }
}

/// Equal values, with every kind of "empty" equal and numbers compared with tolerance.
pub(crate) fn same(a: Option<&PlainValue>, b: Option<&PlainValue>) -> bool {
    match (a, b) {
        _ if is_empty(a) && is_empty(b) => true,
        (Some(PlainValue::Number(x)), Some(PlainValue::Number(y))) => {
            (x - y).abs() <= 1e-9 * x.abs().max(1.0)
        }
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, PlainValue> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), PlainValue::from(*v)))
            .collect()
    }

    const FAIL: Resolver = Resolver {
        policy: ConflictPolicy::Fail,
        notion_is_newer: false,
    };

    #[test]
    fn one_sided_changes_merge_without_conflict() {
        let base = map(&[("A", "1"), ("B", "1"), ("C", "1")]);
        let local = map(&[("A", "2"), ("B", "1"), ("C", "1")]);
        let notion = map(&[("A", "1"), ("B", "3"), ("C", "1"), ("D", "new")]);
        let merged = merge_row("k", &local, &notion, Some(&base), FAIL);
        assert_eq!(merged.take, map(&[("B", "3"), ("D", "new")]));
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn both_sides_changed_is_a_conflict_settled_by_policy() {
        let base = map(&[("A", "1")]);
        let local = map(&[("A", "2")]);
        let notion = map(&[("A", "3")]);
        let failed = merge_row("k", &local, &notion, Some(&base), FAIL);
        assert_eq!(failed.conflicts.len(), 1);
        assert_eq!(failed.conflicts[0].resolved_to, None);
        assert!(failed.take.is_empty());
        let newer = Resolver {
            policy: ConflictPolicy::Newer,
            notion_is_newer: true,
        };
        let notion_wins = merge_row("k", &local, &notion, Some(&base), newer);
        assert_eq!(notion_wins.take, map(&[("A", "3")]));
        let local_wins = merge_row(
            "k",
            &local,
            &notion,
            Some(&base),
            Resolver {
                policy: ConflictPolicy::Local,
                notion_is_newer: true,
            },
        );
        assert!(local_wins.take.is_empty());
        assert_eq!(local_wins.conflicts[0].resolved_to, Some(Side::Local));
    }

    #[test]
    fn empty_values_are_all_the_same() {
        assert!(same(None, Some(&PlainValue::Text(String::new()))));
        assert!(same(
            Some(&PlainValue::Null),
            Some(&PlainValue::List(vec![]))
        ));
        assert!(!same(None, Some(&PlainValue::Number(0.0))));
        assert_eq!(
            decide(None, Some(&PlainValue::from("x")), None),
            Outcome::TakeNotion
        );
    }
}
