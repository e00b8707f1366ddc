//! Private networks (`/networks`) and the VLANs that connect a server to one
//! (`/servers/{s}/networks/{net}/vlans`).

use serde_json::json;

use super::ApiCall;

/// VLANs to add: one id (and whether it is the interface's PVID), or a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewVlans {
    One { vlan_id: u16, pvid: bool },
    Range { first: u16, last: u16 },
}

impl NewVlans {
    /// The add form's `first..=last` as sent: one VLAN carries the PVID choice, a range none.
    pub fn of(first: u16, last: u16, pvid: bool) -> Self {
        if first == last {
            Self::One {
                vlan_id: first,
                pvid,
            }
        } else {
            Self::Range { first, last }
        }
    }
}

/// How a removal names its VLANs in the path: `101`, or `101-110`.
pub fn vlan_path(first: u16, last: u16) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    }
}

impl ApiCall {
    /// `POST /networks {}` → a new network.
    pub fn create_network() -> Self {
        Self::json("POST", &["networks"], &json!({}))
    }

    /// `DELETE /networks/{name}`.
    pub fn delete_network(name: &str) -> Self {
        Self::bare("DELETE", &["networks", name])
    }

    /// `POST /servers/{s}/networks/{net}/vlans {vlan_id, pvid}` or `{vlans: "a-b"}`.
    pub fn add_vlans(server: &str, network: &str, vlans: &NewVlans) -> Self {
        let body = match vlans {
            NewVlans::One { vlan_id, pvid } => json!({ "vlan_id": vlan_id, "pvid": pvid }),
            NewVlans::Range { first, last } => json!({ "vlans": format!("{first}-{last}") }),
        };
        Self::json(
            "POST",
            &["servers", server, "networks", network, "vlans"],
            &body,
        )
    }

    /// The add form as the server function sends it; `None` while the VLANs typed do not parse.
    pub fn add_vlans_form(server: &str, network: &str, typed: &str, pvid: bool) -> Option<Self> {
        let (first, last) = crate::model::network::parse_vlans(typed).ok()?;
        Some(Self::add_vlans(
            server,
            network,
            &NewVlans::of(first, last, pvid),
        ))
    }

    /// `PATCH /servers/{s}/networks/{net}/vlans/{vlan_id} {pvid}`.
    pub fn update_vlan(server: &str, network: &str, vlan_id: u16, pvid: bool) -> Self {
        Self::json(
            "PATCH",
            &[
                "servers",
                server,
                "networks",
                network,
                "vlans",
                &vlan_id.to_string(),
            ],
            &json!({ "pvid": pvid }),
        )
    }

    /// `DELETE /servers/{s}/networks/{net}/vlans/{vlan_id}` (or `{first}-{last}`).
    pub fn delete_vlans(server: &str, network: &str, vlans: &str) -> Self {
        Self::bare(
            "DELETE",
            &["servers", server, "networks", network, "vlans", vlans],
        )
    }

    /// The remove form as the server function sends it; `None` while the VLANs typed do not
    /// parse.
    pub fn delete_vlans_form(server: &str, network: &str, typed: &str) -> Option<Self> {
        let (first, last) = crate::model::network::parse_vlans(typed).ok()?;
        Some(Self::delete_vlans(server, network, &vlan_path(first, last)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(call: &ApiCall) -> serde_json::Value {
        serde_json::from_str(call.body.as_deref().unwrap_or("null")).unwrap()
    }

    #[test]
    fn one_vlan_carries_the_pvid_and_a_range_does_not() {
        let one = ApiCall::add_vlans_form("ec1", "en1", " 100 ", true).unwrap();
        assert_eq!(
            one.segments(),
            ["servers", "ec1", "networks", "en1", "vlans"]
        );
        assert_eq!(body(&one), json!({"vlan_id": 100, "pvid": true}));
        let range = ApiCall::add_vlans_form("ec1", "en1", "10-20", true).unwrap();
        assert_eq!(body(&range), json!({"vlans": "10-20"}));
        assert!(ApiCall::add_vlans_form("ec1", "en1", "x", true).is_none());
    }

    #[test]
    fn a_removal_names_its_vlans_in_the_path() {
        let one = ApiCall::delete_vlans_form("ec1", "en1", "101").unwrap();
        assert_eq!(one.path.last().map(String::as_str), Some("101"));
        let range = ApiCall::delete_vlans_form("ec1", "en1", "101-110").unwrap();
        assert_eq!(
            (range.method, range.path.last().map(String::as_str)),
            ("DELETE", Some("101-110"))
        );
        let pvid = ApiCall::update_vlan("ec1", "en1", 7, true);
        assert_eq!(
            (pvid.method, pvid.path[5].as_str(), body(&pvid)),
            ("PATCH", "7", json!({"pvid": true}))
        );
        assert_eq!(body(&ApiCall::create_network()), json!({}));
        assert_eq!(
            ApiCall::delete_network("en1").segments(),
            ["networks", "en1"]
        );
    }
}
