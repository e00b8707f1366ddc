//! `/ssh-keys`: the public keys new servers can be given. The list (search and sort in the URL)
//! shows what each key is, computed from its text; the add form checks a pasted key as it is
//! typed and shows its fingerprint; rename and delete go through a dialog. What is typed and
//! which dialog is open live here, above the part that refreshes.

mod add;
mod table;

use crate::model::table::TableQuery;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::ssh_keys::{list_ssh_keys, AddSshKey, DeleteSshKey, RenameSshKey};
use crate::components::error_view::{report, ErrorNotice};
use crate::components::table::{use_table_query, SearchForm};
use crate::error::AppError;
use crate::model::ssh_key_list::SshKeyRow;

pub(super) const BASE: &str = "/ssh-keys";

#[derive(Clone, Copy)]
pub struct KeysCtx {
    /// The keys last loaded (browser only): labels are checked against them.
    pub keys: RwSignal<Vec<SshKeyRow>>,
    pub add: ServerAction<AddSshKey>,
    pub rename: ServerAction<RenameSshKey>,
    pub delete: ServerAction<DeleteSshKey>,
    /// The add form: what is typed, whether a send was tried, and the server's last refusal
    /// (cleared as soon as the person edits).
    pub label: RwSignal<String>,
    pub key_text: RwSignal<String>,
    pub tried: RwSignal<bool>,
    pub add_error: RwSignal<Option<AppError>>,
    /// The key a dialog is about, and the dialogs.
    pub target: RwSignal<Option<SshKeyRow>>,
    pub rename_open: RwSignal<bool>,
    pub rename_text: RwSignal<String>,
    pub rename_error: RwSignal<Option<AppError>>,
    pub delete_open: RwSignal<bool>,
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`ssh_keys_page`]) comes in its own wasm chunk.
pub struct SshKeysPage {
    query: Memo<TableQuery>,
    data: PageData<Vec<SshKeyRow>>,
}

#[lazy_route]
impl LazyRoute for SshKeysPage {
    fn data() -> Self {
        let query = use_table_query(&[]);
        let data = page_data(|| (), |_| list_ssh_keys());
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        ssh_keys_page(this).into_any()
    }
}

fn ssh_keys_page(SshKeysPage { query, data }: SshKeysPage) -> impl IntoView {
    let ctx = KeysCtx {
        keys: RwSignal::new(Vec::new()),
        add: ServerAction::new(),
        rename: ServerAction::new(),
        delete: ServerAction::new(),
        label: RwSignal::new(String::new()),
        key_text: RwSignal::new(String::new()),
        tried: RwSignal::new(false),
        add_error: RwSignal::new(None),
        target: RwSignal::new(None),
        rename_open: RwSignal::new(false),
        rename_text: RwSignal::new(String::new()),
        rename_error: RwSignal::new(None),
        delete_open: RwSignal::new(false),
    };
    provide_context(ctx);
    Effect::new(move |_| {
        if let Some(Ok(rows)) = data.get() {
            ctx.keys.set(rows);
        }
    });
    follow_outcomes(ctx, Callback::new(move |_| data.refetch()));

    view! {
        <Title text=crate::tr!(ssh_keys.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(ssh_keys.title)}</h1>
                <p class="lead">{crate::tr!(ssh_keys.lead)}</p>
            </div>
            <a class="btn btn-primary" href="#add-key">{crate::tr!(ssh_keys.add_a_key)}</a>
        </div>
        <div class="search-only">
            <SearchForm base=BASE query placeholder=crate::tr!(ssh_keys.search) />
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(ssh_keys.loading)}</p></section> }>
            {move || {
                // The list is filtered and sorted here, from the URL: a new search needs no fetch.
                let q = query.get();
                Suspend::new(async move {
                    match data.await {
                        Ok(rows) => view! { <table::KeyList rows query=q query_memo=query /> }.into_any(),
                        Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                    }
                })
            }}
        </Transition>
        <add::AddKeyForm />
        <table::KeyDialogs />
    }
}

/// Toasts, form resets and reloads when an add, rename or delete answers.
fn follow_outcomes(ctx: KeysCtx, reload: Callback<()>) {
    Effect::new(move |_| {
        let Some(r) = ctx.add.value().get() else {
            return;
        };
        report(&r, |k| {
            crate::tr!(
                ssh_keys.added,
                label = k.label.clone(),
                fingerprint = k.fingerprint.clone()
            )
            .to_string()
        });
        match r {
            Ok(_) => {
                ctx.label.set(String::new());
                ctx.key_text.set(String::new());
                ctx.tried.set(false);
                ctx.add_error.set(None);
                reload.run(());
            }
            Err(e) => ctx.add_error.set(Some(e)),
        }
    });
    Effect::new(move |_| {
        let Some(r) = ctx.rename.value().get() else {
            return;
        };
        let label = ctx.rename_text.get_untracked();
        report(&r, |_| {
            crate::tr!(ssh_keys.renamed, label = label.trim().to_string()).to_string()
        });
        match r {
            Ok(()) => {
                ctx.rename_open.set(false);
                ctx.rename_error.set(None);
                reload.run(());
            }
            Err(e) => ctx.rename_error.set(Some(e)),
        }
    });
    Effect::new(move |_| {
        let Some(r) = ctx.delete.value().get() else {
            return;
        };
        let label = ctx
            .target
            .get_untracked()
            .map(|k| k.label)
            .unwrap_or_default();
        report(&r, |_| {
            crate::tr!(ssh_keys.deleted, label = label.clone()).to_string()
        });
        ctx.delete_open.set(false);
        reload.run(());
    });
}
