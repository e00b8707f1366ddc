//! Public SSH keys (`/sshkeys`). Like the live API, keys are not validated; labels are unique per
//! account because server creation refers to a key by its label.

use axum::extract::{Path, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::{req_str, JsonBody};
use super::store::Store;
use super::util::iso;
use super::wire;

#[derive(Debug, Clone)]
pub struct SshKey {
    pub id: u64,
    pub label: String,
    pub key: String,
    pub created_at: DateTime<Utc>,
}

impl SshKey {
    fn to_json(&self) -> Value {
        json!({ "id": self.id, "label": self.label, "key": self.key, "created_at": iso(&self.created_at) })
    }
}

fn key_id(raw: &str) -> SimResult<u64> {
    raw.parse()
        .map_err(|_| SimError::not_found("ssh key not found"))
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
    let items = world
        .account(&caller.username)?
        .sshkeys
        .iter()
        .map(SshKey::to_json)
        .collect();
    Ok(Json(wire::list("pubkeys", items)))
}

/// `GET /sshkeys/{id}` → `{status, pubkey}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = key_id(&id)?;
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    let key = account
        .sshkeys
        .iter()
        .find(|k| k.id == id)
        .ok_or_else(|| SimError::not_found("ssh key not found"))?;
    Ok(Json(json!({ "status": "ok", "pubkey": key.to_json() })))
}

/// `PUT /sshkeys/{id} {label}` → `{status, pubkey}`.
pub async fn rename(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = key_id(&id)?;
    let label = req_str(&body, "label")?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    if !account.sshkeys.iter().any(|k| k.id == id) {
        return Err(SimError::not_found("ssh key not found"));
    }
    if account
        .sshkeys
        .iter()
        .any(|k| k.label == label && k.id != id)
    {
        return Err(SimError::bad("An SSH key with this label already exists"));
    }
    let key = account
        .sshkeys
        .iter_mut()
        .find(|k| k.id == id)
        .ok_or_else(|| SimError::not_found("ssh key not found"))?;
    key.label = label;
    Ok(Json(json!({ "status": "ok", "pubkey": key.to_json() })))
}

/// `DELETE /sshkeys/{id}`.
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = key_id(&id)?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let before = account.sshkeys.len();
    account.sshkeys.retain(|k| k.id != id);
    if account.sshkeys.len() == before {
        return Err(SimError::not_found("ssh key not found"));
    }
    Ok(Json(json!({ "status": "ok" })))
}
