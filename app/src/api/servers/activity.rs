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
    use crate::ecs::convert;
    use crate::ecs::dto::ActionKind;
    use crate::model::activity::Finished;
    use crate::state::{checked, upstream};

    let (client, cred, session) = upstream().await?;
    let page = checked(client.list_actions(&cred, 0, WINDOW, None).await, &session).await?;
    let mut finished = Vec::new();
    // A page waits on a handful of actions at most; bound it anyway.
    for id in watch.into_iter().take(20) {
        let action = match page.actions.iter().find(|a| a.id == id) {
            Some(a) => a.clone(),
            None => match client.get_action(&cred, &id.to_string()).await {
                Ok(a) => a,
                // Gone from the API: nothing more will be heard of it.
                Err(crate::ecs::EcsError::NotFound { .. }) => {
                    finished.push(Finished {
                        id,
                        resource: String::new(),
                        kind: String::new(),
                        ok: true,
                    });
                    continue;
                }
                Err(e) => return Err(crate::state::upstream_error(e, &session).await),
            },
        };
        if action.status.is_finished() {
            finished.push(Finished {
                id,
                resource: action.resource.clone().unwrap_or_default(),
                kind: convert::kind_words(&action.kind).0,
                ok: convert::outcome(&action.status) == crate::model::activity::Outcome::Completed,
            });
        }
    }
    // Console keys are not work anyone waits for.
    let running: Vec<_> = page
        .actions
        .iter()
        .filter(|a| !a.status.is_finished() && a.kind != ActionKind::Console)
        .map(convert::running)
        .collect();
    let newest = page.actions.first().map(|a| a.id).unwrap_or_default();
    let ids: Vec<String> = running.iter().map(|r| r.id.to_string()).collect();
    Ok(Activity {
        mark: format!(
            "{newest}:{}:{}",
            ids.join(","),
            page.total.unwrap_or_default()
        ),
        running,
        finished,
    })
}
