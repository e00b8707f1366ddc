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

/// Puts `text` on the clipboard (needs a secure context: https or localhost). Returns whether
/// the browser offered a clipboard at all.
pub fn copy_text(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let clipboard = leptos::prelude::window().navigator().clipboard();
        // The promise settles later; a refusal leaves the text visible for manual copying.
        let _ = clipboard.write_text(text);
        true
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}

/// Whether the tab is in view (polling pauses while it is not).
pub fn tab_visible() -> bool {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::document().visibility_state() == web_sys::VisibilityState::Visible
    }
    #[cfg(not(feature = "hydrate"))]
    {
        false
    }
}

/// Milliseconds since the epoch in the browser; 0 during SSR.
pub fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

/// Sleeps in the browser; returns at once during SSR (nothing there waits on it).
pub async fn sleep_ms(ms: u32) {
    #[cfg(feature = "hydrate")]
    gloo_timers::future::TimeoutFuture::new(ms).await;
    #[cfg(not(feature = "hydrate"))]
    let _ = ms;
}

/// The tab's `sessionStorage` value for `key` (None during SSR or when storage is off).
pub fn stored(key: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        leptos::prelude::window()
            .session_storage()
            .ok()
            .flatten()?
            .get_item(key)
            .ok()
            .flatten()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = key;
        None
    }
}

/// Keeps `value` in the tab's `sessionStorage` (gone when the tab closes); None removes it.
pub fn store(key: &str, value: Option<&str>) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = leptos::prelude::window().session_storage().ok().flatten() {
        let _ = match value {
            Some(v) => storage.set_item(key, v),
            None => storage.remove_item(key),
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (key, value);
}

/// The viewer's time zone as minutes east of UTC (0 during SSR).
pub fn utc_offset_minutes() -> i32 {
    #[cfg(feature = "hydrate")]
    {
        -(js_sys::Date::new_0().get_timezone_offset() as i32)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0
    }
}
