//! The dashboard's figures: who you are at Seeweb, your servers by state, the newest actions.
//! This month's spend is the consumption page's own server function, fetched alongside.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::overview::AccountOverview;

/// Power states asked at once.
#[cfg(feature = "ssr")]
const STATUS_CONCURRENCY: usize = 8;
/// Actions the dashboard lists.
#[cfg(feature = "ssr")]
const RECENT: u32 = 6;

#[server(endpoint = "overview")]
pub async fn overview() -> Result<AccountOverview, AppError> {
    use crate::ecs::convert::{action, overview, server::booted_health};
    use crate::ecs::dto::ServerState;
    use crate::model::overview::POWER_ASKED_MAX;
    use crate::state::checked;
    use futures_util::stream::{self, StreamExt};

    let (client, cred, session) = crate::state::upstream().await?;
    let (account, listing, actions, templates) = tokio::join!(
        client.account(&cred),
        client.listing(&cred),
        client.list_actions(&cred, 0, RECENT, None),
        client.list_templates(&cred),
    );
    let account = checked(account, &session).await?;
    let listing = checked(listing, &session).await?;
    let actions = checked(actions, &session).await?;
    let ready: Vec<String> = listing
        .servers
        .iter()
        .filter(|s| s.status == ServerState::Booted)
        .map(|s| s.name.clone())
        .collect();
    // Power is one call a server: asked only while that stays reasonable.
    let powers = if ready.len() <= POWER_ASKED_MAX {
        let answers: Vec<_> = stream::iter(ready)
            .map(|name| {
                let (client, cred) = (&client, &cred);
                async move { client.server_status(cred, &name).await }
            })
            .buffer_unordered(STATUS_CONCURRENCY)
            .collect()
            .await;
        let mut healths = Vec::new();
        for answer in answers {
            match answer {
                Ok(status) => healths.push(booted_health(&status)),
                Err(e @ crate::ecs::EcsError::Unauthorized) => {
                    return Err(crate::state::upstream_error(e, &session).await)
                }
                Err(_) => {}
            }
        }
        Some(healths)
    } else {
        None
    };
    let counts = overview::counts(&listing.servers, powers.as_deref());
    let list = action::action_list(
        &actions,
        1,
        String::new(),
        action::known_servers(listing.servers.to_vec()),
        action::known_templates(templates.unwrap_or_default()),
        chrono::Utc::now(),
    );
    Ok(overview::overview(account, counts, list.lines))
}
