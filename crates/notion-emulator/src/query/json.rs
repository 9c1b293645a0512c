//! Fast member access on the small JSON objects of page values.
//!
//! Property values (`{id, type, <type>}`), options and rich-text items have a handful of keys;
//! scanning them is cheaper than hashing the key, which matters when a sort compares rows
//! hundreds of thousands of times.

use serde_json::Value;

/// Objects up to this size are scanned rather than hashed.
const SCAN_LIMIT: usize = 8;

/// `value[key]` when `value` is an object holding `key`.
pub(crate) fn field<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    let object = value.as_object()?;
    if object.len() <= SCAN_LIMIT {
        object
            .iter()
            .find_map(|(name, member)| (name == key).then_some(member))
    } else {
        object.get(key)
    }
}

/// `value[key]` as a string.
pub(crate) fn str_field<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    field(value, key).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_members_of_small_and_large_objects() {
        let small = json!({"id": "x", "type": "number", "number": 3});
        assert_eq!(field(&small, "number"), Some(&json!(3)));
        assert_eq!(str_field(&small, "type"), Some("number"));
        assert_eq!(field(&small, "missing"), None);
        let large: Value = (0..20)
            .map(|n| (format!("k{n}"), json!(n)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        assert_eq!(field(&large, "k17"), Some(&json!(17)));
        assert_eq!(field(&json!([1]), "k"), None);
    }
}
