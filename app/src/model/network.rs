//! Private networks as `/networks` and a server's `?tab=networks` show them: each network with
//! the servers attached and their VLANs, a server's interfaces, the VLAN selection people type
//! ("10", "10-20"), and how to configure an interface inside the server.

use serde::{Deserialize, Serialize};

use super::refusal::first_rule;
use super::time::Stamp;

/// A VLAN id is 1–4094.
pub const VLAN_MAX: u16 = 4094;

/// Where a VLAN is: `creating`, `ok`, `updating`, `deleting` (ECS's words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VlanState {
    Creating,
    Ready,
    Updating,
    Deleting,
    Unknown,
}

impl VlanState {
    pub fn of(word: &str) -> Self {
        match word.trim().to_ascii_lowercase().as_str() {
            "ok" | "active" => Self::Ready,
            "creating" => Self::Creating,
            "updating" => Self::Updating,
            "deleting" => Self::Deleting,
            _ => Self::Unknown,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Creating => crate::tr!(model.network.creating),
            Self::Ready => crate::tr!(model.network.ready),
            Self::Updating => crate::tr!(model.network.updating),
            Self::Deleting => crate::tr!(model.network.removing),
            Self::Unknown => crate::tr!(model.network.unknown),
        }
    }

    pub fn tone(self) -> &'static str {
        match self {
            Self::Ready => "ok",
            Self::Creating | Self::Updating | Self::Deleting => "busy",
            Self::Unknown => "off",
        }
    }

    /// ECS changes or removes a VLAN only when it is stable.
    pub fn is_stable(self) -> bool {
        self == Self::Ready
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VlanView {
    pub vlan_id: u16,
    pub pvid: bool,
    pub state: VlanState,
}

/// A server's interface on one network: its MAC address and VLANs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interface {
    pub network: String,
    pub server: String,
    /// The display name, or the name.
    pub server_title: String,
    pub mac: String,
    pub vlans: Vec<VlanView>,
}

impl Interface {
    /// "100–103, 200 (PVID 100)": the VLAN ids, runs of consecutive ids shortened.
    pub fn vlan_summary(&self) -> String {
        let mut ids: Vec<u16> = self.vlans.iter().map(|v| v.vlan_id).collect();
        ids.sort_unstable();
        let mut runs: Vec<(u16, u16)> = Vec::new();
        for id in ids {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == id => *end = id,
                _ => runs.push((id, id)),
            }
        }
        let mut text = runs
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}–{b}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(p) = self.vlans.iter().find(|v| v.pvid) {
            text.push_str(&format!(" (PVID {})", p.vlan_id));
        }
        text
    }

    pub fn busy(&self) -> bool {
        self.vlans.iter().any(|v| !v.state.is_stable())
    }
}

/// One private network on `/networks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRow {
    /// `net000015`.
    pub name: String,
    pub id: Option<u64>,
    pub created: Option<Stamp>,
    pub interfaces: Vec<Interface>,
}

/// Everything `/networks` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworksView {
    pub rows: Vec<NetworkRow>,
    /// Servers whose VLANs could not be read: the attachments may be incomplete.
    pub unread: Vec<String>,
}

/// How a server's OS is configured, for the instructions under an interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OsFamily {
    Linux,
    Windows,
}

impl OsFamily {
    pub fn of(os: &str) -> Self {
        if os.to_ascii_lowercase().contains("win") {
            Self::Windows
        } else {
            Self::Linux
        }
    }
}

/// A server's networks tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerNetworksView {
    pub interfaces: Vec<Interface>,
    /// Every network of the account, for the "add a VLAN" form.
    pub networks: Vec<String>,
    pub os: OsFamily,
    /// The address suggested for this server on each network (`192.168.<n>.<k>`), by network.
    pub addresses: Vec<(String, String)>,
}

/// The VLANs a person typed: one id (`100`) or a range (`10-20`); spaces allowed.
pub fn parse_vlans(text: &str) -> Result<(u16, u16), &'static str> {
    let what = crate::tr!(model.network.vlan_what);
    let text = text.trim();
    if text.is_empty() {
        return Err(what);
    }
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let id = |s: &str| {
        s.trim()
            .parse::<u16>()
            .ok()
            .filter(|v| (1..=VLAN_MAX).contains(v))
    };
    match (id(a), id(b)) {
        (Some(a), Some(b)) if a <= b => Ok((a, b)),
        (Some(_), Some(_)) => Err(crate::tr!(model.network.vlan_order)),
        _ => Err(what),
    }
}

/// The subnet the guide suggests for a network: `192.168.<network number % 256>.0/24`.
pub fn suggested_subnet(network: &str) -> u8 {
    network
        .trim_start_matches("net")
        .parse::<u64>()
        .map_or(1, |n| (n % 256) as u8)
}

/// The commands that configure `iface` inside the server (Seeweb's guide: bring the interface up,
/// add the route, assign the address), for its OS; `mac` finds the interface.
pub fn setup_commands(os: OsFamily, mac: &str, address: &str, subnet: u8) -> Vec<String> {
    match os {
        OsFamily::Linux => vec![
            format!(
                "IFACE=$(ip -br link | awk 'tolower($3) == \"{}\" {{print $1}}')",
                mac.to_ascii_lowercase()
            ),
            "sudo ip link set dev \"$IFACE\" up".into(),
            format!("sudo ip route add 192.168.{subnet}.0/24 dev \"$IFACE\""),
            format!("sudo ip address add {address}/24 dev \"$IFACE\""),
        ],
        OsFamily::Windows => {
            let mac = mac.to_ascii_uppercase().replace(':', "-");
            vec![
                format!("$nic = Get-NetAdapter | Where-Object MacAddress -eq '{mac}'"),
                "Enable-NetAdapter -Name $nic.Name -Confirm:$false".into(),
                format!("New-NetIPAddress -InterfaceIndex $nic.ifIndex -IPAddress {address} -PrefixLength 24"),
            ]
        }
    }
}

/// ECS's refusals about networks and VLANs, in plain words with ECS's own after them.
pub fn explain(message: &str) -> Option<String> {
    let rules = [
        (
            "active connections",
            crate::tr!(model.network.active_connections),
        ),
        ("already exists", crate::tr!(model.network.already_exists)),
        ("status of ok", crate::tr!(model.network.not_stable)),
        ("invalid vlan", crate::tr!(model.network.vlan_what)),
        ("busy", crate::tr!(model.server_busy)),
        ("vlan not found", crate::tr!(model.network.vlan_not_found)),
        (
            "network not found",
            crate::tr!(model.network.network_not_found),
        ),
    ];
    first_rule(message, &rules).map(|why| {
        let message = message.to_string();
        crate::tr!(model.ecs_said, why = why, message = message).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(vlans: &[(u16, bool)]) -> Interface {
        Interface {
            network: "net000015".into(),
            server: "ec200401".into(),
            server_title: "web-1".into(),
            mac: "52:54:00:aa:bb:cc".into(),
            vlans: vlans
                .iter()
                .map(|&(vlan_id, pvid)| VlanView {
                    vlan_id,
                    pvid,
                    state: VlanState::Ready,
                })
                .collect(),
        }
    }

    #[test]
    fn vlans_are_typed_as_one_id_or_a_range() {
        assert_eq!(parse_vlans("100"), Ok((100, 100)));
        assert_eq!(parse_vlans(" 10 - 20 "), Ok((10, 20)));
        assert!(parse_vlans("0").is_err());
        assert!(parse_vlans("4095").is_err());
        assert!(parse_vlans("20-10").unwrap_err().contains("lower"));
        assert!(parse_vlans("ten").is_err());
        assert!(parse_vlans("").is_err());
    }

    #[test]
    fn the_summary_shortens_runs_and_names_the_pvid() {
        assert_eq!(iface(&[(100, true)]).vlan_summary(), "100 (PVID 100)");
        assert_eq!(
            iface(&[
                (103, false),
                (100, true),
                (101, false),
                (102, false),
                (200, false)
            ])
            .vlan_summary(),
            "100–103, 200 (PVID 100)"
        );
    }

    #[test]
    fn setup_commands_find_the_interface_by_its_mac() {
        let linux = setup_commands(OsFamily::Linux, "52:54:00:AA:BB:CC", "192.168.15.1", 15);
        assert!(linux[0].contains("52:54:00:aa:bb:cc"));
        assert_eq!(linux[2], "sudo ip route add 192.168.15.0/24 dev \"$IFACE\"");
        assert_eq!(
            linux[3],
            "sudo ip address add 192.168.15.1/24 dev \"$IFACE\""
        );
        let windows = setup_commands(OsFamily::Windows, "52:54:00:aa:bb:cc", "192.168.15.2", 15);
        assert!(windows[0].contains("'52-54-00-AA-BB-CC'"));
        assert_eq!(OsFamily::of("windows-server-2022"), OsFamily::Windows);
        assert_eq!(OsFamily::of("ubuntu-2404"), OsFamily::Linux);
        assert_eq!(suggested_subnet("net000015"), 15);
    }

    #[test]
    fn refusals_are_explained() {
        assert!(
            explain("Network has active connections: remove its VLANs first")
                .unwrap()
                .starts_with("Servers are still attached")
        );
        assert!(explain("vlan already exists").is_some());
        assert_eq!(explain("anything else"), None);
    }
}
