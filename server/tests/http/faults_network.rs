//! The panel when the network to the ECS API misbehaves: slow, hung and trickling answers are cut
//! off at the configured timeout without holding up other users; reset and refused connections read
//! as "cannot be reached"; a restart of the API or of the panel mid-action is recovered from; and
//! nothing a user sends points the panel at another host.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::harness::{create_form, create_server, Panel, Rig};
use ecs_simulator::SimConfig;
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

const TIMEOUT: &str = "1s";
const LATE: &str = "did not answer in time";

/// Loads `/servers` `n` times at once; each answer's status, body and time.
async fn load_at_once(rig: &Rig, n: usize) -> Vec<(u16, String, Duration)> {
    let loads = (0..n).map(|_| async {
        let start = Instant::now();
        let (status, body) = rig.page("/servers").await;
        (status, body, start.elapsed())
    });
    futures_util::future::join_all(loads).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_answers_are_waited_for_up_to_the_timeout_and_no_longer() {
    let rig = Rig::start(&["--request-timeout", TIMEOUT]).await;

    rig.faults(json!({"latency_ms": 200}));
    let start = Instant::now();
    let (status, body) = rig.page("/servers").await;
    assert_eq!(status, 200);
    assert!(body.contains("data-testid=\"servers-table\""), "{body}");
    assert!(start.elapsed() >= Duration::from_millis(200));

    // 2 s, 20 s, a hang and a trickle all end at the 1 s timeout, with words to act on.
    for fault in [
        json!({"latency_ms": 2_000}),
        json!({"latency_ms": 20_000}),
        json!({"hang_ms": 60_000}),
        json!({"trickle_ms": 100}),
    ] {
        rig.faults(fault.clone());
        // The list's copy would answer without the API: ask it now.
        rig.call("servers_refresh", &[]).await;
        let mut times: Vec<Duration> = Vec::new();
        for (status, body, took) in load_at_once(&rig, 8).await {
            assert_eq!(status, 200, "{fault}");
            assert!(body.contains(LATE), "{fault}: {body}");
            times.push(took);
        }
        times.sort();
        let worst = times[times.len() - 1];
        println!("{fault}: p50 {:?}, max {worst:?}", times[times.len() / 2]);
        assert!(
            worst < Duration::from_millis(1_800),
            "{fault}: bounded by the 1 s timeout, took {worst:?}"
        );
    }
    rig.faults(json!({}));
    assert!(rig.page("/servers").await.1.contains("servers-table"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_call_does_not_hold_up_other_users() {
    let rig = Rig::start(&["--request-timeout", "5s"]).await;
    let other = rig.panel.sign_in("alice", "alice", None).await;
    rig.faults(json!({"hang_ms": 60_000, "path_prefix": "/servers"}));
    let stuck = tokio::spawn({
        let base = rig.panel.base.clone();
        let cookie = rig.cookie.clone();
        async move {
            let loads = (0..16).map(|_| async {
                let res = crate::harness::client()
                    .get(format!("{base}/servers"))
                    .header("cookie", &cookie)
                    .send()
                    .await?;
                // The page streams: it ends when the upstream answer is in.
                res.text().await
            });
            futures_util::future::join_all(loads).await
        }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    for path in ["/ssh-keys", "/plans", "/groups"] {
        let start = Instant::now();
        let res = rig.panel.get(path, Some(&other)).await;
        let took = start.elapsed();
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            took < Duration::from_millis(500),
            "{path} took {took:?} while another user waited"
        );
    }
    assert!(!stuck.is_finished(), "the hung loads were still waiting");
    stuck.abort();
}

/// A TCP forwarder whose mode can be switched: forward, or reset every connection (new and open).
struct Proxy {
    addr: SocketAddr,
    reset: watch::Sender<bool>,
}

impl Proxy {
    async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (reset, mode) = watch::channel(false);
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                // Closing with a zero linger sends RST, not FIN.
                let _ = inbound.set_zero_linger();
                let mut mode = mode.clone();
                if *mode.borrow() {
                    continue;
                }
                tokio::spawn(async move {
                    let Ok(mut outbound) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                        _ = mode.wait_for(|reset| *reset) => {}
                    }
                });
            }
        });
        Proxy { addr, reset }
    }

    fn resetting(&self, on: bool) {
        self.reset.send_replace(on);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_connections_read_as_unreachable_until_the_network_is_back() {
    let sim = ecs_simulator::spawn(SimConfig::for_tests())
        .await
        .expect("sim");
    let proxy = Proxy::start(sim.addr).await;
    let api = format!("http://{}/ecs/v2", proxy.addr);
    let panel = Panel::start(&["--session-store", "memory", "--api-url", &api]).await;
    let cookie = panel.sign_in("demo", "demo", None).await;

    proxy.resetting(true);
    let res = panel.get("/servers", Some(&cookie)).await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.expect("page");
    assert!(body.contains("cannot be reached right now"), "{body}");
    let (status, answer) = crate::harness::call(
        &panel,
        &cookie,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_ne!(status, 200);
    assert!(
        answer["Upstream"]
            .as_str()
            .is_some_and(|m| m.contains("cannot be reached")),
        "{answer}"
    );

    proxy.resetting(false);
    let body = panel
        .get("/servers", Some(&cookie))
        .await
        .text()
        .await
        .expect("page");
    assert!(
        body.contains("servers-table"),
        "the session survived: {body}"
    );
}

/// `servers_activity` following `id`: whether it has finished, or the error.
async fn follow(panel: &Panel, cookie: &str, id: u64) -> Result<bool, Value> {
    let watch = id.to_string();
    let (status, answer) =
        crate::harness::call(panel, cookie, "servers_activity", &[("watch[0]", &watch)]).await;
    if status != 200 {
        return Err(answer);
    }
    Ok(answer["finished"]
        .as_array()
        .is_some_and(|f| f.iter().any(|a| a["id"] == id && a["ok"] == true)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_restart_mid_poll_is_recovered_from() {
    let sim = ecs_simulator::spawn(SimConfig::for_tests())
        .await
        .expect("sim");
    let (addr, store) = (sim.addr, sim.store.clone());
    let api = sim.base_url();
    let panel = Panel::start(&["--session-store", "memory", "--api-url", &api]).await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let (status, id) = crate::harness::call(
        &panel,
        &cookie,
        "servers_power",
        &[("name", "ec200401"), ("on", "false")],
    )
    .await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_u64().expect("an action id");
    assert_eq!(follow(&panel, &cookie, id).await, Ok(false));

    sim.shutdown().await;
    let down = follow(&panel, &cookie, id)
        .await
        .expect_err("the API is down");
    assert!(
        down["Upstream"]
            .as_str()
            .is_some_and(|m| m.contains("cannot be reached")),
        "{down}"
    );

    let sim = ecs_simulator::spawn_store_on(addr, store)
        .await
        .expect("restart");
    sim.advance(60.0);
    assert_eq!(follow(&panel, &cookie, id).await, Ok(true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panel_restart_mid_create_still_follows_it() {
    let sim = ecs_simulator::spawn(SimConfig::for_tests())
        .await
        .expect("sim");
    let (store, dir) = crate::harness::sqlite_store("restart");
    let api = sim.base_url();
    let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];

    let first = Panel::start(&args).await;
    let cookie = first.sign_in("demo", "demo", None).await;
    let (status, created) =
        create_server(&first, &cookie, &create_form(&[("form_token", "restart")])).await;
    assert_eq!(status, 200, "{created}");
    let name = created["name"].as_str().expect("name").to_string();
    let id = created["action"].as_u64().expect("action id");
    first.stop();

    let second = Panel::start(&args).await;
    let (status, activity) = crate::harness::call(&second, &cookie, "servers_activity", &[]).await;
    assert_eq!(status, 200, "{activity}");
    assert!(
        activity["running"]
            .as_array()
            .is_some_and(|r| r.iter().any(|a| a["resource"] == name.as_str())),
        "the new panel sees the create running: {activity}"
    );
    sim.advance(600.0);
    assert_eq!(follow(&second, &cookie, id).await, Ok(true));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_host_comes_only_from_configuration() {
    let decoy = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let elsewhere = decoy.local_addr().expect("addr").to_string();
    let reached = Arc::new(AtomicUsize::new(0));
    tokio::spawn({
        let reached = reached.clone();
        async move {
            while decoy.accept().await.is_ok() {
                reached.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    let rig = Rig::start(&[]).await;
    let there = format!("http://{elsewhere}/ecs/v2");
    for (name, value) in [
        ("host", elsewhere.as_str()),
        ("x-forwarded-host", elsewhere.as_str()),
        ("forwarded", &format!("host={elsewhere}")),
        ("x-ecs-api-url", there.as_str()),
    ] {
        let res = crate::harness::client()
            .get(format!("{}/servers?api_url={there}", rig.panel.base))
            .header("cookie", &rig.cookie)
            .header(name, value)
            .send()
            .await
            .expect("panel");
        assert!(res.status().as_u16() < 500, "{name}");
    }
    let res = rig
        .panel
        .post_form(
            "/api/login",
            None,
            &[
                ("username", "demo"),
                ("password", "demo"),
                ("api_url", &there),
                ("base_url", &there),
            ],
        )
        .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    assert_eq!(
        reached.load(Ordering::SeqCst),
        0,
        "another host was contacted"
    );
    assert!(!rig.upstream().is_empty(), "the configured API was");
}
