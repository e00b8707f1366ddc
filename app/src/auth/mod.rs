//! Signing in and out. The upstream token lives only in the server-side session record; the
//! browser gets an opaque session cookie and, at most, the user's name. The sign-in server
//! functions are `crate::api::auth`.

#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

/// Who is signed in, put into the request's extensions by the server's route guard, so pages
/// and the access gate read it synchronously instead of through another async resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentUser {
    /// The panel account's name in team mode, the ECS username in personal mode.
    pub name: String,
    pub role: crate::model::team::Role,
    /// Team mode: the panel account's id.
    pub user_id: Option<String>,
    /// Team mode: signed in with a one-time password not yet changed.
    pub must_change: bool,
}

/// Who is signed in, as seen by this request (server side; `None` in the browser).
pub fn current_viewer() -> Option<crate::model::team::Viewer> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
            parts
                .extensions
                .get::<CurrentUser>()
                .map(|u| crate::model::team::Viewer {
                    name: u.name.clone(),
                    role: u.role,
                    team: u.user_id.is_some(),
                })
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// Where to go after signing in: only a local path, or it would be an open redirect.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.starts_with("/login")
                && n.chars().all(|c| !c.is_control() && c != '\\') =>
        {
            n.to_string()
        }
        _ => "/".to_string(),
    }
}

/// `/login?next=<here>`, plus `reason=expired` when a session just ended. Used by the SSR route
/// guard and by pages after hydration, so both send people to the same address.
pub fn login_url(here: &str, expired: bool) -> String {
    let mut params = Vec::new();
    if here != "/" {
        params.push(format!("next={}", percent_encode(here)));
    }
    if expired {
        params.push("reason=expired".to_string());
    }
    if params.is_empty() {
        "/login".into()
    } else {
        format!("/login?{}", params.join("&"))
    }
}

/// The page that asks for a new password before anything else (team mode, a one-time password),
/// then goes on to `next`.
pub fn password_url(next: &str) -> String {
    if next == "/" {
        "/password".into()
    } else {
        format!("/password?next={}", percent_encode(next))
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters (a query value, safely).
pub fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{login_url, safe_next};

    #[test]
    fn login_url_keeps_the_page_encoded() {
        assert_eq!(login_url("/", false), "/login");
        assert_eq!(login_url("/", true), "/login?reason=expired");
        assert_eq!(
            login_url("/servers?q=a b&x=1", false),
            "/login?next=%2Fservers%3Fq%3Da%20b%26x%3D1"
        );
        assert_eq!(
            login_url("/servers", true),
            "/login?next=%2Fservers&reason=expired"
        );
    }

    #[test]
    fn next_accepts_only_local_paths() {
        assert_eq!(safe_next(Some("/servers?q=web")), "/servers?q=web");
        assert_eq!(
            safe_next(Some("/servers/ec123/metrics")),
            "/servers/ec123/metrics"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "javascript:alert(1)",
            "servers",
            "",
            "/login?next=/x",
            "/a\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?} must be refused");
        }
        assert_eq!(safe_next(None), "/");
    }
}
