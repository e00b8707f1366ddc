//! The start page: who you are at Seeweb and how many of your servers are in each state.

use crate::ecs::dto;
use crate::model::overview::AccountOverview;

pub fn overview(account: dto::Account, servers: &[dto::Server]) -> AccountOverview {
    let mut by_status: Vec<(String, usize)> = Vec::new();
    for s in servers {
        let status = s.status.label();
        match by_status.iter_mut().find(|(k, _)| *k == status) {
            Some((_, n)) => *n += 1,
            None => by_status.push((status, 1)),
        }
    }
    by_status.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    AccountOverview {
        username: account.username,
        email: account.email.unwrap_or_default(),
        servers_total: servers.len(),
        by_status,
    }
}
