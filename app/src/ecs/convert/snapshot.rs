//! Snapshots: a row of a server's snapshots tab (status code as a word, size in GB), and the
//! weekly schedule with its next run.

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};

use crate::ecs::dto::{self, ImageStatus};
use crate::model::snapshot::{next_deletions, ScheduleView, SnapshotRow, SnapshotState};
use crate::model::time::Stamp;

fn state(s: &ImageStatus) -> SnapshotState {
    match s {
        ImageStatus::Creating => SnapshotState::Creating,
        ImageStatus::Created => SnapshotState::Ready,
        ImageStatus::Deleting => SnapshotState::Deleting,
        ImageStatus::Deleted => SnapshotState::Deleted,
        ImageStatus::Failed => SnapshotState::Failed,
        ImageStatus::Unknown(_) => SnapshotState::Unknown,
    }
}

/// `size_on_disk` is KiB (the billing examples' unit; the docs do not say).
fn size(kib: u64) -> String {
    let gb = kib as f64 * 1024.0 / 1e9;
    if gb >= 10.0 {
        format!("{gb:.0} GB")
    } else if gb >= 0.1 {
        format!("{} GB", super::catalogue::one_decimal(gb))
    } else {
        format!("{:.0} MB", (kib as f64 * 1024.0 / 1e6).max(1.0))
    }
}

pub fn row(s: &dto::Snapshot, now: DateTime<Utc>) -> SnapshotRow {
    SnapshotRow {
        id: s.id,
        name: s.name.clone(),
        description: s.description.clone().unwrap_or_default(),
        notes: s.notes.clone().unwrap_or_default(),
        state: state(&s.status),
        code: super::template::code(&s.status),
        size: s.size_on_disk.map(size),
        created: s.created_at.map(|d| Stamp::new(d, now.max(d))),
        protected: s.protected,
        last_restored: s.is_last_restored,
        restoring: s.restoring,
        goes_next: false,
    }
}

/// The tab's rows, newest first, deleted ones left out; those the schedule's next run deletes
/// are marked.
pub fn rows(
    snapshots: &[dto::Snapshot],
    schedule: Option<&ScheduleView>,
    now: DateTime<Utc>,
) -> Vec<SnapshotRow> {
    let mut rows: Vec<SnapshotRow> = snapshots
        .iter()
        .map(|s| row(s, now))
        .filter(|r| r.state != SnapshotState::Deleted)
        .collect();
    rows.sort_by(|a, b| {
        let key = |r: &SnapshotRow| r.created.as_ref().map(|c| c.iso.clone());
        key(b).cmp(&key(a)).then(b.id.cmp(&a.id))
    });
    if let Some(s) = schedule.filter(|s| s.enabled) {
        let going = next_deletions(&rows, s.max_retention);
        for r in &mut rows {
            r.goes_next = going.contains(&r.id);
        }
    }
    rows
}

/// The time of day in the cron line (`M H * * D …`), 00:00 when it cannot be read.
fn time_of(schedule: Option<&str>) -> NaiveTime {
    let mut parts = schedule.unwrap_or_default().split_whitespace();
    let minute = parts.next().and_then(|m| m.parse().ok());
    let hour = parts.next().and_then(|h| h.parse().ok());
    minute
        .zip(hour)
        .and_then(|(m, h)| NaiveTime::from_hms_opt(h, m, 0))
        .unwrap_or(NaiveTime::MIN)
}

/// The first run after `now`: the next `day` (0 = Sunday) at `time` UTC.
fn next_run(day: u8, time: NaiveTime, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now.date_naive();
    let ahead = (i64::from(day) - i64::from(today.weekday().num_days_from_sunday())).rem_euclid(7);
    let candidate = (today + Duration::days(ahead)).and_time(time).and_utc();
    if candidate > now {
        candidate
    } else {
        candidate + Duration::days(7)
    }
}

pub fn schedule(s: &dto::SnapshotSchedule, now: DateTime<Utc>) -> ScheduleView {
    let day = s.infos.day_of_week.unwrap_or(0).min(6) as u8;
    let time = time_of(s.schedule.as_deref());
    let enabled = s.enabled.unwrap_or(true);
    ScheduleView {
        day_of_week: day,
        max_retention: s.infos.max_retention.unwrap_or(1).clamp(1, 255) as u8,
        enabled,
        time_utc: time.format("%H:%M").to_string(),
        next_run: enabled.then(|| Stamp::new(next_run(day, time, now), now)),
        last_run: s.last_run_at.map(|d| Stamp::new(d, now.max(d))),
        last_status: s.last_run_status.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_next_run_is_the_next_such_day() {
        // 2026-12-02 is a Wednesday.
        let now = at("2026-12-02T10:00:00Z");
        assert_eq!(next_run(0, NaiveTime::MIN, now), at("2026-12-06T00:00:00Z"));
        assert_eq!(next_run(3, NaiveTime::MIN, now), at("2026-12-09T00:00:00Z"));
        let early = at("2026-12-02T00:30:00Z");
        let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
        assert_eq!(next_run(3, four, early), at("2026-12-02T04:00:00Z"));
    }

    #[test]
    fn the_cron_line_gives_the_time() {
        assert_eq!(
            time_of(Some("30 4 * * 0 (m/h/dM/MY/d) UTC")),
            NaiveTime::from_hms_opt(4, 30, 0).unwrap()
        );
        assert_eq!(time_of(None), NaiveTime::MIN);
        assert_eq!(time_of(Some("garbage")), NaiveTime::MIN);
    }

    #[test]
    fn sizes_read_in_gb() {
        assert_eq!(size(3_804_560), "3.9 GB");
        assert_eq!(size(40_000_000), "41 GB");
        assert_eq!(size(10), "1 MB");
    }
}
