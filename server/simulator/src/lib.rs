//! An ECS API simulator: Seeweb's Cloud Server API v2 under `/ecs/v2`, with a believable seeded
//! world, actions that progress with (simulated) time, the documented errors, two answer forms
//! (live and legacy) and fault injection, plus a loopback-only control API under `/__sim/`.
//!
//! Run it embedded (`spawn`, on a loopback port: tests and the panel's demo mode talk to it over
//! real HTTP) or standalone (`ecs-panel simulate`, see `SimArgs`). It shares no types with the
//! panel's API client on purpose: each side encodes its own reading of the docs.

mod account;
mod actions;
mod admin;
mod args;
mod auth;
mod billing;
pub mod catalogue;
mod catalogue_api;
pub mod clock;
pub mod error;
pub mod faults;
mod groups;
mod images;
mod input;
mod lifecycle;
mod logs;
mod metrics;
mod networks;
mod reqlog;
mod scripts;
pub mod seed;
mod seed_bulk;
mod seed_history;
mod seed_library;
mod server_actions;
mod server_create;
mod servers;
mod snapshots;
mod sshkeys;
pub mod store;
mod support;
mod templates;
pub mod util;
mod vlans;
mod wire;

use std::net::SocketAddr;

use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use args::{SimArgs, SimSettings};
pub use clock::Clock;
pub use error::SimError;
pub use faults::FaultConfig;
pub use seed::{ALICE_API_TOKEN, DEMO_API_TOKEN};
pub use store::Store;

/// Everything that shapes a simulator run.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub legacy_forms: bool,
    pub boot_secs: f64,
    pub customize_secs: f64,
    pub power_secs: f64,
    pub delete_secs: f64,
    pub task_secs: f64,
    /// Simulated seconds per real second (system clock only).
    pub speed: f64,
    /// A clock that moves only when told to (tests).
    pub manual_clock: bool,
    pub token_lifetime_secs: u64,
    pub jwt_secret: Option<String>,
    pub request_log_size: usize,
    /// Generated servers added to the `demo` account (see `seed_bulk.rs`); 0 in the demo.
    pub extra_servers: u32,
    pub faults: FaultConfig,
    /// Forced expiry for every account after this many authenticated calls.
    pub expire_after_calls: Option<u32>,
}

impl Default for SimConfig {
    /// The demo settings: a server boots in ~20 s, power actions take ~5 s.
    fn default() -> Self {
        Self {
            legacy_forms: false,
            boot_secs: 20.0,
            customize_secs: 15.0,
            power_secs: 5.0,
            delete_secs: 10.0,
            task_secs: 15.0,
            speed: 1.0,
            manual_clock: false,
            token_lifetime_secs: 4 * 3600,
            jwt_secret: None,
            request_log_size: 200,
            extra_servers: 0,
            faults: FaultConfig::default(),
            expire_after_calls: None,
        }
    }
}

impl SimConfig {
    /// Demo timings on a manual clock: nothing moves until the test advances time.
    pub fn for_tests() -> Self {
        Self {
            manual_clock: true,
            ..Self::default()
        }
    }

    pub fn clock(&self) -> Clock {
        if self.manual_clock {
            Clock::manual()
        } else {
            Clock::system(self.speed)
        }
    }
}

/// The API (`/ecs/v2/…`) and the control API (`/__sim/…`) on one router.
///
/// The control API needs the peer address: serve with
/// `into_make_service_with_connect_info::<SocketAddr>()` (as `spawn` and `serve` do).
pub fn router(store: Store) -> Router {
    let authed = Router::new()
        .route("/account", get(account::get).post(account::change_password))
        .route("/keys", get(account::list_keys).post(account::create_key))
        .route(
            "/keys/{id}",
            put(account::rename_key)
                .patch(account::rename_key)
                .delete(account::delete_key),
        )
        .route("/servers", get(servers::list).post(server_create::create))
        .route(
            "/servers/{name}",
            get(servers::get)
                .put(servers::update)
                .patch(servers::update)
                .delete(servers::delete),
        )
        .route("/servers/{name}/status", get(servers::status))
        .route("/servers/{name}/actions", post(server_actions::run))
        .route("/servers/{name}/metrics", get(metrics::metrics))
        .route("/servers/{name}/isolations", get(servers::isolations))
        .route("/servers/{name}/reserved", post(support::add_reserved))
        .route(
            "/servers/{name}/support",
            post(support::set_support).delete(support::remove_support),
        )
        .route(
            "/servers/{name}/snapshots",
            get(snapshots::list).post(snapshots::create),
        )
        .route(
            "/servers/{name}/snapshots/{id}",
            get(snapshots::get)
                .patch(snapshots::update)
                .put(snapshots::update)
                .delete(snapshots::delete),
        )
        .route("/servers/{name}/crons", post(snapshots::create_cron))
        .route(
            "/servers/{name}/crons/{cron}",
            get(snapshots::get_cron)
                .patch(snapshots::update_cron)
                .delete(snapshots::delete_cron),
        )
        .route(
            "/servers/{name}/networks/{net}/vlans",
            get(vlans::list_vlans).post(vlans::add_vlans),
        )
        .route(
            "/servers/{name}/networks/{net}/vlans/{vlan}",
            axum::routing::patch(vlans::update_vlan).delete(vlans::delete_vlans),
        )
        .route("/networks", get(networks::list).post(networks::create))
        .route(
            "/networks/{name}",
            get(networks::get).delete(networks::delete),
        )
        .route("/actions", get(actions::list))
        .route("/actions/{id}", get(actions::get))
        .route("/logs", get(logs::list))
        .route("/logs/{id}", get(logs::get))
        .route("/billing/{kind}/{year}/{month}", get(billing::billing))
        .route("/regions", get(catalogue_api::regions))
        .route(
            "/regions/availables",
            post(catalogue_api::regions_available),
        )
        .route("/plans", get(catalogue_api::plans))
        .route("/plans/availables", get(catalogue_api::plans_available))
        .route("/images/basics", get(catalogue_api::basic_images))
        .route("/images/cloud-images", get(catalogue_api::cloud_images))
        .route("/templates", get(templates::list).post(templates::create))
        .route(
            "/templates/{key}",
            get(templates::get)
                .put(templates::update)
                .patch(templates::update)
                .delete(templates::delete),
        )
        .route("/scripts", get(scripts::list).post(scripts::create))
        .route(
            "/scripts/{id}",
            get(scripts::get)
                .put(scripts::update)
                .patch(scripts::update)
                .delete(scripts::delete),
        )
        .route("/sshkeys", get(sshkeys::list).post(sshkeys::create))
        .route(
            "/sshkeys/{id}",
            get(sshkeys::get)
                .put(sshkeys::rename)
                .patch(sshkeys::rename)
                .delete(sshkeys::delete),
        )
        .route("/groups", get(groups::list).post(groups::create))
        .route("/groups/{id}", get(groups::get).delete(groups::delete))
        .route_layer(from_fn_with_state(store.clone(), auth::require_auth));
    let api = Router::new()
        .route("/login", post(auth::login))
        .merge(authed)
        .fallback(|| async { SimError::not_found("Not found").into_response() })
        .layer(from_fn_with_state(store.clone(), faults::inject))
        .layer(from_fn_with_state(store.clone(), reqlog::record))
        .with_state(store.clone());
    Router::new()
        .nest("/ecs/v2", api)
        .nest("/__sim", admin::router(store))
}

/// A running simulator. Dropping it stops the listener.
pub struct SimHandle {
    pub addr: SocketAddr,
    pub store: Store,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl SimHandle {
    /// `http://127.0.0.1:<port>/ecs/v2`, the base URL a client is configured with.
    pub fn base_url(&self) -> String {
        format!("http://{}/ecs/v2", self.addr)
    }

    /// `http://127.0.0.1:<port>/__sim`.
    pub fn admin_url(&self) -> String {
        format!("http://{}/__sim", self.addr)
    }

    pub fn clock(&self) -> &Clock {
        &self.store.clock
    }

    /// Moves simulated time forward (same as `POST /__sim/clock/advance`).
    pub fn advance(&self, seconds: f64) {
        self.store.clock.advance(seconds);
    }

    /// Stops accepting connections and waits for the server task.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.abort();
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.abort();
    }
}

/// Binds a loopback port chosen by the OS and serves the simulator there.
pub async fn spawn(config: SimConfig) -> std::io::Result<SimHandle> {
    spawn_on(SocketAddr::from(([127, 0, 0, 1], 0)), config).await
}

/// Serves the simulator on `addr` in a background task.
pub async fn spawn_on(addr: SocketAddr, config: SimConfig) -> std::io::Result<SimHandle> {
    spawn_store_on(addr, Store::new(config.clone(), config.clock())).await
}

/// Serves an existing store on `addr`: a restart that keeps the accounts, as the real service
/// keeps its database across one.
pub async fn spawn_store_on(addr: SocketAddr, store: Store) -> std::io::Result<SimHandle> {
    let listener = TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let router = router(store.clone());
    let task = tokio::spawn(async move {
        let served = serve(listener, router, async {
            let _ = rx.await;
        });
        if let Err(err) = served.await {
            tracing::warn!(%err, "simulator stopped");
        }
    });
    Ok(SimHandle {
        addr,
        store,
        shutdown: Some(tx),
        task,
    })
}

/// Serves `router` with peer addresses (for the loopback check) and TCP_NODELAY.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(%err, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// `ecs-panel simulate`: serves until Ctrl-C.
pub async fn run_standalone(args: SimArgs) -> Result<(), String> {
    let config = args.settings.to_config();
    let listener = TcpListener::bind(args.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let store = Store::new(config.clone(), config.clock());
    tracing::info!(
        "ECS simulator on http://{addr}/ecs/v2 (control API: http://{addr}/__sim, loopback only); \
         accounts demo/demo and alice/alice; legacy forms: {}",
        config.legacy_forms
    );
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    serve(listener, router(store), ctrl_c)
        .await
        .map_err(|e| format!("simulator stopped: {e}"))
}
