//! The integration token, kept out of every log, error and debug print.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// A Notion integration token (`ntn_...`, `secret_...`, an OAuth access token or a PAT).
///
/// `Debug` and `Display` print `Token(***)` / `***`; the value is only read when
/// the `Authorization` header is built, and that header is marked sensitive.
#[derive(Clone)]
pub struct Token(SecretString);

impl Token {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        Self(SecretString::from(token.into()))
    }

    /// The `Authorization` header value.
    pub(crate) fn bearer_header(&self) -> Option<reqwest::header::HeaderValue> {
        let mut value =
            reqwest::header::HeaderValue::from_str(&format!("Bearer {}", self.0.expose_secret()))
                .ok()?;
        value.set_sensitive(true);
        Some(value)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.expose_secret().trim().is_empty()
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Token {
    fn from(token: String) -> Self {
        Self::new(token)
    }
}

impl From<&str> for Token {
    fn from(token: &str) -> Self {
        Self::new(token)
    }
}

impl From<SecretString> for Token {
    fn from(token: SecretString) -> Self {
        Self(token)
    }
}
