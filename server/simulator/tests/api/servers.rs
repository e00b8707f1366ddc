//! Servers: list/get/update/delete, status, isolations, reserved periods, support plans, actions,
//! create-time validation and tenant isolation.

use crate::harness::{Sim, ALICE};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn list_and_get_use_the_live_shapes() {
    let sim = Sim::start().await;
    let list = sim.get("/servers").await;
    let body = list.ok();
    assert_eq!(body["count"], 7);
    let servers = body["server"].as_array().expect("list key is singular");
    assert_eq!(servers.len(), 7);
    let web = servers.iter().find(|s| s["name"] == "ec200401").unwrap();
    assert_eq!(
        web["plan_size"]["core"], "2",
        "sizes are strings in the live form"
    );
    assert_eq!(web["plan_size"]["ram"], "2048");
    assert_eq!(web["plan_size"]["gpu_label"], Value::Null);
    assert_eq!(web["status"], "Booted");
    assert_eq!(web["group"], "eg100001");
    assert_eq!(web["location_label"], "Frosinone");
    assert_eq!(web["reserved_until"], "");
    assert!(web["creation_date"].as_str().unwrap().ends_with("+00:00"));
    assert!(!web["ipv4"].as_str().unwrap().is_empty());

    let one = sim.server("ec200404").await;
    assert_eq!(one["is_reserved"], true);
    assert!(!one["reserved_until"].as_str().unwrap().is_empty());
    assert_eq!(one["reserved_plans"][0]["reserved_months"], 12);
    sim.get("/servers/ec999999")
        .await
        .error(404, "server not found");
}

#[tokio::test]
async fn alice_cannot_see_or_touch_demos_servers() {
    let sim = Sim::start().await;
    let alice = |m: Method, p: &'static str, b: Option<Value>| {
        let sim = &sim;
        async move { sim.call(m, p, ALICE, b).await }
    };
    assert_eq!(alice(Method::GET, "/servers", None).await.ok()["count"], 1);
    alice(Method::GET, "/servers/ec200401", None)
        .await
        .error(404, "server not found");
    alice(
        Method::PUT,
        "/servers/ec200401",
        Some(json!({"note": "mine"})),
    )
    .await
    .error(404, "server not found");
    alice(Method::DELETE, "/servers/ec200401", None)
        .await
        .error(404, "server not found");
    alice(
        Method::POST,
        "/servers/ec200401/actions",
        Some(json!({"type": "power_off"})),
    )
    .await
    .error(404, "server not found");
    alice(Method::GET, "/servers/ec200401/metrics", None)
        .await
        .error(404, "server not found");
    alice(Method::GET, "/servers/ec200401/snapshots", None)
        .await
        .error(404, "server not found");
    // And demo cannot see alice's.
    sim.get("/servers/ec200407")
        .await
        .error(404, "server not found");
    assert_eq!(
        sim.server("ec200401").await["notes"],
        "web-1",
        "nothing changed"
    );
}

#[tokio::test]
async fn update_accepts_note_notes_and_group() {
    let sim = Sim::start().await;
    assert_eq!(
        sim.put("/servers/ec200403", json!({"note": "staging-a"}))
            .await
            .ok()["status"],
        "ok"
    );
    assert_eq!(sim.server("ec200403").await["notes"], "staging-a");
    sim.put("/servers/ec200403", json!({"notes": "staging-b"}))
        .await
        .ok();
    assert_eq!(sim.server("ec200403").await["notes"], "staging-b");
    sim.put("/servers/ec200403", json!({"group": "eg100002"}))
        .await
        .ok();
    assert_eq!(sim.server("ec200403").await["group"], "eg100002");
    sim.put("/servers/ec200403", json!({"group": "nogroup"}))
        .await
        .ok();
    assert_eq!(sim.server("ec200403").await["group"], Value::Null);
    sim.put("/servers/ec200403", json!({"group": "eg999999"}))
        .await
        .error(404, "group not found");
    // alice's group is not demo's.
    sim.put("/servers/ec200403", json!({"group": "eg100003"}))
        .await
        .error(404, "group not found");
    sim.put("/servers/ec200403", json!({}))
        .await
        .error(400, "Topic 'note' required");
}

#[tokio::test]
async fn status_is_nested_and_follows_power() {
    let sim = Sim::start().await;
    let running = sim.get("/servers/ec200401/status").await;
    assert_eq!(
        running.ok()["server"],
        json!({"name": "ec200401", "current_status": "Running"})
    );
    let off = sim.get("/servers/ec200403/status").await;
    assert_eq!(off.ok()["server"]["current_status"], "Shutoff");
}

#[tokio::test]
async fn isolations_are_listed_both_ways() {
    let sim = Sim::start().await;
    let db = sim.get("/servers/ec200402/isolations").await;
    assert_eq!(
        db.ok()["isolations"],
        json!([{"name": "ec200401", "notes": "web-1"}])
    );
    let web = sim.get("/servers/ec200401/isolations").await;
    assert_eq!(
        web.ok()["isolations"],
        json!([{"name": "ec200402", "notes": "db-1"}])
    );
    assert_eq!(
        sim.get("/servers/ec200403/isolations").await.ok()["isolations"],
        json!([])
    );
}

#[tokio::test]
async fn reserved_periods_and_their_documented_errors() {
    let sim = Sim::start().await;
    let url = "/servers/ec200401/reserved";
    sim.post(url, json!({}))
        .await
        .error(400, "Topic 'reserved_plan' required");
    sim.post(url, json!({"reserved_plan": "12 months"}))
        .await
        .error(
            400,
            "Invalid formula to define reserved plan: use id or MxxPxxxx (M12PECS1)",
        );
    sim.post(url, json!({"reserved_plan": "M7PECS2"}))
        .await
        .error(404, "Reserved plan not found");
    sim.post(url, json!({"reserved_plan": "M12PECS99"}))
        .await
        .error(404, "Reserved plan not found");
    sim.post(url, json!({"reserved_plan": 999_999}))
        .await
        .error(404, "Reserved plan not found");
    sim.post(url, json!({"reserved_plan": "M12PECS1"}))
        .await
        .error(
            400,
            "Can't add a reserved plan to a server with a different resource plan",
        );
    alice_reserved(&sim).await;

    let record = sim.post(url, json!({"reserved_plan": "M12PECS2"})).await;
    let body = record.ok().clone();
    assert_eq!(body["reserved_months"], 12);
    assert_eq!(body["server"], "ec200401");
    assert_eq!(body["discount"], 15);
    assert_eq!(body["plan"], 7);
    // The same plan by id.
    let by_id = sim
        .post(url, json!({"reserved_plan": body["reserved_plan"]}))
        .await;
    assert_eq!(by_id.ok()["reserved_months"], 12);
    let server = sim.server("ec200401").await;
    assert_eq!(server["is_reserved"], true);
    assert_eq!(server["reserved_plans"].as_array().unwrap().len(), 2);
    // Reserved servers cannot be destroyed.
    let refused = sim.delete("/servers/ec200401").await;
    assert_eq!(refused.status, 400);
    assert!(refused.message().contains("reserved"), "{}", refused.text);
}

async fn alice_reserved(sim: &Sim) {
    let reply = sim
        .call(
            Method::POST,
            "/servers/ec200407/reserved",
            ALICE,
            Some(json!({"reserved_plan": "M12PECS1"})),
        )
        .await;
    reply.error(400, "Reserved Plans are not available for your profile");
}

#[tokio::test]
async fn support_plans_upgrade_downgrade_and_immutability() {
    let sim = Sim::start().await;
    let staging = "/servers/ec200403/support";
    sim.post(staging, json!({"code": "proactive"}))
        .await
        .error(400, "Support code not found");
    let basic = sim.post(staging, json!({"code": "basic"})).await;
    let support = basic.ok()["support"].clone();
    assert_eq!(support["support_code"], "basic");
    assert_eq!(support["server__name"], "ec200403");
    assert_eq!(support["weigth"], 1);
    assert_eq!(support["may_downgrade"], false);
    assert_eq!(
        sim.post(staging, json!({"code": "global"})).await.ok()["support"]["support_code"],
        "global"
    );
    sim.post(staging, json!({"code": "basic"})).await.error(
        400,
        "You cannot downgrade a support plan, plan not yet finished...",
    );
    sim.delete(staging).await.error(
        400,
        "You cannot downgrade a support plan, unfinished plan...",
    );
    assert_eq!(
        sim.server("ec200403").await["support"]["support_code"],
        "global"
    );

    // db-1's period is over: it may go down, and away.
    let db = "/servers/ec200402/support";
    assert_eq!(
        sim.post(db, json!({"code": "basic"})).await.ok()["support"]["support_code"],
        "basic"
    );
    sim.advance(31.0 * 86_400.0);
    sim.delete(db).await.ok();
    assert_eq!(sim.server("ec200402").await["support"], Value::Null);

    // win-ad has an immutable plan.
    let win = "/servers/ec200405/support";
    sim.post(win, json!({"code": "global"}))
        .await
        .error(400, "You cannot edit an immutable support plan");
    sim.delete(win)
        .await
        .error(400, "You cannot modify an immutable support plan");
}

#[tokio::test]
async fn server_actions_validate_and_answer_bare_actions() {
    let sim = Sim::start().await;
    sim.post("/servers/ec200401/actions", json!({}))
        .await
        .error(400, "action type is required");
    let bad = sim
        .post("/servers/ec200401/actions", json!({"type": "reboot"}))
        .await;
    assert_eq!(bad.status, 400);
    let console = sim
        .post("/servers/ec200401/actions", json!({"type": "console"}))
        .await;
    let body = console.ok();
    assert_eq!(body["type"], "console");
    assert_eq!(body["console_key"].as_str().unwrap().len(), 36);
    let off = sim
        .post("/servers/ec200401/actions", json!({"type": "power_off"}))
        .await;
    let action = off.ok();
    assert_eq!(action["type"], "power_off");
    assert_eq!(action["status"], "in-progress");
    assert_eq!(action["resource"], "ec200401");
    assert!(action.get("action").is_none(), "live form: bare action");
    // The v1 server has no console.
    sim.post("/servers/ec200399/actions", json!({"type": "console"}))
        .await
        .error(400, "Console is not available for v1 servers");
    sim.post("/servers/ec200401/actions", json!({"type": "rollback"}))
        .await
        .error(
            400,
            "Server is busy: wait for the action in progress to complete",
        );
    sim.post("/servers/ec200402/actions", json!({"type": "rollback"}))
        .await
        .error(400, "Topic 'snapshot' required");
    sim.post(
        "/servers/ec200402/actions",
        json!({"type": "rollback", "snapshot": 101}),
    )
    .await
    .error(404, "snapshot not found");
}

fn create_body(extra: Value) -> Value {
    let mut body =
        json!({"plan": "eCS1", "location": "it-fr2", "image": "ubuntu-2404", "notes": "t"});
    if let (Some(map), Some(more)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in more {
            if v.is_null() {
                map.remove(k);
            } else {
                map.insert(k.clone(), v.clone());
            }
        }
    }
    body
}

#[tokio::test]
async fn create_validates_fields_and_references() {
    let sim = Sim::start().await;
    let post = |extra: Value| {
        let sim = &sim;
        async move { sim.post("/servers", create_body(extra)).await }
    };
    post(json!({"plan": null}))
        .await
        .error(400, "Topic 'plan' required");
    post(json!({"location": null}))
        .await
        .error(400, "Topic 'location' required");
    post(json!({"image": null}))
        .await
        .error(400, "Topic 'image' required");
    post(json!({"plan": "eCS42"}))
        .await
        .error(400, "plan not found");
    post(json!({"location": "mars-1"}))
        .await
        .error(400, "location not found");
    post(json!({"image": "centos-7"}))
        .await
        .error(400, "image not found");
    post(json!({"group": "eg999999"}))
        .await
        .error(404, "group not found");
    post(json!({"ssh_key": "nope"}))
        .await
        .error(400, "ssh key not found");
    post(json!({"support": "gold"}))
        .await
        .error(400, "Support code not found");
    post(json!({"reserved_plan": "M12PECS2"})).await.error(
        400,
        "Can't add a reserved plan to a server with a different resource plan",
    );
    post(json!({"reserved_plan": "soon"})).await.error(
        400,
        "Invalid formula to define reserved plan: use id or MxxPxxxx (M12PECS1)",
    );
    post(json!({"isolate_from": ["ec123456"]}))
        .await
        .error(400, "server ec123456 not found");
    post(json!({"networks": [{"name": "net999999", "vlans": []}]}))
        .await
        .error(400, "network not found");
    // Nothing was created by the refused requests.
    assert_eq!(sim.get("/servers").await.ok()["count"], 7);
    // A full valid request (template image, group, key, support, reserved, library script).
    let (name, _) = sim
        .create(create_body(json!({
            "plan": "ECS2", "image": "ei100001", "group": "eg100001", "ssh_key": "demo-laptop",
            "support": "basic", "reserved_plan": "M6PECS2", "user_customize": 1,
            "user_customize_env": "NAME=\"bob\"\nWORK=\"seeweb\"", "password": "S3cret!",
            "networks": [{"name": "net000015", "vlans": [{"vlan_id": 7, "pvid": true}, {"vlans": "10-12"}]}],
        })))
        .await;
    let server = sim.server(&name).await;
    assert_eq!(server["plan"], "eCS2");
    assert_eq!(server["so"], "ei100001");
    assert_eq!(server["group"], "eg100001");
    assert_eq!(server["support"]["support_code"], "basic");
    assert_eq!(server["reserved_plans"][0]["reserved_months"], 6);
    let vlans = sim
        .get(&format!("/servers/{name}/networks/net000015/vlans"))
        .await;
    assert_eq!(vlans.ok()["vlans"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn create_checks_scripts_as_documented() {
    let sim = Sim::start().await;
    let post = |extra: Value| {
        let sim = &sim;
        async move { sim.post("/servers", create_body(extra)).await }
    };
    let relative = "Cannot use relative path in user script";
    post(json!({"user_customize": "#!/bin/bash\n./install.sh"}))
        .await
        .error(400, relative);
    post(json!({"user_customize": "#!/bin/bash\ncd ../opt && make"}))
        .await
        .error(400, relative);
    post(json!({"user_customize": "#!/bin/bash\necho hi > ~/hello.txt"}))
        .await
        .error(400, relative);
    let powershell = "powershell script cannot be used in linux servers";
    post(json!({"user_customize": "#ps1\nWrite-Host hi"}))
        .await
        .error(400, powershell);
    post(json!({"user_customize": 2}))
        .await
        .error(400, powershell);
    post(json!({"user_customize": 1, "user_customize_env": "NAME bob"}))
        .await
        .error(400, "Invalid env variable format");
    post(json!({"user_customize": 1, "user_customize_env": "NAME=\"bob\" WORK=\"x\""}))
        .await
        .error(400, "Invalid env variable format");
    post(json!({"user_customize": "#!/bin/bash\necho", "user_customize_env": "A=1"}))
        .await
        .error(400, "Invalid env variable format");
    post(json!({"user_customize": 77}))
        .await
        .error(400, "script not found");
    // The same PowerShell script is fine on Windows, and absolute paths are fine on Linux.
    let win = json!({"plan": "eCS2W", "image": "windows-2022", "user_customize": 2});
    assert_eq!(post(win).await.status, 200);
    let ok = post(json!({"user_customize": "#!/bin/bash\necho ok > /root/out.txt"})).await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn delete_runs_an_action_then_the_server_is_gone() {
    let sim = Sim::start().await;
    let reply = sim.delete("/servers/ec200403").await;
    let action = reply.ok()["action"].clone();
    assert_eq!(action["type"], "delete_server");
    assert_eq!(action["status"], "in-progress");
    assert_eq!(action["resource_type"], "ECS");
    assert_eq!(sim.server("ec200403").await["status"], "Deleting");
    sim.get("/servers/ec200403/status")
        .await
        .error(400, "Unable to retrieve server status");
    sim.delete("/servers/ec200403")
        .await
        .error(400, "Server is already being deleted");
    sim.advance(10.0);
    sim.get("/servers/ec200403")
        .await
        .error(404, "server not found");
    let done = sim.action(action["id"].as_u64().unwrap()).await;
    assert_eq!(done["status"], "completed");
    assert_eq!(done["progress"], 100);
    assert_eq!(sim.get("/servers").await.ok()["count"], 6);
    sim.delete("/servers/ec200403")
        .await
        .error(404, "server not found");
}
