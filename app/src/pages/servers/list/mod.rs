//! `/servers`: search, filters and sort live in the URL; the table refreshes itself from the live
//! feed without a reload; several servers can be selected for a bulk action.

mod bulk;
mod filters;
mod table;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;

use crate::i18n::td_string;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::servers::list::{list_servers, refresh_servers};
use crate::components::empty::EmptyCard;
use crate::components::error_view::ErrorNotice;
use crate::components::live::{reload_on_activity, use_live};
use crate::components::table::{use_table_query, Pager};
use crate::model::server_list::{Facets, ListPage, DEFAULT_SORT, FILTER_KEYS, SORT_KEYS};
use crate::model::table::{count_text, Noun, TableQuery};
use bulk::BulkBar;
use filters::Filters;
use table::ServerTable;

const BASE: &str = "/servers";

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`servers_page`]) comes in its own wasm chunk.
pub struct ServersPage {
    query: Memo<TableQuery>,
    data: PageData<ListPage>,
}

#[lazy_route]
impl LazyRoute for ServersPage {
    fn data() -> Self {
        let url = use_table_query(&FILTER_KEYS);
        // An unknown sort, or one naming the default order, reads (and links) as none.
        let query = Memo::new(move |_| url.get().known_sort(&SORT_KEYS, DEFAULT_SORT));
        let data = page_data(move || query.get(), list_servers);
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        servers_page(this).into_any()
    }
}

fn servers_page(ServersPage { query, data }: ServersPage) -> impl IntoView {
    let l = crate::locale::untracked();
    let live = use_live();
    reload_on_activity(live, move || data.refetch());
    // Names selected for a bulk action; kept across refreshes and pages.
    let selected = RwSignal::new(Vec::<String>::new());
    // The panel answers from a copy of the list a few seconds old at most; this asks the API now.
    let refresh = Action::new(move |_: &()| async move {
        // A failure here shows up as the list's own error on the refetch.
        let _ = refresh_servers().await;
        data.refetch();
    });
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
        <Title text=td_string!(l, servers.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{td_string!(l, servers.title)}</h1>
                <p class="lead">{td_string!(l, servers.lead)}</p>
            </div>
            <div class="head-actions">
                <button class="btn" type="button" data-testid="servers-refresh" title=td_string!(l, servers.refresh_title)
                    disabled=move || refresh.pending().get() on:click=move |_| { refresh.dispatch(()); }>
                    {move || if refresh.pending().get() { td_string!(l, servers.refreshing) } else { td_string!(l, servers.refresh) }}
                </button>
                {crate::components::layout::may(crate::model::team::Role::Operator).then(|| view! { <a class="btn btn-primary" href="/servers/new">{td_string!(l, servers.create)}</a> })}
            </div>
        </div>
        <Filters facets query />
        {crate::components::layout::may(crate::model::team::Role::Operator).then(|| view! { <BulkBar selected /> })}
        <Transition fallback=move || view! { <section class="card"><p class="muted">{td_string!(l, servers.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Loaded page query selected /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Loaded(
    page: ListPage,
    query: Memo<TableQuery>,
    selected: RwSignal<Vec<String>>,
) -> impl IntoView {
    let l = crate::locale::untracked();
    if page.total == 0 {
        return view! {
            <EmptyCard testid="servers-empty" title=td_string!(l, servers.empty_title) text=td_string!(l, servers.empty_text) href="/servers/new" action=td_string!(l, servers.create) primary=true />
        }
        .into_any();
    }
    let shown = page.rows.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    let q = query.get_untracked();
    let count = count_text(page.matched, page.total, q.is_filtered(), Noun::Server, l);
    view! {
        <p class="result-count muted" data-testid="result-count">{count}</p>
        {if page.matched == 0 {
            view! {
                <EmptyCard testid="servers-no-match" title=td_string!(l, servers.no_match_title) text=td_string!(l, servers.no_match_text) href=BASE action=td_string!(l, servers.clear_filters) />
            }
            .into_any()
        } else {
            view! {
                <ServerTable rows=page.rows.clone() query selected shown />
                <Pager base=BASE query=q pages=page.pages />
            }
            .into_any()
        }}
    }
    .into_any()
}
