//! A large demo account (`extra_servers`): 1,000 generated servers next to the 7 hand-made ones,
//! listed, distinct, and as alive as the others (power, status, metrics, delete).

use std::collections::HashSet;

use crate::harness::Sim;
use ecs_simulator::SimConfig;
use serde_json::json;

async fn big() -> Sim {
    Sim::start_with(SimConfig {
        extra_servers: 1_000,
        ..SimConfig::for_tests()
    })
    .await
}

#[tokio::test]
async fn the_demo_account_lists_1007_distinct_servers() {
    let sim = big().await;
    let body = sim.get("/servers").await.ok().clone();
    assert_eq!(body["count"], 1_007);
    let servers = body["server"].as_array().expect("server list");
    assert_eq!(servers.len(), 1_007);
    let field = |key: &str| -> HashSet<String> {
        servers
            .iter()
            .map(|s| s[key].as_str().unwrap_or_default().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    };
    assert_eq!(field("name").len(), 1_007, "names are unique");
    assert_eq!(field("ipv4").len(), 1_007, "IPv4 addresses are unique");
    assert_eq!(field("ipv6").len(), 1_007, "IPv6 addresses are unique");
    assert!(field("name").contains("ec300000") && field("name").contains("ec300999"));
    assert!(
        field("name").contains("ec200401"),
        "the hand-made ones stay"
    );
    let extra = sim.server("ec300042").await;
    assert!(extra["notes"].as_str().unwrap().ends_with("-0042"));
    // Other accounts are untouched.
    assert_eq!(
        sim.call(
            reqwest::Method::GET,
            "/servers",
            crate::harness::ALICE,
            None
        )
        .await
        .ok()["count"],
        1
    );
    // And so is the default world.
    assert_eq!(Sim::start().await.get("/servers").await.ok()["count"], 7);
}

#[tokio::test]
async fn a_generated_server_powers_off_and_is_deleted_like_any_other() {
    let sim = big().await;
    let status = |name: String| {
        let sim = &sim;
        async move {
            sim.get(&format!("/servers/{name}/status")).await.ok()["server"]["current_status"]
                .clone()
        }
    };
    // The first generated server that is running (about one in ten is powered off).
    let mut name = None;
    for i in 0..20 {
        let candidate = format!("ec{}", 300_000 + i);
        if status(candidate.clone()).await == "Running" {
            name = Some(candidate);
            break;
        }
    }
    let name = name.expect("a running generated server among the first 20");
    let metrics = sim.get(&format!("/servers/{name}/metrics")).await;
    assert_eq!(metrics.status, 200, "{}", metrics.text);

    let off = sim
        .post(
            &format!("/servers/{name}/actions"),
            json!({"type": "power_off"}),
        )
        .await;
    let id = off.ok()["id"].as_u64().expect("action id");
    sim.advance(6.0);
    assert_eq!(sim.action(id).await["status"], "completed");
    assert_eq!(status(name.clone()).await, "Shutoff");

    let deleted = sim.delete(&format!("/servers/{name}")).await;
    assert_eq!(deleted.status, 200, "{}", deleted.text);
    sim.advance(11.0);
    sim.get(&format!("/servers/{name}"))
        .await
        .error(404, "server not found");
    assert_eq!(sim.get("/servers").await.ok()["count"], 1_006);
}
