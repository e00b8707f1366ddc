//! Server functions of `/account`: the profile and API tokens, making, renaming and destroying a
//! token, and changing the password. A new token passes through here once, to the browser that
//! asked for it: it is never logged, stored, or put in a URL.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::account::{AccountView, NewToken};

#[server(endpoint = "account_view")]
pub async fn get_account() -> Result<AccountView, AppError> {
    use crate::state::upstream_error;
    let (client, cred, session) = crate::state::upstream().await?;
    // API tokens are secrets' names and handles: admins only (in personal mode the owner is one).
    let may_tokens = crate::access::current_role() >= crate::model::team::Role::Admin;
    let (account, tokens) = tokio::join!(client.account(&cred), async {
        if may_tokens {
            client.list_api_tokens(&cred).await
        } else {
            Ok(Vec::new())
        }
    });
    let account = match account {
        Ok(a) => a,
        Err(e) => return Err(upstream_error(e, &session).await),
    };
    let tokens = match tokens {
        Ok(t) => t,
        Err(e) => return Err(upstream_error(e, &session).await),
    };
    Ok(crate::ecs::convert::account::view(
        account,
        tokens,
        chrono::Utc::now(),
    ))
}

#[server(endpoint = "token_create")]
pub async fn create_token(notes: String) -> Result<NewToken, AppError> {
    use crate::model::account::{clean_notes, notes_problem};
    use crate::state::{checked, upstream};
    use secrecy::ExposeSecret;

    let notes = clean_notes(&notes);
    if let Some(problem) = notes_problem(&notes, &[], None) {
        return Err(AppError::invalid("notes", problem));
    }
    let (client, cred, session) = upstream().await?;
    let tokens = ssr::tokens(&client, &cred, &session).await?;
    if let Some(problem) = notes_problem(&notes, &tokens, None) {
        return Err(AppError::invalid("notes", problem));
    }
    let token = checked(client.create_api_token(&cred, &notes).await, &session).await?;
    tracing::info!("API token created");
    Ok(NewToken {
        notes,
        token: token.expose_secret().to_string(),
    })
}

#[server(endpoint = "token_rename")]
pub async fn rename_token(id: u64, notes: String) -> Result<(), AppError> {
    use crate::model::account::{clean_notes, notes_problem};
    use crate::state::{checked, upstream};

    let notes = clean_notes(&notes);
    if let Some(problem) = notes_problem(&notes, &[], Some(id)) {
        return Err(AppError::invalid("notes", problem));
    }
    let (client, cred, session) = upstream().await?;
    let tokens = ssr::tokens(&client, &cred, &session).await?;
    if !tokens.iter().any(|t| t.id == id) {
        return Err(ssr::gone());
    }
    if let Some(problem) = notes_problem(&notes, &tokens, Some(id)) {
        return Err(AppError::invalid("notes", problem));
    }
    checked(
        client
            .rename_api_token(&cred, &id.to_string(), &notes)
            .await,
        &session,
    )
    .await
}

#[server(endpoint = "token_delete")]
pub async fn delete_token(id: u64) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    match client.delete_api_token(&cred, &id.to_string()).await {
        Err(crate::ecs::EcsError::NotFound { .. }) => Err(ssr::gone()),
        other => checked(other, &session).await,
    }?;
    tracing::info!("API token destroyed");
    Ok(())
}

/// The current password is checked with a sign-in (`POST /login`, counted by the sign-in
/// throttle) before `POST /account` sets the new one: a session left open on a shared computer
/// must not be enough to take the account over. ECS keeps sessions and API tokens working after
/// the change, so the user stays signed in.
#[server(endpoint = "password_change")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::api::auth::{sign_in_failure, throttled};
    use crate::auth::{session, throttle};
    use crate::model::account::password_problem;
    use crate::state::{checked, panel_state, upstream};
    use secrecy::SecretString;

    if let Some(me) = crate::access::current().filter(|u| u.user_id.is_some()) {
        return ssr::panel_password(me, current, new, confirm).await;
    }
    let (client, cred, sess) = upstream().await?;
    let username = session::signed_in(&sess)
        .await
        .map(|u| u.username)
        .ok_or(AppError::SessionExpired)?;
    if let Some(problem) = password_problem(&current, &new, &confirm, &username) {
        return Err(AppError::at(problem));
    }
    let attempt = panel_state()?
        .throttle
        .begin(throttle::request_peer(), &username)
        .await
        .map_err(|wait| throttled("current", wait))?;
    let current = SecretString::from(current);
    match client.login(&username, &current).await {
        Ok(_) => attempt.succeeded().await,
        Err(err) => {
            return Err(match sign_in_failure(err) {
                None => {
                    attempt.failed();
                    tracing::warn!("a password change gave a wrong current password");
                    AppError::invalid(
                        "current",
                        crate::tr!(errors.api.account.wrong_current_password),
                    )
                }
                Some(outage) => {
                    attempt.not_judged().await;
                    outage
                }
            })
        }
    }
    checked(
        client
            .change_password(&cred, &SecretString::from(new))
            .await,
        &sess,
    )
    .await?;
    tracing::info!("password changed");
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use tower_sessions::Session;

    use crate::ecs::{Credential, EcsClient};
    use crate::error::AppError;
    use crate::model::account::TokenRow;
    use crate::state::checked;

    pub async fn tokens(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
    ) -> Result<Vec<TokenRow>, AppError> {
        let now = chrono::Utc::now();
        let tokens = checked(client.list_api_tokens(cred).await, session).await?;
        Ok(tokens
            .into_iter()
            .map(|t| crate::ecs::convert::account::token(t, now))
            .collect())
    }

    /// Team mode: a panel account changes its own password (the ECS account's stays as it is).
    /// The current one is checked like a sign-in, counted by the throttle.
    pub async fn panel_password(
        me: crate::auth::CurrentUser,
        current: String,
        new: String,
        confirm: String,
    ) -> Result<(), AppError> {
        use crate::api::auth::throttled;
        use crate::auth::throttle;
        use crate::team::{passwords, users};

        if let Some(problem) =
            crate::model::account::password_problem(&current, &new, &confirm, &me.name)
        {
            return Err(AppError::at(problem));
        }
        let state = crate::state::panel_state()?;
        let id = me.user_id.clone().unwrap_or_default();
        let attempt = state
            .throttle
            .begin(throttle::request_peer(), &me.name)
            .await
            .map_err(|wait| throttled("current", wait))?;
        let found = users::by_name_with_hash(&state.db, &me.name)
            .await
            .map_err(crate::api::team::ssr::db_error)?
            .filter(|(u, _)| u.id == id)
            .map(|(_, h)| h);
        if !passwords::verify_blocking(current, found).await {
            attempt.failed();
            tracing::warn!("a password change gave a wrong current password");
            return Err(AppError::invalid(
                "current",
                crate::tr!(errors.api.account.wrong_current_password),
            ));
        }
        attempt.succeeded().await;
        let phc = passwords::hash_blocking(new)
            .await
            .ok_or(AppError::Internal)?;
        users::set_password(&state.db, &id, &phc, false)
            .await
            .map_err(crate::api::team::ssr::db_error)?;
        tracing::info!("panel password changed");
        Ok(())
    }

    pub fn gone() -> AppError {
        AppError::NotFound(crate::tr!(errors.api.account.token_gone).into())
    }
}
