//! The axum router around the Leptos app, and the listener it is served on.

use std::time::Duration;

use app::{shell, state::PanelState, App};
use axum::{
    body::Body,
    middleware::{from_fn, from_fn_with_state},
    routing::get,
    Json, Router,
};
use http::{Request, Response};
use leptos::prelude::{provide_context, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use tower_sessions::SessionManagerLayer;
use tracing::{info_span, Span};

use crate::{access, budget, client_addr, fn_status, guard, security, session::AnyStore};

/// Everything the panel's router is made of.
pub struct Panel {
    pub options: LeptosOptions,
    pub state: PanelState,
    pub sessions: SessionManagerLayer<AnyStore>,
    pub allowed_origin: security::AllowedOrigin,
    /// Send Strict-Transport-Security (the public URL is https).
    pub hsts: bool,
    pub trusted_proxies: client_addr::TrustedProxies,
    pub limits: Limits,
}

/// The server's own limits (see `Config`).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub response_timeout: Duration,
    pub max_concurrent: usize,
}

/// The app's routes, generated once per process. Generating them renders the app in a special
/// mode that, while it lasts, parks any Resource polled in the same process (leptos issue
/// #4773): generating them for every router left a concurrent render hanging now and then.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// With the site inside the binary: an embedded file, or the app's own 404 page.
async fn embedded_file_or_404(
    axum::extract::State(options): axum::extract::State<LeptosOptions>,
    req: Request<Body>,
) -> Response<Body> {
    if let Some(res) = crate::site::serve(&req, options.hash_files) {
        return res;
    }
    let render = leptos_axum::render_app_to_stream(move || shell(options.clone()));
    axum::response::IntoResponse::into_response(render(req).await)
}

/// The whole panel: health check, server functions, SSR routes, static files and the 404 page,
/// behind the route guard, the session layer, the same-origin check and the security headers.
pub fn panel_router(panel: Panel) -> Router {
    let Panel {
        options,
        state,
        sessions,
        allowed_origin,
        hsts,
        trusted_proxies,
        limits,
    } = panel;
    let routes = route_list();
    // Only `cargo leptos watch` sets LEPTOS_WATCH, and only then is the reload script on the page.
    let watch_port =
        security::WatchPort(std::env::var_os("LEPTOS_WATCH").map(|_| options.reload_port));
    let export_state = state.clone();
    let audit_state = state.clone();
    let gate_state = state.clone();
    let guard_state = state.clone();
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/consumption/export",
            get(move |session, who, headers, query| {
                crate::export::consumption_csv(export_state.clone(), session, who, headers, query)
            }),
        )
        .route(
            "/audit/export",
            get(move |who, headers, query| {
                crate::export::audit_csv(audit_state.clone(), who, headers, query)
            }),
        )
        .leptos_routes_with_context(&options, routes, move || provide_context(state.clone()), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(if crate::site::EMBEDDED {
            axum::routing::any(embedded_file_or_404)
        } else {
            axum::routing::any(leptos_axum::file_and_error_handler(shell))
        })
        .with_state(options)
        // Layers run bottom-up: log, refuse cross-site writes, load the session, guard (who is
        // calling), the access gate (roles, audit log), give server functions' errors their
        // status, and mint the page's script nonce.
        .layer(from_fn_with_state(watch_port, security::page_policy))
        .layer(from_fn(fn_status::error_status))
        .layer(from_fn_with_state(gate_state, access::gate))
        .layer(from_fn_with_state(guard_state, guard::require_session))
        .layer(from_fn_with_state(
            trusted_proxies,
            client_addr::client_address,
        ))
        .layer(sessions)
        .layer(from_fn(guard::no_session_for_static))
        .layer(from_fn_with_state(
            allowed_origin,
            security::same_origin_only,
        ))
        .layer(from_fn_with_state(
            budget::Budget::new(limits.response_timeout, limits.max_concurrent),
            budget::response_budget,
        ));
    security::with_security_headers(router, hsts).layer(
            TraceLayer::new_for_http()
                // One log line per request: method, path (never the query), status, latency.
                .make_span_with(|req: &Request<Body>| {
                    info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                // A server function's expected error (wrong password, 422) needs no ERROR line
                // of its own: the status line below says enough. A body that fails or is cut is
                // logged by the budget layer (budget.rs).
                .on_failure(())
                .on_response(|res: &Response<Body>, latency: Duration, _: &Span| {
                    tracing::debug!(
                        status = res.status().as_u16(),
                        latency_ms = latency.as_secs_f64() * 1e3,
                        "headers sent"
                    );
                })
                // "served" only once the whole body went out: a render that hangs after its
                // headers never logs it.
                .on_eos(|_: Option<&http::HeaderMap>, latency: Duration, _: &Span| {
                    tracing::info!(latency_ms = latency.as_secs_f64() * 1e3, "served");
                }),
        )
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "version": app::VERSION }))
}

/// How long a client may take to send a request's headers when none is configured.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until the process ends (see [`serve_with`]).
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    serve_with(listener, router, DEFAULT_HEADER_TIMEOUT).await
}

/// Serves `router` with a header-read timeout, so half-sent requests (slowloris) are dropped
/// instead of held open: `axum::serve` installs no timer, so this is hyper-util's builder with one.
///
/// TCP_NODELAY on every accepted socket: without it a streamed SSR page waits ~40 ms on Nagle's
/// algorithm (measured; see the README's Benchmarks section).
pub async fn serve_with(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::service::TowerToHyperService;
    use tower::Service;

    let mut make = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    loop {
        let (tcp, peer) = match listener.accept().await {
            Ok(conn) => conn,
            Err(err) => {
                // Out of file descriptors and the like: wait, then accept again.
                tracing::warn!(%err, "could not accept a connection");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(%err, "could not set TCP_NODELAY");
        }
        let Ok(service) = make.call(peer).await;
        tokio::spawn(async move {
            let mut builder = Builder::new(TokioExecutor::new());
            builder
                .http1()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let served = builder
                .serve_connection_with_upgrades(
                    TokioIo::new(tcp),
                    TowerToHyperService::new(service),
                )
                .await;
            if let Err(err) = served {
                tracing::debug!(%err, "connection ended with an error");
            }
        });
    }
}
