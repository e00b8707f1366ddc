//! Creating a server through the panel's server function, against the embedded simulator: the
//! server-side checks, one server per form token, and refusals put back at their field.

use crate::harness::{create_form as with, create_server as create, Panel, Rig};

#[tokio::test]
async fn one_form_token_creates_one_server() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let form = with(&[("form_token", "token-1"), ("notes", "twice")]);
    let (first, a) = create(&panel, &cookie, &form).await;
    let (second, b) = create(&panel, &cookie, &form).await;
    assert_eq!((first, second), (200, 200), "{a} {b}");
    assert_eq!(a["name"], b["name"], "the repeat answers the same server");
    let (_, c) = create(
        &panel,
        &cookie,
        &with(&[("form_token", "token-2"), ("notes", "twice")]),
    )
    .await;
    assert_ne!(a["name"], c["name"], "a new form is a new server");
    let list = panel
        .get("/servers?q=twice", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    assert_eq!(list.matches("data-testid=\"server-row\"").count(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_identical_creates_at_once_reach_the_api_once() {
    let rig = Rig::start(&[]).await;
    rig.forget();
    let form = with(&[("form_token", "same-form"), ("notes", "at once")]);
    let ((s1, a), (s2, b)) = tokio::join!(
        create(&rig.panel, &rig.cookie, &form),
        create(&rig.panel, &rig.cookie, &form)
    );
    assert_eq!((s1, s2), (200, 200), "{a} {b}");
    assert_eq!(a["name"], b["name"]);
    let posts = rig
        .upstream()
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/ecs/v2/servers")
        .count();
    assert_eq!(posts, 1, "the simulator saw one create");
}

#[tokio::test]
async fn the_server_checks_again_and_puts_refusals_at_their_field() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;

    let (status, body) = create(
        &panel,
        &cookie,
        &with(&[
            ("form_token", "t"),
            ("script_mode", "OneOff"),
            ("script", "#ps1\nGet-Date"),
        ]),
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "script", "{body}");

    let (status, body) = create(
        &panel,
        &cookie,
        &[
            ("region", "it-fr2"),
            ("image", "ubuntu-2404"),
            ("form_token", "t"),
        ],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "plan", "{body}");

    let (status, body) = create(
        &panel,
        &cookie,
        &with(&[("script_mode", "OneOff"), ("script", "/usr/bin/true")]),
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(
        body["Invalid"]["field"], "form",
        "a missing form token: {body}"
    );

    // Only ECS knows the group does not exist: its refusal comes back at the group field.
    let (status, body) = create(
        &panel,
        &cookie,
        &with(&[("form_token", "t3"), ("group", "eg999999")]),
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "group", "{body}");
    assert!(
        body["Invalid"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("group not found")),
        "{body}"
    );

    // Env values never come back in an answer.
    let (status, body) = create(
        &panel,
        &cookie,
        &with(&[
            ("form_token", "t4"),
            ("script_mode", "Library"),
            ("library_script", "1"),
            ("env[0][name]", "1BAD"),
            ("env[0][value]", "hunter2-secret"),
        ]),
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "env", "{body}");
    assert!(!body.to_string().contains("hunter2-secret"));
}

/// POSTs to the simulator that created a server.
fn creates(rig: &Rig) -> usize {
    rig.upstream()
        .into_iter()
        .filter(|r| r["method"] == "POST" && r["path"] == "/ecs/v2/servers")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_create_whose_answer_is_lost_is_never_sent_again() {
    let rig = Rig::start(&[]).await;
    // ECS creates the server, but its answer arrives cut in half: the outcome is unknown to the
    // panel. The display name is unique, so the panel finds the server it made.
    rig.faults(serde_json::json!({"malformed_json": true, "path_prefix": "/servers", "method": "POST", "remaining": 1}));
    rig.forget();
    let form = with(&[("form_token", "lost-1"), ("notes", "lost answer")]);
    let (status, found) = create(&rig.panel, &rig.cookie, &form).await;
    assert_eq!(status, 200, "{found}");
    assert!(
        found["name"].as_str().is_some_and(|n| n.starts_with("ec")),
        "{found}"
    );
    let (_, again) = create(&rig.panel, &rig.cookie, &form).await;
    assert_eq!(
        again["name"], found["name"],
        "the repeat answers the same server"
    );
    assert_eq!(creates(&rig), 1, "sent once");

    // A lost answer for a server that cannot be found: the user is told, and the form is never
    // sent again, however often it is submitted.
    rig.faults(serde_json::json!({"hang_ms": 3000, "path_prefix": "/servers", "method": "POST"}));
    rig.forget();
    let form = with(&[("form_token", "lost-2"), ("notes", "no answer")]);
    let (status, said) = create(&rig.panel, &rig.cookie, &form).await;
    assert!(status >= 400, "{status}");
    let words = said.to_string();
    assert!(words.contains("servers list"), "{words}");
    rig.faults(serde_json::json!({}));
    let (_, repeat) = create(&rig.panel, &rig.cookie, &form).await;
    assert_eq!(repeat, said, "the same words, no second create");
    assert_eq!(creates(&rig), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_submit_split_across_two_replicas_creates_one_server() {
    let replicas = crate::harness::Replicas::start().await;
    let [a, b] = &replicas.panels;
    let cookie = a.sign_in("demo", "demo", None).await;
    *replicas.sim.store.faults() = serde_json::from_value(serde_json::json!({
        "latency_ms": 500, "path_prefix": "/servers", "method": "POST"
    }))
    .expect("faults");
    let form = with(&[("form_token", "split-form"), ("notes", "split")]);
    let ((s1, x), (s2, y)) = tokio::join!(create(a, &cookie, &form), create(b, &cookie, &form));
    assert_eq!((s1, s2), (200, 200), "{x} {y}");
    assert_eq!(x["name"], y["name"]);
    let posts = replicas.upstream_count("POST", "/ecs/v2/servers");
    assert_eq!(posts, 1, "one server for the two replicas");
}
