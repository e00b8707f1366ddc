//! Sessions end to end over HTTP: cookie policy, id cycling, sign-out, the guard, the stores.

use std::time::Duration;

use crate::harness::{
    is_signed_in, session_cookie, set_cookie_header, sqlite_records, Panel, Redis,
};
use futures_util::StreamExt;
use reqwest::{header, StatusCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guard_sends_visitors_to_sign_in_with_the_page_kept() {
    let panel = Panel::demo().await;
    let res = panel.get("/servers?q=web", None).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(
        res.headers()[header::LOCATION],
        "/login?next=%2Fservers%3Fq%3Dweb"
    );
    let body = res.text().await.unwrap_or_default();
    assert!(
        !body.contains("<nav"),
        "nothing is rendered for a signed-out visitor"
    );
    assert_eq!(panel.get("/login", None).await.status(), StatusCode::OK);
    assert_eq!(panel.get("/healthz", None).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_an_opaque_httponly_lax_cookie_and_cycles_the_id() {
    let panel = Panel::demo().await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    let set_cookie = set_cookie_header(&res);
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "not Secure on plain http by default: {set_cookie}"
    );
    let first = session_cookie(&res).expect("cookie");
    assert!(
        !first.contains('.'),
        "the cookie is an opaque id, not a token: {first}"
    );
    assert!(is_signed_in(&panel, &first).await);

    // Signing in again from the same browser gets a new id; the old one is dead.
    let second = panel.sign_in("demo", "demo", Some(&first)).await;
    assert_ne!(first, second);
    assert!(is_signed_in(&panel, &second).await);
    assert!(
        !is_signed_in(&panel, &first).await,
        "the pre-sign-in id must not survive"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_deletes_the_session() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let res = panel.post_form("/api/logout", Some(&cookie), &[]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::OK);
    assert!(!is_signed_in(&panel, &cookie).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secure_cookie_when_configured() {
    let panel = Panel::start(&["--session-store", "memory", "--cookie-secure", "true"]).await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    let set_cookie = set_cookie_header(&res);
    assert!(set_cookie.contains("Secure"), "{set_cookie}");
    // `__Host-`: the browser keeps it only if Secure, for `/` and with no Domain, so a sibling
    // subdomain cannot plant or shadow it.
    assert!(
        set_cookie.starts_with("__Host-ecs_panel_session="),
        "{set_cookie}"
    );
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    assert!(
        !set_cookie.to_ascii_lowercase().contains("domain="),
        "{set_cookie}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_refused_without_a_session() {
    let panel = Panel::demo().await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "nope")],
        )
        .await;
    let cookie = session_cookie(&res);
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("Wrong username or password."), "{body}");
    if let Some(c) = cookie {
        assert!(!is_signed_in(&panel, &c).await);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused_in_both_encodings() {
    let panel = Panel::demo().await;
    let c = crate::harness::client();
    let url = panel.url("/api/login");
    let form = [("username", "demo"), ("password", "demo")];
    let cases = [
        c.post(&url).form(&form),
        c.post(&url)
            .header(header::ORIGIN, "http://evil.test")
            .form(&form),
        c.post(&url)
            .header(header::ORIGIN, &panel.base)
            .header("sec-fetch-site", "cross-site")
            .form(&form),
        c.post(&url)
            .header(header::ORIGIN, "http://evil.test")
            .header(header::CONTENT_TYPE, "application/json")
            .body(r#"{"username":"demo","password":"demo"}"#),
        c.post(&url)
            .header(header::CONTENT_TYPE, "application/json")
            .body(r#"{"username":"demo","password":"demo"}"#),
    ];
    for req in cases {
        let res = req.send().await.expect("request");
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert!(session_cookie(&res).is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_sessions_survive_a_restart() {
    let sim = ecs_simulator::spawn(ecs_simulator::SimConfig::default())
        .await
        .expect("sim");
    let (store, dir) = crate::harness::sqlite_store("test");
    let api = sim.base_url();
    let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];

    let first = Panel::start(&args).await;
    let cookie = first.sign_in("demo", "demo", None).await;
    assert!(is_signed_in(&first, &cookie).await);
    first.stop();

    let second = Panel::start(&args).await;
    assert!(
        is_signed_in(&second, &cookie).await,
        "the session must survive the restart"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_sharing_redis_share_sessions() {
    let redis = Redis::start();
    let sim = ecs_simulator::spawn(ecs_simulator::SimConfig::default())
        .await
        .expect("sim");
    let store = redis.url();
    let api = sim.base_url();
    let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];
    let a = Panel::start(&args).await;
    let b = Panel::start(&args).await;

    let cookie = a.sign_in("demo", "demo", None).await;
    assert!(
        is_signed_in(&b, &cookie).await,
        "a session made on one replica is valid on the other"
    );
    let res = b.post_form("/api/logout", Some(&cookie), &[]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::OK);
    assert!(
        !is_signed_in(&a, &cookie).await,
        "signing out on one replica ends it on both"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn made_up_cookies_store_nothing() {
    let (store, dir) = crate::harness::sqlite_store("flood");
    let panel = Panel::start(&["--session-store", store.as_str()]).await;
    let signed_in = panel.sign_in("demo", "demo", None).await;
    let before = sqlite_records(&store).await;
    assert_eq!(before, 1);
    let paths = [
        "/healthz",
        "/favicon.svg",
        "/login",
        "/pkg/ecs-panel.css",
        "/servers",
    ];
    let client = crate::harness::client();
    futures_util::stream::iter(0..10_000usize)
        .for_each_concurrent(16, |i| {
            let client = client.clone();
            let url = panel.url(paths[i % paths.len()]);
            async move {
                let id = tower_sessions::session::Id::default();
                let res = client
                    .get(url)
                    .header(header::COOKIE, format!("ecs_panel_session={id}"))
                    .send()
                    .await
                    .expect("GET");
                assert!(!res.status().is_server_error(), "{}", res.status());
            }
        })
        .await;
    assert_eq!(
        sqlite_records(&store).await,
        before,
        "no record for a made-up cookie"
    );
    assert!(is_signed_in(&panel, &signed_in).await);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A page whose upstream calls are slow loads the session before sign-out and finishes after it:
/// it must not write the deleted record back.
async fn sign_out_during_a_slow_page(store: &str) {
    let sim = ecs_simulator::spawn(ecs_simulator::SimConfig::default())
        .await
        .expect("sim");
    let api = sim.base_url();
    let panel = Panel::start(&["--session-store", store, "--api-url", api.as_str()]).await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    *sim.store.faults() = serde_json::from_value(serde_json::json!({
        "latency_ms": 1500, "path_prefix": "/servers", "method": "GET"
    }))
    .expect("faults");
    let slow = {
        let (url, cookie) = (panel.url("/servers"), cookie.clone());
        tokio::spawn(async move {
            crate::harness::client()
                .get(url)
                .header(header::COOKIE, cookie)
                .send()
                .await
                .expect("GET /servers")
                .text()
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(400)).await;
    let res = panel.post_form("/api/logout", Some(&cookie), &[]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::OK);
    let _ = slow.await.expect("the slow page ends");
    *sim.store.faults() = Default::default();
    assert!(
        !is_signed_in(&panel, &cookie).await,
        "{store}: a request in flight brought the session back"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_in_flight_cannot_undo_sign_out() {
    sign_out_during_a_slow_page("memory").await;
    let (store, dir) = crate::harness::sqlite_store("signout-race");
    sign_out_during_a_slow_page(&store).await;
    assert_eq!(sqlite_records(&store).await, 0);
    let _ = std::fs::remove_dir_all(&dir);
    let redis = Redis::start();
    sign_out_during_a_slow_page(&redis.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_token_sessions_end_after_their_lifetime() {
    let panel = Panel::start(&["--session-store", "memory", "--api-token-lifetime", "2s"]).await;
    let res = panel
        .post_form(
            "/api/login_token",
            None,
            &[("token", ecs_simulator::DEMO_API_TOKEN)],
        )
        .await;
    let cookie = session_cookie(&res).expect("signed in with the token");
    assert!(is_signed_in(&panel, &cookie).await);
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert!(!is_signed_in(&panel, &cookie).await, "ended after 2 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (store, dir) = crate::harness::sqlite_store("mode");
    let panel = Panel::start(&["--session-store", store.as_str()]).await;
    panel.sign_in("demo", "demo", None).await;
    let path = store.strip_prefix("sqlite://").expect("path");
    let mode = std::fs::metadata(path)
        .expect("the file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let _ = std::fs::remove_dir_all(&dir);
}
