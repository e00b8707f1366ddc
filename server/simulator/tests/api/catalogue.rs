//! Catalogue: regions, availability (which follows host capacity), plans, images; live vs legacy.

use crate::harness::{Sim, ALICE};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn regions_list_the_four_datacenters() {
    let sim = Sim::start().await;
    let regions = sim.get("/regions").await;
    let list = regions.ok()["regions"].as_array().unwrap().clone();
    let locations: Vec<&str> = list
        .iter()
        .map(|r| r["location"].as_str().unwrap())
        .collect();
    assert_eq!(locations, ["it-mi2", "it-fr2", "ch-lug1", "bg-sof1"]);
    assert_eq!(
        list[1],
        json!({"id": 3, "location": "it-fr2", "description": "Frosinone"})
    );
    // The live service's name (the docs say "Milan").
    assert_eq!(
        list[0],
        json!({"id": 2, "location": "it-mi2", "description": "Milano"})
    );

    let legacy = Sim::legacy().await;
    let regions = legacy.get("/regions").await;
    assert!(
        regions.ok()["regions"][0].get("id").is_none(),
        "legacy items have no id"
    );
}

#[tokio::test]
async fn available_regions_follow_capacity_and_offer() {
    let sim = Sim::start().await;
    let regions = |plan: &'static str| {
        let sim = &sim;
        async move {
            sim.post("/regions/availables", json!({"plan": plan}))
                .await
                .ok()["regions"]
                .clone()
        }
    };
    assert_eq!(
        regions("eCS1").await,
        json!(["it-mi2", "it-fr2", "ch-lug1", "bg-sof1"])
    );
    assert_eq!(
        regions("eCS6").await,
        json!(["it-mi2", "it-fr2"]),
        "sold out in ch-lug1"
    );
    assert_eq!(
        regions("eCS5").await,
        json!(["it-mi2", "it-fr2", "ch-lug1"])
    );
    assert_eq!(
        regions("ECS1GPU7").await,
        json!([]),
        "the L40s host is full"
    );
    assert_eq!(
        regions("ecs1gpu").await,
        json!(["it-fr2"]),
        "names match without case"
    );
    sim.post("/regions/availables", json!({}))
        .await
        .error(400, "Topic 'plan' required");
    sim.post("/regions/availables", json!({"plan": "eCS99"}))
        .await
        .error(400, "plan not found");

    let legacy = Sim::legacy().await;
    let nested = legacy
        .post("/regions/availables", json!({"plan": "eCS6"}))
        .await;
    assert_eq!(nested.ok()["regions"], json!([["it-mi2", "it-fr2"]]));
}

#[tokio::test]
async fn plans_carry_the_live_catalogue() {
    let sim = Sim::start().await;
    let plans = sim.get("/plans").await;
    let list = plans.ok()["plans"].as_array().unwrap().clone();
    let plan = |name: &str| list.iter().find(|p| p["name"] == name).unwrap().clone();
    let ecs1 = plan("eCS1");
    assert_eq!(ecs1["cpu"], "1");
    assert_eq!(ecs1["ram"], "1024");
    assert_eq!(ecs1["disk"], "20");
    assert_eq!(ecs1["hourly_price"], 0.019);
    assert_eq!(ecs1["montly_price"], 14.0);
    assert_eq!(ecs1["available_regions"].as_array().unwrap().len(), 4);
    assert_eq!(plan("eCS6")["montly_price"], 109.0);
    assert_eq!(plan("eCS6W")["windows"], true);
    assert_eq!(plan("eCS6W")["montly_price"], 247.0);
    assert_eq!(plan("eCS5HM")["ram"], "983040");
    let gpu = plan("ECS1GPU3");
    assert_eq!(gpu["gpu_label"], "A100 80GB");
    let gpu_regions: Vec<Value> = gpu["available_regions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["location"].clone())
        .collect();
    assert_eq!(gpu_regions, vec![json!("it-fr2")]);
    assert_eq!(plan("ECS8GPU9")["montly_price"], 13536.0);
    assert!(list.len() >= 24);

    let legacy = Sim::legacy().await;
    let plans = legacy.get("/plans").await;
    let first = plans.ok()["plans"][0].clone();
    assert_eq!(first["cpu"], 1, "legacy sizes are numbers");
    assert_eq!(
        first["montly_price"], 14,
        "legacy monthly price is an integer"
    );
}

#[tokio::test]
async fn plans_availables_lists_hosts_and_your_servers_on_them() {
    let sim = Sim::start().await;
    let reply = sim.get("/plans/availables").await;
    let plans = reply.ok()["plans"].as_array().unwrap().clone();
    assert!(
        !plans.iter().any(|p| p["name"] == "ECS1GPU7"),
        "sold out plans are absent"
    );
    let ecs6 = plans.iter().find(|p| p["name"] == "eCS6").unwrap();
    let regions: Vec<&str> = ecs6["region_availables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"].as_str().unwrap())
        .collect();
    assert_eq!(regions, ["it-mi2", "it-fr2"]);
    let windows = plans.iter().find(|p| p["name"] == "eCS2W").unwrap();
    let images: Vec<&str> = windows["os_availables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(images, ["windows-2016", "windows-2019", "windows-2022"]);

    let hosts = |plans: &[Value]| -> Vec<Value> {
        let ecs1 = plans.iter().find(|p| p["name"] == "eCS1").unwrap();
        let fr2 = ecs1["region_availables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["region"] == "it-fr2")
            .unwrap();
        fr2["hosts"].as_array().unwrap().clone()
    };
    let demo_hosts = hosts(&plans);
    let ecs560 = demo_hosts
        .iter()
        .find(|h| h["host"] == "ecs560.host.seeweb.it")
        .unwrap();
    assert_eq!(
        ecs560["servers"],
        json!([{"name": "ec200401", "notes": "web-1"}])
    );

    // alice shares the host but sees only her own server on it.
    let alice = sim
        .call(Method::GET, "/plans/availables", ALICE, None)
        .await;
    let alice_hosts = hosts(alice.ok()["plans"].as_array().unwrap());
    let ecs560 = alice_hosts
        .iter()
        .find(|h| h["host"] == "ecs560.host.seeweb.it")
        .unwrap();
    assert_eq!(
        ecs560["servers"],
        json!([{"name": "ec200407", "notes": "alice-blog"}])
    );
}

#[tokio::test]
async fn images_basics_and_cloud() {
    let sim = Sim::start().await;
    let basics = sim.get("/images/basics").await;
    let list = basics.ok()["images"].as_array().unwrap().clone();
    let names: Vec<&str> = list.iter().map(|i| i["name"].as_str().unwrap()).collect();
    for expected in [
        "ubuntu-2004",
        "ubuntu-2204",
        "ubuntu-2404",
        "debian-10",
        "debian-11",
        "debian-12",
        "almalinux-8",
        "almalinux-9",
        "windows-2016",
        "windows-2019",
        "windows-2022",
    ] {
        assert!(names.contains(&expected), "{expected} missing");
    }
    assert_eq!(list.len(), 11);
    assert!(list
        .iter()
        .all(|i| i["status"] == "CD" && i["cloud_image"] == false));
    let cloud = sim.get("/images/cloud-images").await;
    let cloud = cloud.ok()["images"].as_array().unwrap().clone();
    assert!(cloud
        .iter()
        .any(|i| i["name"] == "sci-gpu-seeweb-ai-ubuntu-2204"));
    assert!(cloud.iter().all(|i| i["cloud_image"] == true));

    let legacy = Sim::legacy().await;
    let basics = legacy.get("/images/basics").await;
    assert_eq!(basics.ok()["images"][0]["status"], "Created");
}
