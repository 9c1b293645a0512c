//! Notion's error body and error codes, shared by the client and the emulator.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// Every error code Notion documents, with a fallback for codes it adds later.
///
/// The string form is exactly Notion's (`"rate_limited"`, `"object_not_found"`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// 400: the body is not JSON.
    InvalidJson,
    /// 400: malformed URL or unknown route.
    InvalidRequestUrl,
    /// 400: unsupported request.
    InvalidRequest,
    /// 400: OAuth grant invalid.
    InvalidGrant,
    /// 400: the body or parameters fail the schema or a limit.
    ValidationError,
    /// 400: no `Notion-Version` header.
    MissingVersion,
    /// 400: undocumented beta flag error.
    InvalidBeta,
    /// 401: the bearer token is invalid.
    Unauthorized,
    /// 403: the token lacks a capability or permission.
    RestrictedResource,
    /// 404: the object does not exist or is not shared with the integration.
    ObjectNotFound,
    /// 409: transaction conflict.
    ConflictError,
    /// 409: row limit exceeded.
    RowLimitExceeded,
    /// 429: rate limited.
    RateLimited,
    /// 500: unexpected error.
    InternalServerError,
    /// 502: upstream connection failure.
    BadGateway,
    /// 503: unavailable, or the request took too long.
    ServiceUnavailable,
    /// 503: Notion's database is unavailable.
    DatabaseConnectionUnavailable,
    /// 504: timed out.
    GatewayTimeout,
    /// 529: overloaded; retry like 429.
    ServiceOverload,
    /// A code this crate does not know yet, kept verbatim.
    Unknown(String),
}

impl ErrorCode {
    /// The wire spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::InvalidRequestUrl => "invalid_request_url",
            Self::InvalidRequest => "invalid_request",
            Self::InvalidGrant => "invalid_grant",
            Self::ValidationError => "validation_error",
            Self::MissingVersion => "missing_version",
            Self::InvalidBeta => "invalid_beta",
            Self::Unauthorized => "unauthorized",
            Self::RestrictedResource => "restricted_resource",
            Self::ObjectNotFound => "object_not_found",
            Self::ConflictError => "conflict_error",
            Self::RowLimitExceeded => "row_limit_exceeded",
            Self::RateLimited => "rate_limited",
            Self::InternalServerError => "internal_server_error",
            Self::BadGateway => "bad_gateway",
            Self::ServiceUnavailable => "service_unavailable",
            Self::DatabaseConnectionUnavailable => "database_connection_unavailable",
            Self::GatewayTimeout => "gateway_timeout",
            Self::ServiceOverload => "service_overload",
            Self::Unknown(code) => code,
        }
    }

    /// Parses the wire spelling; unknown codes are kept in [`ErrorCode::Unknown`].
    pub fn from_wire(code: &str) -> Self {
        match code {
            "invalid_json" => Self::InvalidJson,
            "invalid_request_url" => Self::InvalidRequestUrl,
            "invalid_request" => Self::InvalidRequest,
            "invalid_grant" => Self::InvalidGrant,
            "validation_error" => Self::ValidationError,
            "missing_version" => Self::MissingVersion,
            "invalid_beta" => Self::InvalidBeta,
            "unauthorized" => Self::Unauthorized,
            "restricted_resource" => Self::RestrictedResource,
            "object_not_found" => Self::ObjectNotFound,
            "conflict_error" => Self::ConflictError,
            "row_limit_exceeded" => Self::RowLimitExceeded,
            "rate_limited" => Self::RateLimited,
            "internal_server_error" => Self::InternalServerError,
            "bad_gateway" => Self::BadGateway,
            "service_unavailable" => Self::ServiceUnavailable,
            "database_connection_unavailable" => Self::DatabaseConnectionUnavailable,
            "gateway_timeout" => Self::GatewayTimeout,
            "service_overload" => Self::ServiceOverload,
            other => Self::Unknown(other.to_owned()),
        }
    }

    /// The HTTP status Notion pairs with this code (500 for unknown codes).
    pub fn status(&self) -> u16 {
        match self {
            Self::InvalidJson
            | Self::InvalidRequestUrl
            | Self::InvalidRequest
            | Self::InvalidGrant
            | Self::ValidationError
            | Self::MissingVersion
            | Self::InvalidBeta => 400,
            Self::Unauthorized => 401,
            Self::RestrictedResource => 403,
            Self::ObjectNotFound => 404,
            Self::ConflictError | Self::RowLimitExceeded => 409,
            Self::RateLimited => 429,
            Self::InternalServerError | Self::Unknown(_) => 500,
            Self::BadGateway => 502,
            Self::ServiceUnavailable | Self::DatabaseConnectionUnavailable => 503,
            Self::GatewayTimeout => 504,
            Self::ServiceOverload => 529,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Self::from_wire(&text))
    }
}

/// The body of every Notion error response.
///
/// ```json
/// {"object":"error","status":404,"code":"object_not_found","message":"…","request_id":"…"}
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorBody {
    /// Always `"error"`.
    pub object: String,
    /// The HTTP status, repeated.
    pub status: u16,
    /// The machine-readable code.
    pub code: ErrorCode,
    /// The human-readable message.
    pub message: String,
    /// Extra details (`retry_after`, `rate_limit_reason`, `committed_resource_id`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_data: Option<Map<String, Value>>,
    /// The request id, also sent as the `x-notion-request-id` header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Fields Notion may add later, kept as they came.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ErrorBody {
    /// A new error body with the status Notion pairs with `code`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            object: "error".to_owned(),
            status: code.status(),
            code,
            message: message.into(),
            additional_data: None,
            request_id: None,
            extra: Map::new(),
        }
    }

    /// Adds one entry to `additional_data`.
    #[must_use]
    pub fn with_data(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.additional_data
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }

    /// Sets the request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// A string entry of `additional_data`.
    pub fn data_str(&self, key: &str) -> Option<&str> {
        self.additional_data.as_ref()?.get(key)?.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in [
            "invalid_json",
            "validation_error",
            "rate_limited",
            "service_overload",
            "object_not_found",
            "something_new",
        ] {
            let parsed: ErrorCode = serde_json::from_value(Value::from(code)).unwrap();
            assert_eq!(serde_json::to_value(&parsed).unwrap(), Value::from(code));
        }
        assert_eq!(ErrorCode::from_wire("something_new").status(), 500);
        assert_eq!(ErrorCode::ServiceOverload.status(), 529);
    }

    #[test]
    fn body_round_trips_with_extras() {
        let json = serde_json::json!({
            "object": "error", "status": 429, "code": "rate_limited",
            "message": "You have been rate limited. Please try again in a few minutes.",
            "additional_data": {"rate_limit_reason": "public_api_request_rate_limit", "retry_after": "17"},
            "request_id": "5b8f0c1e-8a2d-4e39-9d0b-2f7c1a6e4b10",
            "future_field": 1
        });
        let body: ErrorBody = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(body.code, ErrorCode::RateLimited);
        assert_eq!(body.data_str("retry_after"), Some("17"));
        assert_eq!(serde_json::to_value(&body).unwrap(), json);
    }
}
