//! Authentication: login forms, both auth headers, JWT claims and expiry, API keys, forced expiry,
//! the account endpoints.

use crate::harness::{base64url_decode, Sim, ALICE, DEMO};
use ecs_simulator::SimConfig;
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn json_login_issues_an_hs256_jwt_with_the_documented_claims() {
    let sim = Sim::start().await;
    let reply = Sim::reply(
        sim.client
            .post(sim.url("/login"))
            .json(&json!({"username": "demo", "password": "demo"}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let body = reply.ok();
    assert_eq!(body["status"], "ok");
    let token = body["token"].as_str().unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3);
    let header: Value = serde_json::from_slice(&base64url_decode(parts[0])).unwrap();
    assert_eq!(header["alg"], "HS256");
    let claims: Value = serde_json::from_slice(&base64url_decode(parts[1])).unwrap();
    assert_eq!(claims["username"], "demo");
    assert_eq!(claims["email"], "demo@example.com");
    let exp = claims["exp"].as_i64().unwrap();
    assert_eq!(body["expire"].as_i64(), Some(exp));
    assert_eq!(
        exp - claims["nbf"].as_i64().unwrap(),
        4 * 3600,
        "default lifetime is 4 h"
    );
}

#[tokio::test]
async fn multipart_and_urlencoded_logins_work_too() {
    let sim = Sim::start().await;
    let form = reqwest::multipart::Form::new()
        .text("username", "alice")
        .text("password", "alice");
    let reply = Sim::reply(
        sim.client
            .post(sim.url("/login"))
            .multipart(form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let token = reply.ok()["token"].as_str().unwrap().to_string();
    let servers = sim.get_bearer("/servers", &token).await;
    assert_eq!(servers.ok()["count"], 1, "alice sees her own world");

    let reply = Sim::reply(
        sim.client
            .post(sim.url("/login"))
            .form(&[("username", "demo"), ("password", "demo")])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(reply.ok()["status"], "ok");
}

#[tokio::test]
async fn bad_credentials_and_missing_fields_are_refused() {
    let sim = Sim::start().await;
    let wrong = sim
        .call(
            Method::POST,
            "/login",
            "",
            Some(json!({"username": "demo", "password": "nope"})),
        )
        .await;
    wrong.error(401, "Invalid credentials");
    let missing = sim
        .call(
            Method::POST,
            "/login",
            "",
            Some(json!({"password": "demo"})),
        )
        .await;
    missing.error(400, "Topic 'username' required");
    let missing = sim
        .call(
            Method::POST,
            "/login",
            "",
            Some(json!({"username": "demo"})),
        )
        .await;
    missing.error(400, "Topic 'password' required");
}

#[tokio::test]
async fn both_headers_are_accepted_and_anything_else_is_401() {
    let sim = Sim::start().await;
    let jwt = sim.login("demo", "demo").await;
    assert_eq!(sim.get_bearer("/servers", &jwt).await.ok()["count"], 7);
    assert_eq!(
        sim.get("/servers").await.ok()["count"],
        7,
        "X-APITOKEN with the fixed demo token"
    );
    // The docs also show the bare token in Authorization.
    let raw = Sim::reply(
        sim.client
            .get(sim.url("/servers"))
            .header("Authorization", &jwt)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(raw.status, 200);

    sim.call(Method::GET, "/servers", "", None)
        .await
        .error(401, "Missing authentication token");
    sim.call(Method::GET, "/servers", "not-a-token", None)
        .await
        .error(401, "Invalid token");
    sim.get_bearer("/servers", "a.b.c")
        .await
        .error(401, "Invalid token");
    let unauthorized = sim.call(Method::GET, "/servers", "", None).await;
    assert_eq!(
        unauthorized
            .headers
            .get("www-authenticate")
            .map(|v| v.to_str().unwrap()),
        Some("Bearer")
    );
}

#[tokio::test]
async fn a_jwt_signed_with_another_secret_is_refused() {
    let sim = Sim::start().await;
    let claims =
        json!({"exp": 4_000_000_000i64, "nbf": 0, "username": "demo", "email": "demo@example.com"});
    let forged = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"not the simulator's secret"),
    )
    .unwrap();
    sim.get_bearer("/servers", &forged)
        .await
        .error(401, "Invalid token");
}

#[tokio::test]
async fn jwts_expire_with_the_simulated_clock() {
    let sim = Sim::start_with(SimConfig {
        token_lifetime_secs: 60,
        ..SimConfig::for_tests()
    })
    .await;
    let jwt = sim.login("demo", "demo").await;
    sim.advance(59.0);
    assert_eq!(sim.get_bearer("/account", &jwt).await.status, 200);
    sim.advance(2.0);
    sim.get_bearer("/account", &jwt)
        .await
        .error(401, "Token expired");
    // API keys never expire.
    sim.advance(86_400.0 * 365.0);
    assert_eq!(sim.get("/account").await.status, 200);
}

#[tokio::test]
async fn api_keys_can_be_created_listed_renamed_and_deleted() {
    let sim = Sim::start().await;
    let created = sim.post("/keys", json!({"notes": "my-ci"})).await;
    let token = created.ok()["token"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 128);
    assert_eq!(
        sim.call(Method::GET, "/account", &token, None).await.ok()["username"],
        "demo"
    );

    let keys = sim.get("/keys").await;
    let list = keys
        .ok()
        .as_array()
        .expect("GET /keys is a bare array")
        .clone();
    let mine = list
        .iter()
        .find(|k| k["notes"] == "my-ci")
        .expect("new key listed");
    assert!(mine.get("token").is_none(), "the token is shown only once");
    let id = mine["id"].as_u64().unwrap();

    assert_eq!(
        sim.put(&format!("/keys/{id}"), json!({"notes": "renamed"}))
            .await
            .ok()["status"],
        "ok"
    );
    let keys = sim.get("/keys").await;
    assert!(keys
        .ok()
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k["notes"] == "renamed"));

    sim.delete(&format!("/keys/{id}")).await.ok();
    sim.call(Method::GET, "/account", &token, None)
        .await
        .error(401, "Invalid token");
    sim.delete(&format!("/keys/{id}"))
        .await
        .error(404, "key not found");
    sim.put("/keys/999", json!({"notes": "x"}))
        .await
        .error(404, "key not found");
}

#[tokio::test]
async fn forced_expiry_revokes_one_accounts_sessions_only() {
    let sim = Sim::start().await;
    let jwt = sim.login("demo", "demo").await;
    let expired = sim
        .admin(
            Method::POST,
            "/expire-tokens",
            Some(json!({"username": "demo"})),
        )
        .await;
    assert_eq!(expired.ok()["accounts"], json!(["demo"]));
    sim.get_bearer("/servers", &jwt)
        .await
        .error(401, "Token expired");
    sim.get("/servers").await.error(401, "Invalid token");
    assert_eq!(
        sim.call(Method::GET, "/servers", ALICE, None).await.status,
        200
    );
    // Signing in again works.
    let fresh = sim.login("demo", "demo").await;
    assert_eq!(sim.get_bearer("/servers", &fresh).await.status, 200);
}

#[tokio::test]
async fn forced_expiry_after_n_calls() {
    let sim = Sim::start().await;
    sim.admin(
        Method::POST,
        "/expire-tokens",
        Some(json!({"username": "demo", "after_calls": 2})),
    )
    .await
    .ok();
    assert_eq!(sim.get("/regions").await.status, 200);
    assert_eq!(sim.get("/regions").await.status, 200);
    sim.get("/regions").await.error(401, "Token expired");
    sim.get("/regions").await.error(401, "Invalid token");
    sim.admin(
        Method::POST,
        "/expire-tokens",
        Some(json!({"username": "nobody"})),
    )
    .await
    .error(404, "account not found");
}

#[tokio::test]
async fn expiry_after_calls_can_be_configured_per_run() {
    let sim = Sim::start_with(SimConfig {
        expire_after_calls: Some(1),
        ..SimConfig::for_tests()
    })
    .await;
    assert_eq!(sim.get("/account").await.status, 200);
    assert_eq!(sim.get("/account").await.status, 401);
}

#[tokio::test]
async fn account_information_and_password_change() {
    let sim = Sim::start().await;
    let account = sim.get("/account").await;
    let body = account.ok();
    assert_eq!(body["username"], "demo");
    assert_eq!(body["reserved_available"], true);
    for key in [
        "email",
        "offline_available",
        "ecs_special_discount",
        "ecshm_special_discount",
        "ecsgpu_special_discount",
    ] {
        assert!(body.get(key).is_some(), "missing {key}");
    }
    sim.post("/account", json!({}))
        .await
        .error(400, "Topic 'password' required");
    assert_eq!(
        sim.post("/account", json!({"password": "n3w-secret"}))
            .await
            .ok()["status"],
        "ok"
    );
    let old = sim
        .call(
            Method::POST,
            "/login",
            "",
            Some(json!({"username": "demo", "password": "demo"})),
        )
        .await;
    old.error(401, "Invalid credentials");
    sim.login("demo", "n3w-secret").await;
    // The other account is untouched.
    sim.login("alice", "alice").await;
    assert_eq!(
        sim.call(Method::GET, "/account", ALICE, None).await.ok()["reserved_available"],
        false
    );
    let _ = DEMO;
}
