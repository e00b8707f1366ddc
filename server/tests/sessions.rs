//! Sessions end to end over HTTP: cookie policy, id cycling, sign-out, the guard, the stores.

mod support;

use std::process::{Child, Command, Stdio};

use reqwest::{header, StatusCode};
use support::{is_signed_in, session_cookie, set_cookie_header, Panel};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guard_sends_visitors_to_sign_in_with_the_page_kept() {
    let panel = Panel::demo().await;
    let res = panel.get("/servers?q=web", None).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(
        res.headers()[header::LOCATION],
        "/login?next=%2Fservers%3Fq%3Dweb"
    );
    let body = res.text().await.unwrap_or_default();
    assert!(
        !body.contains("<nav"),
        "nothing is rendered for a signed-out visitor"
    );
    assert_eq!(panel.get("/login", None).await.status(), StatusCode::OK);
    assert_eq!(panel.get("/healthz", None).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_an_opaque_httponly_lax_cookie_and_cycles_the_id() {
    let panel = Panel::demo().await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    let set_cookie = set_cookie_header(&res);
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(
        !set_cookie.contains("Secure"),
        "not Secure on plain http by default: {set_cookie}"
    );
    let first = session_cookie(&res).expect("cookie");
    assert!(
        !first.contains('.'),
        "the cookie is an opaque id, not a token: {first}"
    );
    assert!(is_signed_in(&panel, &first).await);

    // Signing in again from the same browser gets a new id; the old one is dead.
    let second = panel.sign_in("demo", "demo", Some(&first)).await;
    assert_ne!(first, second);
    assert!(is_signed_in(&panel, &second).await);
    assert!(
        !is_signed_in(&panel, &first).await,
        "the pre-sign-in id must not survive"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_deletes_the_session() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let res = panel.post_form("/api/logout", Some(&cookie), &[]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::OK);
    assert!(!is_signed_in(&panel, &cookie).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secure_cookie_when_configured() {
    let panel = Panel::start(&["--session-store", "memory", "--cookie-secure", "true"]).await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "demo")],
        )
        .await;
    assert!(set_cookie_header(&res).contains("Secure"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_refused_without_a_session() {
    let panel = Panel::demo().await;
    let res = panel
        .post_form(
            "/api/login",
            None,
            &[("username", "demo"), ("password", "nope")],
        )
        .await;
    let cookie = session_cookie(&res);
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("Wrong username or password."), "{body}");
    if let Some(c) = cookie {
        assert!(!is_signed_in(&panel, &c).await);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused_in_both_encodings() {
    let panel = Panel::demo().await;
    let c = support::client();
    let url = panel.url("/api/login");
    let form = [("username", "demo"), ("password", "demo")];
    let cases = [
        c.post(&url).form(&form),
        c.post(&url)
            .header(header::ORIGIN, "http://evil.test")
            .form(&form),
        c.post(&url)
            .header(header::ORIGIN, &panel.base)
            .header("sec-fetch-site", "cross-site")
            .form(&form),
        c.post(&url)
            .header(header::ORIGIN, "http://evil.test")
            .header(header::CONTENT_TYPE, "application/json")
            .body(r#"{"username":"demo","password":"demo"}"#),
        c.post(&url)
            .header(header::CONTENT_TYPE, "application/json")
            .body(r#"{"username":"demo","password":"demo"}"#),
    ];
    for req in cases {
        let res = req.send().await.expect("request");
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert!(session_cookie(&res).is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_sessions_survive_a_restart() {
    let sim = ecs_simulator::spawn(ecs_simulator::SimConfig::default())
        .await
        .expect("sim");
    let (store, dir) = support::sqlite_store("test");
    let api = sim.base_url();
    let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];

    let first = Panel::start(&args).await;
    let cookie = first.sign_in("demo", "demo", None).await;
    assert!(is_signed_in(&first, &cookie).await);
    first.stop();

    let second = Panel::start(&args).await;
    assert!(
        is_signed_in(&second, &cookie).await,
        "the session must survive the restart"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A real `redis-server` on a free port, stopped when dropped.
struct Redis(Child, u16);

impl Redis {
    fn start() -> Redis {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server is installed (make test installs Debian's redis-server)");
        // Owned by the guard from here on, so it is killed and reaped whatever happens next.
        let redis = Redis(child, port);
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return redis;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("redis-server did not start");
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_sharing_redis_share_sessions() {
    let redis = Redis::start();
    let sim = ecs_simulator::spawn(ecs_simulator::SimConfig::default())
        .await
        .expect("sim");
    let store = format!("redis://127.0.0.1:{}", redis.1);
    let api = sim.base_url();
    let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];
    let a = Panel::start(&args).await;
    let b = Panel::start(&args).await;

    let cookie = a.sign_in("demo", "demo", None).await;
    assert!(
        is_signed_in(&b, &cookie).await,
        "a session made on one replica is valid on the other"
    );
    let res = b.post_form("/api/logout", Some(&cookie), &[]).await;
    assert!(res.status().is_redirection() || res.status() == StatusCode::OK);
    assert!(
        !is_signed_in(&a, &cookie).await,
        "signing out on one replica ends it on both"
    );
}
