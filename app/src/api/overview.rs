//! The start page's figures: who you are at Seeweb and what your servers are doing.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::overview::AccountOverview;

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
    Ok(crate::ecs::convert::overview::overview(account, &servers))
}
