//! The server's own limits: a header-read timeout against half-sent requests, a whole-response
//! time budget that ends a slow page readably, and a cap on requests served at once.

use std::time::{Duration, Instant};

use crate::harness::{Panel, Rig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_are_dropped_and_hold_up_no_one() {
    let panel = Panel::start(&["--session-store", "memory", "--header-timeout", "1s"]).await;
    let addr = panel.base.trim_start_matches("http://").to_string();
    let mut slow = Vec::new();
    for _ in 0..500 {
        let mut tcp = TcpStream::connect(&addr).await.expect("connect");
        tcp.write_all(b"GET /login HTTP/1.1\r\nHost: panel\r\nX-Slow: ")
            .await
            .expect("half a request");
        slow.push(tcp);
    }
    // A person's page loads meanwhile.
    let res = panel.get("/login", None).await;
    assert_eq!(res.status(), 200);
    // Past the header timeout the server has closed every half-sent connection (a 408 and EOF,
    // or a reset): none is held open for ever.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for (i, mut tcp) in slow.into_iter().enumerate() {
        let mut rest = Vec::new();
        let closed = tokio::time::timeout(Duration::from_secs(3), tcp.read_to_end(&mut rest)).await;
        assert!(closed.is_ok(), "connection {i} is still held open");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_slower_than_the_budget_ends_readably() {
    let rig = Rig::start(&["--response-timeout", "1s", "--request-timeout", "20s"]).await;
    rig.faults(serde_json::json!({"latency_ms": 5000, "path_prefix": "/servers", "method": "GET"}));
    let started = Instant::now();
    let (status, body) = rig.page("/servers").await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(4),
        "ended at the budget, not the upstream: {took:?}"
    );
    // A 503 page when nothing had started, else the note at the end of the cut page.
    let ended_readably = |status: u16, body: &str, page: &str, note: &str| {
        assert!(
            (status == 503 && body.contains(page)) || body.contains(note),
            "{status}: {}",
            &body[body.floor_char_boundary(body.len().saturating_sub(400))..]
        );
    };
    ended_readably(
        status,
        &body,
        "This page took too long",
        "This page took too long to finish",
    );
    // In the reader's language.
    let italian = format!("{}; lang=it", rig.cookie);
    let res = rig.panel.get("/servers", Some(&italian)).await;
    let status = res.status().as_u16();
    let body = res.text().await.expect("page body");
    ended_readably(
        status,
        &body,
        "Questa pagina ha richiesto troppo tempo",
        "Ricaricala per riprovare",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_beyond_the_cap_wait_their_turn() {
    let rig = Rig::start(&["--max-concurrent", "1"]).await;
    rig.faults(serde_json::json!({"latency_ms": 800, "path_prefix": "/servers", "method": "GET"}));
    let slow = rig.page("/servers");
    let quick = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let started = Instant::now();
        let res = rig.panel.get("/healthz", None).await;
        (res.status().as_u16(), started.elapsed())
    };
    let ((page, _), (health, waited)) = tokio::join!(slow, quick);
    assert_eq!((page, health), (200, 200));
    assert!(
        waited >= Duration::from_millis(400),
        "the second request waited for the first: {waited:?}"
    );
}
