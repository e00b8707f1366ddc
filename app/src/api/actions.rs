//! Server functions of `/actions`: one page of the account's actions (the API pages and filters
//! them), with the servers and templates they act on, so rows can link to them.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::actions::ActionList;

#[server(endpoint = "actions_list")]
pub async fn list_actions(
    // A resource id (`ec200401`, `ei100006`, `104`), or "" for all.
    #[server(default)] resource: String,
    // 1-based; 0 (not sent) is the first.
    #[server(default)] page: usize,
) -> Result<ActionList, AppError> {
    use crate::ecs::convert::action;
    use crate::ecs::{ids, EcsError};
    use crate::model::actions::{page_count, PAGE_SIZE};
    use crate::state::{checked, upstream, upstream_error};

    let resource = resource.trim().to_string();
    // The same check the upstream client makes, made first so the message lands at the field.
    if !resource.is_empty() && ids::resource_filter(&resource).is_err() {
        return Err(AppError::invalid(
            "resource",
            crate::tr!(errors.api.actions.bad_resource),
        ));
    }
    let filter = (!resource.is_empty()).then_some(resource.as_str());
    let page = page.max(1);
    let (client, cred, session) = upstream().await?;
    let start = |page: usize| ((page - 1) * PAGE_SIZE) as u32;
    let (actions, servers, templates) = tokio::join!(
        client.list_actions(&cred, start(page), PAGE_SIZE as u32, filter),
        client.list_servers(&cred),
        client.list_templates(&cred),
    );
    let mut actions = checked(actions, &session).await?;
    let mut page = page;
    // A page past the end (an old bookmark, fewer actions now): show the last one instead.
    if let Some(total) = actions.total {
        let last = page_count(Some(total), page, 0);
        if page > last {
            page = last;
            actions = checked(
                client
                    .list_actions(&cred, start(page), PAGE_SIZE as u32, filter)
                    .await,
                &session,
            )
            .await?;
        }
    }
    // Names only make the rows friendlier: without them the ids still show. A 401 is not that.
    for failure in [servers.as_ref().err(), templates.as_ref().err()] {
        if matches!(failure, Some(EcsError::Unauthorized)) {
            return Err(upstream_error(EcsError::Unauthorized, &session).await);
        }
    }
    let servers = action::known_servers(servers.unwrap_or_default());
    let templates = action::known_templates(templates.unwrap_or_default());
    Ok(action::action_list(
        &actions,
        page,
        resource,
        servers,
        templates,
        chrono::Utc::now(),
    ))
}
