//! Orchestra library tests, against the emulator over HTTP (one test binary).

mod brief_examples;
mod config;
mod doctor;
mod provision;
mod support;
mod sync;
mod validation;
