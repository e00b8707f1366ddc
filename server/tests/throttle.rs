//! Sign-in brute force: failures slow down further attempts (per peer and per username) with a
//! "try again in N s", the right password included while the wait lasts; no hard lockout.

mod support;

use std::time::Duration;

use support::Panel;

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
    for i in 0..6 {
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
    // The success cleared the counters: a fresh mistake is an ordinary one.
    let (_, body) = attempt(&panel, "demo", "wrong").await;
    assert!(body.contains("Wrong username or password."), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_api_tokens_are_throttled_by_address() {
    let panel = Panel::demo().await;
    for _ in 0..6 {
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
