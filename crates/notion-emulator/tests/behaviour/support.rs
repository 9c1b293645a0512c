//! A tiny JSON client for the emulator.

use notion_emulator::testing::TestEmulator;
use reqwest::{Method, StatusCode, header::HeaderMap};
use serde_json::{Value, json};

pub(crate) struct Api {
    client: reqwest::Client,
    pub(crate) base: String,
    pub(crate) token: String,
    pub(crate) version: String,
}

pub(crate) struct Response {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Value,
}

impl Response {
    /// Asserts a Notion error with `status` and `code`; returns the message.
    pub(crate) fn error(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.body["object"], "error");
        assert_eq!(self.body["code"], code, "body: {}", self.body);
        assert_eq!(self.body["status"], status);
        self.body["message"].as_str().unwrap_or_default().to_owned()
    }

    pub(crate) fn ok(&self) -> &Value {
        assert!(self.status.is_success(), "{}: {}", self.status, self.body);
        &self.body
    }
}

impl Api {
    pub(crate) fn new(emu: &TestEmulator) -> Self {
        Self {
            client: reqwest::Client::new(),
            base: emu.base_url(),
            token: emu.token(),
            version: "2025-09-03".into(),
        }
    }

    pub(crate) fn with_token(&self, token: &str) -> Self {
        Self {
            client: self.client.clone(),
            base: self.base.clone(),
            token: token.into(),
            version: self.version.clone(),
        }
    }

    pub(crate) fn with_version(&self, version: &str) -> Self {
        Self {
            client: self.client.clone(),
            base: self.base.clone(),
            token: self.token.clone(),
            version: version.into(),
        }
    }

    pub(crate) async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header("Notion-Version", &self.version);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Response {
            status,
            headers,
            body,
        }
    }

    pub(crate) async fn get(&self, path: &str) -> Response {
        self.call(Method::GET, path, None).await
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> Response {
        self.call(Method::POST, path, Some(body)).await
    }

    pub(crate) async fn patch(&self, path: &str, body: Value) -> Response {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub(crate) async fn delete(&self, path: &str) -> Response {
        self.call(Method::DELETE, path, None).await
    }

    /// Creates a plain page under `parent` and returns its id.
    pub(crate) async fn page(&self, parent: &str, title: &str) -> String {
        let body = json!({"parent": {"page_id": parent}, "properties": {"title": [{"text": {"content": title}}]}});
        id(self.post("/v1/pages", body).await.ok())
    }

    /// Creates a database with `properties` under `parent`; returns (database id, data source id).
    pub(crate) async fn database(
        &self,
        parent: &str,
        title: &str,
        properties: Value,
    ) -> (String, String) {
        let body = json!({
            "parent": {"page_id": parent},
            "title": [{"text": {"content": title}}],
            "initial_data_source": {"properties": properties}
        });
        let db = self
            .with_version("2025-09-03")
            .post("/v1/databases", body)
            .await;
        let db = db.ok();
        (
            id(db),
            db["data_sources"][0]["id"].as_str().unwrap().to_owned(),
        )
    }

    /// Creates a row in a data source; returns the page.
    pub(crate) async fn row(&self, data_source: &str, properties: Value) -> Value {
        let body = json!({"parent": {"data_source_id": data_source}, "properties": properties});
        self.post("/v1/pages", body).await.ok().clone()
    }
}

pub(crate) fn id(value: &Value) -> String {
    value["id"].as_str().expect("id").to_owned()
}

pub(crate) async fn start() -> (TestEmulator, Api) {
    let emu = TestEmulator::start().await;
    let api = Api::new(&emu);
    (emu, api)
}

pub(crate) fn text(content: &str) -> Value {
    json!([{"text": {"content": content}}])
}

pub(crate) fn paragraph(content: &str) -> Value {
    json!({"paragraph": {"rich_text": text(content)}})
}

pub(crate) fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}
