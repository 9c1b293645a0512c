//! Verification conditions (wiki pages): `{"status": "verified" | "expired" | "none"}` and
//! `{"does_not_equal": …}`. `none` means unverified (or no verification at all).

use serde_json::Value;

use crate::query::json::str_field;

use super::operator::single_operator;
use crate::query::error::QueryError;

/// A verification state as filters name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerificationState {
    Verified,
    Expired,
    None,
}

/// A compiled verification condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerificationCondition {
    Is(VerificationState),
    IsNot(VerificationState),
}

impl VerificationCondition {
    /// Compiles a verification condition.
    pub(crate) fn compile(condition: &Value, path: &str) -> Result<Self, QueryError> {
        let operator = single_operator(condition, path, &["status", "does_not_equal"])?;
        let state = match operator.operand.as_str() {
            Some("verified") => VerificationState::Verified,
            Some("expired") => VerificationState::Expired,
            Some("none") => VerificationState::None,
            _ => {
                return Err(QueryError::invalid(
                    &operator.path,
                    "should be `\"verified\"`, `\"expired\"`, or `\"none\"`",
                    Some(operator.operand),
                ));
            }
        };
        Ok(if operator.name == "status" {
            Self::Is(state)
        } else {
            Self::IsNot(state)
        })
    }

    /// Whether a verification payload `{state, date, verified_by}` satisfies the condition.
    pub(crate) fn matches(&self, payload: Option<&Value>) -> bool {
        let state = match payload.and_then(|v| str_field(v, "state")) {
            Some("verified") => VerificationState::Verified,
            Some("expired") => VerificationState::Expired,
            _ => VerificationState::None,
        };
        match *self {
            Self::Is(wanted) => state == wanted,
            Self::IsNot(unwanted) => state != unwanted,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::query::testing::{Fixture, prop};

    fn fixture() -> Fixture {
        Fixture::new(vec![
            (
                "verified",
                json!({"Verified": prop("verification", json!({"state": "verified", "date": {"start": "2026-05-01", "end": null, "time_zone": null}, "verified_by": null}))}),
            ),
            (
                "expired",
                json!({"Verified": prop("verification", json!({"state": "expired", "date": null, "verified_by": null}))}),
            ),
            (
                "unverified",
                json!({"Verified": prop("verification", json!({"state": "unverified", "date": null, "verified_by": null}))}),
            ),
            ("missing", json!({})),
        ])
    }

    #[test]
    fn status_matches_the_state() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Verified", "verification": {"status": "verified"}})),
            ["verified"]
        );
        assert_eq!(
            f.matching(json!({"property": "Verified", "verification": {"status": "expired"}})),
            ["expired"]
        );
        assert_eq!(
            f.matching(json!({"property": "Verified", "verification": {"status": "none"}})),
            ["unverified", "missing"]
        );
    }

    #[test]
    fn does_not_equal_excludes_the_state() {
        let f = fixture();
        assert_eq!(
            f.matching(json!({"property": "Verified", "verification": {"does_not_equal": "none"}})),
            ["verified", "expired"]
        );
    }

    #[test]
    fn unknown_states_are_rejected() {
        assert_eq!(
            fixture()
                .error(json!({"property": "Verified", "verification": {"status": "unverified"}})),
            "body failed validation: body.filter.verification.status should be `\"verified\"`, `\"expired\"`, or `\"none\"`, instead was `\"unverified\"`."
        );
    }
}
