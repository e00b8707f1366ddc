//! Creating a server through the panel's server function, against the embedded simulator: the
//! server-side checks, one server per form token, and refusals put back at their field.

mod support;

use serde_json::Value;
use support::Panel;

async fn create(panel: &Panel, cookie: &str, fields: &[(&str, &str)]) -> (u16, Value) {
    let form: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| match k.split_once('[') {
            // `env[0][name]` nests as `form[env][0][name]`.
            Some((head, rest)) => (format!("form[{head}][{rest}"), *v),
            None => (format!("form[{k}]"), *v),
        })
        .collect();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = panel
        .post_form("/api/servers_create", Some(cookie), &pairs)
        .await;
    let status = res.status().as_u16();
    (status, res.json().await.expect("JSON answer"))
}

const BASE: [(&str, &str); 3] = [
    ("plan", "eCS1"),
    ("region", "it-fr2"),
    ("image", "ubuntu-2404"),
];

fn with<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    BASE.iter().copied().chain(extra.iter().copied()).collect()
}

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
