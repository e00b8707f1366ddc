//! Cross-site request refusal and the security headers of every response.
//!
//! Leptos server functions do no CSRF check by design; SameSite=Lax cookies cover most of it, and
//! the origin check covers the rest: a request that changes something must come from the panel's
//! own origin.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{header, Method, StatusCode};

/// The origin requests must come from: the configured public URL's, or else the request's Host.
#[derive(Clone, Debug, Default)]
pub struct AllowedOrigin(pub Option<String>);

pub async fn same_origin_only(
    State(allowed): State<AllowedOrigin>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    match verdict(&allowed, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(why) => {
            tracing::warn!(path = %req.uri().path(), why, "refused a cross-site request");
            let locale = app::locale::of_headers(req.headers());
            (
                StatusCode::FORBIDDEN,
                app::plain::words(app::plain::Plain::CrossSite, locale),
            )
                .into_response()
        }
    }
}

fn verdict(allowed: &AllowedOrigin, headers: &http::HeaderMap) -> Result<(), &'static str> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        if !matches!(site, "same-origin" | "none") {
            return Err("Sec-Fetch-Site is not same-origin");
        }
    }
    let origin = text(header::ORIGIN.as_str()).ok_or("no Origin header")?;
    let ok = match &allowed.0 {
        Some(expected) => origin == expected,
        // No public URL configured: the Origin's host must be the Host the request was sent to.
        None => {
            let host = text(header::HOST.as_str()).ok_or("no Host header")?;
            origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
                .is_some_and(|h| h == host)
        }
    };
    if ok {
        Ok(())
    } else {
        Err("Origin is not the panel's")
    }
}

/// The dev reload socket's port when `cargo leptos watch` runs the panel (only then is the reload
/// script on the page), for the pages' `connect-src`.
#[derive(Clone, Copy, Debug, Default)]
pub struct WatchPort(pub Option<u32>);

/// Mints this request's script nonce (the page shell stamps it on every script, see
/// `app::csp::use_request_nonce`) and sends the page policy naming it on every HTML response.
/// Done here, around the app, because a header set through leptos_axum's `ResponseOptions` was
/// lost on some responses (see app::csp).
pub async fn page_policy(State(watch): State<WatchPort>, mut req: Request, next: Next) -> Response {
    let nonce = leptos::nonce::Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut res = next.run(req).await;
    if is_html(res.headers()) {
        if let Ok(value) =
            http::HeaderValue::from_str(&app::csp::policy(&nonce.to_string(), watch.0))
        {
            res.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    res
}

/// Whether a response is a page (HTML), by its Content-Type.
pub fn is_html(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("text/html"))
}

/// Adds the headers every response carries. Pages get their nonce-based CSP from [`page_policy`];
/// anything else (server functions, static files, redirects) gets a policy that allows nothing.
/// `hsts`: the panel is served over https (its public URL says so).
pub fn with_security_headers(router: axum::Router, hsts: bool) -> axum::Router {
    use http::{HeaderName, HeaderValue};
    use tower_http::set_header::SetResponseHeaderLayer as Set;
    let fixed = |name: HeaderName, value: &'static str| {
        Set::overriding(name, HeaderValue::from_static(value))
    };
    let router = router
        .layer(Set::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        ))
        .layer(fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(fixed(header::REFERRER_POLICY, "no-referrer"))
        .layer(fixed(header::X_FRAME_OPTIONS, "DENY"))
        .layer(fixed(
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ))
        .layer(fixed(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=()",
        ));
    if hsts {
        router.layer(fixed(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"))
    } else {
        router
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| {
                (
                    http::HeaderName::from_static(k),
                    http::HeaderValue::from_static(v),
                )
            })
            .collect()
    }

    #[test]
    fn same_origin_passes_and_foreign_or_missing_origin_fails() {
        let any = AllowedOrigin(None);
        assert!(verdict(
            &any,
            &headers(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000")
            ])
        )
        .is_ok());
        assert!(verdict(
            &any,
            &headers(&[("host", "127.0.0.1:3000"), ("origin", "http://evil.test")])
        )
        .is_err());
        assert!(verdict(&any, &headers(&[("host", "127.0.0.1:3000")])).is_err());
        assert!(verdict(
            &any,
            &headers(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000"),
                ("sec-fetch-site", "cross-site")
            ])
        )
        .is_err());
        assert!(verdict(
            &any,
            &headers(&[
                ("host", "127.0.0.1:3000"),
                ("origin", "http://127.0.0.1:3000"),
                ("sec-fetch-site", "same-site")
            ])
        )
        .is_err());
    }

    #[test]
    fn configured_public_origin_is_the_only_one() {
        let public = AllowedOrigin(Some("https://panel.example.com".into()));
        assert!(verdict(
            &public,
            &headers(&[
                ("host", "10.0.0.1"),
                ("origin", "https://panel.example.com")
            ])
        )
        .is_ok());
        assert!(verdict(
            &public,
            &headers(&[("host", "10.0.0.1"), ("origin", "http://10.0.0.1")])
        )
        .is_err());
    }
}
