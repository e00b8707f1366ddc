//! `GET /servers/{name}/metrics`: the series of `world/metrics.rs` over the asked range, in the
//! live form (`{t, y}` points) or the legacy one (`[ts, "y"]`).

use axum::extract::{Path, Query};
use axum::Json;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::util::{hash_str, plain};
use crate::world::error::{SimError, SimResult};
use crate::world::metrics::{value, Series, MAX_RANGE_DAYS, STEP_SECS};

#[derive(Debug, Deserialize)]
pub struct MetricsQuery {
    start: Option<String>,
    end: Option<String>,
}

/// ISO 8601 with an offset or `Z`, without one (read as UTC), with a space, or a bare date.
pub fn parse_when(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return Some(Utc.from_utc_datetime(&naive));
        }
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0)?))
}

fn param(raw: &Option<String>, name: &str) -> SimResult<Option<DateTime<Utc>>> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => parse_when(text).map(Some).ok_or_else(|| {
            SimError::bad(format!("Invalid date format for '{name}': use ISO 8601"))
        }),
    }
}

/// `GET /servers/{name}/metrics?start&end` (default: the last 24 hours, at most 90 days).
pub async fn metrics(
    Call { store, user }: Call,
    Path(name): Path<String>,
    Query(query): Query<MetricsQuery>,
) -> SimResult<Json<Value>> {
    let start = param(&query.start, "start")?;
    let end = param(&query.end, "end")?;
    let legacy = store.legacy();
    let (world, now) = store.lock();
    let server = world.account(&user)?.server(&name)?.clone();
    drop(world);
    // As documented in Seeweb's panel guide: no metrics for v1 servers nor for ECS1GPU8.
    if server.api_version == 1 || server.plan.eq_ignore_ascii_case("ECS1GPU8") {
        return Err(SimError::bad("Metrics are not available for this server"));
    }
    let end = end.unwrap_or(now);
    let start = start.unwrap_or(end - Duration::hours(24));
    if end < start {
        return Err(SimError::bad("'end' must be after 'start'"));
    }
    if end - start > Duration::days(MAX_RANGE_DAYS) {
        return Err(SimError::bad("Range too large: at most 90 days"));
    }
    let from = start.max(server.creation_date).timestamp();
    let to = end.min(now).timestamp();
    let first = from.div_euclid(STEP_SECS) * STEP_SECS
        + if from.rem_euclid(STEP_SECS) == 0 {
            0
        } else {
            STEP_SECS
        };
    let times: Vec<DateTime<Utc>> = (0..)
        .map(|i| first + i * STEP_SECS)
        .take_while(|t| *t <= to)
        .filter_map(|t| DateTime::from_timestamp(t, 0))
        .collect();
    let seed = hash_str(&server.name);
    let series = |s: Series| -> Value {
        let points = times.iter().map(|t| {
            let y = format!("{:.2}", value(&server, seed, s, *t));
            if legacy {
                json!([t.timestamp() as f64, y])
            } else {
                json!({ "t": plain(t), "y": y })
            }
        });
        Value::Array(points.collect())
    };
    Ok(Json(json!({
        "metrics": {
            "resource": server.name,
            "core": series(Series::Core),
            "disk": { "reads": series(Series::Reads), "writes": series(Series::Writes) },
            "network": { "received": series(Series::Received), "transmitted": series(Series::Transmitted) },
        }
    })))
}
