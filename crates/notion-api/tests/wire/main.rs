//! Wire-level tests of the Notion client against wiremock: exact headers,
//! query and body shapes, retry and rate-limit behaviour under paused time.

mod budget;
mod endpoints;
mod headers;
mod pagination;
mod retries;
mod secrecy;
mod support;
mod trace_capture;
