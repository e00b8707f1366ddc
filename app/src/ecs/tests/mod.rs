//! End-to-end tests of the client against tiny axum servers on 127.0.0.1:0: every example
//! payload of the docs through the real methods (`payloads`), what the client sends
//! (`requests`), and the error mapping over real HTTP (`errors`).

mod errors;
mod payloads;
mod requests;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Router;
use chrono::{TimeZone, Utc};
use secrecy::SecretString;
use serde_json::Value;

use super::{ClientOptions, Credential, EcsClient, EcsError};

const TOKEN: &str = "tok-3f9a-very-secret";

// ------------------------------------------------------------------ harness

#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Seen {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

type Log = Arc<Mutex<Vec<Seen>>>;

#[derive(Clone)]
struct Canned {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Arc<Vec<u8>>,
    delay: Option<Duration>,
    log: Log,
}

async fn answer(State(c): State<Canned>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX)
        .await
        .map(|b| b.to_vec())
        .unwrap_or_default();
    if let Ok(mut log) = c.log.lock() {
        log.push(Seen {
            method: parts.method.to_string(),
            path: parts.uri.path().to_string(),
            query: parts.uri.query().map(str::to_string),
            headers: parts.headers,
            body,
        });
    }
    if let Some(d) = c.delay {
        tokio::time::sleep(d).await;
    }
    let mut resp = Response::builder().status(c.status);
    for (k, v) in &c.headers {
        resp = resp.header(*k, v);
    }
    resp.body(Body::from(c.body.as_ref().clone()))
        .expect("canned response")
}

/// A server answering every request with the same status, headers and body.
async fn spawn(canned: Canned) -> String {
    let app = Router::new().fallback(answer).with_state(canned);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/ecs/v2/")
}

struct Upstream {
    client: EcsClient,
    log: Log,
    base: String,
}

impl Upstream {
    fn seen(&self) -> Vec<Seen> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }
    fn last(&self) -> Seen {
        self.seen().pop().expect("the upstream saw a request")
    }
}

async fn upstream_full(
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: impl Into<Vec<u8>>,
    delay: Option<Duration>,
    opts: ClientOptions,
) -> Upstream {
    let log = Log::default();
    let base = spawn(Canned {
        status,
        headers,
        body: Arc::new(body.into()),
        delay,
        log: log.clone(),
    })
    .await;
    let client = EcsClient::new(&base, opts).expect("client");
    Upstream { client, log, base }
}

async fn upstream(status: u16, body: impl Into<Vec<u8>>) -> Upstream {
    let headers = vec![("content-type", "application/json".to_string())];
    upstream_full(status, headers, body, None, ClientOptions::default()).await
}

fn cred() -> Credential {
    Credential::ApiToken(SecretString::from(TOKEN))
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/src/ecs/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// Error text must never carry the URL, the token or payload text.
fn assert_clean(e: &EcsError, base: &str) {
    let shown = format!("{e} | {e:?} | {}", e.user_message());
    let host = base.trim_start_matches("http://");
    let host = host.split('/').next().unwrap_or(host);
    assert!(!shown.contains(host), "leaks the address: {shown}");
    assert!(!shown.contains("/ecs/v2"), "leaks the path: {shown}");
    assert!(!shown.contains(TOKEN), "leaks the token: {shown}");
}

fn ts(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("valid date")
}
