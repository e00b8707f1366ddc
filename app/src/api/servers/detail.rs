//! `/servers/{name}`: the server, its power state, isolations, the groups it can move to, and a
//! page of its actions, fetched together.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::server::ServerDetail;

#[server(endpoint = "servers_detail")]
pub async fn load_server(name: String, actions_page: usize) -> Result<ServerDetail, AppError> {
    use crate::ecs::convert::server::{detail, DetailParts};
    use crate::ecs::{ids, EcsError};
    use crate::model::server::ACTIONS_PER_PAGE;
    use crate::state::{checked, upstream};

    if ids::server_name(&name).is_err() {
        return Err(AppError::NotFound(
            crate::tr!(errors.api.servers_detail.bad_server_name, name = &name).to_string(),
        ));
    }
    let (client, cred, session) = upstream().await?;
    let page = actions_page.max(1);
    let start = ((page - 1) * ACTIONS_PER_PAGE) as u32;
    let (server, status, isolations, groups, actions) = tokio::join!(
        client.get_server(&cred, &name),
        client.server_status(&cred, &name),
        client.server_isolations(&cred, &name),
        client.list_groups(&cred),
        client.list_actions(&cred, start, ACTIONS_PER_PAGE as u32, Some(&name)),
    );
    let server = match server {
        Err(EcsError::NotFound { .. }) => {
            return Err(AppError::NotFound(
                crate::tr!(errors.api.servers_detail.server_gone, name = &name).to_string(),
            ))
        }
        other => checked(other, &session).await?,
    };
    if matches!(status, Err(EcsError::Unauthorized)) {
        return Err(crate::state::upstream_error(EcsError::Unauthorized, &session).await);
    }
    let parts = DetailParts {
        server,
        status,
        isolations,
        groups: groups.unwrap_or_default(),
        actions: actions.ok(),
        page,
    };
    Ok(detail(parts, chrono::Utc::now()))
}
