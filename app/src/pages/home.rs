//! The landing page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::server_time::ServerTime;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text="" />
        <div class="page-head">
            <h1>"Welcome to ECS Panel"</h1>
            <p class="lead">
                "Manage your Seeweb Cloud Servers from the browser: create, power, watch and tidy them up."
            </p>
        </div>
        <div class="grid">
            <ServerTime />
        </div>
    }
}
