//! `/templates`: server images you made from your own servers. Search and sort live in the URL;
//! making and deleting a template are actions the page follows live; the dialogs and what is
//! typed in them live here, above the part that refreshes.

mod dialogs;
mod new;
mod table;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::templates::{list_templates, CreateTemplate, DeleteTemplate, UpdateTemplate};
use crate::components::empty::EmptyCard;
use crate::components::error_view::ErrorNotice;
use crate::components::live::{reload_on_activity, use_live};
use crate::components::table::{use_table_query, Pager, SearchForm};
use crate::model::table::{count_text, Noun, TableQuery};
use crate::model::template::{select, ServerChoice, TemplateRow, TemplatesView};

pub const BASE: &str = "/templates";

/// What the create dialog holds while it is open (kept when the answer is an error).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewForm {
    pub server: String,
    pub description: String,
    pub notes: String,
}

/// State shared by the page, its table and its dialogs.
#[derive(Clone, Copy)]
pub struct TemplatesCtx {
    pub create: ServerAction<CreateTemplate>,
    pub update: ServerAction<UpdateTemplate>,
    pub delete: ServerAction<DeleteTemplate>,
    pub create_open: RwSignal<bool>,
    pub new_form: RwSignal<NewForm>,
    /// The template being edited or deleted, and what the edit form holds.
    pub target: RwSignal<Option<TemplateRow>>,
    pub edit_open: RwSignal<bool>,
    pub edit_description: RwSignal<String>,
    pub edit_notes: RwSignal<String>,
    pub delete_open: RwSignal<bool>,
    /// The servers from the last load, for the create dialog.
    pub servers: RwSignal<Result<Vec<ServerChoice>, String>>,
    pub reload: Callback<()>,
}

impl TemplatesCtx {
    pub fn edit(&self, row: TemplateRow) {
        self.edit_description.set(row.description.clone());
        self.edit_notes.set(row.notes.clone());
        self.target.set(Some(row));
        self.edit_open.set(true);
    }

    pub fn confirm_delete(&self, row: TemplateRow) {
        self.target.set(Some(row));
        self.delete_open.set(true);
    }
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`templates_page`]) comes in its own wasm chunk.
pub struct TemplatesPage {
    query: Memo<TableQuery>,
    data: PageData<TemplatesView>,
}

#[lazy_route]
impl LazyRoute for TemplatesPage {
    fn data() -> Self {
        let query = use_table_query(&[]);
        let data = page_data(|| (), |_| list_templates());
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        templates_page(this).into_any()
    }
}

fn templates_page(TemplatesPage { query, data }: TemplatesPage) -> impl IntoView {
    let live = use_live();
    reload_on_activity(live, move || data.refetch());
    let ctx = TemplatesCtx {
        create: ServerAction::new(),
        update: ServerAction::new(),
        delete: ServerAction::new(),
        create_open: RwSignal::new(false),
        new_form: RwSignal::new(NewForm::default()),
        target: RwSignal::new(None),
        edit_open: RwSignal::new(false),
        edit_description: RwSignal::new(String::new()),
        edit_notes: RwSignal::new(String::new()),
        delete_open: RwSignal::new(false),
        servers: RwSignal::new(Ok(Vec::new())),
        reload: Callback::new(move |_| data.refetch()),
    };
    provide_context(ctx);
    Effect::new(move |_| {
        if let Some(Ok(view)) = data.get() {
            ctx.servers.set(view.servers);
        }
    });
    dialogs::follow_outcomes(ctx);

    view! {
        <Title text=crate::tr!(templates.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(templates.title)}</h1>
                <p class="lead">{crate::tr!(templates.lead)}</p>
            </div>
            <button class="btn btn-primary" type="button" data-testid="new-template" on:click=move |_| ctx.create_open.set(true)>
                {crate::tr!(templates.make)}
            </button>
        </div>
        <div class="templates-search">
            <SearchForm base=BASE query placeholder=crate::tr!(templates.search) />
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(templates.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Loaded view query /> }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
        <new::NewTemplateDialog />
        <dialogs::EditDialog />
        <dialogs::DeleteDialog />
    }
}

#[component]
fn Loaded(view: TemplatesView, query: Memo<TableQuery>) -> impl IntoView {
    let ctx = expect_context::<TemplatesCtx>();
    // Marks the table live once it is hydrated (Effects run only in the browser).
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    if view.rows.is_empty() {
        return view! {
            <section class="card empty" data-testid="templates-empty" data-ready=move || ready.get().to_string()>
                <h2>{crate::tr!(templates.empty_title)}</h2>
                <p class="muted">{crate::tr!(templates.empty_text)}</p>
                <button class="btn btn-primary" type="button" on:click=move |_| ctx.create_open.set(true)>{crate::tr!(templates.make)}</button>
            </section>
        }
        .into_any();
    }
    let rows = StoredValue::new(view.rows);
    view! {
        <div data-testid="templates" data-ready=move || ready.get().to_string()>
            {move || {
                let q = query.get();
                let total = rows.with_value(Vec::len);
                let (page, matched, pages) = rows.with_value(|r| select(r, &q));
                let count = count_text(matched, total, q.is_filtered(), Noun::Template, crate::locale::untracked());
                view! {
                    <p class="result-count muted" data-testid="result-count">{count}</p>
                    {if matched == 0 {
                        view! {
                            <EmptyCard testid="templates-no-match" title=crate::tr!(templates.no_match_title) text=crate::tr!(templates.no_match_text) href=BASE action=crate::tr!(templates.clear_search) />
                        }
                        .into_any()
                    } else {
                        view! {
                            <table::TemplateTable rows=page query />
                            <Pager base=BASE query=q pages />
                        }
                        .into_any()
                    }}
                }
            }}
        </div>
    }
    .into_any()
}
