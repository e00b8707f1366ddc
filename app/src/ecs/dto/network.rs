//! Private networks (`/networks`) and the VLANs that connect a server to one
//! (`/servers/{s}/networks/{net}/vlans`).

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::action::Action;
use super::de;

/// A private network (`net000015`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Network {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub network_id: Option<u64>,
    #[serde(deserialize_with = "de::name")]
    pub name: String,
    /// Missing → true (the list holds active networks only).
    #[serde(default, deserialize_with = "de::opt_bool")]
    pub active: Option<bool>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub deactivated_at: Option<DateTime<Utc>>,
}

/// One VLAN between a server and a network.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Vlan {
    #[serde(default, deserialize_with = "de::opt_u64")]
    pub id: Option<u64>,
    #[serde(deserialize_with = "de::id")]
    pub vlan_id: u64,
    #[serde(default, deserialize_with = "de::flag")]
    pub pvid: bool,
    /// `creating`, `ok`, `updating`, `deleting`.
    #[serde(default, deserialize_with = "de::opt_string")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub mac_address: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub network: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    pub server: Option<String>,
    #[serde(default, deserialize_with = "de::opt_datetime")]
    pub created_at: Option<DateTime<Utc>>,
}

/// The answer of a VLAN change: `{status, action}` (and the VLAN for an update).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct VlanChange {
    #[serde(default)]
    pub action: Option<Action>,
}
