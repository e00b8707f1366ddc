//! A server's weekly snapshot schedule: set (created or changed) and removed. Both answer at once.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::snapshot::ScheduleView;

/// Creates the schedule, or changes the one there is: `day` 0 (Sunday) to 6, `keep` the number
/// of unprotected snapshots to keep.
#[server(endpoint = "snapshots_schedule")]
pub async fn save_schedule(
    name: String,
    day: u8,
    keep: u8,
    #[server(default)] paused: bool,
) -> Result<ScheduleView, AppError> {
    use crate::ecs::ScheduleSettings;
    use crate::model::snapshot::RETENTION_RANGE;
    use crate::state::{checked, explained, upstream};
    if day > 6 {
        return Err(AppError::invalid(
            "day",
            crate::tr!(errors.api.servers_schedule.choose_day),
        ));
    }
    if !RETENTION_RANGE.contains(&keep) {
        return Err(AppError::invalid(
            "keep",
            crate::tr!(errors.api.servers_schedule.keep_range),
        ));
    }
    let settings = ScheduleSettings {
        day_of_week: day,
        max_retention: keep,
        enabled: !paused,
    };
    let (client, cred, session) = upstream().await?;
    let existing = checked(client.snapshot_schedule(&cred, &name).await, &session).await?;
    let saved = match existing {
        Some(_) => {
            client
                .update_snapshot_schedule(&cred, &name, settings)
                .await
        }
        None => {
            let created = client
                .create_snapshot_schedule(&cred, &name, settings)
                .await;
            // A new schedule is enabled; a paused one is then paused.
            match created {
                Ok(_) if paused => {
                    client
                        .update_snapshot_schedule(&cred, &name, settings)
                        .await
                }
                other => other,
            }
        }
    };
    let saved = explained(saved, &session, |e| {
        e.refusal()
            .and_then(crate::model::snapshot::explain)
            .map(|why| AppError::invalid("keep", why))
    })
    .await?;
    Ok(crate::ecs::convert::snapshot::schedule(
        &saved,
        chrono::Utc::now(),
    ))
}

/// Removes the schedule: no more weekly snapshots; those taken stay.
#[server(endpoint = "snapshots_unschedule")]
pub async fn remove_schedule(name: String) -> Result<(), AppError> {
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    match client.delete_snapshot_schedule(&cred, &name).await {
        // Already gone: what the user wanted.
        Err(EcsError::NotFound { .. }) => Ok(()),
        r => checked(r, &session).await,
    }
}
