//! The access gate in front of every server function: the role table (`app::access::RULES`)
//! enforced, and the audit log written. It runs inside the route guard, which says who is
//! calling, and outside `fn_status`, so it sees each answer's real status.

use app::access::{self, Rule};
use app::audit::{params, Entry, UpstreamNote};
use app::auth::CurrentUser;
use app::error::AppError;
use app::model::audit::Outcome;
use app::state::PanelState;
use axum::{
    body::Body,
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::StatusCode;

/// A server function's form body is a few KB (a cloud script at most 1 MB).
const MAX_BODY: usize = 2 * 1024 * 1024;
/// Answers of changes are small; a larger one is passed on without reading its action id.
const MAX_ANSWER: usize = 4 * 1024 * 1024;

pub async fn gate(State(state): State<PanelState>, req: Request, next: Next) -> Response {
    let Some(endpoint) = req.uri().path().strip_prefix("/api/").map(str::to_string) else {
        return next.run(req).await;
    };
    // Refusals are worded in the reader's language (its cookie or `Accept-Language`); the audit
    // log keeps English, the words built outside `of_request`.
    let Some(rule) = access::rule(&endpoint) else {
        tracing::error!(
            endpoint,
            "a server function is missing from app::access::RULES"
        );
        return refusal(AppError::Forbidden(app::locale::of_request(
            req.headers(),
            access::unknown_words,
        )));
    };
    let Some(need) = access::need(rule) else {
        return next.run(req).await;
    };
    // Not signed in: the server function itself answers "session expired".
    let Some(who) = req.extensions().get::<CurrentUser>().cloned() else {
        return next.run(req).await;
    };
    let change = match rule {
        Rule::Change { resource, .. } => Some(resource),
        _ => None,
    };
    if who.must_change && endpoint != "password_change" {
        return refusal(AppError::Forbidden(app::locale::of_request(
            req.headers(),
            access::choose_password_words,
        )));
    }
    let peer = req
        .extensions()
        .get::<app::auth::throttle::Peer>()
        .map(|p| p.0.to_string())
        .unwrap_or_default();
    let Some(resource_keys) = change else {
        if who.role < need {
            return refusal(AppError::Forbidden(app::locale::of_request(
                req.headers(),
                || access::denied_words(who.role, need),
            )));
        }
        return next.run(req).await;
    };

    let (mut parts, body) = req.into_parts();
    let Ok(body) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "request too large").into_response();
    };
    let fields = params::from_form(&body);
    let mut entry = Entry {
        actor: who.name.clone(),
        role: if who.user_id.is_some() {
            who.role.as_str().to_string()
        } else {
            "personal".into()
        },
        operation: endpoint.clone(),
        resource: params::resource(&fields, resource_keys),
        params: serde_json::Value::Object(fields).to_string(),
        peer,
        outcome: Outcome::Denied,
        detail: String::new(),
        action_id: None,
    };
    if who.role < need {
        entry.detail = access::denied_words(who.role, need);
        record(&state, &entry).await;
        tracing::warn!(endpoint, "refused by role");
        return refusal(AppError::Forbidden(app::locale::of_request(
            &parts.headers,
            || access::denied_words(who.role, need),
        )));
    }

    let note = UpstreamNote::default();
    parts.extensions.insert(note.clone());
    let res = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (parts, body) = res.into_parts();
    let Ok(answer) = axum::body::to_bytes(body, MAX_ANSWER).await else {
        entry.outcome = Outcome::Failed;
        entry.detail = "the answer could not be read".into();
        record(&state, &entry).await;
        return Response::from_parts(parts, Body::empty());
    };
    (entry.outcome, entry.detail, entry.action_id) = outcome(parts.status, &answer, note.take());
    record(&state, &entry).await;
    Response::from_parts(parts, Body::from(answer))
}

/// How a change ended, from its status and answer, and what ECS said when it refused.
fn outcome(
    status: StatusCode,
    answer: &[u8],
    upstream: Option<(Outcome, String)>,
) -> (Outcome, String, Option<u64>) {
    if status.is_success() {
        return (Outcome::Done, String::new(), action_id(answer));
    }
    let error = serde_json::from_slice::<AppError>(answer).ok();
    if let Some((outcome, said)) = upstream {
        // ECS's own words, inside the panel's.
        let words = error.map(|e| e.to_string()).unwrap_or_default();
        let detail = if said.is_empty() || words.contains(&said) {
            words
        } else {
            format!("{words} (ECS: {said})")
        };
        return (outcome, detail, None);
    }
    match error {
        Some(e @ AppError::Forbidden(_)) => (Outcome::Denied, e.to_string(), None),
        Some(e @ (AppError::Invalid { .. } | AppError::NotFound(_))) => {
            (Outcome::Refused, e.to_string(), None)
        }
        Some(e) => (Outcome::Failed, e.to_string(), None),
        None => (Outcome::Failed, format!("HTTP {}", status.as_u16()), None),
    }
}

/// The ECS action id a change answered with: the answer itself (`12`, `Some(12)`) or its
/// `action_id` field.
fn action_id(answer: &[u8]) -> Option<u64> {
    match serde_json::from_slice::<serde_json::Value>(answer).ok()? {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::Object(o) => o.get("action_id").and_then(serde_json::Value::as_u64),
        _ => None,
    }
}

async fn record(state: &PanelState, entry: &Entry) {
    if let Err(e) = app::audit::store::append(&state.db, entry).await {
        tracing::error!(%e, operation = entry.operation, "could not write the audit log");
    }
}

fn refusal(error: AppError) -> Response {
    let body = serde_json::to_vec(&error).unwrap_or_default();
    (
        StatusCode::FORBIDDEN,
        [(http::header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_read_from_status_and_answer() {
        assert_eq!(
            outcome(StatusCode::OK, b"42", None),
            (Outcome::Done, String::new(), Some(42))
        );
        assert_eq!(outcome(StatusCode::OK, b"null", None).2, None);
        let refused = serde_json::to_vec(&AppError::Upstream("ECS refused it.".into())).unwrap();
        let (o, d, _) = outcome(
            StatusCode::BAD_GATEWAY,
            &refused,
            Some((Outcome::Refused, "quota exceeded".into())),
        );
        assert_eq!(o, Outcome::Refused);
        assert!(
            d.contains("ECS refused it.") && d.contains("quota exceeded"),
            "{d}"
        );
        let internal = serde_json::to_vec(&AppError::Internal).unwrap();
        assert_eq!(
            outcome(StatusCode::INTERNAL_SERVER_ERROR, &internal, None).0,
            Outcome::Failed
        );
        let typo = serde_json::to_vec(&AppError::invalid("name", "Enter a name.")).unwrap();
        assert_eq!(
            outcome(StatusCode::UNPROCESSABLE_ENTITY, &typo, None).0,
            Outcome::Refused
        );
    }
}
