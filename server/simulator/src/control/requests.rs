//! Recording every API request in the request log (`GET /__sim/requests`), so a client test can
//! check exactly what was sent: method, path, query, which auth header, and the JSON body.
//!
//! Secrets are never recorded. In a JSON body, at any depth, the value of a `password` or
//! `user_customize_env` field is replaced by `"sha256:<64 lowercase hex digits>"`: the SHA-256 of
//! the string's UTF-8 bytes (of its compact JSON text when it is not a string; `null` stays `null`).
//! A test can then check that exactly the right secret arrived, by hashing the value it expects,
//! without the log holding it. Form and multipart bodies (logins), and bodies that are not valid
//! JSON but name a secret field, are kept as `"<redacted>"`.

use axum::body::Body;
use axum::extract::{OriginalUri, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::request_log::LoggedRequest;
use crate::store::Store;
use crate::util::iso;
use crate::world::error::SimError;

const SECRET_FIELDS: &[&str] = &["password", "user_customize_env"];
/// What a form or multipart body becomes in the log.
const REDACTED: &str = "<redacted>";

/// Which header carried the credentials (recorded, never the value).
fn auth_kind(headers: &http::HeaderMap) -> Option<&'static str> {
    if headers.contains_key("x-apitoken") {
        Some("apitoken")
    } else if headers.contains_key(http::header::AUTHORIZATION) {
        Some("bearer")
    } else {
        None
    }
}

/// `"sha256:<hex>"` of the bytes: how a secret appears in the log.
fn secret_digest(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in Sha256::digest(bytes) {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

fn redact(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                if SECRET_FIELDS.contains(&key.as_str()) {
                    *field = match &*field {
                        Value::Null => Value::Null,
                        Value::String(text) => Value::String(secret_digest(text.as_bytes())),
                        other => Value::String(secret_digest(other.to_string().as_bytes())),
                    };
                } else {
                    redact(field);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
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
    // Text that is not valid JSON (a cut or malformed body) but names a secret field: keep nothing.
    let text = String::from_utf8_lossy(bytes);
    if SECRET_FIELDS.iter().any(|field| text.contains(field)) {
        return Value::String(REDACTED.into());
    }
    Value::String(text.chars().take(4096).collect())
}

/// The outermost middleware of the API: records the request, then passes it on unchanged.
pub async fn record(State(store): State<Store>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, 8 * 1024 * 1024).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return SimError::bad("Request body too large").into_response();
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_secret_becomes_the_sha256_of_its_bytes() {
        // FIPS 180-2 test vector.
        assert_eq!(
            secret_digest(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn secrets_are_digested_at_any_depth_and_nothing_else_changes() {
        let body = br#"{"username": "demo", "password": "abc",
            "items": [{"user_customize_env": 42, "notes": "kept"}], "nested": {"password": null}}"#;
        let logged = describe_body(body, Some("application/json"));
        assert_eq!(
            logged,
            json!({
                "username": "demo",
                "password": "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                // sha256("42"): a non-string value is hashed as its JSON text.
                "items": [{"user_customize_env":
                    "sha256:73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049",
                    "notes": "kept"}],
                "nested": {"password": null},
            })
        );
    }

    #[test]
    fn form_bodies_are_not_kept() {
        let logged = describe_body(
            b"username=demo&password=demo",
            Some("application/x-www-form-urlencoded"),
        );
        assert_eq!(logged, json!(REDACTED));
    }

    #[test]
    fn a_malformed_body_naming_a_secret_is_not_kept() {
        let cut = br#"{"username": "demo", "password": "s3cr3t"#;
        assert_eq!(
            describe_body(cut, Some("application/json")),
            json!(REDACTED)
        );
        assert_eq!(
            describe_body(b"not json", Some("text/plain")),
            json!("not json")
        );
    }
}
