//! `/servers/{name}`: the server, its power state, isolations, the groups it can move to, and a
//! page of its actions, fetched together.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::server::ServerDetail;

/// Actions per page on the detail page.
pub const ACTIONS_PER_PAGE: usize = 10;

#[server(endpoint = "servers_detail")]
pub async fn load_server(name: String, actions_page: usize) -> Result<ServerDetail, AppError> {
    use crate::ecs::{convert, ids, EcsError};
    use crate::model::server::{ActionsPage, Isolated};
    use crate::state::{checked, upstream};

    if ids::server_name(&name).is_err() {
        return Err(AppError::NotFound(format!(
            "There is no server called “{name}”. Server names look like ec200401."
        )));
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
            return Err(AppError::NotFound(format!(
                "There is no server called “{name}” in your account. It may have been deleted."
            )))
        }
        other => checked(other, &session).await?,
    };
    if matches!(status, Err(EcsError::Unauthorized)) {
        return Err(crate::state::upstream_error(EcsError::Unauthorized, &session).await);
    }
    let now = chrono::Utc::now();
    let groups = groups.unwrap_or_default();
    let power_state = status.as_ref().ok().map(|s| s.current_status.clone());
    let row = convert::server_row(&server, power_state.as_ref(), &groups, now);
    let size = server.plan_size.clone().unwrap_or_default();
    let actions = match actions {
        Ok(p) => {
            let total = p.total;
            ActionsPage {
                rows: p
                    .actions
                    .iter()
                    .map(|a| convert::action_row(a, now))
                    .collect(),
                page,
                pages: total
                    .map(|t| (t as usize).div_ceil(ACTIONS_PER_PAGE).max(1))
                    .unwrap_or(page),
                total,
            }
        }
        Err(_) => ActionsPage {
            rows: Vec::new(),
            page,
            pages: page,
            total: None,
        },
    };
    Ok(ServerDetail {
        power: match &status {
            Ok(s) => Ok(power_word(&s.current_status)),
            Err(e) => Err(e.user_message()),
        },
        powered_on: power_state.map(|p| p == crate::ecs::dto::PowerState::Running),
        cores: size.core,
        ram: size.ram.map(convert::mib),
        disk_gb: size.disk,
        host_type: size.host_type.clone(),
        api_version: server.api_version.clone(),
        virtualization: server.virttype.clone(),
        owner: server.user.clone(),
        last_restored_snapshot: server.last_restored_snapshot.clone(),
        support: server.support.as_ref().map(|s| convert::support(s, now)),
        is_reserved: server.is_reserved,
        reserve_months: vec![3, 6, 12, 24],
        isolations: isolations
            .map(|list| {
                list.into_iter()
                    .map(|i| Isolated {
                        name: i.name,
                        notes: i.notes.unwrap_or_default(),
                    })
                    .collect()
            })
            .map_err(|e| e.user_message()),
        groups: groups
            .iter()
            .map(|g| convert::group_ref(&g.name, &groups))
            .collect(),
        actions,
        legacy_v1: server.api_version_value == Some(1),
        row,
    })
}

/// The hypervisor's state as a word.
#[cfg(feature = "ssr")]
fn power_word(p: &crate::ecs::dto::PowerState) -> String {
    use crate::ecs::dto::PowerState;
    match p {
        PowerState::Running => "Running".into(),
        PowerState::Stopped => "Shut off".into(),
        PowerState::Paused => "Paused".into(),
        PowerState::Unknown(w) => w.clone(),
    }
}
