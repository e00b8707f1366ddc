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

    let username = username.trim().to_string();
    if username.is_empty() {
        return Err(AppError::invalid(
            "username",
            crate::tr!(errors.api.auth.enter_username),
        ));
    }
    if username.len() > throttle::MAX_USERNAME_BYTES {
        return Err(AppError::invalid(
            "username",
            crate::tr!(errors.api.auth.username_too_long),
        ));
    }
    if password.is_empty() {
        return Err(AppError::invalid(
            "password",
            crate::tr!(errors.api.auth.enter_password),
        ));
    }
    let state = crate::state::panel_state()?;
    let attempt = state
        .throttle
        .begin(throttle::request_peer(), &username)
        .await
        .map_err(|wait| throttled("password", wait))?;
    if state.team.is_some() {
        return team::sign_in(&state, attempt, &username, password, next.as_deref()).await;
    }
    let password = secrecy::SecretString::from(password);
    let grant = match state.client.login(&username, &password).await {
        Ok(grant) => grant,
        Err(err) => match sign_in_failure(err) {
            None => {
                attempt.failed();
                tracing::warn!("a sign-in was refused");
                return Err(AppError::invalid(
                    "password",
                    crate::tr!(errors.api.auth.wrong_credentials),
                ));
            }
            Some(outage) => {
                attempt.not_judged().await;
                return Err(outage);
            }
        },
    };
    attempt.succeeded().await;
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
    use crate::ecs::Credential;

    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(AppError::invalid(
            "token",
            crate::tr!(errors.api.auth.paste_token),
        ));
    }
    if token.len() > 512 || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::invalid(
            "token",
            crate::tr!(errors.api.auth.token_malformed),
        ));
    }
    let state = crate::state::panel_state()?;
    if state.team.is_some() {
        return Err(AppError::invalid(
            "token",
            crate::tr!(errors.api.auth.team_uses_passwords),
        ));
    }
    // A token names no user: only the peer address is counted.
    let attempt = state
        .throttle
        .begin(throttle::request_peer(), "")
        .await
        .map_err(|wait| throttled("token", wait))?;
    let account = match state
        .client
        .account(&Credential::ApiToken(token.clone().into()))
        .await
    {
        Ok(account) => account,
        Err(err) => match sign_in_failure(err) {
            None => {
                attempt.failed();
                tracing::warn!("an API token was refused");
                return Err(AppError::invalid(
                    "token",
                    crate::tr!(errors.api.auth.token_refused),
                ));
            }
            Some(outage) => {
                attempt.not_judged().await;
                return Err(outage);
            }
        },
    };
    attempt.succeeded().await;
    let session = crate::state::request_session().await?;
    // API tokens never expire upstream: the session gets an absolute end of its own.
    let ends = chrono::Utc::now().timestamp()
        + i64::try_from(state.api_token_session.as_secs()).unwrap_or(i64::MAX / 2);
    let user = SignedIn::new(account.username, token, TokenKind::ApiToken, Some(ends));
    sign_in(&session, user).await.map_err(|err| {
        tracing::error!(%err, "could not store the session");
        AppError::Internal
    })?;
    tracing::info!("signed in with an API token");
    Ok(crate::auth::safe_next(next.as_deref()))
}

/// Team mode's sign-in: a panel account, checked against its argon2id hash.
#[cfg(feature = "ssr")]
mod team {
    use crate::auth::session::{sign_in as start_session, SignedIn};
    use crate::auth::throttle::Attempt;
    use crate::error::AppError;
    use crate::state::PanelState;
    use crate::team::{passwords, users};

    pub async fn sign_in(
        state: &PanelState,
        attempt: Attempt,
        username: &str,
        password: String,
        next: Option<&str>,
    ) -> Result<String, AppError> {
        let name = crate::model::team::clean_name(username);
        let found = match users::by_name_with_hash(&state.db, &name).await {
            Ok(found) => found,
            Err(e) => {
                attempt.not_judged().await;
                tracing::error!(%e, "panel database at sign-in");
                return Err(AppError::Internal);
            }
        };
        let (user, phc) = found.map_or((None, None), |(u, h)| (Some(u), Some(h)));
        let user = match user {
            Some(user) if passwords::verify_blocking(password, phc).await => user,
            _ => {
                attempt.failed();
                tracing::warn!("a sign-in was refused");
                return Err(AppError::invalid(
                    "password",
                    crate::tr!(errors.api.auth.wrong_credentials),
                ));
            }
        };
        if user.disabled {
            attempt.not_judged().await;
            return Err(AppError::invalid(
                "password",
                crate::tr!(errors.api.auth.account_disabled),
            ));
        }
        attempt.succeeded().await;
        let session = crate::state::request_session().await?;
        let ends = chrono::Utc::now().timestamp()
            + i64::try_from(state.api_token_session.as_secs()).unwrap_or(i64::MAX / 2);
        start_session(
            &session,
            SignedIn::team(user.name.clone(), user.id.clone(), ends),
        )
        .await
        .map_err(|err| {
            tracing::error!(%err, "could not store the session");
            AppError::Internal
        })?;
        if let Err(e) = users::signed_in_now(&state.db, &user.id).await {
            tracing::warn!(%e, "could not note the sign-in time");
        }
        tracing::info!("signed in with a panel account");
        let next = crate::auth::safe_next(next);
        Ok(if user.must_change {
            crate::auth::password_url(&next)
        } else {
            next
        })
    }
}

/// The answer to an attempt the throttle holds back (`None`: its store cannot be reached).
#[cfg(feature = "ssr")]
pub(crate) fn throttled(field: &str, wait: Option<std::time::Duration>) -> AppError {
    match wait {
        Some(wait) => AppError::invalid(field, crate::auth::throttle::try_again_words(wait)),
        None => AppError::Internal,
    }
}

/// What a failed upstream sign-in means. `None`: ECS refused the credentials (401, or a 403), a
/// wrong password or token, which the throttle counts. Anything else (any 5xx, a timeout, an
/// unreadable answer, a 404 from a mistyped API address) is an outage: said as such, and not
/// counted, so nobody is told their password is wrong, or slowed down, while Seeweb is down.
#[cfg(feature = "ssr")]
pub(crate) fn sign_in_failure(err: crate::ecs::EcsError) -> Option<AppError> {
    use crate::ecs::EcsError;
    match err {
        EcsError::Unauthorized | EcsError::Rejected { status: 403, .. } => None,
        EcsError::Unavailable {
            status: Some(503), ..
        } => Some(AppError::Maintenance(err.user_message())),
        EcsError::NotFound { .. } => Some(AppError::Upstream(
            crate::tr!(errors.api.auth.sign_in_missing).to_string(),
        )),
        other => Some(AppError::Upstream(other.user_message())),
    }
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<String, AppError> {
    let session = crate::state::request_session().await?;
    crate::auth::session::sign_out(&session).await;
    Ok("/login".to_string())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::sign_in_failure;
    use crate::ecs::EcsError;
    use crate::error::AppError;

    #[test]
    fn only_a_refusal_of_the_credentials_is_a_wrong_password() {
        assert_eq!(sign_in_failure(EcsError::Unauthorized), None);
        let forbidden = EcsError::Rejected {
            status: 403,
            message: "Invalid credentials".into(),
        };
        assert_eq!(sign_in_failure(forbidden), None);
    }

    #[test]
    fn an_outage_is_said_as_one_and_never_as_a_wrong_password() {
        let outages = [
            EcsError::Rejected {
                status: 500,
                message: String::new(),
            },
            EcsError::Rejected {
                status: 501,
                message: "Not Implemented".into(),
            },
            EcsError::Unavailable {
                status: Some(502),
                retry_after: None,
            },
            EcsError::Unavailable {
                status: None,
                retry_after: None,
            },
            EcsError::Timeout,
            EcsError::Malformed {
                detail: "login: not JSON".into(),
            },
            EcsError::NotFound { message: None },
        ];
        for err in outages {
            let said = sign_in_failure(err.clone());
            match &said {
                Some(AppError::Upstream(words)) => {
                    assert!(words.contains("ECS API"), "{err:?}: {words}")
                }
                other => panic!("{err:?} read as {other:?}"),
            }
        }
        let maintenance = EcsError::Unavailable {
            status: Some(503),
            retry_after: Some(60),
        };
        assert!(matches!(
            sign_in_failure(maintenance),
            Some(AppError::Maintenance(_))
        ));
    }
}
