//! Servers: the Server object, what comes with it, and the create request.

use std::fmt;

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::action::Action;
use super::de;
use super::enums::{PowerState, ServerState};

/// A server as `GET /servers` and `GET /servers/{name}` return it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Server {
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    /// `""` while booting → None.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub ipv4: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub ipv6: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub group: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub plan: String,
    #[serde(default)]
    pub plan_size: Option<PlanSize>,
    /// Shape undocumented (always `[]` in the examples): kept raw.
    #[serde(default, deserialize_with = "de::list")]
    pub reserved_plans: Vec<Value>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub last_restored_snapshot: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    pub is_reserved: bool,
    /// `""` when not reserved → None.
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub reserved_until: Option<DateTime<Utc>>,
    #[serde(default)]
    pub support: Option<ServerSupport>,
    #[serde(default, deserialize_with = "de::string")]
    pub location: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub location_label: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    /// The image: `so` in lists and the older doc, `os` in the current create example.
    /// Read it with [`Server::image`].
    #[serde(default, deserialize_with = "de::opt_string")]
    pub so: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub os: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub so_label: Option<String>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub creation_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub deletion_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::flag")]
    pub active_flag: bool,
    #[serde(default)]
    pub status: ServerState,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub progress: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub api_version: Option<String>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub api_version_value: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub virttype: Option<String>,
}

impl Server {
    /// The image the server was built from, whichever key carried it.
    pub fn image(&self) -> Option<&str> {
        self.so.as_deref().or(self.os.as_deref())
    }
}

/// Sizes of a plan (strings live, numbers in the current doc). ram in MiB, disk in GB.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PlanSize {
    #[serde(default, deserialize_with = "de::opt_u64", alias = "cpu")]
    pub core: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub ram: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub disk: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub gpu: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub gpu_label: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub host_type: Option<String>,
}

/// A server's support plan (`support` in a Server, or the answer of `POST …/support`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ServerSupport {
    #[serde(default, rename = "server__name", deserialize_with = "de::opt_string")]
    pub server_name: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub server_notes: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub support_title: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub support_code: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    pub immutable: bool,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub start: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub end: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::flag")]
    pub may_downgrade: bool,
    /// `weigth` (sic) upstream.
    #[serde(
        default,
        rename = "weigth",
        alias = "weight",
        deserialize_with = "de::opt_u64"
    )]
    pub weight: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub days: Option<u64>,
    #[serde(default, deserialize_with = "de::flag")]
    pub cancelled: bool,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// The answer of `POST /servers/{name}/reserved`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct DiscountRecord {
    /// An id (`50`) or a formula (`M12PeCS6`), kept as text.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub reserved_plan: Option<String>,
    #[serde(default, alias = "reserved_month", deserialize_with = "de::opt_u64")]
    pub reserved_months: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub plan: Option<String>,
    #[serde(default, deserialize_with = "de::opt_f64")]
    pub discount: Option<f64>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub start_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub end_date: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub server: Option<String>,
}

/// One entry of `GET /servers/{name}/isolations`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Isolation {
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
}

/// `GET /servers/{name}/status`, nested (`{server: {name, current_status}}`) or flat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerPowerStatus {
    pub name: Option<String>,
    pub current_status: PowerState,
}

impl<'de> Deserialize<'de> for ServerPowerStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Inner {
            #[serde(default, deserialize_with = "de::opt_string")]
            name: Option<String>,
            current_status: Option<PowerState>,
        }
        #[derive(Deserialize)]
        struct Outer {
            #[serde(default)]
            server: Option<Inner>,
            #[serde(default, deserialize_with = "de::opt_string")]
            name: Option<String>,
            current_status: Option<PowerState>,
        }
        let outer = Outer::deserialize(d)?;
        let (name, status) = match outer.server {
            Some(inner) if inner.current_status.is_some() => (inner.name, inner.current_status),
            _ => (outer.name, outer.current_status),
        };
        let current_status =
            status.ok_or_else(|| serde::de::Error::missing_field("current_status"))?;
        Ok(Self {
            name,
            current_status,
        })
    }
}

/// The answer of `POST /servers`: the new server and the action that builds it.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatedServer {
    /// From `action_id` (older doc, live) or `action` (current doc: an id, or an Action object).
    pub action_id: Option<u64>,
    pub server: Server,
}

impl<'de> Deserialize<'de> for CreatedServer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            action_id: Value,
            #[serde(default)]
            action: Value,
            server: Server,
        }
        let raw = Raw::deserialize(d)?;
        Ok(Self {
            action_id: action_ref(&raw.action_id).or_else(|| action_ref(&raw.action)),
            server: raw.server,
        })
    }
}

/// An action reference: an id (number or string) or an Action object carrying `id`.
pub(crate) fn action_ref(v: &Value) -> Option<u64> {
    match v {
        Value::Object(map) => map.get("id").and_then(de::u64_of),
        other => de::u64_of(other),
    }
}

pub use crate::model::api_call::ServerAction;

/// What a server action answers: the action, and for `console` a one-off console key.
#[derive(Debug, Clone)]
pub struct ActionOutcome {
    pub action: Action,
    /// A credential for the console: never log it or send it to a page unasked.
    pub console_key: Option<SecretString>,
}

impl<'de> Deserialize<'de> for ActionOutcome {
    /// Current form: a bare Action (console adds `console_key` beside it); older: `{action, …}`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Value::deserialize(d)?;
        let console_key = v
            .get("console_key")
            .and_then(de::text_of)
            .map(SecretString::from);
        let action = match v.get("action") {
            Some(inner @ Value::Object(_)) => Action::deserialize(inner),
            _ => Action::deserialize(&v),
        }
        .map_err(serde::de::Error::custom)?;
        Ok(Self {
            action,
            console_key,
        })
    }
}

/// A support plan code for `POST /servers/{name}/support` and `ServerCreate::support`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SupportCode {
    Basic,
    Global,
}

/// `user_customize`: script text (one-off) or the id of a library script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum UserCustomize {
    Script(String),
    Library(u64),
}

/// One VLAN of a network attached at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum VlanSpec {
    Single {
        vlan_id: u32,
        pvid: bool,
    },
    /// A range like `"10-20"`.
    Range {
        vlans: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkAttachment {
    pub name: String,
    pub vlans: Vec<VlanSpec>,
}

/// The body of `POST /servers`, with exactly the documented field names; None is left out.
#[derive(Clone, Default, Serialize)]
pub struct ServerCreate {
    pub plan: String,
    pub location: String,
    pub image: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// A registered key's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "expose_opt")]
    pub password: Option<SecretString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportCode>,
    /// `M{months}P{plan}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved_plan: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_customize: Option<UserCustomize>,
    /// `NAME="v"\nOTHER="w"`; may carry secrets.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "expose_opt")]
    pub user_customize_env: Option<SecretString>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isolate_from: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub networks: Option<Vec<NetworkAttachment>>,
}

fn expose_opt<S: Serializer>(v: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(secret) => s.serialize_str(secret.expose_secret()),
        None => s.serialize_none(),
    }
}

impl fmt::Debug for ServerCreate {
    /// Secrets (password, script env) and script text never reach a log through Debug.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redact = |o: &Option<SecretString>| o.as_ref().map(|_| "<redacted>");
        let script = self.user_customize.as_ref().map(|u| match u {
            UserCustomize::Script(text) => format!("<script, {} bytes>", text.len()),
            UserCustomize::Library(id) => format!("library script {id}"),
        });
        f.debug_struct("ServerCreate")
            .field("plan", &self.plan)
            .field("location", &self.location)
            .field("image", &self.image)
            .field("notes", &self.notes)
            .field("ssh_key", &self.ssh_key)
            .field("password", &redact(&self.password))
            .field("group", &self.group)
            .field("support", &self.support)
            .field("reserved_plan", &self.reserved_plan)
            .field("user_customize", &script)
            .field("user_customize_env", &redact(&self.user_customize_env))
            .field("isolate_from", &self.isolate_from)
            .field("networks", &self.networks)
            .finish()
    }
}
