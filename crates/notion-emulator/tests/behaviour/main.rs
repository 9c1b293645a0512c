//! Black-box behaviour tests: real HTTP against [`notion_emulator::testing::TestEmulator`].

mod async_tasks;
mod binary;
mod blocks;
mod comments;
mod data_sources;
mod errors;
mod file_uploads;
mod gate;
mod limits;
mod markdown;
mod pages;
mod persistence;
mod rollups;
mod row_cache;
mod row_cache_patch;
mod search;
mod sharing;
mod support;
mod templates;
mod users;
mod versions;
