//! Servers, their power, metrics, support and reserved periods.

use chrono::{DateTime, SecondsFormat, Utc};
use reqwest::Method;

use crate::ecs::client::{
    decode, field, field_opt, field_or_whole, list, success_value, to_body, Credential, EcsClient,
};
use crate::ecs::dto::{
    self, Action, ActionOutcome, CreatedServer, DiscountRecord, Isolation, Metrics, ServerAction,
    ServerCreate, ServerPowerStatus, ServerSupport, SupportCode,
};
use crate::ecs::error::EcsError;
use crate::ecs::ids;
use crate::model::api_call::ApiCall;

impl EcsClient {
    /// `GET /servers` (the list key is the singular `server`).
    pub async fn list_servers(&self, cred: &Credential) -> Result<Vec<dto::Server>, EcsError> {
        let answer = self
            .get_body(cred, "list_servers", &["servers"], &[])
            .await?;
        if let Some(servers) = crate::ecs::fast_list::servers(&answer.body) {
            return Ok(servers);
        }
        let v = success_value("list_servers", answer.status, &answer.body)?;
        list("list_servers", &v, &["server", "servers"])
    }

    /// `GET /servers/{name}`; 404 → `NotFound`.
    pub async fn get_server(&self, cred: &Credential, name: &str) -> Result<dto::Server, EcsError> {
        let name = ids::server_name(name)?;
        let v = self
            .get(cred, "get_server", &["servers", name], &[])
            .await?;
        field("get_server", &v, &["server"])
    }

    /// `POST /servers`. The API accepts requests it cannot place: watch the returned action.
    pub async fn create_server(
        &self,
        cred: &Credential,
        req: &ServerCreate,
    ) -> Result<CreatedServer, EcsError> {
        let body = to_body("create_server", req)?;
        let v = self
            .send(cred, "create_server", Method::POST, &["servers"], body)
            .await?;
        decode("create_server", &v)
    }

    /// `PUT /servers/{name}` with the display name. Sent as both `note` (docs, Go client) and
    /// `notes` (SDK): the API has been seen to read either.
    pub async fn update_server_notes(
        &self,
        cred: &Credential,
        name: &str,
        notes: &str,
    ) -> Result<(), EcsError> {
        let name = ids::server_name(name)?;
        let call = ApiCall::rename_server(name, notes);
        self.send_call(cred, "update_server_notes", &call)
            .await
            .map(drop)
    }

    /// `PUT /servers/{name} {group}`; `"nogroup"` takes the server out of its group.
    pub async fn set_server_group(
        &self,
        cred: &Credential,
        name: &str,
        group: &str,
    ) -> Result<(), EcsError> {
        let name = ids::server_name(name)?;
        let group = if group == "nogroup" {
            group
        } else {
            ids::group_ref(group)?
        };
        let call = ApiCall::server_group(name, group);
        self.send_call(cred, "set_server_group", &call)
            .await
            .map(drop)
    }

    /// `DELETE /servers/{name}` → the `delete_server` action (None if the API sent none).
    pub async fn delete_server(
        &self,
        cred: &Credential,
        name: &str,
    ) -> Result<Option<Action>, EcsError> {
        let name = ids::server_name(name)?;
        let call = ApiCall::delete_server(name);
        let v = self.send_call(cred, "delete_server", &call).await?;
        field_opt("delete_server", &v, "action")
    }

    /// `GET /servers/{name}/status` (nested or flat answer, any case).
    pub async fn server_status(
        &self,
        cred: &Credential,
        name: &str,
    ) -> Result<ServerPowerStatus, EcsError> {
        let name = ids::server_name(name)?;
        let v = self
            .get(cred, "server_status", &["servers", name, "status"], &[])
            .await?;
        decode("server_status", &v)
    }

    /// `POST /servers/{name}/actions` (bare Action or `{action}`; console adds a key).
    pub async fn server_action(
        &self,
        cred: &Credential,
        name: &str,
        action: &ServerAction,
    ) -> Result<ActionOutcome, EcsError> {
        let name = ids::server_name(name)?;
        // The request "Show the API call" prints (model::api_call).
        let call = ApiCall::server_action(name, action);
        let v = self.send_call(cred, "server_action", &call).await?;
        decode("server_action", &v)
    }

    /// `GET /servers/{name}/metrics`, optionally between two instants (sent as ISO 8601).
    pub async fn server_metrics(
        &self,
        cred: &Credential,
        name: &str,
        start: Option<DateTime<Utc>>,
        end: Option<DateTime<Utc>>,
    ) -> Result<Metrics, EcsError> {
        let name = ids::server_name(name)?;
        let iso = |d: DateTime<Utc>| d.to_rfc3339_opts(SecondsFormat::Secs, true);
        let query: Vec<(&'static str, String)> = [("start", start), ("end", end)]
            .into_iter()
            .filter_map(|(k, d)| d.map(|d| (k, iso(d))))
            .collect();
        let v = self
            .get(
                cred,
                "server_metrics",
                &["servers", name, "metrics"],
                &query,
            )
            .await?;
        field_or_whole("server_metrics", &v, "metrics")
    }

    /// `GET /servers/{name}/isolations`.
    pub async fn server_isolations(
        &self,
        cred: &Credential,
        name: &str,
    ) -> Result<Vec<Isolation>, EcsError> {
        let name = ids::server_name(name)?;
        let v = self
            .get(
                cred,
                "server_isolations",
                &["servers", name, "isolations"],
                &[],
            )
            .await?;
        list("server_isolations", &v, &["isolations"])
    }

    /// `POST /servers/{name}/reserved` with `M{months}P{plan}` or a numeric id (sent as a number).
    pub async fn set_reserved_plan(
        &self,
        cred: &Credential,
        name: &str,
        reserved_plan: &str,
    ) -> Result<DiscountRecord, EcsError> {
        let name = ids::server_name(name)?;
        let call = ApiCall::reserve_server(name, reserved_plan);
        let v = self.send_call(cred, "set_reserved_plan", &call).await?;
        field_or_whole("set_reserved_plan", &v, "reserved")
    }

    /// `POST /servers/{name}/support {code}`.
    pub async fn add_support(
        &self,
        cred: &Credential,
        name: &str,
        code: SupportCode,
    ) -> Result<ServerSupport, EcsError> {
        let name = ids::server_name(name)?;
        let code = match code {
            SupportCode::Basic => "basic",
            SupportCode::Global => "global",
        };
        let call = ApiCall::add_support(name, code);
        let v = self.send_call(cred, "add_support", &call).await?;
        field_or_whole("add_support", &v, "support")
    }

    /// `DELETE /servers/{name}/support`: back to unmanaged.
    pub async fn remove_support(&self, cred: &Credential, name: &str) -> Result<(), EcsError> {
        let name = ids::server_name(name)?;
        let call = ApiCall::remove_support(name);
        self.send_call(cred, "remove_support", &call)
            .await
            .map(drop)
    }
}
