//! Both routers on one listener: the API under `/ecs/v2` (wrapped by the request log and fault
//! injection) and the control API under `/__sim`, embedded (`spawn`) or standalone.

use std::net::SocketAddr;

use axum::middleware::from_fn_with_state;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::api;
use crate::clock::Clock;
use crate::config::SimConfig;
use crate::control::{self, args::SimArgs};
use crate::store::Store;

/// The API (`/ecs/v2/…`) and the control API (`/__sim/…`) on one router.
///
/// The control API needs the peer address: serve with
/// `into_make_service_with_connect_info::<SocketAddr>()` (as `spawn` and `serve` do).
pub fn router(store: Store) -> Router {
    // The request log is outermost: it sees what the client sent and what it finally got, faults
    // included.
    let api = api::router(store.clone())
        .layer(from_fn_with_state(store.clone(), control::faults::inject))
        .layer(from_fn_with_state(store.clone(), control::requests::record))
        .with_state(store.clone());
    Router::new()
        .nest("/ecs/v2", api)
        .nest("/__sim", control::router(store))
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
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task.abort();
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        self.stop();
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
