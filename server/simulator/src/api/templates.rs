//! Private templates (`/templates`): made from a server or a snapshot through an action, found by
//! id or by name, updated with PUT (docs) or PATCH (SDK).

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{opt_int, opt_str, JsonBody};
use crate::api::wire;
use crate::util::{fake_uuid, iso};
use crate::world::account::Account;
use crate::world::actions::{Effect, NewAction};
use crate::world::catalogue;
use crate::world::error::{SimError, SimResult};
use crate::world::images::image_named;
use crate::world::library::{ImageStatus, Template};

fn template_json(template: &Template, legacy: bool) -> Value {
    json!({
        "id": template.id,
        "name": template.name,
        "creation_date": iso(&template.creation_date),
        "deletion_date": null,
        "active_flag": template.active_flag,
        "status": wire::status_code(template.status.code(), legacy),
        "uuid": fake_uuid(template.id ^ 0xE1),
        "description": template.description,
        "notes": template.notes,
        "public": false,
        "cloud_image": false,
        "so_base": template.so_base,
        "required_disk": template.required_disk,
        "api_version": "v5",
        "api_version_value": 5,
        "version": "",
    })
}

/// Where a new template comes from: (so_base, required disk, resource name for the log).
fn source(
    account: &Account,
    body: &serde_json::Map<String, Value>,
) -> SimResult<(String, u32, String)> {
    if let Some(name) = opt_str(body, "server")?.filter(|s| !s.is_empty()) {
        let server = account
            .servers
            .get(&name)
            .ok_or_else(|| SimError::bad("server not found"))?;
        if server.api_version == 1 {
            return Err(SimError::bad("Template can't be created for v1 server"));
        }
        if server.plan == "ECS1GPU8" {
            return Err(SimError::bad(
                "Template can't be created for ECS1GPU8 server",
            ));
        }
        server.ensure_idle()?;
        let so_base = image_named(&server.image).map_or("linux", |i| i.so_base);
        let disk = catalogue::plan(&server.plan).map_or(20, |p| p.disk);
        return Ok((so_base.to_string(), disk, name));
    }
    if let Some(id) = opt_int(body, "snapshot")? {
        let snap = account
            .snapshots
            .iter()
            .find(|s| i64::try_from(s.id).ok() == Some(id) && s.status == ImageStatus::Created)
            .ok_or_else(|| SimError::bad("snapshot not found"))?;
        let server = account.servers.get(&snap.server);
        let so_base = server
            .and_then(|s| image_named(&s.image))
            .map_or("linux", |i| i.so_base);
        let disk = server
            .and_then(|s| catalogue::plan(&s.plan))
            .map_or(20, |p| p.disk);
        return Ok((so_base.to_string(), disk, snap.name.clone()));
    }
    Err(SimError::topic("server"))
}

/// `POST /templates {server | snapshot, description, notes}` → `{status, action_id, template}`.
pub async fn create(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let (so_base, required_disk, origin) = source(world.account(&user)?, &body)?;
    world.next.template += 1;
    let id = world.next.template;
    let name = format!("ei{}", 100_000 + id);
    let template = Template {
        id,
        name: name.clone(),
        creation_date: now,
        status: ImageStatus::Creating,
        active_flag: false,
        description: opt_str(&body, "description")?.unwrap_or_default(),
        notes: opt_str(&body, "notes")?.unwrap_or_default(),
        so_base,
        required_disk,
    };
    let answer = template_json(&template, legacy);
    world.account_mut(&user)?.templates.push(template);
    let new = NewAction {
        kind: "create_template",
        resource: name.clone(),
        resource_type: "DI",
        duration: world.timing.task,
        effect: Effect::CreateTemplate { id },
        fail: None,
    };
    let action_id = world.start_action(&user, new, now)?;
    world.log(
        &user,
        now,
        "Create template",
        &name,
        Some(format!("from {origin}")),
    );
    Ok(Json(
        json!({ "status": "ok", "action_id": action_id, "template": answer }),
    ))
}

/// `GET /templates`.
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let templates = &world.account(&user)?.templates;
    Ok(Json(wire::list_of("templates", templates, |t| {
        template_json(t, legacy)
    })))
}

/// `GET /templates/{id or name}`.
pub async fn get(Call { store, user }: Call, Path(key): Path<String>) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let template = world.account(&user)?.template(&key)?;
    Ok(Json(
        json!({ "status": "ok", "template": template_json(template, legacy) }),
    ))
}

/// `PUT|PATCH /templates/{id or name} {description, notes}`.
pub async fn update(
    Call { store, user }: Call,
    Path(key): Path<String>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let description = opt_str(&body, "description")?;
    let notes = opt_str(&body, "notes")?;
    if description.is_none() && notes.is_none() {
        return Err(SimError::topic("description"));
    }
    let legacy = store.legacy();
    let (mut world, _) = store.lock();
    let template = world.account_mut(&user)?.template_mut(&key)?;
    if let Some(description) = description {
        template.description = description;
    }
    if let Some(notes) = notes {
        template.notes = notes;
    }
    Ok(Json(
        json!({ "status": "ok", "template": template_json(template, legacy) }),
    ))
}

/// `DELETE /templates/{id or name}` → `{status, action}` (`delete_template`).
pub async fn delete(Call { store, user }: Call, Path(key): Path<String>) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let template = world.account_mut(&user)?.template_mut(&key)?;
    if template.status != ImageStatus::Created {
        return Err(SimError::bad(
            "Template is busy: wait for the action in progress to complete",
        ));
    }
    template.status = ImageStatus::Deleting;
    template.active_flag = false;
    let (id, name) = (template.id, template.name.clone());
    let new = NewAction {
        kind: "delete_template",
        resource: name.clone(),
        resource_type: "DI",
        duration: world.timing.task,
        effect: Effect::DeleteTemplate { id },
        fail: None,
    };
    let action_id = world.start_action(&user, new, now)?;
    world.log(&user, now, "Delete template", &name, None);
    let action = wire::action_of(world.account(&user)?, action_id, now, legacy);
    Ok(Json(json!({ "status": "ok", "action": action })))
}
