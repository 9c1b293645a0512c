//! Timestamps. Stored with milliseconds (`2026-07-04T09:50:12.345Z`, sortable as text); shown
//! like Notion: pages, blocks and data sources to the whole minute, databases with milliseconds
//! and a `+00:00` offset.

/// Now, in the stored form.
pub(crate) fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// A stored timestamp as pages/blocks/data sources show it.
pub(crate) fn display(stored: &str, exact: bool) -> String {
    if exact || stored.len() < 16 {
        stored.to_owned()
    } else {
        format!("{}:00.000Z", &stored[..16])
    }
}

/// A stored timestamp as database objects show it.
pub(crate) fn display_database(stored: &str) -> String {
    if stored.len() >= 23 {
        format!("{}+00:00", &stored[..23])
    } else {
        stored.to_owned()
    }
}

/// Adds seconds to a stored timestamp.
pub(crate) fn plus_seconds(stored: &str, seconds: i64) -> String {
    stored
        .parse::<jiff::Timestamp>()
        .ok()
        .and_then(|t| t.checked_add(jiff::SignedDuration::from_secs(seconds)).ok())
        .map_or_else(
            || stored.to_owned(),
            |t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
        )
}

/// Unix seconds of now.
pub(crate) fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// Unix seconds of a stored timestamp.
pub(crate) fn unix(stored: &str) -> i64 {
    stored
        .parse::<jiff::Timestamp>()
        .map_or(0, jiff::Timestamp::as_second)
}
