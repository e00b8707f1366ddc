//! Private networks (`/networks`) and the VLANs that connect a server to one
//! (`/servers/{s}/networks/{net}/vlans`). The first VLAN of a server on a network adds an
//! interface and reboots the server.

use crate::ecs::client::{decode, field, list, Credential, EcsClient};
use crate::ecs::dto::{Network, Vlan, VlanChange};
use crate::ecs::error::EcsError;
use crate::ecs::ids;
use crate::model::api_call::ApiCall;

pub use crate::model::api_call::NewVlans;

impl EcsClient {
    /// `GET /networks` (active networks).
    pub async fn list_networks(&self, cred: &Credential) -> Result<Vec<Network>, EcsError> {
        let v = self.get(cred, "list_networks", &["networks"], &[]).await?;
        list("list_networks", &v, &["networks"])
    }

    /// `POST /networks` (no body) → the new network.
    pub async fn create_network(&self, cred: &Credential) -> Result<Network, EcsError> {
        let call = ApiCall::create_network();
        let v = self.send_call(cred, "create_network", &call).await?;
        field("create_network", &v, &["network"])
    }

    /// `DELETE /networks/{name}`: refused while VLANs connect servers to it.
    pub async fn delete_network(&self, cred: &Credential, name: &str) -> Result<(), EcsError> {
        let name = ids::network_name(name)?;
        let call = ApiCall::delete_network(name);
        self.send_call(cred, "delete_network", &call)
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
        let call = ApiCall::add_vlans(server, network, vlans);
        let v = self.send_call(cred, "add_vlans", &call).await?;
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
        ids::vlan_ref(&vlan)?;
        let call = ApiCall::update_vlan(server, network, vlan_id, pvid);
        let v = self.send_call(cred, "update_vlan", &call).await?;
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
        let call = ApiCall::delete_vlans(server, network, vlans);
        let v = self.send_call(cred, "delete_vlans", &call).await?;
        decode("delete_vlans", &v)
    }
}
