//! Fault injection and the control API: each fault mode, scoping, limits, the request log,
//! reset, the clock, and the loopback-only guard.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use crate::harness::Sim;
use axum::extract::ConnectInfo;
use ecs_simulator::{FaultConfig, SimConfig};
use reqwest::Method;
use serde_json::{json, Value};
use tower::ServiceExt;

async fn set_faults(sim: &Sim, faults: Value) {
    let reply = sim.admin(Method::PUT, "/faults", Some(faults)).await;
    assert_eq!(reply.status, 200, "{}", reply.text);
}

#[tokio::test]
async fn faults_are_off_by_default_and_configurable_at_run_time() {
    let sim = Sim::start().await;
    assert_eq!(
        sim.admin(Method::GET, "/faults", None).await.json,
        serde_json::to_value(FaultConfig::default()).unwrap()
    );
    set_faults(&sim, json!({"maintenance": true})).await;
    assert_eq!(
        sim.admin(Method::GET, "/faults", None).await.json["maintenance"],
        true
    );
    let reply = sim.get("/servers").await;
    reply.error(503, "Service under maintenance");
    assert!(reply.headers.contains_key("retry-after"));
    sim.admin(Method::DELETE, "/faults", None).await.ok();
    assert_eq!(sim.get("/servers").await.status, 200);
    let bad = sim
        .admin(Method::PUT, "/faults", Some(json!({"error_rate": 2.0})))
        .await;
    assert_eq!(bad.status, 400);
    let unknown = sim
        .admin(Method::PUT, "/faults", Some(json!({"explode": true})))
        .await;
    assert_eq!(unknown.status, 400);
}

#[tokio::test]
async fn latency_is_added() {
    let sim = Sim::start().await;
    set_faults(&sim, json!({"latency_ms": 300})).await;
    let start = Instant::now();
    assert_eq!(sim.get("/regions").await.status, 200);
    assert!(start.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn error_rate_one_always_fails_with_a_5xx() {
    let sim = Sim::start().await;
    set_faults(&sim, json!({"error_rate": 1.0})).await;
    for _ in 0..6 {
        let status = sim.get("/regions").await.status;
        assert!([500, 502, 503].contains(&status), "{status}");
    }
}

#[tokio::test]
async fn hang_makes_clients_time_out() {
    let sim = Sim::start().await;
    set_faults(&sim, json!({"hang_ms": 1500})).await;
    let err = sim
        .client
        .get(sim.url("/regions"))
        .header("X-APITOKEN", crate::harness::DEMO)
        .timeout(Duration::from_millis(250))
        .send()
        .await
        .expect_err("no answer in time");
    assert!(err.is_timeout());
}

#[tokio::test]
async fn trickle_sends_the_real_body_slowly() {
    let sim = Sim::start().await;
    set_faults(&sim, json!({"trickle_ms": 5, "path_prefix": "/account"})).await;
    let start = Instant::now();
    let reply = sim.get("/account").await;
    let elapsed = start.elapsed();
    assert_eq!(reply.ok()["username"], "demo", "the body arrives intact");
    let chunks = reply.text.len() / 8;
    assert!(
        elapsed >= Duration::from_millis(5 * (chunks as u64 - 1)),
        "{elapsed:?} for {chunks} chunks"
    );
}

#[tokio::test]
async fn malformed_json_html_and_rate_limits() {
    let sim = Sim::start().await;
    set_faults(&sim, json!({"malformed_json": true})).await;
    let reply = sim.get("/regions").await;
    assert_eq!(reply.status, 200);
    assert!(
        serde_json::from_str::<Value>(&reply.text).is_err(),
        "truncated: {}",
        reply.text
    );
    assert!(
        reply.text.starts_with('{') && reply.text.contains("\"regions\""),
        "{}",
        reply.text
    );

    set_faults(&sim, json!({"html": true})).await;
    let reply = sim.get("/regions").await;
    assert_eq!(reply.status, 200);
    assert!(reply.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(reply.text.starts_with("<!DOCTYPE html>"));

    set_faults(&sim, json!({"rate_limit_secs": 7})).await;
    let reply = sim.get("/regions").await;
    reply.error(429, "Too many requests");
    assert_eq!(reply.headers["retry-after"], "7");
}

#[tokio::test]
async fn faults_can_be_scoped_and_limited() {
    let sim = Sim::start().await;
    set_faults(
        &sim,
        json!({"maintenance": true, "path_prefix": "/servers", "method": "POST"}),
    )
    .await;
    assert_eq!(sim.get("/servers").await.status, 200, "GET is out of scope");
    assert_eq!(sim.get("/regions").await.status, 200);
    let create = json!({"plan": "eCS1", "location": "it-fr2", "image": "debian-12"});
    assert_eq!(sim.post("/servers", create.clone()).await.status, 503);
    assert_eq!(
        sim.post("/regions/availables", json!({"plan": "eCS1"}))
            .await
            .status,
        200,
        "other path"
    );

    set_faults(&sim, json!({"error_rate": 1.0, "remaining": 2})).await;
    assert!(sim.get("/regions").await.status >= 500);
    assert!(sim.get("/regions").await.status >= 500);
    assert_eq!(
        sim.get("/regions").await.status,
        200,
        "only the next two requests"
    );
    assert_eq!(
        sim.admin(Method::GET, "/faults", None).await.json["remaining"],
        0
    );
}

#[tokio::test]
async fn a_status_fault_answers_exactly_that_status() {
    let sim = Sim::start().await;
    for status in [500u16, 501, 502, 503, 504, 418] {
        let set = sim
            .admin(Method::PUT, "/faults", Some(json!({ "status": status })))
            .await;
        assert_eq!(set.status, 200, "{status}");
        assert_eq!(sim.get("/regions").await.status, status);
    }
    let refused = sim
        .admin(Method::PUT, "/faults", Some(json!({ "status": 200 })))
        .await;
    assert_eq!(refused.status, 400, "only error statuses");
}

#[tokio::test]
async fn faults_can_be_set_for_a_whole_run() {
    let config = SimConfig {
        faults: FaultConfig {
            rate_limit_secs: Some(3),
            path_prefix: Some("/plans".into()),
            ..FaultConfig::default()
        },
        ..SimConfig::for_tests()
    };
    let sim = Sim::start_with(config).await;
    assert_eq!(sim.get("/plans").await.status, 429);
    assert_eq!(sim.get("/regions").await.status, 200);
}

#[tokio::test]
async fn the_request_log_records_what_clients_sent_without_secrets() {
    let sim = Sim::start().await;
    sim.login("demo", "demo").await;
    let body = json!({"plan": "eCS1", "location": "it-fr2", "image": "debian-12", "notes": "logged",
        "user_customize": 1, "user_customize_env": "NAME=\"x\""});
    sim.post("/servers", body).await.ok();
    sim.get("/actions?length=2").await.ok();
    let log = sim.admin(Method::GET, "/requests?limit=3", None).await;
    let entries = log.ok()["requests"].as_array().unwrap().clone();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["path"], "/ecs/v2/login");
    assert_eq!(entries[0]["auth"], Value::Null);
    assert_eq!(entries[0]["body"]["username"], "demo");
    // sha256("demo")
    assert_eq!(
        entries[0]["body"]["password"],
        "sha256:2a97516c354b68848cdbd8f54a226a0a55b21ed138e207ad6c5cbb9c00aa5aea"
    );
    assert_eq!(entries[1]["method"], "POST");
    assert_eq!(entries[1]["auth"], "apitoken");
    assert_eq!(entries[1]["body"]["notes"], "logged");
    assert_eq!(entries[1]["body"]["user_customize"], 1);
    // sha256 of the five bytes `NAME="x"`
    assert_eq!(
        entries[1]["body"]["user_customize_env"],
        "sha256:510c68d1296b8e6c42f62095e84560506320dae37baeb6111305398aafaebefc"
    );
    assert_eq!(entries[1]["status"], 200);
    assert_eq!(entries[2]["query"], "length=2");
    assert!(
        !log.text.contains("demo-api-token"),
        "tokens are never recorded"
    );
    assert!(
        !log.text.contains("NAME="),
        "script env values are never recorded"
    );
    sim.admin(Method::DELETE, "/requests", None).await.ok();
    assert_eq!(
        sim.admin(Method::GET, "/requests", None).await.json["requests"],
        json!([])
    );
}

#[tokio::test]
async fn the_request_log_tells_which_secret_arrived_by_its_digest() {
    let sim = Sim::start().await;
    let env = "NAME=\"bob\"\nTOKEN=\"s3cr3t-env\"";
    let body = json!({"plan": "eCS1", "location": "it-fr2", "image": "debian-12",
        "user_customize": 1, "user_customize_env": env});
    sim.post("/servers", body).await.ok();
    let log = sim.admin(Method::GET, "/requests?limit=1", None).await;
    let entry = &log.ok()["requests"][0];
    // `printf 'NAME="bob"\nTOKEN="s3cr3t-env"' | sha256sum`
    assert_eq!(
        entry["body"]["user_customize_env"],
        "sha256:f063c6048c3aedb5bddf981e5ef0de5a307c115aa4f378922b0ac88021bb873a"
    );
    assert!(
        !log.text.contains("s3cr3t"),
        "the value itself is not in the log"
    );

    // A login that failed is recorded with the digest of what was sent, not of the right password.
    let wrong = sim
        .call(
            Method::POST,
            "/login",
            "",
            Some(json!({"username": "demo", "password": "alice"})),
        )
        .await;
    wrong.error(401, "Invalid credentials");
    let log = sim.admin(Method::GET, "/requests?limit=1", None).await;
    assert_eq!(
        log.ok()["requests"][0]["body"]["password"],
        // sha256("alice")
        "sha256:2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90"
    );
}

#[tokio::test]
async fn reset_restores_the_seeded_world_and_the_clock_moves_on_request() {
    let sim = Sim::start().await;
    sim.delete("/servers/ec200403").await.ok();
    let before = sim.admin(Method::GET, "/clock", None).await.json["now"].clone();
    let moved = sim
        .admin(
            Method::POST,
            "/clock/advance",
            Some(json!({"seconds": 3600})),
        )
        .await;
    assert_ne!(moved.ok()["now"], before);
    sim.get("/servers/ec200403")
        .await
        .error(404, "server not found");
    set_faults(&sim, json!({"latency_ms": 1})).await;
    sim.admin(Method::POST, "/reset", None).await.ok();
    assert_eq!(sim.server("ec200403").await["notes"], "staging");
    assert_eq!(
        sim.admin(Method::GET, "/faults", None).await.json["latency_ms"],
        0
    );
    sim.admin(Method::POST, "/clock/advance", Some(json!({})))
        .await
        .error(400, "Topic 'seconds' required");
    let accounts = sim.admin(Method::GET, "/accounts", None).await;
    assert_eq!(
        accounts.ok()["accounts"][0]["api_token"],
        crate::harness::DEMO
    );
}

#[tokio::test]
async fn the_control_api_refuses_non_loopback_peers() {
    let store = ecs_simulator::Store::new(SimConfig::for_tests(), ecs_simulator::Clock::manual());
    let request = |peer: Option<SocketAddr>| {
        let mut req = http::Request::get("/__sim/faults")
            .body(axum::body::Body::empty())
            .unwrap();
        if let Some(peer) = peer {
            req.extensions_mut().insert(ConnectInfo(peer));
        }
        req
    };
    let remote = ecs_simulator::router(store.clone())
        .oneshot(request(Some(SocketAddr::from(([10, 1, 2, 3], 5555)))))
        .await
        .unwrap();
    assert_eq!(remote.status(), 403);
    let unknown = ecs_simulator::router(store.clone())
        .oneshot(request(None))
        .await
        .unwrap();
    assert_eq!(unknown.status(), 403, "fail closed without a peer address");
    let local = ecs_simulator::router(store)
        .oneshot(request(Some(SocketAddr::from(([127, 0, 0, 1], 5555)))))
        .await
        .unwrap();
    assert_eq!(local.status(), 200);
}
