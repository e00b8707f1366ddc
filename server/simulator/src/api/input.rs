//! Request bodies as loose JSON. The live API is lenient about types (an id may come as a number or
//! a string), so handlers read fields from a `Value` with these helpers instead of strict structs.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde_json::{Map, Value};

use crate::world::error::SimError;

/// A JSON object body; an empty body reads as `{}`.
pub struct JsonBody(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = SimError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| SimError::bad("Invalid request body"))?;
        parse_object(&bytes).map(JsonBody)
    }
}

pub fn parse_object(bytes: &[u8]) -> Result<Map<String, Value>, SimError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(SimError::bad("Invalid JSON body: an object is expected")),
        Err(_) => Err(SimError::bad("Invalid JSON body")),
    }
}

/// An optional string field; numbers are accepted and turned into their text.
pub fn opt_str(body: &Map<String, Value>, key: &str) -> Result<Option<String>, SimError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(SimError::bad(format!("Invalid value for '{key}'"))),
    }
}

/// A required, non-blank string field (`Topic 'x' required` otherwise).
pub fn req_str(body: &Map<String, Value>, key: &str) -> Result<String, SimError> {
    match opt_str(body, key)? {
        Some(s) if !s.trim().is_empty() => Ok(s),
        _ => Err(SimError::topic(key)),
    }
}

/// An optional integer given as a number or a numeric string.
pub fn opt_int(body: &Map<String, Value>, key: &str) -> Result<Option<i64>, SimError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => as_int(value)
            .map(Some)
            .ok_or_else(|| SimError::bad(format!("Invalid value for '{key}'"))),
    }
}

pub fn as_int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An optional boolean; `"true"`/`"false"` strings are accepted as the live API does.
pub fn opt_bool(body: &Map<String, Value>, key: &str) -> Result<Option<bool>, SimError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(_) => Err(SimError::bad(format!("Invalid value for '{key}'"))),
    }
}
