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
    let (keys, scripts, groups, servers, account) = tokio::join!(
        client.list_ssh_keys(&cred),
        client.list_scripts(&cred),
        client.list_groups(&cred),
        client.list_servers(&cred),
        client.account(&cred),
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
        reserved_available: account.map(|a| a.reserved_available).unwrap_or(false),
        api_url: client.base_url(),
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
            "This form is out of date: reload the page.",
        ));
    }
    let (client, cred, session) = upstream().await?;
    let user = crate::auth::session::signed_in(&session)
        .await
        .map(|u| u.username)
        .unwrap_or_default();
    // A second submission of the same form (a double click, a retry) waits for the first and gets
    // its answer instead of creating another server.
    let slot = ssr::slot(&user, &token);
    let mut done = slot.lock().await;
    if let Some(created) = done.as_ref() {
        return Ok(created.clone());
    }
    // Only a success is remembered: after an error the same form may be sent again.
    let created = ssr::create(&client, &cred, &session, &form).await?;
    *done = Some(created.clone());
    Ok(created)
}

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::HashMap;
    use std::sync::{Arc, LazyLock, Mutex};
    use std::time::{Duration, Instant};

    use tokio::sync::Mutex as AsyncMutex;
    use tower_sessions::Session;

    use crate::ecs::convert;
    use crate::ecs::{Credential, EcsClient, EcsError};
    use crate::error::AppError;
    use crate::model::create::{CreateForm, Created};
    use crate::model::create_check::body;

    /// What one form token created; the lock makes a concurrent repeat wait for the first.
    type Slot = Arc<AsyncMutex<Option<Created>>>;

    /// Form tokens seen in the last ten minutes, per user.
    /// (user, form token) → when first seen, and its slot.
    type Seen = HashMap<(String, String), (Instant, Slot)>;
    static SEEN: LazyLock<Mutex<Seen>> = LazyLock::new(Default::default);
    const KEEP: Duration = Duration::from_secs(600);

    pub fn slot(user: &str, token: &str) -> Slot {
        let mut seen = SEEN.lock().unwrap_or_else(|p| p.into_inner());
        seen.retain(|_, (at, _)| at.elapsed() < KEEP);
        seen.entry((user.to_string(), token.to_string()))
            .or_insert_with(|| (Instant::now(), Arc::new(AsyncMutex::new(None))))
            .1
            .clone()
    }

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
    ) -> Result<Created, AppError> {
        let today = chrono::Utc::now().format("%Y%m%d").to_string();
        let b = body(form, &today);
        let notes = b.notes.clone();
        let answer = client
            .create_server(cred, &convert::create::request(b))
            .await;
        let answer = crate::state::explained(answer, session, refused).await?;
        Ok(convert::create::created(&answer, notes))
    }

    /// The documented refusals of `POST /servers` (a 404 among them: an unknown group or key)
    /// come back at their field.
    fn refused(e: &EcsError) -> Option<AppError> {
        e.refusal_or_missing(None)
            .and_then(crate::model::create_check::explain)
            .map(AppError::at)
    }
}
