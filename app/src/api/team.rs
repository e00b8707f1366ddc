//! Server functions of `/team` (team mode, admins): the people, adding one, changing a role,
//! disabling and re-enabling, resetting a password. One-time passwords leave the server only in
//! the answer to the admin who asked.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::team::{Member, OneTimePassword};

#[server(endpoint = "team_list")]
pub async fn list_team() -> Result<Vec<Member>, AppError> {
    let (db, me) = ssr::admin().await?;
    let users = crate::team::users::list(&db).await.map_err(ssr::db_error)?;
    let now = chrono::Utc::now();
    Ok(users
        .into_iter()
        .map(|u| ssr::member(u, me.user_id.as_deref(), now))
        .collect())
}

#[server(endpoint = "team_add")]
pub async fn add_member(name: String, role: String) -> Result<OneTimePassword, AppError> {
    use crate::model::team::{clean_name, name_problem, Role};
    use crate::team::{passwords, users};
    let (db, _) = ssr::admin().await?;
    let name = clean_name(&name);
    if let Some(problem) = name_problem(&name) {
        return Err(AppError::invalid("name", problem));
    }
    let role = Role::parse(&role)
        .ok_or_else(|| AppError::invalid("role", crate::tr!(errors.api.team.pick_role)))?;
    let password = passwords::one_time();
    let phc = passwords::hash_blocking(password.clone())
        .await
        .ok_or(AppError::Internal)?;
    match users::add(&db, &name, role, &phc, true).await {
        Ok(_) => {}
        Err(users::AddError::Taken(_)) => {
            return Err(AppError::invalid(
                "name",
                crate::tr!(errors.api.team.username_taken),
            ))
        }
        Err(e) => {
            tracing::error!(%e, "could not add a panel account");
            return Err(AppError::Internal);
        }
    }
    tracing::info!(role = role.as_str(), "panel account added");
    Ok(OneTimePassword { name, password })
}

#[server(endpoint = "team_role")]
pub async fn set_role(id: String, role: String) -> Result<(), AppError> {
    use crate::model::team::Role;
    let (db, me) = ssr::admin().await?;
    let role = Role::parse(&role)
        .ok_or_else(|| AppError::invalid("role", crate::tr!(errors.api.team.pick_role)))?;
    let user = ssr::other(
        &db,
        &me,
        &id,
        crate::tr!(errors.api.team.what_change_own_role),
    )
    .await?;
    if user.role == Role::Admin && role != Role::Admin {
        ssr::not_last_admin(&db, &user.id).await?;
    }
    crate::team::users::set_role(&db, &user.id, role)
        .await
        .map_err(ssr::db_error)?;
    Ok(())
}

#[server(endpoint = "team_disable")]
pub async fn disable_member(id: String) -> Result<(), AppError> {
    let (db, me) = ssr::admin().await?;
    let user = ssr::other(
        &db,
        &me,
        &id,
        crate::tr!(errors.api.team.what_disable_yourself),
    )
    .await?;
    if user.role == crate::model::team::Role::Admin {
        ssr::not_last_admin(&db, &user.id).await?;
    }
    crate::team::users::set_disabled(&db, &user.id, true)
        .await
        .map_err(ssr::db_error)?;
    Ok(())
}

#[server(endpoint = "team_enable")]
pub async fn enable_member(id: String) -> Result<(), AppError> {
    let (db, me) = ssr::admin().await?;
    let user = ssr::other(
        &db,
        &me,
        &id,
        crate::tr!(errors.api.team.what_enable_yourself),
    )
    .await?;
    crate::team::users::set_disabled(&db, &user.id, false)
        .await
        .map_err(ssr::db_error)?;
    Ok(())
}

#[server(endpoint = "team_reset")]
pub async fn reset_password(id: String) -> Result<OneTimePassword, AppError> {
    use crate::team::{passwords, users};
    let (db, me) = ssr::admin().await?;
    let user = ssr::other(
        &db,
        &me,
        &id,
        crate::tr!(errors.api.team.what_reset_own_password),
    )
    .await?;
    let password = passwords::one_time();
    let phc = passwords::hash_blocking(password.clone())
        .await
        .ok_or(AppError::Internal)?;
    users::set_password(&db, &user.id, &phc, true)
        .await
        .map_err(ssr::db_error)?;
    Ok(OneTimePassword {
        name: user.name,
        password,
    })
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::auth::CurrentUser;
    use crate::db::{Db, DbError};
    use crate::error::AppError;
    use crate::model::team::{Member, Role};
    use crate::model::time::Stamp;
    use crate::team::users::{self, User};
    use chrono::TimeZone;

    pub fn db_error(e: DbError) -> AppError {
        tracing::error!(%e, "panel database");
        AppError::Internal
    }

    /// The database and the admin asking, in team mode only.
    pub async fn admin() -> Result<(Db, CurrentUser), AppError> {
        let state = crate::state::panel_state()?;
        if state.team.is_none() {
            return Err(AppError::NotFound(
                crate::tr!(errors.api.team.team_mode_off).into(),
            ));
        }
        let me = crate::access::require(Role::Admin)?;
        Ok((state.db, me))
    }

    /// The account `id`, which must not be the admin's own.
    pub async fn other(db: &Db, me: &CurrentUser, id: &str, what: &str) -> Result<User, AppError> {
        let user = users::by_id(db, id.trim())
            .await
            .map_err(db_error)?
            .ok_or_else(|| AppError::NotFound(crate::tr!(errors.api.team.no_such_person).into()))?;
        if me.user_id.as_deref() == Some(user.id.as_str()) {
            return Err(AppError::Forbidden(
                crate::tr!(errors.api.team.not_yourself, what = what).to_string(),
            ));
        }
        Ok(user)
    }

    pub async fn not_last_admin(db: &Db, id: &str) -> Result<(), AppError> {
        if users::other_admins(db, id).await.map_err(db_error)? == 0 {
            return Err(AppError::Forbidden(
                crate::tr!(errors.api.team.only_admin).into(),
            ));
        }
        Ok(())
    }

    pub fn member(u: User, me: Option<&str>, now: chrono::DateTime<chrono::Utc>) -> Member {
        let stamp = |ms: i64| {
            Stamp::new(
                chrono::Utc.timestamp_millis_opt(ms).single().unwrap_or(now),
                now,
            )
        };
        Member {
            is_you: me == Some(u.id.as_str()),
            created: stamp(u.created_ms),
            last_sign_in: u.last_sign_in_ms.map(stamp),
            id: u.id,
            name: u.name,
            role: u.role,
            disabled: u.disabled,
            must_change: u.must_change,
        }
    }
}
