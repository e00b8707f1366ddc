//! Creating a server through the panel's server function, against the embedded simulator: the
//! server-side checks, one server per form token, and refusals put back at their field.

mod support;

use support::{create_form as with, create_server as create, Panel, Rig};

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
