//! Notifications: [`slack`] posts the daily summary and alerts as Block Kit messages.
//! Failing to notify is never fatal: failures come back as warnings.

pub mod slack;
