//! Reading Notion property values back as plain values.

use notion_model::{Page, PropertyValue, PropertyValueContent, rich_text::plain_text};

use super::{LiveSchema, PlainValue, Record};

/// The plain form of a property value; `percent` numbers come back as 0-100.
/// Computed and unsupported values give `None`.
pub fn plain_value(value: &PropertyValue, percent: bool) -> Option<PlainValue> {
    use PropertyValueContent as C;
    let names = |options: &[notion_model::property::SelectOption]| {
        options
            .iter()
            .filter_map(|o| o.name.clone())
            .collect::<Vec<_>>()
    };
    Some(match &value.value {
        C::Title(t) | C::RichText(t) => PlainValue::Text(plain_text(t)),
        C::Number(None)
        | C::Select(None)
        | C::Status(None)
        | C::Date(None)
        | C::Url(None)
        | C::Email(None)
        | C::PhoneNumber(None) => PlainValue::Null,
        C::Number(Some(n)) => {
            let n = n.as_f64()?;
            PlainValue::Number(if percent { round(n * 100.0) } else { n })
        }
        C::Select(Some(o)) | C::Status(Some(o)) => PlainValue::Text(o.name.clone()?),
        C::MultiSelect(options) => PlainValue::List(names(options)),
        C::Date(Some(d)) => PlainValue::Text(match d.end() {
            Some(end) => format!("{}/{}", d.start.as_str(), end.as_str()),
            None => d.start.as_str().to_owned(),
        }),
        C::People(users) => PlainValue::List(users.iter().map(|u| u.id.to_string()).collect()),
        C::Checkbox(b) => PlainValue::Bool(*b),
        C::Url(Some(s)) | C::Email(Some(s)) | C::PhoneNumber(Some(s)) => {
            PlainValue::Text(s.clone())
        }
        C::Relation(refs) => PlainValue::List(refs.iter().map(|r| r.id.clone()).collect()),
        _ => return None,
    })
}

/// Removes float noise from `0.25 * 100.0`-style products.
fn round(n: f64) -> f64 {
    (n * 1e9).round() / 1e9
}

/// The plain record of a page, keyed by its title.
pub fn page_record(page: &Page, schema: &LiveSchema) -> Record {
    let mut record = Record::new();
    for (name, value) in &page.properties {
        let percent = schema
            .get(name)
            .is_some_and(|p| p.format.as_deref() == Some("percent"));
        if let Some(plain) = plain_value(value, percent) {
            record.values.insert(name.clone(), plain);
        }
    }
    record.key = schema
        .title_property()
        .and_then(|t| record.text(t))
        .map(str::to_owned);
    record
}
