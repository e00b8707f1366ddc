//! Authentication: `POST /login` (multipart, urlencoded or JSON) issuing HS256 JWTs, and the
//! middleware accepting `Authorization: Bearer <jwt>` or `X-APITOKEN: <api key>`.
//!
//! Expiry is checked against the simulator's clock (not the wall clock) so tests can expire a token
//! by advancing time. Tokens and passwords are never logged.

use std::collections::HashSet;

use axum::extract::{FromRequest, FromRequestParts, Multipart, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Duration;
use http::request::Parts;
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::api::input::{parse_object, req_str};
use crate::store::Store;
use crate::world::error::{SimError, SimResult};

/// The authenticated account, put in the request's extensions by `require_auth`.
#[derive(Debug, Clone)]
struct Caller {
    username: String,
}

/// What an authenticated handler works with: the store, and the account calling.
pub struct Call {
    pub store: Store,
    pub user: String,
}

impl FromRequestParts<Store> for Call {
    type Rejection = SimError;

    async fn from_request_parts(parts: &mut Parts, store: &Store) -> SimResult<Self> {
        // Only routes behind `require_auth` take a `Call`, so the caller is always there.
        let caller = parts
            .extensions
            .get::<Caller>()
            .ok_or_else(|| SimError::Unauthorized("Missing authentication token".into()))?;
        Ok(Self {
            store: store.clone(),
            user: caller.username.clone(),
        })
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    exp: i64,
    nbf: i64,
    username: String,
    email: String,
}

/// `POST /login`: `{"token", "expire", "status": "ok"}`.
pub async fn login(State(store): State<Store>, req: Request) -> SimResult<Json<Value>> {
    let fields = read_credentials(req, &store).await?;
    let username = req_str(&fields, "username")?;
    let password = req_str(&fields, "password")?;
    let (mut world, now) = store.lock();
    let account = world
        .accounts
        .get_mut(username.trim())
        .filter(|a| a.password == password)
        .ok_or_else(|| SimError::Unauthorized("Invalid credentials".into()))?;
    let lifetime = Duration::seconds(store.settings.config.token_lifetime_secs as i64);
    let claims = Claims {
        exp: (now + lifetime).timestamp(),
        nbf: now.timestamp(),
        username: account.username.clone(),
        email: account.email.clone(),
    };
    let token = encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(&store.settings.jwt_secret),
    )
    .map_err(|_| SimError::bad("Unable to issue a token"))?;
    account.sessions.push(token.clone());
    let user = account.username.clone();
    world.log(&user, now, "Login", &user, None);
    tracing::debug!(username = %user, "simulator login");
    Ok(Json(
        json!({ "token": token, "expire": claims.exp, "status": "ok" }),
    ))
}

async fn read_credentials(req: Request, store: &Store) -> SimResult<Map<String, Value>> {
    let content_type = req
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(req, store)
            .await
            .map_err(|_| SimError::bad("Invalid multipart body"))?;
        let mut fields = Map::new();
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| SimError::bad("Invalid multipart body"))?
        {
            let name = field.name().unwrap_or("").to_string();
            let text = field
                .text()
                .await
                .map_err(|_| SimError::bad("Invalid multipart body"))?;
            fields.insert(name, Value::String(text));
        }
        return Ok(fields);
    }
    let bytes = axum::body::Bytes::from_request(req, store)
        .await
        .map_err(|_| SimError::bad("Invalid request body"))?;
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let pairs: Vec<(String, String)> =
            serde_urlencoded_pairs(&bytes).ok_or_else(|| SimError::bad("Invalid form body"))?;
        return Ok(pairs
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect());
    }
    parse_object(&bytes)
}

/// Parses an urlencoded form with axum's own deserializer (no extra dependency).
fn serde_urlencoded_pairs(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let uri: http::Uri = format!("/?{text}").parse().ok()?;
    let axum::extract::Query(pairs) =
        axum::extract::Query::<Vec<(String, String)>>::try_from_uri(&uri).ok()?;
    Some(pairs)
}

/// Middleware for every route but `/login`: resolves the caller or answers 401.
pub async fn require_auth(State(store): State<Store>, mut req: Request, next: Next) -> Response {
    match authenticate(&store, req.headers()) {
        Ok(caller) => {
            req.extensions_mut().insert(caller);
            next.run(req).await
        }
        Err(err) => err.into_response(),
    }
}

fn authenticate(store: &Store, headers: &http::HeaderMap) -> SimResult<Caller> {
    let header_text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let token = match (header_text("x-apitoken"), header_text("authorization")) {
        (Some(key), _) if !key.is_empty() => key.to_string(),
        (_, Some(auth)) if !auth.is_empty() => {
            // "Bearer <jwt>"; the docs also show the bare token in the header.
            let lower = auth.to_ascii_lowercase();
            if lower.starts_with("bearer ") {
                auth[7..].trim().to_string()
            } else {
                auth.to_string()
            }
        }
        _ => {
            return Err(SimError::Unauthorized(
                "Missing authentication token".into(),
            ))
        }
    };
    let (mut world, now) = store.lock();
    let username = if token.matches('.').count() == 2 {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.required_spec_claims = HashSet::new();
        let data = decode::<Claims>(
            &token,
            &DecodingKey::from_secret(&store.settings.jwt_secret),
            &validation,
        )
        .map_err(|_| SimError::Unauthorized("Invalid token".into()))?;
        let claims = data.claims;
        if now.timestamp() >= claims.exp {
            return Err(SimError::Unauthorized("Token expired".into()));
        }
        if now.timestamp() < claims.nbf {
            return Err(SimError::Unauthorized("Invalid token".into()));
        }
        let account = world.account(&claims.username)?;
        if !account.sessions.contains(&token) {
            return Err(SimError::Unauthorized("Token expired".into()));
        }
        claims.username
    } else {
        world
            .accounts
            .values()
            .find(|a| a.api_keys.iter().any(|k| !k.revoked && k.token == token))
            .map(|a| a.username.clone())
            .ok_or_else(|| SimError::Unauthorized("Invalid token".into()))?
    };
    let account = world.account_mut(&username)?;
    match account.expire_countdown {
        Some(0) => {
            account.expire_countdown = None;
            account.revoke_all();
            return Err(SimError::Unauthorized("Token expired".into()));
        }
        Some(n) => account.expire_countdown = Some(n - 1),
        None => {}
    }
    Ok(Caller { username })
}
