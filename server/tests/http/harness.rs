//! The harness of the panel's HTTP tests: real panels (the production wiring from
//! `startup::build_panel`) on loopback ports, simulators beside them (`Rig`), a real
//! `redis-server`, and the requests a browser would send.

use clap::Parser;
use ecs_simulator::SimHandle;
use leptos::prelude::LeptosOptions;
use reqwest::{header, redirect::Policy, Client, StatusCode};
use server::config::Config;
use tokio::{net::TcpListener, task::JoinHandle};

pub struct Panel {
    pub base: String,
    task: JoinHandle<std::io::Result<()>>,
    _sim: Option<SimHandle>,
}

impl Panel {
    /// Starts a panel configured by `args` (as on the command line).
    pub async fn start(args: &[&str]) -> Panel {
        if let Ok(filter) = std::env::var("TEST_LOG") {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_test_writer()
                .try_init();
        }
        // Each panel its own database unless the test shares one.
        let mut all = vec!["ecs-panel"];
        if !args.contains(&"--database") {
            all.extend(["--database", "sqlite::memory:"]);
        }
        all.extend_from_slice(args);
        let config = Config::try_parse_from(all).expect("valid test configuration");
        let options = LeptosOptions::builder().output_name("ecs-panel").build();
        let (panel, sim) = server::startup::build_panel(&config, options)
            .await
            .expect("panel starts");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let task = tokio::spawn(server::http_stack::serve_with(
            listener,
            server::panel_router(panel),
            config.header_timeout,
        ));
        Panel {
            base,
            task,
            _sim: sim,
        }
    }

    /// Demo mode with an in-memory session store.
    pub async fn demo() -> Panel {
        Panel::start(&["--session-store", "memory"]).await
    }

    /// The team demo: team mode against the embedded simulator, with admin/admin,
    /// operator/operator and viewer/viewer.
    pub async fn team_demo() -> Panel {
        Panel::start(&["--session-store", "memory", "--demo-team", "true"]).await
    }

    /// The embedded simulator (demo mode), e.g. for its request log.
    pub fn sim(&self) -> &SimHandle {
        self._sim
            .as_ref()
            .expect("a demo panel embeds the simulator")
    }

    pub fn stop(self) {
        self.task.abort();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A same-origin POST, as the hydrated page sends it.
    pub async fn post_form(
        &self,
        path: &str,
        cookie: Option<&str>,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut req = client()
            .post(self.url(path))
            .header(header::ORIGIN, &self.base)
            .form(form);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"))
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut req = client().get(self.url(path));
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        req.send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// Signs in with a password; returns the `name=value` session cookie.
    pub async fn sign_in(&self, username: &str, password: &str, cookie: Option<&str>) -> String {
        let res = self
            .post_form(
                "/api/login",
                cookie,
                &[("username", username), ("password", password)],
            )
            .await;
        assert!(
            res.status().is_redirection() || res.status() == StatusCode::OK,
            "sign-in answered {}",
            res.status()
        );
        session_cookie(&res).expect("a session cookie after sign-in")
    }
}

/// No redirects followed: tests look at them.
pub fn client() -> Client {
    Client::builder()
        .redirect(Policy::none())
        .build()
        .expect("client")
}

/// The panel's session cookie, under either of its names (`__Host-` when Secure).
fn is_session_cookie(set_cookie: &str) -> bool {
    set_cookie.starts_with("ecs_panel_session=")
        || set_cookie.starts_with("__Host-ecs_panel_session=")
}

/// `ecs_panel_session=<id>` from a response's Set-Cookie, if it sets one.
pub fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| is_session_cookie(v))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

pub fn set_cookie_header(res: &reqwest::Response) -> String {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| is_session_cookie(v))
        .unwrap_or_default()
        .to_string()
}

/// True when `cookie` opens the overview instead of bouncing to sign-in.
pub async fn is_signed_in(panel: &Panel, cookie: &str) -> bool {
    let res = panel.get("/", Some(cookie)).await;
    res.status() == StatusCode::OK
}

/// A demo panel (in-memory sessions, `args` added) and a session cookie for `demo`.
pub async fn signed_in_with(args: &[&str]) -> (Panel, String) {
    let mut all = vec!["--session-store", "memory"];
    all.extend_from_slice(args);
    let panel = Panel::start(&all).await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    (panel, cookie)
}

/// A demo panel and a session cookie for `demo`.
pub async fn signed_in() -> (Panel, String) {
    signed_in_with(&[]).await
}

/// The HTML of a page that must answer 200.
pub async fn page(panel: &Panel, path: &str, cookie: &str) -> String {
    let res = panel.get(path, Some(cookie)).await;
    assert_eq!(res.status(), 200, "GET {path}");
    res.text().await.expect("page body")
}

/// The bodies of the requests the simulator got with `method` on a path ending in `path_end`.
pub fn sent(panel: &Panel, method: &str, path_end: &str) -> Vec<serde_json::Value> {
    panel
        .sim()
        .store
        .requests()
        .recent(usize::MAX)
        .into_iter()
        .filter(|r| r.method == method && r.path.ends_with(path_end))
        .map(|r| r.body)
        .collect()
}

/// A server function called as the hydrated page calls it: its status and JSON answer.
pub async fn call(
    panel: &Panel,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let res = panel
        .post_form(&format!("/api/{endpoint}"), Some(cookie), form)
        .await;
    let status = res.status().as_u16();
    (status, res.json().await.expect("JSON answer"))
}

/// Creates a server through `servers_create` (fields as the form names them, e.g. `plan`,
/// `env[0][name]`): its status and JSON answer.
pub async fn create_server(
    panel: &Panel,
    cookie: &str,
    fields: &[(&str, &str)],
) -> (u16, serde_json::Value) {
    let form: Vec<(String, &str)> = fields
        .iter()
        .map(|(k, v)| match k.split_once('[') {
            // `env[0][name]` nests as `form[env][0][name]`.
            Some((head, rest)) => (format!("form[{head}][{rest}"), *v),
            None => (format!("form[{k}]"), *v),
        })
        .collect();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = panel
        .post_form("/api/servers_create", Some(cookie), &pairs)
        .await;
    let status = res.status().as_u16();
    (status, res.json().await.expect("JSON answer"))
}

/// A valid create form: the smallest plan and Ubuntu in Frosinone, with `extra` fields.
pub fn create_form<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    const BASE: [(&str, &str); 3] = [
        ("plan", "eCS1"),
        ("region", "it-fr2"),
        ("image", "ubuntu-2404"),
    ];
    BASE.iter().copied().chain(extra.iter().copied()).collect()
}

/// A simulator of its own (manual clock) and a panel in front of it, as in production (`--api-url`),
/// signed in as `demo`: for tests that inject faults, restart either side or read the request log.
pub struct Rig {
    pub sim: SimHandle,
    pub panel: Panel,
    pub cookie: String,
}

/// A simulator on a manual clock that keeps its last 10,000 requests (for counting them).
pub async fn logging_sim() -> SimHandle {
    let config = ecs_simulator::SimConfig {
        request_log_size: 10_000,
        ..ecs_simulator::SimConfig::for_tests()
    };
    ecs_simulator::spawn(config).await.expect("simulator")
}

/// Two panels sharing a real `redis-server` and one simulator: replicas behind a balancer.
pub struct Replicas {
    pub sim: SimHandle,
    pub panels: [Panel; 2],
    _redis: Redis,
}

impl Replicas {
    pub async fn start() -> Replicas {
        let redis = Redis::start();
        let sim = logging_sim().await;
        let (store, api) = (redis.url(), sim.base_url());
        let args = ["--session-store", store.as_str(), "--api-url", api.as_str()];
        let panels = [Panel::start(&args).await, Panel::start(&args).await];
        Replicas {
            sim,
            panels,
            _redis: redis,
        }
    }

    /// How many requests the simulator saw with this method and a path ending so.
    pub fn upstream_count(&self, method: &str, path_end: &str) -> usize {
        self.sim
            .store
            .requests()
            .recent(usize::MAX)
            .iter()
            .filter(|r| r.method == method && r.path.ends_with(path_end))
            .count()
    }
}

impl Rig {
    pub async fn start(args: &[&str]) -> Rig {
        let sim = logging_sim().await;
        let api = sim.base_url();
        let mut all = vec!["--session-store", "memory", "--api-url", api.as_str()];
        all.extend_from_slice(args);
        let panel = Panel::start(&all).await;
        let cookie = panel.sign_in("demo", "demo", None).await;
        Rig { sim, panel, cookie }
    }

    /// Replaces the simulator's faults (as `PUT /__sim/faults` does); `{}` clears them.
    pub fn faults(&self, faults: serde_json::Value) {
        *self.sim.store.faults() = serde_json::from_value(faults).expect("a fault configuration");
    }

    /// The requests the simulator received since the last [`Rig::forget`]: method, path, status…
    pub fn upstream(&self) -> Vec<serde_json::Value> {
        let log = self.sim.store.requests().recent(usize::MAX);
        match serde_json::to_value(log).expect("log as JSON") {
            serde_json::Value::Array(items) => items,
            _ => Vec::new(),
        }
    }

    pub fn forget(&self) {
        self.sim.store.requests().clear();
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let res = self.panel.get(path, Some(&self.cookie)).await;
        let status = res.status().as_u16();
        (status, res.text().await.expect("page body"))
    }

    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> (u16, serde_json::Value) {
        call(&self.panel, &self.cookie, endpoint, form).await
    }
}

/// A fresh SQLite session store in a temporary folder: its `--session-store` value, and the folder
/// (for the test to remove).
pub fn sqlite_store(tag: &str) -> (String, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("ecs-panel-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    (
        format!("sqlite://{}", dir.join("sessions.db").display()),
        dir,
    )
}

/// A real `redis-server` on a free port, stopped when dropped.
pub struct Redis(std::process::Child, pub u16);

impl Redis {
    pub fn start() -> Redis {
        use std::process::{Command, Stdio};
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

    /// Its `--session-store` value.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.1)
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Session records in a SQLite session store (`sqlite://<file>`).
pub async fn sqlite_records(store: &str) -> i64 {
    use tower_sessions_sqlx_store::sqlx;
    let path = store.strip_prefix("sqlite://").expect("a sqlite:// store");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{path}"))
        .await
        .expect("open the session file");
    let n = sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
        .fetch_one(&pool)
        .await
        .expect("count sessions");
    pool.close().await;
    n
}

/// A real PostgreSQL server (Debian's `postgresql`, initdb into a temporary folder) on a free
/// loopback port, stopped and removed when dropped. As root it runs as the `postgres` user, since
/// PostgreSQL refuses to run as root.
pub struct Postgres {
    child: std::process::Child,
    dir: std::path::PathBuf,
    bin: std::path::PathBuf,
    pub port: u16,
}

impl Postgres {
    pub fn start() -> Postgres {
        use std::process::{Command, Stdio};
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| versions.flatten().map(|v| v.path().join("bin")).max())
            .expect("PostgreSQL is installed (make test installs Debian's postgresql)");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("port")
            .port();
        let dir = std::env::temp_dir().join(format!("ecs-panel-pg-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("pg dir");
        let root = is_root();
        let as_postgres = |program: std::path::PathBuf| {
            if root {
                let mut c = Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(program);
                c
            } else {
                Command::new(program)
            }
        };
        if root {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&dir)
                .status()
                .expect("chown");
            assert!(ok.success(), "chown the PostgreSQL folder");
        }
        let data = dir.join("data");
        let init = as_postgres(bin.join("initdb"))
            .args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "--no-sync",
                "-E",
                "UTF8",
                "-D",
            ])
            .arg(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("initdb runs");
        assert!(init.success(), "initdb failed");
        let child = as_postgres(bin.join("postgres"))
            .arg("-D")
            .arg(&data)
            .args(["-p", &port.to_string(), "-k"])
            .arg(&dir)
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("postgres starts");
        let pg = Postgres {
            child,
            dir,
            bin,
            port,
        };
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                // Accepting connections a moment before it accepts logins.
                std::thread::sleep(std::time::Duration::from_millis(300));
                return pg;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("postgres did not start");
    }

    /// Its `--database` value.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

impl Drop for Postgres {
    fn drop(&mut self) {
        // `pg_ctl stop -m immediate` ends the server and its backends at once (a signal to the
        // `runuser` wrapper would not reach them).
        let mut stop = if is_root() {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "postgres", "--"])
                .arg(self.bin.join("pg_ctl"));
            c
        } else {
            std::process::Command::new(self.bin.join("pg_ctl"))
        };
        let _ = stop
            .args(["stop", "-m", "immediate", "-D"])
            .arg(self.dir.join("data"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
