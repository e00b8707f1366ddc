//! The `ecs-panel` server: configuration, the HTTP stack around the Leptos app, and (in demo mode)
//! the embedded ECS simulator (the `ecs-simulator` crate).

pub mod access;
pub mod budget;
pub mod client_addr;
pub mod config;
pub mod export;
pub mod fn_status;
pub mod guard;
pub mod http_stack;
pub mod security;
pub mod session;
pub mod shared_store;
pub mod site;
pub mod startup;
pub mod users_cli;

pub use http_stack::{panel_router, serve};
