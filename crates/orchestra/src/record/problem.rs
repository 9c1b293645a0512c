//! What can be wrong with one field of a record, and the record-level error.

use std::fmt;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FieldProblem {
    /// The database has no property of that name.
    UnknownProperty {
        /// The name given.
        property: String,
        /// The closest existing name.
        suggestion: Option<String>,
        /// Every property name of the database.
        known: Vec<String>,
    },
    /// The value does not fit the property's type.
    WrongType {
        /// The property.
        property: String,
        /// The brief's name of its type (`Text`, `Select`, ...).
        kind: String,
        /// What it takes.
        expected: String,
        /// What was given.
        given: String,
    },
    /// A select option the schema does not have (option policy `reject`, or a status).
    UnknownOption {
        /// The property.
        property: String,
        /// The option given.
        option: String,
        /// The options of the schema.
        allowed: Vec<String>,
    },
    /// A number outside its bounds.
    OutOfRange {
        /// The property.
        property: String,
        /// The value given.
        value: f64,
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// A value of the right kind that cannot be used (a bad date, id, URL, ...).
    BadValue {
        /// The property.
        property: String,
        /// What was expected.
        expected: String,
        /// What was given.
        given: String,
    },
    /// Computed by Notion; cannot be written.
    ReadOnly {
        /// The property.
        property: String,
        /// Its Notion type.
        notion_type: String,
    },
}

impl FieldProblem {
    /// The property the problem is about.
    pub fn property(&self) -> &str {
        match self {
            Self::UnknownProperty { property, .. }
            | Self::WrongType { property, .. }
            | Self::UnknownOption { property, .. }
            | Self::OutOfRange { property, .. }
            | Self::BadValue { property, .. }
            | Self::ReadOnly { property, .. } => property,
        }
    }
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownProperty {
                property,
                suggestion: Some(s),
                ..
            } => write!(
                f,
                "unknown property {property:?}; did you mean {s:?}? (property names are case-sensitive)"
            ),
            Self::UnknownProperty {
                property,
                suggestion: None,
                known,
            } => write!(
                f,
                "unknown property {property:?}; the properties are: {}",
                known.join(", ")
            ),
            Self::WrongType {
                property,
                kind,
                expected,
                given,
            } => {
                write!(
                    f,
                    "{property:?} is a {kind} property, which takes {expected}; got {given}"
                )
            }
            Self::UnknownOption {
                property,
                option,
                allowed,
            } if allowed.is_empty() => write!(
                f,
                "{property:?} has no option {option:?} and no options at all (option_policy = \"reject\")"
            ),
            Self::UnknownOption {
                property,
                option,
                allowed,
            } => write!(
                f,
                "{property:?} has no option {option:?}; the options are: {}",
                allowed.join(", ")
            ),
            Self::OutOfRange {
                property,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "{property:?} must be between {min} and {max}; got {value}"
                )
            }
            Self::BadValue {
                property,
                expected,
                given,
            } => {
                write!(f, "{property:?} takes {expected}; got {given}")
            }
            Self::ReadOnly {
                property,
                notion_type,
            } => write!(
                f,
                "{property:?} is a {notion_type} property, computed by Notion; it cannot be written"
            ),
        }
    }
}

/// A record that failed validation; nothing was sent for it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordError {
    /// The record's key or title.
    pub record: String,
    /// The database title.
    pub database: String,
    /// Every problem found, in property-name order.
    pub problems: Vec<FieldProblem>,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {:?} in {}: ", self.record, self.database)?;
        match self.problems.as_slice() {
            [one] => write!(f, "{one}"),
            many => {
                write!(f, "{} problems", many.len())?;
                for p in many {
                    write!(f, "\n  - {p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for RecordError {}
