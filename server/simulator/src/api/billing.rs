//! `GET /billing/{servers|templates|snapshots}/{year}/{month}?type=json|csv`: the month's rows
//! (`world/billing.rs`) as JSON or as CSV.

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Months, NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use serde_json::Value;

use crate::api::auth::Call;
use crate::world::billing::rows;
use crate::world::error::{SimError, SimResult};

#[derive(Debug, Deserialize)]
pub struct BillingQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// CSV columns per kind, in the order of the JSON documentation (nested summaries are left out).
fn columns(kind: &str) -> &'static [&'static str] {
    match kind {
        "servers" => &[
            "plan",
            "name",
            "group",
            "notes",
            "status",
            "year",
            "month",
            "creation_date",
            "deletion_date",
            "billed_hours",
            "cost",
        ],
        "templates" => &[
            "name",
            "notes",
            "status",
            "year",
            "month",
            "creation_date",
            "deletion_date",
            "hours",
            "size_on_disk",
            "cost",
        ],
        _ => &[
            "snapshot",
            "snapshot_name",
            "snapshot_status",
            "snapshot_status_label",
            "snapshot_description",
            "snapshot_created_at",
            "snapshot_deleted_at",
            "size_on_disk",
            "hours",
            "final_cost",
        ],
    }
}

fn to_csv(keys: &[&str], rows: &[Value]) -> String {
    let cell = |v: Option<&Value>| match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) if s.contains([',', '"', '\n']) => {
            format!("\"{}\"", s.replace('"', "\"\""))
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let mut out = keys.join(",");
    out.push('\n');
    for row in rows {
        out.push_str(
            &keys
                .iter()
                .map(|k| cell(row.get(*k)))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

pub async fn billing(
    Call { store, user }: Call,
    Path((kind, year, month)): Path<(String, String, String)>,
    Query(query): Query<BillingQuery>,
) -> SimResult<Response> {
    let invalid = || SimError::bad("Invalid date: use /{year}/{month}");
    let year: i32 = year.parse().map_err(|_| invalid())?;
    let month: u32 = month.parse().map_err(|_| invalid())?;
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .ok_or_else(invalid)?;
    let from = Utc.from_utc_datetime(&first);
    let next = from
        .checked_add_months(Months::new(1))
        .ok_or_else(invalid)?;
    let csv = match query.kind.as_deref().unwrap_or("json") {
        "json" => false,
        "csv" => true,
        _ => return Err(SimError::bad("Invalid type: use json or csv")),
    };
    let (world, now) = store.lock();
    let to = next.min(now);
    let data = rows(
        world.account(&user)?,
        &kind,
        year,
        month,
        from,
        to.max(from),
    )?;
    if !csv {
        return Ok(Json(data).into_response());
    }
    let list = match &data {
        Value::Array(items) => items.clone(),
        other => other
            .get("snapshots")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default(),
    };
    Ok((
        [(http::header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        to_csv(columns(&kind), &list),
    )
        .into_response())
}
