//! A server's settings: display name, group, support plan and reserved period. Each answers at
//! once (no action to wait for).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::server::{ReservationView, SupportView};

#[server(endpoint = "servers_rename")]
pub async fn rename_server(name: String, notes: String) -> Result<(), AppError> {
    use crate::model::server::{display_name, notes_problem};
    use crate::state::{checked, upstream};
    let notes = display_name(&notes);
    if let Some(problem) = notes_problem(&notes) {
        return Err(AppError::invalid("notes", problem));
    }
    let (client, cred, session) = upstream().await?;
    checked(
        client.update_server_notes(&cred, &name, &notes).await,
        &session,
    )
    .await
}

/// `group` is a group id (`eg…`), or empty to take the server out of its group.
#[server(endpoint = "servers_group")]
pub async fn move_server(name: String, group: String) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let group = crate::model::api_call::ApiCall::group_sent(&group);
    if group != "nogroup" && crate::ecs::ids::group_ref(group).is_err() {
        return Err(AppError::invalid(
            "group",
            crate::tr!(errors.api.servers_settings.choose_group),
        ));
    }
    let (client, cred, session) = upstream().await?;
    checked(client.set_server_group(&cred, &name, group).await, &session).await
}

/// `code`: `basic`, `global`, or empty to go back to unmanaged.
#[server(endpoint = "servers_support")]
pub async fn set_support(name: String, code: String) -> Result<Option<SupportView>, AppError> {
    use crate::ecs::convert::server::{support, support_code};
    use crate::state::{explained, upstream};
    let code = match code.as_str() {
        "" => None,
        choice => Some(support_code(choice).ok_or_else(|| {
            AppError::invalid(
                "support",
                crate::tr!(errors.api.servers_settings.choose_support),
            )
        })?),
    };
    let (client, cred, session) = upstream().await?;
    match code {
        Some(code) => {
            let s = explained(
                client.add_support(&cred, &name, code).await,
                &session,
                refused,
            )
            .await?;
            Ok(Some(support(&s, chrono::Utc::now())))
        }
        None => {
            explained(client.remove_support(&cred, &name).await, &session, refused).await?;
            Ok(None)
        }
    }
}

/// Reserves the server's plan for `months` (3, 6, 12 or 24): the formula `M{months}P{plan}`.
#[server(endpoint = "servers_reserve")]
pub async fn reserve_server(name: String, months: u32) -> Result<ReservationView, AppError> {
    use crate::model::server::{reserved_formula, RESERVE_MONTHS};
    use crate::state::{checked, explained, upstream};
    if !RESERVE_MONTHS.contains(&months) {
        return Err(AppError::invalid(
            "months",
            crate::tr!(errors.api.servers_settings.choose_months),
        ));
    }
    let (client, cred, session) = upstream().await?;
    let server = checked(client.get_server(&cred, &name).await, &session).await?;
    let formula = reserved_formula(months, &server.plan);
    let answer = explained(
        client.set_reserved_plan(&cred, &name, &formula).await,
        &session,
        refused,
    )
    .await?;
    let mut view = crate::ecs::convert::server::reservation(&answer, chrono::Utc::now());
    // The answer may name the offer by id ("93"); people recognise the formula they chose.
    view.formula = formula;
    Ok(view)
}

/// The documented support and reserved-plan refusals are about the server's plan, not a field:
/// they come back as ECS's answer, in words that say what to do.
#[cfg(feature = "ssr")]
fn refused(e: &crate::ecs::EcsError) -> Option<AppError> {
    e.refusal()
        .and_then(crate::model::server::explain)
        .map(AppError::Upstream)
}
