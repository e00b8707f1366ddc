//! `/logs`: who did what from where, as ECS records it; newest first, a page at a time, filtered
//! by resource (by the API) and by severity and status (here). Filters and page live in the URL
//! (`/logs?resource=ec200401&severity=error&page=2`); an entry's id opens `/logs/{id}`.

mod detail;
mod filter;
mod table;

pub use detail::LogEntryPage;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::logs::list_logs;
use crate::components::error_view::ErrorNotice;
use crate::components::live::{reload_on_activity, use_live};
use crate::components::table::{use_table_query, Pager};
use crate::model::logs::LogList;
use crate::model::table::TableQuery;

const BASE: &str = "/logs";
/// The URL keys besides `page`.
const KEYS: &[&str] = &["resource", "severity", "status"];
/// The fields a filter refusal can be about.
const FIELDS: &[&str] = &["resource", "severity", "status"];

/// A lazy route: `data` starts the page's fetch while its code loads.
pub struct LogsPage {
    query: Memo<TableQuery>,
    data: PageData<LogList>,
}

#[lazy_route]
impl LazyRoute for LogsPage {
    fn data() -> Self {
        let query = use_table_query(KEYS);
        let data = page_data(
            move || {
                query.with(|q| {
                    (
                        q.filter("resource").to_string(),
                        q.filter("severity").to_string(),
                        q.filter("status").to_string(),
                        q.page,
                    )
                })
            },
            |(resource, severity, status, page)| list_logs(resource, severity, status, page),
        );
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        logs_page(this).into_any()
    }
}

fn logs_page(LogsPage { query, data }: LogsPage) -> impl IntoView {
    // An action started or ended is logged: the first page stays current.
    reload_on_activity(use_live(), move || data.refetch());
    view! {
        <Title text=crate::tr!(logs.title) />
        <div class="page-head">
            <h1>{crate::tr!(logs.title)}</h1>
            <p class="lead">{crate::tr!(logs.lead)}</p>
        </div>
        <filter::LogFilters query data />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(logs.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! { <Loaded list query=query.get_untracked() /> }.into_any(),
                    // The message is at its field; here only the way back.
                    Err(e) if FIELDS.iter().any(|f| e.field_message(f).is_some()) => view! {
                        <section class="card empty" data-testid="logs-bad-filter">
                            <h2>{crate::tr!(logs.bad_filter_title)}</h2>
                            <p class="muted">{crate::tr!(logs.bad_filter_text)}</p>
                            <a class="btn" href=BASE>{crate::tr!(logs.show_all_entries)}</a>
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
fn Loaded(list: LogList, query: TableQuery) -> impl IntoView {
    let filtered = !list.filter.resource.is_empty() || list.filter.is_local();
    if list.rows.is_empty() {
        return if filtered {
            view! {
                <section class="card empty" data-testid="logs-no-match">
                    <h2>{crate::tr!(logs.no_match_title)}</h2>
                    <p class="muted">{crate::tr!(logs.no_match_text)}</p>
                    <a class="btn" href=BASE>{crate::tr!(logs.show_all_entries)}</a>
                </section>
            }
            .into_any()
        } else {
            view! {
                <section class="card empty" data-testid="logs-empty">
                    <h2>{crate::tr!(logs.empty_title)}</h2>
                    <p class="muted">{crate::tr!(logs.empty_text)}</p>
                </section>
            }
            .into_any()
        };
    }
    let scanned = list
        .scanned
        .map(|(seen, all)| crate::tr!(logs.scanned, seen = seen, all = all).to_string());
    // The server may have moved an old bookmark to the last page.
    let query = query.at_page(list.page);
    view! {
        <p class="result-count muted" data-testid="result-count">{list.summary()}</p>
        {scanned.map(|s| view! { <p class="notice notice-info small" data-testid="logs-scanned">{s}</p> })}
        <table::LogTable rows=list.rows />
        <Pager base=BASE query pages=list.pages />
    }
    .into_any()
}
