//! `POST /servers`. Everything the docs validate is checked here and answered with 400/404; a
//! request that is valid but cannot be placed (plan not offered in the region, no host with
//! capacity, isolation impossible, image not installable on the plan) is accepted like the live
//! service does, and its create action fails a little later.

use axum::Json;
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::api::auth::Call;
use crate::api::input::{as_int, opt_str, req_str, JsonBody};
use crate::api::support::reservation;
use crate::api::vlans::parse_vlan_specs;
use crate::api::wire;
use crate::world::account::Account;
use crate::world::actions::{Effect, NewAction};
use crate::world::catalogue::{self, Plan};
use crate::world::error::{SimError, SimResult};
use crate::world::images::image_named;
use crate::world::networks::Vlan;
use crate::world::scripts;
use crate::world::servers::Server;
use crate::world::support::Support;
use crate::world::World;

/// VLANs to attach at creation: (network name, [(vlan id, pvid)]).
type NetworkSpecs = Vec<(String, Vec<(u16, bool)>)>;

/// What the image field resolved to.
struct Source {
    name: String,
    label: String,
    windows: bool,
    /// Public images can be refused by a plan (Windows on a Linux plan, GPU-only cloud images).
    fits: bool,
}

fn resolve_image(account: &Account, image: &str, plan: &Plan) -> SimResult<Source> {
    if let Some(i) = image_named(image) {
        return Ok(Source {
            name: i.name.into(),
            label: i.description.into(),
            windows: i.windows(),
            fits: i.fits(plan),
        });
    }
    let template = account
        .templates
        .iter()
        .find(|t| t.name == image.trim() && t.is_usable())
        .ok_or_else(|| SimError::bad("image not found"))?;
    let windows = template.so_base == "windows";
    Ok(Source {
        name: template.name.clone(),
        label: template.description.clone(),
        windows,
        fits: windows == plan.windows,
    })
}

/// Checks `user_customize` / `user_customize_env`; returns whether a script will run.
fn check_script(account: &Account, body: &Map<String, Value>, windows: bool) -> SimResult<bool> {
    let env = opt_str(body, "user_customize_env")?.filter(|e| !e.trim().is_empty());
    match body.get("user_customize") {
        None | Some(Value::Null) => {
            if env.is_some() {
                return Err(SimError::bad("Invalid env variable format"));
            }
            Ok(false)
        }
        Some(Value::String(text)) if as_int(&Value::String(text.clone())).is_none() => {
            if text.trim().is_empty() {
                return Ok(false);
            }
            // Variables only go with library scripts.
            if env.is_some() {
                return Err(SimError::bad("Invalid env variable format"));
            }
            scripts::check_one_off(text, windows)?;
            Ok(true)
        }
        Some(raw) => {
            let id =
                as_int(raw).ok_or_else(|| SimError::bad("Invalid value for 'user_customize'"))?;
            let script = account
                .scripts
                .iter()
                .find(|s| i64::try_from(s.id).ok() == Some(id))
                .ok_or_else(|| SimError::bad("script not found"))?;
            if script.windows && !windows {
                return Err(SimError::bad(
                    "powershell script cannot be used in linux servers",
                ));
            }
            if let Some(env) = &env {
                scripts::check_env(env)?;
            }
            Ok(true)
        }
    }
}

fn isolation_hosts(
    account: &Account,
    body: &Map<String, Value>,
) -> SimResult<(Vec<String>, Vec<String>)> {
    let names: Vec<String> = match body.get("isolate_from") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| SimError::bad("Invalid value for 'isolate_from'"))
            })
            .collect::<SimResult<_>>()?,
        Some(_) => return Err(SimError::bad("Invalid value for 'isolate_from'")),
    };
    let mut hosts = Vec::new();
    for name in &names {
        let server = account
            .servers
            .get(name)
            .ok_or_else(|| SimError::bad(format!("server {name} not found")))?;
        hosts.extend(server.host.clone());
    }
    Ok((names, hosts))
}

fn networks(account: &Account, body: &Map<String, Value>) -> SimResult<NetworkSpecs> {
    let Some(list) = body.get("networks").filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let items = list
        .as_array()
        .ok_or_else(|| SimError::bad("Invalid value for 'networks'"))?;
    items
        .iter()
        .map(|item| {
            let name = item
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| SimError::topic("name"))?;
            if !account.networks.iter().any(|n| n.name == name) {
                return Err(SimError::bad("network not found"));
            }
            let specs = parse_vlan_specs(item.get("vlans").unwrap_or(&Value::Null))?;
            Ok((name.to_string(), specs))
        })
        .collect()
}

/// `POST /servers`.
pub async fn create(
    Call { store, user }: Call,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let plan_name = req_str(&body, "plan")?;
    let location = req_str(&body, "location")?;
    let image = req_str(&body, "image")?;
    let plan = catalogue::plan(&plan_name).ok_or_else(|| SimError::bad("plan not found"))?;
    catalogue::region(&location).ok_or_else(|| SimError::bad("location not found"))?;
    let legacy = store.legacy();
    let (mut world, now) = store.lock();
    let account = world.account(&user)?;
    let source = resolve_image(account, &image, plan)?;
    let group = match opt_str(&body, "group")?.filter(|g| !g.is_empty() && g != "nogroup") {
        None => None,
        Some(g) => Some(
            account
                .groups
                .iter()
                .find(|x| x.name == g)
                .ok_or_else(|| SimError::not_found("group not found"))?
                .name
                .clone(),
        ),
    };
    if let Some(label) = opt_str(&body, "ssh_key")?.filter(|l| !l.is_empty()) {
        if !account.sshkeys.iter().any(|k| k.label == label) {
            return Err(SimError::bad("ssh key not found"));
        }
    }
    let support = match opt_str(&body, "support")?.filter(|s| !s.is_empty()) {
        Some(code) => Some(Support::new(&code, now)?),
        None => None,
    };
    let reservation = match body.get("reserved_plan").filter(|v| !v.is_null()) {
        Some(raw) => Some(reservation(
            Some(raw),
            account.reserved_available,
            plan.name,
            now,
            world.next.reserved + 1,
        )?),
        None => None,
    };
    let customize = check_script(account, &body, source.windows)?;
    let (isolate_from, avoid) = isolation_hosts(account, &body)?;
    let networks = networks(account, &body)?;
    if reservation.is_some() {
        world.next.reserved += 1;
    }

    let placement = if !source.fits {
        Err(format!(
            "not available: image {} cannot be installed on plan {}",
            source.name, plan.name
        ))
    } else {
        world.place(plan, &location, &avoid).map(str::to_string)
    };
    world.next.server += 1;
    let name = format!("ec{}", world.next.server);
    let notes = opt_str(&body, "notes")?
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| name.clone());
    let server = Server {
        notes,
        so_label: source.label,
        windows: source.windows,
        group,
        host: placement.as_ref().ok().cloned(),
        support,
        reservations: reservation.into_iter().collect(),
        isolate_from,
        ..Server::new(
            name.clone(),
            plan.name.to_string(),
            location.trim().to_string(),
            source.name.clone(),
            now,
        )
    };
    world
        .account_mut(&user)?
        .servers
        .insert(name.clone(), server);
    attach_networks(&mut world, &user, &name, networks, now)?;
    let new = NewAction {
        kind: "create_server",
        resource: name.clone(),
        resource_type: "ECS",
        duration: world.timing.boot,
        effect: Effect::CreateServer {
            server: name.clone(),
            customize,
        },
        fail: placement.err(),
    };
    let action_id = world.start_action(&user, new, now)?;
    world.account_mut(&user)?.server_mut(&name)?.busy = Some(action_id);
    world.log_with(
        &user,
        now,
        "Create server",
        &name,
        serde_json::json!({ "plan": plan.name, "location": location, "image": image }),
    );
    tracing::debug!(server = %name, plan = plan.name, location = %location, "simulator: create server");

    let account = world.account(&user)?;
    let mut server = wire::server(account.server(&name)?, account, now, legacy);
    if legacy {
        // The older create example names the image `os` and the action id `action`.
        if let Some(map) = server.as_object_mut() {
            if let Some(so) = map.remove("so") {
                map.insert("os".into(), so);
            }
        }
        return Ok(Json(
            json!({ "status": "ok", "action": action_id, "server": server }),
        ));
    }
    Ok(Json(
        json!({ "status": "ok", "action_id": action_id, "server": server }),
    ))
}

fn attach_networks(
    world: &mut World,
    username: &str,
    server: &str,
    networks: NetworkSpecs,
    now: DateTime<Utc>,
) -> SimResult<()> {
    for (network, specs) in networks {
        for (vlan_id, pvid) in specs {
            world.next.vlan += 1;
            let id = world.next.vlan;
            world
                .account_mut(username)?
                .vlans
                .push(Vlan::new(id, vlan_id, pvid, server, &network, now));
        }
    }
    Ok(())
}
