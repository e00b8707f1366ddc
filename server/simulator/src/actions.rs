//! Actions: the record of every asynchronous operation, and the `/actions` endpoints.
//!
//! An action stores when it started and how long it lasts; its progress is computed from the clock
//! and its effect is applied by `lifecycle.rs` when the clock passes its end.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::paging;
use super::store::{Store, World};
use super::wire;

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

impl World {
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
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    start: Option<String>,
    length: Option<String>,
    resource: Option<String>,
}

/// `GET /actions`: newest first; the resource filter applies before paging (as documented).
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<ListQuery>,
) -> SimResult<Json<Value>> {
    let (start, length) = paging(query.start.as_deref(), query.length.as_deref(), 50)?;
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let account = world.account(&caller.username)?;
    let filtered: Vec<&Action> = account
        .actions
        .iter()
        .rev()
        .filter(|a| {
            query
                .resource
                .as_deref()
                .is_none_or(|r| r.is_empty() || a.resource == r)
        })
        .collect();
    let page: Vec<Value> = filtered
        .iter()
        .skip(start)
        .take(length)
        .map(|a| wire::action(a, now, legacy))
        .collect();
    Ok(Json(
        json!({ "status": "ok", "actions": page, "total_actions": filtered.len() }),
    ))
}

/// `GET /actions/{id}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id: u64 = id
        .parse()
        .map_err(|_| SimError::not_found("action not found"))?;
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let action = world
        .account(&caller.username)?
        .action(id)
        .ok_or_else(|| SimError::not_found("action not found"))?;
    Ok(Json(
        json!({ "status": "ok", "action": wire::action(action, now, legacy) }),
    ))
}
