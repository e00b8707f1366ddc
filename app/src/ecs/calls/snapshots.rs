//! A server's snapshots (`/servers/{n}/snapshots`) and its weekly schedule (`/servers/{n}/crons`).
//! Restoring one is a server action (`rollback`, in `servers.rs`).

use reqwest::Method;
use serde_json::json;

use crate::ecs::client::{decode, field, list, to_body, Credential, EcsClient};
use crate::ecs::dto::{self, SnapshotChange, SnapshotSchedule};
use crate::ecs::error::EcsError;
use crate::ecs::ids;

/// What to change in a snapshot; `None` leaves it as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SnapshotPatch<'a> {
    pub description: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub protected: Option<bool>,
}

/// The weekly schedule's settings, as `POST` and `PATCH` take them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScheduleSettings {
    /// 0 = Sunday … 6 = Saturday.
    pub day_of_week: u8,
    /// How many unprotected snapshots to keep.
    pub max_retention: u8,
    pub enabled: bool,
}

/// The only name a server's schedule has.
fn schedule_name(server: &str) -> String {
    format!("snapshot_schedule_{server}")
}

impl EcsClient {
    pub async fn list_snapshots(
        &self,
        cred: &Credential,
        server: &str,
    ) -> Result<Vec<dto::Snapshot>, EcsError> {
        let server = ids::server_name(server)?;
        let v = self
            .get(
                cred,
                "list_snapshots",
                &["servers", server, "snapshots"],
                &[],
            )
            .await?;
        list("list_snapshots", &v, &["snapshots"])
    }

    /// `POST /servers/{server}/snapshots {description, notes}` → the snapshot and its action.
    pub async fn create_snapshot(
        &self,
        cred: &Credential,
        server: &str,
        description: &str,
        notes: Option<&str>,
    ) -> Result<SnapshotChange, EcsError> {
        let server = ids::server_name(server)?;
        let body = to_body(
            "create_snapshot",
            &json!({ "description": description, "notes": notes.unwrap_or(description) }),
        )?;
        let v = self
            .send(
                cred,
                "create_snapshot",
                Method::POST,
                &["servers", server, "snapshots"],
                body,
            )
            .await?;
        decode("create_snapshot", &v)
    }

    /// `DELETE /servers/{server}/snapshots/{id}`.
    pub async fn delete_snapshot(
        &self,
        cred: &Credential,
        server: &str,
        snapshot: &str,
    ) -> Result<SnapshotChange, EcsError> {
        let server = ids::server_name(server)?;
        let snapshot = ids::snapshot_ref(snapshot)?;
        let v = self
            .delete(
                cred,
                "delete_snapshot",
                &["servers", server, "snapshots", snapshot],
            )
            .await?;
        decode("delete_snapshot", &v)
    }

    /// `PATCH /servers/{server}/snapshots/{id} {description, notes, protected}`.
    pub async fn update_snapshot(
        &self,
        cred: &Credential,
        server: &str,
        snapshot: &str,
        patch: &SnapshotPatch<'_>,
    ) -> Result<dto::Snapshot, EcsError> {
        let server = ids::server_name(server)?;
        let snapshot = ids::snapshot_ref(snapshot)?;
        let mut body = json!({});
        if let Some(d) = patch.description {
            body["description"] = json!(d);
        }
        if let Some(n) = patch.notes {
            body["notes"] = json!(n);
        }
        if let Some(p) = patch.protected {
            body["protected"] = json!(p);
        }
        let body = to_body("update_snapshot", &body)?;
        let v = self
            .send(
                cred,
                "update_snapshot",
                Method::PATCH,
                &["servers", server, "snapshots", snapshot],
                body,
            )
            .await?;
        field("update_snapshot", &v, &["snapshot"])
    }

    /// `GET /servers/{server}/crons/snapshot_schedule_{server}`; `None` when there is none.
    pub async fn snapshot_schedule(
        &self,
        cred: &Credential,
        server: &str,
    ) -> Result<Option<SnapshotSchedule>, EcsError> {
        let server = ids::server_name(server)?;
        let name = schedule_name(server);
        match self
            .get(
                cred,
                "snapshot_schedule",
                &["servers", server, "crons", &name],
                &[],
            )
            .await
        {
            Ok(v) => field("snapshot_schedule", &v, &["cron"]).map(Some),
            Err(EcsError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `POST /servers/{server}/crons {type: snapshot_schedule, config: {typology: weekly, …}}`.
    pub async fn create_snapshot_schedule(
        &self,
        cred: &Credential,
        server: &str,
        settings: ScheduleSettings,
    ) -> Result<SnapshotSchedule, EcsError> {
        let server = ids::server_name(server)?;
        let body = to_body(
            "create_snapshot_schedule",
            &json!({
                "type": "snapshot_schedule",
                "config": {
                    "typology": "weekly",
                    "max_retention": settings.max_retention,
                    "day_of_week": settings.day_of_week,
                },
            }),
        )?;
        let v = self
            .send(
                cred,
                "create_snapshot_schedule",
                Method::POST,
                &["servers", server, "crons"],
                body,
            )
            .await?;
        field("create_snapshot_schedule", &v, &["cron"])
    }

    /// `PATCH /servers/{server}/crons/snapshot_schedule_{server} {enabled, max_retention, day_of_week}`.
    pub async fn update_snapshot_schedule(
        &self,
        cred: &Credential,
        server: &str,
        settings: ScheduleSettings,
    ) -> Result<SnapshotSchedule, EcsError> {
        let server = ids::server_name(server)?;
        let name = schedule_name(server);
        let body = to_body(
            "update_snapshot_schedule",
            &json!({
                "enabled": settings.enabled,
                "max_retention": settings.max_retention,
                "day_of_week": settings.day_of_week,
            }),
        )?;
        let v = self
            .send(
                cred,
                "update_snapshot_schedule",
                Method::PATCH,
                &["servers", server, "crons", &name],
                body,
            )
            .await?;
        field("update_snapshot_schedule", &v, &["cron"])
    }

    /// `DELETE /servers/{server}/crons/snapshot_schedule_{server}`.
    pub async fn delete_snapshot_schedule(
        &self,
        cred: &Credential,
        server: &str,
    ) -> Result<(), EcsError> {
        let server = ids::server_name(server)?;
        let name = schedule_name(server);
        self.delete(
            cred,
            "delete_snapshot_schedule",
            &["servers", server, "crons", &name],
        )
        .await
        .map(drop)
    }
}
