//! The transport: one place that sends requests, spaces them, retries them,
//! turns error responses into [`Error`]s and reports every attempt.
//!
//! - [`rate_limit`]: the proactive budget and the shared pause after a 429/529;
//! - [`retry`]: which failures are repeated and how long to wait;
//! - [`observe`]: counters and the [`Observer`](observe::Observer) hook.

pub(crate) mod observe;
pub(crate) mod path;
pub(crate) mod rate_limit;
pub(crate) mod request;
pub(crate) mod response;
pub(crate) mod retry;

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument;
use url::Url;

use crate::error::{Error, Result};
use notion_model::ApiVersion;
use observe::{Counters, SharedObserver, TransportEvent};
use rate_limit::Limiter;
use request::{ApiRequest, Body, build_form};
use retry::{Retry, RetryPolicy, classify};

/// Everything a request needs, shared by all clones of a client.
#[derive(Debug)]
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: Url,
    pub(crate) version: ApiVersion,
    pub(crate) authorization: HeaderValue,
    pub(crate) user_agent: HeaderValue,
    pub(crate) timeout: Option<Duration>,
    pub(crate) retry: RetryPolicy,
    pub(crate) limiter: Limiter,
    pub(crate) counters: Counters,
    pub(crate) observer: Option<SharedObserver>,
}

/// A successful response: status, headers and the whole body.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
}

impl Transport {
    /// Sends `request` and decodes a 2xx body as `T`.
    pub(crate) async fn json<T: DeserializeOwned>(&self, request: &ApiRequest) -> Result<T> {
        let response = self.send(request).await?;
        response::decode(
            &request.method,
            &path::template(&request.path),
            &response.body,
        )
    }

    /// Sends `request` under the rate limit and retry policy until it succeeds,
    /// fails for good, or runs out of attempts or time.
    pub(crate) async fn send(&self, request: &ApiRequest) -> Result<RawResponse> {
        let template = path::template(&request.path);
        let method = &request.method;
        let deadline = self.retry.overall_deadline().map(|d| Instant::now() + d);
        let mut rate_limit_failures = 0u32;
        let mut transient_failures = 0u32;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let queued = self.limiter.acquire().await;
            let span = tracing::debug_span!(
                "notion_request",
                method = %method,
                path = %template,
                attempt,
                queued_ms = u64::try_from(queued.as_millis()).unwrap_or(u64::MAX),
            );
            self.counters.on_send(attempt);
            let sent_at = Instant::now();
            self.notify(&TransportEvent::Sending {
                method,
                path: &template,
                attempt,
                at: sent_at,
            });
            let outcome = self
                .attempt(request, &template)
                .instrument(span.clone())
                .await;
            let status = match &outcome {
                Ok(response) => Some(response.status),
                Err(Error::Api(api)) => Some(api.status),
                Err(Error::Committed { status, .. }) => Some(*status),
                Err(_) => None,
            };
            self.counters.on_status(status);
            let finished_at = Instant::now();
            self.notify(&TransportEvent::Finished {
                method,
                path: &template,
                attempt,
                status,
                elapsed: finished_at - sent_at,
                at: finished_at,
            });
            let error = match outcome {
                Ok(response) => {
                    span.in_scope(|| tracing::debug!(status = response.status, "notion response"));
                    return Ok(response);
                }
                Err(error) => error,
            };
            let (wait, shared_pause) = match classify(method, &template, &error) {
                Retry::Never => None,
                Retry::RateLimited { retry_after } => {
                    rate_limit_failures += 1;
                    (rate_limit_failures < self.retry.rate_limit_attempts()).then(|| {
                        let wait =
                            retry_after.unwrap_or_else(|| self.retry.backoff(rate_limit_failures));
                        (wait, true)
                    })
                }
                Retry::Transient => {
                    transient_failures += 1;
                    (transient_failures < self.retry.server_error_attempts())
                        .then(|| (self.retry.backoff(transient_failures), false))
                }
            }
            .filter(|(wait, _)| deadline.is_none_or(|d| Instant::now() + *wait <= d))
            .map_or((None, false), |(wait, shared)| (Some(wait), shared));
            let Some(wait) = wait else {
                span.in_scope(|| {
                    tracing::debug!(status, error = %error, "notion request failed; not retrying");
                });
                return Err(error);
            };
            span.in_scope(|| {
                tracing::info!(
                    status,
                    wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                    shared_pause,
                    error = %error,
                    "notion request will be retried"
                );
            });
            self.notify(&TransportEvent::Retrying {
                method,
                path: &template,
                attempt,
                wait,
                shared_pause,
            });
            if shared_pause {
                self.limiter.pause_until(Instant::now() + wait);
            } else {
                tokio::time::sleep(wait).await;
            }
        }
    }

    /// One attempt, bounded by the per-attempt timeout.
    async fn attempt(&self, request: &ApiRequest, template: &str) -> Result<RawResponse> {
        let method = &request.method;
        let builder = self.build(request)?;
        let exchange = async {
            let response = builder.send().await?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>(RawResponse {
                status,
                headers,
                body,
            })
        };
        let result = match self.timeout {
            Some(limit) => match tokio::time::timeout(limit, exchange).await {
                Ok(result) => result,
                Err(_) => {
                    return Err(Error::Timeout {
                        method: method.clone(),
                        path: template.to_owned(),
                        after: limit,
                    });
                }
            },
            None => exchange.await,
        };
        let response = result.map_err(|source| transport_error(method, template, source))?;
        if (200..300).contains(&response.status) {
            return Ok(response);
        }
        Err(response::error_from(
            method,
            template,
            &response,
            SystemTime::now(),
        ))
    }

    fn build(&self, request: &ApiRequest) -> Result<reqwest::RequestBuilder> {
        let base = self.base_url.as_str().trim_end_matches('/');
        let url = Url::parse(&format!("{base}{}", request.path))
            .map_err(|e| Error::Config(format!("bad request URL for {}: {e}", request.path)))?;
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .header(AUTHORIZATION, self.authorization.clone())
            .header("Notion-Version", self.version.as_str())
            .header(USER_AGENT, self.user_agent.clone());
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        builder = match &request.body {
            Body::Empty => builder,
            Body::Json(bytes) => builder
                .header(CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Body::Multipart(parts) => builder.multipart(build_form(parts)?),
        };
        Ok(builder)
    }

    fn notify(&self, event: &TransportEvent<'_>) {
        if let Some(observer) = &self.observer {
            observer.0.on_event(event);
        }
    }
}

fn transport_error(method: &reqwest::Method, template: &str, source: reqwest::Error) -> Error {
    let method = method.clone();
    let path = template.to_owned();
    if source.is_connect() {
        Error::Connect {
            method,
            path,
            source,
        }
    } else {
        Error::Http {
            method,
            path,
            source,
        }
    }
}
