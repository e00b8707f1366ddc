//! Actions: the record of every asynchronous operation.
//!
//! An action stores when it started and how long it lasts; its progress is computed from the clock
//! and its effect is applied by `lifecycle.rs` when the clock passes its end.

use chrono::{DateTime, Duration, Utc};

use crate::world::records::record;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    InProgress,
    Completed,
    Failed,
}

/// What happens to the world when an action completes.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    CreateServer { server: String, customize: bool },
    DeleteServer { server: String },
    PowerOn { server: String },
    PowerOff { server: String },
    Rollback { server: String, snapshot: u64 },
    CreateTemplate { id: u64 },
    DeleteTemplate { id: u64 },
    CreateSnapshot { id: u64 },
    DeleteSnapshot { id: u64 },
    AddVlans { ids: Vec<u64> },
    UpdateVlan { id: u64 },
    DeleteVlans { ids: Vec<u64> },
}

#[derive(Debug, Clone)]
pub struct Action {
    pub id: u64,
    pub user: String,
    /// `create_server`, `power_on`, … (the live names; `wire` renames for the legacy forms).
    pub kind: &'static str,
    pub resource: String,
    pub resource_type: &'static str,
    pub created_at: DateTime<Utc>,
    pub started_at: DateTime<Utc>,
    pub duration: f64,
    pub status: ActionStatus,
    pub completed_at: Option<DateTime<Utc>>,
    /// Set when the action is doomed: it stops at this share of its duration and fails.
    pub fail: Option<(f64, String)>,
    pub effect: Effect,
}

/// Where a doomed action stops (a share of its duration): failures surface "later", as documented.
pub const FAIL_AT: f64 = 0.3;

impl Action {
    pub fn progress(&self, now: DateTime<Utc>) -> u8 {
        let share =
            |elapsed: f64| (elapsed / self.duration.max(0.001) * 100.0).clamp(0.0, 100.0) as u8;
        match self.status {
            ActionStatus::Completed => 100,
            ActionStatus::Failed => share(self.fail.as_ref().map_or(0.0, |f| f.0) * self.duration),
            ActionStatus::InProgress => {
                let elapsed = (now - self.started_at).num_milliseconds() as f64 / 1000.0;
                share(elapsed).min(99)
            }
        }
    }

    /// When the action ends (completes, or fails if doomed).
    pub fn end(&self) -> DateTime<Utc> {
        let share = self.fail.as_ref().map_or(1.0, |f| f.0);
        self.started_at + Duration::milliseconds((self.duration * share * 1000.0) as i64)
    }
}

/// A point in simulated time where something happens.
#[derive(Debug, Clone)]
pub struct Pending {
    pub at: DateTime<Utc>,
    pub seq: u64,
    pub account: String,
    pub event: Event,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    FinishAction(u64),
    /// A server leaves `Customizing` (its script has run).
    FinishCustomizing(String),
}

/// The description of an action to start.
pub struct NewAction {
    pub kind: &'static str,
    pub resource: String,
    pub resource_type: &'static str,
    pub duration: f64,
    pub effect: Effect,
    pub fail: Option<String>,
}

record! { Action => "action" }
