//! The few things the app asks of the browser window; no-ops during SSR.

/// Loads `url` as a new page (not a client-side route change), so every part of it, the header
/// included, is rendered afresh by the server.
pub fn load_page(url: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = leptos::prelude::window().location().assign(url);
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = url;
    }
}

/// The current path and query, e.g. `/servers?q=web` (empty during SSR).
pub fn current_path() -> String {
    #[cfg(feature = "hydrate")]
    {
        let location = leptos::prelude::window().location();
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}
