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
    use crate::ecs::{ids, EcsError};
    use crate::model::actions::{page_count, PAGE_SIZE};
    use crate::state::{checked, upstream, upstream_error};

    let resource = resource.trim().to_string();
    // The same check the upstream client makes, made first so the message lands at the field.
    if !resource.is_empty() && ids::resource_filter(&resource).is_err() {
        return Err(AppError::invalid(
            "resource",
            "A resource is an id such as ec200401 (a server), ei100006 (a template) or 104 \
             (a snapshot): letters, digits, - and _ only, at most 40 characters.",
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
    let servers = ssr::servers(servers.unwrap_or_default());
    let templates = ssr::templates(templates.unwrap_or_default());
    let now = chrono::Utc::now();
    let lines = actions
        .actions
        .iter()
        .map(|a| ssr::line(a, now, &servers, &templates))
        .collect::<Vec<_>>();
    Ok(ActionList {
        pages: page_count(actions.total, page, lines.len()),
        lines,
        total: actions.total,
        page,
        resource,
        servers,
        templates,
    })
}

#[cfg(feature = "ssr")]
mod ssr {
    use chrono::{DateTime, Utc};

    use crate::ecs::convert;
    use crate::ecs::dto::{self, ImageStatus};
    use crate::model::actions::{target, ActionLine, Known, ResourceKind};

    pub fn servers(list: Vec<dto::Server>) -> Vec<Known> {
        let mut out: Vec<Known> = list
            .into_iter()
            .map(|s| Known {
                label: s
                    .notes
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| s.name.clone()),
                id: s.name,
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    pub fn templates(list: Vec<dto::Template>) -> Vec<Known> {
        list.into_iter()
            .filter(|t| !matches!(t.status, ImageStatus::Deleted))
            .map(|t| Known {
                label: t
                    .description
                    .clone()
                    .or(t.notes.clone())
                    .filter(|d| !d.trim().is_empty())
                    .unwrap_or_else(|| t.name.clone()),
                id: t.name,
            })
            .collect()
    }

    /// The action's resource type; when the API leaves it out (older answers), the id's shape.
    fn kind(k: &dto::ResourceKind, resource: &str) -> ResourceKind {
        use crate::ecs::ids;
        match k {
            dto::ResourceKind::Server => ResourceKind::Server,
            dto::ResourceKind::Template => ResourceKind::Template,
            dto::ResourceKind::Snapshot => ResourceKind::Snapshot,
            dto::ResourceKind::Network => ResourceKind::Network,
            dto::ResourceKind::Unknown(_) if ids::server_name(resource).is_ok() => {
                ResourceKind::Server
            }
            dto::ResourceKind::Unknown(_) if resource.starts_with("ei") => ResourceKind::Template,
            dto::ResourceKind::Unknown(_) => ResourceKind::Other,
        }
    }

    pub fn line(
        a: &dto::Action,
        now: DateTime<Utc>,
        servers: &[Known],
        templates: &[Known],
    ) -> ActionLine {
        let row = convert::action_row(a, now);
        ActionLine {
            target: target(
                kind(&a.resource_type, &row.resource),
                &row.resource,
                servers,
                templates,
            ),
            row,
        }
    }
}
