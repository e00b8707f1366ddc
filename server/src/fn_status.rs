//! HTTP statuses for server functions' errors. Leptos answers every error with 500 and the
//! browser decodes the error from the body whatever the status, so the status is free to say what
//! happened: logs, proxies and monitoring can then tell a typo (422) or an ended session (401) from
//! an ECS API that failed (502) and from a fault of the panel's own (500).

use app::error::AppError;
use axum::{body::Body, extract::Request, middleware::Next, response::Response};
use http::StatusCode;

/// An error body is a few hundred bytes; anything larger is left as it is.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// What each error means in HTTP.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::SessionExpired => StatusCode::UNAUTHORIZED,
        AppError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Forbidden(_) => StatusCode::FORBIDDEN,
        AppError::Maintenance(_) => StatusCode::SERVICE_UNAVAILABLE,
        // The ECS API refused or failed what was asked; the words say which.
        AppError::Upstream(_) => StatusCode::BAD_GATEWAY,
        AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Gives a server function's 500 the status of the `AppError` it carries (pages are untouched).
pub async fn error_status(req: Request, next: Next) -> Response {
    let server_fn = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !server_fn || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, Body::from(bytes))
}
