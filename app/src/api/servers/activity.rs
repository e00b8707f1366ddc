//! The live feed the pages poll: what runs now (from the newest page of `/actions`), and how the
//! actions a page is waiting for ended.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::activity::Activity;

/// How many of the newest actions one poll reads.
#[cfg(feature = "ssr")]
const WINDOW: u32 = 50;

#[server(endpoint = "servers_activity")]
pub async fn server_activity(
    // An empty list is sent as no field at all.
    #[server(default)] watch: Vec<u64>,
) -> Result<Activity, AppError> {
    use crate::ecs::convert::action;
    use crate::state::{checked, upstream};

    let (client, cred, session) = upstream().await?;
    let page = checked(client.list_actions(&cred, 0, WINDOW, None).await, &session).await?;
    let mut finished = Vec::new();
    // A page waits on a handful of actions at most; bound it anyway.
    for id in watch.into_iter().take(20) {
        let answer = match page.actions.iter().find(|a| a.id == id) {
            Some(a) => a.clone(),
            None => match client.get_action(&cred, &id.to_string()).await {
                Ok(a) => a,
                // Gone from the API: nothing more will be heard of it.
                Err(crate::ecs::EcsError::NotFound { .. }) => {
                    finished.push(action::gone(id));
                    continue;
                }
                Err(e) => return Err(crate::state::upstream_error(e, &session).await),
            },
        };
        finished.extend(action::finished(id, &answer));
    }
    let activity = action::activity(&page, finished);
    // An action started or ended: the server list's copy is stale.
    client.saw_activity(&cred, &activity.mark).await;
    Ok(activity)
}
