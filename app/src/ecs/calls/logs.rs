//! `/logs`: the account's log, newest first, paged and filtered by resource as `/actions` is.

use crate::ecs::client::{decode, field_or_whole, Credential, EcsClient};
use crate::ecs::dto::{LogEntry, LogPage};
use crate::ecs::error::EcsError;
use crate::ecs::ids;

impl EcsClient {
    /// `GET /logs?start&length[&resource]`.
    pub async fn list_logs(
        &self,
        cred: &Credential,
        start: u32,
        length: u32,
        resource: Option<&str>,
    ) -> Result<LogPage, EcsError> {
        let mut query = vec![("start", start.to_string()), ("length", length.to_string())];
        if let Some(r) = resource {
            query.push(("resource", ids::resource_filter(r)?.to_string()));
        }
        let v = self.get(cred, "list_logs", &["logs"], &query).await?;
        decode("list_logs", &v)
    }

    /// `GET /logs/{id}`: the bare entry as documented (a wrapped `log` is read too).
    pub async fn get_log(&self, cred: &Credential, id: &str) -> Result<LogEntry, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_log", &["logs", id], &[]).await?;
        field_or_whole("get_log", &v, "log")
    }
}
