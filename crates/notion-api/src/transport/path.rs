//! Request paths: validation and the id-free templates used in logs and errors.

use crate::error::{Error, Result};

/// Normalises a caller-supplied API path to `/v1/...` and rejects traversal.
pub(crate) fn normalize(path: &str) -> Result<String> {
    let trimmed = path.trim();
    let lowered = trimmed.to_ascii_lowercase();
    if trimmed.split(['/', '?']).any(|segment| segment == "..") || lowered.contains("%2e%2e") {
        return Err(Error::Config(format!(
            "path {trimmed:?} must not contain `..`"
        )));
    }
    let relative = trimmed.trim_start_matches('/');
    Ok(if relative.starts_with("v1/") || relative == "v1" {
        format!("/{relative}")
    } else {
        format!("/v1/{relative}")
    })
}

/// `/v1/pages/1f0c.../properties/title` → `/v1/pages/{id}/properties/{property_id}`.
pub(crate) fn template(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut previous = "";
    for (i, segment) in path.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if looks_like_id(segment) {
            out.push_str("{id}");
        } else if previous == "properties" {
            out.push_str("{property_id}");
        } else {
            out.push_str(segment);
        }
        previous = segment;
    }
    out
}

fn looks_like_id(segment: &str) -> bool {
    let hex = segment.chars().filter(char::is_ascii_hexdigit).count();
    let dashes = segment.chars().filter(|c| *c == '-').count();
    hex == 32 && (segment.len() == 32 || (segment.len() == 36 && dashes == 4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_hide_ids() {
        assert_eq!(
            template("/v1/pages/1f0c9a3e-5b7d-4c21-9e8a-6d2b4f1a0c33/properties/a%3Bb"),
            "/v1/pages/{id}/properties/{property_id}"
        );
        assert_eq!(
            template("/v1/blocks/1f0c9a3e5b7d4c219e8a6d2b4f1a0c33/children"),
            "/v1/blocks/{id}/children"
        );
        assert_eq!(template("/v1/users/me"), "/v1/users/me");
    }

    #[test]
    fn normalizes_and_rejects_traversal() {
        assert_eq!(normalize("users").unwrap(), "/v1/users");
        assert_eq!(normalize("/v1/users/me").unwrap(), "/v1/users/me");
        assert!(normalize("/v1/../admin").is_err());
        assert!(normalize("/v1/%2E%2E/admin").is_err());
    }
}
