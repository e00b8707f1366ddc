//! `/actions`: every action of the account, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ActionsPage() -> impl IntoView {
    view! {
        <Title text="Actions" />
        <div class="page-head">
            <h1>"Actions"</h1>
            <p class="lead">"Every action of the account, newest first."</p>
        </div>
    }
}
