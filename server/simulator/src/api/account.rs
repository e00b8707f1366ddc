//! `/account` (profile, password) and `/keys` (API tokens, which never expire until deleted).

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_str, req_str, JsonBody};
use crate::util::{plain, random_token};
use crate::world::account::ApiKey;
use crate::world::error::SimResult;
use crate::world::records::{parse_id, Records};

/// `GET /account`.
pub async fn get(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&user)?;
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
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let password = req_str(&body, "password")?;
    let (mut world, now) = store.lock();
    world.account_mut(&user)?.password = password;
    world.log(&user, now, "Change password", &user, None);
    Ok(Json(json!({ "status": "ok" })))
}

/// `GET /keys`: a bare array, as documented (the token itself is never shown again).
pub async fn list_keys(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let keys: Vec<Value> = world
        .account(&user)?
        .api_keys
        .iter()
        .map(|k| json!({ "id": k.id, "notes": k.notes, "created_at": plain(&k.created_at) }))
        .collect();
    Ok(Json(Value::Array(keys)))
}

/// `POST /keys {notes}` → `{status, token}`: the only time the token is shown.
pub async fn create_key(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let notes = opt_str(&body, "notes")?.unwrap_or_default();
    let (mut world, now) = store.lock();
    world.next.key += 1;
    let id = world.next.key;
    let token = random_token(128);
    world.account_mut(&user)?.api_keys.push(ApiKey {
        id,
        notes: notes.clone(),
        token: token.clone(),
        created_at: now,
        revoked: false,
    });
    world.log_with(
        &user,
        now,
        "Create API token",
        &user,
        json!({ "id": id, "notes": notes }),
    );
    Ok(Json(json!({ "status": "ok", "token": token })))
}

/// `PUT /keys/{id} {notes}`.
pub async fn rename_key(
    Call { store, user }: Call,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = parse_id::<ApiKey>(&id)?;
    let notes = req_str(&body, "notes")?;
    let (mut world, _) = store.lock();
    let account = world.account_mut(&user)?;
    account.api_keys.by_id_mut(id)?.notes = notes;
    Ok(Json(json!({ "status": "ok" })))
}

/// `DELETE /keys/{id}`: the token stops working at once.
pub async fn delete_key(
    Call { store, user }: Call,
    Path(id): Path<String>,
) -> SimResult<Json<Value>> {
    let id = parse_id::<ApiKey>(&id)?;
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    account.api_keys.remove_by_id(id)?;
    world.log_with(&user, now, "Delete API token", &user, json!({ "id": id }));
    Ok(Json(json!({ "status": "ok" })))
}
