//! A server's settings: display name, group, support plan and reserved period. Each answers at
//! once (no action to wait for).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::server::{ReservationView, SupportView};

/// Longest display name accepted (Seeweb's panel keeps names short; the API documents no limit).
pub const NOTES_MAX: usize = 64;

#[server(endpoint = "servers_rename")]
pub async fn rename_server(name: String, notes: String) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let notes = display_name(&notes);
    let notes = notes.as_str();
    if notes.is_empty() {
        return Err(AppError::invalid("notes", "Enter a display name."));
    }
    if notes.chars().count() > NOTES_MAX {
        return Err(AppError::invalid(
            "notes",
            format!("Keep it to {NOTES_MAX} characters or fewer."),
        ));
    }
    if notes.chars().any(char::is_control) {
        return Err(AppError::invalid(
            "notes",
            "A display name is one line of text.",
        ));
    }
    let (client, cred, session) = upstream().await?;
    checked(
        client.update_server_notes(&cred, &name, notes).await,
        &session,
    )
    .await
}

/// `group` is a group id (`eg…`), or empty to take the server out of its group.
#[server(endpoint = "servers_group")]
pub async fn move_server(name: String, group: String) -> Result<(), AppError> {
    use crate::state::{checked, upstream};
    let group = match group.trim() {
        "" => "nogroup",
        g => g,
    };
    if group != "nogroup" && crate::ecs::ids::group_ref(group).is_err() {
        return Err(AppError::invalid("group", "Choose a group from the list."));
    }
    let (client, cred, session) = upstream().await?;
    checked(client.set_server_group(&cred, &name, group).await, &session).await
}

/// `code`: `basic`, `global`, or empty to go back to unmanaged.
#[server(endpoint = "servers_support")]
pub async fn set_support(name: String, code: String) -> Result<Option<SupportView>, AppError> {
    use crate::ecs::convert::server::support_code;
    use crate::state::upstream;
    let code = match code.as_str() {
        "" => None,
        choice => Some(
            support_code(choice)
                .ok_or_else(|| AppError::invalid("support", "Choose Basic, Global or none."))?,
        ),
    };
    let (client, cred, session) = upstream().await?;
    match code {
        Some(code) => {
            let s = explained(client.add_support(&cred, &name, code).await, &session).await?;
            Ok(Some(crate::ecs::convert::server::support(
                &s,
                chrono::Utc::now(),
            )))
        }
        None => {
            explained(client.remove_support(&cred, &name).await, &session).await?;
            Ok(None)
        }
    }
}

/// Reserves the server's plan for `months` (3, 6, 12 or 24): the formula `M{months}P{plan}`.
#[server(endpoint = "servers_reserve")]
pub async fn reserve_server(name: String, months: u32) -> Result<ReservationView, AppError> {
    use crate::state::{checked, upstream};
    if ![3, 6, 12, 24].contains(&months) {
        return Err(AppError::invalid("months", "Choose 3, 6, 12 or 24 months."));
    }
    let (client, cred, session) = upstream().await?;
    let server = checked(client.get_server(&cred, &name).await, &session).await?;
    let formula = reserved_formula(months, &server.plan);
    let answer = explained(
        client.set_reserved_plan(&cred, &name, &formula).await,
        &session,
    )
    .await?;
    let mut view = crate::ecs::convert::server::reservation(&answer, chrono::Utc::now());
    // The answer may name the offer by id ("93"); people recognise the formula they chose.
    view.formula = formula;
    Ok(view)
}

/// Like `checked`, but the documented support and reserved-plan refusals get a sentence that
/// says what to do, with ECS's own words after it.
#[cfg(feature = "ssr")]
async fn explained<T>(
    r: Result<T, crate::ecs::EcsError>,
    session: &tower_sessions::Session,
) -> Result<T, AppError> {
    if let Err(crate::ecs::EcsError::Rejected { message, .. }) = &r {
        if let Some(why) = explain(message) {
            return Err(AppError::Upstream(format!("{why} (ECS said: “{message}”)")));
        }
    }
    crate::state::checked(r, session).await
}

/// Plain words for the refusals REFERENCE.md documents.
pub fn explain(message: &str) -> Option<&'static str> {
    let m = message.to_lowercase();
    let rules: [(&str, &str); 6] = [
        (
            "immutable",
            "This support plan is locked and cannot be changed.",
        ),
        (
            "downgrade",
            "A support plan can be downgraded or removed only after its current period ends.",
        ),
        (
            "support code not found",
            "That support plan does not exist; choose Basic or Global.",
        ),
        (
            "not available for your profile",
            "Reserved plans are not enabled for your Seeweb account; ask Seeweb to enable them.",
        ),
        (
            "different resource plan",
            "A reserved period must be for the server's own plan.",
        ),
        (
            "reserved plan not found",
            "There is no reserved offer for this plan and period; try another period.",
        ),
    ];
    rules
        .into_iter()
        .find(|(needle, _)| m.contains(needle))
        .map(|(_, why)| why)
}

/// As Seeweb's panel does: blanks are not allowed in a display name and become "-".
pub fn display_name(typed: &str) -> String {
    typed.split_whitespace().collect::<Vec<_>>().join("-")
}

/// `M12PeCS6`: what `POST /servers/{name}/reserved` takes.
pub fn reserved_formula(months: u32, plan: &str) -> String {
    format!("M{months}P{plan}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn formula() {
        assert_eq!(super::reserved_formula(12, "eCS6"), "M12PeCS6");
        assert_eq!(super::display_name("  web  front 1 "), "web-front-1");
        assert_eq!(
            super::explain("You cannot downgrade a support plan, plan not yet finished..."),
            Some("A support plan can be downgraded or removed only after its current period ends.")
        );
        assert_eq!(super::explain("something else"), None);
    }
}
