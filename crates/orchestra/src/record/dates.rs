//! Dates in the formats people write, normalised to what Notion takes.
//!
//! Accepted: `2026-05-04`, `2026/05/04`, `May 4, 2026`, `4 May 2026`; with a time:
//! `2026-05-04T10:00:00Z`, `2026-05-04T10:00:00.250+02:00`, `2026-05-04 10:00 +02:00`,
//! `2026-05-04 10:00+0200`, `2026-05-04 10:00 UTC`, `2026-05-04T10:00` (no offset: Notion's
//! default time zone). A range is two of those joined by `/`.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Time};

/// A parsed date or date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedDate {
    /// A calendar date.
    Date(Date),
    /// A date with a time and maybe an offset (seconds east of UTC).
    DateTime {
        /// The date.
        date: Date,
        /// The wall-clock time.
        time: Time,
        /// Offset from UTC in seconds, `None` when not given.
        offset: Option<i32>,
    },
}

impl ParsedDate {
    /// True when a time was given.
    pub fn has_time(&self) -> bool {
        matches!(self, Self::DateTime { .. })
    }

    /// The calendar date.
    pub fn date(&self) -> Date {
        match self {
            Self::Date(d) | Self::DateTime { date: d, .. } => *d,
        }
    }
}

impl fmt::Display for ParsedDate {
    /// ISO 8601 as Notion takes it: `2026-05-04` or `2026-05-04T10:00:00+02:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Date(d) => write!(f, "{d}"),
            Self::DateTime { date, time, offset } => {
                write!(f, "{date}T{}", time.strftime("%H:%M:%S"))?;
                let millis = time.subsec_nanosecond() / 1_000_000;
                if millis != 0 {
                    write!(f, ".{millis:03}")?;
                }
                match offset {
                    None => Ok(()),
                    Some(0) => f.write_str("Z"),
                    Some(secs) => {
                        let sign = if *secs < 0 { '-' } else { '+' };
                        let abs = secs.unsigned_abs();
                        write!(f, "{sign}{:02}:{:02}", abs / 3600, (abs % 3600) / 60)
                    }
                }
            }
        }
    }
}

/// Parses one date or date-time.
pub fn parse_date(input: &str) -> Option<ParsedDate> {
    let input = input.trim();
    if let Some(date) = parse_calendar_date(input) {
        return Some(ParsedDate::Date(date));
    }
    let (date_part, rest) = split_date_time(input)?;
    let date = parse_calendar_date(date_part)?;
    let (time_part, offset) = split_offset(rest.trim())?;
    let time = Time::from_str(time_part.trim()).ok()?;
    Some(ParsedDate::DateTime { date, time, offset })
}

/// Parses `start` or `start/end`.
pub fn parse_date_range(input: &str) -> Option<(ParsedDate, Option<ParsedDate>)> {
    match input.split_once('/') {
        Some((start, end)) if start.trim().len() >= 10 && end.trim().len() >= 10 => {
            Some((parse_date(start)?, Some(parse_date(end)?)))
        }
        _ => Some((parse_date(input)?, None)),
    }
}

fn parse_calendar_date(input: &str) -> Option<Date> {
    if input.len() == 10 && input.as_bytes()[4] == b'/' {
        return Date::strptime("%Y/%m/%d", input).ok();
    }
    if input.len() == 10 && input.as_bytes()[4] == b'-' {
        return Date::from_str(input).ok();
    }
    ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|format| Date::strptime(format, input).ok())
}

fn split_date_time(input: &str) -> Option<(&str, &str)> {
    let date = input.get(..10)?;
    let rest = input.get(10..)?;
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))?;
    Some((date, rest))
}

fn split_offset(rest: &str) -> Option<(&str, Option<i32>)> {
    if let Some(time) = rest.strip_suffix('Z').or_else(|| rest.strip_suffix('z')) {
        return Some((time, Some(0)));
    }
    if let Some(time) = rest
        .strip_suffix("UTC")
        .or_else(|| rest.strip_suffix("GMT"))
    {
        return Some((time, Some(0)));
    }
    match rest.rfind(['+', '-']) {
        Some(at) => Some((&rest[..at], Some(parse_offset(&rest[at..])?))),
        None => Some((rest, None)),
    }
}

/// `+02:00`, `+0200`, `+02`, `-05:30`.
fn parse_offset(text: &str) -> Option<i32> {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits: String = text[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str) -> Option<String> {
        parse_date(input).map(|d| d.to_string())
    }

    #[test]
    fn common_formats_normalise_to_iso() {
        assert_eq!(norm("2026-05-04").as_deref(), Some("2026-05-04"));
        assert_eq!(norm("2026/05/04").as_deref(), Some("2026-05-04"));
        assert_eq!(norm("May 4, 2026").as_deref(), Some("2026-05-04"));
        assert_eq!(norm("4 May 2026").as_deref(), Some("2026-05-04"));
        assert_eq!(
            norm("2026-05-04T10:00:00Z").as_deref(),
            Some("2026-05-04T10:00:00Z")
        );
        assert_eq!(
            norm("2026-05-04 10:00 +02:00").as_deref(),
            Some("2026-05-04T10:00:00+02:00")
        );
        assert_eq!(
            norm("2026-05-04 10:00+0530").as_deref(),
            Some("2026-05-04T10:00:00+05:30")
        );
        assert_eq!(
            norm("2026-05-04T10:00:00.250-05:00").as_deref(),
            Some("2026-05-04T10:00:00.250-05:00")
        );
        assert_eq!(
            norm("2026-05-04 10:00 UTC").as_deref(),
            Some("2026-05-04T10:00:00Z")
        );
        assert_eq!(
            norm("2026-05-04T10:00").as_deref(),
            Some("2026-05-04T10:00:00")
        );
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "tomorrow",
            "2026-13-01",
            "2026-05-04 25:00",
            "05/04/2026",
            "2026-05-04 10:00 +99:00",
        ] {
            assert_eq!(norm(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges_split_on_slash() {
        let (start, end) = parse_date_range("2026-05-04/2026-05-06").unwrap();
        assert_eq!(start.to_string(), "2026-05-04");
        assert_eq!(end.unwrap().to_string(), "2026-05-06");
        assert!(parse_date_range("2026/05/04").unwrap().1.is_none());
    }
}
