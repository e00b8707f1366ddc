//! Private networks and the VLANs that connect a server to one.

use chrono::{DateTime, Utc};

use crate::util::hash_str;

#[derive(Debug, Clone)]
pub struct Network {
    pub id: u64,
    pub network_id: u64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct Vlan {
    pub id: u64,
    pub vlan_id: u16,
    pub pvid: bool,
    /// `creating`, `ok`, `updating` or `deleting`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub mac_address: String,
    pub network: String,
    pub server: String,
}

impl Vlan {
    pub fn new(
        id: u64,
        vlan_id: u16,
        pvid: bool,
        server: &str,
        network: &str,
        now: DateTime<Utc>,
    ) -> Self {
        // One interface per server and network, so one MAC address for all its VLANs.
        let h = hash_str(&format!("{server}/{network}"));
        let mac = format!(
            "52:54:00:{:02x}:{:02x}:{:02x}",
            (h >> 16) as u8,
            (h >> 8) as u8,
            h as u8
        );
        Self {
            id,
            vlan_id,
            pvid,
            status: "creating".into(),
            created_at: now,
            mac_address: mac,
            network: network.into(),
            server: server.into(),
        }
    }
}
