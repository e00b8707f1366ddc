//! `/servers`: search, filters and sort live in the URL; the table refreshes itself from the live
//! feed without a reload; several servers can be selected for a bulk action.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::bulk::BulkBar;
use super::filters::Filters;
use super::table::ServerTable;
use crate::api::servers::list::list_servers;
use crate::components::error_view::ErrorNotice;
use crate::components::live::use_live;
use crate::model::server_list::{Facets, ListPage, ListQuery};

/// The URL keys the list reads.
const KEYS: [&str; 8] = [
    "q", "region", "status", "group", "family", "sort", "dir", "page",
];

#[component]
pub fn ServersPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| {
        params.with(|m| {
            let pairs: Vec<(&str, String)> = KEYS
                .iter()
                .filter_map(|k| m.get(k).map(|v| (*k, v)))
                .collect();
            ListQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        })
    });
    let data = Resource::new(move || query.get(), list_servers);
    let live = use_live();
    super::reload_on_activity(live, move || data.refetch());
    // Names selected for a bulk action; kept across refreshes and pages.
    let selected = RwSignal::new(Vec::<String>::new());
    // The filters sit outside the refreshing part, so typing is never interrupted; their choices
    // follow the data once it is in the browser.
    let facets = RwSignal::new(Facets::default());
    Effect::new(move |_| {
        if let Some(Ok(page)) = data.get() {
            if facets.get_untracked() != page.facets {
                facets.set(page.facets);
            }
        }
    });

    view! {
        <Title text="Servers" />
        <div class="page-head page-head-row">
            <div>
                <h1>"Servers"</h1>
                <p class="lead">"Your cloud servers, live."</p>
            </div>
            <a class="btn btn-primary" href="/servers/new">"Create server"</a>
        </div>
        <Filters facets query />
        <BulkBar selected />
        <Transition fallback=|| view! { <section class="card"><p class="muted">"Loading your servers…"</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Loaded page query=query.get_untracked() selected /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Loaded(page: ListPage, query: ListQuery, selected: RwSignal<Vec<String>>) -> impl IntoView {
    if page.total == 0 {
        return view! {
            <section class="card empty" data-testid="servers-empty">
                <h2>"No servers yet"</h2>
                <p class="muted">"Create your first cloud server: pick a plan, a region and an image, and it boots in a minute."</p>
                <a class="btn btn-primary" href="/servers/new">"Create server"</a>
            </section>
        }
        .into_any();
    }
    let shown = page.rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    view! {
        <p class="result-count muted" data-testid="result-count">
            {summary(&page, &query)}
        </p>
        {if page.matched == 0 {
            view! {
                <section class="card empty" data-testid="servers-no-match">
                    <h2>"No servers match"</h2>
                    <p class="muted">"Try another search or clear the filters."</p>
                    <a class="btn" href="/servers">"Clear filters"</a>
                </section>
            }
            .into_any()
        } else {
            view! {
                <ServerTable rows=page.rows.clone() query=query.clone() selected shown />
                <Pager page=page.page pages=page.pages query />
            }
            .into_any()
        }}
    }
    .into_any()
}

fn summary(page: &ListPage, query: &ListQuery) -> String {
    let plural = |n: usize| if n == 1 { "server" } else { "servers" };
    if query.is_filtered() {
        format!(
            "{} of {} {} match",
            page.matched,
            page.total,
            plural(page.total)
        )
    } else {
        format!("{} {}", page.total, plural(page.total))
    }
}

#[component]
fn Pager(page: usize, pages: usize, query: ListQuery) -> impl IntoView {
    (pages > 1).then(|| {
        let link = move |p: usize| format!("/servers{}", query.at_page(p).to_query());
        view! {
            <nav class="pager" aria-label="Pages">
                {(page > 1).then(|| view! { <a class="btn btn-sm" href=link(page - 1) rel="prev">"← Previous"</a> })}
                <span class="muted">{format!("Page {page} of {pages}")}</span>
                {(page < pages).then(|| view! { <a class="btn btn-sm" href=link(page + 1) rel="next">"Next →"</a> })}
            </nav>
        }
    })
}
