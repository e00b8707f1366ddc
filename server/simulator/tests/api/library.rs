//! Library resources: templates, scripts, SSH keys, groups, networks and VLANs, snapshots and
//! their weekly schedule.

use crate::harness::{Sim, ALICE};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn templates_by_id_or_name_with_put_and_patch() {
    let sim = Sim::start().await;
    let list = sim.get("/templates").await;
    assert_eq!(list.ok()["templates"].as_array().unwrap().len(), 2);
    let by_id = sim.get("/templates/1").await;
    let by_name = sim.get("/templates/ei100001").await;
    assert_eq!(by_id.ok()["template"], by_name.ok()["template"]);
    assert_eq!(by_id.ok()["template"]["status"], "CD");
    let put = sim
        .put("/templates/ei100001", json!({"description": "renamed"}))
        .await;
    assert_eq!(put.ok()["template"]["description"], "renamed");
    let patch = sim.patch("/templates/1", json!({"notes": "n"})).await;
    assert_eq!(patch.ok()["template"]["notes"], "n");
    assert_eq!(patch.ok()["template"]["description"], "renamed");
    sim.get("/templates/ei999999")
        .await
        .error(404, "template not found");
    sim.call(Method::GET, "/templates/ei100001", ALICE, None)
        .await
        .error(404, "template not found");

    sim.post("/templates", json!({"server": "ec999999"}))
        .await
        .error(400, "server not found");
    sim.post("/templates", json!({"server": "ec200399"}))
        .await
        .error(400, "Template can't be created for v1 server");
    sim.post("/templates", json!({"description": "x"}))
        .await
        .error(400, "Topic 'server' required");
    sim.post("/templates", json!({"snapshot": 999}))
        .await
        .error(400, "snapshot not found");
    // Another account's server is unknown here.
    sim.post("/templates", json!({"server": "ec200407"}))
        .await
        .error(400, "server not found");
}

#[tokio::test]
async fn scripts_crud_errors_and_the_20_script_limit() {
    let sim = Sim::start().await;
    let list = sim.get("/scripts").await;
    assert_eq!(list.ok()["scripts"].as_array().unwrap().len(), 2);
    sim.post("/scripts", json!({"content": "echo"}))
        .await
        .error(400, "Error title cant be null");
    sim.post("/scripts", json!({"title": "t"}))
        .await
        .error(400, "Error content cant be null");
    let created = sim
        .post(
            "/scripts",
            json!({"title": "hello", "content": "#!/bin/bash\necho hi", "windows": false}),
        )
        .await;
    let script = created.ok()["script"].clone();
    assert_eq!(script["title"], "hello");
    assert_eq!(script["user"], "demo");
    assert_eq!(script["public"], false);
    let id = script["id"].as_u64().unwrap();
    assert_eq!(
        sim.get(&format!("/scripts/{id}")).await.ok()["script"]["content"],
        "#!/bin/bash\necho hi"
    );
    let put = sim
        .put(&format!("/scripts/{id}"), json!({"title": "renamed"}))
        .await;
    assert_eq!(put.ok()["script"]["title"], "renamed");
    let patch = sim
        .patch(&format!("/scripts/{id}"), json!({"windows": true}))
        .await;
    assert_eq!(patch.ok()["script"]["windows"], true);
    sim.put(&format!("/scripts/{id}"), json!({"title": ""}))
        .await
        .error(400, "Error title cant be null");
    sim.delete(&format!("/scripts/{id}")).await.ok();
    sim.get(&format!("/scripts/{id}"))
        .await
        .error(404, "script not found");
    sim.delete(&format!("/scripts/{id}"))
        .await
        .error(404, "script not found");

    for i in 0..18 {
        sim.post(
            "/scripts",
            json!({"title": format!("s{i}"), "content": "echo"}),
        )
        .await
        .ok();
    }
    sim.post(
        "/scripts",
        json!({"title": "one too many", "content": "echo"}),
    )
    .await
    .error(
        400,
        "Error can't have more then 20 scripts remove a script before try to create another",
    );
    // alice has her own quota and sees none of demo's.
    let alice = sim.call(Method::GET, "/scripts", ALICE, None).await;
    assert_eq!(alice.ok()["scripts"], json!([]));
}

#[tokio::test]
async fn ssh_keys_have_unique_labels() {
    let sim = Sim::start().await;
    let list = sim.get("/sshkeys").await;
    let keys = list.ok()["pubkeys"].as_array().unwrap().clone();
    assert_eq!(keys.len(), 1);
    assert!(keys[0]["key"]
        .as_str()
        .unwrap()
        .starts_with("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"));
    let created = sim
        .post(
            "/sshkeys",
            json!({"key": "ssh-ed25519 AAAA test", "label": "work"}),
        )
        .await;
    assert_eq!(
        created.ok(),
        &json!({"status": "ok"}),
        "no id in the answer"
    );
    sim.post("/sshkeys", json!({"key": "ssh-rsa AAAA", "label": "work"}))
        .await
        .error(400, "An SSH key with this label already exists");
    sim.post("/sshkeys", json!({"label": "x"}))
        .await
        .error(400, "Topic 'key' required");
    sim.post("/sshkeys", json!({"key": "x"}))
        .await
        .error(400, "Topic 'label' required");
    let list = sim.get("/sshkeys").await;
    let id = list.ok()["pubkeys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["label"] == "work")
        .unwrap()["id"]
        .as_u64()
        .unwrap();
    assert_eq!(
        sim.get(&format!("/sshkeys/{id}")).await.ok()["pubkey"]["label"],
        "work"
    );
    sim.put(&format!("/sshkeys/{id}"), json!({"label": "demo-laptop"}))
        .await
        .error(400, "An SSH key with this label already exists");
    let renamed = sim
        .put(&format!("/sshkeys/{id}"), json!({"label": "office"}))
        .await;
    assert_eq!(renamed.ok()["pubkey"]["label"], "office");
    sim.delete(&format!("/sshkeys/{id}")).await.ok();
    sim.get(&format!("/sshkeys/{id}"))
        .await
        .error(404, "ssh key not found");
    // Labels are per account: alice may use "demo-laptop".
    let alice = sim
        .call(
            Method::POST,
            "/sshkeys",
            ALICE,
            Some(json!({"key": "k", "label": "demo-laptop"})),
        )
        .await;
    assert_eq!(alice.status, 200);
}

#[tokio::test]
async fn groups_require_the_deprecated_password_and_release_servers_on_delete() {
    let sim = Sim::start().await;
    sim.post("/groups", json!({"notes": "g"}))
        .await
        .error(400, "Topic 'password' required");
    sim.post("/groups", json!({"password": ""}))
        .await
        .error(400, "Topic 'notes' required");
    let created = sim
        .post("/groups", json!({"notes": "new group", "password": ""}))
        .await;
    let group = created.ok()["group"].clone();
    assert_eq!(group["enabled"], true);
    assert!(group["name"].as_str().unwrap().starts_with("eg"));
    let id = group["id"].as_u64().unwrap();
    assert_eq!(
        sim.get(&format!("/groups/{id}")).await.ok()["group"]["notes"],
        "new group"
    );
    assert_eq!(
        sim.get("/groups").await.ok()["groups"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    sim.delete("/groups/eg100001").await.ok();
    assert_eq!(
        sim.server("ec200401").await["group"],
        serde_json::Value::Null
    );
    sim.get("/groups/1").await.error(404, "group not found");
    sim.delete("/groups/1").await.error(404, "group not found");
    sim.call(Method::GET, "/groups/eg100002", ALICE, None)
        .await
        .error(404, "group not found");
}

#[tokio::test]
async fn networks_and_vlans() {
    let sim = Sim::start().await;
    let created = sim
        .call(Method::POST, "/networks", crate::harness::DEMO, None)
        .await;
    let body = created.ok().clone();
    assert_eq!(body["status"], "created");
    let net = body["network"]["name"].as_str().unwrap().to_string();
    assert!(net.starts_with("net"));
    assert_eq!(
        sim.get(&format!("/networks/{net}")).await.ok()["network"]["active"],
        true
    );
    assert_eq!(
        sim.get("/networks").await.ok()["networks"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let vlans = format!("/servers/ec200403/networks/{net}/vlans");
    let added = sim.post(&vlans, json!({"vlan_id": 5, "pvid": true})).await;
    assert_eq!(added.ok()["status"], "creating");
    assert_eq!(added.ok()["action"]["type"], "add_vlan");
    assert_eq!(added.ok()["action"]["resource"], format!("ec200403-{net}"));
    assert_eq!(added.ok()["action"]["resource_type"], "network");
    let range = sim.post(&vlans, json!({"vlans": "10-14"})).await;
    assert_eq!(range.status, 200);
    sim.post(&vlans, json!({"vlan_id": 5}))
        .await
        .error(400, "vlan already exists");
    sim.post(&vlans, json!({"vlan_id": 5000}))
        .await
        .error(400, "Invalid vlan id: use 1-4094");
    sim.post(
        "/servers/ec200403/networks/net999999/vlans",
        json!({"vlan_id": 1}),
    )
    .await
    .error(404, "network not found");
    let listed = sim.get(&vlans).await;
    assert_eq!(listed.ok()["vlans"].as_array().unwrap().len(), 6);
    assert_eq!(listed.ok()["vlans"][0]["status"], "creating");
    sim.patch(&format!("{vlans}/5"), json!({"pvid": false}))
        .await
        .error(
            400,
            "A VLAN must have a status of ok to be updated or removed",
        );
    sim.advance(15.0);
    let updated = sim
        .patch(&format!("{vlans}/10"), json!({"pvid": true}))
        .await;
    assert_eq!(updated.ok()["status"], "updating");
    assert_eq!(updated.ok()["vlan"]["pvid"], true);
    assert_eq!(updated.ok()["action"]["type"], "update_vlan");
    sim.advance(15.0);
    let listed = sim.get(&vlans).await;
    let pvids: Vec<u64> = listed.ok()["vlans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["pvid"] == true)
        .map(|v| v["vlan_id"].as_u64().unwrap())
        .collect();
    assert_eq!(pvids, vec![10], "one PVID per interface");

    sim.delete(&format!("/networks/{net}")).await.error(
        400,
        "Network has active connections: remove its VLANs first",
    );
    assert_eq!(
        sim.delete(&format!("{vlans}/10-14")).await.ok()["status"],
        "deleting"
    );
    sim.delete(&format!("{vlans}/5")).await.ok();
    sim.delete(&format!("{vlans}/99"))
        .await
        .error(404, "vlan not found");
    sim.advance(15.0);
    assert_eq!(sim.get(&vlans).await.ok()["vlans"], json!([]));
    assert_eq!(
        sim.delete(&format!("/networks/{net}")).await.ok()["status"],
        "no_content"
    );
    sim.get(&format!("/networks/{net}"))
        .await
        .error(404, "network not found");
    sim.call(Method::GET, "/networks/net000015", ALICE, None)
        .await
        .error(404, "network not found");
}

#[tokio::test]
async fn snapshots_crud_and_protection() {
    let sim = Sim::start().await;
    let list = sim.get("/servers/ec200401/snapshots").await;
    let snaps = list.ok()["snapshots"].as_array().unwrap().clone();
    assert_eq!(snaps.len(), 3);
    assert_eq!(snaps[0]["name"], "ec200401-SNP-1");
    let patched = sim
        .patch(
            "/servers/ec200401/snapshots/102",
            json!({"description": "d", "protected": true}),
        )
        .await;
    assert_eq!(patched.ok()["snapshot"]["protected"], true);
    assert_eq!(patched.ok()["snapshot"]["description"], "d");
    sim.get("/servers/ec200401/snapshots/999")
        .await
        .error(404, "snapshot not found");
    sim.get("/servers/ec200402/snapshots/101")
        .await
        .error(404, "snapshot not found");

    // Up to 12 protected snapshots a server: new ones are protected while the quota allows, so
    // of 13 the last is not, and cannot be protected.
    for _ in 0..13 {
        let created = sim
            .post("/servers/ec200402/snapshots", json!({"description": "s"}))
            .await;
        let _ = created.ok();
        sim.advance(15.0);
    }
    let list = sim.get("/servers/ec200402/snapshots").await;
    let all = list.ok()["snapshots"].as_array().unwrap().clone();
    assert_eq!(all.iter().filter(|s| s["protected"] == true).count(), 12);
    let last = all.last().unwrap()["id"].as_u64().unwrap();
    sim.patch(
        &format!("/servers/ec200402/snapshots/{last}"),
        json!({"protected": true}),
    )
    .await
    .error(400, "Maximum number of protected snapshots reached (12)");
    // Another server's quota is its own.
    let other = sim
        .patch(
            "/servers/ec200401/snapshots/103",
            json!({"protected": true}),
        )
        .await;
    assert_eq!(other.ok()["snapshot"]["protected"], true);

    // A protected snapshot is kept until it is unprotected.
    sim.delete("/servers/ec200401/snapshots/101").await.error(
        400,
        "Snapshot is protected: unprotect it before deleting it",
    );
    sim.patch(
        "/servers/ec200401/snapshots/101",
        json!({"protected": false}),
    )
    .await
    .ok();
    let deleted = sim.delete("/servers/ec200401/snapshots/101").await;
    let body = deleted.ok().clone();
    assert_eq!(body["snapshot"]["status"], "DE");
    assert_eq!(body["action"]["type"], "delete_snapshot");
    sim.advance(15.0);
    sim.get("/servers/ec200401/snapshots/101")
        .await
        .error(404, "snapshot not found");
}

#[tokio::test]
async fn a_schedule_runs_on_the_clock_and_keeps_its_retention() {
    let sim = Sim::start().await;
    let item = "/servers/ec200401/crons/snapshot_schedule_ec200401";
    assert_eq!(sim.get(item).await.ok()["cron"]["last_run_at"], json!(null));
    // Past at least one Sunday 00:00 UTC: the oldest unprotected (102) goes first, the protected
    // one (101) stays, and the schedule keeps its 2 unprotected.
    sim.advance(8.0 * 86_400.0);
    let list = sim.get("/servers/ec200401/snapshots").await;
    let all = list.ok()["snapshots"].as_array().unwrap().clone();
    let ids: Vec<u64> = all.iter().map(|s| s["id"].as_u64().unwrap()).collect();
    assert!(ids.contains(&101) && !ids.contains(&102), "{ids:?}");
    let unprotected: Vec<_> = all.iter().filter(|s| s["protected"] == false).collect();
    assert_eq!(unprotected.len(), 2);
    assert!(all.iter().any(|s| s["description"]
        .as_str()
        .unwrap()
        .starts_with("periodic snapshot - ")));
    let cron = sim.get(item).await.ok()["cron"].clone();
    assert_ne!(cron["last_run_at"], json!(null));
    assert_eq!(cron["last_run_status"], "ok");
    // Paused, it takes none.
    sim.patch(item, json!({"enabled": false})).await.ok();
    let before = all.len();
    sim.advance(15.0 * 86_400.0);
    let list = sim.get("/servers/ec200401/snapshots").await;
    assert_eq!(list.ok()["snapshots"].as_array().unwrap().len(), before);
}

#[tokio::test]
async fn weekly_snapshot_schedule() {
    let sim = Sim::start().await;
    let existing = sim
        .get("/servers/ec200401/crons/snapshot_schedule_ec200401")
        .await;
    assert_eq!(existing.ok()["cron"]["infos"]["max_retention"], 2);
    let url = "/servers/ec200402/crons";
    sim.post(url, json!({"config": {}}))
        .await
        .error(400, "Topic 'type' required");
    sim.post(url, json!({"type": "backup", "config": {}}))
        .await
        .error(
            400,
            "Invalid cron type: only snapshot_schedule is supported",
        );
    sim.post(
        url,
        json!({"type": "snapshot_schedule", "config": {"typology": "daily"}}),
    )
    .await
    .error(400, "Invalid typology: only weekly is supported");
    sim.post(
        url,
        json!({"type": "snapshot_schedule", "config": {"typology": "weekly", "day_of_week": 9}}),
    )
    .await
    .error(400, "Invalid day_of_week: use 0 (Sunday) to 6");
    let body = json!({"type": "snapshot_schedule", "config": {"typology": "weekly", "max_retention": 3, "day_of_week": 2}});
    let created = sim.post(url, body.clone()).await;
    let cron = created.ok()["cron"].clone();
    assert_eq!(cron["name"], "snapshot_schedule_ec200402");
    assert_eq!(cron["schedule"], "0 0 * * 2 (m/h/dM/MY/d) UTC");
    assert_eq!(cron["enabled"], true);
    sim.post(url, body)
        .await
        .error(400, "A snapshot schedule already exists for this server");
    let item = "/servers/ec200402/crons/snapshot_schedule_ec200402";
    let patched = sim
        .patch(item, json!({"enabled": false, "day_of_week": 6}))
        .await;
    assert_eq!(patched.ok()["cron"]["enabled"], false);
    assert_eq!(
        patched.ok()["cron"]["infos"],
        json!({"max_retention": 3, "day_of_week": 6})
    );
    sim.get("/servers/ec200402/crons/snapshot_schedule_ec200401")
        .await
        .error(404, "cron not found");
    assert_eq!(
        sim.delete(item).await.ok()["cron"]["name"],
        "snapshot_schedule_ec200402"
    );
    sim.get(item).await.error(404, "cron not found");
}
