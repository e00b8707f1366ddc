//! Public SSH keys (`/sshkeys`). Like the live API, keys are not validated; labels are unique per
//! account because server creation refers to a key by its label.

use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use crate::api::auth::Caller;
use crate::api::input::{req_str, JsonBody};
use crate::api::wire;
use crate::store::Store;
use crate::util::iso;
use crate::world::error::{SimError, SimResult};
use crate::world::library::SshKey;
use crate::world::records::{parse_id, Records};

fn key_json(key: &SshKey) -> Value {
    json!({ "id": key.id, "label": key.label, "key": key.key, "created_at": iso(&key.created_at) })
}

/// `POST /sshkeys {key, label}` → `{status: ok}` only (list again to learn the id).
pub async fn create(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let key = req_str(&body, "key")?;
    let label = req_str(&body, "label")?;
    let (mut world, now) = store.lock();
    if world
        .account(&caller.username)?
        .sshkeys
        .iter()
        .any(|k| k.label == label)
    {
        return Err(SimError::bad("An SSH key with this label already exists"));
    }
    world.next.sshkey += 1;
    let id = world.next.sshkey;
    world.account_mut(&caller.username)?.sshkeys.push(SshKey {
        id,
        label,
        key,
        created_at: now,
    });
    world.log(&caller.username, now, "Add SSH key", &caller.username, None);
    Ok(Json(json!({ "status": "ok" })))
}

/// `GET /sshkeys` → `{status, pubkeys}`.
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let keys = &world.account(&caller.username)?.sshkeys;
    Ok(Json(wire::list_of("pubkeys", keys, key_json)))
}

/// `GET /sshkeys/{id}` → `{status, pubkey}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let (world, _) = store.lock();
    let key = world.account(&caller.username)?.sshkeys.by_id(id)?;
    Ok(Json(json!({ "status": "ok", "pubkey": key_json(key) })))
}

/// `PUT /sshkeys/{id} {label}` → `{status, pubkey}`.
pub async fn rename(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let label = req_str(&body, "label")?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    account.sshkeys.by_id(id)?;
    if account
        .sshkeys
        .iter()
        .any(|k| k.label == label && k.id != id)
    {
        return Err(SimError::bad("An SSH key with this label already exists"));
    }
    let key = account.sshkeys.by_id_mut(id)?;
    key.label = label;
    Ok(Json(json!({ "status": "ok", "pubkey": key_json(key) })))
}

/// `DELETE /sshkeys/{id}`.
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let (mut world, _) = store.lock();
    world
        .account_mut(&caller.username)?
        .sshkeys
        .remove_by_id(id)?;
    Ok(Json(json!({ "status": "ok" })))
}
