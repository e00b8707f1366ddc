//! A server's snapshots tab and its server functions over HTTP, against the embedded simulator:
//! what the tab renders, each action and what reaches the API, the checks at their fields, the
//! 12-protected limit, and ECS's refusals in plain words.

use crate::harness::{call, page, sent, signed_in, Panel};
use serde_json::Value;

const TAB: &str = "/servers/ec200401?tab=snapshots";

/// The `data-name`s of the snapshot rows, in page order.
fn rows(html: &str) -> Vec<String> {
    html.split("data-testid=\"snapshot-row\" data-name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

/// The HTML of the row named `name`.
fn row<'a>(html: &'a str, name: &str) -> &'a str {
    let start = html
        .find(&format!("data-name=\"{name}\""))
        .unwrap_or_else(|| panic!("row {name}"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap_or(rest.len())]
}

/// The JSON bodies of the requests the simulator saw with `method` on a path ending `path_end`.
fn action_id(body: &Value) -> u64 {
    body.as_u64()
        .unwrap_or_else(|| panic!("an action id: {body}"))
}

#[tokio::test]
async fn the_tab_lists_the_demo_snapshots_with_the_schedule_and_its_next_deletion() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, TAB, &cookie).await;
    assert_eq!(
        rows(&html),
        ["ec200401-SNP-3", "ec200401-SNP-2", "ec200401-SNP-1"],
        "newest first"
    );
    assert!(row(&html, "ec200401-SNP-1").contains("snapshot-lock"));
    assert!(!row(&html, "ec200401-SNP-3").contains("snapshot-lock"));
    assert!(row(&html, "ec200401-SNP-1").contains("Ready"));
    assert!(html.contains("Every Sunday at 00:00 UTC, keeping the newest 2 unprotected snapshots"));
    // Two unprotected and a retention of 2: the next run deletes the oldest unprotected first.
    assert!(row(&html, "ec200401-SNP-2").contains("goes-next"));
    assert!(!row(&html, "ec200401-SNP-3").contains("goes-next"));
    assert!(html.contains("1 of 12 protected"));
    // The other tabs do not fetch snapshots.
    let overview = page(&panel, "/servers/ec200401", &cookie).await;
    assert!(!overview.contains("snapshot-row"));
}

#[tokio::test]
async fn taking_a_snapshot_checks_its_description_and_follows_its_action() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_create",
        &[("name", "ec200402"), ("description", "  ")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "description", "{body}");

    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_create",
        &[
            ("name", "ec200402"),
            ("description", "<b>before</b> upgrade"),
            ("notes", "line 1\nline 2"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let id = action_id(&body);
    let bodies = sent(&panel, "POST", "/servers/ec200402/snapshots");
    assert_eq!(
        bodies[0]["notes"], "line 1\nline 2",
        "the notes reach the API"
    );
    let html = page(&panel, "/servers/ec200402?tab=snapshots", &cookie).await;
    assert!(row(&html, "ec200402-SNP-1").contains("Creating"));
    // Stored markup stays text.
    assert!(html.contains("&lt;b&gt;before&lt;/b&gt; upgrade"));
    assert!(!html.contains("<b>before</b>"));
    // While it is taken the server is busy: ECS refuses a second one, in plain words.
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_create",
        &[("name", "ec200402"), ("description", "again")],
    )
    .await;
    assert_ne!(status, 200);
    let message = body["Invalid"]["message"].as_str().expect("a message");
    assert!(message.starts_with("The server is busy"), "{message}");

    panel.sim().advance(60.0);
    let (_, activity) = call(
        &panel,
        &cookie,
        "servers_activity",
        &[("watch[]", &id.to_string())],
    )
    .await;
    assert_eq!(activity["finished"][0]["ok"], true, "{activity}");
    let html = page(&panel, "/servers/ec200402?tab=snapshots", &cookie).await;
    assert!(row(&html, "ec200402-SNP-1").contains("Ready"));
}

#[tokio::test]
async fn restoring_needs_the_typed_name_and_sends_a_rollback() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_restore",
        &[("name", "ec200401"), ("snapshot", "103"), ("typed", "web")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "confirm", "{body}");
    assert!(sent(&panel, "POST", "/servers/ec200401/actions").is_empty());

    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_restore",
        &[
            ("name", "ec200401"),
            ("snapshot", "103"),
            ("typed", "ec200401"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    action_id(&body);
    assert_eq!(
        sent(&panel, "POST", "/servers/ec200401/actions"),
        [serde_json::json!({"type": "rollback", "snapshot": 103})]
    );
    panel.sim().advance(600.0);
    let html = page(&panel, TAB, &cookie).await;
    assert!(
        row(&html, "ec200401-SNP-3").contains("last-restored"),
        "{}",
        row(&html, "ec200401-SNP-3")
    );
    assert!(!row(&html, "ec200401-SNP-1").contains("last-restored"));
}

#[tokio::test]
async fn rename_protect_and_delete_answer_in_plain_words() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_rename",
        &[
            ("name", "ec200401"),
            ("snapshot", "103"),
            ("description", "a\u{7}b"),
        ],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "description", "{body}");
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_rename",
        &[
            ("name", "ec200401"),
            ("snapshot", "103"),
            ("description", "nginx tuned"),
            ("notes", "keep"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["description"], "nginx tuned");

    // A protected snapshot is explained, and ECS is not asked to delete it.
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_delete",
        &[("name", "ec200401"), ("snapshot", "101")],
    )
    .await;
    assert_ne!(status, 200);
    let message = body["Upstream"].as_str().expect("a message");
    assert!(
        message.contains("protected") && message.contains("Unprotect it first"),
        "{message}"
    );
    assert!(sent(&panel, "DELETE", "/snapshots/101").is_empty());

    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_protect",
        &[
            ("name", "ec200401"),
            ("snapshot", "101"),
            ("protect", "false"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["protected"], false);
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_delete",
        &[("name", "ec200401"), ("snapshot", "101")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    action_id(&body);
    panel.sim().advance(60.0);
    assert!(!rows(&page(&panel, TAB, &cookie).await).contains(&"ec200401-SNP-1".to_string()));
    // Deleting it again is what the user wanted: no error.
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_delete",
        &[("name", "ec200401"), ("snapshot", "101")],
    )
    .await;
    assert_eq!((status, body), (200, Value::Null));
}

#[tokio::test]
async fn the_thirteenth_protection_is_said_before_and_refused_in_words() {
    let (panel, cookie) = signed_in().await;
    // Manual snapshots start protected while the quota allows: 1 exists, 11 more make 12.
    for n in 0..12 {
        let description = format!("s{n}");
        let (status, body) = call(
            &panel,
            &cookie,
            "snapshots_create",
            &[("name", "ec200401"), ("description", &description)],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        panel.sim().advance(60.0);
    }
    let html = page(&panel, TAB, &cookie).await;
    assert!(html.contains("12 of 12 protected"));
    assert!(html.contains("data-testid=\"protect-limit\""));
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_protect",
        &[
            ("name", "ec200401"),
            ("snapshot", "103"),
            ("protect", "true"),
        ],
    )
    .await;
    assert_ne!(status, 200);
    let message = body["Upstream"].as_str().expect("a message");
    assert!(
        message.starts_with("This server already has 12 protected snapshots"),
        "{message}"
    );
}

#[tokio::test]
async fn a_snapshot_clones_into_a_template_that_servers_can_be_made_from() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_template",
        &[("snapshot", "103"), ("description", "")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "template", "{body}");
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_template",
        &[("snapshot", "103"), ("description", "web golden")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["action"].as_u64().is_some(), "{body}");
    let name = body["row"]["name"]
        .as_str()
        .expect("a template name")
        .to_string();
    assert_eq!(sent(&panel, "POST", "/templates")[0]["snapshot"], 103);
    panel.sim().advance(600.0);
    let templates = page(&panel, "/templates", &cookie).await;
    assert!(
        templates.contains(&format!("/servers/new?image={name}")),
        "ready to build from"
    );
}

#[tokio::test]
async fn the_weekly_schedule_is_set_changed_paused_and_removed() {
    let (panel, cookie) = signed_in().await;
    let server = "ec200402";
    let tab = "/servers/ec200402?tab=snapshots";
    assert!(page(&panel, tab, &cookie).await.contains("schedule-none"));
    for (day, keep, field) in [("3", "0", "keep"), ("3", "31", "keep"), ("7", "2", "day")] {
        let (status, body) = call(
            &panel,
            &cookie,
            "snapshots_schedule",
            &[("name", server), ("day", day), ("keep", keep)],
        )
        .await;
        assert_ne!(status, 200);
        assert_eq!(body["Invalid"]["field"], field, "{body}");
    }
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_schedule",
        &[("name", server), ("day", "3"), ("keep", "4")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["day_of_week"].clone(), body["max_retention"].clone()),
        (3.into(), 4.into())
    );
    assert!(page(&panel, tab, &cookie)
        .await
        .contains("Every Wednesday at 00:00 UTC, keeping the newest 4 unprotected snapshots"));
    // Changed: a PATCH of the one there is, not a second POST.
    let (status, body) = call(
        &panel,
        &cookie,
        "snapshots_schedule",
        &[
            ("name", server),
            ("day", "6"),
            ("keep", "1"),
            ("paused", "true"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["enabled"], false);
    assert_eq!(sent(&panel, "POST", "/crons").len(), 1);
    assert!(page(&panel, tab, &cookie).await.contains("Paused"));
    let (status, _) = call(&panel, &cookie, "snapshots_unschedule", &[("name", server)]).await;
    assert_eq!(status, 200);
    assert!(page(&panel, tab, &cookie).await.contains("schedule-none"));
    let (status, _) = call(&panel, &cookie, "snapshots_unschedule", &[("name", server)]).await;
    assert_eq!(status, 200, "removing it twice is fine");
}

#[tokio::test]
async fn the_schedule_deletes_the_oldest_unprotected_on_the_simulators_clock() {
    // An API-token session: a password session's token would expire in the simulated week.
    let panel = Panel::demo().await;
    let res = panel
        .post_form(
            "/api/login_token",
            None,
            &[("token", ecs_simulator::DEMO_API_TOKEN)],
        )
        .await;
    let cookie = crate::harness::session_cookie(&res).expect("a session");
    panel.sim().advance(8.0 * 86_400.0);
    let html = page(&panel, TAB, &cookie).await;
    let names = rows(&html);
    assert!(!names.contains(&"ec200401-SNP-2".to_string()), "{names:?}");
    assert!(
        names.contains(&"ec200401-SNP-1".to_string()),
        "protected stays"
    );
    assert!(html.contains("periodic snapshot - "));
    assert!(html.contains("Last run"));
}
