//! Downloads, for admins: `GET /consumption/export?year=&month=&kind=`, ECS's own consumption
//! CSV fetched with the session's credential, and `GET /audit/export?<filters>`, the audit log
//! as CSV. Not server functions: the browser saves the bytes as they come, and the wasm never
//! holds them.

use axum::{
    extract::Query,
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use tower_sessions::Session;

use app::auth::CurrentUser;
use app::error::AppError;
use app::locale::of_headers;
use app::model::audit::AuditFilter;
use app::model::team::Role;
use app::plain::{words, Plain};
use app::state::PanelState;

/// The audit export's cap: a year of a busy team's changes.
const AUDIT_ROWS_MAX: usize = 200_000;

/// Refuses a download started from another site (a GET, which the same-origin layer lets
/// through: a link elsewhere must not fetch the account's data with its cookie), or by a role
/// below admin. Every answer is in the reader's language.
fn refused(headers: &HeaderMap, who: Option<&CurrentUser>, what: Plain) -> Option<Response> {
    let locale = of_headers(headers);
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
    {
        return Some(plain(
            StatusCode::FORBIDDEN,
            words(Plain::DownloadElsewhere, locale),
        ));
    }
    match who {
        Some(w) if w.role >= Role::Admin => None,
        Some(w) => {
            let denied =
                app::locale::of_request(headers, || app::access::denied_words(w.role, Role::Admin));
            Some(plain(
                StatusCode::FORBIDDEN,
                &format!("{} {denied}", words(what, locale)),
            ))
        }
        None => Some(plain(
            StatusCode::UNAUTHORIZED,
            words(Plain::SignInFirst, locale),
        )),
    }
}

pub async fn audit_csv(
    state: PanelState,
    who: Option<axum::Extension<CurrentUser>>,
    headers: HeaderMap,
    Query(filter): Query<AuditFilter>,
) -> Response {
    let who = who.map(|w| w.0);
    if let Some(no) = refused(&headers, who.as_ref(), Plain::AuditForAdmins) {
        return no;
    }
    let filter = match &who {
        Some(me) => app::api::audit::own_entries(filter, me),
        None => filter,
    };
    let problem = app::locale::of_request(&headers, || app::audit::store::filter_problem(&filter));
    if let Some((_, problem)) = problem {
        return plain(StatusCode::BAD_REQUEST, &problem);
    }
    match app::audit::store::csv(&state.db, &filter, AUDIT_ROWS_MAX).await {
        Ok(body) => {
            let day = chrono::Utc::now().format("%Y-%m-%d");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"ecs-panel-audit-{day}.csv\""),
                    ),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(%e, "audit export");
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                words(Plain::AuditFailed, of_headers(&headers)),
            )
        }
    }
}

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
    who: Option<axum::Extension<CurrentUser>>,
    headers: HeaderMap,
    Query(q): Query<ExportQuery>,
) -> Response {
    let who = who.map(|w| w.0);
    if let Some(no) = refused(&headers, who.as_ref(), Plain::ConsumptionForAdmins) {
        return no;
    }
    let number = |s: &str| s.trim().parse::<i64>().ok();
    let (Some(year), Some(month)) = (number(&q.year), number(&q.month)) else {
        return plain(
            StatusCode::BAD_REQUEST,
            words(Plain::ChooseMonth, of_headers(&headers)),
        );
    };
    let (Ok(year), Ok(month)) = (i32::try_from(year), u32::try_from(month)) else {
        return plain(
            StatusCode::BAD_REQUEST,
            words(Plain::ChooseMonth, of_headers(&headers)),
        );
    };
    let cred = match app::state::credential(&state, &session).await {
        Ok(c) => c,
        Err(e) => return failure(e, &headers),
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
        Err(e) => failure(e, &headers),
    }
}

fn failure(e: AppError, headers: &HeaderMap) -> Response {
    let status = match &e {
        AppError::Invalid { .. } => StatusCode::BAD_REQUEST,
        other => crate::fn_status::status_of(other),
    };
    plain(
        status,
        &app::plain::consumption_failed(&e, of_headers(headers)),
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
