//! A server's private networks (`?tab=networks`): its interfaces and their VLANs; add VLANs (the
//! first on a network adds an interface and reboots the server), change the PVID, remove VLANs.
//! Each change is an action the page follows live.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::network::ServerNetworksView;

#[server(endpoint = "server_networks")]
pub async fn server_networks(name: String) -> Result<ServerNetworksView, AppError> {
    use crate::ecs::convert::network::{interface, suggested_address};
    use crate::model::network::{suggested_subnet, OsFamily};
    use crate::state::{checked, upstream};
    use futures_util::future::join_all;

    let (client, cred, session) = upstream().await?;
    let (server, networks) =
        tokio::join!(client.get_server(&cred, &name), client.list_networks(&cred));
    let server = checked(server, &session).await?;
    let networks = checked(networks, &session).await?;
    let vlans = join_all(
        networks
            .iter()
            .map(|n| client.list_vlans(&cred, &name, &n.name)),
    )
    .await;
    let mut interfaces = Vec::new();
    for (n, v) in networks.iter().zip(vlans) {
        let v = checked(v, &session).await?;
        interfaces.extend(interface(&n.name, &server, &v));
    }
    let os = OsFamily::of(server.image().unwrap_or_default());
    let addresses = networks
        .iter()
        .map(|n| {
            (
                n.name.clone(),
                suggested_address(&name, suggested_subnet(&n.name)),
            )
        })
        .collect();
    Ok(ServerNetworksView {
        interfaces,
        networks: networks.into_iter().map(|n| n.name).collect(),
        os,
        addresses,
    })
}

/// Adds VLANs (`vlans`: an id or a range) between the server and `network`; `pvid` makes a single
/// one the interface's PVID. Answers the `add_vlan` action.
#[server(endpoint = "server_vlans_add")]
pub async fn add_vlans(
    name: String,
    network: String,
    vlans: String,
    #[server(default)] pvid: bool,
) -> Result<u64, AppError> {
    use crate::ecs::NewVlans;
    use crate::model::network::parse_vlans;
    use crate::state::{explained, upstream};
    if crate::ecs::ids::network_name(&network).is_err() {
        return Err(AppError::invalid(
            "network",
            crate::tr!(errors.api.servers_networks.choose_network),
        ));
    }
    let (first, last) = parse_vlans(&vlans).map_err(|m| AppError::invalid("vlans", m))?;
    let spec = if first == last {
        NewVlans::One {
            vlan_id: first,
            pvid,
        }
    } else {
        NewVlans::Range { first, last }
    };
    let (client, cred, session) = upstream().await?;
    let change = client.add_vlans(&cred, &name, &network, &spec).await;
    let change = explained(change, &session, |e| at(e, "vlans")).await?;
    change.action.map(|a| a.id).ok_or_else(|| {
        AppError::Upstream(crate::tr!(errors.api.servers_networks.vlans_no_action).into())
    })
}

/// Makes `vlan_id` the interface's PVID (untagged traffic goes to it). Answers `update_vlan`.
#[server(endpoint = "server_vlans_pvid")]
pub async fn set_pvid(name: String, network: String, vlan_id: u16) -> Result<u64, AppError> {
    use crate::state::{explained, upstream};
    let (client, cred, session) = upstream().await?;
    let change = client
        .update_vlan(&cred, &name, &network, vlan_id, true)
        .await;
    let change = explained(change, &session, toast).await?;
    change.action.map(|a| a.id).ok_or_else(|| {
        AppError::Upstream(crate::tr!(errors.api.servers_networks.pvid_no_action).into())
    })
}

/// Removes VLANs (an id or a range); removing the last one removes the interface and reboots
/// the server. Answers the removal's action.
#[server(endpoint = "server_vlans_remove")]
pub async fn remove_vlans(name: String, network: String, vlans: String) -> Result<u64, AppError> {
    use crate::model::network::parse_vlans;
    use crate::state::{explained, upstream};
    let (first, last) = parse_vlans(&vlans).map_err(|m| AppError::invalid("remove", m))?;
    let path = if first == last {
        first.to_string()
    } else {
        format!("{first}-{last}")
    };
    let (client, cred, session) = upstream().await?;
    let change = client.delete_vlans(&cred, &name, &network, &path).await;
    let change = explained(change, &session, |e| at(e, "remove")).await?;
    change.action.map(|a| a.id).ok_or_else(|| {
        AppError::Upstream(crate::tr!(errors.api.servers_networks.removal_no_action).into())
    })
}

#[cfg(feature = "ssr")]
fn at(e: &crate::ecs::EcsError, field: &str) -> Option<AppError> {
    e.refusal_or_missing(None)
        .and_then(crate::model::network::explain)
        .map(|why| AppError::invalid(field, why))
}

#[cfg(feature = "ssr")]
fn toast(e: &crate::ecs::EcsError) -> Option<AppError> {
    e.refusal_or_missing(None)
        .and_then(crate::model::network::explain)
        .map(AppError::Upstream)
}
