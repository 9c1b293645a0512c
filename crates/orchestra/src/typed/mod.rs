//! One Rust type per database row, converting to and from records (and so to and
//! from Notion property values through [`crate::record::Validator`]).
//!
//! Select values are strings so that options people add in Notion still read back;
//! dates are [`jiff::civil::Date`], Date & Time values [`jiff::Timestamp`]; percentages
//! are 0-100; people and relations are ids.

mod activity;
mod personas;
mod projects;
mod tools;

use jiff::Timestamp;
use jiff::civil::Date;

pub use activity::{DevActivity, Insight};
pub use personas::{CherryTopic, KarenTopic, SophiaAsset};
pub use projects::Project;
pub use tools::AiTool;

use crate::record::{ParsedDate, Record, parse_date};

/// A row type of one of the seven databases.
pub trait Row: Sized {
    /// The database key (`projects`, `tools`, ...).
    const DATABASE: &'static str;
    /// The row's key: its title.
    fn key(&self) -> &str;
    /// The record to validate and send.
    fn to_record(&self) -> Record;
    /// Reads a record (e.g. from [`crate::record::page_record`]); absent values stay empty.
    fn from_record(record: &Record) -> Self;
}

pub(crate) fn text(record: &Record, name: &str) -> Option<String> {
    record
        .text(name)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

pub(crate) fn date(record: &Record, name: &str) -> Option<Date> {
    let text = record.text(name)?;
    let start = text.split('/').next()?;
    parse_date(start).map(|d| d.date())
}

pub(crate) fn timestamp(record: &Record, name: &str) -> Option<Timestamp> {
    let text = record.text(name)?;
    match parse_date(text.split('/').next()?)? {
        ParsedDate::DateTime { date, time, offset } => {
            let offset = jiff::tz::Offset::from_seconds(offset.unwrap_or(0)).ok()?;
            offset.to_timestamp(date.to_datetime(time)).ok()
        }
        ParsedDate::Date(d) => jiff::tz::Offset::UTC
            .to_timestamp(d.to_datetime(jiff::civil::Time::midnight()))
            .ok(),
    }
}

pub(crate) fn ids(list: &[String]) -> Option<Vec<String>> {
    (!list.is_empty()).then(|| list.to_vec())
}
