//! Server metrics: five series of (time, value) points.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::de;

/// One sample: when, and the value (core ≈ CPU %, disk and network ≈ KB/s; units undocumented).
pub type MetricPoint = (DateTime<Utc>, f64);

/// `GET /servers/{name}/metrics` → `metrics`. There is no RAM series upstream.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Metrics {
    #[serde(default, deserialize_with = "de::opt_string")]
    pub resource: Option<String>,
    #[serde(default, deserialize_with = "series")]
    pub core: Vec<MetricPoint>,
    #[serde(default)]
    pub disk: DiskMetrics,
    #[serde(default)]
    pub network: NetworkMetrics,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct DiskMetrics {
    #[serde(default, deserialize_with = "series")]
    pub reads: Vec<MetricPoint>,
    #[serde(default, deserialize_with = "series")]
    pub writes: Vec<MetricPoint>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct NetworkMetrics {
    #[serde(default, deserialize_with = "series")]
    pub received: Vec<MetricPoint>,
    #[serde(default, deserialize_with = "series")]
    pub transmitted: Vec<MetricPoint>,
}

/// A point as `[unix_seconds_float, "value"]` (older doc) or `{"t": "YYYY-MM-DD HH:MM:SS",
/// "y": "value"}` (current doc); either half may be a string or a number.
pub(crate) fn point_of(v: &Value) -> Option<MetricPoint> {
    let (t, y) = match v {
        Value::Array(pair) if pair.len() == 2 => (&pair[0], &pair[1]),
        Value::Object(map) => (map.get("t")?, map.get("y")?),
        _ => return None,
    };
    Some((de::datetime_of(t)?, de::f64_of(y)?))
}

/// Points that cannot be read (a gap, `null`, `"NaN"`) are dropped, not fatal: a chart with a
/// hole beats no chart.
fn series<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<MetricPoint>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.iter().filter_map(point_of).collect(),
        _ => Vec::new(),
    })
}
