//! One module per route.

pub mod create;
pub mod home;
pub mod login;
pub mod not_found;
pub mod servers;
