//! The axum router around the Leptos app, and the listener it is served on.

use std::time::Duration;

use app::{shell, App};
use axum::body::Body;
use axum::serve::ListenerExt;
use axum::{routing::get, Json, Router};
use http::{Request, Response};
use leptos::prelude::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tower_http::trace::TraceLayer;
use tracing::{info_span, Span};

/// The whole panel: health check, server functions, SSR routes, static files and the 404 page.
pub fn panel_router(leptos_options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    Router::new()
        .route("/healthz", get(healthz))
        .leptos_routes(&leptos_options, routes, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        // One log line per request: method, path (never the query), status and latency.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<Body>| {
                    info_span!("request", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(|res: &Response<Body>, latency: Duration, _: &Span| {
                    tracing::info!(
                        status = res.status().as_u16(),
                        latency_ms = latency.as_secs_f64() * 1e3,
                        "served"
                    );
                }),
        )
        .with_state(leptos_options)
}

async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok", "version": app::VERSION }))
}

/// Serves `router` on `listener` until the process ends.
///
/// TCP_NODELAY on every accepted socket: without it a streamed SSR page waits ~40 ms on Nagle's
/// algorithm (measured; see shared/ECOSYSTEM.md).
pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
    let listener = listener.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::warn!(%err, "could not set TCP_NODELAY");
        }
    });
    axum::serve(listener, router.into_make_service()).await
}
