//! `/plans`: what each plan costs and where it can be created now.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PlansPage() -> impl IntoView {
    view! {
        <Title text="Plans & regions" />
        <div class="page-head">
            <h1>"Plans & regions"</h1>
            <p class="lead">"What each plan costs and where it can be created now."</p>
        </div>
    }
}
