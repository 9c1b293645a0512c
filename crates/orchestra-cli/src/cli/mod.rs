//! Command-line parsing (clap, at the edge) and the validated plan.

pub(crate) mod args;
pub(crate) mod plan;

pub(crate) use args::Cli;
pub(crate) use plan::{Action, Output, Plan, SyncPlan};
