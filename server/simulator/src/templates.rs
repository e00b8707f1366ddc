//! Private templates (`/templates`): made from a server or a snapshot through an action, found by
//! id or by name, updated with PUT (docs) or PATCH (SDK).

use axum::extract::{Path, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::actions::{Effect, NewAction};
use super::auth::Caller;
use super::catalogue;
use super::error::{SimError, SimResult};
use super::input::{opt_int, opt_str, JsonBody};
use super::snapshots::SnapshotStatus;
use super::store::{Account, Store};
use super::util::{fake_uuid, iso};
use super::wire;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateStatus {
    Creating,
    Created,
    Deleting,
}

impl TemplateStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Creating => "CG",
            Self::Created => "CD",
            Self::Deleting => "DE",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Template {
    pub id: u64,
    pub name: String,
    pub creation_date: DateTime<Utc>,
    pub status: TemplateStatus,
    pub active_flag: bool,
    pub description: String,
    pub notes: String,
    pub so_base: String,
    pub required_disk: u32,
}

impl Template {
    pub fn is_usable(&self) -> bool {
        self.status == TemplateStatus::Created
    }

    pub fn to_json(&self, legacy: bool) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "creation_date": iso(&self.creation_date),
            "deletion_date": null,
            "active_flag": self.active_flag,
            "status": wire::status_code(self.status.code(), legacy),
            "uuid": fake_uuid(self.id ^ 0xE1),
            "description": self.description,
            "notes": self.notes,
            "public": false,
            "cloud_image": false,
            "so_base": self.so_base,
            "required_disk": self.required_disk,
            "api_version": "v5",
            "api_version_value": 5,
            "version": "",
        })
    }
}

/// A template by numeric id or by name (`ei…`).
fn find<'a>(account: &'a Account, key: &str) -> SimResult<&'a Template> {
    account
        .templates
        .iter()
        .find(|t| t.name == key || t.id.to_string() == key)
        .ok_or_else(|| SimError::not_found("template not found"))
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
        let so_base = catalogue::image_named(&server.image).map_or("linux", |i| i.so_base);
        let disk = catalogue::plan(&server.plan).map_or(20, |p| p.disk);
        return Ok((so_base.to_string(), disk, name));
    }
    if let Some(id) = opt_int(body, "snapshot")? {
        let snap = account
            .snapshots
            .iter()
            .find(|s| i64::try_from(s.id).ok() == Some(id) && s.status == SnapshotStatus::Created)
            .ok_or_else(|| SimError::bad("snapshot not found"))?;
        let server = account.servers.get(&snap.server);
        let so_base = server
            .and_then(|s| catalogue::image_named(&s.image))
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
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let (so_base, required_disk, origin) = source(world.account(&caller.username)?, &body)?;
    world.next.template += 1;
    let id = world.next.template;
    let name = format!("ei{}", 100_000 + id);
    let template = Template {
        id,
        name: name.clone(),
        creation_date: now,
        status: TemplateStatus::Creating,
        active_flag: false,
        description: opt_str(&body, "description")?.unwrap_or_default(),
        notes: opt_str(&body, "notes")?.unwrap_or_default(),
        so_base,
        required_disk,
    };
    let answer = template.to_json(legacy);
    world
        .account_mut(&caller.username)?
        .templates
        .push(template);
    let new = NewAction {
        kind: "create_template",
        resource: name.clone(),
        resource_type: "DI",
        duration: world.timing.task,
        effect: Effect::CreateTemplate { id },
        fail: None,
    };
    let action_id = world.start_action(&caller.username, new, now)?;
    world.log(
        &caller.username,
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
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let items = world
        .account(&caller.username)?
        .templates
        .iter()
        .map(|t| t.to_json(legacy))
        .collect();
    Ok(Json(wire::list("templates", items)))
}

/// `GET /templates/{id or name}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<String>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let template = find(world.account(&caller.username)?, &key)?;
    Ok(Json(
        json!({ "status": "ok", "template": template.to_json(legacy) }),
    ))
}

/// `PUT|PATCH /templates/{id or name} {description, notes}`.
pub async fn update(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
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
    let account = world.account_mut(&caller.username)?;
    let id = find(account, &key)?.id;
    let template = account
        .templates
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| SimError::not_found("template not found"))?;
    if let Some(description) = description {
        template.description = description;
    }
    if let Some(notes) = notes {
        template.notes = notes;
    }
    Ok(Json(
        json!({ "status": "ok", "template": template.to_json(legacy) }),
    ))
}

/// `DELETE /templates/{id or name}` → `{status, action}` (`delete_template`).
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(key): Path<String>,
) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let account = world.account_mut(&caller.username)?;
    let (id, name, status) = {
        let t = find(account, &key)?;
        (t.id, t.name.clone(), t.status)
    };
    if status != TemplateStatus::Created {
        return Err(SimError::bad(
            "Template is busy: wait for the action in progress to complete",
        ));
    }
    if let Some(t) = account.templates.iter_mut().find(|t| t.id == id) {
        t.status = TemplateStatus::Deleting;
        t.active_flag = false;
    }
    let new = NewAction {
        kind: "delete_template",
        resource: name.clone(),
        resource_type: "DI",
        duration: world.timing.task,
        effect: Effect::DeleteTemplate { id },
        fail: None,
    };
    let action_id = world.start_action(&caller.username, new, now)?;
    world.log(&caller.username, now, "Delete template", &name, None);
    let account = world.account(&caller.username)?;
    let action = account
        .action(action_id)
        .map(|a| wire::action(a, now, legacy));
    Ok(Json(json!({ "status": "ok", "action": action })))
}
