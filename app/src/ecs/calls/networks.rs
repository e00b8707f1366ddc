//! Private networks (`/networks`) and the VLANs that connect a server to one
//! (`/servers/{s}/networks/{net}/vlans`). The first VLAN of a server on a network adds an
//! interface and reboots the server.

use reqwest::Method;
use serde_json::json;

use crate::ecs::client::{decode, field, list, to_body, Credential, EcsClient};
use crate::ecs::dto::{Network, Vlan, VlanChange};
use crate::ecs::error::EcsError;
use crate::ecs::ids;

/// VLANs to add: one id (and whether it is the interface's PVID), or a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewVlans {
    One { vlan_id: u16, pvid: bool },
    Range { first: u16, last: u16 },
}

impl EcsClient {
    /// `GET /networks` (active networks).
    pub async fn list_networks(&self, cred: &Credential) -> Result<Vec<Network>, EcsError> {
        let v = self.get(cred, "list_networks", &["networks"], &[]).await?;
        list("list_networks", &v, &["networks"])
    }

    /// `POST /networks` (no body) → the new network.
    pub async fn create_network(&self, cred: &Credential) -> Result<Network, EcsError> {
        let body = to_body("create_network", &json!({}))?;
        let v = self
            .send(cred, "create_network", Method::POST, &["networks"], body)
            .await?;
        field("create_network", &v, &["network"])
    }

    /// `DELETE /networks/{name}`: refused while VLANs connect servers to it.
    pub async fn delete_network(&self, cred: &Credential, name: &str) -> Result<(), EcsError> {
        let name = ids::network_name(name)?;
        self.delete(cred, "delete_network", &["networks", name])
            .await
            .map(drop)
    }

    /// `GET /servers/{s}/networks/{net}/vlans`.
    pub async fn list_vlans(
        &self,
        cred: &Credential,
        server: &str,
        network: &str,
    ) -> Result<Vec<Vlan>, EcsError> {
        let server = ids::server_name(server)?;
        let network = ids::network_name(network)?;
        let v = self
            .get(
                cred,
                "list_vlans",
                &["servers", server, "networks", network, "vlans"],
                &[],
            )
            .await?;
        list("list_vlans", &v, &["vlans"])
    }

    /// `POST /servers/{s}/networks/{net}/vlans {vlan_id, pvid}` or `{vlans: "a-b"}`.
    pub async fn add_vlans(
        &self,
        cred: &Credential,
        server: &str,
        network: &str,
        vlans: &NewVlans,
    ) -> Result<VlanChange, EcsError> {
        let server = ids::server_name(server)?;
        let network = ids::network_name(network)?;
        let body = match vlans {
            NewVlans::One { vlan_id, pvid } => json!({ "vlan_id": vlan_id, "pvid": pvid }),
            NewVlans::Range { first, last } => json!({ "vlans": format!("{first}-{last}") }),
        };
        let body = to_body("add_vlans", &body)?;
        let v = self
            .send(
                cred,
                "add_vlans",
                Method::POST,
                &["servers", server, "networks", network, "vlans"],
                body,
            )
            .await?;
        decode("add_vlans", &v)
    }

    /// `PATCH /servers/{s}/networks/{net}/vlans/{vlan_id} {pvid}`.
    pub async fn update_vlan(
        &self,
        cred: &Credential,
        server: &str,
        network: &str,
        vlan_id: u16,
        pvid: bool,
    ) -> Result<VlanChange, EcsError> {
        let server = ids::server_name(server)?;
        let network = ids::network_name(network)?;
        let vlan = vlan_id.to_string();
        let vlan = ids::vlan_ref(&vlan)?;
        let body = to_body("update_vlan", &json!({ "pvid": pvid }))?;
        let v = self
            .send(
                cred,
                "update_vlan",
                Method::PATCH,
                &["servers", server, "networks", network, "vlans", vlan],
                body,
            )
            .await?;
        decode("update_vlan", &v)
    }

    /// `DELETE /servers/{s}/networks/{net}/vlans/{vlan_id}` (or `{first}-{last}`).
    pub async fn delete_vlans(
        &self,
        cred: &Credential,
        server: &str,
        network: &str,
        vlans: &str,
    ) -> Result<VlanChange, EcsError> {
        let server = ids::server_name(server)?;
        let network = ids::network_name(network)?;
        let vlans = ids::vlan_ref(vlans)?;
        let v = self
            .delete(
                cred,
                "delete_vlans",
                &["servers", server, "networks", network, "vlans", vlans],
            )
            .await?;
        decode("delete_vlans", &v)
    }
}
