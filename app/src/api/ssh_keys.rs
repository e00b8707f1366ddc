//! Server functions of `/ssh-keys`: list, add, rename, delete. The API validates nothing about a
//! key, so every key is checked here with the same parser the browser uses, and stored in its
//! normalised one-line form; labels are checked for uniqueness against the current list.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::ssh_key_list::{KeyAdded, SshKeyRow};

#[server(endpoint = "ssh_keys_list")]
pub async fn list_ssh_keys() -> Result<Vec<SshKeyRow>, AppError> {
    use crate::state::upstream;
    let (client, cred, session) = upstream().await?;
    ssr::rows(&client, &cred, &session).await
}

/// Registers `key` as `label`, sent in its normalised one-line form. The API answers only
/// `{status: ok}` (no id): the page lists the keys again.
#[server(endpoint = "ssh_keys_add")]
pub async fn add_ssh_key(label: String, key: String) -> Result<KeyAdded, AppError> {
    use crate::model::ssh_key::parse;
    use crate::model::ssh_key_list::{clean_label, label_problem};
    use crate::state::{explained, upstream};

    let parsed = parse(&key).map_err(|e| AppError::invalid("key", e.to_string()))?;
    let label = clean_label(&label);
    // Shape first, so a bad label is refused before any upstream call.
    if let Some(problem) = label_problem(&label, &[], None) {
        return Err(AppError::invalid("label", problem));
    }
    let (client, cred, session) = upstream().await?;
    let keys = ssr::rows(&client, &cred, &session).await?;
    if let Some(problem) = label_problem(&label, &keys, None) {
        return Err(AppError::invalid("label", problem));
    }
    let sent = client
        .create_ssh_key(&cred, &label, &parsed.to_openssh())
        .await;
    explained(sent, &session, ssr::refused).await?;
    let fingerprint = parsed.fingerprint();
    tracing::info!(%fingerprint, "SSH key added");
    Ok(KeyAdded { label, fingerprint })
}

#[server(endpoint = "ssh_keys_rename")]
pub async fn rename_ssh_key(id: u64, label: String) -> Result<(), AppError> {
    use crate::model::ssh_key_list::{clean_label, label_problem};
    use crate::state::{explained, upstream};

    let label = clean_label(&label);
    if let Some(problem) = label_problem(&label, &[], Some(id)) {
        return Err(AppError::invalid("label", problem));
    }
    let (client, cred, session) = upstream().await?;
    let keys = ssr::rows(&client, &cred, &session).await?;
    if !keys.iter().any(|k| k.id == id) {
        return Err(AppError::NotFound(
            crate::tr!(errors.api.ssh_keys.key_gone).into(),
        ));
    }
    if let Some(problem) = label_problem(&label, &keys, Some(id)) {
        return Err(AppError::invalid("label", problem));
    }
    let sent = client.rename_ssh_key(&cred, &id.to_string(), &label).await;
    explained(sent, &session, ssr::refused).await
}

#[server(endpoint = "ssh_keys_delete")]
pub async fn delete_ssh_key(id: u64) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    checked(
        client.delete_ssh_key(&cred, &id.to_string()).await,
        &session,
    )
    .await
}

#[cfg(feature = "ssr")]
mod ssr {
    use tower_sessions::Session;

    use crate::ecs::{Credential, EcsClient, EcsError};
    use crate::error::AppError;
    use crate::model::ssh_key_list::{explain, SshKeyRow};
    use crate::state::checked;

    pub async fn rows(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
    ) -> Result<Vec<SshKeyRow>, AppError> {
        let keys = checked(client.list_ssh_keys(cred).await, session).await?;
        let now = chrono::Utc::now();
        Ok(keys
            .into_iter()
            .map(|k| crate::ecs::convert::ssh_key::row(k, now))
            .collect())
    }

    /// A refusal about the label (ECS refuses a label already in use; its words are
    /// undocumented) shows at the label field, and one about the key at the key.
    pub fn refused(e: &EcsError) -> Option<AppError> {
        e.refusal().and_then(explain).map(AppError::at)
    }
}
