//! What can go wrong talking to the ECS API, and how to say it to a person.
//!
//! Nothing here ever holds a URL, a token or a raw body: reqwest errors carry the URL (with its
//! query) and serde errors quote payload text, so both are reduced to a classification before
//! they become an `EcsError`.

use serde_json::Value;

/// The longest upstream message we keep (in characters).
const MESSAGE_CAP: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EcsError {
    /// 401, or 403 without a message: the token is missing, wrong or expired.
    #[error("the ECS API refused the credentials")]
    Unauthorized,
    /// 404, with the upstream message when there is one (`group not found`).
    #[error("not found on the ECS API{}", suffix(message.as_deref()))]
    NotFound { message: Option<String> },
    /// Any other refusal: a 4xx/5xx, or a 2xx whose `status` is not a success word. `message` is
    /// the upstream message (trimmed, capped), empty when the body had none.
    #[error("the ECS API rejected the request (HTTP {status}){}", suffix(Some(message.as_str())))]
    Rejected { status: u16, message: String },
    /// 429/502/503/504 or no connection at all. `retry_after` in seconds when the API said so.
    #[error("the ECS API is unavailable{}", status.map(|s| format!(" (HTTP {s})")).unwrap_or_default())]
    Unavailable {
        status: Option<u16>,
        retry_after: Option<u64>,
    },
    /// The connect or total timeout elapsed.
    #[error("the ECS API did not answer in time")]
    Timeout,
    /// The connection broke after the request went out, before a whole answer came back: whether
    /// ECS acted on it is unknown.
    #[error("the connection to the ECS API broke before it answered")]
    Interrupted,
    /// The answer was not what the endpoint returns: not JSON, HTML, the wrong shape, too big.
    #[error("unexpected answer from the ECS API: {detail}")]
    Malformed { detail: String },
    /// An id did not match its pattern, so no request was sent.
    #[error("invalid identifier")]
    InvalidId,
}

fn suffix(message: Option<&str>) -> String {
    match message {
        Some(m) if !m.is_empty() => format!(": {m}"),
        _ => String::new(),
    }
}

impl EcsError {
    /// Plain words for a person, in the panel's voice and the reader's language; what ECS said
    /// is quoted as ECS wrote it.
    pub fn user_message(&self) -> String {
        use crate::tr;
        match self {
            Self::Unauthorized => tr!(errors.ecs.unauthorized).into(),
            Self::NotFound { message: Some(m) } => tr!(errors.ecs.not_found_said, ecs = m),
            Self::NotFound { message: None } => tr!(errors.ecs.not_found).into(),
            Self::Rejected { status, message } if *status >= 500 => {
                if message.is_empty() {
                    tr!(errors.ecs.internal).into()
                } else {
                    tr!(errors.ecs.internal_said, ecs = message)
                }
            }
            Self::Rejected { message, .. } if message.is_empty() => tr!(errors.ecs.refused).into(),
            Self::Rejected { message, .. } => tr!(errors.ecs.refused_said, ecs = message),
            Self::Unavailable {
                status: Some(429),
                retry_after,
            } => tr!(errors.ecs.too_many, retry = retry_hint(*retry_after)),
            Self::Unavailable {
                status: Some(503),
                retry_after,
            } => tr!(errors.ecs.maintenance, retry = retry_hint(*retry_after)),
            Self::Unavailable { retry_after, .. } => {
                tr!(errors.ecs.unreachable, retry = retry_hint(*retry_after))
            }
            Self::Interrupted => tr!(errors.ecs.interrupted).into(),
            Self::Timeout => tr!(errors.ecs.timeout).into(),
            Self::Malformed { .. } => tr!(errors.ecs.malformed).into(),
            Self::InvalidId => tr!(errors.ecs.invalid_id).into(),
        }
    }

    /// Whether trying the same request again later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Self::Unavailable { .. } | Self::Timeout | Self::Interrupted
        )
    }

    /// For a write: whether ECS may have carried it out although the panel got no usable answer
    /// (no answer in time, a connection broken mid-call, an unreadable success, or a gateway's
    /// 502/504 from between the panel and ECS). Sending it again could do it twice.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            Self::Timeout
                | Self::Interrupted
                | Self::Malformed { .. }
                | Self::Unavailable {
                    status: Some(502 | 504),
                    ..
                }
        )
    }

    /// ECS's own words when it refused the request: what `crate::model`'s `explain` functions
    /// turn into plain words at a field.
    pub fn refusal(&self) -> Option<&str> {
        match self {
            Self::Rejected { message, .. } => Some(message),
            _ => None,
        }
    }

    /// Like [`refusal`](Self::refusal), and a 404's words too, for calls whose 404 is about
    /// something the form chose (a group, a key, the server to copy); `unsaid` stands for a 404
    /// that said nothing.
    pub fn refusal_or_missing<'a>(&'a self, unsaid: Option<&'a str>) -> Option<&'a str> {
        match self {
            Self::NotFound { message } => message.as_deref().or(unsaid),
            _ => self.refusal(),
        }
    }
}

fn retry_hint(retry_after: Option<u64>) -> String {
    match retry_after {
        Some(0) | None => crate::tr!(errors.ecs.retry_moment).to_string(),
        Some(1) => crate::tr!(errors.ecs.retry_second).to_string(),
        Some(s) if s < 120 => crate::tr!(errors.ecs.retry_seconds, s = s).to_string(),
        Some(s) => crate::tr!(errors.ecs.retry_minutes, m = s.div_ceil(60)).to_string(),
    }
}

/// The message of an error body, whatever its form: JSON `message` / `error` / `detail` (string,
/// list or nested object), a JSON string, or plain text. HTML pages (proxies, framework error
/// pages) carry nothing for a person → None.
pub(crate) fn message_from_body(body: &[u8], content_type: Option<&str>) -> Option<String> {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    if let Ok(v) = serde_json::from_str::<Value>(trimmed) {
        return message_from_json(&v);
    }
    let is_html = content_type.is_some_and(|ct| ct.to_ascii_lowercase().contains("html"))
        || trimmed.starts_with('<')
        || trimmed
            .get(..64)
            .unwrap_or(trimmed)
            .to_ascii_lowercase()
            .contains("<html");
    if is_html {
        return None;
    }
    clean(trimmed)
}

/// The message carried by a JSON error value.
pub(crate) fn message_from_json(v: &Value) -> Option<String> {
    fn find(v: &Value, depth: u8) -> Option<String> {
        if depth > 3 {
            return None;
        }
        match v {
            Value::String(s) => clean(s),
            Value::Array(items) => {
                let parts: Vec<String> = items.iter().filter_map(|i| find(i, depth + 1)).collect();
                (!parts.is_empty())
                    .then(|| parts.join("; "))
                    .and_then(|s| clean(&s))
            }
            Value::Object(map) => ["message", "error", "detail", "msg", "error_message"]
                .iter()
                .find_map(|k| map.get(*k).and_then(|inner| find(inner, depth + 1))),
            _ => None,
        }
    }
    find(v, 0)
}

/// One line, no control characters, at most `MESSAGE_CAP` characters.
fn clean(s: &str) -> Option<String> {
    let collapsed = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if collapsed.is_empty() {
        return None;
    }
    if collapsed.chars().count() <= MESSAGE_CAP {
        return Some(collapsed);
    }
    let mut capped: String = collapsed.chars().take(MESSAGE_CAP).collect();
    capped.push('…');
    Some(capped)
}

/// Words that mean success in a 2xx envelope's `status`.
pub(crate) fn is_success_word(status: &str) -> bool {
    matches!(
        status.trim().to_ascii_lowercase().as_str(),
        "ok" | "success"
            | "succeeded"
            | "created"
            | "creating"
            | "updated"
            | "updating"
            | "deleted"
            | "deleting"
            | "accepted"
            | "no_content"
            | "no content"
            | "done"
    )
}

/// A 2xx body that is really an error: `status` present and not a success word. A bare Action
/// (power actions answer one) has its own `status` (`in-progress`, `failed`…): not an envelope.
pub(crate) fn envelope_failure(v: &Value) -> Option<String> {
    let map = v.as_object()?;
    let status = match map.get("status")? {
        Value::String(s) => s.as_str(),
        Value::Bool(true) => return None,
        Value::Bool(false) => "false",
        _ => return None,
    };
    if is_success_word(status) {
        return None;
    }
    let bare_action = map.contains_key("id") && map.contains_key("type");
    if bare_action {
        return None;
    }
    Some(message_from_json(v).unwrap_or_default())
}

/// `Retry-After` as seconds (delta-seconds or an HTTP date).
pub(crate) fn parse_retry_after(value: &str) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs);
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = when.timestamp() - chrono::Utc::now().timestamp();
    Some(delta.max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn messages_from_every_body_form() {
        let m = |b: &str| message_from_body(b.as_bytes(), None);
        assert_eq!(
            m(r#"{"status": "error", "message": "group not found"}"#).as_deref(),
            Some("group not found")
        );
        assert_eq!(
            m(r#"{"error_code": 12, "status": "error", "message": "Support code not found"}"#)
                .as_deref(),
            Some("Support code not found")
        );
        assert_eq!(
            m(r#"{"error": "server not found"}"#).as_deref(),
            Some("server not found")
        );
        assert_eq!(
            m(r#"{"detail": "Not allowed"}"#).as_deref(),
            Some("Not allowed")
        );
        assert_eq!(
            m(r#"{"detail": [{"msg": "field required"}, {"msg": "bad plan"}]}"#).as_deref(),
            Some("field required; bad plan")
        );
        assert_eq!(
            m(r#"{"error": {"message": "nested"}}"#).as_deref(),
            Some("nested")
        );
        assert_eq!(m("  plain\ntext  ").as_deref(), Some("plain text"));
        assert_eq!(m(r#""quoted""#).as_deref(), Some("quoted"));
        assert_eq!(m("<!DOCTYPE html><html><body>502</body></html>"), None);
        assert_eq!(
            message_from_body(b"Bad Gateway", Some("text/html; charset=utf-8")),
            None
        );
        assert_eq!(m(""), None);
        assert_eq!(m(r#"{"status": "error"}"#), None);
        let long = m(&"x".repeat(5000)).unwrap_or_default();
        assert_eq!(long.chars().count(), MESSAGE_CAP + 1);
    }

    #[test]
    fn envelope_status_words() {
        assert_eq!(envelope_failure(&json!({"status": "ok"})), None);
        assert_eq!(envelope_failure(&json!({"status": "OK"})), None);
        assert_eq!(envelope_failure(&json!({"status": "created"})), None);
        assert_eq!(envelope_failure(&json!({"status": "no_content"})), None);
        assert_eq!(envelope_failure(&json!({"server": []})), None);
        assert_eq!(
            envelope_failure(&json!({"status": "error", "message": "bad"})).as_deref(),
            Some("bad")
        );
        assert_eq!(
            envelope_failure(&json!({"status": "ko"})).as_deref(),
            Some("")
        );
        // A bare Action is not an envelope.
        assert_eq!(
            envelope_failure(&json!({"id": 7, "type": "power_on", "status": "failed"})),
            None
        );
    }

    #[test]
    fn display_never_leaks_and_user_words_are_plain() {
        let e = EcsError::Rejected {
            status: 400,
            message: "Support code not found".into(),
        };
        assert_eq!(
            e.to_string(),
            "the ECS API rejected the request (HTTP 400): Support code not found"
        );
        assert!(e.user_message().contains("Support code not found"));
        assert!(EcsError::Timeout
            .user_message()
            .contains("did not answer in time"));
        let busy = EcsError::Unavailable {
            status: Some(503),
            retry_after: Some(30),
        };
        assert!(busy.user_message().contains("30 seconds"));
        assert_eq!(parse_retry_after(" 120 "), Some(120));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
