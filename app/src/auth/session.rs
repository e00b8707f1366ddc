//! The signed-in user as kept in the server-side session record (never sent to the browser).

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::ecs::Credential;

const KEY: &str = "signed_in";
/// The minute a signed-in session was last renewed.
const RENEWED: &str = "renewed_minute";

/// How the user proved who they are; decides which header carries the token upstream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenKind {
    /// A JWT from `POST /login`, sent as `Authorization: Bearer`.
    Jwt,
    /// An API token made in Seeweb's panel, sent as `X-APITOKEN`.
    ApiToken,
    /// Team mode: a panel account; upstream calls use the panel's own token (`TeamMode`), which
    /// is never copied into a session.
    Team,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct SignedIn {
    pub username: String,
    token: String,
    pub kind: TokenKind,
    /// Unix seconds after which the token is dead (`expire` from `/login`); API tokens: none.
    pub expires_at: Option<i64>,
    /// Team mode: the panel account's id (its role and state are read afresh every request).
    #[serde(default)]
    pub user_id: Option<String>,
}

// Hand-written so that no `{:?}` anywhere can print the token.
impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("username", &self.username)
            .field("kind", &self.kind)
            .field("expires_at", &self.expires_at)
            .field("user_id", &self.user_id)
            .finish_non_exhaustive()
    }
}

impl SignedIn {
    pub fn new(username: String, token: String, kind: TokenKind, expires_at: Option<i64>) -> Self {
        Self {
            username,
            token,
            kind,
            expires_at,
            user_id: None,
        }
    }

    /// A panel account signed in (team mode); the session ends after `expires_at`.
    pub fn team(name: String, user_id: String, expires_at: i64) -> Self {
        Self {
            username: name,
            token: String::new(),
            kind: TokenKind::Team,
            expires_at: Some(expires_at),
            user_id: Some(user_id),
        }
    }

    /// The session's own upstream credential; `None` for a panel account, which acts with the
    /// panel's token (see `state::credential`).
    pub fn credential(&self) -> Option<Credential> {
        match self.kind {
            TokenKind::Jwt => Some(Credential::Bearer(self.token.clone().into())),
            TokenKind::ApiToken => Some(Credential::ApiToken(self.token.clone().into())),
            TokenKind::Team => None,
        }
    }

    pub fn is_expired(&self, now_unix: i64) -> bool {
        self.expires_at.is_some_and(|exp| exp <= now_unix)
    }
}

/// The signed-in user, if any. A session record that cannot be read counts as signed out.
pub async fn signed_in(session: &Session) -> Option<SignedIn> {
    session.get::<SignedIn>(KEY).await.ok().flatten()
}

/// Starts a fresh session for `user`: a new id (no fixation), then the record.
pub async fn sign_in(
    session: &Session,
    user: SignedIn,
) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.insert(KEY, user).await
}

/// Moves a signed-in session's idle expiry on (the route guard and every server function call
/// this). At most one write a minute: the record is saved only when something in it changed.
pub async fn renew(session: &Session) {
    let minute = chrono::Utc::now().timestamp() / 60;
    if session.get::<i64>(RENEWED).await.ok().flatten() != Some(minute) {
        if let Err(err) = session.insert(RENEWED, minute).await {
            tracing::warn!(%err, "could not renew the session");
        }
    }
}

/// Ends the session: the record is deleted from the store, the cookie cleared.
pub async fn sign_out(session: &Session) {
    if let Err(err) = session.flush().await {
        tracing::warn!(%err, "could not delete the session record");
    }
}
