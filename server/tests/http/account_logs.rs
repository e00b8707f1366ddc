//! `/account` and `/logs` over HTTP, against the embedded simulator: the profile and tokens
//! render; a token is made (shown once), signs in, is renamed and destroyed (then refused); the
//! password changes only with the current one and a new one that meets the rules; the log pages,
//! filters, opens one entry and shows `extra_data` as text.

use crate::harness::{call, page, sent, session_cookie, signed_in, Panel};

async fn token_session(panel: &Panel, token: &str) -> reqwest::Response {
    panel
        .post_form("/api/login_token", None, &[("token", token)])
        .await
}

#[tokio::test]
async fn a_token_is_made_signs_in_is_renamed_and_destroyed() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/account", &cookie).await;
    let at = html.find("profile-username").expect("the profile");
    assert!(
        html[at..at + 60].contains(">demo<"),
        "{}",
        &html[at..at + 60]
    );
    assert!(html.contains("data-testid=\"tokens-table\""));

    // The name is checked before anything is sent.
    let (status, body) = call(&panel, &cookie, "token_create", &[("notes", "  ")]).await;
    assert_eq!(status, 422);
    assert!(body["Invalid"]["field"] == "notes", "{body}");
    assert!(sent(&panel, "POST", "/keys").is_empty());

    let (status, body) = call(
        &panel,
        &cookie,
        "token_create",
        &[("notes", "terraform-ci")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["notes"], "terraform-ci");
    let token = body["token"].as_str().expect("the token, once").to_string();
    assert!(token.len() >= 64);
    assert_eq!(
        sent(&panel, "POST", "/keys"),
        [serde_json::json!({ "notes": "terraform-ci" })]
    );
    let html = page(&panel, "/account", &cookie).await;
    assert!(html.contains("data-notes=\"terraform-ci\""));
    assert!(!html.contains(&token), "the token is never shown again");
    let id = html
        .split("data-notes=\"terraform-ci\" data-id=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("its id")
        .to_string();

    // The same name again is refused at the field.
    let (status, body) = call(
        &panel,
        &cookie,
        "token_create",
        &[("notes", "Terraform-CI")],
    )
    .await;
    assert_eq!(status, 422, "{body}");

    // It signs in to the panel.
    let res = token_session(&panel, &token).await;
    assert!(res.status().is_success() || res.status().is_redirection());
    let token_cookie = session_cookie(&res).expect("a session");
    assert!(page(&panel, "/account", &token_cookie)
        .await
        .contains("terraform-ci"));

    let (status, _) = call(
        &panel,
        &cookie,
        "token_rename",
        &[("id", &id), ("notes", "deploys")],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        sent(&panel, "PUT", &format!("/keys/{id}")),
        [serde_json::json!({ "notes": "deploys" })]
    );
    assert!(page(&panel, "/account", &cookie)
        .await
        .contains("data-notes=\"deploys\""));

    let (status, _) = call(&panel, &cookie, "token_delete", &[("id", &id)]).await;
    assert_eq!(status, 200);
    assert!(!page(&panel, "/account", &cookie)
        .await
        .contains("data-notes=\"deploys\""));
    // Destroyed: the next call made with it meets ECS's 401 and ends its session; it no longer
    // signs in either.
    panel.get("/account", Some(&token_cookie)).await;
    assert_eq!(
        panel.get("/account", Some(&token_cookie)).await.status(),
        303
    );
    let res = token_session(&panel, &token).await;
    assert_eq!(res.status(), 422);
    // Twice: it is gone, said as such.
    let (status, _) = call(&panel, &cookie, "token_delete", &[("id", &id)]).await;
    assert_eq!(status, 404);
    let (status, _) = call(
        &panel,
        &cookie,
        "token_rename",
        &[("id", &id), ("notes", "gone")],
    )
    .await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_password_changes_only_with_the_current_one_and_the_rules_met() {
    let (panel, cookie) = signed_in().await;
    let good = "Tramonto-2026";
    let change = |current: &'static str, new: &'static str, confirm: &'static str| {
        let (panel, cookie) = (&panel, cookie.clone());
        async move {
            call(
                panel,
                &cookie,
                "password_change",
                &[("current", current), ("new", new), ("confirm", confirm)],
            )
            .await
        }
    };
    let (status, body) = change("demo", "short", "short").await;
    assert_eq!(
        (status, &body["Invalid"]["field"]),
        (422, &"new".into()),
        "{body}"
    );
    let (status, body) = change("demo", good, "Tramonto-2025").await;
    assert_eq!(
        (status, &body["Invalid"]["field"]),
        (422, &"confirm".into()),
        "{body}"
    );
    let (status, body) = change("not-it", good, good).await;
    assert_eq!(
        (status, &body["Invalid"]["field"]),
        (422, &"current".into()),
        "{body}"
    );
    assert!(
        sent(&panel, "POST", "/account").is_empty(),
        "nothing changed yet"
    );

    let (status, body) = change("demo", good, good).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(sent(&panel, "POST", "/account").len(), 1);
    // This session goes on; the next sign-in needs the new password.
    assert!(page(&panel, "/account", &cookie)
        .await
        .contains("profile-username"));
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    assert_eq!(res.status(), 422);
    panel.sign_in("demo", good, None).await;
}

#[tokio::test]
async fn the_log_pages_filters_and_opens_an_entry() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/logs", &cookie).await;
    assert!(html.contains("data-testid=\"logs-table\""));
    assert_eq!(
        html.matches("data-testid=\"log-row\"").count(),
        25,
        "a page of 25"
    );
    assert!(html.contains("Showing 1–25 of "));

    let (status, body) = call(&panel, &cookie, "logs_list", &[("page", "2")]).await;
    assert_eq!(status, 200);
    assert_eq!(body["page"], 2);
    let first_of_two = body["rows"][0]["id"].as_u64().expect("an id");
    let starts: Vec<String> = panel
        .sim()
        .store
        .requests()
        .recent(usize::MAX)
        .into_iter()
        .filter(|r| r.path.ends_with("/logs"))
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert!(
        starts
            .iter()
            .any(|q| q.contains("start=25") && q.contains("length=25")),
        "{starts:?}"
    );

    // Severity and status are filtered here; the rows all match.
    let (status, body) = call(&panel, &cookie, "logs_list", &[("severity", "error")]).await;
    assert_eq!(status, 200, "{body}");
    let rows = body["rows"].as_array().expect("rows");
    assert!(!rows.is_empty(), "the seed has failed creations");
    assert!(rows.iter().all(|r| r["severity"] == "Error"), "{rows:?}");
    let (_, body) = call(
        &panel,
        &cookie,
        "logs_list",
        &[("status", "failure"), ("resource", "demo")],
    )
    .await;
    assert!(body["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["failed"] == true));

    // Bad filters answer at their field and reach nothing.
    for (field, value) in [
        ("severity", "loud"),
        ("status", "maybe"),
        ("resource", "../login"),
    ] {
        let (status, body) = call(&panel, &cookie, "logs_list", &[(field, value)]).await;
        assert_eq!(
            (status, &body["Invalid"]["field"]),
            (422, &field.into()),
            "{body}"
        );
    }

    // One entry: a new server's request, its extra data as text in a <pre>.
    let (status, body) = crate::harness::create_server(
        &panel,
        &cookie,
        &crate::harness::create_form(&[("form_token", "logs-1"), ("notes", "<b id=pwned>x</b>")]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = call(&panel, &cookie, "logs_list", &[]).await;
    let newest = &list["rows"][0];
    assert_eq!(newest["action"], "Create server");
    let id = newest["id"].as_u64().expect("an id");
    assert!(id > first_of_two);
    let html = page(&panel, &format!("/logs/{id}"), &cookie).await;
    assert!(
        html.contains("data-testid=\"log-extra\" data-kind=\"json\""),
        "extra data"
    );
    assert!(html.contains("&quot;plan&quot;") || html.contains("\"plan\""));
    let res = panel.get("/logs/99999999", Some(&cookie)).await;
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("Log entry not found"));
    assert_eq!(
        panel.get("/logs/..%2Flogin", Some(&cookie)).await.status(),
        404
    );
}
