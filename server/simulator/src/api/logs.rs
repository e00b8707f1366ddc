//! `/logs`, the audit log: who did what, from where.

use axum::extract::{Path, Query};
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::listing::PageQuery;
use crate::util::iso_z;
use crate::world::error::SimResult;
use crate::world::logs::{LogEntry, Severity};
use crate::world::records::{parse_id, Records};

fn target_type(target: &str) -> &'static str {
    if target.starts_with("ec") {
        "Server"
    } else if target.starts_with("ei") {
        "Template"
    } else if target.starts_with("eg") {
        "Group"
    } else if target.starts_with("net") {
        "Network"
    } else if !target.is_empty() && target.bytes().all(|b| b.is_ascii_digit()) {
        "Snapshot"
    } else {
        "User"
    }
}

fn entry_json(entry: &LogEntry) -> Value {
    let (severity, status) = match entry.severity {
        Severity::Info => ("info", "success"),
        Severity::Warning => ("warning", "success"),
        Severity::Error => ("error", "failure"),
    };
    let url = if entry.action == "Login" {
        Value::from("https://api.seeweb.it/ecs/v2/login")
    } else {
        Value::Null
    };
    json!({
        "id": entry.id,
        "actor": entry.actor,
        "action": entry.action,
        "severity": severity,
        "status": status,
        "target_type": target_type(&entry.target),
        "target": entry.target,
        "created_at": iso_z(&entry.created_at),
        "ip_address": "127.0.0.1",
        "user_agent": null,
        "url": url,
        "location": null,
        "result_type": null,
        "result": null,
        "description": entry.description,
        "extra_data": entry.extra,
    })
}

/// `GET /logs`: newest first, with the same paging and resource filter as `/actions`.
pub async fn list(
    Call { store, user }: Call,
    Query(query): Query<PageQuery>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&user)?;
    let page = query.page(&account.logs, |l| &l.target)?;
    let logs: Vec<Value> = page.items.iter().map(|l| entry_json(l)).collect();
    Ok(Json(json!({ "total_logs": page.total, "logs": logs })))
}

/// `GET /logs/{id}`: the bare entry, as documented.
pub async fn get(Call { store, user }: Call, Path(id): Path<String>) -> SimResult<Json<Value>> {
    let id = parse_id::<LogEntry>(&id)?;
    let (world, _) = store.lock();
    let entry = world.account(&user)?.logs.by_id(id)?;
    Ok(Json(entry_json(entry)))
}
