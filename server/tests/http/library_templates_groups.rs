//! `/templates` and `/groups` and their server functions over HTTP, against the embedded
//! simulator: what the pages render, the checks and documented refusals at their fields, and what
//! actually reaches the API (a group's password).

use crate::harness::{call, page, signed_in};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The `data-name`s of the rows with `testid`, in page order.
fn listed(html: &str, testid: &str) -> Vec<String> {
    html.split(&format!("data-testid=\"{testid}\" data-name=\""))
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

fn sha256(text: &str) -> String {
    let hex: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256:{hex}")
}

#[tokio::test]
async fn templates_render_with_their_state_and_follow_the_url() {
    let (panel, cookie) = signed_in().await;
    let all = page(&panel, "/templates", &cookie).await;
    assert_eq!(listed(&all, "template-row"), ["ei100001", "ei100002"]);
    assert!(all.contains("Ready"), "CD reads as Ready");
    assert!(all.contains("/servers/new?image=ei100001"));
    assert_eq!(
        listed(
            &page(&panel, "/templates?q=BASELINE", &cookie).await,
            "template-row"
        ),
        ["ei100002"],
        "search ignores case and looks in the description"
    );
    assert_eq!(
        listed(
            &page(&panel, "/templates?sort=created&dir=desc", &cookie).await,
            "template-row"
        ),
        ["ei100001", "ei100002"],
        "newest first"
    );
    assert!(page(&panel, "/templates?q=nothing-like-it", &cookie)
        .await
        .contains("No templates match"));
}

#[tokio::test]
async fn making_a_template_checks_its_fields_and_explains_refusals() {
    let (panel, cookie) = signed_in().await;

    let (status, body) = call(
        &panel,
        &cookie,
        "templates_create",
        &[("server", "ec200401"), ("description", "   ")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "description", "{body}");

    // The v1 server: ECS's documented refusal, at the server field, in plain words.
    let (status, body) = call(
        &panel,
        &cookie,
        "templates_create",
        &[("server", "ec200399"), ("description", "old box")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "server", "{body}");
    let message = body["Invalid"]["message"].as_str().expect("a message");
    assert!(message.starts_with("This is a v1 server"), "{message}");
    assert!(
        message.contains("Template can't be created for v1 server"),
        "{message}"
    );

    let (status, body) = call(
        &panel,
        &cookie,
        "templates_create",
        &[
            ("server", "ec200401"),
            ("description", "web golden"),
            ("notes", "nginx inside"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(
        body["action"].as_u64().is_some(),
        "an action to follow: {body}"
    );
    assert_eq!(body["row"]["state"], "Creating");
    let name = body["row"]["name"].as_str().expect("a name").to_string();

    // It cannot be deleted while it is being made; once done it is Ready, then it can.
    panel.sim().advance(60.0);
    let html = page(&panel, "/templates", &cookie).await;
    assert!(listed(&html, "template-row").contains(&name));
    let (status, body) = call(
        &panel,
        &cookie,
        "templates_update",
        &[
            ("name", &name),
            ("description", "web golden v2"),
            ("notes", ""),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(page(&panel, "/templates", &cookie)
        .await
        .contains("web golden v2"));
    let (status, body) = call(&panel, &cookie, "templates_delete", &[("name", &name)]).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.as_u64().is_some(), "the delete action: {body}");
    panel.sim().advance(60.0);
    assert!(!listed(&page(&panel, "/templates", &cookie).await, "template-row").contains(&name));
}

#[tokio::test]
async fn groups_count_their_servers_and_a_blank_password_is_replaced() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/groups", &cookie).await;
    assert_eq!(listed(&html, "group-row"), ["eg100001", "eg100002"]);
    assert!(html.contains("1 server"), "web-1 is in production");
    assert!(html.contains("/servers?group=eg100001"));

    let (status, body) = call(&panel, &cookie, "groups_create", &[("notes", " ")]).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "notes", "{body}");

    let (status, body) = call(
        &panel,
        &cookie,
        "groups_create",
        &[("notes", "staging"), ("password", "")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["notes"], "staging");
    assert!(
        !body.to_string().contains("password"),
        "no password in the answer: {body}"
    );
    let (status, _) = call(
        &panel,
        &cookie,
        "groups_create",
        &[("notes", "typed"), ("password", "hunter2-typed")],
    )
    .await;
    assert_eq!(status, 200);

    let sent: Vec<Value> = panel
        .sim()
        .store
        .requests()
        .recent(usize::MAX)
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/groups"))
        .map(|r| r.body)
        .collect();
    assert_eq!(sent.len(), 2, "{sent:?}");
    let generated = sent[0]["password"].as_str().expect("a password was sent");
    assert!(generated.starts_with("sha256:"), "stored as a digest");
    assert_ne!(generated, sha256(""), "a blank password is not sent blank");
    assert_eq!(
        sent[1]["password"],
        sha256("hunter2-typed"),
        "a typed one as typed"
    );
}

#[tokio::test]
async fn deleting_a_group_keeps_its_servers_and_a_missing_one_says_so() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(&panel, &cookie, "groups_delete", &[("key", "1")]).await;
    assert_eq!(status, 200, "{body}");
    let servers = page(&panel, "/servers?group=none", &cookie).await;
    assert!(
        servers.contains("data-name=\"ec200401\""),
        "web-1 stays, in no group"
    );

    let (status, body) = call(&panel, &cookie, "groups_delete", &[("key", "1")]).await;
    assert_ne!(status, 200, "{body}");
    let message = body["NotFound"].as_str().expect("a NotFound");
    assert!(
        message.starts_with("This group no longer exists"),
        "{message}"
    );

    let (status, _) = call(&panel, &cookie, "groups_delete", &[("key", "../servers")]).await;
    assert_ne!(
        status, 200,
        "an id that cannot be a group never reaches the API"
    );
}
