//! `/scripts/new` and `/scripts/{id}`: one script in the editor. A new one is refused (with the
//! reason) once the account has 20; another user's public script opens read-only.

use crate::model::script::ScriptList;
use crate::page_data::{page_data, page_data_blocking, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::{lazy_route, LazyRoute};

use super::editor::{forget, keep_in_tab, ScriptForm};
use super::table::DeleteScriptDialog;
use crate::api::scripts::{get_script, list_scripts, CreateScript, DeleteScript, UpdateScript};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_view::{report, report_failure, MissingOr};
use crate::components::toast::use_toasts;
use crate::error::AppError;
use crate::model::script::{limit_reason, limit_text, ScriptDetail, ScriptDraft, ScriptRow};

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`script_new_page`]) comes in its own wasm chunk.
pub struct ScriptNewPage {
    list: PageData<ScriptList>,
}

#[lazy_route]
impl LazyRoute for ScriptNewPage {
    fn data() -> Self {
        // Only for the limit: the form itself does not wait for it.
        let list = page_data(|| (), |_| list_scripts());
        Self { list }
    }

    fn view(this: Self) -> AnyView {
        script_new_page(this).into_any()
    }
}

fn script_new_page(ScriptNewPage { list }: ScriptNewPage) -> impl IntoView {
    let own = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        if let Some(Ok(l)) = list.get() {
            own.set(Some(l.own));
        }
    });
    let edits = RwSignal::new(None::<ScriptDraft>);
    keep_in_tab(edits, Signal::derive(|| "new".to_string()));
    let tried = RwSignal::new(false);
    let server_error = RwSignal::new(None::<AppError>);
    let create = ServerAction::<CreateScript>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(r) = create.value().get() else {
            return;
        };
        report(&r, |s| {
            crate::tr!(scripts.saved, title = s.title.clone()).to_string()
        });
        match r {
            Ok(_) => {
                forget("new");
                edits.set(None);
                navigate("/scripts", Default::default());
            }
            Err(e) => server_error.set(Some(e)),
        }
    });
    let blocked = Signal::derive(move || own.get().and_then(limit_reason));
    view! {
        <Title text=crate::tr!(scripts.new_title) />
        <Breadcrumbs trail=Signal::derive(|| vec![
            (crate::tr!(scripts.title).to_string(), Some("/scripts".to_string())),
            (crate::tr!(scripts.new_script).to_string(), None),
        ]) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(scripts.new_title)}</h1>
                <p class="lead">{crate::tr!(scripts.new_lead)}</p>
            </div>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    list.await.ok().map(|l| view! { <p class="muted" data-testid="script-count">{limit_text(l.own)}</p> })
                })}
            </Transition>
        </div>
        <ScriptForm
            saved=ScriptDraft::default()
            edits
            tried
            server_error
            pending=create.pending().into()
            blocked
            save_label=crate::tr!(scripts.create)
            on_save=Callback::new(move |draft| {
                create.dispatch(CreateScript { draft });
            })
        >
            <a class="btn" href="/scripts" on:click=move |_| { forget("new"); edits.set(None); }>{crate::tr!(scripts.cancel)}</a>
        </ScriptForm>
    }
}

/// A lazy route: `data` starts the page's fetch while its code loads; the page itself
/// ([`script_edit_page`]) comes in its own wasm chunk.
pub struct ScriptEditPage {
    id: Memo<String>,
    data: PageData<ScriptDetail>,
}

#[lazy_route]
impl LazyRoute for ScriptEditPage {
    fn data() -> Self {
        let params = use_params_map();
        let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
        // Blocking: the response waits for it, so an unknown script can still answer 404.
        let data = page_data_blocking(move || id.get(), get_script);
        Self { id, data }
    }

    fn view(this: Self) -> AnyView {
        script_edit_page(this).into_any()
    }
}

fn script_edit_page(ScriptEditPage { id, data }: ScriptEditPage) -> impl IntoView {
    let edits = RwSignal::new(None::<ScriptDraft>);
    keep_in_tab(edits, id.into());
    let tried = RwSignal::new(false);
    let server_error = RwSignal::new(None::<AppError>);
    let update = ServerAction::<UpdateScript>::new();
    let delete = ServerAction::<DeleteScript>::new();
    let deleting = RwSignal::new(None::<ScriptRow>);
    let delete_open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(d)) = data.get() {
            title.set(d.row.title);
        }
    });
    Effect::new(move |_| {
        let Some(r) = update.value().get() else {
            return;
        };
        report(&r, |d| {
            crate::tr!(scripts.saved, title = d.row.title.clone()).to_string()
        });
        match r {
            Ok(_) => {
                tried.set(false);
                edits.set(None);
                data.refetch();
            }
            Err(e) => server_error.set(Some(e)),
        }
    });
    let toasts = use_toasts();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(r) = delete.value().get() else {
            return;
        };
        delete_open.set(false);
        match r {
            Ok(()) => {
                forget(&id.get_untracked());
                edits.set(None);
                toasts.ok(crate::tr!(scripts.deleted, title = title.get_untracked()).to_string());
                navigate("/scripts", Default::default());
            }
            Err(e) => report_failure(&e),
        }
    });
    view! {
        <Title text=move || if title.get().is_empty() { crate::tr!(scripts.cloud_script).to_string() } else { title.get() } />
        <Breadcrumbs trail=Signal::derive(move || vec![
            (crate::tr!(scripts.title).to_string(), Some("/scripts".to_string())),
            (if title.get().is_empty() { crate::tr!(scripts.script_n, id = id.get()).to_string() } else { title.get() }, None),
        ]) />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(scripts.loading_one)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(detail) => view! {
                        <Loaded detail edits tried server_error update deleting delete_open />
                    }.into_any(),
                    Err(e) => view! { <MissingOr error=e testid="script-missing" title=crate::tr!(scripts.not_found) back_href="/scripts" back_label=crate::tr!(scripts.back) /> }.into_any(),
                }
            })}
        </Transition>
        <DeleteScriptDialog target=deleting open=delete_open action=delete />
    }
}

#[component]
fn Loaded(
    detail: ScriptDetail,
    edits: RwSignal<Option<ScriptDraft>>,
    tried: RwSignal<bool>,
    server_error: RwSignal<Option<AppError>>,
    update: ServerAction<UpdateScript>,
    deleting: RwSignal<Option<ScriptRow>>,
    delete_open: RwSignal<bool>,
) -> impl IntoView {
    let row = detail.row.clone();
    let id = row.id;
    let readonly = !row.own;
    let use_href = format!("/servers/new?script={id}");
    let on_delete = {
        let row = row.clone();
        move |_| {
            deleting.set(Some(row.clone()));
            delete_open.set(true);
        }
    };
    view! {
        <div class="page-head page-head-row">
            <div>
                <h1 data-testid="script-title">{row.title.clone()}</h1>
                <p class="script-sub muted">
                    <span class="mono">{crate::tr!(scripts.id_n, id = id).to_string()}</span>
                    <span class="tag">{row.system()}</span>
                    <span>{row.size_text()}</span>
                    {row.public.then(|| view! { <span class="tag tag-public">{crate::tr!(scripts.public)}</span> })}
                </p>
            </div>
        </div>
        {readonly.then(|| view! {
            <p class="notice notice-info" data-testid="read-only">
                {crate::tr!(
                    scripts.read_only,
                    owner = row.owner.clone().unwrap_or_else(|| crate::tr!(scripts.another_user).into())
                ).to_string()}
            </p>
        })}
        <ScriptForm
            saved=ScriptDraft::of(&detail)
            edits
            readonly
            tried
            server_error
            pending=update.pending().into()
            save_label=crate::tr!(scripts.save)
            script_id=id
            on_save=Callback::new(move |draft| {
                update.dispatch(UpdateScript { id, draft });
            })
        >
            <a class="btn" href=use_href data-testid="use-script" title=crate::tr!(scripts.uses_saved)>{crate::tr!(scripts.use_in_new)}</a>
            {(!readonly).then(|| view! {
                <button class="btn btn-ghost danger-text" type="button" on:click=on_delete.clone()>{crate::tr!(scripts.delete)}</button>
            })}
        </ScriptForm>
    }
}
