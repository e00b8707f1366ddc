//! The panel's HTTP surface over a real socket: SSR shell, health check, 404, server functions.

use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;

async fn spawn_panel() -> String {
    let options = LeptosOptions::builder().output_name("ecs-panel").build();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(server::serve(listener, server::panel_router(options)));
    format!("http://{addr}")
}

#[tokio::test]
async fn healthz_reports_ok_and_version() {
    let base = spawn_panel().await;
    let res = reqwest::get(format!("{base}/healthz"))
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["version"], app::VERSION);
}

#[tokio::test]
async fn home_is_server_rendered_with_shell_and_hydration_scripts() {
    let base = spawn_panel().await;
    let res = reqwest::get(format!("{base}/")).await.expect("request");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("body");
    assert!(
        html.contains("<title>ECS Panel</title>"),
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
}

#[tokio::test]
async fn unknown_path_is_a_404_page() {
    let base = spawn_panel().await;
    let res = reqwest::get(format!("{base}/definitely/not/here"))
        .await
        .expect("request");
    assert_eq!(res.status(), 404);
    let html = res.text().await.expect("body");
    assert!(html.contains("Page not found"));
}

#[tokio::test]
async fn server_time_server_function_round_trips() {
    let base = spawn_panel().await;
    let res = reqwest::Client::new()
        .post(format!("{base}/api/server_time"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let body: String = res.json().await.expect("json string");
    assert!(body.ends_with(" UTC"), "unexpected body {body}");
}
