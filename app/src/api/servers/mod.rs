//! Server functions for servers: the list, the detail page, the live activity feed, and every
//! lifecycle action (power, console, rename, group, support, reserved period, delete, bulk).

pub mod activity;
pub mod detail;
pub mod lifecycle;
pub mod list;
pub mod settings;
