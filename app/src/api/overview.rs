//! The start page's figures: who you are at Seeweb and what your servers are doing.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccountOverview {
    pub username: String,
    pub email: String,
    pub servers_total: usize,
    /// (status, count), most common first.
    pub by_status: Vec<(String, usize)>,
}

#[server(endpoint = "overview")]
pub async fn overview() -> Result<AccountOverview, AppError> {
    let (client, cred, session) = crate::state::upstream().await?;
    let (account, servers) = tokio::join!(client.account(&cred), client.list_servers(&cred));
    let account = match account {
        Ok(a) => a,
        Err(e) => return Err(crate::state::upstream_error(e, &session).await),
    };
    let servers = match servers {
        Ok(s) => s,
        Err(e) => return Err(crate::state::upstream_error(e, &session).await),
    };
    let mut by_status: Vec<(String, usize)> = Vec::new();
    for s in &servers {
        let status = s.status.label();
        match by_status.iter_mut().find(|(k, _)| *k == status) {
            Some((_, n)) => *n += 1,
            None => by_status.push((status, 1)),
        }
    }
    by_status.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(AccountOverview {
        username: account.username,
        email: account.email.unwrap_or_default(),
        servers_total: servers.len(),
        by_status,
    })
}
