//! Notion ids (users, pages) compared regardless of dashes and letter case.

/// The 32 lowercase hex digits of a dashed or undashed UUID, or `None` when `raw` is not one.
pub(crate) fn normalise_id(raw: &str) -> Option<String> {
    let digits: String = raw
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (digits.len() == 32 && digits.chars().all(|c| c.is_ascii_hexdigit())).then_some(digits)
}

/// Whether a stored id (dashed or not, any case) is the id `normalised` (from [`normalise_id`]).
///
/// Allocation-free: it walks both strings, skipping the stored id's dashes.
pub(crate) fn same_id(stored: &str, normalised: &str) -> bool {
    let mut stored_digits = stored.bytes().filter(|b| *b != b'-');
    let mut wanted = normalised.bytes();
    loop {
        match (stored_digits.next(), wanted.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.to_ascii_lowercase() == b => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_accepts_dashed_undashed_and_upper_case() {
        let expected = Some("8e2c1b7a3d4f4a5b9c6d7e8f9a0b1c2d".to_owned());
        assert_eq!(
            normalise_id("8e2c1b7a-3d4f-4a5b-9c6d-7e8f9a0b1c2d"),
            expected
        );
        assert_eq!(normalise_id("8E2C1B7A3D4F4A5B9C6D7E8F9A0B1C2D"), expected);
    }

    #[test]
    fn normalise_rejects_non_uuids() {
        assert_eq!(normalise_id("me"), None);
        assert_eq!(normalise_id("8e2c1b7a3d4f4a5b9c6d7e8f9a0b1c2"), None);
        assert_eq!(normalise_id("ze2c1b7a3d4f4a5b9c6d7e8f9a0b1c2d"), None);
    }

    #[test]
    fn same_id_ignores_dashes_and_case() {
        let wanted = "8e2c1b7a3d4f4a5b9c6d7e8f9a0b1c2d";
        assert!(same_id("8E2C1B7A-3d4f-4a5b-9c6d-7e8f9a0b1c2d", wanted));
        assert!(same_id(wanted, wanted));
        assert!(!same_id("8e2c1b7a-3d4f-4a5b-9c6d-7e8f9a0b1c2e", wanted));
        assert!(!same_id("8e2c1b7a", wanted));
    }
}
