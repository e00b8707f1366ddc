//! The dashboard: who you are, your servers by state, the newest actions.

use crate::ecs::dto;
use crate::model::actions::ActionLine;
use crate::model::overview::{AccountOverview, ServerCounts};
use crate::model::server::Health;

/// Counts by state; `powers` is the health of the ready servers whose power was asked.
pub fn counts(servers: &[dto::Server], powers: Option<&[Health]>) -> ServerCounts {
    let mut c = ServerCounts {
        total: servers.len(),
        ..Default::default()
    };
    for s in servers {
        match super::server::health(&s.status, None) {
            Health::Booted => c.ready += 1,
            Health::Failed => c.failed += 1,
            h if h.is_transient() => c.busy += 1,
            _ => {}
        }
    }
    if let Some(powers) = powers {
        c.running = Some(powers.iter().filter(|h| **h == Health::Running).count());
        c.stopped = Some(powers.iter().filter(|h| **h == Health::Stopped).count());
    }
    c
}

pub fn overview(
    account: dto::Account,
    servers: ServerCounts,
    recent: Vec<ActionLine>,
) -> AccountOverview {
    AccountOverview {
        username: account.username,
        email: account.email.unwrap_or_default(),
        servers,
        recent,
    }
}
