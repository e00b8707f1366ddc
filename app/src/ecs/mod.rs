//! The typed client of the upstream ECS API (server only; never compiled for the browser).
//!
//! - `client`: `EcsClient`, its options and credentials; auth, timeouts, no redirects, body cap,
//!   status → error mapping.
//! - `calls/`: one method per endpoint, one file per resource (servers, library, catalogue…).
//! - `dto`: tolerant upstream types (every variant the docs and the live API disagree on).
//! - `error`: `EcsError` and its wording for people.
//! - `convert/`: DTOs → the view models pages render (`crate::model`), one file per resource.
//! - `ids`: the id checks made before an id becomes part of an upstream URL.
//!
//! These types stay on the server: pages get view models, never upstream JSON or tokens.

mod calls;
pub mod client;
pub mod convert;
pub mod dto;
pub mod error;
mod fast_list;
pub mod ids;
pub mod list_cache;

#[cfg(test)]
mod tests;

pub use calls::{BillingKind, NewVlans, ScheduleSettings, SnapshotPatch};
pub use client::{ClientOptions, Credential, EcsClient, MAX_BODY_BYTES};
pub use error::EcsError;
