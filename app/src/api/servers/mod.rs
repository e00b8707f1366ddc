//! Server functions for servers: the list, the detail page, the live activity feed, every
//! lifecycle action (power, console, rename, group, support, reserved period, delete, bulk), and
//! snapshots with their weekly schedule, and private networks' VLANs.

pub mod activity;
pub mod detail;
pub mod lifecycle;
pub mod list;
pub mod networks;
pub mod schedule;
pub mod settings;
pub mod snapshots;
