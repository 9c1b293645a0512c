//! Tests of the `orchestra` binary against the emulator (one test binary).

mod alert_dedupe;
mod bulk;
mod collect;
mod commands;
mod comment;
mod config_and_output;
mod daily;
mod local_ids;
mod support;
mod sync;
mod template;
mod two_way;
