//! The audit log: who did what, from where. Actions say whether an operation worked; logs say who
//! asked for it.

use chrono::{DateTime, Utc};

use crate::world::records::record;

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
    /// What the request carried that is worth keeping (`extra_data`): the plan and place of a new
    /// server, the name of a token.
    pub extra: Option<serde_json::Value>,
}

record! { LogEntry => "log" }
