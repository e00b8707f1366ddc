//! "Show the API call": the `curl` equivalent of what an action sends, under a toggle, copyable.
//! One component for every dialog and form that changes something (see model::api_call); secrets
//! in the body show as shell variables, named in the sentence above the command.

use leptos::prelude::*;

use crate::i18n::td_string;
use crate::locale::untracked;

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
    let l = untracked();
    let open = RwSignal::new(false);
    let text = move || call.with(|c| c.curl(&root));
    // ECS_TOKEN, then each secret the body holds as a variable.
    let settings = move || {
        call.with(|c| {
            std::iter::once(td_string!(l, common.ui.api_token_var).to_string())
                .chain(c.variables().iter().map(|s| {
                    td_string!(l, common.ui.api_var, var = s.var, what = s.what).to_string()
                }))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <button class="btn btn-ghost btn-block api-call-toggle" type="button" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { td_string!(l, common.ui.api_hide) } else { td_string!(l, common.ui.api_show) }}
        </button>
        <div hidden=move || !open.get() class="api-call">
            <p class="muted small">{move || td_string!(l, common.ui.api_intro, settings = settings()).to_string()}</p>
            <pre data-testid="curl" tabindex="0"><code>{text.clone()}</code></pre>
            {move || view! { <CopyButton text=text() what=td_string!(l, common.ui.curl_command) /> }}
        </div>
    }
}
