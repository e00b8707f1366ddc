//! The wasm entry point: hydrates the server-rendered page and nothing else.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // A marker for end-to-end tests: from here on, event handlers are live.
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__ecsHydrated".into(), &true.into());
        // When (ms after navigation start): the benchmark's time to interactive.
        if let Some(now) = window.performance().map(|p| p.now()) {
            let _ = js_sys::Reflect::set(&window, &"__ecsHydratedAt".into(), &now.into());
        }
    }
}
