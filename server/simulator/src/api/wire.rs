//! JSON shaping for the two forms the simulator speaks: the live service's (string sizes, ISO
//! dates with offset, status codes like `CD`) and, with `legacy_forms`, the older documented ones
//! (numeric sizes, word statuses, `error` for a failed action, `new_server`). Only the shared shapes
//! live here; each resource module shapes its own small objects.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::util::{fake_uuid, iso, iso_opt, plain};
use crate::world::account::Account;
use crate::world::actions::{Action, ActionStatus};
use crate::world::catalogue;
use crate::world::images::Image;
use crate::world::library::status_label;
use crate::world::servers::{Server, ServerStatus};
use crate::world::support::{Reservation, Support};

/// A status code of images, templates and snapshots, or its word in the legacy forms.
pub fn status_code(code: &'static str, legacy: bool) -> &'static str {
    if !legacy {
        return code;
    }
    status_label(code)
}

/// A size as the live API sends it (a string) or as the older docs print it (a number).
fn size(value: u32, legacy: bool) -> Value {
    if legacy {
        json!(value)
    } else {
        json!(value.to_string())
    }
}

pub fn server(s: &Server, account: &Account, now: DateTime<Utc>, legacy: bool) -> Value {
    let plan = catalogue::plan(&s.plan);
    let plan_size = plan.map_or(Value::Null, |p| {
        json!({
            "core": size(p.cpu, legacy),
            "ram": size(p.ram, legacy),
            "disk": size(p.disk, legacy),
            "gpu": size(p.gpu, legacy),
            "gpu_label": p.gpu_label.map_or(if legacy { json!("") } else { Value::Null }, Value::from),
            "host_type": p.host_type,
        })
    });
    let progress = match (s.busy.and_then(|id| account.action(id)), s.status) {
        (Some(action), ServerStatus::Booting) => action.progress(now),
        (_, ServerStatus::Fail) => 0,
        (Some(action), ServerStatus::Deleting | ServerStatus::Reimaging) => action.progress(now),
        _ => 100,
    };
    let reserved_until = s.reserved_until(now);
    let date = |d: &DateTime<Utc>| if legacy { plain(d) } else { iso(d) };
    json!({
        "name": s.name,
        "ipv4": s.ipv4,
        "ipv6": s.ipv6,
        "group": s.group,
        "plan": s.plan,
        "plan_size": plan_size,
        "reserved_plans": s.reservations.iter().map(|r| reservation(r, &s.name, legacy)).collect::<Vec<_>>(),
        "last_restored_snapshot": s.last_restored_snapshot,
        "is_reserved": reserved_until.is_some(),
        "reserved_until": reserved_until.as_ref().map_or(String::new(), date),
        "support": s.support.as_ref().map(|sup| support(sup, s, now)),
        "location": s.location,
        "location_label": catalogue::region(&s.location).map_or(s.location.as_str(), |r| r.description),
        "notes": s.notes,
        "so": s.image,
        "so_label": s.so_label,
        "creation_date": date(&s.creation_date),
        "deletion_date": s.deletion_date.as_ref().map(date),
        "active_flag": s.active_flag,
        "status": s.status.label(),
        "progress": progress,
        "api_version": format!("v{}", s.api_version),
        "api_version_value": s.api_version,
        "user": account.username,
        "virttype": "KVM",
    })
}

pub fn action(a: &Action, now: DateTime<Utc>, legacy: bool) -> Value {
    let status = match a.status {
        ActionStatus::InProgress => "in-progress",
        ActionStatus::Completed => "completed",
        ActionStatus::Failed if legacy => "error",
        ActionStatus::Failed => "failed",
    };
    let kind = match a.kind {
        "create_server" if legacy => "new_server",
        other => other,
    };
    let resource_type = match a.resource_type {
        "DI" if legacy => "ECI",
        other => other,
    };
    json!({
        "id": a.id,
        "status": status,
        "user": a.user,
        "created_at": iso(&a.created_at),
        "started_at": iso(&a.started_at),
        "completed_at": iso_opt(&a.completed_at),
        "resource": a.resource,
        "resource_type": resource_type,
        "type": kind,
        "progress": a.progress(now),
    })
}

pub fn image(i: &Image, legacy: bool) -> Value {
    json!({
        "id": i.id,
        "name": i.name,
        "creation_date": i.created,
        "deletion_date": null,
        "active_flag": true,
        "status": status_code("CD", legacy),
        "uuid": fake_uuid(u64::from(i.id)),
        "description": i.description,
        "notes": i.notes(),
        "public": true,
        "cloud_image": i.cloud,
        "so_base": i.so_base,
        "required_disk": if i.windows() { 40 } else { 10 },
        "api_version": "v4",
        "api_version_value": 4,
        "version": i.version,
    })
}

/// `{"status": "ok", <key>: [...]}`, the usual list envelope.
pub fn list(key: &str, items: Vec<Value>) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("status".into(), "ok".into());
    map.insert(key.into(), Value::Array(items));
    Value::Object(map)
}

/// The list envelope around every item of `items`, each in the form `form` gives it.
pub fn list_of<T>(key: &str, items: &[T], form: impl Fn(&T) -> Value) -> Value {
    list(key, items.iter().map(form).collect())
}

/// A ServerSupport record (`weigth` sic, as the live API spells it).
pub fn support(sup: &Support, server: &Server, now: DateTime<Utc>) -> Value {
    json!({
        "server__name": server.name,
        "server_notes": server.notes,
        "support_title": sup.code,
        "support_code": sup.code,
        "immutable": sup.immutable,
        "start": iso(&sup.start),
        "end": iso(&sup.end()),
        "may_downgrade": sup.may_downgrade(now),
        "weigth": sup.weight,
        "days": sup.days,
        "cancelled": sup.cancelled,
        "cancelled_at": sup.cancelled_at.as_ref().map(iso),
    })
}

/// The DiscountRecord; the live service says `reserved_months`, the docs `reserved_month`.
pub fn reservation(r: &Reservation, server: &str, legacy: bool) -> Value {
    let months_key = if legacy {
        "reserved_month"
    } else {
        "reserved_months"
    };
    let date = |d: &DateTime<Utc>| if legacy { plain(d) } else { iso(d) };
    json!({
        "reserved_plan": r.reserved_plan,
        months_key: r.months,
        "plan": r.plan_id,
        "discount": r.discount,
        "start_date": date(&r.start),
        "end_date": date(&r.end),
        "server": server,
    })
}

/// The action `id` of `account` (null if there is none: it was just started, so there is one).
pub fn action_of(account: &Account, id: u64, now: DateTime<Utc>, legacy: bool) -> Value {
    account
        .action(id)
        .map_or(Value::Null, |a| action(a, now, legacy))
}
