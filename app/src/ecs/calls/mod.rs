//! The endpoints, one file per resource: each method checks its ids, builds the path from
//! segments, and picks its value out of the answer with the tolerant DTOs.

mod account;
mod actions;
mod billing;
mod catalogue;
mod library;
mod logs;
mod networks;
mod servers;
mod snapshots;

pub use billing::BillingKind;
pub use networks::NewVlans;
pub use snapshots::{ScheduleSettings, SnapshotPatch};
