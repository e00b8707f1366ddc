//! Server functions of `/templates`: list, make from a server (an action to follow), edit the
//! description and notes, delete (another action).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::template::{NewTemplate, TemplatesView};

/// The templates (deleted ones left out) and the servers one can be made from.
#[server(endpoint = "templates_list")]
pub async fn list_templates() -> Result<TemplatesView, AppError> {
    use crate::ecs::convert::template;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let (templates, servers) =
        tokio::join!(client.list_templates(&cred), client.list_servers(&cred));
    let templates = checked(templates, &session).await?;
    let rows = template::rows(&templates, chrono::Utc::now());
    // The list is still worth showing when the servers cannot be read; the dialog says why.
    let servers = match servers {
        Ok(servers) => Ok(template::choices(&servers)),
        Err(e) => Err(crate::state::upstream_error(e, &session)
            .await
            .words(crate::locale::untracked())),
    };
    Ok(TemplatesView { rows, servers })
}

/// Makes a template of `server`; answers the action to follow and the template as it starts.
#[server(endpoint = "templates_create")]
pub async fn create_template(
    server: String,
    description: String,
    #[server(default)] notes: String,
) -> Result<NewTemplate, AppError> {
    use crate::ecs::dto::TemplateSource;
    use crate::model::template::{check_description, check_notes};
    use crate::state::{explained, upstream};
    let server = server.trim().to_string();
    if server.is_empty() {
        return Err(AppError::invalid(
            "server",
            crate::tr!(errors.api.templates.choose_source_server),
        ));
    }
    if crate::ecs::ids::server_name(&server).is_err() {
        return Err(AppError::invalid(
            "server",
            crate::tr!(errors.api.templates.choose_listed_server),
        ));
    }
    let description =
        check_description(&description).map_err(|m| AppError::invalid("description", m))?;
    let notes = check_notes(&notes).map_err(|m| AppError::invalid("notes", m))?;
    let (client, cred, session) = upstream().await?;
    let created = client
        .create_template(
            &cred,
            &TemplateSource::Server(server),
            &description,
            (!notes.is_empty()).then_some(notes.as_str()),
        )
        .await;
    let created = explained(created, &session, refused).await?;
    Ok(NewTemplate {
        action: created.action_id,
        row: crate::ecs::convert::template::row(&created.template, chrono::Utc::now()),
    })
}

/// Saves a template's description and notes.
#[server(endpoint = "templates_update")]
pub async fn update_template(
    name: String,
    description: String,
    #[server(default)] notes: String,
) -> Result<(), AppError> {
    use crate::model::template::{check_description, check_notes};
    use crate::state::{checked, upstream};
    let description =
        check_description(&description).map_err(|m| AppError::invalid("description", m))?;
    let notes = check_notes(&notes).map_err(|m| AppError::invalid("notes", m))?;
    let (client, cred, session) = upstream().await?;
    checked(
        client
            .update_template(&cred, &name, Some(&description), Some(&notes))
            .await,
        &session,
    )
    .await
    .map(drop)
}

/// Deletes a template; answers the `delete_template` action to follow.
#[server(endpoint = "templates_delete")]
pub async fn delete_template(name: String) -> Result<Option<u64>, AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let action = checked(client.delete_template(&cred, &name).await, &session).await?;
    Ok(action.map(|a| a.id))
}

/// The documented refusals of `POST /templates`, at the server field. A 404 is about the server
/// to copy, even when it says nothing.
#[cfg(feature = "ssr")]
fn refused(e: &crate::ecs::EcsError) -> Option<AppError> {
    e.refusal_or_missing(Some("server not found"))
        .and_then(crate::model::template::explain)
        .map(AppError::at)
}
