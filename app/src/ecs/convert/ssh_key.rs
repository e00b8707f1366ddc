//! SSH keys: each registered key as `/ssh-keys` lists it (the panel reads the key text itself:
//! ECS stores text and says nothing about it).

use chrono::{DateTime, Utc};

use crate::ecs::dto::SshKey;
use crate::model::ssh_key_list::SshKeyRow;
use crate::model::time::Stamp;

pub fn row(k: SshKey, now: DateTime<Utc>) -> SshKeyRow {
    SshKeyRow::new(
        k.id,
        k.label,
        k.key,
        k.created_at.map(|c| Stamp::new(c, now)),
    )
}
