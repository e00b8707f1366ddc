//! Upstream types, tolerant of every variant a client must accept (the README's “Demo mode and
//! the ECS API simulator”, “Live and legacy forms”): unknown fields are ignored, optional fields
//! may be missing or null, numbers may come as strings, dates in three formats, status words in
//! any case.

mod account;
mod action;
mod billing;
mod catalogue;
pub(crate) mod de;
mod enums;
mod library;
mod log;
mod metrics;
mod network;
mod server;
mod snapshot;

#[cfg(test)]
mod tests;

pub(crate) use account::LoginRequest;
pub use account::{Account, ApiToken, CreatedToken, LoginGrant};
pub use action::{Action, ActionPage};
pub use billing::{ServerUsage, SnapshotBilling, SnapshotUsage, TemplateUsage, UsageSummary};
pub use catalogue::{Host, HostServer, Image, Plan, Region, RegionHosts, Template};
pub use enums::{ActionKind, ActionStatus, ImageStatus, PowerState, ResourceKind, ServerState};
pub use library::{CreatedTemplate, Group, Script, ScriptInput, SshKey, TemplateSource};
pub use log::{LogEntry, LogPage};
pub use metrics::{DiskMetrics, MetricPoint, Metrics, NetworkMetrics};
pub use network::{Network, Vlan, VlanChange};
pub use server::{
    ActionOutcome, CreatedServer, DiscountRecord, Isolation, NetworkAttachment, PlanSize, Server,
    ServerAction, ServerCreate, ServerPowerStatus, ServerSupport, SupportCode, UserCustomize,
    VlanSpec,
};
pub use snapshot::{ScheduleInfos, Snapshot, SnapshotChange, SnapshotSchedule};
