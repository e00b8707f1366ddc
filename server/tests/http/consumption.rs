//! `/consumption`, its server functions and the CSV download over HTTP, against a simulator: a
//! past month's rows adding up to its total, this month's estimate, a month not begun, twelve
//! months read in parallel, and the CSV equal to ECS's bytes, refused signed out, cross-site and
//! when too large.

use chrono::Datelike;
use serde_json::json;

use crate::harness::Rig;

/// The month before the simulator's now, as (year, month).
fn last_month(rig: &Rig) -> (i32, u32) {
    let now = rig.sim.store.now();
    if now.month() == 1 {
        (now.year() - 1, 12)
    } else {
        (now.year(), now.month() - 1)
    }
}

#[tokio::test]
async fn a_past_months_rows_add_up_and_this_month_has_an_estimate() {
    let rig = Rig::start(&[]).await;
    let (y, m) = last_month(&rig);
    let (ys, ms) = (y.to_string(), m.to_string());
    let (status, body) = rig
        .call(
            "consumption_month",
            &[("year", &ys), ("month", &ms), ("kind", "servers")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "Past");
    let rows = body["rows"].as_array().expect("rows");
    assert!(!rows.is_empty(), "the demo's servers ran last month");
    let sum: f64 = rows.iter().map(|r| r["cost"].as_f64().unwrap()).sum();
    assert!((sum - body["total"].as_f64().unwrap()).abs() < 1e-6);
    let costs: Vec<f64> = rows.iter().map(|r| r["cost"].as_f64().unwrap()).collect();
    assert!(costs.windows(2).all(|w| w[0] >= w[1]), "costliest first");
    assert!(body["projection"].is_null());

    let html = rig
        .page(&format!("/consumption?year={y}&month={m}&kind=servers"))
        .await
        .1;
    assert!(html.contains("data-testid=\"usage-total-cost\""));
    assert!(
        html.contains("data-testid=\"chart-resources\""),
        "the chart is in the HTML"
    );
    assert!(html.contains("<title>"), "bars carry their words");

    // This month: spent so far and an estimate that is not less.
    let (status, body) = rig.call("consumption_month", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["state"], "Current");
    let p = &body["projection"];
    assert!(p["projected"].as_f64().unwrap() >= p["so_far"].as_f64().unwrap());

    // Next year: not begun, and nothing asked of ECS.
    rig.forget();
    let next = (rig.sim.store.now().year() + 1).to_string();
    let (_, body) = rig
        .call("consumption_month", &[("year", &next), ("month", "1")])
        .await;
    assert_eq!(body["state"], "Future");
    assert!(rig
        .upstream()
        .iter()
        .all(|r| !r["path"].as_str().unwrap().contains("/billing")));

    let (status, body) = rig.call("consumption_month", &[("kind", "disks")]).await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &json!("kind")));
    let (status, body) = rig
        .call("consumption_month", &[("year", "2026"), ("month", "13")])
        .await;
    assert_eq!((status, &body["Invalid"]["field"]), (422, &json!("month")));
}

#[tokio::test]
async fn twelve_months_are_read_in_parallel() {
    let rig = Rig::start(&[]).await;
    rig.forget();
    let (status, body) = rig.call("consumption_history", &[]).await;
    assert_eq!(status, 200, "{body}");
    let months = body.as_array().expect("months");
    assert_eq!(months.len(), 12);
    let billing = rig
        .upstream()
        .into_iter()
        .filter(|r| r["path"].as_str().unwrap().contains("/billing/"))
        .count();
    assert_eq!(billing, 36, "three kinds a month");
    let last = &months[11]["month"];
    let now = rig.sim.store.now();
    assert_eq!(
        (last["year"].as_i64(), last["month"].as_u64()),
        (Some(now.year().into()), Some(now.month().into()))
    );
}

#[tokio::test]
async fn the_csv_is_ecs_own_bytes_and_refused_when_it_should_be() {
    let rig = Rig::start(&[]).await;
    let (y, m) = last_month(&rig);
    let path = format!("/consumption/export?year={y}&month={m}&kind=servers");
    let res = rig.panel.get(&path, Some(&rig.cookie)).await;
    assert_eq!(res.status(), 200);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        disposition,
        format!("attachment; filename=\"ecs-servers-{y}-{m:02}.csv\"")
    );
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let ours = res.bytes().await.unwrap();
    let theirs = reqwest::Client::new()
        .get(format!(
            "{}/billing/servers/{y}/{m}?type=csv",
            rig.sim.base_url()
        ))
        .header("X-APITOKEN", ecs_simulator::DEMO_API_TOKEN)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(ours, theirs, "the same bytes as ECS's");
    assert!(ours.starts_with(b"plan,name,"));
    // The token is never in the URL the panel calls.
    assert!(rig
        .upstream()
        .iter()
        .all(|r| !r["query"].as_str().unwrap_or_default().contains("token")));

    // Signed out: to sign-in, nothing fetched.
    let res = rig.panel.get(&path, None).await;
    assert_eq!(res.status(), 303);
    // Cross-site: refused.
    let res = crate::harness::client()
        .get(rig.panel.url(&path))
        .header("cookie", &rig.cookie)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Too large: words, not a broken file.
    rig.faults(json!({"oversize_bytes": 10 * 1024 * 1024}));
    let res = rig.panel.get(&path, Some(&rig.cookie)).await;
    assert_eq!(res.status(), 502);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("could not be downloaded"));
    rig.faults(json!({}));
    let res = rig
        .panel
        .get("/consumption/export?year=x&month=1", Some(&rig.cookie))
        .await;
    assert_eq!(res.status(), 400);
    let (_, html) = rig.page("/consumption").await;
    assert!(html.contains("data-testid=\"export-csv\""));
}

#[tokio::test]
async fn the_dashboard_counts_servers_by_state_and_lists_the_newest_actions() {
    let rig = Rig::start(&[]).await;
    let (status, body) = rig.call("overview", &[]).await;
    assert_eq!(status, 200, "{body}");
    let c = &body["servers"];
    let total = c["total"].as_u64().unwrap();
    let parts = ["ready", "busy", "failed"].map(|k| c[k].as_u64().unwrap());
    assert!(total > 0 && parts.iter().sum::<u64>() <= total, "{c}");
    // A small account: every ready server's power was asked.
    let (running, stopped) = (
        c["running"].as_u64().unwrap(),
        c["stopped"].as_u64().unwrap(),
    );
    assert_eq!(running + stopped, parts[0], "{c}");
    let recent = body["recent"].as_array().expect("recent");
    assert!(!recent.is_empty() && recent.len() <= 6);
    // The list filtered as the cards link it shows as many.
    let (_, html) = rig.page("/servers?status=Booted").await;
    assert!(
        html.contains(&format!("{} of {total} servers match", parts[0])),
        "ready"
    );
    let (_, html) = rig.page("/").await;
    assert!(html.contains("href=\"/servers?status=busy\""));
}
