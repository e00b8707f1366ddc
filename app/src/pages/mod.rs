//! One module per route.

pub mod account;
pub mod actions;
pub mod audit;
pub mod consumption;
pub mod create;
pub mod groups;
pub mod home;
pub mod login;
pub mod logs;
pub mod networks;
pub mod not_found;
pub mod password;
pub mod plans;
pub mod scripts;
pub mod servers;
pub mod ssh_keys;
pub mod team;
pub mod templates;
