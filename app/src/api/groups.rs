//! Server functions of `/groups`: list (with the servers in each group), create, delete.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::group::{GroupPassword, GroupRow};

/// Every group, with the servers in it (from the servers list: a group knows no members).
#[server(endpoint = "groups_list")]
pub async fn list_groups() -> Result<Vec<GroupRow>, AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let (groups, servers) = tokio::join!(client.list_groups(&cred), client.list_servers(&cred));
    let groups = checked(groups, &session).await?;
    // The groups are still worth showing when the servers cannot be read: counts say "unknown".
    let servers = match servers {
        Ok(s) => Some(s),
        Err(crate::ecs::EcsError::Unauthorized) => {
            return Err(
                crate::state::upstream_error(crate::ecs::EcsError::Unauthorized, &session).await,
            )
        }
        Err(e) => {
            tracing::warn!(error = %e, "servers unavailable for the groups page");
            None
        }
    };
    Ok(groups
        .iter()
        .map(|g| crate::ecs::convert::group::row(g, servers.as_deref()))
        .collect())
}

/// Creates a group. The API still requires a (deprecated, unused) password: a blank one is
/// replaced by a strong random one here, and none is ever logged or sent back.
#[server(endpoint = "groups_create")]
pub async fn create_group(
    notes: String,
    #[server(default)] password: GroupPassword,
) -> Result<GroupRow, AppError> {
    use crate::model::group::{check_notes, check_password};
    use crate::state::{checked, upstream};
    use secrecy::SecretString;
    let notes = check_notes(&notes).map_err(|m| AppError::invalid("notes", m))?;
    check_password(&password.0).map_err(|m| AppError::invalid("password", m))?;
    let password: SecretString = if password.0.is_empty() {
        ssr::random_password().into()
    } else {
        password.0.into()
    };
    let (client, cred, session) = upstream().await?;
    let group = checked(
        client.create_group(&cred, &notes, &password).await,
        &session,
    )
    .await?;
    // A new group has no servers yet.
    Ok(crate::ecs::convert::group::row(&group, Some(&[])))
}

/// Deletes group `key` (its numeric id or `eg…` name). Its servers stay, with no group.
#[server(endpoint = "groups_delete")]
pub async fn delete_group(key: String) -> Result<(), AppError> {
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream};
    if crate::ecs::ids::group_ref(key.trim()).is_err() {
        return Err(AppError::NotFound(
            crate::tr!(errors.api.groups.not_a_group).into(),
        ));
    }
    let (client, cred, session) = upstream().await?;
    match client.delete_group(&cred, key.trim()).await {
        Err(EcsError::NotFound { .. }) => Err(AppError::NotFound(
            crate::tr!(errors.api.groups.group_gone).into(),
        )),
        other => checked(other, &session).await,
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    /// Long enough that nobody could guess it; letters and digits so any API accepts it.
    const PASSWORD_LEN: usize = 32;

    /// A random password from the thread-local CSPRNG (ChaCha, seeded by the OS).
    pub fn random_password() -> String {
        use rand::distr::{Alphanumeric, SampleString};
        Alphanumeric.sample_string(&mut rand::rng(), PASSWORD_LEN)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn random_passwords_are_long_and_differ() {
            let a = random_password();
            let b = random_password();
            assert_eq!(a.len(), PASSWORD_LEN);
            assert!(a.chars().all(|c| c.is_ascii_alphanumeric()));
            assert_ne!(a, b);
        }
    }
}
