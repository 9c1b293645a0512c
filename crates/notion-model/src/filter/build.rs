//! Builders behind `Filter::select("Status").equals("Active")` and friends.

use serde_json::Number;

use crate::common::{EmptyObject, Extra};
use crate::filter::conditions::{
    CheckboxCondition, DateCondition, MultiSelectCondition, NumberCondition, PeopleCondition,
    RelationCondition, SelectCondition, StringOrStrings, TextCondition,
};
use crate::filter::{Filter, PropertyCondition, TimestampCondition, TimestampFilter};

macro_rules! builder {
    ($(#[$meta:meta])* $name:ident, $cond:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        #[must_use = "a filter builder does nothing until a condition method is called"]
        pub struct $name {
            property: String,
            wrap: fn($cond) -> PropertyCondition,
        }

        impl $name {
            fn build(self, condition: $cond) -> Filter {
                Filter::property(self.property, (self.wrap)(condition))
            }
        }
    };
}

builder!(
    /// Conditions on title, rich-text, URL, e-mail and phone-number properties.
    TextFilter,
    TextCondition
);
builder!(
    /// Conditions on number and unique-id properties.
    NumberFilter,
    NumberCondition
);
builder!(
    /// Conditions on checkbox properties.
    CheckboxFilter,
    CheckboxCondition
);
builder!(
    /// Conditions on select and status properties.
    SelectFilter,
    SelectCondition
);
builder!(
    /// Conditions on multi-select properties.
    MultiSelectFilter,
    MultiSelectCondition
);
builder!(
    /// Conditions on people, created-by and last-edited-by properties.
    PeopleFilter,
    PeopleCondition
);
builder!(
    /// Conditions on relation properties.
    RelationFilter,
    RelationCondition
);

impl TextFilter {
    /// `equals`
    pub fn equals(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::Equals(value.into()))
    }
    /// `does_not_equal`
    pub fn does_not_equal(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::DoesNotEqual(value.into()))
    }
    /// `contains`
    pub fn contains(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::Contains(value.into()))
    }
    /// `does_not_contain`
    pub fn does_not_contain(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::DoesNotContain(value.into()))
    }
    /// `starts_with`
    pub fn starts_with(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::StartsWith(value.into()))
    }
    /// `ends_with`
    pub fn ends_with(self, value: impl Into<String>) -> Filter {
        self.build(TextCondition::EndsWith(value.into()))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(TextCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(TextCondition::IsNotEmpty(true))
    }
}

impl NumberFilter {
    /// `equals`
    pub fn equals(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::Equals(value.into()))
    }
    /// `does_not_equal`
    pub fn does_not_equal(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::DoesNotEqual(value.into()))
    }
    /// `greater_than`
    pub fn greater_than(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::GreaterThan(value.into()))
    }
    /// `less_than`
    pub fn less_than(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::LessThan(value.into()))
    }
    /// `greater_than_or_equal_to`
    pub fn greater_than_or_equal_to(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::GreaterThanOrEqualTo(value.into()))
    }
    /// `less_than_or_equal_to`
    pub fn less_than_or_equal_to(self, value: impl Into<Number>) -> Filter {
        self.build(NumberCondition::LessThanOrEqualTo(value.into()))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(NumberCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(NumberCondition::IsNotEmpty(true))
    }
}

impl CheckboxFilter {
    /// `equals`
    pub fn equals(self, value: bool) -> Filter {
        self.build(CheckboxCondition::Equals(value))
    }
    /// `does_not_equal`
    pub fn does_not_equal(self, value: bool) -> Filter {
        self.build(CheckboxCondition::DoesNotEqual(value))
    }
}

impl SelectFilter {
    /// `equals` one option.
    pub fn equals(self, value: impl Into<String>) -> Filter {
        self.build(SelectCondition::Equals(StringOrStrings::One(value.into())))
    }
    /// `equals` any of several options (2026 array form).
    pub fn equals_any<I: IntoIterator<Item = S>, S: Into<String>>(self, values: I) -> Filter {
        let values = values.into_iter().map(Into::into).collect();
        self.build(SelectCondition::Equals(StringOrStrings::Many(values)))
    }
    /// `does_not_equal`
    pub fn does_not_equal(self, value: impl Into<String>) -> Filter {
        self.build(SelectCondition::DoesNotEqual(StringOrStrings::One(
            value.into(),
        )))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(SelectCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(SelectCondition::IsNotEmpty(true))
    }
}

impl MultiSelectFilter {
    /// `contains`
    pub fn contains(self, value: impl Into<String>) -> Filter {
        self.build(MultiSelectCondition::Contains(StringOrStrings::One(
            value.into(),
        )))
    }
    /// `does_not_contain`
    pub fn does_not_contain(self, value: impl Into<String>) -> Filter {
        self.build(MultiSelectCondition::DoesNotContain(StringOrStrings::One(
            value.into(),
        )))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(MultiSelectCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(MultiSelectCondition::IsNotEmpty(true))
    }
}

impl PeopleFilter {
    /// `contains` a user id.
    pub fn contains(self, user_id: impl std::fmt::Display) -> Filter {
        self.build(PeopleCondition::Contains(user_id.to_string()))
    }
    /// `contains: "me"` (the calling user).
    pub fn contains_me(self) -> Filter {
        self.build(PeopleCondition::Contains("me".to_owned()))
    }
    /// `does_not_contain`
    pub fn does_not_contain(self, user_id: impl std::fmt::Display) -> Filter {
        self.build(PeopleCondition::DoesNotContain(user_id.to_string()))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(PeopleCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(PeopleCondition::IsNotEmpty(true))
    }
}

impl RelationFilter {
    /// `contains` a page id.
    pub fn contains(self, page_id: impl std::fmt::Display) -> Filter {
        self.build(RelationCondition::Contains(page_id.to_string()))
    }
    /// `does_not_contain`
    pub fn does_not_contain(self, page_id: impl std::fmt::Display) -> Filter {
        self.build(RelationCondition::DoesNotContain(page_id.to_string()))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(RelationCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(RelationCondition::IsNotEmpty(true))
    }
}

/// Conditions on date properties and on the created / last-edited timestamps.
#[derive(Debug, Clone)]
#[must_use = "a filter builder does nothing until a condition method is called"]
pub struct DateFilter {
    target: DateTarget,
}

#[derive(Debug, Clone)]
enum DateTarget {
    Property(String, fn(DateCondition) -> PropertyCondition),
    Timestamp(&'static str),
}

impl DateFilter {
    fn build(self, condition: DateCondition) -> Filter {
        match self.target {
            DateTarget::Property(property, wrap) => Filter::property(property, wrap(condition)),
            DateTarget::Timestamp(which) => Filter::Timestamp(TimestampFilter {
                timestamp: which.to_owned(),
                condition: if which == "created_time" {
                    TimestampCondition::CreatedTime(condition)
                } else {
                    TimestampCondition::LastEditedTime(condition)
                },
                extra: Extra::new(),
            }),
        }
    }
    /// `equals` (ISO date/datetime or relative token such as `today`).
    pub fn equals(self, date: impl Into<String>) -> Filter {
        self.build(DateCondition::Equals(date.into()))
    }
    /// `before`
    pub fn before(self, date: impl Into<String>) -> Filter {
        self.build(DateCondition::Before(date.into()))
    }
    /// `after`
    pub fn after(self, date: impl Into<String>) -> Filter {
        self.build(DateCondition::After(date.into()))
    }
    /// `on_or_before`
    pub fn on_or_before(self, date: impl Into<String>) -> Filter {
        self.build(DateCondition::OnOrBefore(date.into()))
    }
    /// `on_or_after`
    pub fn on_or_after(self, date: impl Into<String>) -> Filter {
        self.build(DateCondition::OnOrAfter(date.into()))
    }
    /// `this_week: {}`
    pub fn this_week(self) -> Filter {
        self.build(DateCondition::ThisWeek(EmptyObject::new()))
    }
    /// `past_week: {}`
    pub fn past_week(self) -> Filter {
        self.build(DateCondition::PastWeek(EmptyObject::new()))
    }
    /// `past_month: {}`
    pub fn past_month(self) -> Filter {
        self.build(DateCondition::PastMonth(EmptyObject::new()))
    }
    /// `next_week: {}`
    pub fn next_week(self) -> Filter {
        self.build(DateCondition::NextWeek(EmptyObject::new()))
    }
    /// `is_empty: true`
    pub fn is_empty(self) -> Filter {
        self.build(DateCondition::IsEmpty(true))
    }
    /// `is_not_empty: true`
    pub fn is_not_empty(self) -> Filter {
        self.build(DateCondition::IsNotEmpty(true))
    }
}

macro_rules! entry {
    ($(#[$meta:meta])* $fn_name:ident -> $builder:ident, $variant:ident) => {
        $(#[$meta])*
        pub fn $fn_name(property: impl Into<String>) -> $builder {
            $builder {
                property: property.into(),
                wrap: PropertyCondition::$variant,
            }
        }
    };
}

/// Entry points: `Filter::<property type>(name)` returns a builder.
impl Filter {
    entry!(/// A title property.
        title -> TextFilter, Title);
    entry!(/// A rich-text property.
        rich_text -> TextFilter, RichText);
    entry!(/// A URL property.
        url -> TextFilter, Url);
    entry!(/// An e-mail property.
        email -> TextFilter, Email);
    entry!(/// A phone-number property.
        phone_number -> TextFilter, PhoneNumber);
    entry!(/// A number property.
        number -> NumberFilter, Number);
    entry!(/// A unique-id property.
        unique_id -> NumberFilter, UniqueId);
    entry!(/// A checkbox property.
        checkbox -> CheckboxFilter, Checkbox);
    entry!(/// A select property.
        select -> SelectFilter, Select);
    entry!(/// A status property.
        status -> SelectFilter, Status);
    entry!(/// A multi-select property.
        multi_select -> MultiSelectFilter, MultiSelect);
    entry!(/// A people property.
        people -> PeopleFilter, People);
    entry!(/// A created-by property.
        created_by -> PeopleFilter, CreatedBy);
    entry!(/// A last-edited-by property.
        last_edited_by -> PeopleFilter, LastEditedBy);
    entry!(/// A relation property.
        relation -> RelationFilter, Relation);

    /// A date property.
    pub fn date(property: impl Into<String>) -> DateFilter {
        DateFilter {
            target: DateTarget::Property(property.into(), PropertyCondition::Date),
        }
    }

    /// The page creation time (timestamp filter).
    pub fn created_time() -> DateFilter {
        DateFilter {
            target: DateTarget::Timestamp("created_time"),
        }
    }

    /// The page last-edit time (timestamp filter).
    pub fn last_edited_time() -> DateFilter {
        DateFilter {
            target: DateTarget::Timestamp("last_edited_time"),
        }
    }
}
