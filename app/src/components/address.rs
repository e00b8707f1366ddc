//! A server's IP address with its copy button, or "pending" while ECS has not given one yet.

use leptos::prelude::*;

use super::copy::CopyButton;

#[component]
pub fn Address(ip: Option<String>, what: &'static str) -> impl IntoView {
    match ip {
        Some(ip) => view! {
            <span class="ip">
                <span class="mono">{ip.clone()}</span>
                <CopyButton text=ip what />
            </span>
        }
        .into_any(),
        None => view! { <span class="ip muted">{crate::tr!(model.components.pending)}</span> }
            .into_any(),
    }
}
