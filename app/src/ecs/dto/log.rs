//! `/logs`: who did what, from where, as ECS records it.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::de;

/// One entry of `GET /logs` (and the bare answer of `GET /logs/{id}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LogEntry {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::string")]
    pub actor: String,
    #[serde(default, deserialize_with = "de::string")]
    pub action: String,
    #[serde(default, deserialize_with = "de::string")]
    pub severity: String,
    #[serde(default, deserialize_with = "de::string")]
    pub status: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub target_type: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub target: Option<String>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub ip_address: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user_agent: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub result_type: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub result: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub description: Option<String>,
    /// Whatever ECS attached: shown as text or indented JSON, never as markup.
    #[serde(default)]
    pub extra_data: Option<Value>,
}

/// One page of `GET /logs`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LogPage {
    #[serde(deserialize_with = "de::list")]
    pub logs: Vec<LogEntry>,
    #[serde(default, rename = "total_logs", deserialize_with = "de::opt_u64")]
    pub total: Option<u64>,
}
