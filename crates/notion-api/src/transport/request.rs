//! A request description that can be sent again on retry.

use bytes::Bytes;
use reqwest::Method;
use serde::Serialize;

use crate::error::{Error, Result};

/// Method, path, query and body of one API call, replayable across attempts.
#[derive(Debug, Clone)]
pub(crate) struct ApiRequest {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: Body,
}

/// A request body.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// No body (and no `Content-Type`).
    Empty,
    /// Serialized JSON.
    Json(Bytes),
    /// A `multipart/form-data` form, rebuilt for every attempt.
    Multipart(Vec<FormPart>),
}

/// One field of a multipart form.
#[derive(Debug, Clone)]
pub(crate) enum FormPart {
    Text {
        name: String,
        value: String,
    },
    File {
        name: String,
        file_name: String,
        content_type: String,
        bytes: Bytes,
    },
}

impl ApiRequest {
    /// A request without query or body; `path` must already start with `/v1/`.
    pub(crate) fn new(method: Method, path: impl Into<String>) -> Self {
        Self {
            method,
            path: path.into(),
            query: Vec::new(),
            body: Body::Empty,
        }
    }

    /// Adds one query parameter (repeat the key for arrays).
    pub(crate) fn query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Adds an optional query parameter.
    pub(crate) fn query_opt(self, key: &str, value: Option<impl Into<String>>) -> Self {
        match value {
            Some(value) => self.query(key, value),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub(crate) fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Self> {
        let bytes = serde_json::to_vec(body).map_err(Error::Encode)?;
        self.body = Body::Json(Bytes::from(bytes));
        Ok(self)
    }

    /// Sets a multipart body.
    pub(crate) fn multipart(mut self, parts: Vec<FormPart>) -> Self {
        self.body = Body::Multipart(parts);
        self
    }
}

/// Builds a reqwest form from replayable parts.
pub(crate) fn build_form(parts: &[FormPart]) -> Result<reqwest::multipart::Form> {
    let mut form = reqwest::multipart::Form::new();
    for part in parts {
        form = match part {
            FormPart::Text { name, value } => form.text(name.clone(), value.clone()),
            FormPart::File {
                name,
                file_name,
                content_type,
                bytes,
            } => {
                let file =
                    reqwest::multipart::Part::stream_with_length(bytes.clone(), bytes.len() as u64)
                        .file_name(file_name.clone())
                        .mime_str(content_type)
                        .map_err(|e| {
                            Error::Config(format!("bad content type {content_type:?}: {e}"))
                        })?;
                form.part(name.clone(), file)
            }
        };
    }
    Ok(form)
}
