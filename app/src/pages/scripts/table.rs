//! The scripts table (a card per script on phones) and the delete confirmation.

use leptos::prelude::*;

use super::BASE;
use crate::api::scripts::DeleteScript;
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::empty::EmptyCard;
use crate::components::table::{Pager, SortHeader};
use crate::model::api_call::ApiCall;
use crate::model::script::{shown, ScriptRow};
use crate::model::table::{count_text, Noun, TableQuery};

/// Scripts per page: the limit is 20, so one page unless others' public scripts add up.
const PAGE_SIZE: usize = 50;

#[component]
pub fn ScriptTable(
    rows: Vec<ScriptRow>,
    /// The URL's query now, and as a memo for the sort links.
    query: TableQuery,
    query_memo: Memo<TableQuery>,
    /// Set to the script to delete, and opens the confirmation.
    deleting: RwSignal<Option<ScriptRow>>,
    delete_open: RwSignal<bool>,
) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    if rows.is_empty() {
        return view! {
            <EmptyCard testid="scripts-empty" title="No scripts yet" text="A cloud script runs once when a new server first boots: install packages, add users, fetch your app. Save one here and choose it in the create form." href="/scripts/new" action="New script" primary=true />
        }
        .into_any();
    }
    let total = rows.len();
    let matched = shown(&rows, &query);
    if matched.is_empty() {
        return view! {
            <EmptyCard testid="scripts-no-match" title="No scripts match" text="Try another search: it looks in titles, ids and owners." href=BASE action="Clear the search" />
        }
        .into_any();
    }
    // Unfiltered, the header's "3 of 20 scripts" already says how many there are.
    let count = query.is_filtered().then(|| {
        count_text(
            matched.len(),
            total,
            true,
            Noun::Script,
            crate::locale::untracked(),
        )
    });
    let (page, pages) = query.paged(matched, PAGE_SIZE);
    view! {
        {count.map(|c| view! { <p class="result-count muted" data-testid="result-count">{c}</p> })}
        <div class="table-wrap card" data-ready=move || ready.get().to_string() data-testid="scripts">
            <table class="table scripts" data-testid="scripts-table">
                <thead>
                    <tr>
                        <SortHeader base=BASE query=query_memo key="title" label="Title" default=true />
                        <SortHeader base=BASE query=query_memo key="system" label="For" />
                        <SortHeader base=BASE query=query_memo key="size" label="Size" />
                        <SortHeader base=BASE query=query_memo key="id" label="Id" />
                        <th scope="col"><span class="sr-only">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {page.into_iter().map(|row| view! { <Row row deleting delete_open /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager base=BASE query pages />
    }
    .into_any()
}

#[component]
fn Row(
    row: ScriptRow,
    deleting: RwSignal<Option<ScriptRow>>,
    delete_open: RwSignal<bool>,
) -> impl IntoView {
    let href = format!("/scripts/{}", row.id);
    let use_href = format!("/servers/new?script={}", row.id);
    let on_delete = {
        let row = row.clone();
        move |_| {
            deleting.set(Some(row.clone()));
            delete_open.set(true);
        }
    };
    view! {
        <tr data-testid="script-row" data-id=row.id.to_string() data-title=row.title.clone()>
            <td class="col-name" data-label="Title">
                <a class="script-title" href=href.clone()>{row.title.clone()}</a>
                {(!row.own).then(|| view! {
                    <span class="tag tag-public" title="Another user's public script: you can use it, not change it">
                        {format!("Public · {}", row.owner.clone().unwrap_or_else(|| "shared".into()))}
                    </span>
                })}
                {(row.own && row.public).then(|| view! { <span class="tag tag-public">"Public"</span> })}
                {(!row.summary.is_empty()).then(|| view! { <span class="script-summary mono muted" title=row.summary.clone()>{row.summary.clone()}</span> })}
            </td>
            <td data-label="For">
                <span class=if row.windows { "tag tag-windows" } else { "tag" }>{row.system()}</span>
            </td>
            <td data-label="Size" class="num">{row.size_text()}</td>
            <td data-label="Id"><span class="mono">{row.id.to_string()}</span></td>
            <td class="col-actions">
                <span class="row-actions">
                    <a class="btn btn-sm" href=use_href data-testid="use-script">"Use in a new server"</a>
                    {if row.own {
                        view! {
                            <a class="btn btn-sm" href=href>"Edit"</a>
                            <button class="btn btn-sm btn-ghost danger-text" type="button" on:click=on_delete>"Delete"</button>
                        }.into_any()
                    } else {
                        view! { <a class="btn btn-sm" href=href>"View"</a> }.into_any()
                    }}
                </span>
            </td>
        </tr>
    }
}

/// "Delete the script “…”?", naming it; used by the list and the editor.
#[component]
pub fn DeleteScriptDialog(
    target: RwSignal<Option<ScriptRow>>,
    open: RwSignal<bool>,
    action: ServerAction<DeleteScript>,
) -> impl IntoView {
    let title = move || target.with(|t| t.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let pending = action.pending();
    view! {
        <Dialog open title="Delete cloud script" id="delete-script">
            <p>"Delete the script “"<strong>{title}</strong>"”?"</p>
            <p class="notice notice-warn">"Its content cannot be recovered. Servers already created with it are not affected."</p>
            <ShowApiCall call=Signal::derive(move || {
                ApiCall::delete_script(&target.with(|t| t.as_ref().map(|s| s.id.to_string())).unwrap_or_default())
            }) />
            <DialogActions
                open
                pending
                label=move || format!("Delete “{}”", title())
                busy="Deleting…"
                danger=true
                test_id="confirm-delete"
                on_confirm=Callback::new(move |()| {
                    if let Some(id) = target.with_untracked(|t| t.as_ref().map(|s| s.id)) {
                        action.dispatch(DeleteScript { id });
                    }
                })
            />
        </Dialog>
    }
}
