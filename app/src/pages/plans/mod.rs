//! `/plans`: the catalogue as a comparison table (sizes, prices, and per region whether a plan can
//! be created now), with filters and sort in the URL, and the regions with what they take now.
//! The catalogue is fetched once per visit; filtering and sorting happen in the page.

mod filters;
mod regions;
mod table;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::plans::load_catalogue;
use crate::components::empty::EmptyCard;
use crate::components::error_view::ErrorNotice;
use crate::components::table::use_table_query;
use crate::model::plans::{select, Catalogue, FILTER_KEYS};
use crate::model::table::{count_text, Noun, TableQuery};

const BASE: &str = "/plans";

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`plans_page`]) comes in its own wasm chunk.
pub struct PlansPage {
    query: Memo<TableQuery>,
    data: PageData<Catalogue>,
}

#[lazy_route]
impl LazyRoute for PlansPage {
    fn data() -> Self {
        let query = use_table_query(FILTER_KEYS);
        let data = page_data(|| (), |_| load_catalogue());
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        plans_page(this).into_any()
    }
}

fn plans_page(PlansPage { query, data }: PlansPage) -> impl IntoView {
    view! {
        <Title text=crate::tr!(plans.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(plans.title)}</h1>
                <p class="lead">{crate::tr!(plans.lead)}</p>
            </div>
            <a class="btn btn-primary" href="/servers/new">{crate::tr!(plans.create_server)}</a>
        </div>
        <Suspense fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(plans.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(cat) => view! { <Loaded cat query /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Loaded(cat: Catalogue, query: Memo<TableQuery>) -> impl IntoView {
    let total = cat.plans.len();
    let cat = StoredValue::new(cat);
    // Filters and sort links render inside the Suspense, so they hydrate after the page; tests
    // (and nothing else) wait for this mark before using them.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let rows = Memo::new(move |_| query.with(|q| cat.with_value(|c| select(c, q))));
    view! {
        <div class="plans-page" data-ready=move || ready.get().to_string()>
            {cat.with_value(|c| c.availability_error.clone()).map(|e| view! {
                <p class="notice notice-warn" role="status" data-testid="availability-unknown">
                    {crate::tr!(plans.unknown_now)} {e}
                    {crate::tr!(plans.unknown_now_end)}
                </p>
            })}
            <regions::Regions cat query />
            <filters::PlanFilters cat query />
            {move || {
                let rows = rows.get();
                let filtered = query.with(TableQuery::is_filtered);
                let count = count_text(rows.len(), total, filtered, Noun::Plan, crate::locale::untracked());
                if rows.is_empty() {
                    view! {
                        <EmptyCard testid="plans-no-match" title=crate::tr!(plans.no_match_title) text=crate::tr!(plans.no_match_text) href=BASE action=crate::tr!(plans.clear_filters) />
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="result-count muted" data-testid="result-count">{count}</p>
                        <table::PlanTable rows cat query />
                    }
                    .into_any()
                }
            }}
        </div>
    }
}
