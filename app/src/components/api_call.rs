//! "Show the API call": the `curl` equivalent of what an action sends, under a toggle, copyable.
//! One component for every dialog and form that changes something (see model::api_call).

use leptos::prelude::*;

use super::copy::CopyButton;
use crate::model::api_call::ApiCall;

/// The ECS API root the panel talks to, for the calls shown. Provided by the layout.
#[derive(Clone, Debug, Default)]
pub struct ApiRoot(pub String);

/// The API root as the server knows it (empty in the browser: it arrives with the page).
pub fn api_root() -> String {
    #[cfg(feature = "ssr")]
    {
        // Not `state::panel_state()`: generating the route list renders the app without one,
        // and that is no error.
        use_context::<crate::state::PanelState>()
            .map(|s| s.client.base_url())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

#[component]
pub fn ShowApiCall(#[prop(into)] call: Signal<ApiCall>) -> impl IntoView {
    let root = use_context::<ApiRoot>().unwrap_or_default().0;
    let open = RwSignal::new(false);
    let text = move || call.with(|c| c.curl(&root));
    view! {
        <button class="btn btn-ghost btn-block api-call-toggle" type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { "Hide the API call" } else { "Show the API call" }}
        </button>
        <div hidden=move || !open.get() class="api-call">
            <p class="muted small">"The same request with curl (set ECS_TOKEN to your API token):"</p>
            <pre data-testid="curl" tabindex="0"><code>{text.clone()}</code></pre>
            {move || view! { <CopyButton text=text() what="curl command" /> }}
        </div>
    }
}
