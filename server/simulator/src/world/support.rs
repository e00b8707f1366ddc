//! Support plans and reserved periods of a server, with the documented errors. Both can be chosen
//! at creation or added later.

use chrono::{DateTime, Duration, Utc};

use crate::world::error::{SimError, SimResult};

#[derive(Debug, Clone)]
pub struct Support {
    pub code: &'static str,
    pub weight: u8,
    pub immutable: bool,
    pub start: DateTime<Utc>,
    pub days: u32,
    pub cancelled: bool,
    pub cancelled_at: Option<DateTime<Utc>>,
}

impl Support {
    pub fn new(code: &str, start: DateTime<Utc>) -> SimResult<Self> {
        let (code, weight) = match code.trim().to_ascii_lowercase().as_str() {
            "basic" => ("basic", 1),
            "global" => ("global", 2),
            _ => return Err(SimError::bad("Support code not found")),
        };
        Ok(Self {
            code,
            weight,
            immutable: false,
            start,
            days: 30,
            cancelled: false,
            cancelled_at: None,
        })
    }

    pub fn end(&self) -> DateTime<Utc> {
        self.start + Duration::days(i64::from(self.days))
    }

    /// A plan may be lowered (or removed) only once its current period is over.
    pub fn may_downgrade(&self, now: DateTime<Utc>) -> bool {
        now >= self.end()
    }
}

#[derive(Debug, Clone)]
pub struct Reservation {
    pub id: u64,
    pub reserved_plan: u32,
    pub months: u32,
    pub plan_id: u32,
    pub discount: u32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}
