//! The simulated world: every account with its resources, the shared physical hosts, the sequences
//! that number new things, and the events waiting for their time. No HTTP here: the API reads and
//! changes the world through these types, and the world changes itself as time passes
//! (`lifecycle.rs`).

pub mod account;
pub mod actions;
pub mod billing;
mod capacity;
pub mod catalogue;
pub mod error;
pub mod images;
pub mod library;
mod lifecycle;
pub mod logs;
pub mod metrics;
pub mod networks;
pub mod records;
pub mod scripts;
pub mod servers;
pub mod snapshots;
pub mod support;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::world::account::Account;
use crate::world::actions::{Action, ActionStatus, Event, NewAction, Pending, FAIL_AT};
use crate::world::error::{SimError, SimResult};
use crate::world::logs::Severity;

/// Next free numbers, shared by all accounts like the live service's database sequences.
#[derive(Debug, Clone, Default)]
pub struct Counters {
    pub server: u32,
    pub action: u64,
    pub template: u64,
    pub group: u64,
    pub network: u64,
    pub snapshot: u64,
    pub script: u64,
    pub sshkey: u64,
    pub key: u64,
    pub log: u64,
    pub vlan: u64,
    pub reserved: u64,
    pub ip: u32,
}

/// How long each kind of operation takes, in simulated seconds.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub boot: f64,
    pub customize: f64,
    pub power: f64,
    pub delete: f64,
    pub task: f64,
}

#[derive(Debug, Clone)]
pub struct World {
    pub accounts: BTreeMap<String, Account>,
    pub pending: Vec<Pending>,
    pub next: Counters,
    pub timing: Timing,
    pub seq: u64,
}

impl World {
    pub fn account(&self, username: &str) -> SimResult<&Account> {
        self.accounts
            .get(username)
            .ok_or_else(|| SimError::Unauthorized("Invalid token".into()))
    }

    pub fn account_mut(&mut self, username: &str) -> SimResult<&mut Account> {
        self.accounts
            .get_mut(username)
            .ok_or_else(|| SimError::Unauthorized("Invalid token".into()))
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Records a new in-progress action and schedules its end. Returns its id.
    pub fn start_action(
        &mut self,
        username: &str,
        new: NewAction,
        now: DateTime<Utc>,
    ) -> SimResult<u64> {
        self.next.action += 1;
        let id = self.next.action;
        let action = Action {
            id,
            user: username.to_string(),
            kind: new.kind,
            resource: new.resource,
            resource_type: new.resource_type,
            created_at: now,
            started_at: now,
            duration: new.duration,
            status: ActionStatus::InProgress,
            completed_at: None,
            fail: new.fail.map(|reason| (FAIL_AT, reason)),
            effect: new.effect,
        };
        let at = action.end();
        self.account_mut(username)?.actions.push(action);
        self.schedule(username, at, Event::FinishAction(id));
        Ok(id)
    }

    pub fn schedule(&mut self, username: &str, at: DateTime<Utc>, event: Event) {
        let seq = self.next_seq();
        self.pending.push(Pending {
            at,
            seq,
            account: username.to_string(),
            event,
        });
    }

    /// Appends an audit entry to `username`'s log.
    pub fn log(
        &mut self,
        username: &str,
        at: DateTime<Utc>,
        action: &str,
        target: &str,
        description: Option<String>,
    ) {
        self.next.log += 1;
        let id = self.next.log;
        if let Some(account) = self.accounts.get_mut(username) {
            account.push_log(id, at, action, target, Severity::Info, description);
        }
    }

    /// [`World::log`], with the request's details kept as `extra_data`.
    pub fn log_with(
        &mut self,
        username: &str,
        at: DateTime<Utc>,
        action: &str,
        target: &str,
        extra: serde_json::Value,
    ) {
        self.log(username, at, action, target, None);
        if let Some(entry) = self
            .accounts
            .get_mut(username)
            .and_then(|a| a.logs.last_mut())
        {
            entry.extra = Some(extra);
        }
    }
}
