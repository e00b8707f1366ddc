//! `/scripts` and its server functions over HTTP, against the embedded simulator: drafts are
//! checked on the server too, the API's documented refusals come back at their field (the
//! 20-script limit for the whole form), and the pages render the library and the limit.

use crate::harness::{call, signed_in, Panel};
use serde_json::Value;

/// `scripts_create` (or `scripts_update` with `id`) with a draft.
async fn save(
    panel: &Panel,
    cookie: &str,
    id: Option<&str>,
    title: &str,
    content: &str,
    windows: bool,
) -> (u16, Value) {
    let windows = windows.to_string();
    let mut form = vec![
        ("draft[title]", title),
        ("draft[content]", content),
        ("draft[windows]", windows.as_str()),
    ];
    let endpoint = match id {
        Some(id) => {
            form.push(("id", id));
            "scripts_update"
        }
        None => "scripts_create",
    };
    call(panel, cookie, endpoint, &form).await
}

async fn page(panel: &Panel, path: &str, cookie: &str) -> (u16, String) {
    let res = panel.get(path, Some(cookie)).await;
    let status = res.status().as_u16();
    (status, res.text().await.expect("page body"))
}

#[tokio::test]
async fn drafts_are_checked_on_the_server_and_refusals_go_to_their_field() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = save(&panel, &cookie, None, "  ", "echo hi", false).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "title", "{body}");
    let (status, body) = save(&panel, &cookie, None, "t", " \n ", false).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "content", "{body}");
    let (status, body) = save(&panel, &cookie, Some("1"), "", "echo", false).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "title", "{body}");
}

#[tokio::test]
async fn create_edit_and_delete_a_script() {
    let (panel, cookie) = signed_in().await;
    let (status, created) = save(
        &panel,
        &cookie,
        None,
        " setup ",
        "#!/bin/bash\necho hi > /root/hi\n",
        false,
    )
    .await;
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["title"], "setup", "the title is trimmed");
    assert_eq!(created["lines"], 2);
    let id = created["id"].to_string();

    let (status, updated) = save(
        &panel,
        &cookie,
        Some(&id),
        "setup-win",
        "#ps1\nGet-Date",
        true,
    )
    .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["row"]["windows"], true);
    assert_eq!(updated["content"], "#ps1\nGet-Date");

    let (status, html) = page(&panel, &format!("/scripts/{id}"), &cookie).await;
    assert_eq!(status, 200);
    assert!(html.contains("setup-win"));
    let (status, html) = page(&panel, "/scripts?q=SETUP", &cookie).await;
    assert_eq!(status, 200);
    assert!(html.contains("3 of 20 scripts"));
    assert!(html.contains("1 of 3 scripts match"));
    assert!(html.contains(&format!("/servers/new?script={id}")));

    let (status, body) = call(&panel, &cookie, "scripts_delete", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(&panel, &cookie, "scripts_get", &[("id", &id)]).await;
    assert_ne!(status, 200);
    assert!(body["NotFound"].is_string(), "{body}");
    for path in [format!("/scripts/{id}"), "/scripts/..%2Flogin".to_string()] {
        let (status, html) = page(&panel, &path, &cookie).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Script not found"), "{path}");
    }
}

#[tokio::test]
async fn the_twentieth_script_is_the_last() {
    let (panel, cookie) = signed_in().await;
    for n in 3..=20 {
        let (status, body) = save(&panel, &cookie, None, &format!("s{n}"), "echo", false).await;
        assert_eq!(status, 200, "script {n}: {body}");
    }
    let (status, body) = save(&panel, &cookie, None, "one-too-many", "echo", false).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "form", "{body}");
    let message = body["Invalid"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("delete one before creating another"),
        "{message}"
    );
    assert!(
        message.contains("Error can't have more then 20 scripts"),
        "ECS's own words: {message}"
    );

    let (_, html) = page(&panel, "/scripts", &cookie).await;
    assert!(html.contains("20 of 20 scripts"));
    assert!(
        html.contains("the most ECS allows"),
        "the reason beside the disabled button"
    );
}

#[tokio::test]
async fn new_server_form_preselects_a_library_script() {
    let (panel, cookie) = signed_in().await;
    // Script 2 of the demo library is the Windows one: the form prefers a Windows plan and image.
    let (status, html) = page(&panel, "/servers/new?script=2", &cookie).await;
    assert_eq!(status, 200);
    // The radios are set after hydration; the summary's generated name says what was chosen.
    assert!(
        html.contains("windows-2022-eCS2W-it-fr2-"),
        "a Windows plan and image"
    );
    assert!(
        html.contains("<option value=\"2\" selected"),
        "the script is chosen"
    );
    let (_, linux) = page(&panel, "/servers/new?script=1", &cookie).await;
    assert!(
        linux.contains("ubuntu-2404-eCS1-it-fr2-"),
        "the usual defaults"
    );
    assert!(linux.contains("<option value=\"1\" selected"));
    let (_, unknown) = page(&panel, "/servers/new?script=999", &cookie).await;
    assert!(
        !unknown.contains("<option value=\"1\" selected"),
        "an unknown id picks nothing"
    );
}
