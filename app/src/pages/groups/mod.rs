//! `/groups`: group servers to find and manage them together.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn GroupsPage() -> impl IntoView {
    view! {
        <Title text="Groups" />
        <div class="page-head">
            <h1>"Groups"</h1>
            <p class="lead">"Group servers to find and manage them together."</p>
        </div>
    }
}
