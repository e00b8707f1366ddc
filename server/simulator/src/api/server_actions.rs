//! `POST /servers/{name}/actions`: power_on, power_off, console and rollback. The live service
//! answers with the bare action; the older docs wrap it as `{action}`.

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_int, opt_str, JsonBody};
use crate::api::wire;
use crate::util::random_uuid;
use crate::world::actions::{Effect, NewAction};
use crate::world::error::{SimError, SimResult};
use crate::world::library::ImageStatus;
use crate::world::servers::ServerStatus;

/// `POST /servers/{name}/actions {type, snapshot?}`.
pub async fn run(
    Call { store, user }: Call,
    Path(name): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let kind = opt_str(&body, "type")?.filter(|t| !t.trim().is_empty());
    let kind = kind.ok_or_else(|| SimError::bad("action type is required"))?;
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let timing = world.timing;
    let account = world.account_mut(&user)?;
    let server = account.server(&name)?;
    let (kind, duration, effect): (&'static str, f64, Effect) = match kind.trim() {
        "power_on" => {
            server.ensure_idle()?;
            (
                "power_on",
                timing.power,
                Effect::PowerOn {
                    server: name.clone(),
                },
            )
        }
        "power_off" => {
            server.ensure_idle()?;
            (
                "power_off",
                timing.power,
                Effect::PowerOff {
                    server: name.clone(),
                },
            )
        }
        "console" => {
            if server.api_version == 1 {
                return Err(SimError::bad("Console is not available for v1 servers"));
            }
            if server.status == ServerStatus::Fail || server.ipv4.is_empty() {
                return Err(SimError::bad("Server is not running"));
            }
            ("console", 1.0, Effect::None)
        }
        "rollback" => {
            server.ensure_idle()?;
            let snapshot =
                opt_int(&body, "snapshot")?.ok_or_else(|| SimError::topic("snapshot"))?;
            let snap = account
                .snapshots
                .iter_mut()
                .find(|s| s.server == name && i64::try_from(s.id).ok() == Some(snapshot))
                .filter(|s| s.status == ImageStatus::Created)
                .ok_or_else(|| SimError::not_found("snapshot not found"))?;
            snap.restoring = true;
            let id = snap.id;
            account.server_mut(&name)?.status = ServerStatus::Reimaging;
            (
                "rollback",
                timing.task,
                Effect::Rollback {
                    server: name.clone(),
                    snapshot: id,
                },
            )
        }
        _ => {
            return Err(SimError::bad(
                "invalid action type: use power_on, power_off, console or rollback",
            ))
        }
    };
    let new = NewAction {
        kind,
        resource: name.clone(),
        resource_type: "ECS",
        duration,
        effect,
        fail: None,
    };
    let id = world.start_action(&user, new, now)?;
    if kind != "console" {
        world.account_mut(&user)?.server_mut(&name)?.busy = Some(id);
    }
    world.log(&user, now, &format!("Server action {kind}"), &name, None);
    let action = wire::action_of(world.account(&user)?, id, now, legacy);
    let console_key = (kind == "console").then(random_uuid);
    if legacy {
        let mut wrapped = json!({ "action": action });
        if let Some(key) = console_key {
            wrapped["console_key"] = key.into();
        }
        return Ok(Json(wrapped));
    }
    let mut bare = action;
    if let (Some(key), Some(map)) = (console_key, bare.as_object_mut()) {
        map.insert("console_key".into(), key.into());
    }
    Ok(Json(bare))
}
