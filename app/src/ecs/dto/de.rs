//! Tolerant field readers: the live API and its two generations of docs disagree on types
//! (sizes as "1024" or 1024, prices as 12 or 12.0 or "12", dates in three formats, null for
//! "nothing"). Each reader accepts every form seen and turns nonsense into `None` rather than
//! failing a whole page for one odd field.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A JSON scalar as text: strings as they are, numbers and booleans printed; `""`/null → None.
pub(crate) fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(crate) fn u64_of(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && *f >= 0.0 && f.fract() == 0.0 && *f < 1.8e19)
                .map(|f| f as u64)
        }),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<u64>().ok().or_else(|| {
                s.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite() && *f >= 0.0 && f.fract() == 0.0 && *f < 1.8e19)
                    .map(|f| f as u64)
            })
        }
        _ => None,
    }
}

pub(crate) fn i64_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| f.is_finite() && f.fract() == 0.0 && f.abs() < 9.2e18)
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

pub(crate) fn f64_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    }
}

pub(crate) fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "y" | "t" => Some(true),
            "false" | "0" | "no" | "n" | "f" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Dates as ISO 8601 with offset or `Z`, `YYYY-MM-DD HH:MM:SS[.f]` (taken as UTC), a bare date,
/// or unix seconds. `""`, null and unreadable text (the docs print truncated "12:00...") → None.
pub(crate) fn datetime_of(v: &Value) -> Option<DateTime<Utc>> {
    match v {
        Value::Number(n) => n.as_f64().and_then(unix_to_utc),
        Value::String(s) => parse_datetime(s),
        _ => None,
    }
}

pub(crate) fn unix_to_utc(secs: f64) -> Option<DateTime<Utc>> {
    if !secs.is_finite() {
        return None;
    }
    let whole = secs.floor();
    let nanos = ((secs - whole) * 1e9).round().clamp(0.0, 999_999_999.0) as u32;
    Utc.timestamp_opt(whole as i64, nanos).single()
}

pub(crate) fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%d %H:%M:%S%.f%#z", "%Y-%m-%dT%H:%M:%S%.f%#z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(dt.with_timezone(&Utc));
        }
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(naive.and_utc());
        }
    }
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return date.and_hms_opt(0, 0, 0).map(|n| n.and_utc());
    }
    s.parse::<f64>().ok().and_then(unix_to_utc)
}

// --- `deserialize_with` adapters (always used with `#[serde(default)]`) ---

pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(&Value::deserialize(d)?))
}

pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(text_of(&Value::deserialize(d)?).unwrap_or_default())
}

pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(u64_of(&Value::deserialize(d)?))
}

pub(crate) fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(f64_of(&Value::deserialize(d)?))
}

pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?).unwrap_or(false))
}

pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?))
}

pub(crate) fn opt_datetime<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Ok(datetime_of(&Value::deserialize(d)?))
}

/// A required numeric id, as number or numeric string.
pub(crate) fn id<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = Value::deserialize(d)?;
    u64_of(&v).ok_or_else(|| serde::de::Error::custom("id is not a non-negative integer"))
}

/// A required unix time in seconds (integer, float or numeric string).
pub(crate) fn expire<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let v = Value::deserialize(d)?;
    i64_of(&v)
        .or_else(|| f64_of(&v).filter(|f| f.abs() < 9.2e18).map(|f| f as i64))
        .ok_or_else(|| serde::de::Error::custom("expire is not a unix time"))
}

/// A required non-empty name, as string or number.
pub(crate) fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = Value::deserialize(d)?;
    text_of(&v).ok_or_else(|| serde::de::Error::custom("name is empty or not text"))
}

/// A list where the API may send null instead of `[]`.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// Strings from a flat list `["a", "b"]`, a nested one `[["a", "b"]]`, or objects carrying
/// `location`/`region`/`name`.
pub(crate) fn flat_strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(map) => {
                if let Some(s) = ["location", "region", "name"]
                    .iter()
                    .find_map(|k| map.get(*k).and_then(text_of))
                {
                    out.push(s);
                }
            }
            other => out.extend(text_of(other)),
        }
    }
    let mut out = Vec::new();
    walk(&Value::deserialize(d)?, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dates_in_every_form() {
        let want = Utc.with_ymd_and_hms(2024, 10, 17, 8, 25, 58).single();
        for s in [
            "2024-10-17T08:25:58+00:00",
            "2024-10-17T10:25:58+02:00",
            "2024-10-17T08:25:58Z",
            "2024-10-17 08:25:58",
            "2024-10-17T08:25:58",
            "2024-10-17 08:25:58+00:00",
        ] {
            assert_eq!(parse_datetime(s), want, "{s}");
        }
        let frac = parse_datetime("2025-02-11T13:42:58.594971+00:00").map(|d| d.timestamp_micros());
        assert_eq!(frac, Some(1_739_281_378_594_971));
        assert_eq!(
            parse_datetime("2025-01-17T08:35:42.521Z").map(|d| d.timestamp_millis()),
            Some(1_737_102_942_521)
        );
        assert!(parse_datetime("").is_none());
        assert!(parse_datetime("   ").is_none());
        assert!(parse_datetime("2024-10-10 12:00...").is_none());
        assert!(datetime_of(&Value::Null).is_none());
        assert_eq!(
            datetime_of(&json!(1551088373.819)).map(|d| d.timestamp_millis()),
            Some(1_551_088_373_819)
        );
        assert!(parse_datetime("2024-10-10").is_some());
    }

    #[test]
    fn numbers_from_strings_and_numbers() {
        assert_eq!(u64_of(&json!("1024")), Some(1024));
        assert_eq!(u64_of(&json!(1024)), Some(1024));
        assert_eq!(u64_of(&json!(20.0)), Some(20));
        assert_eq!(u64_of(&json!(" 7 ")), Some(7));
        assert_eq!(u64_of(&json!("")), None);
        assert_eq!(u64_of(&json!(-1)), None);
        assert_eq!(u64_of(&json!(null)), None);
        assert_eq!(f64_of(&json!(12)), Some(12.0));
        assert_eq!(f64_of(&json!(0.017)), Some(0.017));
        assert_eq!(f64_of(&json!("14.5")), Some(14.5));
        assert_eq!(f64_of(&json!("NaN")), None);
        assert_eq!(i64_of(&json!(-1)), Some(-1));
        assert_eq!(bool_of(&json!("true")), Some(true));
        assert_eq!(bool_of(&json!(0)), Some(false));
        assert_eq!(text_of(&json!(50)), Some("50".into()));
        assert_eq!(text_of(&json!("")), None);
    }
}
