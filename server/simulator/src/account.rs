//! `/account` (profile, password) and `/keys` (API tokens, which never expire until deleted).

use axum::extract::{Path, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::{opt_str, req_str, JsonBody};
use super::store::Store;
use super::util::{plain, random_token};

#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: u64,
    pub notes: String,
    pub token: String,
    pub created_at: DateTime<Utc>,
    /// Set by forced expiry (admin API); a revoked key answers 401 but is still listed.
    pub revoked: bool,
}

/// `GET /account`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    Ok(Json(json!({
        "username": account.username,
        "email": account.email,
        "reserved_available": account.reserved_available,
        "offline_available": false,
        "ecs_special_discount": account.ecs_special_discount,
        "ecshm_special_discount": 0,
        "ecsgpu_special_discount": 0,
    })))
}

/// `POST /account {password}`: changes the password (existing tokens stay valid).
pub async fn change_password(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let password = req_str(&body, "password")?;
    let (mut world, now) = store.lock();
    world.account_mut(&caller.username)?.password = password;
    world.log(
        &caller.username,
        now,
        "Change password",
        &caller.username,
        None,
    );
    Ok(Json(json!({ "status": "ok" })))
}

/// `GET /keys`: a bare array, as documented (the token itself is never shown again).
pub async fn list_keys(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let keys: Vec<Value> = world
        .account(&caller.username)?
        .api_keys
        .iter()
        .map(|k| json!({ "id": k.id, "notes": k.notes, "created_at": plain(&k.created_at) }))
        .collect();
    Ok(Json(Value::Array(keys)))
}

/// `POST /keys {notes}` → `{status, token}`: the only time the token is shown.
pub async fn create_key(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let notes = opt_str(&body, "notes")?.unwrap_or_default();
    let (mut world, now) = store.lock();
    world.next.key += 1;
    let id = world.next.key;
    let token = random_token(128);
    world.account_mut(&caller.username)?.api_keys.push(ApiKey {
        id,
        notes,
        token: token.clone(),
        created_at: now,
        revoked: false,
    });
    world.log(
        &caller.username,
        now,
        "Create API token",
        &caller.username,
        None,
    );
    Ok(Json(json!({ "status": "ok", "token": token })))
}

fn key_id(raw: &str) -> SimResult<u64> {
    raw.parse()
        .map_err(|_| SimError::not_found("key not found"))
}

/// `PUT /keys/{id} {notes}`.
pub async fn rename_key(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = key_id(&id)?;
    let notes = req_str(&body, "notes")?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let key = account
        .api_keys
        .iter_mut()
        .find(|k| k.id == id)
        .ok_or_else(|| SimError::not_found("key not found"))?;
    key.notes = notes;
    Ok(Json(json!({ "status": "ok" })))
}

/// `DELETE /keys/{id}`: the token stops working at once.
pub async fn delete_key(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = key_id(&id)?;
    let (mut world, now) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let before = account.api_keys.len();
    account.api_keys.retain(|k| k.id != id);
    if account.api_keys.len() == before {
        return Err(SimError::not_found("key not found"));
    }
    world.log(
        &caller.username,
        now,
        "Delete API token",
        &caller.username,
        None,
    );
    Ok(Json(json!({ "status": "ok" })))
}
