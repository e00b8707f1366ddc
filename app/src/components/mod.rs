//! Reusable UI pieces.

pub mod error_view;
pub mod field;
pub mod layout;
pub mod server_time;
