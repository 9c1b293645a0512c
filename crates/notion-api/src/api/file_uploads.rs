//! `/v1/file_uploads`: create, send, complete, retrieve, list, and a one-call upload.

use bytes::Bytes;
use notion_model::{FileUpload, FileUploadId};
use reqwest::Method;
use serde::Serialize;

use super::body::JsonBody;
use super::list::ListRequest;
use crate::client::Client;
use crate::error::Result;
use crate::transport::request::{ApiRequest, FormPart};

/// Size of each part of a multi-part upload (10 MiB; Notion accepts 5–20 MiB).
pub const PART_SIZE: usize = 10 * 1024 * 1024;

/// Files larger than this (20 MiB) are sent in parts by [`FileUploadsHandler::upload_file`].
pub const MULTI_PART_THRESHOLD: usize = 20 * 1024 * 1024;

/// File-upload endpoints. Get one with [`Client::file_uploads`].
#[derive(Debug, Clone, Copy)]
pub struct FileUploadsHandler<'c> {
    client: &'c Client,
}

impl<'c> FileUploadsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self { client }
    }

    /// `POST /v1/file_uploads`: starts an upload (single part unless told otherwise).
    pub fn create(&self) -> CreateFileUpload {
        CreateFileUpload {
            client: self.client.clone(),
            body: JsonBody::default(),
        }
    }

    /// `POST /v1/file_uploads/{id}/send`: sends the file, or part `part_number`
    /// (1-based) of a multi-part upload, as `multipart/form-data` field `file`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error); never retried on 5xx (it is a POST).
    pub async fn send(
        &self,
        id: FileUploadId,
        file_name: &str,
        content_type: &str,
        bytes: Bytes,
        part_number: Option<u32>,
    ) -> Result<FileUpload> {
        let mut parts = vec![FormPart::File {
            name: "file".to_owned(),
            file_name: file_name.to_owned(),
            content_type: content_type.to_owned(),
            bytes,
        }];
        if let Some(number) = part_number {
            parts.push(FormPart::Text {
                name: "part_number".to_owned(),
                value: number.to_string(),
            });
        }
        let request =
            ApiRequest::new(Method::POST, format!("/v1/file_uploads/{id}/send")).multipart(parts);
        self.client.execute(&request).await
    }

    /// `POST /v1/file_uploads/{id}/complete`: finishes a multi-part upload.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn complete(&self, id: FileUploadId) -> Result<FileUpload> {
        let request = ApiRequest::new(Method::POST, format!("/v1/file_uploads/{id}/complete"));
        self.client.execute(&request).await
    }

    /// `GET /v1/file_uploads/{id}`.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn retrieve(&self, id: FileUploadId) -> Result<FileUpload> {
        self.client
            .execute(&ApiRequest::new(
                Method::GET,
                format!("/v1/file_uploads/{id}"),
            ))
            .await
    }

    /// `GET /v1/file_uploads` (paginated).
    pub fn list(&self) -> ListRequest<FileUpload> {
        ListRequest::new(self.client, "/v1/file_uploads".to_owned())
    }

    /// `GET /v1/file_uploads?status=...` (`pending`, `uploaded`, `expired`, `failed`).
    pub fn list_with_status(&self, status: &str) -> ListRequest<FileUpload> {
        self.list().param("status", status)
    }

    /// Uploads `bytes` in one call: single part up to [`MULTI_PART_THRESHOLD`],
    /// otherwise multi-part in [`PART_SIZE`] pieces followed by `complete`.
    /// Returns the upload in its final state (`uploaded`), ready to attach by id.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error) of the create, send or complete calls.
    pub async fn upload_file(
        &self,
        file_name: &str,
        content_type: &str,
        bytes: impl Into<Bytes>,
    ) -> Result<FileUpload> {
        let bytes: Bytes = bytes.into();
        let create = self.create().filename(file_name).content_type(content_type);
        if bytes.len() <= MULTI_PART_THRESHOLD {
            let upload = create.send().await?;
            return self
                .send(upload.id, file_name, content_type, bytes, None)
                .await;
        }
        let parts = bytes.len().div_ceil(PART_SIZE);
        let upload = create
            .multi_part(u32::try_from(parts).unwrap_or(u32::MAX))
            .send()
            .await?;
        for (index, start) in (0..bytes.len()).step_by(PART_SIZE).enumerate() {
            let end = (start + PART_SIZE).min(bytes.len());
            let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
            self.send(
                upload.id,
                file_name,
                content_type,
                bytes.slice(start..end),
                Some(number),
            )
            .await?;
        }
        self.complete(upload.id).await
    }
}

/// `POST /v1/file_uploads`. Build with [`FileUploadsHandler::create`].
#[derive(Debug, Clone)]
#[must_use]
pub struct CreateFileUpload {
    client: Client,
    body: JsonBody,
}

impl CreateFileUpload {
    /// The file name (≤ 900 bytes).
    pub fn filename(mut self, name: &str) -> Self {
        self.body.set("filename", name);
        self
    }

    /// The MIME type.
    pub fn content_type(mut self, content_type: &str) -> Self {
        self.body.set("content_type", content_type);
        self
    }

    /// A multi-part upload of `parts` parts.
    pub fn multi_part(mut self, parts: u32) -> Self {
        self.body.set("mode", "multi_part");
        self.body.set("number_of_parts", parts);
        self
    }

    /// Imports from a public HTTPS URL instead of sending bytes.
    pub fn external_url(mut self, url: &str) -> Self {
        self.body.set("mode", "external_url");
        self.body.set("external_url", url);
        self
    }

    /// Any other body field, as Notion spells it.
    pub fn field(mut self, key: &str, value: impl Serialize) -> Self {
        self.body.set(key, value);
        self
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// Any [`Error`](crate::Error).
    pub async fn send(self) -> Result<FileUpload> {
        let request =
            ApiRequest::new(Method::POST, "/v1/file_uploads").json(self.body.finish()?)?;
        self.client.execute(&request).await
    }
}
