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
    use crate::state::upstream;

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
    ssr::explained(sent, &session).await?;
    let fingerprint = parsed.fingerprint();
    tracing::info!(%fingerprint, "SSH key added");
    Ok(KeyAdded { label, fingerprint })
}

#[server(endpoint = "ssh_keys_rename")]
pub async fn rename_ssh_key(id: u64, label: String) -> Result<(), AppError> {
    use crate::model::ssh_key_list::{clean_label, label_problem};
    use crate::state::upstream;

    let label = clean_label(&label);
    if let Some(problem) = label_problem(&label, &[], Some(id)) {
        return Err(AppError::invalid("label", problem));
    }
    let (client, cred, session) = upstream().await?;
    let keys = ssr::rows(&client, &cred, &session).await?;
    if !keys.iter().any(|k| k.id == id) {
        return Err(AppError::NotFound(
            "That key is no longer registered (it may have been deleted elsewhere).".into(),
        ));
    }
    if let Some(problem) = label_problem(&label, &keys, Some(id)) {
        return Err(AppError::invalid("label", problem));
    }
    let sent = client.rename_ssh_key(&cred, &id.to_string(), &label).await;
    ssr::explained(sent, &session).await
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
    use crate::model::ssh_key_list::SshKeyRow;
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

    /// Like `checked`, but a refusal about the label (ECS refuses a label already in use; its
    /// words are undocumented) is shown at the label field, and one about the key at the key.
    pub async fn explained<T>(r: Result<T, EcsError>, session: &Session) -> Result<T, AppError> {
        if let Err(EcsError::Rejected { message, .. }) = &r {
            if let Some((field, words)) = explain(message) {
                return Err(AppError::invalid(field, words));
            }
        }
        checked(r, session).await
    }

    pub fn explain(message: &str) -> Option<(&'static str, String)> {
        let m = message.to_lowercase();
        if m.contains("label") {
            let taken = ["exist", "unique", "already", "duplicate", "taken", "in use"]
                .iter()
                .any(|w| m.contains(w));
            Some((
                "label",
                if taken {
                    format!("You already have a key with this label: choose another (ECS: “{message}”).")
                } else {
                    format!("ECS refused this label: “{message}”.")
                },
            ))
        } else if m.contains("key") && !m.contains("not found") {
            Some(("key", format!("ECS refused this key: “{message}”.")))
        } else {
            None
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn refusals_go_to_their_field() {
            let field = |m: &str| super::explain(m).map(|(f, _)| f);
            assert_eq!(
                field("An SSH key with this label already exists"),
                Some("label")
            );
            // The simulator's words for a missing field.
            assert_eq!(field("Topic 'label' required"), Some("label"));
            assert_eq!(field("Topic 'key' required"), Some("key"));
            assert_eq!(field("ssh key not found"), None);
            assert_eq!(field("internal error"), None);
            let (_, words) = super::explain("An SSH key with this label already exists").unwrap();
            assert!(words.starts_with("You already have a key with this label"));
        }
    }
}
