//! `/networks`: the account's private networks with the servers attached (their VLANs), create
//! and delete. ECS has no call that lists a network's servers, so the list reads the VLANs of
//! every server on every network, a few at a time.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::network::NetworksView;

/// VLAN lists read at once.
#[cfg(feature = "ssr")]
const AT_ONCE: usize = 8;

/// Every network with its interfaces.
#[server(endpoint = "networks_list")]
pub async fn list_networks() -> Result<NetworksView, AppError> {
    use crate::ecs::convert::network::{interface, row};
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream};
    use futures_util::stream::{self, StreamExt};

    let (client, cred, session) = upstream().await?;
    let (networks, listing) = tokio::join!(client.list_networks(&cred), client.listing(&cred));
    let networks = checked(networks, &session).await?;
    let listing = checked(listing, &session).await?;
    let pairs: Vec<(usize, usize)> = (0..networks.len())
        .flat_map(|n| (0..listing.servers.len()).map(move |s| (n, s)))
        .collect();
    let (client, cred) = (&client, &cred);
    let (networks_ref, servers) = (&networks, &listing.servers);
    let found: Vec<_> = stream::iter(pairs)
        .map(|(n, s)| async move {
            let vlans = client
                .list_vlans(cred, &servers[s].name, &networks_ref[n].name)
                .await;
            (n, s, vlans)
        })
        .buffer_unordered(AT_ONCE)
        .collect()
        .await;
    let mut interfaces = vec![Vec::new(); networks.len()];
    let mut unread = Vec::new();
    for (n, s, vlans) in found {
        match vlans {
            Ok(v) => interfaces[n].extend(interface(&networks[n].name, &servers[s], &v)),
            // The server went away meanwhile: it is on no network.
            Err(EcsError::NotFound { .. }) => {}
            Err(EcsError::Unauthorized) => {
                return Err(crate::state::upstream_error(EcsError::Unauthorized, &session).await)
            }
            Err(_) => unread.push(servers[s].name.clone()),
        }
    }
    unread.sort();
    unread.dedup();
    let now = chrono::Utc::now();
    let rows = networks
        .iter()
        .zip(interfaces)
        .map(|(n, i)| row(n, i, now))
        .collect();
    Ok(NetworksView { rows, unread })
}

/// Makes a new private network; answers its name.
#[server(endpoint = "networks_create")]
pub async fn create_network() -> Result<String, AppError> {
    use crate::state::{checked, upstream};
    let (client, cred, session) = upstream().await?;
    let network = checked(client.create_network(&cred).await, &session).await?;
    Ok(network.name)
}

/// Deletes a network; refused while servers are attached, and then the refusal names them.
#[server(endpoint = "networks_delete")]
pub async fn delete_network(name: String) -> Result<(), AppError> {
    use crate::ecs::EcsError;
    use crate::state::{checked, upstream};
    if crate::ecs::ids::network_name(&name).is_err() {
        return Err(AppError::NotFound(
            crate::tr!(errors.api.networks.no_such_network, name = &name).to_string(),
        ));
    }
    let (client, cred, session) = upstream().await?;
    match client.delete_network(&cred, &name).await {
        // Already gone: what the user wanted.
        Err(EcsError::NotFound { .. }) => Ok(()),
        Err(e) if e.refusal().is_some() => {
            let message = e.refusal().unwrap_or_default().to_string();
            let why = crate::model::network::explain(&message).unwrap_or(message);
            Err(AppError::Upstream(why))
        }
        r => checked(r, &session).await,
    }
}
