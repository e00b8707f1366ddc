//! `GET /consumption/export?year=&month=&kind=`: ECS's own consumption CSV, fetched with the
//! session's credential and handed to the browser as a download. Not a server function: the
//! browser saves the bytes as they come from ECS, and the wasm never holds them.

use axum::{
    extract::Query,
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use app::state::PanelState;

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    year: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    kind: String,
}

pub async fn consumption_csv(
    state: PanelState,
    session: Session,
    headers: HeaderMap,
    Query(q): Query<ExportQuery>,
) -> Response {
    // A download is a GET, which the same-origin layer lets through: a link on another site
    // must not make the browser fetch the account's bills with its cookie.
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return plain(
            StatusCode::FORBIDDEN,
            "Downloads start from the panel's own pages.",
        );
    }
    let number = |s: &str| s.trim().parse::<i64>().ok();
    let (Some(year), Some(month)) = (number(&q.year), number(&q.month)) else {
        return plain(StatusCode::BAD_REQUEST, "Choose a month to download.");
    };
    let (Ok(year), Ok(month)) = (i32::try_from(year), u32::try_from(month)) else {
        return plain(StatusCode::BAD_REQUEST, "Choose a month to download.");
    };
    let cred = match app::state::credential(&session).await {
        Ok(c) => c,
        Err(e) => return failure(e),
    };
    match app::api::consumption::ssr::csv(&state.client, &cred, &session, &q.kind, year, month)
        .await
    {
        Ok((file, body)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Err(e) => failure(e),
    }
}

fn failure(e: app::error::AppError) -> Response {
    use app::error::AppError;
    let status = match &e {
        AppError::SessionExpired => StatusCode::UNAUTHORIZED,
        AppError::Invalid { .. } => StatusCode::BAD_REQUEST,
        AppError::NotFound(_) => StatusCode::NOT_FOUND,
        AppError::Maintenance(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Upstream(_) => StatusCode::BAD_GATEWAY,
        AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    plain(
        status,
        &format!("The consumption file could not be downloaded. {e} Go back to the consumption page and try again."),
    )
}

fn plain(status: StatusCode, words: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        words.to_string(),
    )
        .into_response()
}
