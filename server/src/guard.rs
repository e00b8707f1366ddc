//! The route guard: every page but sign-in, the health check and static files needs a session.
//! It runs before the Leptos handler, so nothing is rendered for a signed-out visitor.

use app::model::team::Role;
use app::plain::Plain;
use app::state::PanelState;
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use tower_sessions::Session;

use app::auth::{
    login_url, password_url,
    session::{renew, sign_out, signed_in},
    CurrentUser,
};

/// Paths anyone may fetch. Server functions (`/api/…`) check the session themselves and answer
/// with an error the page turns into a trip through sign-in; the guard only tells the access
/// gate who is calling.
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

/// Who a session is, read afresh every request: a panel account's role and state come from the
/// database, so a role change or a disabled account takes effect at its next request, on every
/// replica.
enum Identity {
    User(CurrentUser),
    /// Signed in once, but no more: the token expired, or the account was disabled or removed.
    Ended,
    Anonymous,
    /// The panel database did not answer.
    Unknown,
}

async fn identify(state: &PanelState, session: &Session) -> Identity {
    let Some(user) = signed_in(session).await else {
        return Identity::Anonymous;
    };
    if user.is_expired(chrono::Utc::now().timestamp()) {
        return Identity::Ended;
    }
    let Some(id) = user.user_id.as_deref() else {
        // Personal mode: the ECS account's own user, who may do everything it may.
        return Identity::User(CurrentUser {
            name: user.username,
            role: Role::Admin,
            user_id: None,
            must_change: false,
        });
    };
    if state.team.is_none() {
        return Identity::Ended;
    }
    match app::team::users::by_id(&state.db, id).await {
        Ok(Some(u)) if !u.disabled => Identity::User(CurrentUser {
            name: u.name,
            role: u.role,
            user_id: Some(u.id),
            must_change: u.must_change,
        }),
        Ok(_) => Identity::Ended,
        Err(e) => {
            tracing::error!(%e, "panel database unreachable while checking a session");
            Identity::Unknown
        }
    }
}

pub async fn require_session(
    State(state): State<PanelState>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_string();
    let server_fn = path.starts_with("/api/");
    if is_public(&path) && !server_fn {
        return next.run(req).await;
    }
    let here = req
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    match identify(&state, &session).await {
        Identity::User(user) => {
            renew(&session).await;
            // A one-time password is changed before anything else is shown.
            if user.must_change && !server_fn && path != "/password" {
                return Redirect::to(&password_url(&here)).into_response();
            }
            req.extensions_mut().insert(user);
            next.run(req).await
        }
        Identity::Ended => {
            sign_out(&session).await;
            if server_fn {
                // The server function answers "session expired" itself.
                next.run(req).await
            } else {
                Redirect::to(&login_url(&here, true)).into_response()
            }
        }
        // Server functions check the session themselves.
        Identity::Anonymous if server_fn => next.run(req).await,
        Identity::Anonymous => Redirect::to(&login_url(&here, false)).into_response(),
        Identity::Unknown => {
            let locale = app::locale::of_headers(req.headers());
            (
                http::StatusCode::SERVICE_UNAVAILABLE,
                app::plain::words(Plain::Database, locale),
            )
                .into_response()
        }
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
