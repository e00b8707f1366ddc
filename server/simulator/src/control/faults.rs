//! Fault injection: the middleware that answers a matching API request as `FaultConfig` says
//! (latency, 5xx in the forms gateways give them, maintenance, hangs, trickled or truncated bodies,
//! HTML, a given or oversized body, 429).

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::stream;
use http::{HeaderValue, StatusCode};
use rand::Rng;

use crate::config::MAX_OVERSIZE;
use crate::store::Store;

fn error_body(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "status": "error", "message": message });
    (status, axum::Json(body)).into_response()
}

/// A random 5xx in the forms real gateways produce: JSON 500, HTML 502, plain-text 503.
fn server_error() -> Response {
    status_answer([500, 502, 503][rand::rng().random_range(0..3)])
}

/// An error answer of status `code` as gateways send it: 502 as an HTML page, 503 as plain text,
/// every other as ECS's JSON envelope.
fn status_answer(code: u16) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match status.as_u16() {
        502 => (
            status,
            [(http::header::CONTENT_TYPE, "text/html")],
            "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
        )
            .into_response(),
        503 => (status, [(http::header::CONTENT_TYPE, "text/plain")], "Service Unavailable")
            .into_response(),
        _ => error_body(status, status.canonical_reason().unwrap_or("Error")),
    }
}

/// A valid JSON object of `n` bytes (or the smallest one, if `n` is smaller).
fn oversized(n: usize) -> String {
    const HEAD: &str = r#"{"status":"ok","padding":""#;
    const TAIL: &str = r#""}"#;
    let pad = n.saturating_sub(HEAD.len() + TAIL.len());
    let mut body = String::with_capacity(n.max(HEAD.len() + TAIL.len()));
    body.push_str(HEAD);
    body.extend(std::iter::repeat_n('x', pad));
    body.push_str(TAIL);
    body
}

fn json_ok(body: String) -> Response {
    (
        StatusCode::OK,
        [(http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

pub const HTML_PAGE: &str = "<!DOCTYPE html><html><head><title>Seeweb</title></head><body><h1>Scheduled maintenance</h1><p>We will be back soon.</p></body></html>";

/// The middleware: takes one snapshot of the configuration per request.
pub async fn inject(State(store): State<Store>, req: Request, next: Next) -> Response {
    // The guard must be gone before any await.
    let faults = {
        let mut config = store.faults();
        if config.is_active() && config.matches(req.method(), req.uri().path()) {
            if let Some(n) = config.remaining.as_mut() {
                *n = n.saturating_sub(1);
            }
            Some(config.clone())
        } else {
            None
        }
    };
    let Some(faults) = faults else {
        return next.run(req).await;
    };
    if faults.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
    }
    if faults.maintenance {
        let mut response = error_body(StatusCode::SERVICE_UNAVAILABLE, "Service under maintenance");
        response
            .headers_mut()
            .insert(http::header::RETRY_AFTER, HeaderValue::from_static("60"));
        return response;
    }
    if let Some(secs) = faults.rate_limit_secs {
        let mut response = error_body(StatusCode::TOO_MANY_REQUESTS, "Too many requests");
        response
            .headers_mut()
            .insert(http::header::RETRY_AFTER, HeaderValue::from(secs));
        return response;
    }
    if let Some(code) = faults.status {
        return status_answer(code);
    }
    if faults.error_rate > 0.0 && rand::rng().random::<f64>() < faults.error_rate {
        return server_error();
    }
    if faults.html {
        return (
            StatusCode::OK,
            [(http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
            HTML_PAGE,
        )
            .into_response();
    }
    if let Some(body) = faults.body {
        return json_ok(body);
    }
    if let Some(n) = faults.oversize_bytes {
        return json_ok(oversized(n.min(MAX_OVERSIZE)));
    }
    if let Some(ms) = faults.hang_ms {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        return error_body(StatusCode::GATEWAY_TIMEOUT, "Gateway Timeout");
    }
    let response = next.run(req).await;
    if !faults.malformed_json && faults.trickle_ms.is_none() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 16 * 1024 * 1024).await else {
        return error_body(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error");
    };
    parts.headers.remove(http::header::CONTENT_LENGTH);
    let bytes = if faults.malformed_json {
        parts.status = StatusCode::OK;
        parts.headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        bytes.slice(..bytes.len() / 2)
    } else {
        bytes
    };
    match faults.trickle_ms {
        Some(ms) => Response::from_parts(parts, trickle(bytes, Duration::from_millis(ms))),
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// A body that yields 8 bytes per `pause`.
fn trickle(bytes: Bytes, pause: Duration) -> Body {
    let chunks = stream::unfold((bytes, false), move |(rest, started)| async move {
        if rest.is_empty() {
            return None;
        }
        if started {
            tokio::time::sleep(pause).await;
        }
        let cut = rest.len().min(8);
        let chunk = rest.slice(..cut);
        Some((Ok::<_, std::io::Error>(chunk), (rest.slice(cut..), true)))
    });
    Body::from_stream(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_body_is_valid_json_of_the_size_asked() {
        for n in [0, 10, 1000, 1 << 20] {
            let body = oversized(n);
            assert!(serde_json::from_str::<serde_json::Value>(&body).is_ok());
            assert_eq!(body.len(), n.max(28), "n = {n}");
        }
    }
}
