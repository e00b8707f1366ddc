//! The server list's short-lived copy (`app::ecs::list_cache`): sorting and paging answer from it,
//! any change the panel sends drops it at once (on every replica), the live feed drops it when an
//! action starts or ends, and Refresh drops it by hand. A change made elsewhere shows once the
//! copy is gone.

use crate::harness::{call, Replicas, Rig};

const TOKEN: &str = "demo-api-token-0000000000000000000000000000000000000000";

fn list_reads(rig: &Rig) -> usize {
    rig.upstream()
        .iter()
        .filter(|r| {
            r["method"] == "GET" && r["path"].as_str().is_some_and(|p| p.ends_with("/servers"))
        })
        .count()
}

/// Renames a server straight at the API, as Seeweb's own panel or a script would.
async fn rename_elsewhere(api: &str, name: &str, notes: &str) {
    let res = reqwest::Client::new()
        .put(format!("{api}/servers/{name}"))
        .header("X-APITOKEN", TOKEN)
        .json(&serde_json::json!({ "notes": notes }))
        .send()
        .await
        .expect("simulator");
    assert!(res.status().is_success(), "rename: {}", res.status());
}

#[tokio::test]
async fn sorting_and_paging_answer_from_the_copy() {
    let rig = Rig::start(&[]).await;
    rig.forget();
    for path in [
        "/servers",
        "/servers?sort=name&dir=desc",
        "/servers?q=web",
        "/servers?page=1",
    ] {
        let (status, _) = rig.page(path).await;
        assert_eq!(status, 200, "{path}");
    }
    assert_eq!(
        list_reads(&rig),
        1,
        "one read of the account for four views"
    );
}

#[tokio::test]
async fn a_change_through_the_panel_shows_at_once() {
    let rig = Rig::start(&[]).await;
    rig.page("/servers").await;
    let (status, _) = rig
        .call(
            "servers_rename",
            &[("name", "ec200402"), ("notes", "renamed-here")],
        )
        .await;
    assert_eq!(status, 200);
    let (_, html) = rig.page("/servers").await;
    assert!(
        html.contains("renamed-here"),
        "the rename is in the next list"
    );
}

#[tokio::test]
async fn a_change_made_elsewhere_shows_after_refresh() {
    let rig = Rig::start(&[]).await;
    rig.page("/servers").await;
    rename_elsewhere(&rig.sim.base_url(), "ec200402", "renamed-elsewhere").await;
    let (_, html) = rig.page("/servers").await;
    assert!(
        !html.contains("renamed-elsewhere"),
        "the copy is still current"
    );
    let (status, _) = rig.call("servers_refresh", &[]).await;
    assert_eq!(status, 200);
    let (_, html) = rig.page("/servers").await;
    assert!(
        html.contains("renamed-elsewhere"),
        "Refresh reads the account again"
    );
}

#[tokio::test]
async fn the_live_feed_drops_the_copy_when_an_action_starts() {
    let rig = Rig::start(&[]).await;
    rig.call("servers_activity", &[]).await;
    rig.page("/servers").await;
    rig.forget();
    // A quiet feed keeps the copy.
    rig.call("servers_activity", &[]).await;
    rig.page("/servers").await;
    assert_eq!(list_reads(&rig), 0);
    // A power action started elsewhere: the next poll sees it, and the list is read again.
    let res = reqwest::Client::new()
        .post(format!("{}/servers/ec200401/actions", rig.sim.base_url()))
        .header("X-APITOKEN", TOKEN)
        .json(&serde_json::json!({ "type": "power_off" }))
        .send()
        .await
        .expect("simulator");
    assert!(res.status().is_success(), "power off: {}", res.status());
    rig.call("servers_activity", &[]).await;
    rig.page("/servers").await;
    assert_eq!(list_reads(&rig), 1);
}

#[tokio::test]
async fn a_change_on_one_replica_drops_the_copy_on_the_other() {
    let replicas = Replicas::start().await;
    let [one, two] = &replicas.panels;
    let cookie = one.sign_in("demo", "demo", None).await;
    for panel in [one, two] {
        let res = panel.get("/servers", Some(&cookie)).await;
        assert_eq!(res.status(), 200);
    }
    let (status, _) = call(
        two,
        &cookie,
        "servers_rename",
        &[("name", "ec200402"), ("notes", "renamed-on-two")],
    )
    .await;
    assert_eq!(status, 200);
    let html = one
        .get("/servers", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    assert!(
        html.contains("renamed-on-two"),
        "replica one reads the account again"
    );
}
