//! Actions: the records of asynchronous operations (create, delete, power, snapshots…).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::de;
use super::enums::{ActionKind, ActionStatus, ResourceKind};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Action {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user: Option<String>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    /// `""` before the action starts (current power-action example) → None.
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub completed_at: Option<DateTime<Utc>>,
    /// A server name, a template name, a snapshot id (`"104"`) or `server-network`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub resource: Option<String>,
    #[serde(default)]
    pub resource_type: ResourceKind,
    #[serde(default, rename = "type")]
    pub kind: ActionKind,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub progress: Option<u64>,
}

/// One page of `GET /actions`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ActionPage {
    #[serde(deserialize_with = "de::list")]
    pub actions: Vec<Action>,
    /// All actions matching, for pagination (absent in the older doc).
    #[serde(default, rename = "total_actions", deserialize_with = "de::opt_u64")]
    pub total: Option<u64>,
}
