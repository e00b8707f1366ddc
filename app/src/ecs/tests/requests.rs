//! What the client sends: headers, ids, methods, base URLs.

use secrecy::SecretString;

use super::*;

// ------------------------------------------------------------------ requests we send

#[tokio::test]
async fn credentials_go_in_the_right_header() {
    let u = upstream(200, r#"{"status": "ok", "server": []}"#).await;
    u.client.list_servers(&cred()).await.expect("list");
    let sent = u.last();
    assert_eq!(
        sent.headers.get("x-apitoken").and_then(|v| v.to_str().ok()),
        Some(TOKEN)
    );
    assert!(sent.headers.get("authorization").is_none());
    assert!(sent
        .headers
        .get("user-agent")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ua| ua.starts_with("ecs-panel/")));

    let bearer = Credential::Bearer(SecretString::from("eyJ.jwt.sig"));
    u.client.list_servers(&bearer).await.expect("list");
    let sent = u.last();
    assert_eq!(
        sent.headers
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer eyJ.jwt.sig")
    );
    assert!(sent.headers.get("x-apitoken").is_none());
    assert!(!format!("{bearer:?}").contains("eyJ.jwt.sig"));

    let broken = Credential::ApiToken(SecretString::from("bad\ntoken"));
    assert_eq!(
        u.client.list_servers(&broken).await.err(),
        Some(EcsError::Unauthorized)
    );
}

#[tokio::test]
async fn invalid_ids_never_reach_the_upstream() {
    let u = upstream(200, r#"{"status": "ok"}"#).await;
    let c = cred();
    for bad in [
        "../login",
        "ec200410/../../login",
        "..",
        "",
        "ec%2e%2e",
        "ec1?x=1",
        "EC1",
    ] {
        assert_eq!(
            u.client.get_server(&c, bad).await.err(),
            Some(EcsError::InvalidId),
            "{bad}"
        );
        assert_eq!(
            u.client.delete_server(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_template(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_group(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.get_action(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_ssh_key(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_script(&c, bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.delete_snapshot(&c, "ec200409", bad).await.err(),
            Some(EcsError::InvalidId)
        );
        assert_eq!(
            u.client.set_server_group(&c, "ec200409", bad).await.err(),
            Some(EcsError::InvalidId)
        );
    }
    assert_eq!(
        u.client
            .list_actions(&c, 0, 50, Some("ec1&length=9999"))
            .await
            .err(),
        Some(EcsError::InvalidId)
    );
    assert!(u.seen().is_empty(), "no request may leave with a bad id");
}

#[tokio::test]
async fn put_refused_with_405_is_retried_as_patch() {
    let u = upstream(405, r#"{"message": "Method Not Allowed"}"#).await;
    let err = u
        .client
        .update_template(&cred(), "ei000002", Some("my new name"), None)
        .await
        .err();
    assert_eq!(
        err,
        Some(EcsError::Rejected {
            status: 405,
            message: "Method Not Allowed".into()
        })
    );
    let methods: Vec<String> = u.seen().into_iter().map(|s| s.method).collect();
    assert_eq!(methods, ["PUT", "PATCH"]);
}

#[tokio::test]
async fn base_url_forms() {
    for ok in [
        "http://127.0.0.1:8089/ecs/v2",
        "http://127.0.0.1:8089/ecs/v2/",
        "https://api.seeweb.it/ecs/v2",
    ] {
        assert!(EcsClient::new(ok, ClientOptions::default()).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "api.seeweb.it/ecs/v2",
        "ftp://x/ecs",
        "http://user:pw@host/ecs/v2",
        "mailto:a@b",
    ] {
        let e = EcsClient::new(bad, ClientOptions::default()).err();
        assert!(matches!(e, Some(EcsError::Malformed { .. })), "{bad}");
        assert!(!e.map(|e| e.to_string()).unwrap_or_default().contains("pw@"));
    }
}
