//! The 404 page; SSR also sets the HTTP status.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <Title text="Page not found" />
        <div class="error-page">
            <p class="error-code">"404"</p>
            <h1>"Page not found"</h1>
            <p class="lead">"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <a class="btn btn-primary" href="/">"Go to the start page"</a>
        </div>
    }
}
