//! The wasm entry point: hydrates the server-rendered page and nothing else. Pages are lazy
//! routes: hydration first loads the chunk of the page on screen (and only that one).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `leptos::mount::hydrate_lazy`, plus the marker once the page is actually live.
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else {
            return;
        };
        leptos::mount::hydrate_from_async(body, app::App)
            .await
            .forget();
        mark_hydrated();
    });
}

/// A marker for end-to-end tests: from here on, event handlers are live; and when (ms after
/// navigation start), the benchmark's time to interactive.
fn mark_hydrated() {
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__ecsHydrated".into(), &true.into());
        if let Some(now) = window.performance().map(|p| p.now()) {
            let _ = js_sys::Reflect::set(&window, &"__ecsHydratedAt".into(), &now.into());
        }
    }
}
