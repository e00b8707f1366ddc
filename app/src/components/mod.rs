//! Reusable UI pieces.

pub mod layout;
pub mod server_time;
