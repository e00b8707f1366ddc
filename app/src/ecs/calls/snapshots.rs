//! A server's snapshots (`/servers/{n}/snapshots`) and its weekly schedule (`/servers/{n}/crons`).
//! Restoring one is a server action (`rollback`, in `servers.rs`).

use crate::ecs::client::{decode, field, list, Credential, EcsClient};
use crate::ecs::dto::{self, SnapshotChange, SnapshotSchedule};
use crate::ecs::error::EcsError;
use crate::ecs::ids;
use crate::model::api_call::{schedule_name, ApiCall};

pub use crate::model::api_call::{ScheduleSettings, SnapshotPatch};

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
        let call = ApiCall::create_snapshot(server, description, notes);
        let v = self.send_call(cred, "create_snapshot", &call).await?;
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
        let call = ApiCall::delete_snapshot(server, snapshot);
        let v = self.send_call(cred, "delete_snapshot", &call).await?;
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
        let call = ApiCall::update_snapshot(server, snapshot, patch);
        let v = self.send_call(cred, "update_snapshot", &call).await?;
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
        let call = ApiCall::create_snapshot_schedule(server, settings);
        let v = self
            .send_call(cred, "create_snapshot_schedule", &call)
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
        let call = ApiCall::update_snapshot_schedule(server, settings);
        let v = self
            .send_call(cred, "update_snapshot_schedule", &call)
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
        let call = ApiCall::delete_snapshot_schedule(server);
        self.send_call(cred, "delete_snapshot_schedule", &call)
            .await
            .map(drop)
    }
}
