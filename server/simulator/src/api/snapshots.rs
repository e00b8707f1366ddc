//! Snapshots of a server (`/servers/{n}/snapshots`) and its weekly snapshot schedule
//! (`/servers/{n}/crons`). At most 12 snapshots of a server may be protected.

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Map, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_bool, opt_int, opt_str, JsonBody};
use crate::api::wire;
use crate::util::{fake_uuid, iso_z, iso_z_opt};
use crate::world::account::Account;
use crate::world::actions::{Effect, NewAction};
use crate::world::error::{SimError, SimResult};
use crate::world::library::{status_label, ImageStatus};
use crate::world::snapshots::{protected_on, Cron, Snapshot, MAX_PROTECTED};

fn snapshot_json(snapshot: &Snapshot, user: &str) -> Value {
    json!({
        "id": snapshot.id,
        "name": snapshot.name,
        "user": user,
        "snapshot_parent": null,
        "snapshot_parent_name": null,
        "is_last_restored": snapshot.is_last_restored,
        "protected": snapshot.protected,
        "restoring": snapshot.restoring,
        "source_server": snapshot.server,
        "status": snapshot.status.code(),
        "status_label": status_label(snapshot.status.code()),
        "uid": fake_uuid(snapshot.id ^ 0x5A),
        "description": snapshot.description,
        "notes": snapshot.notes,
        "active_flag": snapshot.active_flag,
        "size_on_disk": snapshot.size_on_disk,
        "created_at": iso_z(&snapshot.created_at),
        "updated_at": iso_z(&snapshot.updated_at),
        "deleted_at": iso_z_opt(&snapshot.deleted_at),
        "api_version_value": 5,
        "api_version": "v5",
    })
}

fn cron_json(cron: &Cron) -> Value {
    json!({
        "name": cron.name(),
        "schedule": format!("0 0 * * {} (m/h/dM/MY/d) UTC", cron.day_of_week),
        "enabled": cron.enabled,
        "last_run_at": iso_z_opt(&cron.last_run_at),
        "infos": { "max_retention": cron.max_retention, "day_of_week": cron.day_of_week },
        "last_run_status": cron.last_run_at.map(|_| "ok"),
    })
}

fn find_snapshot<'a>(
    account: &'a mut Account,
    server: &str,
    id: &str,
) -> SimResult<&'a mut Snapshot> {
    account.server(server)?;
    account
        .snapshots
        .iter_mut()
        .find(|s| s.server == server && s.id.to_string() == id)
        .ok_or_else(|| SimError::not_found("snapshot not found"))
}

/// `POST /servers/{n}/snapshots {description, notes}` → `{status, snapshot, action}`.
pub async fn create(
    Call { store, user }: Call,
    Path(server): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let description = opt_str(&body, "description")?.unwrap_or_default();
    let notes = opt_str(&body, "notes")?.unwrap_or_else(|| description.clone());
    let (mut world, now) = store.lock();
    world.next.snapshot += 1;
    let id = world.next.snapshot;
    let duration = world.timing.task;
    let account = world.account_mut(&user)?;
    let protected_count = protected_on(&account.snapshots, &server);
    let host = account.server_mut(&server)?;
    host.ensure_idle()?;
    host.snapshot_counter += 1;
    let snapshot = Snapshot {
        id,
        name: format!("{server}-SNP-{}", host.snapshot_counter),
        server: server.clone(),
        status: ImageStatus::Creating,
        description,
        notes,
        // Manual snapshots are protected (as in the docs' example) while the quota allows.
        protected: protected_count < MAX_PROTECTED,
        restoring: false,
        is_last_restored: false,
        active_flag: false,
        size_on_disk: None,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    let answer = snapshot_json(&snapshot, &user);
    account.snapshots.push(snapshot);
    let new = NewAction {
        kind: "create_snapshot",
        resource: id.to_string(),
        resource_type: "SNP",
        duration,
        effect: Effect::CreateSnapshot { id },
        fail: None,
    };
    let action_id = world.start_action(&user, new, now)?;
    // "It will disable the start of new actions on the Server until it completes."
    world.account_mut(&user)?.server_mut(&server)?.busy = Some(action_id);
    world.log(&user, now, "Create snapshot", &server, None);
    let action = wire::action_of(world.account(&user)?, action_id, now, legacy);
    Ok(Json(
        json!({ "status": "ok", "snapshot": answer, "action": action }),
    ))
}

/// `GET /servers/{n}/snapshots`.
pub async fn list(
    Call { store, user }: Call,
    Path(server): Path<String>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&user)?;
    account.server(&server)?;
    let items = account
        .snapshots
        .iter()
        .filter(|s| s.server == server)
        .map(|s| snapshot_json(s, &user))
        .collect();
    Ok(Json(wire::list("snapshots", items)))
}

/// `GET /servers/{n}/snapshots/{id}`.
pub async fn get(
    Call { store, user }: Call,
    Path((server, id)): Path<(String, String)>,
) -> SimResult<Json<Value>> {
    let (mut world, _) = store.lock();
    let snapshot = find_snapshot(world.account_mut(&user)?, &server, &id)?;
    Ok(Json(
        json!({ "status": "ok", "snapshot": snapshot_json(snapshot, &user) }),
    ))
}

/// `PATCH /servers/{n}/snapshots/{id} {description, notes, protected}`.
pub async fn update(
    Call { store, user }: Call,
    Path((server, id)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let description = opt_str(&body, "description")?;
    let notes = opt_str(&body, "notes")?;
    let protect = opt_bool(&body, "protected")?;
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    let protected_count = protected_on(&account.snapshots, &server);
    let snapshot = find_snapshot(account, &server, &id)?;
    if protect == Some(true) && !snapshot.protected && protected_count >= MAX_PROTECTED {
        return Err(SimError::bad(
            "Maximum number of protected snapshots reached (12)",
        ));
    }
    if let Some(description) = description {
        snapshot.description = description;
    }
    if let Some(notes) = notes {
        snapshot.notes = notes;
    }
    if let Some(protect) = protect {
        snapshot.protected = protect;
    }
    snapshot.updated_at = now;
    Ok(Json(
        json!({ "status": "ok", "snapshot": snapshot_json(snapshot, &user) }),
    ))
}

/// `DELETE /servers/{n}/snapshots/{id}` → `{status, snapshot, action}`.
pub async fn delete(
    Call { store, user }: Call,
    Path((server, id)): Path<(String, String)>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let duration = world.timing.task;
    let snapshot = find_snapshot(world.account_mut(&user)?, &server, &id)?;
    if snapshot.protected {
        return Err(SimError::bad(
            "Snapshot is protected: unprotect it before deleting it",
        ));
    }
    if snapshot.status != ImageStatus::Created || snapshot.restoring {
        return Err(SimError::bad(
            "Snapshot is busy: wait for the action in progress to complete",
        ));
    }
    snapshot.status = ImageStatus::Deleting;
    snapshot.active_flag = false;
    snapshot.deleted_at = Some(now);
    snapshot.updated_at = now;
    let (snap_id, answer) = (snapshot.id, snapshot_json(snapshot, &user));
    let new = NewAction {
        kind: "delete_snapshot",
        resource: snap_id.to_string(),
        resource_type: "SNP",
        duration,
        effect: Effect::DeleteSnapshot { id: snap_id },
        fail: None,
    };
    let action_id = world.start_action(&user, new, now)?;
    let action = wire::action_of(world.account(&user)?, action_id, now, legacy);
    Ok(Json(
        json!({ "status": "ok", "snapshot": answer, "action": action }),
    ))
}

fn schedule_values(config: &Map<String, Value>, current: Option<&Cron>) -> SimResult<(i64, i64)> {
    let retention = opt_int(config, "max_retention")?
        .or(current.map(|c| c.max_retention))
        .unwrap_or(2);
    let day = opt_int(config, "day_of_week")?
        .or(current.map(|c| c.day_of_week))
        .unwrap_or(0);
    if !(1..=30).contains(&retention) {
        return Err(SimError::bad("Invalid max_retention: use 1-30"));
    }
    if !(0..=6).contains(&day) {
        return Err(SimError::bad("Invalid day_of_week: use 0 (Sunday) to 6"));
    }
    Ok((retention, day))
}

/// `POST /servers/{n}/crons {type: snapshot_schedule, config: {typology: weekly, …}}`.
pub async fn create_cron(
    Call { store, user }: Call,
    Path(server): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let kind = opt_str(&body, "type")?.ok_or_else(|| SimError::topic("type"))?;
    if kind != "snapshot_schedule" {
        return Err(SimError::bad(
            "Invalid cron type: only snapshot_schedule is supported",
        ));
    }
    let config = body
        .get("config")
        .and_then(Value::as_object)
        .ok_or_else(|| SimError::topic("config"))?;
    if opt_str(config, "typology")?.as_deref() != Some("weekly") {
        return Err(SimError::bad("Invalid typology: only weekly is supported"));
    }
    let (max_retention, day_of_week) = schedule_values(config, None)?;
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    account.server(&server)?;
    if account.crons.iter().any(|c| c.server == server) {
        return Err(SimError::bad(
            "A snapshot schedule already exists for this server",
        ));
    }
    let cron = Cron {
        server: server.clone(),
        enabled: true,
        max_retention,
        day_of_week,
        since: now,
        last_run_at: None,
    };
    let answer = cron_json(&cron);
    account.crons.push(cron);
    world.log(&user, now, "Create snapshot schedule", &server, None);
    Ok(Json(json!({ "status": "ok", "cron": answer })))
}

fn cron_index(account: &Account, server: &str, name: &str) -> SimResult<usize> {
    account.server(server)?;
    account
        .crons
        .iter()
        .position(|c| c.server == server && c.name() == name)
        .ok_or_else(|| SimError::not_found("cron not found"))
}

/// `GET /servers/{n}/crons/snapshot_schedule_{n}`.
pub async fn get_cron(
    Call { store, user }: Call,
    Path((server, name)): Path<(String, String)>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&user)?;
    let index = cron_index(account, &server, &name)?;
    Ok(Json(
        json!({ "status": "ok", "cron": cron_json(&account.crons[index]) }),
    ))
}

/// `PATCH /servers/{n}/crons/snapshot_schedule_{n} {enabled, max_retention, day_of_week}`.
pub async fn update_cron(
    Call { store, user }: Call,
    Path((server, name)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let enabled = opt_bool(&body, "enabled")?;
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    let index = cron_index(account, &server, &name)?;
    let (max_retention, day_of_week) = schedule_values(&body, Some(&account.crons[index]))?;
    let cron = &mut account.crons[index];
    cron.max_retention = max_retention;
    cron.day_of_week = day_of_week;
    if let Some(enabled) = enabled {
        // A schedule resumed runs from now on, not for the weeks it was paused.
        if enabled && !cron.enabled {
            cron.since = now;
        }
        cron.enabled = enabled;
    }
    Ok(Json(json!({ "status": "ok", "cron": cron_json(cron) })))
}

/// `DELETE /servers/{n}/crons/snapshot_schedule_{n}` → the removed schedule.
pub async fn delete_cron(
    Call { store, user }: Call,
    Path((server, name)): Path<(String, String)>,
) -> SimResult<Json<Value>> {
    let (mut world, _) = store.lock();
    let account = world.account_mut(&user)?;
    let index = cron_index(account, &server, &name)?;
    let cron = account.crons.remove(index);
    Ok(Json(json!({ "status": "ok", "cron": cron_json(&cron) })))
}
