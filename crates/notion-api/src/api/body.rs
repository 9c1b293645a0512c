//! A JSON object assembled field by field by the request builders.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Body fields set so far; the first serialization failure is kept for `send()`.
#[derive(Debug, Clone, Default)]
pub(crate) struct JsonBody {
    fields: Map<String, Value>,
    error: Option<String>,
}

impl JsonBody {
    /// Sets `key` to `value`.
    pub(crate) fn set(&mut self, key: &str, value: impl Serialize) {
        match serde_json::to_value(value) {
            Ok(value) => {
                self.fields.insert(key.to_owned(), value);
            }
            Err(err) => {
                self.error.get_or_insert_with(|| format!("{key}: {err}"));
            }
        }
    }

    /// Sets `outer.key` (creating `outer` as an object).
    pub(crate) fn set_in(&mut self, outer: &str, key: &str, value: impl Serialize) {
        self.set_at(&[outer, key], value);
    }

    /// Sets the field at `path`, creating (or replacing non-object) parents as objects.
    pub(crate) fn set_at(&mut self, path: &[&str], value: impl Serialize) {
        let Some((last, parents)) = path.split_last() else {
            return;
        };
        let value = match serde_json::to_value(value) {
            Ok(value) => value,
            Err(err) => {
                self.error
                    .get_or_insert_with(|| format!("{}: {err}", path.join(".")));
                return;
            }
        };
        let mut map = &mut self.fields;
        for key in parents {
            let entry = map
                .entry((*key).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            map = match entry {
                Value::Object(inner) => inner,
                _ => unreachable!("just made an object"),
            };
        }
        map.insert((*last).to_owned(), value);
    }

    /// The finished object.
    pub(crate) fn finish(&self) -> Result<&Map<String, Value>> {
        match &self.error {
            Some(err) => Err(Error::Config(format!("request body field {err}"))),
            None => Ok(&self.fields),
        }
    }
}
