//! Catalogue endpoints: `/regions`, `/regions/availables`, `/plans`, `/plans/availables` and
//! `/images/{basics,cloud-images}`. "Available" answers come from live host capacity, so they
//! change as servers are created and deleted.

use axum::extract::State;
use axum::Json;
use serde_json::{json, Value};

use crate::api::auth::Call;
use crate::api::input::{req_str, JsonBody};
use crate::api::wire;
use crate::store::Store;
use crate::world::account::Account;
use crate::world::catalogue::{self, Plan, Region, PLANS, REGIONS};
use crate::world::error::{SimError, SimResult};
use crate::world::images::IMAGES;
use crate::world::World;

fn region_json(r: &Region, legacy: bool) -> Value {
    if legacy {
        json!({ "location": r.location, "description": r.description })
    } else {
        json!({ "id": r.id, "location": r.location, "description": r.description })
    }
}

fn plan_json(p: &Plan, legacy: bool) -> Value {
    let size = |v: u32| {
        if legacy {
            json!(v)
        } else {
            json!(v.to_string())
        }
    };
    let monthly = if legacy {
        json!(p.monthly as i64)
    } else {
        json!(p.monthly)
    };
    json!({
        "id": p.id,
        "name": p.name,
        "cpu": size(p.cpu),
        "ram": size(p.ram),
        "disk": size(p.disk),
        "gpu": size(p.gpu),
        "gpu_label": p.gpu_label,
        "hourly_price": p.hourly,
        "montly_price": monthly,
        "windows": p.windows,
        "host_type": p.host_type,
        "available": true,
    })
}

/// Regions where `plan` can be placed right now.
fn placeable_regions(world: &World, plan: &Plan) -> Vec<&'static str> {
    REGIONS
        .iter()
        .map(|r| r.location)
        .filter(|loc| !world.hosts_for(plan, loc).is_empty())
        .collect()
}

/// `GET /regions`.
pub async fn regions(State(store): State<Store>) -> Json<Value> {
    let legacy = store.legacy();
    Json(wire::list(
        "regions",
        REGIONS.iter().map(|r| region_json(r, legacy)).collect(),
    ))
}

/// `POST /regions/availables {plan}`: flat list (live) or nested once (as the quick-start shows).
pub async fn regions_available(
    State(store): State<Store>,
    JsonBody(body): JsonBody,
) -> SimResult<Json<Value>> {
    let name = req_str(&body, "plan")?;
    let plan = catalogue::plan(&name).ok_or_else(|| SimError::bad("plan not found"))?;
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let regions = placeable_regions(&world, plan);
    let regions = if legacy {
        json!([regions])
    } else {
        json!(regions)
    };
    Ok(Json(json!({ "status": "ok", "regions": regions })))
}

/// `GET /plans`: every plan with its compatible regions (not necessarily placeable now).
pub async fn plans(State(store): State<Store>) -> Json<Value> {
    let legacy = store.legacy();
    let items = PLANS
        .iter()
        .map(|p| {
            let mut plan = plan_json(p, legacy);
            let regions: Vec<Value> = REGIONS
                .iter()
                .filter(|r| p.regions.contains(&r.location))
                .map(|r| region_json(r, false))
                .collect();
            plan["available_regions"] = Value::Array(regions);
            plan
        })
        .collect();
    Json(wire::list("plans", items))
}

fn host_servers(account: &Account, host: &str, legacy: bool) -> Vec<Value> {
    account
        .servers
        .values()
        .filter(|s| s.host.as_deref() == Some(host))
        .map(|s| {
            if legacy {
                json!(s.name)
            } else {
                json!({ "name": s.name, "notes": s.notes })
            }
        })
        .collect()
}

/// `GET /plans/availables`: what can be created now, where, on which hosts, and which of the
/// caller's servers already sit on each host (what isolation needs to know).
pub async fn plans_available(Call { store, user }: Call) -> SimResult<Json<Value>> {
    let legacy = store.legacy();
    let (world, _) = store.lock();
    let account = world.account(&user)?;
    let mut items = Vec::new();
    for plan in PLANS {
        let regions: Vec<Value> = REGIONS
            .iter()
            .filter_map(|r| {
                let hosts = world.hosts_for(plan, r.location);
                (!hosts.is_empty()).then(|| {
                    let hosts: Vec<Value> = hosts
                        .iter()
                        .map(|h| json!({ "host": h.name, "servers": host_servers(account, h.name, legacy) }))
                        .collect();
                    json!({ "region": r.location, "hosts": hosts })
                })
            })
            .collect();
        if regions.is_empty() {
            continue;
        }
        let mut entry = plan_json(plan, legacy);
        let images: Vec<Value> = IMAGES
            .iter()
            .filter(|i| i.fits(plan))
            .map(|i| wire::image(i, legacy))
            .collect();
        entry["os_availables"] = Value::Array(images);
        entry["region_availables"] = Value::Array(regions);
        items.push(entry);
    }
    Ok(Json(wire::list("plans", items)))
}

/// `GET /images/basics`.
pub async fn basic_images(State(store): State<Store>) -> Json<Value> {
    let legacy = store.legacy();
    Json(wire::list(
        "images",
        IMAGES
            .iter()
            .filter(|i| !i.cloud)
            .map(|i| wire::image(i, legacy))
            .collect(),
    ))
}

/// `GET /images/cloud-images`.
pub async fn cloud_images(State(store): State<Store>) -> Json<Value> {
    let legacy = store.legacy();
    Json(wire::list(
        "images",
        IMAGES
            .iter()
            .filter(|i| i.cloud)
            .map(|i| wire::image(i, legacy))
            .collect(),
    ))
}
