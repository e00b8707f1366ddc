//! The last N requests the simulator received (`GET /__sim/requests`), so a client test can check
//! exactly what was sent: method, path, query, which auth header, and the JSON body. Credentials
//! are never recorded: `password` and `user_customize_env` values are replaced.

use std::collections::VecDeque;

use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::Serialize;
use serde_json::Value;

use super::auth::auth_kind;
use super::store::Store;
use super::util::iso;

const SECRET_FIELDS: &[&str] = &["password", "user_customize_env"];
const REDACTED: &str = "<redacted>";

#[derive(Debug, Clone, Serialize)]
pub struct LoggedRequest {
    pub seq: u64,
    pub at: String,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub auth: Option<&'static str>,
    pub content_type: Option<String>,
    /// Parsed JSON when the body is JSON, else the text (cut at 4 KiB), else null.
    pub body: Value,
    pub status: u16,
}

#[derive(Debug)]
pub struct RequestLog {
    capacity: usize,
    next_seq: u64,
    items: VecDeque<LoggedRequest>,
}

impl RequestLog {
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            next_seq: 0,
            items: VecDeque::new(),
        }
    }

    fn push(&mut self, mut entry: LoggedRequest) {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        if self.items.len() >= self.capacity {
            self.items.pop_front();
        }
        self.items.push_back(entry);
    }

    /// The newest `limit` entries, oldest first.
    pub fn recent(&self, limit: usize) -> Vec<LoggedRequest> {
        let skip = self.items.len().saturating_sub(limit);
        self.items.iter().skip(skip).cloned().collect()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }
}

fn redact(value: &mut Value) {
    if let Value::Object(map) = value {
        for (key, field) in map.iter_mut() {
            if SECRET_FIELDS.contains(&key.as_str()) {
                *field = Value::String(REDACTED.into());
            } else {
                redact(field);
            }
        }
    }
}

fn describe_body(bytes: &[u8], content_type: Option<&str>) -> Value {
    if bytes.is_empty() {
        return Value::Null;
    }
    if let Ok(mut json) = serde_json::from_slice::<Value>(bytes) {
        redact(&mut json);
        return json;
    }
    // Form and multipart bodies: only logins use them, so keep nothing that could be a password.
    if content_type.is_some_and(|c| {
        c.starts_with("multipart/") || c.starts_with("application/x-www-form-urlencoded")
    }) {
        return Value::String(REDACTED.into());
    }
    let text = String::from_utf8_lossy(bytes);
    Value::String(text.chars().take(4096).collect())
}

/// The outermost middleware of the API: records the request, then passes it on unchanged.
pub async fn record(State(store): State<Store>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, 8 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let err = super::error::SimError::bad("Request body too large");
            return axum::response::IntoResponse::into_response(err);
        }
    };
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let mut entry = LoggedRequest {
        seq: 0,
        at: iso(&store.now()),
        method: parts.method.to_string(),
        // The full path, as the client sent it (nesting strips the `/ecs/v2` prefix from `uri`).
        path: parts
            .extensions
            .get::<OriginalUri>()
            .map_or(parts.uri.path(), |o| o.0.path())
            .to_string(),
        query: parts.uri.query().map(str::to_string),
        auth: auth_kind(&parts.headers),
        body: describe_body(&bytes, content_type.as_deref()),
        content_type,
        status: 0,
    };
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    entry.status = response.status().as_u16();
    store.requests().push(entry);
    response
}
