//! Networks and VLANs: the rows of `/networks` (each network with the servers attached), and a
//! server's interfaces.

use chrono::{DateTime, Utc};

use crate::ecs::dto::{self, Vlan};
use crate::model::network::{Interface, NetworkRow, VlanState, VlanView};
use crate::model::time::Stamp;

/// The interface of `server` on `network`, from its VLANs; none when it has no VLAN there.
pub fn interface(network: &str, server: &dto::Server, vlans: &[Vlan]) -> Option<Interface> {
    let first = vlans.first()?;
    let mut views: Vec<VlanView> = vlans
        .iter()
        .filter_map(|v| {
            Some(VlanView {
                vlan_id: u16::try_from(v.vlan_id).ok()?,
                pvid: v.pvid,
                state: VlanState::of(v.status.as_deref().unwrap_or("ok")),
            })
        })
        .collect();
    views.sort_by_key(|v| v.vlan_id);
    Some(Interface {
        network: network.to_string(),
        server: server.name.clone(),
        server_title: crate::model::server::title(
            &server.name,
            server.notes.as_deref().unwrap_or(""),
        )
        .to_string(),
        mac: first.mac_address.clone().unwrap_or_default(),
        vlans: views,
    })
}

/// A network's row, with the interfaces found on it (by server title).
pub fn row(n: &dto::Network, mut interfaces: Vec<Interface>, now: DateTime<Utc>) -> NetworkRow {
    interfaces.sort_by(|a, b| a.server_title.cmp(&b.server_title));
    NetworkRow {
        name: n.name.clone(),
        id: n.network_id.or(n.id),
        created: n.created_at.map(|d| Stamp::new(d, now.max(d))),
        interfaces,
    }
}

/// The address suggested for `server` on a network's `192.168.<subnet>.0/24`: its number modulo
/// 253, plus one (distinct for neighbouring servers; the person may choose any).
pub fn suggested_address(server: &str, subnet: u8) -> String {
    let n: u64 = server
        .trim_start_matches("ec")
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    format!("192.168.{subnet}.{}", n % 253 + 1)
}
