//! Serde helpers shared by the wire types.
//!
//! Two macros live here:
//! * [`payload_enum!`] builds the "`type` + same-named key" unions Notion uses everywhere
//!   (`{"type":"paragraph","paragraph":{...}}`). The generated enum is meant to be
//!   `#[serde(flatten)]`ed into its owner: it claims only the keys it knows, so an unknown
//!   type's payload falls through to the owner's `extra` map and re-encodes untouched.
//! * [`open_enum!`] builds string enums that keep unknown values (`Other(String)`).

use serde::{Deserialize, Deserializer};

/// Deserializes a present field into `Some(..)`, so that `Option<Option<T>>` tells an absent
/// field (`None`) from an explicit `null` (`Some(None)`).
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

macro_rules! payload_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($ty:ty) = $tag:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant($ty), )+
            /// A type this crate does not know. Its payload stays in the owner's `extra` map,
            /// keyed by the owner's `type` value, and is written back unchanged.
            Unknown,
        }

        impl $name {
            /// Every wire type name this enum knows.
            pub const KNOWN_TYPES: &'static [&'static str] = &[$($tag),+];

            /// The wire type name of this payload (`None` for [`Self::Unknown`]).
            pub fn type_name(&self) -> Option<&'static str> {
                match self {
                    $( Self::$variant(_) => Some($tag), )+
                    Self::Unknown => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                match self {
                    $( Self::$variant(value) => map.serialize_entry($tag, value)?, )+
                    Self::Unknown => {}
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct PayloadVisitor;
                impl<'de> serde::de::Visitor<'de> for PayloadVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("an object holding a ", stringify!($name), " payload"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut found = None;
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $( $tag if found.is_none() => {
                                    found = Some($name::$variant(map.next_value()?));
                                } )+
                                _ => {
                                    map.next_value::<serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok(found.unwrap_or($name::Unknown))
                    }
                }
                deserializer.deserialize_struct(stringify!($name), Self::KNOWN_TYPES, PayloadVisitor)
            }
        }
    };
}

macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $tag:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know; kept verbatim.
            Other(String),
        }

        impl $name {
            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $tag, )+
                    Self::Other(other) => other,
                }
            }

            /// Reads a wire string; unknown values become [`Self::Other`].
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $tag => Self::$variant, )+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_wire(value)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Ok(Self::from_wire(&value))
            }
        }
    };
}

pub(crate) use {open_enum, payload_enum};
