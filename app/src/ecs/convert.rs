//! Upstream DTOs → view models: sizes in units people read, labels instead of codes, instants as
//! relative + exact text.

use chrono::{DateTime, Utc};

use crate::ecs::dto::{self, ActionKind, ActionStatus, PowerState, ServerState};
use crate::model::activity::{ActionRow, Outcome, Running};
use crate::model::create::{Placement, PlanOption, RegionOption};
use crate::model::server::{GroupRef, Health, ReservationView, ServerRow, SupportView};
use crate::model::time::Stamp;

/// The region's name for a code, when the server did not carry a label.
pub fn region_label(code: &str) -> &str {
    match code {
        "it-fr2" => "Frosinone",
        "it-mi2" => "Milano",
        "ch-lug1" => "Lugano",
        "bg-sof1" => "Sofia",
        "hr-zag1" => "Zagreb",
        other => other,
    }
}

/// Seeweb's plan families, from the plan's name (`eCS3W`, `eCS2HM`, `ECS1GPU7`, `ECS1AIA1`).
pub fn plan_family(plan: &str) -> &'static str {
    let p = plan.to_ascii_uppercase();
    if p.contains("GPU") {
        "GPU"
    } else if p.contains("AIA") {
        "AI accelerator"
    } else if p.contains("HM") {
        "High memory"
    } else if p.ends_with('W') {
        "Windows"
    } else {
        "Standard"
    }
}

/// "2 vCPU · 2 GB RAM · 40 GB disk" (RAM arrives in MiB).
pub fn size_text(size: &dto::PlanSize) -> String {
    let mut parts = Vec::new();
    if let Some(c) = size.core {
        parts.push(format!("{c} vCPU"));
    }
    if let Some(r) = size.ram {
        parts.push(format!("{} RAM", mib(r)));
    }
    if let Some(d) = size.disk {
        parts.push(format!("{d} GB disk"));
    }
    parts.join(" · ")
}

/// MiB as people write it: "512 MB", "2 GB", "1.5 GB", "1 TB".
pub fn mib(v: u64) -> String {
    if v >= 1024 * 1024 && v.is_multiple_of(1024 * 1024) {
        format!("{} TB", v / (1024 * 1024))
    } else if v >= 1024 {
        let gb = v as f64 / 1024.0;
        if v.is_multiple_of(1024) {
            format!("{} GB", v / 1024)
        } else {
            format!("{gb:.1} GB")
        }
    } else {
        format!("{v} MB")
    }
}

fn gpu_text(size: &dto::PlanSize) -> Option<String> {
    let n = size.gpu.filter(|n| *n > 0)?;
    Some(match size.gpu_label.as_deref().filter(|l| !l.is_empty()) {
        Some(label) => format!("{n}× {label}"),
        None => format!("{n} GPU"),
    })
}

/// The catalogue's plans (`/plans`) with where each can be created now (`/plans/availables`;
/// a region counts only when some host there has room).
pub fn plan_options(plans: &[dto::Plan], placeable: &[dto::Plan]) -> Vec<PlanOption> {
    plans
        .iter()
        .map(|plan| {
            let now = placeable.iter().find(|x| x.name == plan.name);
            PlanOption {
                name: plan.name.clone(),
                family: plan_family(&plan.name).to_string(),
                cpu: plan.cpu,
                ram: plan.ram.map(mib).unwrap_or_default(),
                ram_mib: plan.ram,
                disk_gb: plan.disk,
                gpu: plan.gpu.filter(|g| *g > 0).map(|g| match &plan.gpu_label {
                    Some(l) if !l.is_empty() => format!("{g}× {l}"),
                    _ => format!("{g} GPU"),
                }),
                hourly: plan.hourly_price,
                monthly: plan.monthly_price,
                windows: plan.windows || plan.name.ends_with('W'),
                offered: plan
                    .available_regions
                    .iter()
                    .map(|r| r.location.clone())
                    .collect(),
                placeable: now
                    .map(|n| {
                        n.region_availables
                            .iter()
                            .filter(|r| !r.hosts.is_empty())
                            .map(|r| Placement {
                                region: r.region.clone(),
                                hosts: r
                                    .hosts
                                    .iter()
                                    .map(|h| h.servers.iter().map(|s| s.name.clone()).collect())
                                    .collect(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// `/regions`, with the city from the API (or our own label when it has none).
pub fn region_options(regions: &[dto::Region]) -> Vec<RegionOption> {
    regions
        .iter()
        .map(|r| RegionOption {
            code: r.location.clone(),
            city: r
                .description
                .clone()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| region_label(&r.location).to_string()),
        })
        .collect()
}

/// The badge: lifecycle first; for a booted server, the power state when it is known.
pub fn health(state: &ServerState, power: Option<&PowerState>) -> Health {
    match state {
        ServerState::Booted => match power {
            Some(PowerState::Running) => Health::Running,
            Some(PowerState::Stopped) | Some(PowerState::Paused) => Health::Stopped,
            _ => Health::Booted,
        },
        ServerState::Booting => Health::Booting,
        ServerState::Customizing => Health::Customizing,
        ServerState::Reimaging => Health::Reimaging,
        ServerState::Deleting | ServerState::Deleted => Health::Deleting,
        ServerState::Fail => Health::Failed,
        ServerState::Unknown(_) => Health::Unknown,
    }
}

pub fn server_row(
    s: &dto::Server,
    power: Option<&PowerState>,
    groups: &[dto::Group],
    now: DateTime<Utc>,
) -> ServerRow {
    let size = s.plan_size.clone().unwrap_or_default();
    let health = health(&s.status, power);
    let progress = s
        .progress
        .filter(|_| health.is_transient())
        .map(|p| p.min(100) as u8);
    let image = s.image().unwrap_or_default().to_string();
    ServerRow {
        name: s.name.clone(),
        notes: s.notes.clone().unwrap_or_default(),
        health,
        lifecycle: s.status.label(),
        progress,
        plan: s.plan.clone(),
        family: plan_family(&s.plan).to_string(),
        size: size_text(&size),
        gpu: gpu_text(&size),
        region: s.location.clone(),
        region_label: s
            .location_label
            .clone()
            .unwrap_or_else(|| region_label(&s.location).to_string()),
        os_label: s.so_label.clone().unwrap_or_else(|| image.clone()),
        os: image,
        ipv4: s.ipv4.clone(),
        ipv6: s.ipv6.clone(),
        group: s.group.as_ref().map(|id| group_ref(id, groups)),
        reserved_until: s
            .reserved_until
            .filter(|_| s.is_reserved)
            .map(|d| Stamp::date(d, now)),
        support: s.support.as_ref().and_then(|sup| {
            sup.support_title
                .clone()
                .or_else(|| sup.support_code.clone())
                .map(|t| capitalised(&t))
        }),
        created: s.creation_date.map(|d| Stamp::new(d, now)),
    }
}

/// "global" → "Global".
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn group_ref(id: &str, groups: &[dto::Group]) -> GroupRef {
    let label = groups
        .iter()
        .find(|g| g.name == id)
        .and_then(|g| g.notes.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| id.to_string());
    GroupRef {
        id: id.to_string(),
        label,
    }
}

pub fn support(s: &dto::ServerSupport, now: DateTime<Utc>) -> SupportView {
    let code = s.support_code.clone().unwrap_or_default();
    SupportView {
        title: capitalised(s.support_title.as_deref().unwrap_or(&code)),
        code,
        immutable: s.immutable,
        may_downgrade: s.may_downgrade,
        start: s.start.map(|d| Stamp::date(d, now)),
        end: s.end.map(|d| Stamp::date(d, now)),
    }
}

pub fn reservation(r: &dto::DiscountRecord, now: DateTime<Utc>) -> ReservationView {
    ReservationView {
        formula: r.reserved_plan.clone().unwrap_or_default(),
        months: r.reserved_months,
        discount: r.discount,
        start: r.start_date.map(|d| Stamp::date(d, now)),
        end: r.end_date.map(|d| Stamp::date(d, now)),
    }
}

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
        ActionKind::CreateServer => ("Create server", "Creating"),
        ActionKind::DeleteServer => ("Delete server", "Deleting"),
        ActionKind::PowerOn => ("Power on", "Powering on"),
        ActionKind::PowerOff => ("Power off", "Powering off"),
        ActionKind::Console => ("Console", "Opening console"),
        ActionKind::Rollback => ("Restore snapshot", "Restoring"),
        ActionKind::CreateTemplate => ("Create template", "Creating template"),
        ActionKind::DeleteTemplate => ("Delete template", "Deleting template"),
        ActionKind::CreateSnapshot => ("Create snapshot", "Taking snapshot"),
        ActionKind::DeleteSnapshot => ("Delete snapshot", "Deleting snapshot"),
        ActionKind::AddVlan => ("Add VLAN", "Adding VLAN"),
        ActionKind::UpdateVlan => ("Update VLAN", "Updating VLAN"),
        ActionKind::Unknown(word) => return (word.replace('_', " "), "Working".into()),
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

pub fn running(a: &dto::Action) -> Running {
    Running {
        id: a.id,
        resource: a.resource.clone().unwrap_or_default(),
        doing: kind_words(&a.kind).1,
        progress: a.progress.map(|p| p.min(100) as u8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_people_read() {
        assert_eq!(mib(1024), "1 GB");
        assert_eq!(mib(1536), "1.5 GB");
        assert_eq!(mib(512), "512 MB");
        assert_eq!(mib(1_048_576), "1 TB");
        assert_eq!(plan_family("eCS3W"), "Windows");
        assert_eq!(plan_family("eCS2HM"), "High memory");
        assert_eq!(plan_family("ECS1GPU7"), "GPU");
        assert_eq!(plan_family("ECS1AIA1"), "AI accelerator");
        assert_eq!(plan_family("eCS1"), "Standard");
        assert_eq!(duration_text(42), "42 s");
        assert_eq!(duration_text(185), "3 min 5 s");
        assert_eq!(duration_text(7_800), "2 h 10 min");
        assert_eq!(
            health(&ServerState::Booted, Some(&PowerState::Stopped)),
            Health::Stopped
        );
        assert_eq!(health(&ServerState::Booted, None), Health::Booted);
        assert_eq!(
            health(&ServerState::Deleting, Some(&PowerState::Running)),
            Health::Deleting
        );
    }
}
