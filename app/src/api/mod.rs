//! Server functions, one module per resource, and nothing else: thin glue from the session to the
//! upstream client. What the answers become is `crate::ecs::convert`; the rules and the words for
//! ECS's refusals are `crate::model`.

pub mod account;
pub mod actions;
pub mod audit;
pub mod auth;
pub mod consumption;
pub mod create;
pub mod groups;
pub mod logs;
pub mod metrics;
pub mod networks;
pub mod overview;
pub mod plans;
pub mod scripts;
pub mod servers;
pub mod ssh_keys;
pub mod system;
pub mod team;
pub mod templates;
