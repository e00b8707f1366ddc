//! The panel's HTTP surface over a real socket: SSR shell, health check, 404, server functions.

use crate::harness::Panel;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_reports_ok_and_version() {
    let panel = Panel::demo().await;
    let res = panel.get("/healthz", None).await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], app::VERSION);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_is_server_rendered_with_shell_data_and_hydration_scripts() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let res = panel.get("/", Some(&cookie)).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("<title>Dashboard · ECS Panel</title>"),
        "title missing: {html}"
    );
    assert!(html.contains(r#"aria-label="Main""#));
    for label in [
        "Servers",
        "Create",
        "Actions",
        "Templates",
        "Groups",
        "SSH keys",
        "Scripts",
        "Plans",
    ] {
        assert!(
            html.contains(&format!(">{label}<")),
            "nav link {label} missing"
        );
    }
    assert!(html.contains(&format!("v{}", app::VERSION)));
    assert!(
        html.contains("/pkg/ecs-panel.js"),
        "hydration script missing"
    );
    // Async SSR: the upstream data is in the first response, not fetched later.
    assert!(html.contains("demo@example.com"), "account data missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_path_is_a_404_page() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let res = panel.get("/definitely/not/here", Some(&cookie)).await;
    assert_eq!(res.status(), 404);
    let html = res.text().await.expect("body");
    assert!(html.contains("Page not found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_time_server_function_round_trips() {
    let panel = Panel::demo().await;
    let res = panel.post_form("/api/server_time", None, &[]).await;
    assert_eq!(res.status(), 200);
    let body: String = res.json().await.expect("json string");
    assert!(body.ends_with(" UTC"), "unexpected body {body}");
}
