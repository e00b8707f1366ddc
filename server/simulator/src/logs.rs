//! The audit log (`/logs`): who did what, from where. Actions say whether an operation worked;
//! logs say who asked for it.

use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::paging;
use super::store::{Account, Store, World};
use super::util::iso_z;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone)]
pub struct LogEntry {
    pub id: u64,
    pub actor: String,
    pub action: String,
    pub severity: Severity,
    pub target: String,
    pub created_at: DateTime<Utc>,
    pub description: Option<String>,
}

impl Account {
    pub fn push_log(
        &mut self,
        id: u64,
        at: DateTime<Utc>,
        action: &str,
        target: &str,
        severity: Severity,
        description: Option<String>,
    ) {
        self.logs.push(LogEntry {
            id,
            actor: self.username.clone(),
            action: action.to_string(),
            severity,
            target: target.to_string(),
            created_at: at,
            description,
        });
    }
}

impl World {
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
}

fn target_type(target: &str) -> &'static str {
    if target.starts_with("ec") {
        "Server"
    } else if target.starts_with("ei") {
        "Template"
    } else if target.starts_with("eg") {
        "Group"
    } else if target.starts_with("net") {
        "Network"
    } else {
        "User"
    }
}

fn entry_json(entry: &LogEntry) -> Value {
    let (severity, status) = match entry.severity {
        Severity::Info => ("info", "success"),
        Severity::Warning => ("warning", "success"),
        Severity::Error => ("error", "failure"),
    };
    let url = if entry.action == "Login" {
        Value::from("https://api.seeweb.it/ecs/v2/login")
    } else {
        Value::Null
    };
    json!({
        "id": entry.id,
        "actor": entry.actor,
        "action": entry.action,
        "severity": severity,
        "status": status,
        "target_type": target_type(&entry.target),
        "target": entry.target,
        "created_at": iso_z(&entry.created_at),
        "ip_address": "127.0.0.1",
        "user_agent": null,
        "url": url,
        "location": null,
        "result_type": null,
        "result": null,
        "description": entry.description,
        "extra_data": null,
    })
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    start: Option<String>,
    length: Option<String>,
    resource: Option<String>,
}

/// `GET /logs`: newest first, with the same paging and resource filter as `/actions`.
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<ListQuery>,
) -> SimResult<Json<Value>> {
    let (start, length) = paging(query.start.as_deref(), query.length.as_deref(), 50)?;
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    let filtered: Vec<&LogEntry> = account
        .logs
        .iter()
        .rev()
        .filter(|l| {
            query
                .resource
                .as_deref()
                .is_none_or(|r| r.is_empty() || l.target == r)
        })
        .collect();
    let page: Vec<Value> = filtered
        .iter()
        .skip(start)
        .take(length)
        .map(|l| entry_json(l))
        .collect();
    Ok(Json(json!({ "total_logs": filtered.len(), "logs": page })))
}

/// `GET /logs/{id}`: the bare entry, as documented.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id: u64 = id
        .parse()
        .map_err(|_| SimError::not_found("log not found"))?;
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    let entry = account
        .logs
        .iter()
        .find(|l| l.id == id)
        .ok_or_else(|| SimError::not_found("log not found"))?;
    Ok(Json(entry_json(entry)))
}
