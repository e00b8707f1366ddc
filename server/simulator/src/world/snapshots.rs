//! Snapshots of a server and its weekly snapshot schedule. At most 12 snapshots of a server may
//! be protected. A schedule runs on the simulator's clock: on its day at 00:00 UTC it deletes the
//! oldest unprotected snapshots beyond its retention, then takes a new one.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use crate::world::library::ImageStatus;
use crate::world::World;

pub const MAX_PROTECTED: usize = 12;
/// Runs caught up at most per request: a clock moved years ahead does not take years of work.
const MAX_CATCH_UP: usize = 60;

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
    /// Runs are due after this instant (when it was made, or last ran).
    pub since: DateTime<Utc>,
    pub last_run_at: Option<DateTime<Utc>>,
}

impl Cron {
    /// The only name a schedule has: `snapshot_schedule_<server>`.
    pub fn name(&self) -> String {
        format!("snapshot_schedule_{}", self.server)
    }

    /// The first run after `after`: the next `day_of_week` at 00:00 UTC.
    pub fn next_run(&self, after: DateTime<Utc>) -> DateTime<Utc> {
        let day = after.date_naive();
        let ahead =
            (self.day_of_week - i64::from(day.weekday().num_days_from_sunday())).rem_euclid(7);
        let at = (day + Duration::days(ahead))
            .and_time(NaiveTime::MIN)
            .and_utc();
        if at > after {
            at
        } else {
            at + Duration::days(7)
        }
    }
}

/// How many snapshots of `server` are protected.
pub fn protected_on(snapshots: &[Snapshot], server: &str) -> usize {
    snapshots
        .iter()
        .filter(|s| s.server == server && s.protected)
        .count()
}

impl World {
    /// Runs every enabled schedule whose time has come, at the time it was due.
    pub(crate) fn run_schedules(&mut self, now: DateTime<Utc>) {
        let due: Vec<(String, usize)> = self
            .accounts
            .iter()
            .flat_map(|(user, account)| {
                account
                    .crons
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.enabled && c.next_run(c.since) <= now)
                    .map(|(i, _)| (user.clone(), i))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (user, index) in due {
            for _ in 0..MAX_CATCH_UP {
                let Some(cron) = self.accounts.get(&user).and_then(|a| a.crons.get(index)) else {
                    break;
                };
                let at = cron.next_run(cron.since);
                if at > now {
                    break;
                }
                self.run_schedule(&user, index, at);
            }
        }
    }

    fn run_schedule(&mut self, user: &str, index: usize, at: DateTime<Utc>) {
        self.next.snapshot += 1;
        let id = self.next.snapshot;
        let Some(account) = self.accounts.get_mut(user) else {
            return;
        };
        let cron = &mut account.crons[index];
        cron.since = at;
        cron.last_run_at = Some(at);
        let (server, keep) = (cron.server.clone(), cron.max_retention.max(1) as usize);
        // "If creating a new snapshot would exceed this number, the oldest non-protected snapshot
        // is deleted first."
        loop {
            let mut unprotected: Vec<(DateTime<Utc>, u64)> = account
                .snapshots
                .iter()
                .filter(|s| s.server == server && !s.protected && s.deleted_at.is_none())
                .map(|s| (s.created_at, s.id))
                .collect();
            if unprotected.len() < keep {
                break;
            }
            unprotected.sort();
            let oldest = unprotected[0].1;
            account.snapshots.retain(|s| s.id != oldest);
        }
        let Ok(host) = account.server_mut(&server) else {
            return;
        };
        host.snapshot_counter += 1;
        let name = format!("{server}-SNP-{}", host.snapshot_counter);
        let description = format!("periodic snapshot - {}", at.format("%Y-%m-%d"));
        account.snapshots.push(Snapshot {
            id,
            name,
            server: server.clone(),
            status: ImageStatus::Created,
            notes: description.clone(),
            description,
            protected: false,
            restoring: false,
            is_last_restored: false,
            active_flag: true,
            size_on_disk: Some(3_804_560),
            created_at: at,
            updated_at: at,
            deleted_at: None,
        });
        self.log(user, at, "Periodic snapshot", &server, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_run_is_the_next_such_day_at_midnight() {
        let cron = Cron {
            server: "ec200401".into(),
            enabled: true,
            max_retention: 2,
            day_of_week: 0,
            since: Utc::now(),
            last_run_at: None,
        };
        // 2026-12-02 is a Wednesday; the Sunday after is the 6th.
        let wed: DateTime<Utc> = "2026-12-02T10:00:00Z".parse().unwrap();
        assert_eq!(
            cron.next_run(wed),
            "2026-12-06T00:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        let sunday: DateTime<Utc> = "2026-12-06T00:00:00Z".parse().unwrap();
        assert_eq!(cron.next_run(sunday), sunday + Duration::days(7));
    }
}
