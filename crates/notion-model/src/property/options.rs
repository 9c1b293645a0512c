//! Select options, status groups and the open string enums of property configs.

use serde::{Deserialize, Serialize};

use crate::common::{Color, Extra};
use crate::serde_util::{open_enum, present};

/// A select / multi-select / status option: `{id, name, color, description}` in schemas,
/// `{id, name, color}` in values, `{name}` or `{id}` in requests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SelectOption {
    /// Option id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Option name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Option color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Option description (schemas; `null` when none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub description: Option<Option<String>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

impl SelectOption {
    /// `{"name": name}`.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// `{"id": id}`.
    pub fn with_id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// `{"name": name, "color": color}`.
    pub fn colored(name: impl Into<String>, color: Color) -> Self {
        Self {
            color: Some(color),
            ..Self::named(name)
        }
    }
}

/// A status group `{id, name, color, option_ids}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StatusGroup {
    /// Group id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Group name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Group color.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Options in the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option_ids: Option<Vec<String>>,
    /// Keys this crate does not model.
    #[serde(flatten)]
    pub extra: Extra,
}

open_enum! {
    /// Number property display formats.
    pub enum NumberFormat {
        /// `number`
        Number = "number",
        /// `number_with_commas`
        NumberWithCommas = "number_with_commas",
        /// `percent`
        Percent = "percent",
        /// `dollar`
        Dollar = "dollar",
        /// `euro`
        Euro = "euro",
        /// `pound`
        Pound = "pound",
        /// `yen`
        Yen = "yen",
        /// `yuan`
        Yuan = "yuan",
        /// `won`
        Won = "won",
        /// `ruble`
        Ruble = "ruble",
        /// `rupee`
        Rupee = "rupee",
        /// `franc`
        Franc = "franc",
        /// `real`
        Real = "real",
        /// `lira`
        Lira = "lira",
        /// `krona`
        Krona = "krona",
        /// `ringgit`
        Ringgit = "ringgit",
        /// `australian_dollar`
        AustralianDollar = "australian_dollar",
        /// `canadian_dollar`
        CanadianDollar = "canadian_dollar",
    }
}

open_enum! {
    /// Rollup aggregation functions.
    pub enum RollupFunction {
        /// `count`
        Count = "count",
        /// `count_values`
        CountValues = "count_values",
        /// `empty`
        Empty = "empty",
        /// `not_empty`
        NotEmpty = "not_empty",
        /// `unique`
        Unique = "unique",
        /// `show_unique`
        ShowUnique = "show_unique",
        /// `percent_empty`
        PercentEmpty = "percent_empty",
        /// `percent_not_empty`
        PercentNotEmpty = "percent_not_empty",
        /// `sum`
        Sum = "sum",
        /// `average`
        Average = "average",
        /// `median`
        Median = "median",
        /// `min`
        Min = "min",
        /// `max`
        Max = "max",
        /// `range`
        Range = "range",
        /// `earliest_date`
        EarliestDate = "earliest_date",
        /// `latest_date`
        LatestDate = "latest_date",
        /// `date_range`
        DateRange = "date_range",
        /// `checked`
        Checked = "checked",
        /// `unchecked`
        Unchecked = "unchecked",
        /// `percent_checked`
        PercentChecked = "percent_checked",
        /// `percent_unchecked`
        PercentUnchecked = "percent_unchecked",
        /// `count_per_group`
        CountPerGroup = "count_per_group",
        /// `percent_per_group`
        PercentPerGroup = "percent_per_group",
        /// `show_original`
        ShowOriginal = "show_original",
    }
}
