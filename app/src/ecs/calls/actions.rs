//! Actions: the progress of asynchronous operations.

use crate::ecs::client::{decode, field_or_whole, Credential, EcsClient};
use crate::ecs::dto::{Action, ActionPage};
use crate::ecs::error::EcsError;
use crate::ecs::ids;

impl EcsClient {
    /// `GET /actions?start&length[&resource]`, newest first.
    pub async fn list_actions(
        &self,
        cred: &Credential,
        start: u32,
        length: u32,
        resource: Option<&str>,
    ) -> Result<ActionPage, EcsError> {
        let mut query = vec![("start", start.to_string()), ("length", length.to_string())];
        if let Some(r) = resource {
            query.push(("resource", ids::resource_filter(r)?.to_string()));
        }
        let v = self.get(cred, "list_actions", &["actions"], &query).await?;
        decode("list_actions", &v)
    }

    /// `GET /actions/{id}`.
    pub async fn get_action(&self, cred: &Credential, id: &str) -> Result<Action, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_action", &["actions", id], &[]).await?;
        field_or_whole("get_action", &v, "action")
    }
}
