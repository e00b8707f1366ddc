//! `/`: the overview: your account and your servers at a glance.

use crate::model::overview::AccountOverview;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::overview::overview;
use crate::components::{error_view::ErrorNotice, server_time::ServerTime};

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`home_page`]) comes in its own wasm chunk.
pub struct HomePage {
    data: PageData<AccountOverview>,
}

#[lazy_route]
impl LazyRoute for HomePage {
    fn data() -> Self {
        let data = page_data(|| (), |_| overview());
        Self { data }
    }

    fn view(this: Self) -> AnyView {
        home_page(this).into_any()
    }
}

fn home_page(HomePage { data }: HomePage) -> impl IntoView {
    view! {
        <Title text="Overview" />
        <div class="page-head">
            <h1>"Overview"</h1>
            <p class="lead">"Your Seeweb Cloud Servers at a glance."</p>
        </div>
        <div class="grid">
            <Suspense fallback=|| view! { <section class="card"><p class="muted">"Loading your account…"</p></section> }>
                // Awaiting inside `Suspend` (not `.get()`): the `.get()` pattern can lose a wakeup
                // in Leptos 0.8's SSR and leave the response hanging (leptos#4578).
                {move || Suspend::new(async move { match data.await {
                    Ok(o) => view! {
                        <section class="card" data-testid="account-card">
                            <h2>"Account"</h2>
                            <p class="stat">{o.username.clone()}</p>
                            <p class="muted">{o.email.clone()}</p>
                        </section>
                        <section class="card" data-testid="servers-card">
                            <h2>"Servers"</h2>
                            <p class="stat" data-testid="servers-total">{o.servers_total}</p>
                            <ul class="plain">
                                {o.by_status.iter().map(|(status, n)| view! {
                                    <li><span class="muted">{status.clone()}</span>" "<strong>{*n}</strong></li>
                                }).collect_view()}
                            </ul>
                            <p><a href="/servers">"View all servers →"</a></p>
                        </section>
                    }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }})}
            </Suspense>
            <ServerTime />
        </div>
    }
}
