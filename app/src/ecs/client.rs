//! `EcsClient`: one shared connection pool, strict timeouts, no redirects, typed errors.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use reqwest::header::{
    HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER,
};
use reqwest::{Method, StatusCode, Url};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::dto::{
    self, Account, Action, ActionOutcome, ActionPage, CreatedServer, CreatedTemplate,
    DiscountRecord, Group, Image, Isolation, LoginGrant, Metrics, Plan, Region, Script,
    ScriptInput, ServerAction, ServerCreate, ServerPowerStatus, ServerSupport, SnapshotChange,
    SshKey, SupportCode, Template, TemplateSource,
};
use super::error::{envelope_failure, message_from_body, parse_retry_after, EcsError};
use super::ids;

/// The largest successful body we read; beyond it the answer is refused as malformed.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Error bodies only feed a short message: read at most this much of them.
const MAX_ERROR_BODY_BYTES: usize = 64 * 1024;

/// Timeouts and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time allowed to open a connection (TCP + TLS).
    pub connect_timeout: Duration,
    /// Time allowed for a whole call, connection to last body byte.
    pub timeout: Duration,
    pub user_agent: String,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(3),
            timeout: Duration::from_secs(15),
            user_agent: format!("ecs-panel/{}", crate::VERSION),
        }
    }
}

/// How a call authenticates. Debug prints `[REDACTED]` for the secret.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A JWT from `POST /login`, sent as `Authorization: Bearer …`.
    Bearer(SecretString),
    /// A long-lived API token, sent as `X-APITOKEN: …`.
    ApiToken(SecretString),
}

impl Credential {
    fn header(&self) -> Result<(HeaderName, HeaderValue), EcsError> {
        let (name, value) = match self {
            Self::Bearer(t) => (
                AUTHORIZATION,
                format!("Bearer {}", t.expose_secret().trim()),
            ),
            Self::ApiToken(t) => (
                HeaderName::from_static("x-apitoken"),
                t.expose_secret().trim().to_string(),
            ),
        };
        // A token that cannot be a header value (newline, non-ASCII) can never be valid.
        let mut value = HeaderValue::from_str(&value).map_err(|_| EcsError::Unauthorized)?;
        // Sensitive: hyper leaves it out of HPACK tables, reqwest out of Debug output.
        value.set_sensitive(true);
        Ok((name, value))
    }
}

/// The typed client. `Clone` is cheap: clones share one connection pool.
#[derive(Clone)]
pub struct EcsClient {
    http: reqwest::Client,
    base: Arc<Url>,
}

impl fmt::Debug for EcsClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EcsClient").finish_non_exhaustive()
    }
}

/// The pieces of one upstream call.
struct Call<'a> {
    /// The endpoint's name for logs and error details (never the URL).
    name: &'static str,
    method: Method,
    path: &'a [&'a str],
    query: &'a [(&'static str, String)],
    body: Option<Vec<u8>>,
    auth: Option<&'a Credential>,
}

impl EcsClient {
    /// `base_url` is the API root, e.g. `https://api.seeweb.it/ecs/v2` (a trailing slash is fine).
    pub fn new(base_url: &str, opts: ClientOptions) -> Result<Self, EcsError> {
        let bad_base = || EcsError::Malformed {
            detail: "the ECS base URL must be an absolute http(s) URL without credentials"
                .to_string(),
        };
        let mut base = Url::parse(base_url.trim()).map_err(|_| bad_base())?;
        if !matches!(base.scheme(), "http" | "https")
            || base.cannot_be_a_base()
            || base.host_str().is_none()
            || !base.username().is_empty()
            || base.password().is_some()
        {
            return Err(bad_base());
        }
        base.set_query(None);
        base.set_fragment(None);
        base.path_segments_mut()
            .map_err(|_| bad_base())?
            .pop_if_empty();
        let http = reqwest::Client::builder()
            // Following a redirect would forward X-APITOKEN to wherever it points.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.timeout)
            .user_agent(opts.user_agent)
            .build()
            .map_err(|_| EcsError::Malformed {
                detail: "the HTTP client could not be set up".to_string(),
            })?;
        Ok(Self {
            http,
            base: Arc::new(base),
        })
    }

    // ---------------------------------------------------------------- account

    /// `POST /login` with a JSON body. 401 (wrong username or password) → `Unauthorized`.
    pub async fn login(
        &self,
        username: &str,
        password: &SecretString,
    ) -> Result<LoginGrant, EcsError> {
        let body = dto::LoginRequest {
            username,
            password: password.expose_secret(),
        };
        let v = self
            .run(Call {
                name: "login",
                method: Method::POST,
                path: &["login"],
                query: &[],
                body: Some(to_body("login", &body)?),
                auth: None,
            })
            .await?;
        decode("login", &v)
    }

    /// `GET /account`.
    pub async fn account(&self, cred: &Credential) -> Result<Account, EcsError> {
        let v = self.get(cred, "account", &["account"], &[]).await?;
        field_or_whole("account", &v, "account")
    }

    // ---------------------------------------------------------------- servers

    /// `GET /servers` (the list key is the singular `server`).
    pub async fn list_servers(&self, cred: &Credential) -> Result<Vec<dto::Server>, EcsError> {
        let v = self.get(cred, "list_servers", &["servers"], &[]).await?;
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
        let body = to_body(
            "update_server_notes",
            &json!({ "note": notes, "notes": notes }),
        )?;
        self.send(
            cred,
            "update_server_notes",
            Method::PUT,
            &["servers", name],
            body,
        )
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
        let body = to_body("set_server_group", &json!({ "group": group }))?;
        self.send(
            cred,
            "set_server_group",
            Method::PUT,
            &["servers", name],
            body,
        )
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
        let v = self
            .delete(cred, "delete_server", &["servers", name])
            .await?;
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
        let body = to_body("server_action", action)?;
        let v = self
            .send(
                cred,
                "server_action",
                Method::POST,
                &["servers", name, "actions"],
                body,
            )
            .await?;
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
        let plan = reserved_plan.trim();
        let value = match plan.parse::<u64>() {
            Ok(id) => json!(id),
            Err(_) => json!(plan),
        };
        let body = to_body("set_reserved_plan", &json!({ "reserved_plan": value }))?;
        let v = self
            .send(
                cred,
                "set_reserved_plan",
                Method::POST,
                &["servers", name, "reserved"],
                body,
            )
            .await?;
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
        let body = to_body("add_support", &json!({ "code": code }))?;
        let v = self
            .send(
                cred,
                "add_support",
                Method::POST,
                &["servers", name, "support"],
                body,
            )
            .await?;
        field_or_whole("add_support", &v, "support")
    }

    /// `DELETE /servers/{name}/support`: back to unmanaged.
    pub async fn remove_support(&self, cred: &Credential, name: &str) -> Result<(), EcsError> {
        let name = ids::server_name(name)?;
        self.delete(cred, "remove_support", &["servers", name, "support"])
            .await
            .map(drop)
    }

    // ---------------------------------------------------------------- actions

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

    // ---------------------------------------------------------------- catalogue

    /// `GET /regions`.
    pub async fn list_regions(&self, cred: &Credential) -> Result<Vec<Region>, EcsError> {
        let v = self.get(cred, "list_regions", &["regions"], &[]).await?;
        list("list_regions", &v, &["regions"])
    }

    /// `POST /regions/availables {plan}` → region codes (flat or nested answer).
    pub async fn regions_available(
        &self,
        cred: &Credential,
        plan: &str,
    ) -> Result<Vec<String>, EcsError> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(deserialize_with = "dto::de::flat_strings")]
            regions: Vec<String>,
        }
        let body = to_body("regions_available", &json!({ "plan": plan }))?;
        let v = self
            .send(
                cred,
                "regions_available",
                Method::POST,
                &["regions", "availables"],
                body,
            )
            .await?;
        decode::<Answer>("regions_available", &v).map(|a| a.regions)
    }

    /// `GET /plans`: compatible regions, not necessarily placeable now.
    pub async fn list_plans(&self, cred: &Credential) -> Result<Vec<Plan>, EcsError> {
        let v = self.get(cred, "list_plans", &["plans"], &[]).await?;
        list("list_plans", &v, &["plans"])
    }

    /// `GET /plans/availables`: what can be created now, where, with which images and hosts.
    pub async fn plans_available(&self, cred: &Credential) -> Result<Vec<Plan>, EcsError> {
        let v = self
            .get(cred, "plans_available", &["plans", "availables"], &[])
            .await?;
        list("plans_available", &v, &["plans"])
    }

    /// `GET /images/basics`.
    pub async fn images_basic(&self, cred: &Credential) -> Result<Vec<Image>, EcsError> {
        let v = self
            .get(cred, "images_basic", &["images", "basics"], &[])
            .await?;
        list("images_basic", &v, &["images"])
    }

    /// `GET /images/cloud-images`.
    pub async fn images_cloud(&self, cred: &Credential) -> Result<Vec<Image>, EcsError> {
        let v = self
            .get(cred, "images_cloud", &["images", "cloud-images"], &[])
            .await?;
        list("images_cloud", &v, &["images"])
    }

    // ---------------------------------------------------------------- templates

    pub async fn list_templates(&self, cred: &Credential) -> Result<Vec<Template>, EcsError> {
        let v = self
            .get(cred, "list_templates", &["templates"], &[])
            .await?;
        list("list_templates", &v, &["templates"])
    }

    /// `GET /templates/{id or name}`.
    pub async fn get_template(&self, cred: &Credential, id: &str) -> Result<Template, EcsError> {
        let id = ids::template_ref(id)?;
        let v = self
            .get(cred, "get_template", &["templates", id], &[])
            .await?;
        field_or_whole("get_template", &v, "template")
    }

    /// `POST /templates {server | snapshot, description, notes}`.
    pub async fn create_template(
        &self,
        cred: &Credential,
        source: &TemplateSource,
        description: &str,
        notes: Option<&str>,
    ) -> Result<CreatedTemplate, EcsError> {
        let mut body = json!({ "description": description });
        match source {
            TemplateSource::Server(name) => body["server"] = json!(ids::server_name(name)?),
            TemplateSource::Snapshot(id) => body["snapshot"] = json!(id),
        }
        if let Some(notes) = notes {
            body["notes"] = json!(notes);
        }
        let body = to_body("create_template", &body)?;
        let v = self
            .send(cred, "create_template", Method::POST, &["templates"], body)
            .await?;
        decode("create_template", &v)
    }

    /// `PUT /templates/{id or name} {description, notes}` (PATCH if PUT is not allowed).
    pub async fn update_template(
        &self,
        cred: &Credential,
        id: &str,
        description: Option<&str>,
        notes: Option<&str>,
    ) -> Result<Option<Template>, EcsError> {
        let id = ids::template_ref(id)?;
        let mut body = json!({});
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        if let Some(n) = notes {
            body["notes"] = json!(n);
        }
        let body = to_body("update_template", &body)?;
        let v = self
            .send(
                cred,
                "update_template",
                Method::PUT,
                &["templates", id],
                body,
            )
            .await?;
        field_opt("update_template", &v, "template")
    }

    /// `DELETE /templates/{id or name}` → the `delete_template` action.
    pub async fn delete_template(
        &self,
        cred: &Credential,
        id: &str,
    ) -> Result<Option<Action>, EcsError> {
        let id = ids::template_ref(id)?;
        let v = self
            .delete(cred, "delete_template", &["templates", id])
            .await?;
        field_opt("delete_template", &v, "action")
    }

    // ---------------------------------------------------------------- scripts

    pub async fn list_scripts(&self, cred: &Credential) -> Result<Vec<Script>, EcsError> {
        let v = self.get(cred, "list_scripts", &["scripts"], &[]).await?;
        list("list_scripts", &v, &["scripts"])
    }

    pub async fn get_script(&self, cred: &Credential, id: &str) -> Result<Script, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_script", &["scripts", id], &[]).await?;
        field_or_whole("get_script", &v, "script")
    }

    /// `POST /scripts {title, content, windows}` (answer bare or `{status, script}`).
    pub async fn create_script(
        &self,
        cred: &Credential,
        script: &ScriptInput,
    ) -> Result<Script, EcsError> {
        let body = to_body("create_script", script)?;
        let v = self
            .send(cred, "create_script", Method::POST, &["scripts"], body)
            .await?;
        field_or_whole("create_script", &v, "script")
    }

    /// `PUT /scripts/{id}` with the fields to change (PATCH if PUT is not allowed).
    pub async fn update_script(
        &self,
        cred: &Credential,
        id: &str,
        script: &ScriptInput,
    ) -> Result<Option<Script>, EcsError> {
        let id = ids::numeric(id)?;
        let body = to_body("update_script", script)?;
        let v = self
            .send(cred, "update_script", Method::PUT, &["scripts", id], body)
            .await?;
        field_opt("update_script", &v, "script")
    }

    pub async fn delete_script(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        self.delete(cred, "delete_script", &["scripts", id])
            .await
            .map(drop)
    }

    // ---------------------------------------------------------------- ssh keys

    pub async fn list_ssh_keys(&self, cred: &Credential) -> Result<Vec<SshKey>, EcsError> {
        let v = self.get(cred, "list_ssh_keys", &["sshkeys"], &[]).await?;
        list("list_ssh_keys", &v, &["pubkeys", "sshkeys"])
    }

    pub async fn get_ssh_key(&self, cred: &Credential, id: &str) -> Result<SshKey, EcsError> {
        let id = ids::numeric(id)?;
        let v = self.get(cred, "get_ssh_key", &["sshkeys", id], &[]).await?;
        field_or_whole("get_ssh_key", &v, "pubkey")
    }

    /// `POST /sshkeys {key, label}`: the API answers `{status: ok}` only (list again for the id).
    pub async fn create_ssh_key(
        &self,
        cred: &Credential,
        label: &str,
        key: &str,
    ) -> Result<(), EcsError> {
        let body = to_body("create_ssh_key", &json!({ "key": key, "label": label }))?;
        self.send(cred, "create_ssh_key", Method::POST, &["sshkeys"], body)
            .await
            .map(drop)
    }

    /// `PUT /sshkeys/{id} {label}` (PATCH if PUT is not allowed).
    pub async fn rename_ssh_key(
        &self,
        cred: &Credential,
        id: &str,
        label: &str,
    ) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        let body = to_body("rename_ssh_key", &json!({ "label": label }))?;
        self.send(cred, "rename_ssh_key", Method::PUT, &["sshkeys", id], body)
            .await
            .map(drop)
    }

    pub async fn delete_ssh_key(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::numeric(id)?;
        self.delete(cred, "delete_ssh_key", &["sshkeys", id])
            .await
            .map(drop)
    }

    // ---------------------------------------------------------------- groups

    pub async fn list_groups(&self, cred: &Credential) -> Result<Vec<Group>, EcsError> {
        let v = self.get(cred, "list_groups", &["groups"], &[]).await?;
        list("list_groups", &v, &["groups"])
    }

    /// `GET /groups/{id or name}`.
    pub async fn get_group(&self, cred: &Credential, id: &str) -> Result<Group, EcsError> {
        let id = ids::group_ref(id)?;
        let v = self.get(cred, "get_group", &["groups", id], &[]).await?;
        field_or_whole("get_group", &v, "group")
    }

    /// `POST /groups {notes, password}`: the password is deprecated but still required, so an
    /// empty one is sent (as the current doc does).
    pub async fn create_group(&self, cred: &Credential, notes: &str) -> Result<Group, EcsError> {
        let body = to_body("create_group", &json!({ "notes": notes, "password": "" }))?;
        let v = self
            .send(cred, "create_group", Method::POST, &["groups"], body)
            .await?;
        field_or_whole("create_group", &v, "group")
    }

    pub async fn delete_group(&self, cred: &Credential, id: &str) -> Result<(), EcsError> {
        let id = ids::group_ref(id)?;
        self.delete(cred, "delete_group", &["groups", id])
            .await
            .map(drop)
    }

    // ---------------------------------------------------------------- snapshots

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

    // ---------------------------------------------------------------- plumbing

    async fn get(
        &self,
        cred: &Credential,
        name: &'static str,
        path: &[&str],
        query: &[(&'static str, String)],
    ) -> Result<Value, EcsError> {
        self.run(Call {
            name,
            method: Method::GET,
            path,
            query,
            body: None,
            auth: Some(cred),
        })
        .await
    }

    async fn delete(
        &self,
        cred: &Credential,
        name: &'static str,
        path: &[&str],
    ) -> Result<Value, EcsError> {
        self.run(Call {
            name,
            method: Method::DELETE,
            path,
            query: &[],
            body: None,
            auth: Some(cred),
        })
        .await
    }

    /// A call with a JSON body. A PUT refused with 405 is retried once as PATCH: the docs say
    /// PUT for templates, scripts and keys, the SDK says PATCH.
    async fn send(
        &self,
        cred: &Credential,
        name: &'static str,
        method: Method,
        path: &[&str],
        body: Vec<u8>,
    ) -> Result<Value, EcsError> {
        let is_put = method == Method::PUT;
        let first = self
            .run(Call {
                name,
                method,
                path,
                query: &[],
                body: Some(body.clone()),
                auth: Some(cred),
            })
            .await;
        match first {
            Err(EcsError::Rejected { status: 405, .. }) if is_put => {
                self.run(Call {
                    name,
                    method: Method::PATCH,
                    path,
                    query: &[],
                    body: Some(body),
                    auth: Some(cred),
                })
                .await
            }
            other => other,
        }
    }

    fn url(&self, path: &[&str], query: &[(&'static str, String)]) -> Result<Url, EcsError> {
        let mut url = (*self.base).clone();
        // Segments are percent-encoded one by one: user text never becomes path syntax.
        url.path_segments_mut()
            .map_err(|_| EcsError::InvalidId)?
            .extend(path);
        if !query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(k, v)| (*k, v.as_str())));
        }
        Ok(url)
    }

    /// Sends one request and returns the checked JSON of a 2xx answer.
    async fn run(&self, call: Call<'_>) -> Result<Value, EcsError> {
        let url = self.url(call.path, call.query)?;
        let mut req = self
            .http
            .request(call.method.clone(), url)
            .header(ACCEPT, "application/json");
        if let Some(cred) = call.auth {
            let (name, value) = cred.header()?;
            req = req.header(name, value);
        }
        if let Some(body) = call.body {
            req = req.header(CONTENT_TYPE, "application/json").body(body);
        }
        let started = Instant::now();
        let resp = req
            .send()
            .await
            .map_err(|e| transport_error(call.name, &e))?;
        let status = resp.status();
        // Endpoint name and status only: the URL (ids, query) and bodies stay out of logs.
        tracing::debug!(
            endpoint = call.name,
            method = %call.method,
            status = status.as_u16(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "ECS call"
        );
        if status.is_success() {
            let body = read_body(resp, MAX_BODY_BYTES)
                .await
                .map_err(|e| e.into_error(call.name))?;
            return success_value(call.name, status, &body);
        }
        if status.is_redirection() {
            tracing::warn!(
                endpoint = call.name,
                status = status.as_u16(),
                "ECS redirect not followed"
            );
            return Err(EcsError::Malformed {
                detail: format!(
                    "{}: unexpected redirect (HTTP {})",
                    call.name,
                    status.as_u16()
                ),
            });
        }
        let header = |name| {
            resp.headers()
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header(RETRY_AFTER).as_deref().and_then(parse_retry_after);
        let content_type = header(CONTENT_TYPE);
        // Best effort: an error body that cannot be read just has no message.
        let body = read_body(resp, MAX_ERROR_BODY_BYTES)
            .await
            .unwrap_or_default();
        let message = message_from_body(&body, content_type.as_deref());
        Err(status_error(status, message, retry_after))
    }
}

/// Maps an HTTP error status to an `EcsError`.
pub(crate) fn status_error(
    status: StatusCode,
    message: Option<String>,
    retry_after: Option<u64>,
) -> EcsError {
    match status.as_u16() {
        401 => EcsError::Unauthorized,
        403 => match message {
            Some(message) => EcsError::Rejected {
                status: 403,
                message,
            },
            None => EcsError::Unauthorized,
        },
        404 => EcsError::NotFound { message },
        408 => EcsError::Timeout,
        code @ (429 | 502 | 503 | 504) => EcsError::Unavailable {
            status: Some(code),
            retry_after,
        },
        code => EcsError::Rejected {
            status: code,
            message: message.unwrap_or_default(),
        },
    }
}

/// A reqwest error reduced to its kind: its Display would carry the URL.
fn transport_error(endpoint: &'static str, e: &reqwest::Error) -> EcsError {
    let kind = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else if e.is_body() || e.is_decode() {
        "body"
    } else if e.is_builder() {
        "builder"
    } else {
        "request"
    };
    tracing::warn!(endpoint, kind, "ECS transport error");
    match kind {
        "timeout" => EcsError::Timeout,
        "builder" => EcsError::Malformed {
            detail: format!("{endpoint}: the request could not be built"),
        },
        _ => EcsError::Unavailable {
            status: None,
            retry_after: None,
        },
    }
}

enum ReadError {
    TooLarge,
    Transport(reqwest::Error),
}

impl ReadError {
    fn into_error(self, endpoint: &'static str) -> EcsError {
        match self {
            Self::TooLarge => EcsError::Malformed {
                detail: format!(
                    "{endpoint}: the answer is larger than {} MiB",
                    MAX_BODY_BYTES / (1024 * 1024)
                ),
            },
            Self::Transport(e) => transport_error(endpoint, &e),
        }
    }
}

/// Reads at most `cap` bytes; a bigger body (announced or actual) is `TooLarge`.
async fn read_body(mut resp: reqwest::Response, cap: usize) -> Result<Vec<u8>, ReadError> {
    let announced = resp
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|len| len > cap as u64) {
        return Err(ReadError::TooLarge);
    }
    let mut buf = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(ReadError::Transport)? {
        if buf.len() + chunk.len() > cap {
            return Err(ReadError::TooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// The JSON of a 2xx answer; an empty body counts as `{}` (204, bare DELETEs). A `status` that
/// is not a success word makes it an error.
pub(crate) fn success_value(
    endpoint: &'static str,
    status: StatusCode,
    body: &[u8],
) -> Result<Value, EcsError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    let v: Value = serde_json::from_slice(body).map_err(|_| {
        let first = body.iter().find(|b| !b.is_ascii_whitespace());
        let what = if first == Some(&b'<') {
            "an HTML page instead of JSON"
        } else {
            "not valid JSON"
        };
        EcsError::Malformed {
            detail: format!("{endpoint}: the answer is {what}"),
        }
    })?;
    if let Some(message) = envelope_failure(&v) {
        return Err(EcsError::Rejected {
            status: status.as_u16(),
            message,
        });
    }
    Ok(v)
}

fn to_body<T: Serialize + ?Sized>(endpoint: &'static str, value: &T) -> Result<Vec<u8>, EcsError> {
    serde_json::to_vec(value).map_err(|_| EcsError::Malformed {
        detail: format!("{endpoint}: the request could not be encoded"),
    })
}

/// Reasons from our own tolerant readers; they never quote the payload.
const OWN_REASONS: &[&str] = &[
    "missing field",
    "id is not",
    "name is empty",
    "expire is not",
    "host server without",
];

pub(crate) fn decode<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
) -> Result<T, EcsError> {
    T::deserialize(v).map_err(|e| {
        // serde's other messages quote payload text (`invalid type: string "…"`): dropped.
        let reason = e.to_string();
        let reason = if OWN_REASONS.iter().any(|r| reason.starts_with(r)) {
            reason
        } else {
            "unexpected shape".to_string()
        };
        EcsError::Malformed {
            detail: format!("{endpoint}: {reason}"),
        }
    })
}

/// The value under the first of `keys` that is present and not null.
fn field<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    keys: &[&str],
) -> Result<T, EcsError> {
    match keys.iter().find_map(|k| v.get(*k).filter(|x| !x.is_null())) {
        Some(inner) => decode(endpoint, inner),
        None => Err(EcsError::Malformed {
            detail: format!(
                "{endpoint}: missing field `{}`",
                keys.first().copied().unwrap_or_default()
            ),
        }),
    }
}

/// A list under one of `keys`; null counts as empty, a missing key is malformed.
fn list<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    keys: &[&str],
) -> Result<Vec<T>, EcsError> {
    if keys.iter().any(|k| v.get(*k).is_some_and(Value::is_null)) {
        return Ok(Vec::new());
    }
    field(endpoint, v, keys)
}

/// The value under `key` when present, else None (answers that sometimes carry only `status`).
fn field_opt<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    key: &str,
) -> Result<Option<T>, EcsError> {
    match v.get(key).filter(|x| !x.is_null()) {
        Some(inner) => decode(endpoint, inner).map(Some),
        None => Ok(None),
    }
}

/// The object under `key` (`{status, script: {…}}`), or the whole answer when it is bare.
fn field_or_whole<T: DeserializeOwned>(
    endpoint: &'static str,
    v: &Value,
    key: &str,
) -> Result<T, EcsError> {
    match v.get(key) {
        Some(inner @ Value::Object(_)) => decode(endpoint, inner),
        _ => decode(endpoint, v),
    }
}
