//! The servers pages and their server functions over HTTP, against the embedded simulator: what
//! the list renders for a query, the detail page, and the mutations' checks and answers.

use crate::harness::{call, page, signed_in};
use serde_json::Value;

/// The servers' names in the order the table lists them.
fn listed(html: &str) -> Vec<String> {
    html.split("data-testid=\"server-row\" data-name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn the_list_renders_what_the_url_asks_for() {
    let (panel, cookie) = signed_in().await;
    let all = page(&panel, "/servers", &cookie).await;
    assert_eq!(listed(&all).len(), 7);
    assert!(all.contains("7 servers"));

    assert_eq!(
        listed(&page(&panel, "/servers?q=DB", &cookie).await),
        ["ec200402"],
        "search ignores case and matches the display name"
    );
    assert_eq!(
        listed(&page(&panel, "/servers?q=213.171.184.18", &cookie).await),
        ["ec200406"],
        "search matches an IP"
    );
    assert_eq!(
        listed(&page(&panel, "/servers?region=it-mi2&sort=plan&dir=desc", &cookie).await),
        ["ec200405", "ec200403"]
    );
    assert_eq!(
        listed(&page(&panel, "/servers?family=Windows", &cookie).await),
        ["ec200405"]
    );
    assert_eq!(
        listed(
            &page(
                &panel,
                "/servers?group=none&status=Booted&q=ec2004",
                &cookie
            )
            .await
        )
        .len(),
        5,
        "ec200401 is in a group"
    );
    let none = page(&panel, "/servers?q=nothing-like-this", &cookie).await;
    assert!(none.contains("No servers match"));
    // Unknown values fall back to defaults instead of failing.
    assert_eq!(
        listed(&page(&panel, "/servers?sort=evil&page=0", &cookie).await).len(),
        7
    );
    // Power states are asked for the rows shown: staging is off.
    assert!(all.contains("Stopped"));
}

#[tokio::test]
async fn the_list_function_reads_its_query_as_the_browser_sends_it() {
    let (panel, cookie) = signed_in().await;
    // The names on the page `servers_list` answers for these form fields.
    let list = |form: &'static [(&'static str, &'static str)]| {
        let (panel, cookie) = (&panel, &cookie);
        async move {
            let (status, body) = call(panel, cookie, "servers_list", form).await;
            assert_eq!(status, 200, "{body}");
            let rows = body["rows"].as_array().expect("rows");
            let names: Vec<String> = rows
                .iter()
                .map(|r| r["name"].as_str().expect("name").to_string())
                .collect();
            (names, body["matched"].as_u64(), body["total"].as_u64())
        }
    };
    // A filter travels as a (key, value) pair of the query's list.
    assert_eq!(
        list(&[
            ("query[q]", ""),
            ("query[filters][0][0]", "region"),
            ("query[filters][0][1]", "it-mi2"),
            ("query[sort]", "plan"),
            ("query[desc]", "true"),
            ("query[page]", "1"),
        ])
        .await,
        (vec!["ec200405".into(), "ec200403".into()], Some(2), Some(7))
    );
    // With no filter the list is left out of the body altogether.
    assert_eq!(
        list(&[
            ("query[q]", "db"),
            ("query[desc]", "false"),
            ("query[page]", "1")
        ])
        .await,
        (vec!["ec200402".into()], Some(1), Some(7))
    );
}

#[tokio::test]
async fn the_detail_page_and_an_unknown_server() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/servers/ec200402", &cookie).await;
    assert!(html.contains("db-1"));
    assert!(html.contains("Debian"));
    assert!(html.contains("ec200401"), "the isolation list");
    for path in ["/servers/ec999999", "/servers/..%2Flogin"] {
        let missing = panel.get(path, Some(&cookie)).await;
        assert_eq!(missing.status(), 404, "{path}");
        let body = missing.text().await.expect("body");
        assert!(body.contains("Server not found"), "{path}");
    }
}

#[tokio::test]
async fn mutations_check_their_input_and_explain_refusals() {
    let (panel, cookie) = signed_in().await;

    let (status, body) = call(
        &panel,
        &cookie,
        "servers_rename",
        &[("name", "ec200402"), ("notes", "  ")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "notes");
    let (status, _) = call(
        &panel,
        &cookie,
        "servers_rename",
        &[("name", "ec200402"), ("notes", "db primary")],
    )
    .await;
    assert_eq!(status, 200);
    assert!(page(&panel, "/servers/ec200402", &cookie)
        .await
        .contains("db-primary"));

    // win-ad's support plan is immutable: the documented refusal, explained.
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_support",
        &[("name", "ec200405"), ("code", "global")],
    )
    .await;
    assert_ne!(status, 200);
    let message = body["Upstream"].as_str().expect("an upstream refusal");
    assert!(
        message.starts_with("This support plan is locked"),
        "{message}"
    );
    assert!(
        message.contains("immutable"),
        "ECS's words follow: {message}"
    );

    let (status, body) = call(
        &panel,
        &cookie,
        "servers_reserve",
        &[("name", "ec200402"), ("months", "5")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "months");
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_reserve",
        &[("name", "ec200402"), ("months", "12")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["formula"], "M12PeCS4");
    assert!(body["discount"].as_f64().is_some_and(|d| d > 0.0), "{body}");

    // Deleting needs the name (or display name) typed, and reserved servers are refused.
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_delete",
        &[("name", "ec200406"), ("typed", "vpn")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "confirm");
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_delete",
        &[("name", "ec200404"), ("typed", "ec200404")],
    )
    .await;
    assert_ne!(status, 200);
    assert!(
        body["Upstream"]
            .as_str()
            .is_some_and(|m| m.contains("reserved")),
        "{body}"
    );
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_delete",
        &[("name", "ec200406"), ("typed", "vpn-sofia")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.as_u64().is_some(), "the delete action's id: {body}");
    // A server that is already gone (404 upstream) reads as deleted, singly and in bulk.
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_delete",
        &[("name", "ec299999"), ("typed", "ec299999")],
    )
    .await;
    assert_eq!((status, body), (200, Value::Null));
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_bulk",
        &[("op", "Delete"), ("names[0]", "ec299999")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body[0]["error"], Value::Null, "{body}");
}

#[tokio::test]
async fn bulk_actions_answer_server_by_server() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "servers_bulk",
        &[
            ("op", "PowerOff"),
            ("names[0]", "ec200401"),
            ("names[1]", "ec999999"),
            ("names[2]", "ec200403"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let results = body.as_array().expect("one result per server");
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["name"], "ec200401");
    assert!(results[0]["action"].as_u64().is_some());
    assert!(results[0]["error"].is_null());
    assert!(
        results[1]["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{body}"
    );
    // staging is already off: ECS's refusal is passed on in plain words.
    assert!(
        results[2]["error"].is_string() || results[2]["action"].is_u64(),
        "{body}"
    );

    let (status, activity) = call(&panel, &cookie, "servers_activity", &[]).await;
    assert_eq!(status, 200, "{activity}");
    let running = activity["running"].as_array().expect("running actions");
    assert!(
        running
            .iter()
            .any(|r| r["resource"] == "ec200401" && r["doing"] == "Powering off"),
        "{activity}"
    );
}
