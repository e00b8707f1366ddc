//! `/networks` and a server's networks tab over HTTP, against the embedded simulator: who is
//! attached, create and delete (refused while attached, in words), VLANs added (the first reboots
//! the server), the PVID changed, VLANs removed, and bad input at its field.

use crate::harness::{call, page, sent, signed_in};

#[tokio::test]
async fn networks_list_their_attached_servers_and_create_and_delete() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/networks", &cookie).await;
    assert!(html.contains("data-testid=\"network-row\" data-name=\"net000015\""));
    assert!(html.contains("data-server=\"ec200401\""));
    assert!(html.contains("data-server=\"ec200402\""));
    assert!(html.contains("VLAN 100 (PVID 100)"));
    assert!(html.contains("/servers/ec200401?tab=networks"));

    // Refused while servers are attached, in plain words.
    let (status, body) = call(&panel, &cookie, "networks_delete", &[("name", "net000015")]).await;
    assert_ne!(status, 200);
    let message = body["Upstream"].as_str().expect("a message");
    assert!(
        message.starts_with("Servers are still attached"),
        "{message}"
    );

    let (status, body) = call(&panel, &cookie, "networks_create", &[]).await;
    assert_eq!(status, 200, "{body}");
    let name = body.as_str().expect("its name").to_string();
    assert!(name.starts_with("net"), "{name}");
    assert!(page(&panel, "/networks", &cookie)
        .await
        .contains(&format!("data-name=\"{name}\"")));
    let (status, _) = call(&panel, &cookie, "networks_delete", &[("name", &name)]).await;
    assert_eq!(status, 200);
    assert!(!page(&panel, "/networks", &cookie)
        .await
        .contains(&format!("data-name=\"{name}\"")));
    // An id that cannot be a network never reaches the API.
    let (status, _) = call(
        &panel,
        &cookie,
        "networks_delete",
        &[("name", "../servers")],
    )
    .await;
    assert_eq!(status, 404);
    assert!(sent(&panel, "DELETE", "/servers").is_empty());
}

#[tokio::test]
async fn the_tab_shows_the_interface_with_its_setup_for_the_os() {
    let (panel, cookie) = signed_in().await;
    let html = page(&panel, "/servers/ec200401?tab=networks", &cookie).await;
    assert!(html.contains("data-testid=\"interface\" data-network=\"net000015\""));
    assert!(html.contains("data-testid=\"vlan-row\" data-vlan=\"100\""));
    assert!(html.contains("sudo ip link set dev"), "Linux commands");
    assert!(html.contains("sudo ip address add 192.168.15."));
    // Not on a network: said, with a way to attach it.
    let html = page(&panel, "/servers/ec200403?tab=networks", &cookie).await;
    assert!(html.contains("no-interfaces"));
}

#[tokio::test]
async fn vlans_are_added_repvided_and_removed_and_a_new_interface_reboots() {
    let (panel, cookie) = signed_in().await;
    for (vlans, field) in [("0", "vlans"), ("20-10", "vlans"), ("abc", "vlans")] {
        let (status, body) = call(
            &panel,
            &cookie,
            "server_vlans_add",
            &[
                ("name", "ec200403"),
                ("network", "net000015"),
                ("vlans", vlans),
            ],
        )
        .await;
        assert_ne!(status, 200);
        assert_eq!(body["Invalid"]["field"], field, "{body}");
    }
    assert!(
        sent(&panel, "POST", "/vlans").is_empty(),
        "bad input is never sent"
    );

    // The first VLAN adds an interface: the server reboots while the action runs.
    let (status, body) = call(
        &panel,
        &cookie,
        "server_vlans_add",
        &[
            ("name", "ec200403"),
            ("network", "net000015"),
            ("vlans", "200"),
            ("pvid", "true"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        sent(&panel, "POST", "/servers/ec200403/networks/net000015/vlans"),
        [serde_json::json!({"vlan_id": 200, "pvid": true})]
    );
    let (_, activity) = call(&panel, &cookie, "servers_activity", &[]).await;
    let running = activity["running"].as_array().expect("running");
    assert!(
        running
            .iter()
            .any(|r| r["resource"] == "ec200403-net000015"),
        "{activity}"
    );
    // Busy meanwhile: ECS refuses a power change, in words.
    let (status, _) = call(
        &panel,
        &cookie,
        "servers_power",
        &[("name", "ec200403"), ("on", "false")],
    )
    .await;
    assert_ne!(status, 200);
    panel.sim().advance(60.0);

    // A range on the existing interface, then the PVID moved, then the range removed.
    let (status, body) = call(
        &panel,
        &cookie,
        "server_vlans_add",
        &[
            ("name", "ec200403"),
            ("network", "net000015"),
            ("vlans", "201-203"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        sent(&panel, "POST", "/vlans").last().cloned(),
        Some(serde_json::json!({"vlans": "201-203"}))
    );
    // Still being made: a PVID change is refused in words.
    let (status, body) = call(
        &panel,
        &cookie,
        "server_vlans_pvid",
        &[
            ("name", "ec200403"),
            ("network", "net000015"),
            ("vlan_id", "202"),
        ],
    )
    .await;
    assert_ne!(status, 200);
    assert!(
        body["Upstream"]
            .as_str()
            .unwrap_or_default()
            .starts_with("That VLAN is still being changed"),
        "{body}"
    );
    panel.sim().advance(60.0);
    let (status, body) = call(
        &panel,
        &cookie,
        "server_vlans_pvid",
        &[
            ("name", "ec200403"),
            ("network", "net000015"),
            ("vlan_id", "202"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    panel.sim().advance(60.0);
    let html = page(&panel, "/servers/ec200403?tab=networks", &cookie).await;
    let row = html
        .split("data-testid=\"vlan-row\" data-vlan=\"202\"")
        .nth(1)
        .expect("vlan 202");
    assert!(row[..row.find("</tr>").unwrap()].contains("data-testid=\"pvid\""));

    let (status, body) = call(
        &panel,
        &cookie,
        "server_vlans_remove",
        &[
            ("name", "ec200403"),
            ("network", "net000015"),
            ("vlans", "200-203"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(sent(&panel, "DELETE", "/vlans/200-203").len(), 1);
    panel.sim().advance(60.0);
    assert!(page(&panel, "/servers/ec200403?tab=networks", &cookie)
        .await
        .contains("no-interfaces"));
}

#[tokio::test]
async fn a_server_created_on_a_network_has_its_interface_from_the_start() {
    let (panel, cookie) = signed_in().await;
    let form = crate::harness::create_form(&[
        ("form_token", "net-1"),
        ("notes", "app-3"),
        ("network", "net000015"),
        ("network_vlans", "0"),
    ]);
    let (status, body) = crate::harness::create_server(&panel, &cookie, &form).await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "network_vlans", "{body}");

    let form = crate::harness::create_form(&[
        ("form_token", "net-2"),
        ("notes", "app-3"),
        ("network", "net000015"),
        ("network_vlans", "300"),
    ]);
    let (status, body) = crate::harness::create_server(&panel, &cookie, &form).await;
    assert_eq!(status, 200, "{body}");
    let name = body["name"].as_str().expect("a server name").to_string();
    assert_eq!(
        sent(&panel, "POST", "/servers")[0]["networks"],
        serde_json::json!([{"name": "net000015", "vlans": [{"vlan_id": 300, "pvid": true}]}])
    );
    panel.sim().advance(600.0);
    let html = page(&panel, &format!("/servers/{name}?tab=networks"), &cookie).await;
    assert!(
        html.contains("data-testid=\"vlan-row\" data-vlan=\"300\""),
        "{name}"
    );
}
