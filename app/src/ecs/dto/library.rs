//! The user's library: templates, cloud scripts, SSH keys, groups.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::catalogue::Template;
use super::de;
use super::server::action_ref;

/// The answer of `POST /templates`: the template being built and its action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedTemplate {
    /// `action_id` as documented, or `action` (an id or an Action object).
    pub action_id: Option<u64>,
    pub template: Template,
}

impl<'de> Deserialize<'de> for CreatedTemplate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            action_id: Value,
            #[serde(default)]
            action: Value,
            template: Template,
        }
        let raw = Raw::deserialize(d)?;
        Ok(Self {
            action_id: action_ref(&raw.action_id).or_else(|| action_ref(&raw.action)),
            template: raw.template,
        })
    }
}

/// What a template is made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    /// A server name (`ec…`).
    Server(String),
    /// A snapshot id.
    Snapshot(u64),
}

/// A cloud script of the library.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Script {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub user: Option<String>,
    #[serde(default, deserialize_with = "de::string")]
    pub title: String,
    #[serde(default, deserialize_with = "de::string")]
    pub content: String,
    #[serde(default, deserialize_with = "de::flag")]
    pub windows: bool,
    #[serde(default, deserialize_with = "de::flag")]
    pub public: bool,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub category: Option<String>,
}

/// The body of `POST /scripts` and `PUT /scripts/{id}` (None fields are left unchanged).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ScriptInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub windows: Option<bool>,
}

/// A registered public SSH key (`pubkeys` items).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SshKey {
    #[serde(deserialize_with = "de::id")]
    pub id: u64,
    #[serde(default, deserialize_with = "de::string")]
    pub label: String,
    #[serde(default, deserialize_with = "de::string")]
    pub key: String,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// A server group (`eg…`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Group {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub notes: Option<String>,
    /// Missing → true (every documented group is enabled).
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub enabled: Option<bool>,
}
