//! A server's snapshots: list, take, restore, rename, protect, delete, clone into a template.
//! Taking, restoring and deleting start actions the page follows live; the rest answer at once.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::snapshot::{SnapshotRow, SnapshotsView};
use crate::model::template::NewTemplate;

/// The server's snapshots (newest first) and its weekly schedule.
#[server(endpoint = "snapshots_list")]
pub async fn load_snapshots(name: String) -> Result<SnapshotsView, AppError> {
    use crate::ecs::convert::snapshot;
    use crate::state::{checked, upstream, upstream_error};
    let (client, cred, session) = upstream().await?;
    let (snapshots, schedule) = tokio::join!(
        client.list_snapshots(&cred, &name),
        client.snapshot_schedule(&cred, &name),
    );
    let snapshots = checked(snapshots, &session).await?;
    let now = chrono::Utc::now();
    let (schedule, schedule_error) = match schedule {
        Ok(s) => (s.map(|s| snapshot::schedule(&s, now)), None),
        // The list is still worth showing; the schedule's card says why it is missing.
        Err(e) => (
            None,
            Some(
                upstream_error(e, &session)
                    .await
                    .words(crate::locale::untracked()),
            ),
        ),
    };
    let rows = snapshot::rows(&snapshots, schedule.as_ref(), now);
    Ok(SnapshotsView {
        rows,
        schedule,
        schedule_error,
    })
}

/// Takes a snapshot; answers the `create_snapshot` action to follow.
#[server(endpoint = "snapshots_create")]
pub async fn create_snapshot(
    name: String,
    description: String,
    #[server(default)] notes: String,
) -> Result<Option<u64>, AppError> {
    use crate::model::snapshot::check_description;
    use crate::model::template::check_notes;
    use crate::state::{explained, upstream};
    let description =
        check_description(&description).map_err(|m| AppError::invalid("description", m))?;
    let notes = check_notes(&notes).map_err(|m| AppError::invalid("notes", m))?;
    let (client, cred, session) = upstream().await?;
    let notes = (!notes.is_empty()).then_some(notes.as_str());
    let change = client
        .create_snapshot(&cred, &name, &description, notes)
        .await;
    let change = explained(change, &session, |e| at(e, "description")).await?;
    Ok(change.action.map(|a| a.id))
}

/// Restores (rolls back to) `snapshot` once the server's name or display name is typed: the
/// server reboots and loses what was written since. Answers the `rollback` action.
#[server(endpoint = "snapshots_restore")]
pub async fn restore_snapshot(name: String, snapshot: u64, typed: String) -> Result<u64, AppError> {
    use crate::ecs::dto::ServerAction;
    use crate::state::{checked, explained, upstream};
    let (client, cred, session) = upstream().await?;
    let server = checked(client.get_server(&cred, &name).await, &session).await?;
    let notes = server.notes.as_deref().unwrap_or_default();
    if !crate::model::snapshot::confirms_restore(&typed, &server.name, notes) {
        return Err(AppError::invalid(
            "confirm",
            crate::tr!(
                errors.api.servers_snapshots.type_to_confirm,
                name = &server.name
            )
            .to_string(),
        ));
    }
    let outcome = client
        .server_action(&cred, &name, &ServerAction::Rollback { snapshot })
        .await;
    let outcome = explained(outcome, &session, |e| at(e, "confirm")).await?;
    Ok(outcome.action.id)
}

/// Saves a snapshot's description and notes (the panel's "rename").
#[server(endpoint = "snapshots_rename")]
pub async fn rename_snapshot(
    name: String,
    snapshot: u64,
    description: String,
    #[server(default)] notes: String,
) -> Result<SnapshotRow, AppError> {
    use crate::ecs::SnapshotPatch;
    use crate::model::snapshot::check_description;
    use crate::model::template::check_notes;
    use crate::state::{explained, upstream};
    let description =
        check_description(&description).map_err(|m| AppError::invalid("description", m))?;
    let notes = check_notes(&notes).map_err(|m| AppError::invalid("notes", m))?;
    let (client, cred, session) = upstream().await?;
    let patch = SnapshotPatch {
        description: Some(&description),
        notes: Some(&notes),
        protected: None,
    };
    let id = snapshot.to_string();
    let s = client.update_snapshot(&cred, &name, &id, &patch).await;
    let s = explained(s, &session, |e| at(e, "description")).await?;
    Ok(crate::ecs::convert::snapshot::row(&s, chrono::Utc::now()))
}

/// Protects a snapshot from the schedule's retention (at most 12 a server), or unprotects it.
#[server(endpoint = "snapshots_protect")]
pub async fn protect_snapshot(
    name: String,
    snapshot: u64,
    protect: bool,
) -> Result<SnapshotRow, AppError> {
    use crate::ecs::SnapshotPatch;
    use crate::state::{explained, upstream};
    let (client, cred, session) = upstream().await?;
    let patch = SnapshotPatch {
        protected: Some(protect),
        ..SnapshotPatch::default()
    };
    let id = snapshot.to_string();
    let s = client.update_snapshot(&cred, &name, &id, &patch).await;
    let s = explained(s, &session, toast).await?;
    Ok(crate::ecs::convert::snapshot::row(&s, chrono::Utc::now()))
}

/// Deletes a snapshot; answers the `delete_snapshot` action. A protected one is explained
/// instead (unprotect it first), before ECS is asked.
#[server(endpoint = "snapshots_delete")]
pub async fn delete_snapshot(name: String, snapshot: u64) -> Result<Option<u64>, AppError> {
    use crate::ecs::EcsError;
    use crate::state::{explained, upstream};
    let (client, cred, session) = upstream().await?;
    let id = snapshot.to_string();
    let listed = crate::state::checked(client.list_snapshots(&cred, &name).await, &session).await?;
    match listed.iter().find(|s| s.id == snapshot) {
        // Already gone (deleted elsewhere, or a repeated click): what the user wanted.
        None => return Ok(None),
        Some(s) if s.protected => {
            return Err(AppError::Upstream(
                crate::tr!(errors.api.servers_snapshots.protected_snapshot).into(),
            ))
        }
        Some(_) => {}
    }
    match client.delete_snapshot(&cred, &name, &id).await {
        Err(EcsError::NotFound { .. }) => Ok(None),
        r => Ok(explained(r, &session, toast).await?.action.map(|a| a.id)),
    }
}

/// Makes a template of a snapshot (`POST /templates {snapshot, description}`); answers the
/// `create_template` action and the template as it starts.
#[server(endpoint = "snapshots_template")]
pub async fn snapshot_template(
    snapshot: u64,
    description: String,
) -> Result<NewTemplate, AppError> {
    use crate::ecs::dto::TemplateSource;
    use crate::model::template::check_description;
    use crate::state::{explained, upstream};
    let description =
        check_description(&description).map_err(|m| AppError::invalid("template", m))?;
    let (client, cred, session) = upstream().await?;
    let created = client
        .create_template(
            &cred,
            &TemplateSource::Snapshot(snapshot),
            &description,
            None,
        )
        .await;
    let created = explained(created, &session, |e| {
        e.refusal()
            .and_then(crate::model::template::explain)
            .map(|(_, why)| AppError::invalid("template", why))
    })
    .await?;
    Ok(NewTemplate {
        action: created.action_id,
        row: crate::ecs::convert::template::row(&created.template, chrono::Utc::now()),
    })
}

/// ECS's refusal in plain words at `field`.
#[cfg(feature = "ssr")]
fn at(e: &crate::ecs::EcsError, field: &str) -> Option<AppError> {
    e.refusal()
        .and_then(crate::model::snapshot::explain)
        .map(|why| AppError::invalid(field, why))
}

/// ECS's refusal in plain words, for a toast.
#[cfg(feature = "ssr")]
fn toast(e: &crate::ecs::EcsError) -> Option<AppError> {
    e.refusal()
        .and_then(crate::model::snapshot::explain)
        .map(AppError::Upstream)
}
