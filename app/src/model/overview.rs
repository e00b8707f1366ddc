//! The dashboard: who you are at Seeweb, your servers by state (each linking to the list filtered
//! to it), and what happened last.

use serde::{Deserialize, Serialize};

use super::actions::ActionLine;

/// Servers whose power ECS is asked about, at most: a larger account shows ready servers without
/// the running/stopped split rather than wait on hundreds of calls.
pub const POWER_ASKED_MAX: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerCounts {
    pub total: usize,
    /// Booted: installed and usable.
    pub ready: usize,
    /// Of the ready ones, when their power was asked (≤ [`POWER_ASKED_MAX`]).
    pub running: Option<usize>,
    pub stopped: Option<usize>,
    /// Being created, customised, reimaged or deleted.
    pub busy: usize,
    pub failed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub username: String,
    pub email: String,
    pub servers: ServerCounts,
    /// The newest actions, newest first.
    pub recent: Vec<ActionLine>,
}

impl AccountOverview {
    /// Nothing made yet: the dashboard shows how to start.
    pub fn is_empty(&self) -> bool {
        self.servers.total == 0
    }
}
