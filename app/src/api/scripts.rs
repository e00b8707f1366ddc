//! Server functions of `/scripts`: the library list, one script, create, update, delete. Drafts
//! are checked here as in the browser; the API's documented refusals come back at their field.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::script::{ScriptDetail, ScriptDraft, ScriptList, ScriptRow};

#[server(endpoint = "scripts_list")]
pub async fn list_scripts() -> Result<ScriptList, AppError> {
    use crate::ecs::convert::script;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let me = ssr::me(&session).await;
    let scripts = checked(client.list_scripts(&cred).await, &session).await?;
    Ok(ScriptList::new(
        scripts.iter().map(|s| script::row(s, &me)).collect(),
    ))
}

/// `id` comes from the URL: anything but a number is "not found".
#[server(endpoint = "scripts_get")]
pub async fn get_script(id: String) -> Result<ScriptDetail, AppError> {
    use crate::ecs::convert::script;
    use crate::state::{checked, upstream};
    let id = ssr::id(&id)?;
    let (client, cred, session) = upstream().await?;
    let me = ssr::me(&session).await;
    let answer = checked(client.get_script(&cred, &id.to_string()).await, &session).await?;
    Ok(script::detail(answer, &me))
}

#[server(endpoint = "scripts_create")]
pub async fn create_script(draft: ScriptDraft) -> Result<ScriptRow, AppError> {
    use crate::ecs::convert::script;
    use crate::state::{explained, upstream};
    let input = ssr::input(&draft)?;
    let (client, cred, session) = upstream().await?;
    let me = ssr::me(&session).await;
    let answer = explained(
        client.create_script(&cred, &input).await,
        &session,
        ssr::refused,
    )
    .await?;
    Ok(script::row(&answer, &me))
}

#[server(endpoint = "scripts_update")]
pub async fn update_script(id: u64, draft: ScriptDraft) -> Result<ScriptDetail, AppError> {
    use crate::ecs::convert::script;
    use crate::state::{explained, upstream};
    let input = ssr::input(&draft)?;
    let (client, cred, session) = upstream().await?;
    let me = ssr::me(&session).await;
    ssr::editable(&client, &cred, &session, id, &me).await?;
    let answer = client.update_script(&cred, &id.to_string(), &input).await;
    // The documented answer carries the script; an answer without it means what was sent.
    Ok(match explained(answer, &session, ssr::refused).await? {
        Some(saved) => script::detail(saved, &me),
        None => ScriptDetail {
            row: ScriptRow::new(
                id,
                input.title.clone().unwrap_or_default(),
                &draft.content,
                draft.windows,
                false,
                None,
                &me,
            ),
            content: draft.content,
        },
    })
}

#[server(endpoint = "scripts_delete")]
pub async fn delete_script(id: u64) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let me = ssr::me(&session).await;
    ssr::editable(&client, &cred, &session, id, &me).await?;
    checked(client.delete_script(&cred, &id.to_string()).await, &session).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use tower_sessions::Session;

    use crate::ecs::convert::script;
    use crate::ecs::dto::ScriptInput;
    use crate::ecs::{Credential, EcsClient, EcsError};
    use crate::error::AppError;
    use crate::model::script::{explain, problems, ScriptDraft};
    use crate::state::checked;

    /// The signed-in user's name ("" if unknown: then every script counts as theirs).
    /// The ECS username scripts are owned by; "" for a panel account (team mode), which acts
    /// for the whole ECS account, so every script of the account is its own.
    pub async fn me(session: &Session) -> String {
        crate::auth::session::signed_in(session)
            .await
            .filter(|u| u.user_id.is_none())
            .map(|u| u.username)
            .unwrap_or_default()
    }

    pub fn id(raw: &str) -> Result<u64, AppError> {
        crate::ecs::ids::numeric(raw.trim())
            .ok()
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| AppError::NotFound(crate::tr!(errors.api.scripts.no_such_script).into()))
    }

    /// The draft checked as the browser does, as the API's body.
    pub fn input(draft: &ScriptDraft) -> Result<ScriptInput, AppError> {
        if let Some((field, message)) = problems(draft).into_iter().next() {
            return Err(AppError::invalid(field, message));
        }
        Ok(script::input(draft))
    }

    /// Another user's public script is read-only: refused here, not only hidden in the page.
    pub async fn editable(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
        id: u64,
        me: &str,
    ) -> Result<(), AppError> {
        let answer = checked(client.get_script(cred, &id.to_string()).await, session).await?;
        if script::row(&answer, me).own {
            Ok(())
        } else {
            Err(AppError::invalid(
                "form",
                crate::tr!(errors.api.scripts.not_your_script),
            ))
        }
    }

    /// The documented refusals of `POST`/`PUT /scripts`, at their field.
    pub fn refused(e: &EcsError) -> Option<AppError> {
        e.refusal().and_then(explain).map(AppError::at)
    }
}
