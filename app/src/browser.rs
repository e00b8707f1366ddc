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

/// Keeps the chosen language (`en`, `it`) for a year, for the whole site; the server renders
/// every later page in it.
pub fn remember_language(tag: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Ok(doc) = leptos::prelude::document().dyn_into::<web_sys::HtmlDocument>() {
            let _ = doc.set_cookie(&format!(
                "{}={tag}; Path=/; Max-Age=31536000; SameSite=Lax",
                crate::locale::COOKIE
            ));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = tag;
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

/// After a client-side page change: moves focus to the new page's heading (or else its main
/// region), so keyboard users go on from the page rather than from the link they left, and puts
/// the page's title into the announcer (`#page-announcer`, a polite live region) for screen
/// readers. Called as the route changes, while the old page is still shown (a lazy page loads its
/// code first, then its data): this waits up to five seconds for a heading that is not the old
/// page's, and then settles for the main region.
pub fn focus_new_page() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        fn heading() -> Option<web_sys::Element> {
            leptos::prelude::document()
                .query_selector("#main h1")
                .ok()
                .flatten()
        }
        fn attempt(old: Option<web_sys::Element>, was: Option<web_sys::Element>, left: u32) {
            let now = heading();
            if left > 0 && (now.is_none() || now == old) {
                leptos::prelude::set_timeout(
                    move || attempt(old, was, left - 1),
                    std::time::Duration::from_millis(100),
                );
                return;
            }
            let document = leptos::prelude::document();
            // Someone already moved on (typing in the new page's field): leave the focus there.
            let active = document.active_element();
            if active != was && active != document.body().map(Into::into) {
                return;
            }
            let Some(target) = now
                .filter(|h| Some(h) != old.as_ref())
                .or_else(|| document.get_element_by_id("main"))
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            // Focusable by script only, not in the tab order.
            if !target.has_attribute("tabindex") {
                let _ = target.set_attribute("tabindex", "-1");
            }
            let _ = target.focus();
            if let Some(announcer) = document.get_element_by_id("page-announcer") {
                announcer.set_text_content(Some(&document.title()));
            }
        }
        let was = leptos::prelude::document().active_element();
        attempt(heading(), was, 50);
    }
}
