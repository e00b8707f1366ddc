//! Captures every log line of a signed-in session at debug level and greps it for secrets: the
//! API token, any JWT, the session id, and a canary password. Its own test binary, because the
//! log capture is process-global.

// The same harness as the `http` binary; this one uses a part of it.
#[allow(dead_code)]
#[path = "http/harness.rs"]
mod harness;

use std::sync::{Arc, Mutex};

use harness::{session_cookie, Panel};
use tracing_subscriber::fmt::MakeWriter;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::ErrorKind::Other)?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_reaches_the_logs() {
    let capture = Capture::default();
    tracing_subscriber::fmt()
        .with_env_filter("debug")
        .with_writer(capture.clone())
        .with_ansi(false)
        .init();

    let panel = Panel::demo().await;
    let canary_password = "canary-password-7c1e";
    let token = ecs_simulator::DEMO_API_TOKEN;

    // A wrong password (the canary), a password sign-in, an API-token sign-in, pages that call
    // the API, and a sign-out.
    panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", canary_password)],
        )
        .await;
    let jwt_session = panel.sign_in("demo", "demo", None).await;
    assert_eq!(panel.get("/", Some(&jwt_session)).await.status(), 200);
    assert_eq!(
        panel
            .get("/servers?q=db", Some(&jwt_session))
            .await
            .status(),
        200
    );
    // A console key: a one-off credential the page shows once, never to be logged.
    let res = panel
        .post_form(
            "/api/servers_console",
            Some(&jwt_session),
            &[("name", "ec200402")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let answer: serde_json::Value = res.json().await.expect("console answer is JSON");
    let console_key = answer["key"]
        .as_str()
        .expect("a console key in the answer")
        .to_string();
    assert_eq!(console_key.len(), 36, "a uuid: {console_key}");
    // A group's password (deprecated, still required by the API): a secret like any other.
    let group_password = "group-canary-4f9a";
    let res = panel
        .post_form(
            "/api/groups_create",
            Some(&jwt_session),
            &[("notes", "canary"), ("password", group_password)],
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = panel
        .post_form("/api/login_token", None, &[("token", token)])
        .await;
    let token_session = session_cookie(&res).expect("token sign-in sets a session");
    assert_eq!(
        panel.get("/?again=1", Some(&token_session)).await.status(),
        200
    );
    panel
        .post_form("/api/logout", Some(&token_session), &[])
        .await;

    let logs = String::from_utf8(capture.0.lock().expect("capture").clone()).expect("utf-8 logs");
    // "headers sent" is logged before each response leaves ("served" only once its body is out,
    // which may be after the client has read it).
    assert!(
        logs.contains("headers sent"),
        "the capture must see request lines:\n{logs}"
    );
    for (what, secret) in [
        ("the API token", token.to_string()),
        ("the canary password", canary_password.to_string()),
        ("the console key", console_key),
        ("a group's password", group_password.to_string()),
        ("a JWT (base64 of '{\"')", "eyJ".to_string()),
        (
            "the JWT session id",
            jwt_session.split('=').nth(1).unwrap_or("?").to_string(),
        ),
        (
            "the token session id",
            token_session.split('=').nth(1).unwrap_or("?").to_string(),
        ),
    ] {
        assert!(!logs.contains(&secret), "{what} appears in the logs");
    }
}
