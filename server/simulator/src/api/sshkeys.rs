//! Public SSH keys (`/sshkeys`). Like the live API, keys are not validated; labels are unique per
//! account because server creation refers to a key by its label.

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{req_str, JsonBody};
use crate::api::wire;
use crate::util::iso;
use crate::world::error::{SimError, SimResult};
use crate::world::library::SshKey;
use crate::world::records::{parse_id, Records};

fn key_json(key: &SshKey) -> Value {
    json!({ "id": key.id, "label": key.label, "key": key.key, "created_at": iso(&key.created_at) })
}

/// `POST /sshkeys {key, label}` → `{status: ok}` only (list again to learn the id).
pub async fn create(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let key = req_str(&body, "key")?;
    let label = req_str(&body, "label")?;
    let (mut world, now) = store.lock();
    if world
        .account(&user)?
        .sshkeys
        .iter()
        .any(|k| k.label == label)
    {
        return Err(SimError::bad("An SSH key with this label already exists"));
    }
    world.next.sshkey += 1;
    let id = world.next.sshkey;
    world.account_mut(&user)?.sshkeys.push(SshKey {
        id,
        label,
        key,
        created_at: now,
    });
    world.log(&user, now, "Add SSH key", &user, None);
    Ok(Json(json!({ "status": "ok" })))
}

/// `GET /sshkeys` → `{status, pubkeys}`.
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let keys = &world.account(&user)?.sshkeys;
    Ok(Json(wire::list_of("pubkeys", keys, key_json)))
}

/// `GET /sshkeys/{id}` → `{status, pubkey}`.
pub async fn get(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let (world, _) = store.lock();
    let key = world.account(&user)?.sshkeys.by_id(id)?;
    Ok(Json(json!({ "status": "ok", "pubkey": key_json(key) })))
}

/// `PUT /sshkeys/{id} {label}` → `{status, pubkey}`.
pub async fn rename(
    Call { store, user }: Call,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let label = req_str(&body, "label")?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&user)?;
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
pub async fn delete(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<SshKey>(&id)?;
    let (mut world, _) = store.lock();
    world.account_mut(&user)?.sshkeys.remove_by_id(id)?;
    Ok(Json(json!({ "status": "ok" })))
}
