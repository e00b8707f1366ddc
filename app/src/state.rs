//! What server functions need from the server: the upstream client and the demo flag, provided
//! as Leptos context by the server crate; plus the one path from session to upstream call.

use tower_sessions::Session;

use crate::auth::session::{self, SignedIn};
use crate::ecs::{Credential, EcsClient, EcsError};
use crate::error::AppError;

#[derive(Clone)]
pub struct PanelState {
    pub client: EcsClient,
    /// Demo mode: the embedded simulator stands in for Seeweb; the sign-in page says so.
    pub demo: Option<DemoAccount>,
    /// Failed sign-ins, per peer and per username, in the shared store.
    pub throttle: crate::auth::throttle::Throttle,
    /// What must hold across requests and replicas (form tokens…): the session store's backend
    /// when it is shared, this process's memory otherwise.
    pub shared: std::sync::Arc<dyn crate::shared_state::SharedState>,
    /// How long a session signed in with an API token lasts at most (API tokens never expire
    /// upstream, so the panel sets the bound). Team sessions last as long.
    pub api_token_session: std::time::Duration,
    /// The panel database: team mode's people and the audit log.
    pub db: crate::db::Db,
    /// Team mode (`None`: personal mode, everyone signs in with their ECS credentials).
    pub team: Option<crate::team::TeamMode>,
    /// How long audit entries are kept (`/audit` says it in the reader's words).
    pub audit_retention: std::time::Duration,
}

/// The simulator's documented demo credentials, shown on the sign-in page in demo mode only.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    pub username: String,
    pub password: String,
}

pub fn panel_state() -> Result<PanelState, AppError> {
    leptos::prelude::use_context::<PanelState>().ok_or_else(|| {
        tracing::error!("PanelState missing from the Leptos context");
        AppError::Internal
    })
}

pub async fn request_session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(|err| {
        tracing::error!(%err, "no session layer in front of a server function");
        AppError::Internal
    })
}

/// The signed-in user's client and credential, or `SessionExpired`. A token past its `expire`
/// ends the session here, before any upstream call.
pub async fn upstream() -> Result<(EcsClient, Credential, Session), AppError> {
    let state = panel_state()?;
    let session = request_session().await?;
    let cred = credential(&state, &session).await?;
    Ok((state.client, cred, session))
}

/// The session's credential, or `SessionExpired` (a token past its `expire` ends the session):
/// for handlers outside server functions, which have the session but no Leptos context. A panel
/// account acts with the panel's own token.
pub async fn credential(state: &PanelState, session: &Session) -> Result<Credential, AppError> {
    let user: SignedIn = session::signed_in(session)
        .await
        .ok_or(AppError::SessionExpired)?;
    if user.is_expired(chrono::Utc::now().timestamp()) {
        session::sign_out(session).await;
        return Err(AppError::SessionExpired);
    }
    session::renew(session).await;
    match (user.credential(), &state.team) {
        (Some(cred), _) => Ok(cred),
        (None, Some(team)) => Ok(Credential::ApiToken(team.token.clone())),
        // A team session in a panel no longer in team mode: sign in again.
        (None, None) => {
            session::sign_out(session).await;
            Err(AppError::SessionExpired)
        }
    }
}

/// Maps an upstream failure to words for people; a 401 also ends the session, so the next page
/// goes through sign-in and comes back.
pub async fn upstream_error(err: EcsError, session: &Session) -> AppError {
    crate::audit::note_upstream(&err);
    if matches!(err, EcsError::Unauthorized) {
        session::sign_out(session).await;
        return AppError::SessionExpired;
    }
    match err {
        // An id that cannot exist names nothing: as good as not found.
        EcsError::NotFound { .. } | EcsError::InvalidId => {
            return AppError::NotFound(err.user_message())
        }
        EcsError::Unavailable {
            status: Some(503), ..
        } => return AppError::Maintenance(err.user_message()),
        _ => {}
    }
    AppError::Upstream(err.user_message())
}

/// `r`, with an upstream failure turned into `AppError` (see [`upstream_error`]).
pub async fn checked<T>(r: Result<T, EcsError>, session: &Session) -> Result<T, AppError> {
    match r {
        Ok(v) => Ok(v),
        Err(e) => Err(upstream_error(e, session).await),
    }
}

/// Like [`checked`], but a failure `explain` recognises becomes the error it makes: ECS's
/// documented refusals in plain words, most often at the field they are about (the words are
/// each resource's own, in `crate::model`).
pub async fn explained<T>(
    r: Result<T, EcsError>,
    session: &Session,
    explain: impl FnOnce(&EcsError) -> Option<AppError>,
) -> Result<T, AppError> {
    if let Some(explained) = r.as_ref().err().and_then(explain) {
        if let Err(e) = &r {
            crate::audit::note_upstream(e);
        }
        return Err(explained);
    }
    checked(r, session).await
}
