//! `/actions`: every action of the account, newest first, a page at a time (the API pages them),
//! optionally for one resource. Filter and page live in the URL (`/actions?resource=ec200401&page=2`);
//! the page reloads itself when the live feed says an action started or ended.

mod filter;
mod table;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::actions::list_actions;
use crate::components::error_view::ErrorNotice;
use crate::components::live::{reload_on_activity, use_live};
use crate::components::table::{use_table_query, Pager};
use crate::model::actions::{ActionList, Known};
use crate::model::table::TableQuery;

const BASE: &str = "/actions";
/// The URL keys besides `page`.
const KEYS: &[&str] = &["resource"];

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`actions_page`]) comes in its own wasm chunk.
pub struct ActionsPage {
    query: Memo<TableQuery>,
    data: PageData<ActionList>,
}

#[lazy_route]
impl LazyRoute for ActionsPage {
    fn data() -> Self {
        let query = use_table_query(KEYS);
        let data = page_data(
            move || query.with(|q| (q.filter("resource").to_string(), q.page)),
            |(resource, page)| list_actions(resource, page),
        );
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        actions_page(this).into_any()
    }
}

fn actions_page(ActionsPage { query, data }: ActionsPage) -> impl IntoView {
    reload_on_activity(use_live(), move || data.refetch());
    // What the filter offers (servers and templates), kept outside the refreshing part.
    let known = RwSignal::new(Vec::<Known>::new());
    Effect::new(move |_| {
        if let Some(Ok(page)) = data.get() {
            let all: Vec<Known> = page.servers.into_iter().chain(page.templates).collect();
            if known.with_untracked(|k| *k != all) {
                known.set(all);
            }
        }
    });

    view! {
        <Title text=crate::tr!(actions.title) />
        <div class="page-head">
            <h1>{crate::tr!(actions.title)}</h1>
            <p class="lead">{crate::tr!(actions.lead)}</p>
        </div>
        <filter::ResourceFilter query data known />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(actions.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Loaded page query=query.get_untracked() /> }.into_any(),
                    // The message is at the field; here only the way back.
                    Err(e) if e.field_message("resource").is_some() => view! {
                        <section class="card empty" data-testid="actions-bad-filter">
                            <h2>{crate::tr!(actions.bad_filter_title)}</h2>
                            <p class="muted">{crate::tr!(actions.bad_filter_text)}</p>
                            <a class="btn" href=BASE>{crate::tr!(actions.show_all_actions)}</a>
                        </section>
                    }
                    .into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Loaded(page: ActionList, query: TableQuery) -> impl IntoView {
    if page.lines.is_empty() {
        return if page.resource.is_empty() {
            view! {
                <section class="card empty" data-testid="actions-empty">
                    <h2>{crate::tr!(actions.empty_title)}</h2>
                    <p class="muted">{crate::tr!(actions.empty_text)}</p>
                    <a class="btn btn-primary" href="/servers/new">{crate::tr!(actions.create_server)}</a>
                </section>
            }
            .into_any()
        } else {
            view! {
                <section class="card empty" data-testid="actions-empty">
                    <h2>{crate::tr!(actions.none_on_title, resource = page.resource.clone()).to_string()}</h2>
                    <p class="muted">{crate::tr!(actions.none_on_text)}</p>
                    <a class="btn" href=BASE>{crate::tr!(actions.show_all_actions)}</a>
                </section>
            }
            .into_any()
        };
    }
    // The server may have moved an old bookmark to the last page.
    let query = query.at_page(page.page);
    view! {
        <p class="result-count muted" data-testid="result-count">{page.summary()}</p>
        <table::ActionTable lines=page.lines />
        <Pager base=BASE query pages=page.pages />
    }
    .into_any()
}
