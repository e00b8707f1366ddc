//! A small widget that asks the server for its clock: works only once the page is hydrated.

use leptos::prelude::*;

use crate::api::system::ServerTime;

#[component]
pub fn ServerTime() -> impl IntoView {
    // The first reading is taken while rendering on the server and shared for hydration; each
    // click asks the server again through the server function.
    let first = SharedValue::new(now_on_server).into_inner();
    let refresh = ServerAction::<ServerTime>::new();
    let shown = move || match refresh.value().get() {
        Some(Ok(t)) => t,
        // It fails only when the panel cannot be reached: server_fn's own words are English.
        Some(Err(_)) => crate::tr!(
            model.components.server_time_unavailable,
            error = crate::tr!(errors.transport)
        ),
        None => first.clone(),
    };
    let clicks = move || refresh.version().get();

    view! {
        <section class="card server-time" aria-live="polite">
            <h2>{crate::tr!(model.components.server_time)}</h2>
            <p class="mono" data-testid="server-time">{shown}</p>
            <button
                class="btn"
                data-testid="refresh-time"
                on:click=move |_| {
                    refresh.dispatch(ServerTime {});
                }
            >
                {crate::tr!(model.components.refresh)}
            </button>
            <p class="muted small" data-testid="refresh-count">
                {move || crate::tr!(model.components.refreshed, n = clicks()).to_string()}
            </p>
        </section>
    }
}

fn now_on_server() -> String {
    #[cfg(feature = "ssr")]
    {
        crate::api::system::format_now()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}
