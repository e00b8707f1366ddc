//! A server's snapshots and its weekly snapshot schedule (`/servers/{n}/snapshots`, `/crons`).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::action::Action;
use super::de;
use super::enums::ImageStatus;

/// A snapshot of a server (`<server>-SNP-<n>`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Snapshot {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user: Option<String>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub snapshot_parent: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub snapshot_parent_name: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    pub is_last_restored: bool,
    #[serde(default, deserialize_with = "de::flag")]
    pub protected: bool,
    #[serde(default, deserialize_with = "de::flag")]
    pub restoring: bool,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub source_server: Option<String>,
    #[serde(default)]
    pub status: ImageStatus,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub status_label: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub uid: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    pub active_flag: bool,
    /// Undocumented unit (KiB by the billing examples); null while creating.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub size_on_disk: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub deleted_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub api_version_value: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub api_version: Option<String>,
}

/// The answer of creating or deleting a snapshot: `{status, snapshot, action}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SnapshotChange {
    #[serde(default)]
    pub snapshot: Option<Snapshot>,
    #[serde(default)]
    pub action: Option<Action>,
}

/// A server's weekly snapshot schedule (`cron` in the answers of `/servers/{n}/crons/…`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SnapshotSchedule {
    #[serde(default, deserialize_with = "de::string")]
    pub name: String,
    /// A cron line with a note: `0 0 * * 0 (m/h/dM/MY/d) UTC`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub schedule: Option<String>,
    /// Missing → true (a schedule is created enabled).
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub enabled: Option<bool>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub last_run_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub infos: ScheduleInfos,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub last_run_status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ScheduleInfos {
    /// How many unprotected snapshots the schedule keeps.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub max_retention: Option<u64>,
    /// 0 = Sunday … 6 = Saturday.
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub day_of_week: Option<u64>,
}
