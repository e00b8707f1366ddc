//! The route guard: every page but sign-in, the health check and static files needs a session.
//! It runs before the Leptos handler, so nothing is rendered for a signed-out visitor.

use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use app::auth::{
    login_url,
    session::{renew, sign_out, signed_in},
    CurrentUser,
};

/// Paths anyone may fetch. Server functions (`/api/…`) check the session themselves and answer
/// with an error the page turns into a trip through sign-in.
fn is_public(path: &str) -> bool {
    path == "/login"
        || path == "/healthz"
        || path == "/favicon.svg"
        || path == "/favicon.ico"
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
}

/// Static files and the health check, which never need the session.
fn is_static(path: &str) -> bool {
    path == "/healthz"
        || path == "/favicon.svg"
        || path == "/favicon.ico"
        || path.starts_with("/pkg/")
}

/// Runs outside the session layer: static files and the health check lose their `Cookie`
/// header, so they never read (or write) the session store, whatever cookie they carry.
pub async fn no_session_for_static(mut req: Request, next: Next) -> Response {
    if is_static(req.uri().path()) {
        req.headers_mut().remove(http::header::COOKIE);
    }
    next.run(req).await
}

pub async fn require_session(session: Session, mut req: Request, next: Next) -> Response {
    if is_public(req.uri().path()) {
        return next.run(req).await;
    }
    let here = req
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    match signed_in(&session).await {
        Some(user) if !user.is_expired(chrono::Utc::now().timestamp()) => {
            renew(&session).await;
            req.extensions_mut().insert(CurrentUser(user.username));
            next.run(req).await
        }
        Some(_) => {
            sign_out(&session).await;
            Redirect::to(&login_url(&here, true)).into_response()
        }
        None => Redirect::to(&login_url(&here, false)).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sign_in_health_and_assets_are_public() {
        for p in [
            "/login",
            "/healthz",
            "/pkg/ecs-panel.wasm",
            "/api/login",
            "/favicon.svg",
        ] {
            assert!(is_public(p), "{p}");
        }
        for p in [
            "/",
            "/servers",
            "/servers/ec1",
            "/login/../servers",
            "/loginx",
            "/healthz/x",
        ] {
            assert!(!is_public(p), "{p}");
        }
    }
}
