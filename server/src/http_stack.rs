//! The axum router around the Leptos app, and the listener it is served on.

use std::time::Duration;

use app::{shell, state::PanelState, App};
use axum::{
    body::Body,
    middleware::{from_fn, from_fn_with_state},
    routing::get,
    serve::ListenerExt,
    Json, Router,
};
use http::{Request, Response};
use leptos::prelude::{provide_context, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use tower_sessions::SessionManagerLayer;
use tracing::{info_span, Span};

use crate::{fn_status, guard, security, session::AnyStore};

/// Everything the panel's router is made of.
pub struct Panel {
    pub options: LeptosOptions,
    pub state: PanelState,
    pub sessions: SessionManagerLayer<AnyStore>,
    pub allowed_origin: security::AllowedOrigin,
    /// Send Strict-Transport-Security (the public URL is https).
    pub hsts: bool,
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
    } = panel;
    let routes = generate_route_list(App);
    let router = Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes_with_context(&options, routes, move || provide_context(state.clone()), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options)
        // Layers run bottom-up: log, refuse cross-site writes, load the session, guard, then give
        // server functions' errors their status.
        .layer(from_fn(fn_status::error_status))
        .layer(from_fn(guard::require_session))
        .layer(from_fn(security::peer_address))
        .layer(sessions)
        .layer(from_fn_with_state(
            allowed_origin,
            security::same_origin_only,
        ));
    security::with_security_headers(router, hsts).layer(
            TraceLayer::new_for_http()
                // One log line per request: method, path (never the query), status, latency.
                .make_span_with(|req: &Request<Body>| {
                    info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                // A server function's expected error (wrong password, 422) needs no ERROR line
                // of its own: the status line below says enough.
                .on_failure(())
                .on_response(|res: &Response<Body>, latency: Duration, _: &Span| {
                    tracing::info!(
                        status = res.status().as_u16(),
                        latency_ms = latency.as_secs_f64() * 1e3,
                        "served"
                    );
                }),
        )
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "version": app::VERSION }))
}

/// Serves `router` on `listener` until the process ends.
///
/// TCP_NODELAY on every accepted socket: without it a streamed SSR page waits ~40 ms on Nagle's
/// algorithm (measured; see the README's Benchmarks section).
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(%err, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
}
