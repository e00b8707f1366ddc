//! Private networks (`/networks`): made and listed here, connected to servers by VLANs
//! (`vlans.rs`), and refused deletion while a VLAN still uses them.

use axum::extract::Path;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::wire;
use crate::util::{iso_z, iso_z_opt};
use crate::world::error::{SimError, SimResult};
use crate::world::networks::Network;

fn network_json(n: &Network, user: &str) -> Value {
    json!({
        "id": n.id,
        "network_id": n.network_id,
        "name": n.name,
        "active": true,
        "created_at": iso_z(&n.created_at),
        "deactivated_at": iso_z_opt(&None),
        "user": user,
    })
}

/// `POST /networks` (no body) → `{status: "created", network}`.
pub async fn create(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    world.next.network += 1;
    let n = world.next.network;
    let network = Network {
        id: n + 20,
        network_id: n,
        name: format!("net{n:06}"),
        created_at: now,
    };
    let answer = network_json(&network, &user);
    world.account_mut(&user)?.networks.push(network);
    world.log(&user, now, "Create network", &format!("net{n:06}"), None);
    Ok(Json(json!({ "status": "created", "network": answer })))
}

/// `GET /networks`.
pub async fn list(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let networks = &world.account(&user)?.networks;
    let user = &user;
    Ok(Json(wire::list_of("networks", networks, |n| {
        network_json(n, user)
    })))
}

/// `GET /networks/{name}`.
pub async fn get(Call { store, user }: Call, Path(name): Path<String>) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let n = world.account(&user)?.network(&name)?;
    Ok(Json(
        json!({ "status": "ok", "network": network_json(n, &user) }),
    ))
}

/// `DELETE /networks/{name}`: refused while VLANs still connect servers to it.
pub async fn delete(
    Call { store, user }: Call,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    let account = world.account_mut(&user)?;
    account.network(&name)?;
    if account.vlans.iter().any(|v| v.network == name) {
        return Err(SimError::bad(
            "Network has active connections: remove its VLANs first",
        ));
    }
    account.networks.retain(|n| n.name != name);
    world.log(&user, now, "Delete network", &name, None);
    Ok(Json(json!({ "status": "no_content" })))
}
