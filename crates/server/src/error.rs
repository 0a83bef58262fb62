//! API errors: one table maps every error to its `code`, `type` and HTTP status, and the
//! body is always `{message, code, type}` (meilisearch's shape).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query parameter or path value is malformed.
    #[error("invalid parameter `{name}`: {message}")]
    BadParameter {
        /// The parameter.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// A query parameter this endpoint does not know (often a typo).
    #[error("unknown parameter `{0}`; see /api/openapi.json for this endpoint's parameters")]
    UnknownParameter(String),
    /// The request body is malformed.
    #[error("invalid request body: {0}")]
    BadBody(String),
    /// The body's content type is not one this endpoint reads.
    #[error("unsupported content type {0:?}; send application/json or application/x-ndjson")]
    UnsupportedMediaType(String),
    /// The body is larger than the endpoint accepts.
    #[error("request body too large (at most {0} bytes)")]
    PayloadTooLarge(usize),
    /// Nothing has this id.
    #[error("no {what} with id {id:?}")]
    NotFound {
        /// What was looked for.
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// No route matches.
    #[error("no such endpoint: {0}")]
    NoRoute(String),
    /// The request carries no valid access token.
    #[error("missing or invalid access token (send `Authorization: Bearer <token>`)")]
    Unauthorized,
    /// The token is read-only and the request writes.
    #[error("this token is read-only; writing needs an analyst token")]
    Forbidden,
    /// The store or engine failed.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Every error code, its type and status, and what it means: the one table the responses
/// and the OpenAPI document are built from.
pub const ERROR_TABLE: &[(&str, &str, u16, &str)] = &[
    (
        "invalid_parameter",
        "invalid_request",
        400,
        "a query parameter or path value is malformed",
    ),
    (
        "unknown_parameter",
        "invalid_request",
        400,
        "a query parameter this endpoint does not know",
    ),
    (
        "invalid_body",
        "invalid_request",
        400,
        "the request body is malformed",
    ),
    (
        "unsupported_media_type",
        "invalid_request",
        415,
        "the body's content type is not accepted",
    ),
    (
        "payload_too_large",
        "invalid_request",
        413,
        "the body exceeds the endpoint's limit",
    ),
    ("not_found", "invalid_request", 404, "nothing has this id"),
    ("no_route", "invalid_request", 404, "no such endpoint"),
    (
        "missing_or_invalid_token",
        "auth",
        401,
        "no valid access token",
    ),
    (
        "read_only_token",
        "auth",
        403,
        "a read-only token tried to write",
    ),
    ("internal", "internal", 500, "the store or engine failed"),
];

impl ApiError {
    /// This error's code (a key of [`ERROR_TABLE`]).
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadParameter { .. } => "invalid_parameter",
            ApiError::UnknownParameter(_) => "unknown_parameter",
            ApiError::BadBody(_) => "invalid_body",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::PayloadTooLarge(_) => "payload_too_large",
            ApiError::NotFound { .. } => "not_found",
            ApiError::NoRoute(_) => "no_route",
            ApiError::Unauthorized => "missing_or_invalid_token",
            ApiError::Forbidden => "read_only_token",
            ApiError::Internal(_) => "internal",
        }
    }

    /// A malformed parameter.
    pub fn param(name: &str, message: impl Into<String>) -> Self {
        ApiError::BadParameter {
            name: name.to_owned(),
            message: message.into(),
        }
    }

    fn row(&self) -> (&'static str, u16) {
        let code = self.code();
        ERROR_TABLE
            .iter()
            .find(|r| r.0 == code)
            .map(|r| (r.1, r.2))
            .unwrap_or(("internal", 500))
    }
}

/// The error body.
#[derive(Debug, Serialize)]
pub struct ErrorBody {
    /// What went wrong, for people.
    pub message: String,
    /// Stable machine code.
    pub code: &'static str,
    /// Family: invalid_request, auth, internal.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (kind, status) = self.row();
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ErrorBody {
            message: self.to_string(),
            code: self.code(),
            kind,
        };
        (status, axum::Json(body)).into_response()
    }
}

impl From<tessera_store::StoreError> for ApiError {
    fn from(e: tessera_store::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl From<tessera_engine::EngineError> for ApiError {
    fn from(e: tessera_engine::EngineError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_row_and_codes_are_unique() {
        let samples = [
            ApiError::param("x", "y"),
            ApiError::UnknownParameter("x".into()),
            ApiError::BadBody("x".into()),
            ApiError::UnsupportedMediaType("x".into()),
            ApiError::PayloadTooLarge(1),
            ApiError::NotFound {
                what: "event",
                id: "x".into(),
            },
            ApiError::NoRoute("/x".into()),
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::Internal("x".into()),
        ];
        for e in &samples {
            assert!(ERROR_TABLE.iter().any(|r| r.0 == e.code()), "{}", e.code());
        }
        let mut codes: Vec<_> = ERROR_TABLE.iter().map(|r| r.0).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ERROR_TABLE.len());
        assert_eq!(samples.len(), ERROR_TABLE.len());
        assert_eq!(ApiError::Forbidden.into_response().status(), 403);
    }
}
