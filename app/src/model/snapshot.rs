//! A server's snapshots as its `?tab=snapshots` shows them: a row per snapshot with its state in
//! words, the weekly schedule, and which snapshots that schedule deletes at its next run.

use serde::{Deserialize, Serialize};

use super::refusal::first_rule;
use super::time::Stamp;

/// ECS keeps at most this many protected snapshots of a server.
pub const MAX_PROTECTED: usize = 12;
/// The schedule keeps 1 to 30 unprotected snapshots (the simulator's bounds; the docs give none).
pub const RETENTION_RANGE: std::ops::RangeInclusive<u8> = 1..=30;

/// Day names in the reader's language ("Sunday", "Domenica"), 0 = Sunday as the API counts.
pub fn days() -> [&'static str; 7] {
    [
        crate::tr!(model.snapshot.days.sunday),
        crate::tr!(model.snapshot.days.monday),
        crate::tr!(model.snapshot.days.tuesday),
        crate::tr!(model.snapshot.days.wednesday),
        crate::tr!(model.snapshot.days.thursday),
        crate::tr!(model.snapshot.days.friday),
        crate::tr!(model.snapshot.days.saturday),
    ]
}

/// A day as the schedule's sentence names it ("Sunday", "domenica"), 0 = Sunday.
fn on_day(day: u8) -> &'static str {
    match day {
        0 => crate::tr!(model.snapshot.on_day.sunday),
        1 => crate::tr!(model.snapshot.on_day.monday),
        2 => crate::tr!(model.snapshot.on_day.tuesday),
        3 => crate::tr!(model.snapshot.on_day.wednesday),
        4 => crate::tr!(model.snapshot.on_day.thursday),
        5 => crate::tr!(model.snapshot.on_day.friday),
        6 => crate::tr!(model.snapshot.on_day.saturday),
        _ => "?",
    }
}

/// Where a snapshot is in its life (`CG`, `CD`, `DE`, `DD`, `FL`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SnapshotState {
    Creating,
    Ready,
    Deleting,
    Deleted,
    Failed,
    Unknown,
}

impl SnapshotState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Creating => crate::tr!(model.snapshot.creating),
            Self::Ready => crate::tr!(model.snapshot.ready),
            Self::Deleting => crate::tr!(model.snapshot.deleting),
            Self::Deleted => crate::tr!(model.snapshot.deleted),
            Self::Failed => crate::tr!(model.snapshot.failed),
            Self::Unknown => crate::tr!(model.snapshot.unknown),
        }
    }

    pub fn tone(self) -> &'static str {
        match self {
            Self::Ready => "ok",
            Self::Creating | Self::Deleting => "busy",
            Self::Failed => "danger",
            Self::Deleted | Self::Unknown => "off",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Self::Creating => crate::tr!(model.snapshot.meaning.creating),
            Self::Ready => crate::tr!(model.snapshot.meaning.ready),
            Self::Deleting => crate::tr!(model.snapshot.meaning.deleting),
            Self::Deleted => crate::tr!(model.snapshot.meaning.deleted),
            Self::Failed => crate::tr!(model.snapshot.meaning.failed),
            Self::Unknown => crate::tr!(model.snapshot.meaning.unknown),
        }
    }
}

/// One snapshot in the tab's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotRow {
    pub id: u64,
    /// `<server>-SNP-<n>`.
    pub name: String,
    pub description: String,
    pub notes: String,
    pub state: SnapshotState,
    /// The API's code (`CD`…), on hover.
    pub code: String,
    /// "3.6 GB" (the API gives KiB), none while it is being made.
    pub size: Option<String>,
    pub created: Option<Stamp>,
    pub protected: bool,
    /// The snapshot the server was last restored to.
    pub last_restored: bool,
    /// The server is being restored to it now.
    pub restoring: bool,
    /// The schedule's next run deletes it to keep its maximum retention.
    pub goes_next: bool,
}

impl SnapshotRow {
    /// What people call it: the description, or the name.
    pub fn title(&self) -> &str {
        if self.description.trim().is_empty() {
            &self.name
        } else {
            &self.description
        }
    }

    pub fn is_ready(&self) -> bool {
        self.state == SnapshotState::Ready && !self.restoring
    }
}

/// The weekly snapshot schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleView {
    /// 0 = Sunday.
    pub day_of_week: u8,
    pub max_retention: u8,
    pub enabled: bool,
    /// "00:00": the time of day it runs, in UTC.
    pub time_utc: String,
    pub next_run: Option<Stamp>,
    pub last_run: Option<Stamp>,
    /// The last run's outcome as ECS words it.
    pub last_status: Option<String>,
}

impl ScheduleView {
    /// "Every Sunday at 00:00 UTC, keeping the newest 2 unprotected snapshots".
    pub fn sentence(&self) -> String {
        let day = on_day(self.day_of_week);
        let n = self.max_retention;
        let time = self.time_utc.clone();
        if n == 1 {
            crate::tr!(model.snapshot.schedule_one, day = day, time = time, n = n).to_string()
        } else {
            crate::tr!(model.snapshot.schedule_many, day = day, time = time, n = n).to_string()
        }
    }
}

/// Everything the snapshots tab shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotsView {
    /// Newest first.
    pub rows: Vec<SnapshotRow>,
    pub schedule: Option<ScheduleView>,
    /// Why the schedule could not be read (the list is still worth showing).
    pub schedule_error: Option<String>,
}

impl SnapshotsView {
    pub fn protected_count(&self) -> usize {
        self.rows.iter().filter(|r| r.protected).count()
    }

    /// Protecting one more would pass ECS's limit.
    pub fn protect_limit_reached(&self) -> bool {
        self.protected_count() >= MAX_PROTECTED
    }
}

/// The ids the schedule's next run deletes: it takes a new unprotected snapshot, and first
/// deletes the oldest unprotected ones so that at most `retention` remain ("if creating a new
/// snapshot would exceed this number, the oldest non-protected snapshot is deleted first").
/// `rows` may be in any order; `created` orders them.
pub fn next_deletions(rows: &[SnapshotRow], retention: u8) -> Vec<u64> {
    let mut kept: Vec<&SnapshotRow> = rows
        .iter()
        .filter(|r| !r.protected && r.state == SnapshotState::Ready)
        .collect();
    kept.sort_by(|a, b| {
        let key = |r: &SnapshotRow| r.created.as_ref().map(|c| c.iso.clone());
        key(a).cmp(&key(b)).then(a.id.cmp(&b.id))
    });
    let over = (kept.len() + 1).saturating_sub(usize::from(retention));
    kept.into_iter().take(over).map(|r| r.id).collect()
}

/// A description as it will be saved: one line, trimmed, at most 100 characters.
pub fn check_description(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err(crate::tr!(model.snapshot.description_empty));
    }
    if text.chars().count() > 100 {
        return Err(crate::tr!(model.snapshot.description_long));
    }
    if text.chars().any(char::is_control) {
        return Err(crate::tr!(model.snapshot.description_line));
    }
    Ok(text.to_string())
}

/// The typed confirmation of a restore: the server's name, or its display name.
pub fn confirms_restore(typed: &str, server: &str, notes: &str) -> bool {
    super::server::confirms_delete(typed, server, notes)
}

/// ECS's refusals about snapshots, in plain words, with ECS's own words after them. `field` is
/// where the message goes (a form field, or "" for a toast).
pub fn explain(message: &str) -> Option<String> {
    let rules = [
        (
            "maximum number of protected",
            crate::tr!(model.snapshot.max_protected),
        ),
        ("is protected", crate::tr!(model.snapshot.is_protected)),
        ("snapshot is busy", crate::tr!(model.snapshot.snapshot_busy)),
        ("busy", crate::tr!(model.server_busy)),
        ("already exists", crate::tr!(model.snapshot.schedule_exists)),
        ("max_retention", crate::tr!(model.snapshot.max_retention)),
        ("day_of_week", crate::tr!(model.snapshot.day_of_week)),
        ("not found", crate::tr!(model.snapshot.not_found)),
    ];
    first_rule(message, &rules).map(|why| {
        let message = message.to_string();
        crate::tr!(model.ecs_said, why = why, message = message).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, day: &str, protected: bool) -> SnapshotRow {
        SnapshotRow {
            id,
            name: format!("ec200401-SNP-{id}"),
            description: String::new(),
            notes: String::new(),
            state: SnapshotState::Ready,
            code: "CD".into(),
            size: None,
            created: Some(Stamp {
                ago: 0,
                parts: (2026, 11, 1, 0, 0),
                date_only: false,
                iso: format!("2026-11-{day}T00:00:00Z"),
            }),
            protected,
            last_restored: false,
            restoring: false,
            goes_next: false,
        }
    }

    #[test]
    fn the_next_run_deletes_the_oldest_unprotected_beyond_retention() {
        let rows = vec![
            row(4, "20", false),
            row(1, "01", true),
            row(2, "06", false),
            row(3, "13", false),
        ];
        // Three unprotected, keep 2: the new one makes four, so the two oldest go.
        assert_eq!(next_deletions(&rows, 2), [2, 3]);
        assert_eq!(next_deletions(&rows, 4), Vec::<u64>::new());
        assert_eq!(next_deletions(&rows, 3), [2]);
        // Protected ones are never counted or deleted.
        assert_eq!(next_deletions(&[row(1, "01", true)], 1), Vec::<u64>::new());
    }

    #[test]
    fn the_schedule_reads_as_a_sentence() {
        let s = ScheduleView {
            day_of_week: 0,
            max_retention: 1,
            enabled: true,
            time_utc: "00:00".into(),
            next_run: None,
            last_run: None,
            last_status: None,
        };
        assert_eq!(
            s.sentence(),
            "Every Sunday at 00:00 UTC, keeping the newest 1 unprotected snapshot"
        );
    }

    #[test]
    fn refusals_are_explained() {
        assert!(
            explain("Maximum number of protected snapshots reached (12)")
                .unwrap()
                .contains("12 protected")
        );
        assert!(
            explain("Server is busy: wait for the action in progress to complete")
                .unwrap()
                .starts_with("The server is busy")
        );
        assert!(explain("Snapshot is busy: wait")
            .unwrap()
            .starts_with("ECS is still working"));
        assert_eq!(explain("something new"), None);
    }

    #[test]
    fn descriptions_are_checked() {
        assert_eq!(
            check_description(" before upgrade "),
            Ok("before upgrade".into())
        );
        assert!(check_description("").is_err());
        assert!(check_description("a\nb").is_err());
    }
}
