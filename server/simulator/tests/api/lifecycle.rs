//! Lifecycle in simulated time (manual clock): creation, customization, power, deletion,
//! templates, snapshots and rollback, and creations that fail for lack of resources.

use crate::harness::Sim;
use serde_json::{json, Value};

fn body(plan: &str, location: &str, image: &str) -> Value {
    json!({"plan": plan, "location": location, "image": image, "notes": "lifecycle"})
}

#[tokio::test]
async fn a_new_server_boots_and_gets_its_addresses_at_the_end() {
    let sim = Sim::start().await;
    let reply = sim
        .post("/servers", body("eCS1", "it-fr2", "debian-12"))
        .await;
    let created = reply.ok().clone();
    assert_eq!(created["status"], "ok");
    let name = created["server"]["name"].as_str().unwrap().to_string();
    let action_id = created["action_id"].as_u64().expect("live form: action_id");
    assert_eq!(created["server"]["status"], "Booting");
    assert_eq!(created["server"]["ipv4"], "");
    assert_eq!(created["server"]["ipv6"], "");
    assert_eq!(created["server"]["so"], "debian-12");

    let action = sim.action(action_id).await;
    assert_eq!(action["status"], "in-progress");
    assert_eq!(action["type"], "create_server");
    assert_eq!(action["progress"], 0);
    sim.get(&format!("/servers/{name}/status"))
        .await
        .error(400, "Unable to retrieve server status");

    sim.advance(10.0);
    let half = sim.action(action_id).await;
    assert_eq!(half["progress"], 50);
    let server = sim.server(&name).await;
    assert_eq!(server["status"], "Booting");
    assert_eq!(server["progress"], 50);
    assert_eq!(server["ipv4"], "");

    sim.advance(10.0);
    let done = sim.action(action_id).await;
    assert_eq!(done["status"], "completed");
    assert_eq!(done["progress"], 100);
    assert!(done["completed_at"].is_string());
    let server = sim.server(&name).await;
    assert_eq!(server["status"], "Booted");
    assert_eq!(server["active_flag"], true);
    assert!(!server["ipv4"].as_str().unwrap().is_empty());
    assert!(!server["ipv6"].as_str().unwrap().is_empty());
    let status = sim.get(&format!("/servers/{name}/status")).await;
    assert_eq!(status.ok()["server"]["current_status"], "Running");
    // It shows up in the history and in the list.
    let actions = sim.get(&format!("/actions?resource={name}")).await;
    assert_eq!(actions.ok()["total_actions"], 1);
    assert_eq!(sim.get("/servers").await.ok()["count"], 8);
}

#[tokio::test]
async fn a_script_adds_a_customizing_phase() {
    let sim = Sim::start().await;
    let mut request = body("eCS1", "it-fr2", "ubuntu-2404");
    request["user_customize"] = json!("#!/bin/bash\necho hi > /root/hi.txt");
    let (name, action) = sim.create(request).await;
    sim.advance(20.0);
    assert_eq!(sim.action(action).await["status"], "completed");
    assert_eq!(sim.server(&name).await["status"], "Customizing");
    sim.advance(14.0);
    assert_eq!(sim.server(&name).await["status"], "Customizing");
    sim.advance(2.0);
    assert_eq!(sim.server(&name).await["status"], "Booted");
}

async fn assert_create_fails(sim: &Sim, request: Value) -> String {
    let (name, action) = sim.create(request).await;
    assert_eq!(
        sim.action(action).await["status"],
        "in-progress",
        "accepted first"
    );
    sim.advance(20.0);
    let failed = sim.action(action).await;
    assert_eq!(failed["status"], "failed");
    assert!(failed["progress"].as_u64().unwrap() < 100);
    let server = sim.server(&name).await;
    assert_eq!(server["status"], "Fail");
    assert_eq!(server["ipv4"], "");
    name
}

#[tokio::test]
async fn creations_that_cannot_be_placed_are_accepted_and_then_fail() {
    let sim = Sim::start().await;
    // Sold out: no host in ch-lug1 has 12 free cores; the only L40s host is full.
    let name = assert_create_fails(&sim, body("eCS6", "ch-lug1", "ubuntu-2404")).await;
    assert_create_fails(
        &sim,
        body("ECS1GPU7", "it-fr2", "sci-gpu-seeweb-ai-ubuntu-2204"),
    )
    .await;
    // Not offered in the region, and a Windows image on a Linux plan.
    assert_create_fails(&sim, body("eCS2", "bg-sof1", "debian-12")).await;
    assert_create_fails(&sim, body("eCS2", "it-fr2", "windows-2022")).await;
    // The failure is in the log; the failed server can be deleted.
    let logs = sim.get(&format!("/logs?resource={name}")).await;
    let entries = logs.ok()["logs"].as_array().unwrap().clone();
    assert!(entries.iter().any(|l| l["severity"] == "error"
        && l["description"]
            .as_str()
            .unwrap_or("")
            .contains("no capacity")));
    sim.delete(&format!("/servers/{name}")).await.ok();
    sim.advance(10.0);
    sim.get(&format!("/servers/{name}"))
        .await
        .error(404, "server not found");
    // Meanwhile the placeable twin in ch-lug1 works.
    let (ok, action) = sim.create(body("eCS5", "ch-lug1", "ubuntu-2404")).await;
    sim.advance(20.0);
    assert_eq!(sim.action(action).await["status"], "completed");
    assert_eq!(sim.server(&ok).await["status"], "Booted");
}

#[tokio::test]
async fn isolation_constrains_placement() {
    let sim = Sim::start().await;
    // bg-sof1 has a single host, where vpn-sofia already is.
    let mut impossible = body("eCS1", "bg-sof1", "debian-12");
    impossible["isolate_from"] = json!(["ec200406"]);
    assert_create_fails(&sim, impossible).await;

    let mut possible = body("eCS1", "it-fr2", "debian-12");
    possible["isolate_from"] = json!(["ec200401", "ec200402"]);
    let (name, action) = sim.create(possible).await;
    sim.advance(20.0);
    assert_eq!(sim.action(action).await["status"], "completed");
    let isolations = sim.get(&format!("/servers/{name}/isolations")).await;
    assert_eq!(isolations.ok()["isolations"].as_array().unwrap().len(), 2);
    // The hosts listing shows it on a host without web-1 and db-1.
    let plans = sim.get("/plans/availables").await;
    let ecs1 = plans.ok()["plans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "eCS1")
        .unwrap()
        .clone();
    let fr2 = ecs1["region_availables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "it-fr2")
        .unwrap()
        .clone();
    let host_of = |server: &str| {
        fr2["hosts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| {
                h["servers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["name"] == server)
            })
            .map(|h| h["host"].clone())
    };
    let mine = host_of(&name).expect("new server listed on a host");
    assert_ne!(Some(mine.clone()), host_of("ec200401"));
    assert_ne!(Some(mine), host_of("ec200402"));
}

#[tokio::test]
async fn capacity_runs_out_as_servers_are_created() {
    let sim = Sim::start().await;
    // it-fr2's hosts hold five more eCS6 (3 + 1 + 1).
    for _ in 0..5 {
        let (_, action) = sim.create(body("eCS6", "it-fr2", "ubuntu-2404")).await;
        sim.advance(20.0);
        assert_eq!(sim.action(action).await["status"], "completed");
    }
    let regions = sim
        .post("/regions/availables", json!({"plan": "eCS6"}))
        .await;
    assert_eq!(regions.ok()["regions"], json!(["it-mi2"]));
    assert_create_fails(&sim, body("eCS6", "it-fr2", "ubuntu-2404")).await;
}

#[tokio::test]
async fn power_actions_take_their_time() {
    let sim = Sim::start().await;
    let off = sim
        .post("/servers/ec200401/actions", json!({"type": "power_off"}))
        .await;
    let id = off.ok()["id"].as_u64().unwrap();
    sim.advance(4.0);
    assert_eq!(
        sim.get("/servers/ec200401/status").await.ok()["server"]["current_status"],
        "Running"
    );
    assert_eq!(sim.action(id).await["progress"], 80);
    sim.advance(1.5);
    assert_eq!(
        sim.get("/servers/ec200401/status").await.ok()["server"]["current_status"],
        "Shutoff"
    );
    assert_eq!(sim.action(id).await["status"], "completed");
    let on = sim
        .post("/servers/ec200401/actions", json!({"type": "power_on"}))
        .await;
    assert_eq!(on.ok()["type"], "power_on");
    sim.advance(5.0);
    assert_eq!(
        sim.get("/servers/ec200401/status").await.ok()["server"]["current_status"],
        "Running"
    );
}

#[tokio::test]
async fn templates_and_snapshots_progress_and_rollback_restores() {
    let sim = Sim::start().await;
    let created = sim
        .post(
            "/templates",
            json!({"server": "ec200402", "description": "db image"}),
        )
        .await;
    let body = created.ok().clone();
    assert_eq!(body["template"]["status"], "CG");
    let name = body["template"]["name"].as_str().unwrap().to_string();
    let action = body["action_id"].as_u64().unwrap();
    sim.advance(15.0);
    assert_eq!(sim.action(action).await["type"], "create_template");
    let template = sim.get(&format!("/templates/{name}")).await;
    assert_eq!(template.ok()["template"]["status"], "CD");

    let snap = sim
        .post(
            "/servers/ec200402/snapshots",
            json!({"description": "before", "notes": "n"}),
        )
        .await;
    let snap = snap.ok().clone();
    assert_eq!(snap["snapshot"]["status"], "CG");
    assert_eq!(snap["snapshot"]["name"], "ec200402-SNP-1");
    assert_eq!(snap["action"]["type"], "create_snapshot");
    assert_eq!(snap["action"]["resource_type"], "SNP");
    let id = snap["snapshot"]["id"].as_u64().unwrap();
    // While it is taken the server takes no new action ("it will disable the start of new
    // actions on the Server until it completes").
    sim.post(
        "/servers/ec200402/actions",
        json!({"type": "rollback", "snapshot": id}),
    )
    .await
    .error(
        400,
        "Server is busy: wait for the action in progress to complete",
    );
    sim.advance(15.0);
    let got = sim.get(&format!("/servers/ec200402/snapshots/{id}")).await;
    assert_eq!(got.ok()["snapshot"]["status"], "CD");

    let rollback = sim
        .post(
            "/servers/ec200402/actions",
            json!({"type": "rollback", "snapshot": id}),
        )
        .await;
    assert_eq!(rollback.ok()["type"], "rollback");
    assert_eq!(sim.server("ec200402").await["status"], "Reimaging");
    sim.advance(15.0);
    let server = sim.server("ec200402").await;
    assert_eq!(server["status"], "Booted");
    assert_eq!(server["last_restored_snapshot"], id);
    let got = sim.get(&format!("/servers/ec200402/snapshots/{id}")).await;
    assert_eq!(got.ok()["snapshot"]["is_last_restored"], true);

    // A template from that snapshot, then deleting the template.
    let from_snapshot = sim
        .post(
            "/templates",
            json!({"snapshot": id, "description": "from snap"}),
        )
        .await;
    let tname = from_snapshot.ok()["template"]["name"]
        .as_str()
        .unwrap()
        .to_string();
    sim.advance(15.0);
    let deleted = sim.delete(&format!("/templates/{tname}")).await;
    assert_eq!(deleted.ok()["action"]["type"], "delete_template");
    assert_eq!(deleted.ok()["action"]["resource_type"], "DI");
    sim.advance(15.0);
    sim.get(&format!("/templates/{tname}"))
        .await
        .error(404, "template not found");
}

#[tokio::test]
async fn legacy_forms_report_failures_as_error_and_creations_as_new_server() {
    let sim = Sim::legacy().await;
    let reply = sim
        .post("/servers", body("eCS6", "ch-lug1", "ubuntu-2404"))
        .await;
    let created = reply.ok().clone();
    assert!(created.get("action_id").is_none());
    let action = created["action"]
        .as_u64()
        .expect("legacy: `action` holds the id");
    assert_eq!(created["server"]["os"], "ubuntu-2404");
    assert!(created["server"].get("so").is_none());
    sim.advance(20.0);
    let failed = sim.action(action).await;
    assert_eq!(failed["status"], "error");
    assert_eq!(failed["type"], "new_server");
}
