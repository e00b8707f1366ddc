//! Actions history and paging, logs, billing (JSON and CSV), metrics, forms switch, unknown routes.

use crate::harness::{Sim, ALICE};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn actions_are_paged_newest_first_and_filtered_by_resource() {
    let sim = Sim::start().await;
    let first = sim.get("/actions").await;
    let body = first.ok().clone();
    let total = body["total_actions"].as_u64().unwrap();
    assert!(total >= 300, "months of history: {total}");
    let page = body["actions"].as_array().unwrap();
    assert_eq!(page.len(), 50, "50 by default");
    let ids: Vec<u64> = page.iter().map(|a| a["id"].as_u64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first");
    assert!(page.iter().any(|a| a["type"] == "power_off"));

    let second = sim.get("/actions?start=40&length=20").await;
    let second = second.ok()["actions"].as_array().unwrap().clone();
    assert_eq!(second.len(), 20);
    assert_eq!(second[0]["id"], page[40]["id"]);

    let filtered = sim.get("/actions?resource=ec200401&start=1&length=3").await;
    let filtered = filtered.ok().clone();
    assert!(filtered["total_actions"].as_u64().unwrap() > 3);
    assert_eq!(filtered["actions"].as_array().unwrap().len(), 3);
    assert!(filtered["actions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["resource"] == "ec200401"));

    let history = sim.get("/actions?length=1000").await;
    let all = history.ok()["actions"].as_array().unwrap().clone();
    assert!(
        all.iter().any(|a| a["status"] == "failed"),
        "some creations failed in the past"
    );
    assert!(all.iter().any(|a| a["type"] == "delete_server"));

    sim.get("/actions?start=abc")
        .await
        .error(400, "Invalid pagination parameters");
    sim.get("/actions/999999")
        .await
        .error(404, "action not found");
    let demo_action = page[0]["id"].as_u64().unwrap();
    sim.call(Method::GET, &format!("/actions/{demo_action}"), ALICE, None)
        .await
        .error(404, "action not found");
    let alice = sim.call(Method::GET, "/actions", ALICE, None).await;
    assert!(alice.ok()["total_actions"].as_u64().unwrap() < 20);
}

#[tokio::test]
async fn logs_are_paged_and_fetchable_by_id() {
    let sim = Sim::start().await;
    sim.login("demo", "demo").await;
    let logs = sim.get("/logs?length=5").await;
    let body = logs.ok().clone();
    assert!(body["total_logs"].as_u64().unwrap() > 300);
    let list = body["logs"].as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(
        list[0]["action"], "Login",
        "the login just made is the newest entry"
    );
    assert_eq!(list[0]["url"], "https://api.seeweb.it/ecs/v2/login");
    let id = list[0]["id"].as_u64().unwrap();
    let one = sim.get(&format!("/logs/{id}")).await;
    assert_eq!(one.ok()["id"], id, "a bare log entry");
    sim.get("/logs/0").await.error(404, "log not found");
    let filtered = sim.get("/logs?resource=ec200402").await;
    assert!(filtered.ok()["logs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["target"] == "ec200402"));
}

#[tokio::test]
async fn billing_in_json_and_csv() {
    let sim = Sim::start().await;
    let now = chrono::Utc::now();
    let (year, month) = (chrono::Datelike::year(&now), chrono::Datelike::month(&now));
    let prev = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    let servers = sim
        .get(&format!("/billing/servers/{}/{}?type=json", prev.0, prev.1))
        .await;
    let rows = servers.ok().as_array().expect("a bare array").clone();
    assert!(
        rows.len() >= 6,
        "the seeded servers ran all last month: {}",
        rows.len()
    );
    let web = rows.iter().find(|r| r["name"] == "ec200401").unwrap();
    assert!(web["billed_hours"].as_i64().unwrap() >= 28 * 24);
    assert!(web["cost"].as_f64().unwrap() > 10.0);
    let erp = rows.iter().find(|r| r["name"] == "ec200404").unwrap();
    let erp_summary = &erp["summary"];
    assert_eq!(
        erp_summary["reserved_discounts"][0]["reserved_discount"],
        15
    );
    assert!(erp["cost"].as_f64().unwrap() < erp_summary["original_cost"].as_f64().unwrap());

    let csv = sim
        .get(&format!("/billing/servers/{}/{}?type=csv", prev.0, prev.1))
        .await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let mut lines = csv.text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("plan,name,group,notes,status"));
    assert_eq!(lines.count(), rows.len());

    let templates = sim
        .get(&format!("/billing/templates/{}/{}", prev.0, prev.1))
        .await;
    assert!(templates
        .ok()
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["name"] == "ei100001"));
    let snapshots = sim.get(&format!("/billing/snapshots/{year}/{month}")).await;
    let snapshots = snapshots.ok().clone();
    assert_eq!(snapshots["year"], year);
    assert_eq!(
        snapshots["rows_count"],
        snapshots["snapshots"].as_array().unwrap().len()
    );

    sim.get("/billing/servers/2025/13")
        .await
        .error(400, "Invalid date: use /{year}/{month}");
    sim.get("/billing/servers/2025/1?type=xml")
        .await
        .error(400, "Invalid type: use json or csv");
    sim.get("/billing/disks/2025/1").await.error(
        404,
        "billing type not found: use servers, templates or snapshots",
    );
    let future = sim.get("/billing/servers/2999/1").await;
    assert_eq!(future.ok(), &json!([]));
}

fn points(metrics: &Value, path: &[&str]) -> Vec<Value> {
    let mut cur = &metrics["metrics"];
    for p in path {
        cur = &cur[*p];
    }
    cur.as_array().unwrap().clone()
}

#[tokio::test]
async fn metrics_are_deterministic_plausible_series() {
    let sim = Sim::start().await;
    let reply = sim.get("/servers/ec200401/metrics").await;
    let metrics = reply.ok().clone();
    assert_eq!(metrics["metrics"]["resource"], "ec200401");
    let core = points(&metrics, &["core"]);
    assert!(
        (287..=289).contains(&core.len()),
        "24 h at 5 minutes: {}",
        core.len()
    );
    for series in [
        vec!["disk", "reads"],
        vec!["disk", "writes"],
        vec!["network", "received"],
        vec!["network", "transmitted"],
    ] {
        assert_eq!(points(&metrics, &series).len(), core.len());
    }
    let t0 =
        chrono::NaiveDateTime::parse_from_str(core[0]["t"].as_str().unwrap(), "%Y-%m-%d %H:%M:%S")
            .unwrap();
    let t1 =
        chrono::NaiveDateTime::parse_from_str(core[1]["t"].as_str().unwrap(), "%Y-%m-%d %H:%M:%S")
            .unwrap();
    assert_eq!((t1 - t0).num_seconds(), 300);
    let values: Vec<f64> = core
        .iter()
        .map(|p| p["y"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(values.iter().all(|v| (0.0..=100.0).contains(v)));
    assert!(values.iter().any(|v| *v > 0.0));
    // Same question, same answer.
    assert_eq!(sim.get("/servers/ec200401/metrics").await.ok(), &metrics);

    // An explicit range, clipped to the server's life (created 60 days ago).
    let range = sim
        .get("/servers/ec200403/metrics?start=2000-01-01T00:00:00Z&end=2000-01-02T00:00:00Z")
        .await;
    assert_eq!(
        points(range.ok(), &["core"]).len(),
        0,
        "nothing before the server existed"
    );
    let end = chrono::Utc::now();
    let start = end - chrono::Duration::days(70);
    let url = format!(
        "/servers/ec200403/metrics?start={}&end={}",
        start.format("%Y-%m-%dT%H:%M:%S"),
        end.format("%Y-%m-%dT%H:%M:%S")
    );
    let long = sim.get(&url).await;
    let long_core = points(long.ok(), &["core"]);
    assert!(
        long_core.len() < 61 * 288 && long_core.len() > 59 * 288,
        "{}",
        long_core.len()
    );
    // staging has been off for three days: its last values are zero.
    assert_eq!(long_core.last().unwrap()["y"], "0.00");

    sim.get("/servers/ec200401/metrics?start=yesterday")
        .await
        .error(400, "Invalid date format for 'start': use ISO 8601");
    sim.get("/servers/ec200401/metrics?start=2025-01-01&end=2025-06-01")
        .await
        .error(400, "Range too large: at most 90 days");
    sim.get("/servers/ec200401/metrics?start=2025-02-01&end=2025-01-01")
        .await
        .error(400, "'end' must be after 'start'");
    // As documented, some servers have no metrics (the v1 one here).
    sim.get("/servers/ec200399/metrics")
        .await
        .error(400, "Metrics are not available for this server");
}

#[tokio::test]
async fn legacy_metrics_are_timestamp_value_pairs() {
    let sim = Sim::legacy().await;
    let recent = sim.get("/servers/ec200401/metrics").await;
    let core = points(recent.ok(), &["core"]);
    assert!(core[0][0].is_f64());
    assert!(core[0][1].is_string());
}

#[tokio::test]
async fn the_forms_can_be_switched_at_run_time() {
    let sim = Sim::start().await;
    assert_eq!(sim.server("ec200401").await["plan_size"]["core"], "2");
    sim.admin(Method::PUT, "/forms", Some(json!({"legacy": true})))
        .await
        .ok();
    let server = sim.server("ec200401").await;
    assert_eq!(server["plan_size"]["core"], 2);
    assert!(!server["creation_date"].as_str().unwrap().contains('T'));
    let status = sim.get("/servers/ec200401/status").await;
    assert_eq!(
        status.ok()["current_status"],
        "RUNNING",
        "flat status in the older form"
    );
    let power = sim
        .post("/servers/ec200401/actions", json!({"type": "power_off"}))
        .await;
    assert_eq!(power.ok()["action"]["type"], "power_off", "wrapped action");
    let templates = sim.get("/templates").await;
    assert_eq!(templates.ok()["templates"][0]["status"], "Created");
    let reserved = sim
        .post(
            "/servers/ec200402/reserved",
            json!({"reserved_plan": "M3PECS4"}),
        )
        .await;
    assert_eq!(reserved.ok()["reserved_month"], 3);
    sim.admin(Method::PUT, "/forms", Some(json!({"legacy": false})))
        .await
        .ok();
    assert_eq!(sim.server("ec200401").await["plan_size"]["core"], "2");
}

#[tokio::test]
async fn unknown_routes_and_bodies() {
    let sim = Sim::start().await;
    sim.get("/nothing-here").await.error(404, "Not found");
    let bad = sim
        .client
        .post(sim.url("/servers"))
        .header("X-APITOKEN", crate::harness::DEMO)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    Sim::reply(bad).await.error(400, "Invalid JSON body");
}
