//! The account's library besides scripts (`scripts.rs`): groups, SSH keys and private templates,
//! and the status that templates and snapshots share.

use chrono::{DateTime, Utc};

use crate::world::records::record;

/// Server groups: labels that organise servers (`eg…`).
#[derive(Debug, Clone)]
pub struct Group {
    pub id: u64,
    pub name: String,
    pub notes: String,
}

/// A public SSH key. Like the live API, keys are not validated; labels are unique per account
/// because server creation refers to a key by its label.
#[derive(Debug, Clone)]
pub struct SshKey {
    pub id: u64,
    pub label: String,
    pub key: String,
    pub created_at: DateTime<Utc>,
}

/// Where a disk image of a server (template or snapshot) is in its life, as the API's codes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageStatus {
    Creating,
    Created,
    Deleting,
}

impl ImageStatus {
    pub fn code(self) -> &'static str {
        match self {
            Self::Creating => "CG",
            Self::Created => "CD",
            Self::Deleting => "DE",
        }
    }
}

/// The word for a status code of images, templates and snapshots (`CD` → `Created`).
pub fn status_label(code: &str) -> &'static str {
    match code {
        "CG" => "Creating",
        "CD" => "Created",
        "DE" => "Deleting",
        "DD" => "Deleted",
        _ => "Failed",
    }
}

/// A private template (`ei…`), made from a server or a snapshot through an action.
#[derive(Debug, Clone)]
pub struct Template {
    pub id: u64,
    pub name: String,
    pub creation_date: DateTime<Utc>,
    pub status: ImageStatus,
    pub active_flag: bool,
    pub description: String,
    pub notes: String,
    pub so_base: String,
    pub required_disk: u32,
}

impl Template {
    pub fn is_usable(&self) -> bool {
        self.status == ImageStatus::Created
    }

    /// Found by numeric id or by name, as the API accepts both.
    pub fn answers_to(&self, key: &str) -> bool {
        self.name == key || self.id.to_string() == key
    }
}

impl Group {
    /// Found by numeric id or by name, as the API accepts both.
    pub fn answers_to(&self, key: &str) -> bool {
        self.id.to_string() == key || self.name == key
    }
}

record! {
    SshKey => "ssh key",
    Template => "template",
}
