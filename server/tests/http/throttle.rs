//! Sign-in brute force: failures slow down further attempts (per peer and per username) with a
//! "try again in N s", the right password included while the wait lasts; no hard lockout. Attempts
//! are counted before the upstream call, behind trusted proxies per forwarded client, and with a
//! shared store across replicas.

use std::time::Duration;

use crate::harness::{Panel, Rig};

async fn attempt(panel: &Panel, username: &str, password: &str) -> (u16, String) {
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", username), ("password", password)],
        )
        .await;
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_back_off_and_the_wait_ends() {
    let panel = Panel::demo().await;
    for i in 0..5 {
        let (_, body) = attempt(&panel, "demo", "wrong").await;
        assert!(body.contains("Wrong username or password."), "#{i}: {body}");
    }
    // Now even the right password waits, and is told how long.
    let (_, body) = attempt(&panel, "demo", "demo").await;
    assert!(
        body.contains("Too many failed sign-ins. Try again in 1 s."),
        "{body}"
    );
    // Another user from the same address waits as well (guessing across accounts).
    let (_, body) = attempt(&panel, "alice", "alice").await;
    assert!(body.contains("Try again in"), "{body}");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, body) = attempt(&panel, "demo", "demo").await;
    assert!(
        status == 200 || (300..400).contains(&status),
        "{status}: {body}"
    );
    // The success cleared the username's count but not the address's: the address still has its
    // five failures, so its next attempt waits (a good sign-in must not reset an attacker's count).
    let (_, body) = attempt(&panel, "demo", "wrong").await;
    assert!(body.contains("Try again in"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_api_tokens_are_throttled_by_address() {
    let panel = Panel::demo().await;
    for _ in 0..5 {
        let res = panel
            .post_form("/api/login_token", None, &[("token", "not-a-real-token")])
            .await;
        let body = res.text().await.unwrap_or_default();
        assert!(body.contains("was not accepted"), "{body}");
    }
    let res = panel
        .post_form("/api/login_token", None, &[("token", "not-a-real-token")])
        .await;
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("Try again in"), "{body}");
}

/// POSTs to `/api/login` from behind a proxy that says the client is `forwarded_for`.
async fn attempt_from(panel: &Panel, forwarded_for: &str, username: &str) -> String {
    let res = crate::harness::client()
        .post(panel.url("/api/login"))
        .header("origin", panel.url(""))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("username", username), ("password", "wrong")])
        .send()
        .await
        .expect("POST /api/login");
    res.text().await.unwrap_or_default()
}

/// How many refused sign-ins reached the simulator since the last `forget`. (Refused only: the
/// rig's own sign-in may be recorded just after `forget`, as the log entry is written as its
/// answer completes.)
fn upstream_logins(rig: &Rig) -> usize {
    rig.upstream()
        .iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with("/login")))
        .filter(|r| r["status"] != 200)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_guesses_sent_at_once_reach_the_api_at_most_five_times() {
    let rig = Rig::start(&[]).await;
    // Each guess takes a while upstream, so all fifty are in flight together; they go out on
    // connections opened beforehand, so all of them arrive well within the first one-second wait.
    rig.faults(serde_json::json!({"latency_ms": 300, "path_prefix": "/login"}));
    let client = crate::harness::client();
    let warm = (0..50).map(|_| client.get(rig.panel.url("/healthz")).send());
    futures_util::future::join_all(warm).await;
    rig.forget();
    let guesses = (0..50).map(|_| async {
        let res = client
            .post(rig.panel.url("/api/login"))
            .header("origin", rig.panel.url(""))
            .form(&[("username", "demo"), ("password", "wrong")])
            .send()
            .await
            .expect("POST /api/login");
        (res.status().as_u16(), res.text().await.unwrap_or_default())
    });
    let answers = futures_util::future::join_all(guesses).await;
    let wrong = answers
        .iter()
        .filter(|(_, b)| b.contains("Wrong username or password."))
        .count();
    let held = answers
        .iter()
        .filter(|(_, b)| b.contains("Try again in"))
        .count();
    assert_eq!(upstream_logins(&rig), 5, "only the free attempts reach ECS");
    assert_eq!((wrong, held), (5, 45));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_username_too_long_is_refused_at_the_field_and_never_sent() {
    let rig = Rig::start(&[]).await;
    rig.forget();
    let long = "u".repeat(300);
    let (_, body) = attempt(&rig.panel, &long, "x").await;
    assert!(body.contains("That username is too long."), "{body}");
    assert_eq!(upstream_logins(&rig), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_count() {
    let panel = Panel::start(&[
        "--session-store",
        "memory",
        "--trusted-proxies",
        "127.0.0.1/32",
    ])
    .await;
    for i in 0..5 {
        let body = attempt_from(&panel, "198.51.100.1", &format!("guess{i}")).await;
        assert!(body.contains("Wrong username"), "{body}");
    }
    let body = attempt_from(&panel, "198.51.100.1", "another").await;
    assert!(body.contains("Try again in"), "{body}");
    // Another client behind the same proxy is not slowed down by the first one's guesses, even
    // when the first one writes its own X-Forwarded-For: only the proxy's right-most hop counts.
    let body = attempt_from(&panel, "6.6.6.6, 198.51.100.2", "someone").await;
    assert!(body.contains("Wrong username"), "{body}");
    let body = attempt_from(&panel, "198.51.100.2, 198.51.100.1", "someone-else").await;
    assert!(
        body.contains("Try again in"),
        "the right-most hop is the client: {body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_trusted_proxies_a_forwarded_address_changes_nothing() {
    let panel = Panel::start(&["--session-store", "memory"]).await;
    for i in 0..5 {
        attempt_from(&panel, &format!("198.51.100.{i}"), &format!("guess{i}")).await;
    }
    let body = attempt_from(&panel, "198.51.100.99", "fresh").await;
    assert!(
        body.contains("Try again in"),
        "all five came from one peer: {body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_sign_in_does_not_reset_the_address_count() {
    let panel = Panel::demo().await;
    for i in 0..4 {
        let (_, body) = attempt(&panel, &format!("guess{i}"), "wrong").await;
        assert!(body.contains("Wrong username"), "{body}");
    }
    panel.sign_in("demo", "demo", None).await;
    let (_, body) = attempt(&panel, "guess9", "wrong").await;
    assert!(body.contains("Wrong username"), "{body}");
    // The fifth failure from this address: the next attempt waits, whoever it names.
    let (_, body) = attempt(&panel, "alice", "alice").await;
    assert!(body.contains("Try again in"), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_split_across_two_replicas_are_counted_once() {
    let replicas = crate::harness::Replicas::start().await;
    let mut held = 0;
    for i in 0..12 {
        let (_, body) = attempt(&replicas.panels[i % 2], "demo", "wrong").await;
        held += usize::from(body.contains("Try again in"));
    }
    let logins = replicas.upstream_count("POST", "/login");
    assert_eq!(logins, 5, "one count for both replicas");
    assert_eq!(held, 7);
}
