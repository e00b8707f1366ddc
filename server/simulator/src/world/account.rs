//! One customer: credentials and everything they own. Accounts never see each other's data.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::world::actions::Action;
use crate::world::error::{SimError, SimResult};
use crate::world::library::{Group, SshKey, Template};
use crate::world::logs::{LogEntry, Severity};
use crate::world::networks::{Network, Vlan};
use crate::world::records::record;
use crate::world::scripts::Script;
use crate::world::servers::Server;
use crate::world::snapshots::{Cron, Snapshot};

/// An API token (`X-APITOKEN`): it never expires until deleted.
#[derive(Debug, Clone)]
pub struct ApiKey {
    pub id: u64,
    pub notes: String,
    pub token: String,
    pub created_at: DateTime<Utc>,
    /// Set by forced expiry (control API); a revoked key answers 401 but is still listed.
    pub revoked: bool,
}

record! { ApiKey => "key" }

#[derive(Debug, Clone, Default)]
pub struct Account {
    pub username: String,
    pub password: String,
    pub email: String,
    pub reserved_available: bool,
    pub ecs_special_discount: i64,
    pub api_keys: Vec<ApiKey>,
    /// JWTs issued by /login that are still honoured (expiry aside); revoking clears it.
    pub sessions: Vec<String>,
    /// "401 after N calls": authenticated calls left before every session is revoked.
    pub expire_countdown: Option<u32>,
    pub servers: BTreeMap<String, Server>,
    /// Deleted servers, kept for billing.
    pub graveyard: Vec<Server>,
    pub actions: Vec<Action>,
    pub logs: Vec<LogEntry>,
    pub templates: Vec<Template>,
    pub scripts: Vec<Script>,
    pub sshkeys: Vec<SshKey>,
    pub groups: Vec<Group>,
    pub networks: Vec<Network>,
    pub vlans: Vec<Vlan>,
    pub snapshots: Vec<Snapshot>,
    pub crons: Vec<Cron>,
}

impl Account {
    pub fn server(&self, name: &str) -> SimResult<&Server> {
        self.servers
            .get(name)
            .ok_or_else(|| SimError::not_found("server not found"))
    }

    pub fn server_mut(&mut self, name: &str) -> SimResult<&mut Server> {
        self.servers
            .get_mut(name)
            .ok_or_else(|| SimError::not_found("server not found"))
    }

    pub fn action(&self, id: u64) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn action_mut(&mut self, id: u64) -> Option<&mut Action> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// A group by numeric id or by name (`eg…`).
    pub fn group(&self, key: &str) -> SimResult<&Group> {
        self.groups
            .iter()
            .find(|g| g.answers_to(key))
            .ok_or_else(|| SimError::not_found("group not found"))
    }

    /// A template by numeric id or by name (`ei…`).
    pub fn template(&self, key: &str) -> SimResult<&Template> {
        self.templates
            .iter()
            .find(|t| t.answers_to(key))
            .ok_or_else(|| SimError::not_found("template not found"))
    }

    pub fn template_mut(&mut self, key: &str) -> SimResult<&mut Template> {
        self.templates
            .iter_mut()
            .find(|t| t.answers_to(key))
            .ok_or_else(|| SimError::not_found("template not found"))
    }

    /// A private network by name (`net…`).
    pub fn network(&self, name: &str) -> SimResult<&Network> {
        self.networks
            .iter()
            .find(|n| n.name == name)
            .ok_or_else(|| SimError::not_found("network not found"))
    }

    /// Revokes every JWT and API key of the account (forced expiry).
    pub fn revoke_all(&mut self) {
        self.sessions.clear();
        for key in &mut self.api_keys {
            key.revoked = true;
        }
    }

    pub fn push_log(
        &mut self,
        id: u64,
        at: DateTime<Utc>,
        action: &str,
        target: &str,
        severity: Severity,
        description: Option<String>,
    ) {
        self.logs.push(LogEntry {
            id,
            actor: self.username.clone(),
            action: action.to_string(),
            severity,
            target: target.to_string(),
            created_at: at,
            description,
            extra: None,
        });
    }
}
