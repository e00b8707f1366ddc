//! Log entries, as `/logs` shows them.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::ecs::dto::LogEntry;
use crate::model::logs::{target_href, Extra, LogDetail, LogRow, LogTarget, Severity};
use crate::model::time::Stamp;

pub fn row(e: &LogEntry, now: DateTime<Utc>) -> LogRow {
    let status = e.status.trim().to_ascii_lowercase();
    let failed = matches!(status.as_str(), "failure" | "failed" | "error" | "ko");
    let status_text = match status.as_str() {
        "success" | "ok" | "succeeded" => crate::tr!(model.logs.succeeded).to_string(),
        _ if failed => crate::tr!(model.logs.failed).to_string(),
        "" => "—".to_string(),
        _ => capitalised(&e.status),
    };
    let target = e
        .target
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|name| {
            let kind = e.target_type.clone().unwrap_or_default();
            LogTarget {
                href: target_href(&kind, name),
                kind,
                name: name.to_string(),
            }
        });
    LogRow {
        id: e.id,
        actor: e.actor.clone(),
        action: e.action.clone(),
        severity: Severity::parse(&e.severity),
        severity_text: capitalised(&e.severity),
        status_text,
        failed,
        target,
        ip: e.ip_address.clone().filter(|s| !s.trim().is_empty()),
        user_agent: e.user_agent.clone().filter(|s| !s.trim().is_empty()),
        when: e.created_at.map(|c| Stamp::new(c, now)),
    }
}

pub fn detail(e: LogEntry, now: DateTime<Utc>) -> LogDetail {
    let row = row(&e, now);
    let keep = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    LogDetail {
        row,
        url: keep(e.url),
        location: keep(e.location),
        result_type: keep(e.result_type),
        result: keep(e.result),
        description: keep(e.description),
        extra: e.extra_data.and_then(extra),
    }
}

/// `extra_data` for reading: a string that holds JSON is indented too; null and "" are nothing.
fn extra(v: Value) -> Option<Extra> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => match serde_json::from_str::<Value>(&s) {
            Ok(inner @ (Value::Object(_) | Value::Array(_))) => pretty(&inner),
            _ => Some(Extra::Text(s)),
        },
        other => pretty(&other),
    }
}

fn pretty(v: &Value) -> Option<Extra> {
    serde_json::to_string_pretty(v).ok().map(Extra::Json)
}

fn capitalised(s: &str) -> String {
    let s = s.trim();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => "—".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_data_becomes_text_or_indented_json() {
        assert_eq!(extra(Value::Null), None);
        assert_eq!(extra(Value::from("")), None);
        assert_eq!(
            extra(Value::from("<b>hi</b>")),
            Some(Extra::Text("<b>hi</b>".into()))
        );
        let Some(Extra::Json(j)) = extra(Value::from(r#"{"a":1}"#)) else {
            panic!("a JSON string is indented")
        };
        assert!(j.contains("\n  \"a\": 1"));
        assert!(matches!(
            extra(serde_json::json!([1, 2])),
            Some(Extra::Json(_))
        ));
    }
}
