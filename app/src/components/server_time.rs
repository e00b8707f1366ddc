//! A small widget that asks the server for its clock: works only once the page is hydrated.

use leptos::prelude::*;

use crate::api::system::server_time;

#[component]
pub fn ServerTime() -> impl IntoView {
    let refresh = ServerAction::<crate::api::system::ServerTime>::new();
    let time = Resource::new(move || refresh.version().get(), |_| server_time());
    let clicks = move || refresh.version().get();

    view! {
        <section class="card server-time" aria-live="polite">
            <h2>"Server time"</h2>
            <Suspense fallback=|| view! { <p class="muted">"Asking the server…"</p> }>
                <p class="mono" data-testid="server-time">
                    {move || time.get().map(|t| t.unwrap_or_else(|e| format!("Unavailable: {e}")))}
                </p>
            </Suspense>
            <button
                class="btn"
                data-testid="refresh-time"
                on:click=move |_| {
                    refresh.dispatch(crate::api::system::ServerTime {});
                }
            >
                "Refresh"
            </button>
            <p class="muted small" data-testid="refresh-count">
                {move || format!("Refreshed {} times", clicks())}
            </p>
        </section>
    }
}
