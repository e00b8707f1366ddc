//! Sign-in server functions. None of them returns a token: what they return is written into the
//! page for hydration.

use crate::error::AppError;
use leptos::prelude::*;

/// Username and password → `POST /login` upstream → the JWT into the session.
#[server(endpoint = "login")]
pub async fn login(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<String, AppError> {
    use crate::auth::session::{sign_in, SignedIn, TokenKind};
    use crate::auth::throttle;
    use crate::ecs::EcsError;
    use std::time::Instant;

    let username = username.trim().to_string();
    if username.is_empty() {
        return Err(AppError::invalid("username", "Enter your username."));
    }
    if password.is_empty() {
        return Err(AppError::invalid("password", "Enter your password."));
    }
    let state = crate::state::panel_state()?;
    let peer = throttle::request_peer();
    if let Some(wait) = state.throttle.wait(peer, &username, Instant::now()) {
        return Err(AppError::invalid(
            "password",
            throttle::try_again_words(wait),
        ));
    }
    let password = secrecy::SecretString::from(password);
    let grant = state
        .client
        .login(&username, &password)
        .await
        .map_err(|err| match err {
            EcsError::Unauthorized | EcsError::Rejected { .. } | EcsError::NotFound { .. } => {
                state.throttle.failed(peer, &username, Instant::now());
                tracing::warn!("a sign-in was refused");
                AppError::invalid("password", "Wrong username or password.")
            }
            other => AppError::Upstream(other.user_message()),
        })?;
    state.throttle.succeeded(peer, &username);
    let session = crate::state::request_session().await?;
    let token = secrecy::ExposeSecret::expose_secret(&grant.token).to_string();
    let user = SignedIn::new(username, token, TokenKind::Jwt, Some(grant.expire));
    sign_in(&session, user).await.map_err(|err| {
        tracing::error!(%err, "could not store the session");
        AppError::Internal
    })?;
    tracing::info!("signed in with a password");
    Ok(crate::auth::safe_next(next.as_deref()))
}

/// An API token, verified with one cheap upstream call (`GET /account`) before it is accepted.
#[server(endpoint = "login_token")]
pub async fn login_token(token: String, next: Option<String>) -> Result<String, AppError> {
    use crate::auth::session::{sign_in, SignedIn, TokenKind};
    use crate::auth::throttle;
    use crate::ecs::{Credential, EcsError};
    use std::time::Instant;

    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(AppError::invalid("token", "Paste your API token."));
    }
    if token.len() > 512 || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::invalid(
            "token",
            "That does not look like an API token.",
        ));
    }
    let state = crate::state::panel_state()?;
    // A token names no user: only the peer address is counted.
    let peer = throttle::request_peer();
    if let Some(wait) = state.throttle.wait(peer, "", Instant::now()) {
        return Err(AppError::invalid("token", throttle::try_again_words(wait)));
    }
    let account = state
        .client
        .account(&Credential::ApiToken(token.clone().into()))
        .await
        .map_err(|err| match err {
            EcsError::Unauthorized | EcsError::Rejected { .. } | EcsError::NotFound { .. } => {
                state.throttle.failed(peer, "", Instant::now());
                tracing::warn!("an API token was refused");
                AppError::invalid("token", "This API token was not accepted. Check it, or make a new one in Seeweb's panel.")
            }
            other => AppError::Upstream(other.user_message()),
        })?;
    state.throttle.succeeded(peer, "");
    let session = crate::state::request_session().await?;
    let user = SignedIn::new(account.username, token, TokenKind::ApiToken, None);
    sign_in(&session, user).await.map_err(|err| {
        tracing::error!(%err, "could not store the session");
        AppError::Internal
    })?;
    tracing::info!("signed in with an API token");
    Ok(crate::auth::safe_next(next.as_deref()))
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<String, AppError> {
    let session = crate::state::request_session().await?;
    crate::auth::session::sign_out(&session).await;
    Ok("/login".to_string())
}
