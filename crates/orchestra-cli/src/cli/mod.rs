//! Command-line parsing (clap, at the edge) and the validated plan.

pub(crate) mod args;
pub(crate) mod collect_args;
pub(crate) mod collect_plan;
pub(crate) mod daily_args;
pub(crate) mod plan;
pub(crate) mod two_way;

pub(crate) use args::Cli;
pub(crate) use plan::{Action, Output, Plan, SyncPlan};
