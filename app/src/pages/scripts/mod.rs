//! `/scripts`: scripts that run when a new server first boots.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ScriptsPage() -> impl IntoView {
    view! {
        <Title text="Cloud scripts" />
        <div class="page-head">
            <h1>"Cloud scripts"</h1>
            <p class="lead">"Scripts that run when a new server first boots."</p>
        </div>
    }
}
