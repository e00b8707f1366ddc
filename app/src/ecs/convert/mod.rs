//! Upstream DTOs → the view models pages render (`crate::model`), one file per resource: sizes in
//! units people read, labels instead of codes, instants as relative + exact text. Server functions
//! (`crate::api`) fetch and hand the answers here; they build no view model themselves.

pub mod account;
pub mod action;
pub mod catalogue;
pub mod consumption;
pub mod create;
pub mod group;
pub mod log;
pub mod metrics;
pub mod network;
pub mod overview;
pub mod script;
pub mod server;
pub mod snapshot;
pub mod ssh_key;
pub mod template;
