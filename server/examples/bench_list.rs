//! `make bench`: how long the panel takes to serve a list page for a large account.
//!
//! Starts the panel in-process with the production wiring (`startup::build_panel`, TCP_NODELAY
//! listener), in demo mode with an in-memory session store and the embedded simulator seeded with
//! `--extra-servers` generated servers (1,000 by default: 1,007 in all), signs in with the demo API
//! token, warms up, then times sequential GETs of two scenarios: the page given on the command line
//! (default `/servers`) and the same list searched and sorted (`/servers?q=app-01&sort=name`);
//! for reference, a third row times the upstream call behind a full list (`GET /ecs/v2/servers`
//! straight to the simulator), and a fourth the first page again through a second panel whose
//! upstream answers every read from memory (each forwarded to the simulator once): the panel's own
//! share of the page, with the upstream's time taken out. Any answer other than 200 prints a
//! WARNING line.
//!
//! Times are measured by the client over loopback, from sending the request to the last byte of
//! the (streamed) body: the panel's work plus its calls to the simulator. A sign of the 40 ms
//! Nagle stall (see the README's Benchmarks section) coming back would be a median near 40 ms.
//!
//! ```sh
//! cargo run -p server --profile server-release --example bench_list -- [PATH] [--query-path P]
//! ```

use std::time::{Duration, Instant};

use clap::Parser;
use ecs_simulator::{SimHandle, DEMO_API_TOKEN};
use leptos::prelude::LeptosOptions;
use reqwest::header::{self, HeaderName};
use reqwest::{redirect::Policy, Client, StatusCode};
use server::config::Config;
use tokio::net::TcpListener;

#[derive(Debug, Parser)]
#[command(about = "Times a panel page against a large demo account")]
struct Args {
    /// The page of the first scenario.
    #[arg(default_value = "/servers")]
    path: String,

    /// The page of the second scenario: the list searched and sorted.
    #[arg(long, default_value = "/servers?q=app-01&sort=name")]
    query_path: String,

    /// Timed requests per scenario (sequential).
    #[arg(long, default_value_t = 200)]
    requests: usize,

    /// Untimed requests per scenario before timing.
    #[arg(long, default_value_t = 20)]
    warmup: usize,

    /// Generated servers in the demo account, besides its 7 hand-made ones.
    #[arg(long, default_value_t = 1_000)]
    extra_servers: u32,
}

/// One timed request.
struct Sample {
    time: Duration,
    status: Option<StatusCode>,
    bytes: usize,
}

#[tokio::main]
async fn main() {
    let args = Args::parse();
    if args.requests == 0 {
        fail("--requests must be at least 1");
    }
    // The simulator stops when its handle is dropped: keep it for the whole run.
    let (base, servers, sim) = start_panel(args.extra_servers).await;
    let client = Client::builder()
        .redirect(Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| fail(&format!("HTTP client: {e}")));
    let cookie = sign_in(&client, &base).await;

    println!(
        "ECS Panel benchmark: demo account with {servers} servers; {} sequential GETs per \
         scenario after {} warm-up requests; times in ms, client-side over loopback, to the last \
         byte",
        args.requests, args.warmup
    );
    println!(
        "{:<36} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}",
        "scenario", "requests", "median", "p90", "p99", "max", "bytes"
    );
    let session = (header::COOKIE, cookie.as_str());
    let api_token = (HeaderName::from_static("x-apitoken"), DEMO_API_TOKEN);
    let memo_base = start_memo_panel(sim.base_url()).await;
    let memo_cookie = sign_in(&client, &memo_base).await;
    let memo_session = (header::COOKIE, memo_cookie.as_str());
    let scenarios = [
        (args.path.clone(), format!("{base}{}", args.path), &session),
        (
            args.query_path.clone(),
            format!("{base}{}", args.query_path),
            &session,
        ),
        // For reference: one upstream call listing every server, straight to the simulator.
        (
            "(upstream) GET /ecs/v2/servers".to_string(),
            format!("{}/servers", sim.base_url()),
            &api_token,
        ),
        (
            format!("{} (upstream from memory)", args.path),
            format!("{memo_base}{}", args.path),
            &memo_session,
        ),
    ];
    for (label, url, auth) in &scenarios {
        for _ in 0..args.warmup {
            get(&client, url, auth).await;
        }
        let mut samples = Vec::with_capacity(args.requests);
        for _ in 0..args.requests {
            samples.push(get(&client, url, auth).await);
        }
        report(label, &samples);
    }
}

/// Starts the panel on a loopback port; returns its base URL, the demo account's server count and
/// the embedded simulator's handle.
async fn start_panel(extra_servers: u32) -> (String, usize, SimHandle) {
    let extra = extra_servers.to_string();
    let argv = [
        "ecs-panel",
        "--session-store",
        "memory",
        "--database",
        "sqlite::memory:",
        "--extra-servers",
        extra.as_str(),
    ];
    let config = Config::try_parse_from(argv).unwrap_or_else(|e| fail(&e.to_string()));
    if !config.demo_mode() {
        fail("ECS_API_URL is set: the benchmark runs only against the embedded simulator");
    }
    config.validate().unwrap_or_else(|e| fail(&e));
    let (base, sim) = serve(&config).await;
    let sim = sim.unwrap_or_else(|| fail("no embedded simulator"));

    // What the upstream holds, straight from the simulator.
    let listed: serde_json::Value = Client::new()
        .get(format!("{}/servers", sim.base_url()))
        .header("X-APITOKEN", DEMO_API_TOKEN)
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .unwrap_or_else(|e| fail(&format!("simulator: {e}")))
        .json()
        .await
        .unwrap_or_else(|e| fail(&format!("simulator: {e}")));
    let count = listed["server"].as_array().map_or(0, Vec::len);
    (base, count, sim)
}

/// A second panel, configured with an upstream that answers from memory (see [`memo`]).
async fn start_memo_panel(sim_api: String) -> String {
    let memo_api = memo::start(sim_api).await;
    let argv = [
        "ecs-panel",
        "--session-store",
        "memory",
        "--database",
        "sqlite::memory:",
        "--api-url",
        memo_api.as_str(),
    ];
    let config = Config::try_parse_from(argv).unwrap_or_else(|e| fail(&e.to_string()));
    serve(&config).await.0
}

/// Builds a panel as production does and serves it on a loopback port: its base URL, and its
/// embedded simulator in demo mode.
async fn serve(config: &Config) -> (String, Option<SimHandle>) {
    let options = LeptosOptions::builder().output_name("ecs-panel").build();
    let (panel, sim) = server::startup::build_panel(config, options)
        .await
        .unwrap_or_else(|e| fail(&e));
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| fail(&format!("bind: {e}")));
    let addr = listener
        .local_addr()
        .unwrap_or_else(|e| fail(&e.to_string()));
    tokio::spawn(server::serve(listener, server::panel_router(panel)));
    (format!("http://{addr}"), sim)
}

/// An ECS API stand-in that forwards each distinct request to the simulator once and then answers
/// it from memory, in microseconds: what is left of a page's time is the panel's own work.
mod memo {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    use axum::body::{Body, Bytes};
    use axum::extract::{Request, State};
    use axum::response::Response;
    use http::{HeaderMap, StatusCode};

    type Answers = Arc<Mutex<HashMap<String, (StatusCode, HeaderMap, Bytes)>>>;

    #[derive(Clone)]
    struct Memo {
        sim: String,
        client: reqwest::Client,
        answers: Answers,
    }

    /// Serves on a loopback port; returns its API base URL (`…/ecs/v2`).
    pub async fn start(sim_api: String) -> String {
        let sim = sim_api.trim_end_matches("/ecs/v2").to_string();
        let memo = Memo {
            sim,
            client: reqwest::Client::new(),
            answers: Answers::default(),
        };
        let router = axum::Router::new().fallback(answer).with_state(memo);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, router).await });
        format!("http://{addr}/ecs/v2")
    }

    async fn answer(State(memo): State<Memo>, req: Request) -> Response {
        let key = format!("{} {}", req.method(), req.uri());
        let known = memo.answers.lock().expect("memo").get(&key).cloned();
        let (status, headers, body) = match known {
            Some(known) => known,
            None => {
                let (parts, body) = req.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX)
                    .await
                    .unwrap_or_default();
                let mut forward = memo
                    .client
                    .request(parts.method.clone(), format!("{}{}", memo.sim, parts.uri))
                    .body(body);
                for (name, value) in &parts.headers {
                    if name != http::header::HOST {
                        forward = forward.header(name, value);
                    }
                }
                let res = forward.send().await.expect("simulator");
                let mut headers = HeaderMap::new();
                if let Some(ct) = res.headers().get(http::header::CONTENT_TYPE) {
                    headers.insert(http::header::CONTENT_TYPE, ct.clone());
                }
                let answer = (res.status(), headers, res.bytes().await.unwrap_or_default());
                // Reads only: a write must reach the simulator every time.
                if parts.method == http::Method::GET {
                    memo.answers
                        .lock()
                        .expect("memo")
                        .insert(key, answer.clone());
                }
                answer
            }
        };
        let mut res = Response::new(Body::from(body));
        *res.status_mut() = status;
        *res.headers_mut() = headers;
        res
    }
}

/// Signs in with the demo API token, as the sign-in page's token tab does.
async fn sign_in(client: &Client, base: &str) -> String {
    let res = client
        .post(format!("{base}/api/login_token"))
        .header(header::ORIGIN, base)
        .form(&[("token", DEMO_API_TOKEN)])
        .send()
        .await
        .unwrap_or_else(|e| fail(&format!("sign-in: {e}")));
    if !(res.status().is_success() || res.status().is_redirection()) {
        fail(&format!("sign-in answered {}", res.status()));
    }
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("ecs_panel_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
        .unwrap_or_else(|| fail("sign-in set no session cookie"))
}

async fn get(client: &Client, url: &str, auth: &(HeaderName, &str)) -> Sample {
    let started = Instant::now();
    let sent = client.get(url).header(&auth.0, auth.1).send().await;
    let (status, bytes) = match sent {
        Ok(res) => {
            let status = res.status();
            match res.bytes().await {
                Ok(body) => (Some(status), body.len()),
                Err(_) => (None, 0),
            }
        }
        Err(_) => (None, 0),
    };
    Sample {
        time: started.elapsed(),
        status,
        bytes,
    }
}

fn report(label: &str, samples: &[Sample]) {
    let mut ms: Vec<f64> = samples.iter().map(|s| s.time.as_secs_f64() * 1e3).collect();
    ms.sort_by(f64::total_cmp);
    // Nearest rank: the smallest time at least `q` of the requests did not exceed.
    let pct = |q: f64| ms[((q * ms.len() as f64).ceil() as usize).clamp(1, ms.len()) - 1];
    let min_bytes = samples.iter().map(|s| s.bytes).min().unwrap_or(0);
    let max_bytes = samples.iter().map(|s| s.bytes).max().unwrap_or(0);
    let bytes = if min_bytes == max_bytes {
        max_bytes.to_string()
    } else {
        format!("{min_bytes}-{max_bytes}")
    };
    println!(
        "{:<36} {:>8} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>12}",
        label,
        samples.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        ms[ms.len() - 1],
        bytes
    );
    let not_ok: Vec<String> = samples
        .iter()
        .filter(|s| s.status != Some(StatusCode::OK))
        .map(|s| s.status.map_or("no answer".to_string(), |c| c.to_string()))
        .collect();
    if let Some(first) = not_ok.first() {
        println!(
            "WARNING: {label}: {} of {} responses were not 200 (first: {first})",
            not_ok.len(),
            samples.len()
        );
    }
}

fn fail(message: &str) -> ! {
    eprintln!("bench_list: {message}");
    std::process::exit(1);
}
