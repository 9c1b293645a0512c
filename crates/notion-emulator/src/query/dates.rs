//! Dates as the query engine sees them: UTC day numbers and millisecond instants.
//!
//! Notion date values are either a date (`2026-05-10`) or a date-time with an offset
//! (`2026-05-10T12:00:00.000+00:00`, `…Z`); filter operands may also omit the offset, in which
//! case UTC is assumed. Parsing is hand-written (no allocation) because it runs per row.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

/// Milliseconds in one day.
pub(crate) const DAY_MS: i64 = 86_400_000;

/// A parsed ISO 8601 value: a whole UTC day or an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IsoDate {
    /// A date without a time: days since 1970-01-01.
    Day(i64),
    /// A date-time: milliseconds since the Unix epoch.
    Instant(i64),
}

impl IsoDate {
    /// The instant this value starts at (midnight UTC for a day).
    pub(crate) fn start_ms(self) -> i64 {
        match self {
            Self::Day(day) => day * DAY_MS,
            Self::Instant(ms) => ms,
        }
    }

    /// The UTC day this value falls on.
    pub(crate) fn day(self) -> i64 {
        match self {
            Self::Day(day) => day,
            Self::Instant(ms) => ms.div_euclid(DAY_MS),
        }
    }
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff…]][Z|±HH:MM|±HHMM]`.
pub(crate) fn parse_iso(text: &str) -> Option<IsoDate> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&bytes[0..4])?;
    let month = digits(&bytes[5..7])?;
    let day = digits(&bytes[8..10])?;
    let day_number = days_from_civil(year, month, day)?;
    if bytes.len() == 10 {
        return Some(IsoDate::Day(day_number));
    }
    if !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let mut cursor = Cursor {
        bytes,
        position: 11,
    };
    let hour = cursor.two_digits()?;
    cursor.expect(b':')?;
    let minute = cursor.two_digits()?;
    let mut second = 0;
    let mut millis = 0;
    if cursor.peek() == Some(b':') {
        cursor.position += 1;
        second = cursor.two_digits()?;
        if cursor.peek() == Some(b'.') {
            cursor.position += 1;
            millis = cursor.fraction_millis()?;
        }
    }
    let offset_minutes = cursor.offset_minutes()?;
    if cursor.position != bytes.len() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = day_number * 86_400 + hour * 3_600 + minute * 60 + second - offset_minutes * 60;
    Some(IsoDate::Instant(seconds * 1_000 + millis))
}

/// The UTC day number of `now`.
pub(crate) fn today(now: Timestamp) -> i64 {
    now.as_millisecond().div_euclid(DAY_MS)
}

/// The day `months` calendar months away from `day` (clamped to the month's end, like jiff).
pub(crate) fn shift_months(day: i64, months: i64) -> i64 {
    let date = civil_from_days(day);
    date.checked_add(months.months())
        .ok()
        .and_then(|shifted| {
            days_from_civil(
                i64::from(shifted.year()),
                i64::from(shifted.month()),
                i64::from(shifted.day()),
            )
        })
        .unwrap_or(day)
}

/// The day `years` calendar years away from `day`.
pub(crate) fn shift_years(day: i64, years: i64) -> i64 {
    shift_months(day, years * 12)
}

/// The Sunday starting the week that contains `day` (Notion's default week start).
pub(crate) fn week_start(day: i64) -> i64 {
    let weekday = i64::from(civil_from_days(day).weekday().to_sunday_zero_offset());
    day - weekday
}

/// Days since 1970-01-01 of a proleptic Gregorian date, `None` if the date does not exist.
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let year16 = i16::try_from(year).ok()?;
    let month8 = i8::try_from(month).ok()?;
    let day8 = i8::try_from(day).ok()?;
    Date::new(year16, month8, day8).ok()?;
    // Howard Hinnant's days_from_civil.
    let shifted_year = if month <= 2 { year - 1 } else { year };
    let era = shifted_year.div_euclid(400);
    let year_of_era = shifted_year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The civil date of a day number.
fn civil_from_days(day: i64) -> Date {
    Timestamp::from_millisecond(day * DAY_MS)
        .map(|ts| ts.to_zoned_datetime(TimeZone::UTC).date())
        .unwrap_or_default()
}

fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0_i64, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
    })
}

struct Cursor<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.position += 1)
    }

    fn two_digits(&mut self) -> Option<i64> {
        let value = digits(self.bytes.get(self.position..self.position + 2)?)?;
        self.position += 2;
        Some(value)
    }

    /// Reads at least one fractional digit and keeps the first three as milliseconds.
    fn fraction_millis(&mut self) -> Option<i64> {
        let start = self.position;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.position += 1;
        }
        let fraction = &self.bytes[start..self.position];
        if fraction.is_empty() {
            return None;
        }
        let mut millis = 0;
        for place in 0..3 {
            millis = millis * 10 + fraction.get(place).map_or(0, |b| i64::from(b - b'0'));
        }
        Some(millis)
    }

    /// Reads `Z`, `±HH:MM`, `±HHMM` or nothing (UTC), as minutes east of UTC.
    fn offset_minutes(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.position += 1;
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.position += 1;
        let hours = self.two_digits()?;
        if self.peek() == Some(b':') {
            self.position += 1;
        }
        let minutes = self.two_digits()?;
        (hours <= 23 && minutes <= 59).then_some(sign * (hours * 60 + minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instant(text: &str) -> i64 {
        text.parse::<Timestamp>()
            .expect("valid timestamp")
            .as_millisecond()
    }

    #[test]
    fn parses_dates_as_utc_days() {
        assert_eq!(parse_iso("1970-01-01"), Some(IsoDate::Day(0)));
        assert_eq!(parse_iso("1969-12-31"), Some(IsoDate::Day(-1)));
        assert_eq!(
            parse_iso("2026-05-10").map(IsoDate::start_ms),
            Some(instant("2026-05-10T00:00:00Z"))
        );
    }

    #[test]
    fn parses_datetimes_with_offsets_and_fractions_like_jiff() {
        for (text, reference) in [
            ("2026-05-04T10:15:00.000Z", "2026-05-04T10:15:00Z"),
            ("2021-10-15T12:00:00-07:00", "2021-10-15T19:00:00Z"),
            ("2021-10-15T12:00:00+0530", "2021-10-15T06:30:00Z"),
            (
                "2026-05-04T10:15:00.123456+00:00",
                "2026-05-04T10:15:00.123Z",
            ),
            ("2026-05-04T10:15", "2026-05-04T10:15:00Z"),
            ("2021-05-10T12:00:00", "2021-05-10T12:00:00Z"),
        ] {
            assert_eq!(
                parse_iso(text),
                Some(IsoDate::Instant(instant(reference))),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_malformed_values() {
        for text in [
            "",
            "2026-5-10",
            "2026-02-30",
            "2026-13-01",
            "tomorrow",
            "2026-05-10T25:00",
            "2026-05-10T10:00:00.Z",
            "2026-05-10T10:00:00+2",
            "2026-05-10x",
            "2026-05-10T10:00:00 extra",
        ] {
            assert_eq!(parse_iso(text), None, "{text}");
        }
    }

    #[test]
    fn day_of_an_instant_is_its_utc_date() {
        let late = parse_iso("2026-05-10T23:30:00-02:00").expect("valid");
        assert_eq!(late.day(), parse_iso("2026-05-11").expect("valid").day());
    }

    #[test]
    fn month_and_year_shifts_clamp_to_month_end() {
        let jan31 = days_from_civil(2026, 1, 31).expect("valid");
        assert_eq!(
            shift_months(jan31, 1),
            days_from_civil(2026, 2, 28).expect("valid")
        );
        assert_eq!(
            shift_months(jan31, -1),
            days_from_civil(2025, 12, 31).expect("valid")
        );
        let leap = days_from_civil(2024, 2, 29).expect("valid");
        assert_eq!(
            shift_years(leap, 1),
            days_from_civil(2025, 2, 28).expect("valid")
        );
    }

    #[test]
    fn weeks_start_on_sunday() {
        // 2026-05-06 is a Wednesday; its week starts on Sunday 2026-05-03.
        let wednesday = days_from_civil(2026, 5, 6).expect("valid");
        assert_eq!(
            week_start(wednesday),
            days_from_civil(2026, 5, 3).expect("valid")
        );
        let sunday = days_from_civil(2026, 5, 3).expect("valid");
        assert_eq!(week_start(sunday), sunday);
    }

    #[test]
    fn today_is_the_utc_day_of_now() {
        let now = "2026-05-06T23:59:59Z".parse::<Timestamp>().expect("valid");
        assert_eq!(today(now), days_from_civil(2026, 5, 6).expect("valid"));
    }
}
