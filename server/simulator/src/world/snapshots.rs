//! Snapshots of a server and its weekly snapshot schedule. At most 12 snapshots may be protected.

use chrono::{DateTime, Utc};

use crate::world::library::ImageStatus;

pub const MAX_PROTECTED: usize = 12;

#[derive(Debug, Clone)]
pub struct Snapshot {
    pub id: u64,
    pub name: String,
    pub server: String,
    pub status: ImageStatus,
    pub description: String,
    pub notes: String,
    pub protected: bool,
    pub restoring: bool,
    pub is_last_restored: bool,
    pub active_flag: bool,
    pub size_on_disk: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A server's weekly snapshot schedule (at most one per server).
#[derive(Debug, Clone)]
pub struct Cron {
    pub server: String,
    pub enabled: bool,
    pub max_retention: i64,
    pub day_of_week: i64,
}

impl Cron {
    /// The only name a schedule has: `snapshot_schedule_<server>`.
    pub fn name(&self) -> String {
        format!("snapshot_schedule_{}", self.server)
    }
}
