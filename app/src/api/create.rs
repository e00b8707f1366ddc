//! `/servers/new`: what the form offers (one call gathering the catalogue and the library) and
//! the create itself: checked again here, sent once per form token, documented refusals put back
//! next to their field.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::create::{CreateForm, CreateOptions, Created};

#[server(endpoint = "create_options")]
pub async fn load_create_options() -> Result<CreateOptions, AppError> {
    use crate::ecs::convert;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let (plans, placeable, regions, images, cloud, templates) = tokio::join!(
        client.list_plans(&cred),
        client.plans_available(&cred),
        client.list_regions(&cred),
        client.images_basic(&cred),
        client.images_cloud(&cred),
        client.list_templates(&cred),
    );
    let (keys, scripts, groups, servers, account, networks) = tokio::join!(
        client.list_ssh_keys(&cred),
        client.list_scripts(&cred),
        client.list_groups(&cred),
        client.list_servers(&cred),
        client.account(&cred),
        client.list_networks(&cred),
    );
    let plans = checked(plans, &session).await?;
    let regions = checked(regions, &session).await?;
    let images = checked(images, &session).await?;
    // The rest only enrich the form: an empty list is better than no form.
    Ok(convert::create::options(convert::create::Parts {
        plans,
        // Unknown availability must not read as "sold out everywhere".
        placeable: placeable.map_err(|e| e.user_message()),
        regions,
        images,
        cloud: cloud.unwrap_or_default(),
        templates: templates.unwrap_or_default(),
        keys: keys.unwrap_or_default(),
        scripts: scripts.unwrap_or_default(),
        groups: groups.unwrap_or_default(),
        servers: servers.unwrap_or_default(),
        networks: networks.unwrap_or_default(),
        reserved_available: account.map(|a| a.reserved_available).unwrap_or(false),
        today: chrono::Utc::now().format("%Y%m%d").to_string(),
        form_token: ssr::new_token(),
    }))
}

#[server(endpoint = "servers_create")]
pub async fn create_server(form: CreateForm) -> Result<Created, AppError> {
    use crate::model::create_check::problems;
    use crate::state::upstream;

    if let Some((field, message)) = problems(&form, None).into_iter().next() {
        return Err(AppError::invalid(field, message));
    }
    let token = form.form_token.trim().to_string();
    if token.is_empty() || token.len() > 64 {
        return Err(AppError::invalid(
            "form",
            crate::tr!(errors.api.create.form_outdated),
        ));
    }
    let (client, cred, session) = upstream().await?;
    let user = crate::auth::session::signed_in(&session)
        .await
        .map(|u| u.username)
        .unwrap_or_default();
    let state = crate::state::panel_state()?;
    // A second submission of the same form (a double click, a retry, another replica) waits for
    // the first and gets its answer instead of creating another server; an outcome that is not
    // known is never sent again (see shared_state::once).
    let key = format!("create-form:{user}:{token}");
    crate::shared_state::once(
        &*state.shared,
        &key,
        ssr::KEEP,
        ssr::WAIT,
        ssr::create(&client, &cred, &session, &form),
    )
    .await
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::time::Duration;

    use tower_sessions::Session;

    use crate::ecs::convert;
    use crate::ecs::{Credential, EcsClient, EcsError};
    use crate::error::AppError;
    use crate::model::create::{CreateForm, Created};
    use crate::model::create_check::body;
    use crate::shared_state::Ran;

    /// How long a form token's outcome is kept.
    pub const KEEP: Duration = Duration::from_secs(600);
    /// How long a repeat waits for the first submission: above the whole upstream budget.
    pub const WAIT: Duration = Duration::from_secs(45);
    /// How recent a server must be to count as the one a lost answer created.
    const RECENT_SECS: i64 = 15 * 60;

    /// A unique, unguessable-enough token for one form (it only deduplicates submissions).
    pub fn new_token() -> String {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        format!("{nanos:x}-{:x}", NEXT.fetch_add(1, Ordering::Relaxed))
    }

    pub async fn create(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
        form: &CreateForm,
    ) -> Ran<Created> {
        let today = chrono::Utc::now().format("%Y%m%d").to_string();
        let b = body(form, &today);
        let notes = b.notes.clone();
        let answer = client
            .create_server(cred, &convert::create::request(b))
            .await;
        match answer {
            Ok(answer) => Ran::Done(convert::create::created(&answer, notes)),
            Err(err) if err.outcome_unknown() => lost_answer(client, cred, err, notes).await,
            Err(err) => Ran::Failed(match refused(&err) {
                Some(at_field) => at_field,
                None => crate::state::upstream_error(err, session).await,
            }),
        }
    }

    /// ECS may have created the server although its answer was lost. The display name is the
    /// form's own: one recent server by that name is the one this form made; otherwise the user is
    /// told what happened and sent to the servers list, and the form is never sent again.
    async fn lost_answer(
        client: &EcsClient,
        cred: &Credential,
        err: EcsError,
        notes: String,
    ) -> Ran<Created> {
        tracing::warn!(%err, "the answer to a create was lost; looking for the server");
        let since = chrono::Utc::now().timestamp() - RECENT_SECS;
        let found: Vec<String> = match client.list_servers(cred).await {
            Ok(servers) => servers
                .into_iter()
                .filter(|s| s.notes.as_deref() == Some(notes.as_str()))
                .filter(|s| s.creation_date.is_none_or(|d| d.timestamp() >= since))
                .map(|s| s.name)
                .collect(),
            Err(_) => Vec::new(),
        };
        if let [name] = found.as_slice() {
            return Ran::Done(Created {
                name: name.clone(),
                notes,
                action: None,
            });
        }
        let reason = err.user_message();
        Ran::Unknown(AppError::Upstream(
            crate::tr!(
                errors.api.create.unconfirmed,
                notes = &notes,
                reason = reason.trim_end_matches('.')
            )
            .to_string(),
        ))
    }

    /// The documented refusals of `POST /servers` (a 404 among them: an unknown group or key)
    /// come back at their field.
    fn refused(e: &EcsError) -> Option<AppError> {
        e.refusal_or_missing(None)
            .and_then(crate::model::create_check::explain)
            .map(AppError::at)
    }
}
