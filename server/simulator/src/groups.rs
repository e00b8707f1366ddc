//! Server groups (`/groups`): labels that organise servers. The `password` field is deprecated but
//! still required by the live API, so it is required here too (and never stored).

use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::{req_str, JsonBody};
use super::store::{Account, Store};
use super::wire;

#[derive(Debug, Clone)]
pub struct Group {
    pub id: u64,
    pub name: String,
    pub notes: String,
}

impl Group {
    fn to_json(&self) -> Value {
        json!({ "id": self.id, "name": self.name, "notes": self.notes, "enabled": true })
    }
}

/// A group by numeric id or by name (`eg…`).
fn find<'a>(account: &'a Account, key: &str) -> SimResult<&'a Group> {
    account
        .groups
        .iter()
        .find(|g| g.id.to_string() == key || g.name == key)
        .ok_or_else(|| SimError::not_found("group not found"))
}

/// `POST /groups {notes, password}` → `{status, group}`.
pub async fn create(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
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
    let answer = group.to_json();
    let name = group.name.clone();
    world.account_mut(&caller.username)?.groups.push(group);
    world.log(&caller.username, now, "Create group", &name, None);
    Ok(Json(json!({ "status": "ok", "group": answer })))
}

/// `GET /groups`.
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let items = world
        .account(&caller.username)?
        .groups
        .iter()
        .map(Group::to_json)
        .collect();
    Ok(Json(wire::list("groups", items)))
}

/// `GET /groups/{id}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<String>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let group = find(world.account(&caller.username)?, &key)?;
    Ok(Json(json!({ "status": "ok", "group": group.to_json() })))
}

/// `DELETE /groups/{id}`: its servers simply leave the group.
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<String>,
) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let name = find(account, &key)?.name.clone();
    account.groups.retain(|g| g.name != name);
    for server in account
        .servers
        .values_mut()
        .filter(|s| s.group.as_deref() == Some(&name))
    {
        server.group = None;
    }
    world.log(&caller.username, now, "Delete group", &name, None);
    Ok(Json(json!({ "status": "ok" })))
}
