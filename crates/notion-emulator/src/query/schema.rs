//! Finding a data-source property by name or by id.

use serde_json::{Map, Value};

/// A schema entry a filter or sort refers to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PropertyRef<'a> {
    /// The property's name: the key of its value in page `properties`.
    pub(crate) name: &'a str,
    /// The property type (`title`, `number`, …).
    pub(crate) kind: &'a str,
    /// The whole schema entry `{id, name, type, <type>: config}`.
    pub(crate) entry: &'a Value,
}

impl<'a> PropertyRef<'a> {
    /// The `<type>` configuration object of the entry (`options` for select, …).
    pub(crate) fn config(&self) -> Option<&'a Value> {
        self.entry.get(self.kind)
    }
}

/// Resolves `name_or_id` against the schema: by name first, then by property id (compared
/// both as sent and URL-decoded, since ids such as `Z%3ClH` reach us either way).
pub(crate) fn resolve<'a>(
    schema: &'a Map<String, Value>,
    name_or_id: &str,
) -> Option<PropertyRef<'a>> {
    let found = schema.get_key_value(name_or_id).or_else(|| {
        let decoded = percent_decode(name_or_id);
        schema.iter().find(|(_, entry)| {
            entry
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|id| id == name_or_id || percent_decode(id) == decoded)
        })
    })?;
    let (name, entry) = found;
    let name = entry.get("name").and_then(Value::as_str).unwrap_or(name);
    let kind = entry.get("type").and_then(Value::as_str).unwrap_or("");
    Some(PropertyRef { name, kind, entry })
}

/// Decodes `%XX` escapes; malformed escapes are kept as they are.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut position = 0;
    while position < bytes.len() {
        let escape = bytes.get(position + 1..position + 3).and_then(|hex| {
            std::str::from_utf8(hex)
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        });
        match (bytes[position], escape) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                position += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                position += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Map<String, Value> {
        let value = json!({
            "Name": {"id": "title", "name": "Name", "description": null, "type": "title", "title": {}},
            "Status": {"id": "Z%3ClH", "name": "Status", "description": null, "type": "status", "status": {"options": []}},
        });
        match value {
            Value::Object(map) => map,
            _ => unreachable!("literal is an object"),
        }
    }

    #[test]
    fn resolves_by_name() {
        let schema = schema();
        let found = resolve(&schema, "Status").expect("found");
        assert_eq!((found.name, found.kind), ("Status", "status"));
        assert_eq!(found.config(), Some(&json!({"options": []})));
    }

    #[test]
    fn resolves_by_encoded_or_decoded_id() {
        let schema = schema();
        assert_eq!(resolve(&schema, "Z%3ClH").expect("found").name, "Status");
        assert_eq!(resolve(&schema, "Z<lH").expect("found").name, "Status");
        assert_eq!(resolve(&schema, "title").expect("found").name, "Name");
    }

    #[test]
    fn unknown_names_are_not_found() {
        assert!(resolve(&schema(), "Foo").is_none());
    }

    #[test]
    fn percent_decode_keeps_malformed_escapes() {
        assert_eq!(percent_decode("a%3Cb%zz%"), "a<b%zz%");
    }
}
