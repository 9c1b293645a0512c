//! Behaviour tests of the typed client against the real emulator over HTTP on
//! an ephemeral port (`notion_emulator::testing::TestEmulator`).
//!
//! These tests run in real time (the emulator is a real server); waits are kept
//! to small windows of a couple of seconds.

mod access;
mod async_tasks;
mod blocks;
mod catalog;
mod comments;
mod databases;
mod faults;
mod file_uploads;
mod filters;
mod limits;
mod pages;
mod pagination;
mod rate_limit;
mod search;
mod sorts;
mod support;
mod trees;
mod users;
mod versions;
