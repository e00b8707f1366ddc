//! The error mapping, end to end over HTTP.

use super::*;
use crate::ecs::dto::*;
use std::time::Duration;

// ------------------------------------------------------------------ error mapping end to end

#[tokio::test]
async fn unauthorized_and_forbidden() {
    let u = upstream(401, r#"{"status": "error", "message": "Token expired"}"#).await;
    let e = u.client.list_servers(&cred()).await.expect_err("error");
    assert_eq!(e, EcsError::Unauthorized);
    assert_clean(&e, &u.base);

    let u = upstream(403, "").await;
    assert_eq!(
        u.client.list_servers(&cred()).await.err(),
        Some(EcsError::Unauthorized)
    );
    let u = upstream(
        403,
        r#"{"message": "Reserved Plans are not available for your profile"}"#,
    )
    .await;
    assert_eq!(
        u.client
            .set_reserved_plan(&cred(), "ec200001", "M12PECS1")
            .await
            .err(),
        Some(EcsError::Rejected {
            status: 403,
            message: "Reserved Plans are not available for your profile".into()
        })
    );
}

#[tokio::test]
async fn not_found_with_and_without_message() {
    let u = upstream(404, r#"{"status": "error", "message": "group not found"}"#).await;
    let e = u
        .client
        .set_server_group(&cred(), "ec200001", "eg999999")
        .await
        .expect_err("error");
    assert_eq!(
        e,
        EcsError::NotFound {
            message: Some("group not found".into())
        }
    );
    assert_clean(&e, &u.base);
    let u = upstream(404, "<html><body><h1>Not Found</h1></body></html>").await;
    assert_eq!(
        u.client.get_server(&cred(), "ec1").await.err(),
        Some(EcsError::NotFound { message: None })
    );
}

#[tokio::test]
async fn bad_request_with_every_body_form() {
    let cases = [
        (
            r#"{"status": "error", "message": "Support code not found"}"#,
            "Support code not found",
        ),
        (
            r#"{"error_code": 40, "status": "error", "message": "Invalid env variable format"}"#,
            "Invalid env variable format",
        ),
        (r#"{"error": "server not found"}"#, "server not found"),
        (
            r#"{"detail": "action type is required"}"#,
            "action type is required",
        ),
        (
            "Unable to retrieve server status\n",
            "Unable to retrieve server status",
        ),
        (
            "<!DOCTYPE html><html><title>400 Bad Request</title></html>",
            "",
        ),
        ("", ""),
    ];
    for (body, message) in cases {
        let u = upstream(400, body).await;
        let e = u
            .client
            .server_status(&cred(), "ec1")
            .await
            .expect_err("error");
        assert_eq!(
            e,
            EcsError::Rejected {
                status: 400,
                message: message.into()
            },
            "{body}"
        );
        assert_clean(&e, &u.base);
    }
    let long = format!("{{\"message\": \"{}\"}}", "x".repeat(10_000));
    let u = upstream(400, long).await;
    match u.client.list_plans(&cred()).await {
        Err(EcsError::Rejected { message, .. }) => assert!(message.chars().count() <= 301),
        other => panic!("unexpected {other:?}"),
    }
    let u = upstream(500, "Internal Server Error").await;
    let e = u.client.list_plans(&cred()).await.expect_err("error");
    assert!(matches!(e, EcsError::Rejected { status: 500, .. }));
    assert!(e.user_message().contains("internal error"));
}

#[tokio::test]
async fn success_status_with_an_error_inside() {
    let u = upstream(
        200,
        r#"{"status": "error", "message": "Error can't have more then 20 scripts remove a script before try to create another"}"#,
    )
    .await;
    let e = u
        .client
        .create_script(&cred(), &ScriptInput::default())
        .await
        .expect_err("error");
    assert!(
        matches!(&e, EcsError::Rejected { status: 200, message } if message.starts_with("Error can't have more"))
    );
    let u = upstream(201, r#"{"status": "KO"}"#).await;
    assert_eq!(
        u.client.delete_group(&cred(), "2").await.err(),
        Some(EcsError::Rejected {
            status: 201,
            message: String::new()
        })
    );
    // Success words in any case are fine, and so is an empty 204.
    let u = upstream(200, r#"{"status": "Created"}"#).await;
    assert!(u
        .client
        .create_ssh_key(&cred(), "k", "ssh-ed25519 AAAA")
        .await
        .is_ok());
    let u = upstream(204, "").await;
    assert!(u.client.delete_ssh_key(&cred(), "3").await.is_ok());
}

#[tokio::test]
async fn bodies_that_are_not_the_expected_json() {
    let secret_payload = r#"{"status": "ok", "server": "payload-text-that-must-not-leak"}"#;
    for body in [
        "{not json",
        "<!DOCTYPE html><html><body>Login</body></html>",
        secret_payload,
        r#"{"status": "ok"}"#,
        r#"[1, 2, 3]"#,
    ] {
        let u = upstream(200, body).await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert!(matches!(e, EcsError::Malformed { .. }), "{body}: {e:?}");
        assert_clean(&e, &u.base);
        assert!(!format!("{e:?}").contains("payload-text"), "{e:?}");
    }
    let headers = vec![("content-type", "text/html".to_string())];
    let u = upstream_full(
        200,
        headers,
        "<html>hi</html>",
        None,
        ClientOptions::default(),
    )
    .await;
    let e = u.client.account(&cred()).await.expect_err("error");
    assert_eq!(
        e,
        EcsError::Malformed {
            detail: "account: the answer is an HTML page instead of JSON".into()
        }
    );
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let mut body = b"{\"status\": \"ok\", \"server\": [], \"pad\": \"".to_vec();
    body.resize(crate::ecs::MAX_BODY_BYTES + 10, b'x');
    body.extend_from_slice(b"\"}");
    let u = upstream(200, body).await;
    let e = u.client.list_servers(&cred()).await.expect_err("error");
    assert!(
        matches!(&e, EcsError::Malformed { detail } if detail.contains("larger than")),
        "{e:?}"
    );
}

#[tokio::test]
async fn slow_upstream_times_out() {
    let opts = ClientOptions {
        timeout: Duration::from_millis(300),
        ..ClientOptions::default()
    };
    let u = upstream_full(
        200,
        vec![],
        r#"{"status":"ok"}"#,
        Some(Duration::from_secs(3)),
        opts,
    )
    .await;
    let started = std::time::Instant::now();
    let e = u.client.list_regions(&cred()).await.expect_err("error");
    assert_eq!(e, EcsError::Timeout);
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_clean(&e, &u.base);
    assert!(e.user_message().contains("did not answer in time"));
}

#[tokio::test]
async fn refused_connection_is_unavailable() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let base = format!("http://{addr}/ecs/v2");
    let client = EcsClient::new(&base, ClientOptions::default()).expect("client");
    let e = client.list_servers(&cred()).await.expect_err("error");
    assert_eq!(
        e,
        EcsError::Unavailable {
            status: None,
            retry_after: None
        }
    );
    assert_clean(&e, &base);
}

#[tokio::test]
async fn busy_upstream_says_when_to_retry() {
    for (status, retry) in [(503, "30"), (429, "5"), (502, ""), (504, "soon")] {
        let mut headers = vec![("content-type", "text/html".to_string())];
        if !retry.is_empty() {
            headers.push(("retry-after", retry.to_string()));
        }
        let u = upstream_full(
            status,
            headers,
            "<h1>busy</h1>",
            None,
            ClientOptions::default(),
        )
        .await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert_eq!(
            e,
            EcsError::Unavailable {
                status: Some(status),
                retry_after: retry.parse().ok()
            }
        );
        assert!(e.is_transient());
    }
    let e = EcsError::Unavailable {
        status: Some(503),
        retry_after: Some(30),
    };
    assert!(e.user_message().contains("30 seconds"));
}

#[tokio::test]
async fn redirects_are_not_followed_and_the_token_stays_home() {
    // The listener a hostile or misconfigured upstream redirects to.
    let elsewhere = upstream(200, r#"{"status": "ok", "server": []}"#).await;
    let target = format!("{}servers", elsewhere.base);
    for status in [301, 302, 307, 308] {
        let u = upstream_full(
            status,
            vec![("location", target.clone())],
            "",
            None,
            ClientOptions::default(),
        )
        .await;
        let e = u.client.list_servers(&cred()).await.expect_err("error");
        assert!(matches!(e, EcsError::Malformed { .. }), "{status}: {e:?}");
        assert_clean(&e, &u.base);
        assert_eq!(
            u.last()
                .headers
                .get("x-apitoken")
                .and_then(|v| v.to_str().ok()),
            Some(TOKEN)
        );
    }
    assert!(
        elsewhere.seen().is_empty(),
        "the redirect target must never be contacted"
    );
}

// ------------------------------------------------------------------ retries

#[tokio::test]
async fn a_failed_read_is_retried_once_and_a_write_never() {
    let u = upstream(500, "Internal Server Error").await;
    assert!(u.client.list_servers(&cred()).await.is_err());
    assert_eq!(u.seen().len(), 2, "a read: one retry");

    let u = upstream(502, "<html>Bad gateway</html>").await;
    assert!(u.client.delete_server(&cred(), "ec200001").await.is_err());
    assert!(u
        .client
        .server_action(&cred(), "ec200001", &ServerAction::PowerOff)
        .await
        .is_err());
    assert_eq!(u.seen().len(), 2, "writes: no retry at all");

    // An answer about the request itself is not retried.
    let u = upstream(404, r#"{"message": "server not found"}"#).await;
    assert!(u.client.get_server(&cred(), "ec1").await.is_err());
    assert_eq!(u.seen().len(), 1);
}

#[tokio::test]
async fn retry_after_is_waited_out_when_short_and_returned_when_long() {
    let short = vec![("retry-after", "1".to_string())];
    let u = upstream_full(429, short, "", None, ClientOptions::default()).await;
    let started = std::time::Instant::now();
    assert!(u.client.list_servers(&cred()).await.is_err());
    assert_eq!(u.seen().len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );

    let long = vec![("retry-after", "30".to_string())];
    let u = upstream_full(429, long, "", None, ClientOptions::default()).await;
    let e = u.client.list_servers(&cred()).await.expect_err("error");
    assert_eq!(u.seen().len(), 1, "no retry when the wait is long");
    assert!(matches!(
        e,
        EcsError::Unavailable {
            retry_after: Some(30),
            ..
        }
    ));

    let u = upstream_full(
        429,
        vec![("retry-after", "1".to_string())],
        "",
        None,
        ClientOptions::default(),
    )
    .await;
    assert!(u
        .client
        .server_action(&cred(), "ec200001", &ServerAction::PowerOn)
        .await
        .is_err());
    assert_eq!(u.seen().len(), 1, "a rate-limited action is not sent twice");
}

#[tokio::test]
async fn a_timeout_is_not_retried() {
    let opts = ClientOptions {
        timeout: Duration::from_millis(200),
        ..ClientOptions::default()
    };
    let u = upstream_full(200, vec![], "{}", Some(Duration::from_secs(2)), opts).await;
    let started = std::time::Instant::now();
    assert_eq!(
        u.client.list_servers(&cred()).await.err(),
        Some(EcsError::Timeout)
    );
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(u.seen().len(), 1);
}
