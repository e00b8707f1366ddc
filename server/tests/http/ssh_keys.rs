//! `/ssh-keys` and its server functions over HTTP, against the embedded simulator: keys are
//! checked and normalised on the server even when the browser's check is bypassed, labels are
//! unique ignoring case, and the page shows each key's fingerprint (or says it is not a key).

use crate::harness::{call, signed_in, Panel};
use serde_json::Value;

/// Made by `ssh-keygen -t ed25519`; `ssh-keygen -lf` printed this fingerprint for it.
const ED25519: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqH9vfhYfmtN99qecO9XVLMZ+fQwAKH3fF5IyZW9SJe test@example";
const FINGERPRINT: &str = "SHA256:dDTEzfg4GjYKpqdR7rHUAcyP1WZe6QL9rY/i3tvHyBY";

async fn keys(panel: &Panel, cookie: &str) -> Vec<Value> {
    let (status, body) = call(panel, cookie, "ssh_keys_list", &[]).await;
    assert_eq!(status, 200, "{body}");
    body.as_array().expect("a list").clone()
}

/// The `POST /sshkeys` requests the simulator received.
async fn posted(panel: &Panel) -> Vec<Value> {
    let log: Value = crate::harness::client()
        .get(format!("{}/requests", panel.sim().admin_url()))
        .send()
        .await
        .expect("request log")
        .json()
        .await
        .expect("JSON log");
    log["requests"]
        .as_array()
        .expect("requests")
        .iter()
        .filter(|r| {
            r["method"] == "POST" && r["path"].as_str().is_some_and(|p| p.ends_with("/sshkeys"))
        })
        .cloned()
        .collect()
}

#[tokio::test]
async fn the_server_refuses_what_is_not_a_key_even_without_the_browser() {
    let (panel, cookie) = signed_in().await;
    for (text, words) in [
        ("ssh-rsa AAAA", "damaged"),
        ("hello", "not supported"),
        ("", "Paste a public key"),
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----",
            "private key",
        ),
    ] {
        let (status, body) = call(
            &panel,
            &cookie,
            "ssh_keys_add",
            &[("label", "bypass"), ("key", text)],
        )
        .await;
        assert_ne!(status, 200, "{text:?}");
        assert_eq!(body["Invalid"]["field"], "key", "{text:?}: {body}");
        let message = body["Invalid"]["message"].as_str().unwrap_or("");
        assert!(message.contains(words), "{text:?}: {message}");
    }
    assert!(posted(&panel).await.is_empty(), "nothing reached ECS");
    assert_eq!(keys(&panel, &cookie).await.len(), 1);
}

#[tokio::test]
async fn a_key_is_stored_normalised_and_listed_with_its_fingerprint() {
    let (panel, cookie) = signed_in().await;
    let pasted = format!("  \n{}\t\n", ED25519.replace(' ', "   "));
    let (status, body) = call(
        &panel,
        &cookie,
        "ssh_keys_add",
        &[("label", "  laptop "), ("key", &pasted)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["label"], "laptop");
    assert_eq!(body["fingerprint"], FINGERPRINT);
    let sent = posted(&panel).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["body"]["key"], ED25519, "one line, single spaces");
    assert_eq!(sent[0]["body"]["label"], "laptop");

    let listed = keys(&panel, &cookie).await;
    let row = listed
        .iter()
        .find(|k| k["label"] == "laptop")
        .expect("listed");
    assert_eq!(row["facts"]["fingerprint"], FINGERPRINT);
    assert_eq!(row["facts"]["kind"], "ED25519");

    let html = panel
        .get("/ssh-keys?q=TEST%40example", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    assert!(
        html.contains(FINGERPRINT),
        "the page renders the fingerprint"
    );
    assert!(
        html.contains("1 of 2 keys match"),
        "the search in the URL applies"
    );
}

#[tokio::test]
async fn labels_are_unique_ignoring_case_on_add_and_rename() {
    let (panel, cookie) = signed_in().await;
    let (status, body) = call(
        &panel,
        &cookie,
        "ssh_keys_add",
        &[("label", "DEMO-laptop"), ("key", ED25519)],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "label", "{body}");
    assert!(posted(&panel).await.is_empty());

    let (status, _) = call(
        &panel,
        &cookie,
        "ssh_keys_add",
        &[("label", "second"), ("key", ED25519)],
    )
    .await;
    assert_eq!(status, 200);
    let second = keys(&panel, &cookie)
        .await
        .into_iter()
        .find(|k| k["label"] == "second")
        .expect("added");
    let id = second["id"].to_string();

    let (status, body) = call(
        &panel,
        &cookie,
        "ssh_keys_rename",
        &[("id", &id), ("label", "Demo-Laptop")],
    )
    .await;
    assert_ne!(status, 200);
    assert_eq!(body["Invalid"]["field"], "label", "{body}");
    let (status, body) = call(
        &panel,
        &cookie,
        "ssh_keys_rename",
        &[("id", &id), ("label", "home")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call(&panel, &cookie, "ssh_keys_delete", &[("id", &id)]).await;
    assert_eq!(status, 200, "{body}");
    let labels: Vec<Value> = keys(&panel, &cookie)
        .await
        .into_iter()
        .map(|k| k["label"].clone())
        .collect();
    assert_eq!(labels, ["demo-laptop"]);
}

#[tokio::test]
async fn a_stored_text_that_is_not_a_key_is_listed_as_such() {
    let (panel, cookie) = signed_in().await;
    // ECS stores whatever it is given: put a broken key there directly.
    let res = crate::harness::client()
        .post(format!("{}/sshkeys", panel.sim().base_url()))
        .header("X-APITOKEN", ecs_simulator::DEMO_API_TOKEN)
        .json(&serde_json::json!({"key": "ssh-rsa AAAA broken", "label": "broken"}))
        .send()
        .await
        .expect("simulator");
    assert!(res.status().is_success());
    let listed = keys(&panel, &cookie).await;
    let broken = listed
        .iter()
        .find(|k| k["label"] == "broken")
        .expect("listed");
    assert!(broken["facts"].is_null());
    let html = panel
        .get("/ssh-keys", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    assert!(html.contains("not a valid OpenSSH key"));
    assert!(html.contains("2 keys"));
}
