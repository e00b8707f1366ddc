//! Monthly consumption of `servers`, `templates` and `snapshots`, computed from the account's
//! resources (deleted servers included) up to the simulated now, in the documented row forms.

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::util::{cents, iso};
use crate::world::account::Account;
use crate::world::catalogue;
use crate::world::error::{SimError, SimResult};
use crate::world::library::status_label;
use crate::world::servers::Server;

/// Whole hours of [a, b) ∩ [c, d), rounded up (a started hour is billed).
fn overlap_hours(a: DateTime<Utc>, b: DateTime<Utc>, c: DateTime<Utc>, d: DateTime<Utc>) -> i64 {
    let (start, end) = (a.max(c), b.min(d));
    if end <= start {
        return 0;
    }
    ((end - start).num_seconds() + 3599) / 3600
}

fn server_row(
    s: &Server,
    year: i32,
    month: u32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Option<Value> {
    let plan = catalogue::plan(&s.plan)?;
    let end = s.deletion_date.unwrap_or(to);
    let hours = overlap_hours(s.creation_date, end, from, to);
    if hours == 0 {
        return None;
    }
    let original = plan.hourly * hours as f64;
    let mut reduction_total = 0.0;
    let discounts: Vec<Value> = s
        .reservations
        .iter()
        .filter_map(|r| {
            let reserved_hours =
                overlap_hours(r.start, r.end, s.creation_date.max(from), end.min(to));
            (reserved_hours > 0).then(|| {
                let full = plan.hourly * reserved_hours as f64;
                let reduction = full * f64::from(r.discount) / 100.0;
                reduction_total += reduction;
                json!({
                    "reserved_plan": r.reserved_plan,
                    "reserved_hour": reserved_hours,
                    "reserved_discount": r.discount,
                    "reserved_price": cents(full - reduction),
                    "reserved_reduction": cents(reduction),
                    "reserved_start_date": iso(&r.start),
                    "reserved_end_date": iso(&r.end),
                })
            })
        })
        .collect();
    let reserved_hours: i64 = discounts
        .iter()
        .filter_map(|d| d["reserved_hour"].as_i64())
        .sum();
    let online = (hours - reserved_hours).max(0);
    Some(json!({
        "plan": s.plan,
        "name": s.name,
        "group": s.group,
        "notes": s.notes,
        "status": s.status.label(),
        "year": year,
        "month": month,
        "creation_date": iso(&s.creation_date),
        "deletion_date": s.deletion_date.as_ref().map(iso),
        "billed_hours": hours,
        "cost": cents(original - reduction_total),
        "summary": {
            "online_hour": online,
            "online_price": cents(plan.hourly * online as f64),
            "offline_hour": 0,
            "offline_discount": 20,
            "offline_price": 0.0,
            "offline_reduction": 0.0,
            "reserved_discounts": discounts,
            "original_cost": cents(original),
        }
    }))
}

/// The rows of one month of `kind` (`servers`, `templates` or `snapshots`) over [from, to).
pub fn rows(
    account: &Account,
    kind: &str,
    year: i32,
    month: u32,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> SimResult<Value> {
    match kind {
        "servers" => Ok(Value::Array(
            account
                .servers
                .values()
                .chain(account.graveyard.iter())
                .filter_map(|s| server_row(s, year, month, from, to))
                .collect(),
        )),
        "templates" => Ok(Value::Array(
            account
                .templates
                .iter()
                .filter_map(|t| {
                    let hours = overlap_hours(t.creation_date, to, from, to);
                    let size = i64::from(t.required_disk) * 75_000;
                    (hours > 0).then(|| {
                        json!({
                            "cost": cents(hours as f64 * 0.0033),
                            "name": t.name,
                            "status": status_label(t.status.code()),
                            "creation_date": iso(&t.creation_date),
                            "deletion_date": null,
                            "notes": t.notes,
                            "year": year,
                            "month": month,
                            "hours": hours,
                            "size_on_disk": size,
                        })
                    })
                })
                .collect(),
        )),
        "snapshots" => {
            let items: Vec<Value> = account
                .snapshots
                .iter()
                .filter_map(|s| {
                    let hours = overlap_hours(s.created_at, s.deleted_at.unwrap_or(to), from, to);
                    (hours > 0).then(|| {
                        json!({
                            "snapshot": s.id,
                            "snapshot_name": s.name,
                            "snapshot_status": if s.deleted_at.is_some() { "DE" } else { "CD" },
                            "snapshot_status_label": if s.deleted_at.is_some() { "Deleting" } else { "Created" },
                            "snapshot_description": s.description,
                            "snapshot_created_at": iso(&s.created_at),
                            "snapshot_deleted_at": s.deleted_at.as_ref().map(iso),
                            "size_on_disk": s.size_on_disk.unwrap_or(0),
                            "hours": hours,
                            "final_cost": cents(hours as f64 * 0.0015),
                        })
                    })
                })
                .collect();
            let total: f64 = items.iter().filter_map(|i| i["final_cost"].as_f64()).sum();
            Ok(json!({
                "year": year, "month": month, "total_cost": cents(total), "rows_count": items.len(), "snapshots": items,
            }))
        }
        _ => Err(SimError::not_found(
            "billing type not found: use servers, templates or snapshots",
        )),
    }
}
