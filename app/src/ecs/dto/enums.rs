//! Status words normalised to enums. The API spells them in several ways (`RUNNING`/`Running`,
//! `CD`/`Created`, `failed`/`error`, `create_server`/`new_server`); every enum keeps an
//! `Unknown(String)` fallback so a new word never fails a whole response.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::de::text_of;

/// Implements `Default` (→ `Unknown("")`) and a lenient `Deserialize` from any scalar via `parse`.
macro_rules! lenient_enum {
    ($ty:ident) => {
        impl Default for $ty {
            fn default() -> Self {
                $ty::Unknown(String::new())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = Value::deserialize(d)?;
                Ok(text_of(&v).map(|s| $ty::parse(&s)).unwrap_or_default())
            }
        }
    };
}

/// Lowercase, trimmed, with `-`, ` ` and `_` made equal.
fn norm(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The lifecycle state of a server (`status` in a Server).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerState {
    Booting,
    Booted,
    Customizing,
    Reimaging,
    Deleting,
    Deleted,
    Fail,
    Unknown(String),
}
lenient_enum!(ServerState);

impl ServerState {
    /// The word people read (Seeweb's own capitalisation).
    pub fn label(&self) -> String {
        match self {
            Self::Booting => "Booting".into(),
            Self::Booted => "Booted".into(),
            Self::Customizing => "Customizing".into(),
            Self::Reimaging => "Reimaging".into(),
            Self::Deleting => "Deleting".into(),
            Self::Deleted => "Deleted".into(),
            Self::Fail => "Failed".into(),
            Self::Unknown(s) => s.clone(),
        }
    }

    pub fn parse(s: &str) -> Self {
        match norm(s).as_str() {
            "booting" => Self::Booting,
            "booted" => Self::Booted,
            "customizing" | "customising" => Self::Customizing,
            "reimaging" => Self::Reimaging,
            "deleting" => Self::Deleting,
            "deleted" => Self::Deleted,
            "fail" | "failed" | "error" => Self::Fail,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }
}

/// The hypervisor's view of a server (`current_status` of `/servers/{name}/status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PowerState {
    Running,
    Stopped,
    Paused,
    Unknown(String),
}
lenient_enum!(PowerState);

impl PowerState {
    pub fn parse(s: &str) -> Self {
        // libvirt's words: running, blocked, paused, shutdown, shutoff, crashed, pmsuspended.
        match norm(s).as_str() {
            "running" | "blocked" | "on" | "active" => Self::Running,
            "shutoff" | "shut_off" | "shutdown" | "stopped" | "off" | "inactive" => Self::Stopped,
            "paused" | "suspended" | "pmsuspended" => Self::Paused,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }
}

/// The state of an asynchronous action. The older doc says `error` where the current one says
/// `failed`: both are `Failed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionStatus {
    InProgress,
    Completed,
    Failed,
    Unknown(String),
}
lenient_enum!(ActionStatus);

impl ActionStatus {
    pub fn parse(s: &str) -> Self {
        match norm(s).as_str() {
            "in_progress" | "inprogress" | "pending" | "running" | "queued" => Self::InProgress,
            "completed" | "complete" | "done" | "success" | "succeeded" => Self::Completed,
            "failed" | "fail" | "error" | "errored" | "failure" => Self::Failed,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }

    pub fn is_finished(&self) -> bool {
        matches!(self, Self::Completed | Self::Failed)
    }
}

/// What an action does. `new_server` (seen live) and `create_server` (docs) are one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionKind {
    CreateServer,
    DeleteServer,
    PowerOn,
    PowerOff,
    Console,
    Rollback,
    CreateTemplate,
    DeleteTemplate,
    CreateSnapshot,
    DeleteSnapshot,
    AddVlan,
    UpdateVlan,
    Unknown(String),
}
lenient_enum!(ActionKind);

impl ActionKind {
    pub fn parse(s: &str) -> Self {
        match norm(s).as_str() {
            "create_server" | "new_server" => Self::CreateServer,
            "delete_server" => Self::DeleteServer,
            "power_on" | "poweron" => Self::PowerOn,
            "power_off" | "poweroff" => Self::PowerOff,
            "console" => Self::Console,
            "rollback" => Self::Rollback,
            "create_template" | "new_template" => Self::CreateTemplate,
            "delete_template" => Self::DeleteTemplate,
            "create_snapshot" | "new_snapshot" => Self::CreateSnapshot,
            "delete_snapshot" => Self::DeleteSnapshot,
            "add_vlan" => Self::AddVlan,
            "update_vlan" => Self::UpdateVlan,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }
}

/// The kind of resource an action works on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceKind {
    /// `ECS`
    Server,
    /// `ECI` or `DI` (both seen for templates)
    Template,
    /// `SNP`
    Snapshot,
    /// `network`
    Network,
    Unknown(String),
}
lenient_enum!(ResourceKind);

impl ResourceKind {
    pub fn parse(s: &str) -> Self {
        match norm(s).as_str() {
            "ecs" | "server" => Self::Server,
            "eci" | "di" | "template" | "image" => Self::Template,
            "snp" | "snapshot" => Self::Snapshot,
            "network" | "net" | "vlan" => Self::Network,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }
}

/// The state of an image, template or snapshot: codes `CG/CD/DE/DD/FL` or the older words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageStatus {
    Creating,
    Created,
    Deleting,
    Deleted,
    Failed,
    Unknown(String),
}
lenient_enum!(ImageStatus);

impl ImageStatus {
    pub fn parse(s: &str) -> Self {
        match norm(s).as_str() {
            "cg" | "creating" => Self::Creating,
            "cd" | "created" => Self::Created,
            "de" | "deleting" => Self::Deleting,
            "dd" | "deleted" => Self::Deleted,
            "fl" | "failed" | "fail" | "error" => Self::Failed,
            _ => Self::Unknown(s.trim().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_any_case_and_spelling() {
        assert_eq!(ServerState::parse("BOOTED"), ServerState::Booted);
        assert_eq!(ServerState::parse("Customizing"), ServerState::Customizing);
        assert_eq!(
            ServerState::parse("Hibernating"),
            ServerState::Unknown("Hibernating".into())
        );
        assert_eq!(PowerState::parse("RUNNING"), PowerState::Running);
        assert_eq!(PowerState::parse("Running"), PowerState::Running);
        assert_eq!(PowerState::parse("shut off"), PowerState::Stopped);
        assert_eq!(ActionStatus::parse("in-progress"), ActionStatus::InProgress);
        assert_eq!(ActionStatus::parse("failed"), ActionStatus::Failed);
        assert_eq!(ActionStatus::parse("error"), ActionStatus::Failed);
        assert_eq!(
            ActionStatus::parse("paused"),
            ActionStatus::Unknown("paused".into())
        );
        assert_eq!(ActionKind::parse("new_server"), ActionKind::CreateServer);
        assert_eq!(ActionKind::parse("create_server"), ActionKind::CreateServer);
        assert_eq!(ResourceKind::parse("DI"), ResourceKind::Template);
        assert_eq!(ImageStatus::parse("CD"), ImageStatus::Created);
        assert_eq!(ImageStatus::parse("Created"), ImageStatus::Created);
        assert_eq!(ImageStatus::parse("fl"), ImageStatus::Failed);
        let missing: ImageStatus = serde_json::from_str("null").unwrap_or_default();
        assert_eq!(missing, ImageStatus::Unknown(String::new()));
    }
}
