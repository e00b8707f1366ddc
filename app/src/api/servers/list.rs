//! `/servers`: the account's list (a copy a few seconds old at most, see `ecs::list_cache`)
//! filtered, sorted and paged on the server; the power state is asked only for the rows on the
//! page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::server_list::ListPage;
use crate::model::table::TableQuery;

/// How many `/status` calls run at once for one page.
#[cfg(feature = "ssr")]
const STATUS_CONCURRENCY: usize = 8;

#[server(endpoint = "servers_list")]
pub async fn list_servers(query: TableQuery) -> Result<ListPage, AppError> {
    use crate::ecs::convert::server::{booted_health, facets, server_row};
    use crate::model::server_list::select;
    use crate::state::{checked, upstream};
    use futures_util::stream::{self, StreamExt};

    let (client, cred, session) = upstream().await?;
    let listing = checked(client.listing(&cred).await, &session).await?;
    let groups = &listing.groups;
    let now = chrono::Utc::now();

    let rows: Vec<_> = listing
        .servers
        .iter()
        .map(|s| server_row(s, None, groups, now))
        .collect();
    let facets = facets(&rows, groups);
    let mut page = select(rows, &query, facets);

    // Only booted servers have a power state worth asking for.
    let asks: Vec<(usize, String)> = page
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.health == crate::model::server::Health::Booted)
        .map(|(i, r)| (i, r.name.clone()))
        .collect();
    let answers: Vec<_> = stream::iter(asks)
        .map(|(i, name)| {
            let (client, cred) = (&client, &cred);
            async move { (i, client.server_status(cred, &name).await) }
        })
        .buffer_unordered(STATUS_CONCURRENCY)
        .collect()
        .await;
    for (i, answer) in answers {
        match answer {
            Ok(status) => page.rows[i].health = booted_health(&status),
            // A 401 here means the whole session is gone.
            Err(crate::ecs::EcsError::Unauthorized) => {
                return Err(crate::state::upstream_error(
                    crate::ecs::EcsError::Unauthorized,
                    &session,
                )
                .await)
            }
            Err(_) => {}
        }
    }

    Ok(page)
}

/// The list's Refresh button: the next read goes to the API.
#[server(endpoint = "servers_refresh")]
pub async fn refresh_servers() -> Result<(), AppError> {
    let (client, cred, _) = crate::state::upstream().await?;
    client.forget_listing(&cred).await;
    Ok(())
}
