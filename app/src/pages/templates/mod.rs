//! `/templates`: server images you made from your own servers.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TemplatesPage() -> impl IntoView {
    view! {
        <Title text="Templates" />
        <div class="page-head">
            <h1>"Templates"</h1>
            <p class="lead">"Server images you made from your own servers."</p>
        </div>
    }
}
