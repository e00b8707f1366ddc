//! The cloud-script library (`/scripts`, at most 20 per user).

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_bool, opt_str, JsonBody};
use crate::api::wire;
use crate::world::error::{SimError, SimResult};
use crate::world::records::{parse_id, Records};
use crate::world::scripts::{Script, MAX_SCRIPTS};

fn script_json(script: &Script) -> Value {
    json!({
        "id": script.id,
        "user": script.user,
        "title": script.title,
        "content": script.content,
        "windows": script.windows,
        "public": script.public,
        "category": script.category,
    })
}

/// `GET /scripts`.
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let scripts = &world.account(&user)?.scripts;
    Ok(Json(wire::list_of("scripts", scripts, script_json)))
}

/// `GET /scripts/{id}`.
pub async fn get(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<Script>(&id)?;
    let (world, _) = store.lock();
    let script = world.account(&user)?.scripts.by_id(id)?;
    Ok(Json(
        json!({ "status": "ok", "script": script_json(script) }),
    ))
}

/// `POST /scripts {title, content, windows}`.
pub async fn create(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let title = opt_str(&body, "title")?.filter(|t| !t.trim().is_empty());
    let title = title.ok_or_else(|| SimError::bad("Error title cant be null"))?;
    let content = opt_str(&body, "content")?.filter(|c| !c.trim().is_empty());
    let content = content.ok_or_else(|| SimError::bad("Error content cant be null"))?;
    let windows = opt_bool(&body, "windows")?.unwrap_or(false);
    let (mut world, now) = store.lock();
    if world.account(&user)?.scripts.len() >= MAX_SCRIPTS {
        return Err(SimError::bad(
            "Error can't have more then 20 scripts remove a script before try to create another",
        ));
    }
    world.next.script += 1;
    let script = Script {
        id: world.next.script,
        user: user.clone(),
        title,
        content,
        windows,
        public: false,
        category: None,
    };
    let answer = script_json(&script);
    world.account_mut(&user)?.scripts.push(script);
    world.log(&user, now, "Create script", &user, None);
    Ok(Json(json!({ "status": "ok", "script": answer })))
}

/// `PUT|PATCH /scripts/{id}`: every field optional.
pub async fn update(
    Call { store, user }: Call,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let id = parse_id::<Script>(&id)?;
    let title = opt_str(&body, "title")?;
    let content = opt_str(&body, "content")?;
    let windows = opt_bool(&body, "windows")?;
    if title.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(SimError::bad("Error title cant be null"));
    }
    if content.as_deref().is_some_and(|c| c.trim().is_empty()) {
        return Err(SimError::bad("Error content cant be null"));
    }
    let (mut world, _) = store.lock();
    let script = world.account_mut(&user)?.scripts.by_id_mut(id)?;
    if let Some(title) = title {
        script.title = title;
    }
    if let Some(content) = content {
        script.content = content;
    }
    if let Some(windows) = windows {
        script.windows = windows;
    }
    Ok(Json(
        json!({ "status": "ok", "script": script_json(script) }),
    ))
}

/// `DELETE /scripts/{id}`.
pub async fn delete(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<Script>(&id)?;
    let (mut world, _) = store.lock();
    world.account_mut(&user)?.scripts.remove_by_id(id)?;
    Ok(Json(json!({ "status": "ok" })))
}
