//! The control side: what tests and developers steer, never part of the ECS API.
//!
//! This module is the control API under `/__sim/`: faults, forced token expiry, extra API tokens
//! (as a user makes them in Seeweb's panel), the clock, the request log, the answer forms and a
//! reset. It answers only to loopback peers (403 otherwise, and also when the peer address is
//! unknown: fail closed). Beside it: the fault injection and request recording that wrap the API
//! (`faults.rs`, `requests.rs`) and the command line (`args.rs`).

pub mod args;
pub mod faults;
pub mod requests;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Query, Request, State};
use axum::middleware::{from_fn, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::input::{opt_bool, opt_int, opt_str, JsonBody};
use crate::config::{FaultConfig, MAX_OVERSIZE};
use crate::seed::ACCOUNTS;
use crate::store::Store;
use crate::util::iso;
use crate::world::account::ApiKey;
use crate::world::error::{SimError, SimResult};

/// The `/__sim` routes, loopback only.
pub fn router(store: Store) -> Router {
    Router::new()
        .route(
            "/faults",
            get(get_faults).put(put_faults).delete(clear_faults),
        )
        .route("/expire-tokens", post(expire_tokens))
        .route("/api-tokens", post(add_api_token))
        .route("/clock", get(clock))
        .route("/clock/advance", post(advance))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/forms", put(set_forms))
        .route("/accounts", get(accounts))
        .route("/reset", post(reset))
        .layer(from_fn(loopback_only))
        .with_state(store)
}

async fn loopback_only(req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if peer.is_some_and(|ip| ip.is_loopback()) {
        next.run(req).await
    } else {
        SimError::Forbidden("The simulator's admin API only answers loopback clients".into())
            .into_response()
    }
}

async fn get_faults(State(store): State<Store>) -> Json<FaultConfig> {
    Json(store.faults().clone())
}

/// Replaces the whole fault configuration (missing fields = off).
async fn put_faults(
    State(store): State<Store>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<FaultConfig>> {
    let config: FaultConfig = serde_json::from_value(Value::Object(body))
        .map_err(|e| SimError::bad(format!("Invalid fault configuration: {e}")))?;
    if !(0.0..=1.0).contains(&config.error_rate) {
        return Err(SimError::bad("error_rate must be between 0 and 1"));
    }
    if config.oversize_bytes.is_some_and(|n| n > MAX_OVERSIZE) {
        return Err(SimError::bad("oversize_bytes is at most 64 MiB"));
    }
    if config.status.is_some_and(|s| !(400..=599).contains(&s)) {
        return Err(SimError::bad("status must be between 400 and 599"));
    }
    *store.faults() = config.clone();
    tracing::info!(?config, "simulator faults changed");
    Ok(Json(config))
}

async fn clear_faults(State(store): State<Store>) -> Json<FaultConfig> {
    *store.faults() = FaultConfig::default();
    Json(FaultConfig::default())
}

/// `{username?, after_calls?}`: revoke every JWT and API key now, or after N more calls.
async fn expire_tokens(
    State(store): State<Store>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let username = opt_str(&body, "username")?;
    let after = opt_int(&body, "after_calls")?;
    let after = after
        .map(|n| u32::try_from(n).map_err(|_| SimError::bad("after_calls must be >= 0")))
        .transpose()?;
    let (mut world, _) = store.lock();
    if let Some(name) = &username {
        if !world.accounts.contains_key(name) {
            return Err(SimError::not_found("account not found"));
        }
    }
    let mut touched = Vec::new();
    for account in world
        .accounts
        .values_mut()
        .filter(|a| username.as_ref().is_none_or(|u| *u == a.username))
    {
        match after {
            Some(n) => account.expire_countdown = Some(n),
            None => account.revoke_all(),
        }
        touched.push(account.username.clone());
    }
    Ok(Json(json!({ "status": "ok", "accounts": touched })))
}

/// `{username, token}`: a further API token for that account (tests sign in with a canary token).
async fn add_api_token(
    State(store): State<Store>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let username = opt_str(&body, "username")?.ok_or_else(|| SimError::bad("username required"))?;
    let token = opt_str(&body, "token")?.ok_or_else(|| SimError::bad("token required"))?;
    if token.len() < 16 || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(SimError::bad("token must be 16+ printable characters"));
    }
    let (mut world, now) = store.lock();
    let id = world
        .accounts
        .values()
        .flat_map(|a| a.api_keys.iter().map(|k| k.id))
        .max()
        .unwrap_or(0)
        + 1;
    let account = world
        .accounts
        .get_mut(&username)
        .ok_or_else(|| SimError::not_found("account not found"))?;
    account.api_keys.push(ApiKey {
        id,
        notes: "added by a test".into(),
        token,
        created_at: now,
        revoked: false,
    });
    Ok(Json(json!({ "status": "ok", "id": id })))
}

async fn clock(State(store): State<Store>) -> Json<Value> {
    Json(json!({ "now": iso(&store.now()), "manual": store.clock.is_manual() }))
}

/// `{seconds}`: moves simulated time forward; due actions complete on the next request.
async fn advance(State(store): State<Store>, JsonBody(body): JsonBody) -> SimResult<Json<Value>> {
    let seconds = body
        .get("seconds")
        .and_then(Value::as_f64)
        .ok_or_else(|| SimError::topic("seconds"))?;
    if seconds < 0.0 {
        return Err(SimError::bad("seconds must be positive"));
    }
    store.clock.advance(seconds);
    let (_world, now) = store.lock();
    Ok(Json(json!({ "now": iso(&now) })))
}

#[derive(Debug, Deserialize)]
struct RequestsQuery {
    limit: Option<usize>,
}

async fn requests(State(store): State<Store>, Query(query): Query<RequestsQuery>) -> Json<Value> {
    let items = store.requests().recent(query.limit.unwrap_or(usize::MAX));
    Json(json!({ "requests": items }))
}

async fn clear_requests(State(store): State<Store>) -> Json<Value> {
    store.requests().clear();
    Json(json!({ "status": "ok" }))
}

/// `{legacy: bool}`: switches the answer forms at run time.
async fn set_forms(State(store): State<Store>, JsonBody(body): JsonBody) -> SimResult<Json<Value>> {
    let legacy = opt_bool(&body, "legacy")?.ok_or_else(|| SimError::topic("legacy"))?;
    store.set_legacy(legacy);
    Ok(Json(json!({ "status": "ok", "legacy": legacy })))
}

/// The seeded demo credentials (loopback only): handy for a developer starting the panel.
async fn accounts() -> Json<Value> {
    let list: Vec<Value> = ACCOUNTS
        .iter()
        .map(
            |a| json!({ "username": a.username, "password": a.password, "api_token": a.api_token }),
        )
        .collect();
    Json(json!({ "accounts": list }))
}

async fn reset(State(store): State<Store>) -> Json<Value> {
    store.reset();
    Json(json!({ "status": "ok" }))
}
