//! Security headers: every page has a nonce-based CSP matching the nonce on its scripts; every
//! other response (server functions, static files, redirects) has a policy that allows nothing.

use crate::harness::Panel;

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn assert_common(res: &reqwest::Response) {
    assert_eq!(header(res, "x-content-type-options"), "nosniff");
    assert_eq!(header(res, "referrer-policy"), "no-referrer");
    assert_eq!(header(res, "x-frame-options"), "DENY");
    assert!(header(res, "content-security-policy").contains("frame-ancestors 'none'"));
    // Plain http here: no HSTS.
    assert!(res.headers().get("strict-transport-security").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_policy_that_their_scripts_match() {
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let mut nonces = Vec::new();
    for path in ["/", "/servers", "/servers/ec200401", "/login", "/nowhere"] {
        let res = panel.get(path, Some(&cookie)).await;
        assert_common(&res);
        let csp = header(&res, "content-security-policy").to_string();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp}"))
            .to_string();
        assert!(nonce.len() >= 16, "{path}: short nonce {nonce}");
        assert!(csp.contains("'wasm-unsafe-eval'"));
        let script_src = csp.split(';').find(|d| d.contains("script-src")).unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{path}: {csp}");
        let html = res.text().await.unwrap();
        // Every script on the page, inline or not, carries this response's nonce. leptos_i18n's
        // provider leaves an empty `<script></script>` (its slot for lazily loaded translations,
        // a feature we do not use): nothing in it to run, so it is the one tag not counted.
        let scripts = html.matches("<script").count() - html.matches("<script></script>").count();
        assert!(scripts > 0, "{path}: no scripts");
        assert_eq!(
            html.matches(&format!("nonce=\"{nonce}\"")).count(),
            scripts,
            "{path}: a script without the nonce"
        );
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 5, "a nonce was reused across responses");
}

/// The nonce the page's policy names.
fn policy_nonce(res: &reqwest::Response) -> Option<String> {
    let csp = res
        .headers()
        .get("content-security-policy")?
        .to_str()
        .ok()?;
    Some(csp.split("'nonce-").nth(1)?.split('\'').next()?.to_string())
}

/// Many pages at once, as a browser reloading while the last page's requests still run: each one
/// still names its scripts' nonce in its policy. (Through leptos_axum's ResponseOptions the policy
/// went missing from some of these, and the page never hydrated.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_rendered_at_once_each_carry_their_policy() {
    use futures_util::{stream, StreamExt};
    let panel = Panel::demo().await;
    let cookie = panel.sign_in("demo", "demo", None).await;
    let paths = [
        "/",
        "/servers",
        "/servers/ec200401",
        "/actions",
        "/networks",
        "/nowhere",
    ];
    let pages: Vec<(String, Option<String>, String)> =
        stream::iter((0..120).map(|i| paths[i % paths.len()]))
            .map(|path| {
                let (panel, cookie) = (&panel, &cookie);
                async move {
                    let res = panel.get(path, Some(cookie)).await;
                    let nonce = policy_nonce(&res);
                    (path.to_string(), nonce, res.text().await.unwrap())
                }
            })
            .buffer_unordered(16)
            .collect()
            .await;
    for (path, nonce, html) in pages {
        let nonce = nonce.unwrap_or_else(|| panic!("{path}: no page policy"));
        assert!(
            html.contains(&format!("nonce=\"{nonce}\"")),
            "{path}: the scripts' nonce is not the policy's"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn other_responses_get_a_policy_that_allows_nothing() {
    let panel = Panel::demo().await;
    // A redirect to sign-in, the health check and a server function's error.
    for res in [
        panel.get("/servers", None).await,
        panel.get("/healthz", None).await,
        panel.post_form("/api/overview", None, &[]).await,
    ] {
        assert_common(&res);
        assert_eq!(
            header(&res, "content-security-policy"),
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_public_url_adds_hsts() {
    let panel = Panel::start(&[
        "--session-store",
        "memory",
        "--public-url",
        "https://panel.example.com",
    ])
    .await;
    let res = panel.get("/healthz", None).await;
    assert_eq!(
        header(&res, "strict-transport-security"),
        "max-age=31536000"
    );
}
