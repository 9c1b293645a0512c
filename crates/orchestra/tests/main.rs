//! Orchestra library tests, against the emulator over HTTP (one test binary).

mod alert_dedupe;
mod brief_examples;
mod bulk;
mod collect;
mod comments;
mod config;
mod config_writer;
mod doctor;
mod provision;
mod pull;
mod support;
mod sync;
mod templates;
mod validation;
