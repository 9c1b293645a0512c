//! [`Extra`]: the unknown keys every wire struct keeps, stored so that the common case (no
//! unknown keys) costs one pointer and no allocation.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Unknown JSON keys kept on every wire struct so that re-encoding loses nothing.
///
/// Behaves like a `serde_json::Map<String, Value>` (it dereferences to one: `get`, `insert`,
/// `contains_key`, `iter`, ...) but is a single pointer that allocates only when a key is
/// added: most objects carry no unknown keys, and a rich-text item has four such maps.
#[derive(Clone, Default)]
pub struct Extra(Option<Box<Map<String, Value>>>);

/// The map an empty [`Extra`] dereferences to.
static EMPTY: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

impl Extra {
    /// No keys (does not allocate).
    pub const fn new() -> Self {
        Self(None)
    }

    /// Whether no unknown keys are kept (cheaper than going through the map).
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|map| map.is_empty())
    }

    /// The keys as an owned map.
    pub fn into_map(self) -> Map<String, Value> {
        self.0.map(|map| *map).unwrap_or_default()
    }
}

impl Deref for Extra {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        self.0.as_deref().unwrap_or(&EMPTY)
    }
}

impl DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        if map.is_empty() {
            Self(None)
        } else {
            Self(Some(Box::new(map)))
        }
    }
}

impl From<Extra> for Map<String, Value> {
    fn from(extra: Extra) -> Self {
        extra.into_map()
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Map::from_iter(iter).into()
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.deref().iter()
    }
}

impl IntoIterator for Extra {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.into_map().into_iter()
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        // Both empty is by far the most common case: skip the map comparison.
        (self.is_empty() && other.is_empty()) || **self == **other
    }
}

impl PartialEq<Map<String, Value>> for Extra {
    fn eq(&self, other: &Map<String, Value>) -> bool {
        **self == *other
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Extra {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Map::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_extra_is_one_pointer_and_equals_an_empty_map() {
        assert_eq!(std::mem::size_of::<Extra>(), std::mem::size_of::<usize>());
        let empty = Extra::new();
        assert!(empty.is_empty());
        assert_eq!(empty, Extra::from(Map::new()));
        assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));
    }

    #[test]
    fn behaves_like_a_map() {
        let mut extra = Extra::new();
        extra.insert("a".into(), json!(1));
        assert!(!extra.is_empty());
        assert_eq!(extra.get("a"), Some(&json!(1)));
        assert_eq!((&extra).into_iter().count(), 1);
        let decoded: Extra = serde_json::from_value(json!({"a": 1})).unwrap();
        assert_eq!(decoded, extra);
        extra.remove("a");
        assert!(extra.is_empty());
        assert_eq!(extra, Extra::new());
    }
}
