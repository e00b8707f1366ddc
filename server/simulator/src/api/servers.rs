//! `GET/PUT/DELETE /servers/{name}`, the server list, status and isolations. Creation is in
//! `server_create.rs`, power and console in `server_actions.rs`, support and reserved periods in
//! `support.rs`.

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_str, JsonBody};
use crate::api::wire;
use crate::world::actions::{Effect, NewAction};
use crate::world::error::{SimError, SimResult};
use crate::world::servers::ServerStatus;

/// `GET /servers` → `{status, count, server: [...]}` (the list key is singular).
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let account = world.account(&user)?;
    let servers: Vec<Value> = account
        .servers
        .values()
        .map(|s| wire::server(s, account, now, legacy))
        .collect();
    Ok(Json(
        json!({ "status": "ok", "count": servers.len(), "server": servers }),
    ))
}

/// `GET /servers/{name}`.
pub async fn get(Call { store, user }: Call, Path(name): Path<String>) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let account = world.account(&user)?;
    let server = account.server(&name)?;
    Ok(Json(
        json!({ "status": "ok", "server": wire::server(server, account, now, legacy) }),
    ))
}

/// `PUT /servers/{name}`: `note` (docs, Go client) or `notes` (SDK), and/or `group`
/// (`"nogroup"` removes it).
pub async fn update(
    Call { store, user }: Call,
    Path(name): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let note = match opt_str(&body, "note")? {
        Some(n) => Some(n),
        None => opt_str(&body, "notes")?,
    };
    let group = opt_str(&body, "group")?;
    if note.is_none() && group.is_none() {
        return Err(SimError::topic("note"));
    }
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    account.server(&name)?;
    let group = match group.as_deref().map(str::trim) {
        None => None,
        Some("nogroup") | Some("") => Some(None),
        Some(g) => Some(Some(account.group(g)?.name.clone())),
    };
    let server = account.server_mut(&name)?;
    if let Some(note) = note {
        server.notes = note;
    }
    if let Some(group) = group {
        server.group = group;
    }
    world.log(&user, now, "Update server", &name, None);
    Ok(Json(json!({ "status": "ok" })))
}

/// `DELETE /servers/{name}` → `{status, action}`; reserved servers cannot be destroyed.
pub async fn delete(
    Call { store, user }: Call,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let duration = world.timing.delete;
    let account = world.account_mut(&user)?;
    let server = account.server_mut(&name)?;
    if let Some(until) = server.reserved_until(now) {
        return Err(SimError::bad(format!(
            "Server {name} is reserved until {}: it cannot be deleted before the reserved period ends",
            until.format("%Y-%m-%d")
        )));
    }
    if server.status == ServerStatus::Deleting {
        return Err(SimError::bad("Server is already being deleted"));
    }
    if server.busy.is_some() || server.status == ServerStatus::Booting {
        return Err(SimError::bad(
            "Server is busy: wait for the action in progress to complete",
        ));
    }
    server.status = ServerStatus::Deleting;
    let new = NewAction {
        kind: "delete_server",
        resource: name.clone(),
        resource_type: "ECS",
        duration,
        effect: Effect::DeleteServer {
            server: name.clone(),
        },
        fail: None,
    };
    let id = world.start_action(&user, new, now)?;
    let account = world.account_mut(&user)?;
    account.server_mut(&name)?.busy = Some(id);
    world.log(&user, now, "Delete server", &name, None);
    let action = wire::action_of(world.account(&user)?, id, now, legacy);
    Ok(Json(json!({ "status": "ok", "action": action })))
}

/// `GET /servers/{name}/status`: the VM state as the libvirt exporter sees it.
pub async fn status(
    Call { store, user }: Call,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let server = world.account(&user)?.server(&name)?;
    // No VM to ask while it is being created, after a failure or during deletion.
    let creating = server.status == ServerStatus::Booting && server.ipv4.is_empty();
    if creating || matches!(server.status, ServerStatus::Fail | ServerStatus::Deleting) {
        return Err(SimError::bad("Unable to retrieve server status"));
    }
    let current = match (server.powered, legacy) {
        (true, false) => "Running",
        (false, false) => "Shutoff",
        (true, true) => "RUNNING",
        (false, true) => "SHUTOFF",
    };
    Ok(Json(if legacy {
        json!({ "status": "ok", "name": server.name, "current_status": current })
    } else {
        json!({ "status": "ok", "server": { "name": server.name, "current_status": current } })
    }))
}

/// `GET /servers/{name}/isolations`: the servers this one is kept apart from (both directions).
pub async fn isolations(
    Call { store, user }: Call,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&user)?;
    let server = account.server(&name)?;
    let list: Vec<Value> = account
        .servers
        .values()
        .filter(|other| other.name != name)
        .filter(|other| {
            server.isolate_from.contains(&other.name) || other.isolate_from.contains(&server.name)
        })
        .map(|other| json!({ "name": other.name, "notes": other.notes }))
        .collect();
    Ok(Json(json!({ "status": "ok", "isolations": list })))
}
