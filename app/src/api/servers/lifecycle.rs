//! Power, console, delete, and the same for several servers at once. Each answers the id of the
//! upstream action, so the page can follow it to completion.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::lifecycle::{BulkOp, BulkResult, ConsoleAccess};

#[server(endpoint = "servers_power")]
pub async fn power_server(name: String, on: bool) -> Result<u64, AppError> {
    use crate::ecs::dto::ServerAction;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let action = if on {
        ServerAction::PowerOn
    } else {
        ServerAction::PowerOff
    };
    let outcome = checked(client.server_action(&cred, &name, &action).await, &session).await?;
    Ok(outcome.action.id)
}

#[server(endpoint = "servers_console")]
pub async fn console_key(name: String) -> Result<ConsoleAccess, AppError> {
    use crate::ecs::dto::ServerAction;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let outcome = checked(
        client
            .server_action(&cred, &name, &ServerAction::Console)
            .await,
        &session,
    )
    .await?;
    crate::ecs::convert::server::console_access(&outcome).ok_or_else(|| {
        AppError::Upstream(crate::tr!(errors.api.servers_lifecycle.no_console_key).into())
    })
}

/// Deletes `name` once the person typed its name or display name (checked here too: the page's
/// check is only a convenience).
#[server(endpoint = "servers_delete")]
pub async fn delete_server(name: String, typed: String) -> Result<Option<u64>, AppError> {
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let server = match client.get_server(&cred, &name).await {
        // Already gone (deleted elsewhere, or a repeated click): what the user wanted.
        Err(EcsError::NotFound { .. }) => return Ok(None),
        r => checked(r, &session).await?,
    };
    let notes = server.notes.as_deref().unwrap_or_default();
    if !crate::model::server::confirms_delete(&typed, &server.name, notes) {
        return Err(AppError::invalid(
            "confirm",
            crate::tr!(
                errors.api.servers_lifecycle.type_to_confirm,
                name = &server.name
            )
            .to_string(),
        ));
    }
    if server.is_reserved {
        return Err(AppError::Upstream(
            crate::tr!(errors.api.servers_lifecycle.reserved_server).into(),
        ));
    }
    match client.delete_server(&cred, &name).await {
        Err(EcsError::NotFound { .. }) => Ok(None),
        r => Ok(checked(r, &session).await?.map(|a| a.id)),
    }
}

/// Runs `op` on each server (a few at a time) and says how each one went.
#[server(endpoint = "servers_bulk")]
pub async fn bulk_servers(op: BulkOp, names: Vec<String>) -> Result<Vec<BulkResult>, AppError> {
    use crate::ecs::dto::ServerAction;
    use crate::ecs::EcsError;
    use crate::state::upstream;
    use futures_util::stream::{self, StreamExt};

    if names.is_empty() {
        return Err(AppError::invalid(
            "selection",
            crate::tr!(errors.api.servers_lifecycle.select_at_least_one),
        ));
    }
    if names.len() > 200 {
        return Err(AppError::invalid(
            "selection",
            crate::tr!(errors.api.servers_lifecycle.select_at_most),
        ));
    }
    let (client, cred, session) = upstream().await?;
    let results: Vec<(String, Result<Option<u64>, EcsError>)> = stream::iter(names)
        .map(|name| {
            let (client, cred) = (&client, &cred);
            async move {
                let r = match op {
                    BulkOp::PowerOn => client
                        .server_action(cred, &name, &ServerAction::PowerOn)
                        .await
                        .map(|o| Some(o.action.id)),
                    BulkOp::PowerOff => client
                        .server_action(cred, &name, &ServerAction::PowerOff)
                        .await
                        .map(|o| Some(o.action.id)),
                    BulkOp::Delete => match client.delete_server(cred, &name).await {
                        // Already gone: deleted, as asked.
                        Err(EcsError::NotFound { .. }) => Ok(None),
                        r => r.map(|a| a.map(|a| a.id)),
                    },
                };
                (name, r)
            }
        })
        .buffered(4)
        .collect()
        .await;
    if results
        .iter()
        .any(|(_, r)| matches!(r, Err(EcsError::Unauthorized)))
    {
        return Err(crate::state::upstream_error(EcsError::Unauthorized, &session).await);
    }
    Ok(results
        .into_iter()
        .map(|(name, r)| match r {
            Ok(action) => BulkResult {
                name,
                action,
                error: None,
            },
            Err(e) => BulkResult {
                name,
                action: None,
                error: Some(e.user_message()),
            },
        })
        .collect())
}
