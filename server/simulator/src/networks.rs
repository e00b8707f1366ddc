//! Private networks (`/networks`), the VLAN model, and the VLAN specs the create endpoint accepts.
//! The VLAN endpoints are in `vlans.rs`.

use axum::extract::{Path, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::auth::Caller;
use super::error::{SimError, SimResult};
use super::input::as_int;
use super::store::Store;
use super::util::{hash_str, iso_z, iso_z_opt};
use super::wire;

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

    pub fn to_json(&self, user: &str) -> Value {
        json!({
            "id": self.id,
            "vlan_id": self.vlan_id,
            "pvid": self.pvid,
            "status": self.status,
            "active": true,
            "created_at": iso_z(&self.created_at),
            "deactivated_at": null,
            "mac_address": self.mac_address,
            "network": self.network,
            "server": self.server,
            "user": user,
        })
    }
}

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

/// VLANs given as `[{vlan_id, pvid} | {vlans: "10-20"}]` → `(vlan_id, pvid)` pairs.
pub fn parse_vlan_specs(value: &Value) -> SimResult<Vec<(u16, bool)>> {
    let items = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items.clone(),
        Value::Object(_) => vec![value.clone()],
        _ => return Err(SimError::bad("Invalid value for 'vlans'")),
    };
    let mut out = Vec::new();
    for item in &items {
        if let Some(range) = item.get("vlans") {
            let range = range
                .as_str()
                .ok_or_else(|| SimError::bad("Invalid vlan range"))?;
            let (a, b) = parse_range(range)?;
            out.extend((a..=b).map(|v| (v, false)));
        } else {
            let id = item
                .get("vlan_id")
                .and_then(as_int)
                .ok_or_else(|| SimError::topic("vlan_id"))?;
            let pvid = item.get("pvid").and_then(Value::as_bool).unwrap_or(false);
            out.push((valid_vlan(id)?, pvid));
        }
    }
    Ok(out)
}

fn valid_vlan(id: i64) -> SimResult<u16> {
    u16::try_from(id)
        .ok()
        .filter(|v| (1..=4094).contains(v))
        .ok_or_else(|| SimError::bad("Invalid vlan id: use 1-4094"))
}

/// `"1-100"` (or a single number) → inclusive bounds.
pub fn parse_range(text: &str) -> SimResult<(u16, u16)> {
    let bad = || SimError::bad("Invalid vlan range");
    let (a, b) = text.split_once('-').unwrap_or((text, text));
    let a = valid_vlan(a.trim().parse().map_err(|_| bad())?)?;
    let b = valid_vlan(b.trim().parse().map_err(|_| bad())?)?;
    if a > b {
        return Err(bad());
    }
    Ok((a, b))
}

/// `POST /networks` (no body) → `{status: "created", network}`.
pub async fn create(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    world.next.network += 1;
    let n = world.next.network;
    let network = Network {
        id: n + 20,
        network_id: n,
        name: format!("net{n:06}"),
        created_at: now,
    };
    let answer = network_json(&network, &caller.username);
    world.account_mut(&caller.username)?.networks.push(network);
    world.log(
        &caller.username,
        now,
        "Create network",
        &format!("net{n:06}"),
        None,
    );
    Ok(Json(json!({ "status": "created", "network": answer })))
}

/// `GET /networks`.
pub async fn list(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let items = world
        .account(&caller.username)?
        .networks
        .iter()
        .map(|n| network_json(n, &caller.username))
        .collect();
    Ok(Json(wire::list("networks", items)))
}

/// `GET /networks/{name}`.
pub async fn get(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    let account = world.account(&caller.username)?;
    let n = account
        .networks
        .iter()
        .find(|n| n.name == name)
        .ok_or_else(|| SimError::not_found("network not found"))?;
    Ok(Json(
        json!({ "status": "ok", "network": network_json(n, &caller.username) }),
    ))
}

/// `DELETE /networks/{name}`: refused while VLANs still connect servers to it.
pub async fn delete(
    State(store): State<Store>,
    Extension(caller): Extension<Caller>,
    Path(name): Path<String>,
) -> SimResult<Json<Value>> {
    let (mut world, now) = store.lock();
    let account = world.account_mut(&caller.username)?;
    if !account.networks.iter().any(|n| n.name == name) {
        return Err(SimError::not_found("network not found"));
    }
    if account.vlans.iter().any(|v| v.network == name) {
        return Err(SimError::bad(
            "Network has active connections: remove its VLANs first",
        ));
    }
    account.networks.retain(|n| n.name != name);
    world.log(&caller.username, now, "Delete network", &name, None);
    Ok(Json(json!({ "status": "no_content" })))
}
