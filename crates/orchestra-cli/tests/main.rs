//! Tests of the `orchestra` binary against the emulator (one test binary).

mod commands;
mod support;
mod sync;
