//! Actions: a row of any actions table (what was done, its outcome and how long it took), the
//! live feed's running and finished actions, and `/actions`' rows with what each acted on.

use chrono::{DateTime, Utc};

use crate::ecs::dto::{self, ActionKind, ActionStatus, ImageStatus};
use crate::ecs::ids;
use crate::model::actions::{page_count, target, ActionLine, ActionList, Known, ResourceKind};
use crate::model::activity::{ActionRow, Activity, Finished, Outcome, Running};
use crate::model::time::Stamp;

pub fn outcome(s: &ActionStatus) -> Outcome {
    match s {
        ActionStatus::InProgress => Outcome::Running,
        ActionStatus::Completed => Outcome::Completed,
        ActionStatus::Failed => Outcome::Failed,
        ActionStatus::Unknown(_) => Outcome::Unknown,
    }
}

/// (what it is, what it is doing): "Power off" / "Powering off".
pub fn kind_words(k: &ActionKind) -> (String, String) {
    let (noun, doing) = match k {
        ActionKind::CreateServer => (
            crate::tr!(ecs.kind.create_server),
            crate::tr!(ecs.doing.create_server),
        ),
        ActionKind::DeleteServer => (
            crate::tr!(ecs.kind.delete_server),
            crate::tr!(ecs.doing.delete_server),
        ),
        ActionKind::PowerOn => (
            crate::tr!(ecs.kind.power_on),
            crate::tr!(ecs.doing.power_on),
        ),
        ActionKind::PowerOff => (
            crate::tr!(ecs.kind.power_off),
            crate::tr!(ecs.doing.power_off),
        ),
        ActionKind::Console => (crate::tr!(ecs.kind.console), crate::tr!(ecs.doing.console)),
        ActionKind::Rollback => (
            crate::tr!(ecs.kind.rollback),
            crate::tr!(ecs.doing.rollback),
        ),
        ActionKind::CreateTemplate => (
            crate::tr!(ecs.kind.create_template),
            crate::tr!(ecs.doing.create_template),
        ),
        ActionKind::DeleteTemplate => (
            crate::tr!(ecs.kind.delete_template),
            crate::tr!(ecs.doing.delete_template),
        ),
        ActionKind::CreateSnapshot => (
            crate::tr!(ecs.kind.create_snapshot),
            crate::tr!(ecs.doing.create_snapshot),
        ),
        ActionKind::DeleteSnapshot => (
            crate::tr!(ecs.kind.delete_snapshot),
            crate::tr!(ecs.doing.delete_snapshot),
        ),
        ActionKind::AddVlan => (
            crate::tr!(ecs.kind.add_vlan),
            crate::tr!(ecs.doing.add_vlan),
        ),
        ActionKind::UpdateVlan => (
            crate::tr!(ecs.kind.update_vlan),
            crate::tr!(ecs.doing.update_vlan),
        ),
        // An action this panel does not know: ECS's own word for it.
        ActionKind::Unknown(word) => {
            return (word.replace('_', " "), crate::tr!(ecs.doing.other).into())
        }
    };
    (noun.into(), doing.into())
}

/// "42 s", "3 min 5 s", "2 h 10 min".
pub fn duration_text(secs: i64) -> String {
    let s = secs.max(0);
    match s {
        0..=59 => format!("{s} s"),
        60..=3_599 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3_600, (s % 3_600) / 60),
    }
}

pub fn action_row(a: &dto::Action, now: DateTime<Utc>) -> ActionRow {
    let outcome = outcome(&a.status);
    ActionRow {
        id: a.id,
        kind: kind_words(&a.kind).0,
        outcome,
        progress: a.progress.map(|p| p.min(100) as u8),
        resource: a.resource.clone().unwrap_or_default(),
        user: a.user.clone().unwrap_or_default(),
        created: a.created_at.map(|d| Stamp::new(d, now)),
        started: a.started_at.map(|d| Stamp::new(d, now)),
        completed: a.completed_at.map(|d| Stamp::new(d, now)),
        took: match (a.started_at.or(a.created_at), a.completed_at) {
            (Some(s), Some(c)) => Some(duration_text((c - s).num_seconds())),
            _ => None,
        },
    }
}

/// How the watched action `id` ended; None while it runs.
pub fn finished(id: u64, a: &dto::Action) -> Option<Finished> {
    a.status.is_finished().then(|| Finished {
        id,
        resource: a.resource.clone().unwrap_or_default(),
        kind: kind_words(&a.kind).0,
        ok: outcome(&a.status) == Outcome::Completed,
    })
}

/// A watched action the API no longer has: nothing more will be heard of it.
pub fn gone(id: u64) -> Finished {
    Finished {
        id,
        resource: String::new(),
        kind: String::new(),
        ok: true,
    }
}

/// What runs now (from the newest page of `/actions`) and how the watched actions ended, with a
/// mark that changes whenever an action starts or ends.
pub fn activity(page: &dto::ActionPage, finished: Vec<Finished>) -> Activity {
    // Console keys are not work anyone waits for.
    let running: Vec<Running> = page
        .actions
        .iter()
        .filter(|a| !a.status.is_finished() && a.kind != ActionKind::Console)
        .map(as_running)
        .collect();
    let newest = page.actions.first().map(|a| a.id).unwrap_or_default();
    let ids: Vec<String> = running.iter().map(|r| r.id.to_string()).collect();
    Activity {
        mark: format!(
            "{newest}:{}:{}",
            ids.join(","),
            page.total.unwrap_or_default()
        ),
        running,
        finished,
    }
}

fn as_running(a: &dto::Action) -> Running {
    Running {
        id: a.id,
        resource: a.resource.clone().unwrap_or_default(),
        doing: kind_words(&a.kind).1,
        progress: a.progress.map(|p| p.min(100) as u8),
    }
}

/// The account's servers, by id, as `/actions` names them.
pub fn known_servers(list: Vec<dto::Server>) -> Vec<Known> {
    let mut out: Vec<Known> = list
        .into_iter()
        .map(|s| Known {
            label: s
                .notes
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| s.name.clone()),
            id: s.name,
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// The account's templates (deleted ones left out), as `/actions` names them.
pub fn known_templates(list: Vec<dto::Template>) -> Vec<Known> {
    list.into_iter()
        .filter(|t| !matches!(t.status, ImageStatus::Deleted))
        .map(|t| Known {
            label: t
                .description
                .clone()
                .or(t.notes.clone())
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| t.name.clone()),
            id: t.name,
        })
        .collect()
}

/// The action's resource type; when the API leaves it out (older answers), the id's shape.
fn kind(k: &dto::ResourceKind, resource: &str) -> ResourceKind {
    match k {
        dto::ResourceKind::Server => ResourceKind::Server,
        dto::ResourceKind::Template => ResourceKind::Template,
        dto::ResourceKind::Snapshot => ResourceKind::Snapshot,
        dto::ResourceKind::Network => ResourceKind::Network,
        dto::ResourceKind::Unknown(_) if ids::server_name(resource).is_ok() => ResourceKind::Server,
        dto::ResourceKind::Unknown(_) if resource.starts_with("ei") => ResourceKind::Template,
        dto::ResourceKind::Unknown(_) => ResourceKind::Other,
    }
}

fn line(a: &dto::Action, now: DateTime<Utc>, servers: &[Known], templates: &[Known]) -> ActionLine {
    let row = action_row(a, now);
    ActionLine {
        target: target(
            kind(&a.resource_type, &row.resource),
            &row.resource,
            servers,
            templates,
        ),
        row,
    }
}

/// One page of `/actions` (`page` already clamped to the last one), filtered by `resource`.
pub fn action_list(
    actions: &dto::ActionPage,
    page: usize,
    resource: String,
    servers: Vec<Known>,
    templates: Vec<Known>,
    now: DateTime<Utc>,
) -> ActionList {
    let lines: Vec<ActionLine> = actions
        .actions
        .iter()
        .map(|a| line(a, now, &servers, &templates))
        .collect();
    ActionList {
        pages: page_count(actions.total, page, lines.len()),
        lines,
        total: actions.total,
        page,
        resource,
        servers,
        templates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_say_them() {
        assert_eq!(duration_text(42), "42 s");
        assert_eq!(duration_text(185), "3 min 5 s");
        assert_eq!(duration_text(7_800), "2 h 10 min");
    }
}
