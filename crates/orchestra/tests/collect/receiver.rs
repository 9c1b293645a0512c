//! A local HTTP receiver on 127.0.0.1 (a Slack webhook, a health URL): records every
//! body and answers every request with one status.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::any;
use serde_json::Value;

/// A running receiver.
pub(crate) struct Receiver {
    pub(crate) url: String,
    bodies: Arc<Mutex<Vec<Value>>>,
}

#[derive(Clone)]
struct Shared {
    bodies: Arc<Mutex<Vec<Value>>>,
    status: StatusCode,
}

async fn hook(State(shared): State<Shared>, body: Bytes) -> StatusCode {
    let value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    shared.bodies.lock().expect("lock").push(value);
    shared.status
}

impl Receiver {
    /// Starts a receiver answering `status` to every post.
    pub(crate) async fn start(status: u16) -> Self {
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let shared = Shared {
            bodies: bodies.clone(),
            status: StatusCode::from_u16(status).expect("status"),
        };
        let app = Router::new()
            .route("/services/hook", any(hook))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!(
            "http://{}/services/hook",
            listener.local_addr().expect("addr")
        );
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { url, bodies }
    }

    /// The bodies posted so far.
    pub(crate) fn bodies(&self) -> Vec<Value> {
        self.bodies.lock().expect("lock").clone()
    }
}
