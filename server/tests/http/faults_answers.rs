//! The panel when the ECS API answers badly: unreadable bodies on every page, 5xx at several rates
//! (reads retried once, writes never), 429, ids that try to leave their path, and stored text that
//! tries to become markup.

use std::time::{Duration, Instant};

use crate::harness::{create_form, create_server, Rig};
use ecs_simulator::DEMO_API_TOKEN;
use serde_json::{json, Value};

/// Every page a signed-in user can open.
const PAGES: [&str; 14] = [
    "/",
    "/servers",
    "/servers/ec200401",
    "/servers/ec200401/metrics",
    "/servers/new",
    "/actions",
    "/templates",
    "/groups",
    "/ssh-keys",
    "/scripts",
    "/plans",
    "/networks",
    "/logs",
    "/account",
];

/// Words of the panel's own error messages: a page showing none of them has failed silently.
fn reads_as_a_failure(body: &str) -> bool {
    [
        "could not read",
        "cannot be reached",
        "did not answer",
        "internal error",
    ]
    .iter()
    .any(|w| body.contains(w))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_answers_are_plain_words_on_every_page() {
    let rig = Rig::start(&[]).await;
    for fault in [
        json!({"malformed_json": true}),
        json!({"html": true}),
        json!({"body": "\"not an object\""}),
        json!({"body": r#"{"status":"ok","server":7,"servers":7,"actions":7,"plans":7,"sshkeys":7}"#}),
        json!({"oversize_bytes": 10 * 1024 * 1024}),
    ] {
        rig.faults(fault.clone());
        for path in PAGES {
            let (status, body) = rig.page(path).await;
            assert!(status < 500, "{fault} {path}: HTTP {status}");
            assert!(reads_as_a_failure(&body), "{fault} {path}: no message");
            assert!(!body.contains("Scheduled maintenance"), "{fault} {path}");
            assert!(!body.contains("xxxxxxxxxxxxxxxx"), "{fault} {path}");
        }
        let (status, answer) = rig.call("ssh_keys_list", &[]).await;
        assert_ne!(status, 200, "{fault}");
        assert!(answer["Upstream"].is_string(), "{fault}: {answer}");
    }
    rig.faults(json!({}));
    let (status, body) = rig.page("/servers").await;
    assert_eq!(status, 200);
    assert!(body.contains("servers-table"), "the panel is unharmed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_against_a_broken_api_explains_at_the_form() {
    let rig = Rig::start(&[]).await;
    // One case per status, so the test cannot pass by luck; twice over, so that counting any of
    // them as a failed sign-in would pass the throttle's five free failures.
    let mut faults: Vec<Value> = [500, 501, 502, 503, 504]
        .into_iter()
        .map(|status| json!({ "status": status }))
        .collect();
    faults.extend([json!({"html": true}), json!({"maintenance": true})]);
    faults.extend(faults.clone());
    for fault in faults {
        rig.faults(fault.clone());
        let res = rig
            .panel
            .post_form(
                "/api/login",
                None,
                &[("username", "demo"), ("password", "demo")],
            )
            .await;
        // A server function's error travels as JSON words; the sign-in form shows them.
        let answer: Value = res.json().await.expect("a JSON error");
        let words = answer["Upstream"]
            .as_str()
            .or(answer["Maintenance"].as_str());
        assert!(
            words.is_some_and(|w| w.contains("ECS API")),
            "{fault}: {answer}"
        );
    }
    // None of the 14 outages counted as a wrong password: the next sign-in goes straight in.
    rig.faults(json!({}));
    let res = rig
        .panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    let status = res.status();
    let answer = res.text().await.unwrap_or_default();
    assert!(status.is_success(), "{status}: {answer}");
}

/// The statuses of the requests to `path` since the last `forget`.
fn statuses(rig: &Rig, path: &str) -> Vec<u64> {
    rig.upstream()
        .iter()
        .filter(|r| r["path"] == path)
        .filter_map(|r| r["status"].as_u64())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_are_retried_once_and_writes_never() {
    let rig = Rig::start(&[]).await;
    for rate in [0.1, 0.5, 0.75] {
        rig.faults(json!({"error_rate": rate}));
        let mut retried = 0;
        for _ in 0..30 {
            rig.forget();
            let (status, _) = rig.call("ssh_keys_list", &[]).await;
            let tries = statuses(&rig, "/ecs/v2/sshkeys");
            match tries.as_slice() {
                [200] => assert_eq!(status, 200),
                [first, 200] if *first >= 500 => {
                    retried += 1;
                    assert_eq!(status, 200);
                }
                [first, second] if *first >= 500 && *second >= 500 => assert_ne!(status, 200),
                other => panic!("at {rate}: one read became {other:?}"),
            }
        }
        println!("5xx at {rate}: {retried} of 30 reads saved by their retry");
        if rate >= 0.5 {
            assert!(retried > 0, "at {rate} some read needed its retry");
        }

        // Writes: one request each, whatever the answer.
        rig.forget();
        let notes = format!("rate {rate}");
        rig.call("servers_rename", &[("name", "ec200402"), ("notes", &notes)])
            .await;
        rig.call("servers_power", &[("name", "ec200403"), ("on", "true")])
            .await;
        let form = create_form(&[("form_token", &notes)]);
        create_server(&rig.panel, &rig.cookie, &form).await;
        rig.call(
            "servers_delete",
            &[("name", "ec200404"), ("typed", "ec200404")],
        )
        .await;
        let writes: Vec<String> = rig
            .upstream()
            .iter()
            .filter(|r| r["method"] != "GET")
            .map(|r| format!("{} {}", r["method"], r["path"]))
            .collect();
        for write in [
            "\"PUT\" \"/ecs/v2/servers/ec200402\"",
            "\"POST\" \"/ecs/v2/servers\"",
            "\"DELETE\" \"/ecs/v2/servers/ec200404\"",
        ] {
            let sent = writes.iter().filter(|w| *w == write).count();
            assert!(
                sent <= 1,
                "at {rate}: {write} sent {sent} times: {writes:?}"
            );
        }
        let power = writes
            .iter()
            .filter(|w| w.contains("ec200403/actions"))
            .count();
        assert!(power <= 1, "at {rate}: power sent {power} times");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_is_waited_out_for_reads_and_not_repeated_for_writes() {
    let rig = Rig::start(&[]).await;
    rig.faults(
        json!({"rate_limit_secs": 1, "method": "GET", "path_prefix": "/sshkeys", "remaining": 1}),
    );
    rig.forget();
    let start = Instant::now();
    let (status, _) = rig.call("ssh_keys_list", &[]).await;
    assert_eq!(status, 200, "the read waited and tried again");
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "Retry-After honoured"
    );
    assert_eq!(statuses(&rig, "/ecs/v2/sshkeys"), [429, 200]);

    rig.faults(json!({"rate_limit_secs": 1, "method": "PUT"}));
    rig.forget();
    let (status, answer) = rig
        .call(
            "servers_rename",
            &[("name", "ec200402"), ("notes", "later")],
        )
        .await;
    assert_ne!(status, 200);
    let message = answer["Upstream"].as_str().unwrap_or_default();
    assert!(message.contains("Too many requests"), "{answer}");
    assert_eq!(
        statuses(&rig, "/ecs/v2/servers/ec200402"),
        [429],
        "sent once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_that_leave_their_path_never_reach_the_api() {
    let rig = Rig::start(&[]).await;
    rig.forget();
    for id in [
        "..",
        "../login",
        "%2e%2e",
        "%2E%2E%2Flogin",
        "ec200401%2F..%2F..%2Flogin",
        "a%20b",
    ] {
        for path in [format!("/servers/{id}"), format!("/servers/{id}/metrics")] {
            let (status, body) = rig.page(&path).await;
            assert!(status < 500, "{path}: HTTP {status}");
            assert!(!body.is_empty(), "{path}");
        }
    }
    for id in [
        "..",
        "../login",
        "%2e%2e",
        "ec200401/../../login",
        "ec200401?x=1",
        "ec200401#",
    ] {
        // Each is refused before any call (never a 500: the arguments themselves are well formed).
        for (endpoint, args) in [
            ("servers_detail", vec![("name", id), ("actions_page", "1")]),
            ("servers_power", vec![("name", id), ("on", "true")]),
            ("servers_rename", vec![("name", id), ("notes", "x")]),
            ("servers_metrics", vec![("name", id), ("range", "24h")]),
        ] {
            let (status, body) = rig.call(endpoint, &args).await;
            assert!(
                [404, 422].contains(&status),
                "{endpoint} {id}: {status} {body}"
            );
        }
    }
    let reached: Vec<Value> = rig
        .upstream()
        .into_iter()
        .filter(|r| {
            let path = r["path"].as_str().unwrap_or_default().to_ascii_lowercase();
            path.contains("..")
                || path.contains("%2e")
                || path.contains("login")
                // A query the id smuggled in (the pages' own paging and `type=json` are fine).
                || r["query"]
                    .as_str()
                    .is_some_and(|q| q.contains("x=1") || q.contains("login"))
        })
        .collect();
    assert!(reached.is_empty(), "reached the API: {reached:?}");
}

const MARKUP: &str = "<img src=x onerror=alert(1)></script><script>alert(1)</script>";

/// What a third-party client (Seeweb's panel, a script) can store: the panel did not write it.
async fn store_as_another_client(
    rig: &Rig,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> Value {
    let res = reqwest::Client::new()
        .request(method, format!("{}{path}", rig.sim.base_url()))
        .header("X-APITOKEN", DEMO_API_TOKEN)
        .json(&body)
        .send()
        .await
        .expect("sim");
    assert!(res.status().is_success(), "{path}: {}", res.status());
    res.json().await.expect("JSON")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stored_markup_is_text_on_every_page() {
    use reqwest::Method;
    let rig = Rig::start(&[]).await;
    store_as_another_client(
        &rig,
        Method::PUT,
        "/servers/ec200401",
        json!({"note": MARKUP}),
    )
    .await;
    store_as_another_client(
        &rig,
        Method::POST,
        "/groups",
        json!({"notes": MARKUP, "password": "x"}),
    )
    .await;
    store_as_another_client(&rig, Method::POST, "/keys", json!({"notes": MARKUP})).await;
    let templates = store_as_another_client(&rig, Method::GET, "/templates", json!({})).await;
    let key = templates["templates"][0]["id"].to_string();
    store_as_another_client(
        &rig,
        Method::PUT,
        &format!("/templates/{key}"),
        json!({"description": MARKUP}),
    )
    .await;
    let script = store_as_another_client(
        &rig,
        Method::POST,
        "/scripts",
        json!({"title": MARKUP, "content": "#!/bin/sh\necho hi\n"}),
    )
    .await;
    let script_page = format!("/scripts/{}", script["script"]["id"]);
    let mut shown = 0;
    for path in PAGES.iter().copied().chain([script_page.as_str()]) {
        let (status, body) = rig.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            !body.contains("<img src=x"),
            "{path}: markup became an element"
        );
        assert!(
            !body.contains("<script>alert"),
            "{path}: markup became a script"
        );
        if body.contains("&lt;script&gt;alert(1)") || body.contains("\\u003cscript>alert") {
            shown += 1;
        }
    }
    assert!(shown >= 6, "the text itself is shown (on {shown} pages)");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_function_errors_carry_their_http_meaning() {
    let rig = Rig::start(&[]).await;
    let wrong = rig
        .panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "nope")],
        )
        .await;
    assert_eq!(wrong.status(), 422, "a wrong password is the user's to fix");
    let (status, _) = crate::harness::call(&rig.panel, "", "ssh_keys_list", &[]).await;
    assert_eq!(status, 401, "no session");
    let (status, body) = rig
        .call(
            "servers_detail",
            &[("name", "ec299999"), ("actions_page", "1")],
        )
        .await;
    assert_eq!(status, 404, "{body}");
    rig.faults(json!({"maintenance": true}));
    assert_eq!(rig.call("ssh_keys_list", &[]).await.0, 503);
    rig.faults(json!({"html": true}));
    assert_eq!(rig.call("ssh_keys_list", &[]).await.0, 502);
    rig.faults(json!({}));
    let (status, body) = rig.call("ssh_keys_list", &[]).await;
    assert_eq!(status, 200, "{body}");
}
