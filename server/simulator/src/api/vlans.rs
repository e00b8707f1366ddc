//! VLANs between a server and a private network (`/servers/{s}/networks/{net}/vlans`). Every change
//! is an action; a VLAN must be `ok` before it can be changed again.

use axum::extract::Path;
use axum::Json;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{as_int, opt_bool, JsonBody};
use crate::api::wire;
use crate::util::iso_z;
use crate::world::actions::{Effect, NewAction};
use crate::world::error::{SimError, SimResult};
use crate::world::networks::Vlan;
use crate::world::World;

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

fn vlan_json(vlan: &Vlan, user: &str) -> Value {
    json!({
        "id": vlan.id,
        "vlan_id": vlan.vlan_id,
        "pvid": vlan.pvid,
        "status": vlan.status,
        "active": true,
        "created_at": iso_z(&vlan.created_at),
        "deactivated_at": null,
        "mac_address": vlan.mac_address,
        "network": vlan.network,
        "server": vlan.server,
        "user": user,
    })
}

fn check_pair(world: &World, user: &str, server: &str, network: &str) -> SimResult<()> {
    let account = world.account(user)?;
    account.server(server)?;
    account.network(network)?;
    Ok(())
}

fn vlan_action(
    world: &mut World,
    user: &str,
    kind: &'static str,
    pair: &str,
    effect: Effect,
    now: DateTime<Utc>,
    legacy: bool,
) -> SimResult<Value> {
    let new = NewAction {
        kind,
        resource: pair.to_string(),
        resource_type: "network",
        duration: world.timing.task,
        effect,
        fail: None,
    };
    let id = world.start_action(user, new, now)?;
    Ok(wire::action_of(world.account(user)?, id, now, legacy))
}

/// The server reboots for as long as the VLAN action `action` runs (its end boots it again).
fn reboot(world: &mut World, user: &str, server: &str, action: &Value) -> SimResult<()> {
    let id = action
        .get("id")
        .and_then(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()));
    let host = world.account_mut(user)?.server_mut(server)?;
    host.status = crate::world::servers::ServerStatus::Booting;
    host.busy = id;
    Ok(())
}

/// `POST /servers/{s}/networks/{net}/vlans {vlan_id, pvid}` or `{vlans: "1-100"}`.
pub async fn add_vlans(
    Call { store, user }: Call,
    Path((server, network)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let specs = parse_vlan_specs(&Value::Object(body))?;
    if specs.is_empty() {
        return Err(SimError::topic("vlan_id"));
    }
    let (mut world, now) = store.lock();
    check_pair(&world, &user, &server, &network)?;
    let existing: Vec<u16> = world
        .account(&user)?
        .vlans
        .iter()
        .filter(|v| v.server == server && v.network == network)
        .map(|v| v.vlan_id)
        .collect();
    if specs.iter().any(|(id, _)| existing.contains(id)) {
        return Err(SimError::bad("vlan already exists"));
    }
    // The first VLAN adds an interface: the server reboots, and takes no other action meanwhile.
    let first = existing.is_empty();
    if first {
        world.account(&user)?.server(&server)?.ensure_idle()?;
    }
    let mut ids = Vec::new();
    for (vlan_id, pvid) in specs {
        world.next.vlan += 1;
        let id = world.next.vlan;
        let account = world.account_mut(&user)?;
        if pvid {
            for v in account
                .vlans
                .iter_mut()
                .filter(|v| v.server == server && v.network == network)
            {
                v.pvid = false;
            }
        }
        account
            .vlans
            .push(Vlan::new(id, vlan_id, pvid, &server, &network, now));
        ids.push(id);
    }
    let action = vlan_action(
        &mut world,
        &user,
        "add_vlan",
        &format!("{server}-{network}"),
        Effect::AddVlans { ids },
        now,
        store.legacy(),
    )?;
    if first {
        reboot(&mut world, &user, &server, &action)?;
    }
    Ok(Json(json!({ "status": "creating", "action": action })))
}

/// `GET /servers/{s}/networks/{net}/vlans`.
pub async fn list_vlans(
    Call { store, user }: Call,
    Path((server, network)): Path<(String, String)>,
) -> SimResult<Json<Value>> {
    let (world, _) = store.lock();
    check_pair(&world, &user, &server, &network)?;
    let items = world
        .account(&user)?
        .vlans
        .iter()
        .filter(|v| v.server == server && v.network == network)
        .map(|v| vlan_json(v, &user))
        .collect();
    Ok(Json(wire::list("vlans", items)))
}

/// `PATCH /servers/{s}/networks/{net}/vlans/{vlan_id} {pvid}`.
pub async fn update_vlan(
    Call { store, user }: Call,
    Path((server, network, vlan)): Path<(String, String, String)>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let (wanted, _) = parse_range(&vlan).map_err(|_| SimError::not_found("vlan not found"))?;
    let pvid = opt_bool(&body, "pvid")?.ok_or_else(|| SimError::topic("pvid"))?;
    let (mut world, now) = store.lock();
    check_pair(&world, &user, &server, &network)?;
    let account = world.account_mut(&user)?;
    let on_pair = |v: &Vlan| v.server == server && v.network == network;
    let target = account
        .vlans
        .iter()
        .find(|v| on_pair(v) && v.vlan_id == wanted)
        .ok_or_else(|| SimError::not_found("vlan not found"))?;
    if target.status != "ok" {
        return Err(SimError::bad(
            "A VLAN must have a status of ok to be updated or removed",
        ));
    }
    let id = target.id;
    for v in account.vlans.iter_mut().filter(|v| on_pair(v)) {
        if v.id == id {
            v.pvid = pvid;
            v.status = "updating".into();
        } else if pvid {
            v.pvid = false;
        }
    }
    let vlan_json = account
        .vlans
        .iter()
        .find(|v| v.id == id)
        .map(|v| vlan_json(v, &user));
    let action = vlan_action(
        &mut world,
        &user,
        "update_vlan",
        &format!("{server}-{network}"),
        Effect::UpdateVlan { id },
        now,
        store.legacy(),
    )?;
    Ok(Json(
        json!({ "status": "updating", "vlan": vlan_json, "action": action }),
    ))
}

/// `DELETE /servers/{s}/networks/{net}/vlans/{vlan_id}` or `…/{start}-{end}`.
pub async fn delete_vlans(
    Call { store, user }: Call,
    Path((server, network, vlan)): Path<(String, String, String)>,
) -> SimResult<Json<Value>> {
    let (a, b) = parse_range(&vlan).map_err(|_| SimError::not_found("vlan not found"))?;
    let (mut world, now) = store.lock();
    check_pair(&world, &user, &server, &network)?;
    let account = world.account_mut(&user)?;
    let on_pair = |v: &Vlan| v.server == server && v.network == network;
    let chosen = |v: &Vlan| on_pair(v) && (a..=b).contains(&v.vlan_id);
    if !account.vlans.iter().any(chosen) {
        return Err(SimError::not_found("vlan not found"));
    }
    if account.vlans.iter().any(|v| chosen(v) && v.status != "ok") {
        return Err(SimError::bad(
            "A VLAN must have a status of ok to be updated or removed",
        ));
    }
    // Removing the last VLAN removes the interface: the server reboots.
    let last = !account.vlans.iter().any(|v| on_pair(v) && !chosen(v));
    if last {
        account.server(&server)?.ensure_idle()?;
    }
    let mut ids = Vec::new();
    for v in account.vlans.iter_mut().filter(|v| chosen(v)) {
        v.status = "deleting".into();
        ids.push(v.id);
    }
    let action = vlan_action(
        &mut world,
        &user,
        "delete_vlan",
        &format!("{server}-{network}"),
        Effect::DeleteVlans { ids },
        now,
        store.legacy(),
    )?;
    if last {
        reboot(&mut world, &user, &server, &action)?;
    }
    Ok(Json(json!({ "status": "deleting", "action": action })))
}
