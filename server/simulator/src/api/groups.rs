//! Server groups (`/groups`): labels that organise servers. The `password` field is deprecated but
//! still required by the live API, so it is required here too (and never stored).

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{req_str, JsonBody};
use crate::api::wire;
use crate::world::error::{SimError, SimResult};
use crate::world::library::Group;

fn group_json(group: &Group) -> Value {
    json!({ "id": group.id, "name": group.name, "notes": group.notes, "enabled": true })
}

/// `POST /groups {notes, password}` → `{status, group}`.
pub async fn create(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let notes = req_str(&body, "notes")?;
    // Deprecated, but the request must carry it (an empty string is fine).
    if !body.contains_key("password") {
        return Err(SimError::topic("password"));
    }
    let (mut world, now) = store.lock();
    world.next.group += 1;
    let id = world.next.group;
    let group = Group {
        id,
        name: format!("eg{}", 100_000 + id),
        notes,
    };
    let answer = group_json(&group);
    let name = group.name.clone();
    world.account_mut(&user)?.groups.push(group);
    world.log(&user, now, "Create group", &name, None);
    Ok(Json(json!({ "status": "ok", "group": answer })))
}

/// `GET /groups`.
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let groups = &world.account(&user)?.groups;
    Ok(Json(wire::list_of("groups", groups, group_json)))
}

/// `GET /groups/{id}`.
pub async fn get(Call { store, user }: Call, Path(key): Path<String>) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let group = world.account(&user)?.group(&key)?;
    Ok(Json(json!({ "status": "ok", "group": group_json(group) })))
}

/// `DELETE /groups/{id}`: its servers simply leave the group.
pub async fn delete(Call { store, user }: Call, Path(key): Path<String>) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    let name = account.group(&key)?.name.clone();
    account.groups.retain(|g| g.name != name);
    for server in account
        .servers
        .values_mut()
        .filter(|s| s.group.as_deref() == Some(&name))
    {
        server.group = None;
    }
    world.log(&user, now, "Delete group", &name, None);
    Ok(Json(json!({ "status": "ok" })))
}
