//! The status badge: a coloured word, and a progress bar while something is happening.

use leptos::prelude::*;

use crate::model::activity::Running;
use crate::model::server::Health;

/// `running` (from the live feed) wins over the server's own status while it lasts.
#[component]
pub fn StatusBadge(
    health: Health,
    progress: Option<u8>,
    #[prop(into)] running: Signal<Option<Running>>,
) -> impl IntoView {
    view! {
        <span class="status" data-testid="status">
            {move || match running.get() {
                Some(r) => view! {
                    <span class="badge badge-busy">{r.doing.clone()}</span>
                    <Progress value=r.progress />
                }.into_any(),
                None => view! {
                    <span class=format!("badge badge-{}", health.tone())>{health.words(crate::locale::untracked())}</span>
                    {health.is_transient().then(|| view! { <Progress value=progress /> })}
                }.into_any(),
            }}
        </span>
    }
}

/// A thin bar; with no value it shows an indeterminate stripe.
#[component]
pub fn Progress(value: Option<u8>) -> impl IntoView {
    let pct = value.unwrap_or(0).min(100);
    view! {
        <span
            class=if value.is_some() { "progress" } else { "progress progress-indeterminate" }
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=value.map(|v| v.to_string())
        >
            <span class="progress-fill" style=format!("width: {pct}%")></span>
        </span>
        {value.map(|v| view! { <span class="progress-pct">{format!("{v}%")}</span> })}
    }
}
