//! The page's Content-Security-Policy, sent as a response header (a `<meta>` policy cannot say
//! `frame-ancestors`). Scripts run only with this response's nonce, which Leptos stamps on its
//! hydration and streaming scripts; the wasm module needs `'wasm-unsafe-eval'`.

use leptos::prelude::{provide_context, use_context};

/// The policy for a page whose scripts carry `nonce`. `watch_port`: the dev reload socket's port
/// when `cargo leptos watch` runs the panel.
pub fn policy(nonce: &str, watch_port: Option<u32>) -> String {
    let connect = match watch_port {
        Some(port) => format!("'self' ws://127.0.0.1:{port} ws://localhost:{port}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; \
         script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src-elem 'self'; \
         style-src-attr 'unsafe-inline'; \
         img-src 'self' data:; \
         connect-src {connect}; \
         object-src 'none'; \
         base-uri 'none'; \
         form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Uses the nonce the server's `page_policy` layer minted for this request, which that layer
/// also sends in the policy header. Called while the page shell renders, before any script is
/// stamped. The policy used to travel in leptos_axum's `ResponseOptions`, whose headers were
/// missing from about one rapid reload in two (measured), leaving a page whose every script the
/// fallback policy blocked: it never hydrated.
pub fn use_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<leptos::nonce::Nonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn scripts_need_the_nonce_and_framing_is_refused() {
        let p = policy("abc123", None);
        assert!(p.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval';"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(p.contains("object-src 'none'"));
        let script = p
            .split(';')
            .find(|d| d.trim_start().starts_with("script-src"));
        assert!(!script.unwrap().contains("unsafe-inline"));
        assert!(!p.contains("ws://"));
        assert!(policy("n", Some(3001)).contains("ws://127.0.0.1:3001"));
    }
}
