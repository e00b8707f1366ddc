//! `/scripts`: the cloud-script library (search and sort in the URL, "3 of 20 scripts"), and
//! `/scripts/new`, `/scripts/{id}`: one script in the editor.

mod edit;
mod editor;
mod table;

use crate::model::table::TableQuery;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

pub use edit::{ScriptEditPage, ScriptNewPage};

use crate::api::scripts::{list_scripts, DeleteScript};
use crate::components::error_view::{report, ErrorNotice};
use crate::components::table::{use_table_query, SearchForm};
use crate::model::script::{limit_reason, limit_text, ScriptList, ScriptRow, MAX_SCRIPTS};

pub(super) const BASE: &str = "/scripts";

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`scripts_page`]) comes in its own wasm chunk.
pub struct ScriptsPage {
    query: Memo<TableQuery>,
    data: PageData<ScriptList>,
}

#[lazy_route]
impl LazyRoute for ScriptsPage {
    fn data() -> Self {
        let query = use_table_query(&[]);
        let data = page_data(|| (), |_| list_scripts());
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        scripts_page(this).into_any()
    }
}

fn scripts_page(ScriptsPage { query, data }: ScriptsPage) -> impl IntoView {
    let delete = ServerAction::<DeleteScript>::new();
    let deleting = RwSignal::new(None::<ScriptRow>);
    let delete_open = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(r) = delete.value().get() else {
            return;
        };
        let title = deleting
            .get_untracked()
            .map(|s| s.title)
            .unwrap_or_default();
        report(&r, |_| {
            crate::tr!(scripts.deleted, title = title.clone()).to_string()
        });
        delete_open.set(false);
        data.refetch();
    });
    view! {
        <Title text=crate::tr!(scripts.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(scripts.title)}</h1>
                <p class="lead">{crate::tr!(scripts.lead)}</p>
            </div>
            <Transition fallback=|| view! { <a class="btn btn-primary" href="/scripts/new">{crate::tr!(scripts.new_script)}</a> }>
                {move || Suspend::new(async move {
                    data.await.ok().map(|list| view! { <Limit list /> })
                })}
            </Transition>
        </div>
        <div class="search-only">
            <SearchForm base=BASE query placeholder=crate::tr!(scripts.search) />
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(scripts.loading)}</p></section> }>
            {move || {
                // Filtered and sorted here, from the URL: a new search needs no fetch.
                let q = query.get();
                Suspend::new(async move {
                    match data.await {
                        Ok(list) => view! {
                            <table::ScriptTable rows=list.rows query=q query_memo=query deleting delete_open />
                        }.into_any(),
                        Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                    }
                })
            }}
        </Transition>
        <table::DeleteScriptDialog target=deleting open=delete_open action=delete />
    }
}

/// "3 of 20 scripts" and the create button, disabled with the reason at the limit.
#[component]
fn Limit(list: ScriptList) -> impl IntoView {
    let reason = limit_reason(list.own);
    let pct = (list.own.min(MAX_SCRIPTS) * 100 / MAX_SCRIPTS).to_string();
    view! {
        <div class="script-limit" data-testid="script-limit">
            <div class="limit-text">
                <span data-testid="script-count">{limit_text(list.own)}</span>
                <span class="limit-meter" aria-hidden="true"><span style=format!("width: {pct}%")></span></span>
            </div>
            {match reason {
                None => view! { <a class="btn btn-primary" href="/scripts/new" data-testid="new-script">{crate::tr!(scripts.new_script)}</a> }.into_any(),
                Some(why) => view! {
                    <button class="btn btn-primary" type="button" disabled=true data-testid="new-script" aria-describedby="limit-why">{crate::tr!(scripts.new_script)}</button>
                    <p class="limit-why small" id="limit-why" data-testid="limit-reason">{why}</p>
                }.into_any(),
            }}
        </div>
    }
}
