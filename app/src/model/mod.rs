//! View models: what pages render, shared by SSR and the browser. Built from upstream DTOs on the
//! server (`crate::ecs::convert`); they carry words and numbers a person reads, never raw JSON.

pub mod account;
pub mod actions;
pub mod activity;
pub mod api_call;
pub mod audit;
pub mod consumption;
pub mod create;
pub mod create_check;
pub mod group;
pub mod lifecycle;
pub mod logs;
pub mod metrics;
pub mod metrics_view;
pub mod natural;
pub mod network;
pub mod overview;
pub mod plans;
pub mod refusal;
pub mod script;
pub mod server;
pub mod server_list;
pub mod snapshot;
pub mod ssh_key;
pub mod ssh_key_list;
pub mod table;
pub mod team;
pub mod template;
pub mod time;
