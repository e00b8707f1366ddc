//! Servers: a row of `/servers` (status badge, sizes, region and group in words), the filters'
//! choices, everything on `/servers/{name}`, and the settings' answers.

use chrono::{DateTime, Utc};

use super::action::action_row;
use super::catalogue::{gpu_text, mib, plan_family, region_label, size_text};
use super::group::{group_ref, group_refs};
use crate::ecs::dto::{self, PowerState, ServerState, SupportCode};
use crate::ecs::EcsError;
use crate::model::lifecycle::ConsoleAccess;
use crate::model::server::{
    ActionsPage, Health, Isolated, ReservationView, ServerDetail, ServerRow, SupportView,
    ACTIONS_PER_PAGE,
};
use crate::model::server_list::Facets;
use crate::model::time::Stamp;

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

/// The badge of a booted server once `/status` answered.
pub fn booted_health(status: &dto::ServerPowerStatus) -> Health {
    health(&ServerState::Booted, Some(&status.current_status))
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
        gpu: gpu_text(size.gpu, size.gpu_label.as_deref()),
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

/// The filters' choices, from every server in the account (not just one page).
pub fn facets(rows: &[ServerRow], groups: &[dto::Group]) -> Facets {
    let mut f = Facets::default();
    for r in rows {
        if !f.regions.iter().any(|(c, _)| *c == r.region) {
            f.regions.push((r.region.clone(), r.region_label.clone()));
        }
        if !f.statuses.contains(&r.lifecycle) {
            f.statuses.push(r.lifecycle.clone());
        }
        if !f.families.contains(&r.family) {
            f.families.push(r.family.clone());
        }
    }
    f.regions.sort_by(|a, b| a.1.cmp(&b.1));
    f.statuses.sort();
    f.families.sort();
    f.groups = group_refs(groups);
    f
}

/// "global" → "Global".
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The answers of the calls `/servers/{name}` makes together. Only the server itself must have
/// been read; any other part that failed is left out, or says why.
pub struct DetailParts {
    pub server: dto::Server,
    pub status: Result<dto::ServerPowerStatus, EcsError>,
    pub isolations: Result<Vec<dto::Isolation>, EcsError>,
    pub groups: Vec<dto::Group>,
    pub actions: Option<dto::ActionPage>,
    /// The actions page asked for (1-based).
    pub page: usize,
}

/// Everything `/servers/{name}` shows.
pub fn detail(p: DetailParts, now: DateTime<Utc>) -> ServerDetail {
    let server = &p.server;
    let power_state = p.status.as_ref().ok().map(|s| s.current_status.clone());
    let row = server_row(server, power_state.as_ref(), &p.groups, now);
    let size = server.plan_size.clone().unwrap_or_default();
    ServerDetail {
        power: match &p.status {
            Ok(s) => Ok(power_word(&s.current_status)),
            Err(e) => Err(e.user_message()),
        },
        powered_on: power_state.map(|state| state == PowerState::Running),
        cores: size.core,
        ram: size.ram.map(mib),
        disk_gb: size.disk,
        host_type: size.host_type.clone(),
        api_version: server.api_version.clone(),
        virtualization: server.virttype.clone(),
        owner: server.user.clone(),
        last_restored_snapshot: server.last_restored_snapshot.clone(),
        support: server.support.as_ref().map(|s| support(s, now)),
        is_reserved: server.is_reserved,
        isolations: p
            .isolations
            .map(|list| {
                list.into_iter()
                    .map(|i| Isolated {
                        name: i.name,
                        notes: i.notes.unwrap_or_default(),
                    })
                    .collect()
            })
            .map_err(|e| e.user_message()),
        groups: group_refs(&p.groups),
        actions: actions_page(p.actions.as_ref(), p.page, now),
        legacy_v1: server.api_version_value == Some(1),
        row,
    }
}

/// One page of the server's actions; empty when they could not be read.
fn actions_page(actions: Option<&dto::ActionPage>, page: usize, now: DateTime<Utc>) -> ActionsPage {
    match actions {
        Some(p) => ActionsPage {
            rows: p.actions.iter().map(|a| action_row(a, now)).collect(),
            page,
            pages: p
                .total
                .map(|t| (t as usize).div_ceil(ACTIONS_PER_PAGE).max(1))
                .unwrap_or(page),
            total: p.total,
        },
        None => ActionsPage {
            rows: Vec::new(),
            page,
            pages: page,
            total: None,
        },
    }
}

/// The hypervisor's state as a word.
fn power_word(p: &PowerState) -> String {
    match p {
        PowerState::Running => crate::tr!(ecs.power.running).into(),
        PowerState::Stopped => crate::tr!(ecs.power.stopped).into(),
        PowerState::Paused => crate::tr!(ecs.power.paused).into(),
        PowerState::Unknown(w) => w.clone(),
    }
}

/// The key of a `console` action, for the person who asked (None when ECS sent none).
pub fn console_access(outcome: &dto::ActionOutcome) -> Option<ConsoleAccess> {
    use secrecy::ExposeSecret;
    let key = outcome.console_key.as_ref()?;
    Some(ConsoleAccess {
        key: key.expose_secret().to_string(),
        action: outcome.action.id,
    })
}

/// The support plan a choice names (`basic`, `global`); None for anything else.
pub fn support_code(choice: &str) -> Option<SupportCode> {
    match choice {
        "basic" => Some(SupportCode::Basic),
        "global" => Some(SupportCode::Global),
        _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_badge_merges_lifecycle_and_power() {
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

    #[test]
    fn support_choices_name_their_code() {
        assert_eq!(support_code("basic"), Some(SupportCode::Basic));
        assert_eq!(support_code("global"), Some(SupportCode::Global));
        assert_eq!(support_code("proactive"), None);
        assert_eq!(support_code(""), None);
    }
}
