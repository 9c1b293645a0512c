//! Writing `orchestra.toml` back without losing the user's comments and layout.
//!
//! The old and the new configuration are both serialised the same way and compared key by
//! key; only the keys whose values differ are written into the parsed document (with
//! `toml_edit`), so comments, key order, blank lines and formatting of everything else
//! survive untouched.

use toml_edit::{DocumentMut, Item, TableLike};

/// Keys the reader also accepts under another name: writing one removes its alias.
const ALIASES: [(&str, &str); 1] = [("webhook_env", "webhook_url_env")];

/// `existing` (the file as the user wrote it, which parsed to `old`) updated to `new`.
pub(super) fn update_document(
    existing: &str,
    old: &toml::Table,
    new: &toml::Table,
) -> Result<String, String> {
    let mut doc: DocumentMut = existing.parse().map_err(|e| format!("{e}"))?;
    apply_changes(doc.as_table_mut(), &mut Vec::new(), old, new)?;
    Ok(doc.to_string())
}

/// Writes into `target` (the document's table at `path`) every key whose value differs
/// between `old` and `new`, and removes the keys `new` no longer has.
fn apply_changes(
    target: &mut dyn TableLike,
    path: &mut Vec<String>,
    old: &toml::Table,
    new: &toml::Table,
) -> Result<(), String> {
    for (key, new_value) in new {
        let old_value = old.get(key);
        if old_value == Some(new_value) {
            continue;
        }
        path.push(key.clone());
        match (old_value, new_value) {
            (Some(toml::Value::Table(old_table)), toml::Value::Table(new_table)) => {
                if !target.contains_key(key) {
                    target.insert(key, Item::Table(toml_edit::Table::new()));
                }
                match target.get_mut(key).and_then(Item::as_table_like_mut) {
                    Some(inner) => apply_changes(inner, path, old_table, new_table)?,
                    None => replace(target, key, item_at(path, new_value)?),
                }
            }
            _ => replace(target, key, item_at(path, new_value)?),
        }
        path.pop();
        if let Some((_, alias)) = ALIASES.iter().find(|(name, _)| name == key) {
            target.remove(alias);
        }
    }
    for key in old.keys().filter(|key| !new.contains_key(*key)) {
        target.remove(key);
    }
    Ok(())
}

/// Puts `item` at `key`, keeping the comment beside an old value of the same kind.
fn replace(target: &mut dyn TableLike, key: &str, mut item: Item) {
    if let (Some(Item::Value(old)), Item::Value(new)) = (target.get(key), &mut item) {
        *new.decor_mut() = old.decor().clone();
    }
    match target.get_mut(key) {
        Some(slot) => *slot = item,
        None => {
            target.insert(key, item);
        }
    }
}

/// `value` formatted as TOML would write it at `path` (tables as `[a.b]` sections),
/// placed after whatever already exists in its parent.
fn item_at(path: &[String], value: &toml::Value) -> Result<Item, String> {
    let mut wrapped = value.clone();
    for key in path.iter().rev() {
        let mut table = toml::Table::new();
        table.insert(key.clone(), wrapped);
        wrapped = toml::Value::Table(table);
    }
    let text = toml::to_string_pretty(&wrapped).map_err(|e| e.to_string())?;
    let doc: DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let mut item = doc.into_item();
    for key in path {
        item = item
            .as_table_like_mut()
            .and_then(|table| table.remove(key))
            .ok_or_else(|| format!("`{}` vanished while formatting", path.join(".")))?;
    }
    forget_positions(&mut item);
    Ok(item)
}

/// Tables keep their position and spacing from the document they were parsed from; without
/// them they follow the table before them in the target document, after a blank line.
fn forget_positions(item: &mut Item) {
    match item {
        Item::Table(table) => {
            table.set_position(None);
            table.decor_mut().clear();
            for (_, inner) in table.iter_mut() {
                forget_positions(inner);
            }
        }
        Item::ArrayOfTables(array) => {
            for table in array.iter_mut() {
                table.set_position(None);
                table.decor_mut().clear();
                for (_, inner) in table.iter_mut() {
                    forget_positions(inner);
                }
            }
        }
        Item::None | Item::Value(_) => {}
    }
}
