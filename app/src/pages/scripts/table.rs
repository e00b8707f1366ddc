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
            <EmptyCard testid="scripts-empty" title=crate::tr!(scripts.empty_title) text=crate::tr!(scripts.empty_text) href="/scripts/new" action=crate::tr!(scripts.new_script) primary=true />
        }
        .into_any();
    }
    let total = rows.len();
    let matched = shown(&rows, &query);
    if matched.is_empty() {
        return view! {
            <EmptyCard testid="scripts-no-match" title=crate::tr!(scripts.no_match_title) text=crate::tr!(scripts.no_match_text) href=BASE action=crate::tr!(scripts.clear_search) />
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
                        <SortHeader base=BASE query=query_memo key="title" label=crate::tr!(scripts.col_title) default=true />
                        <SortHeader base=BASE query=query_memo key="system" label=crate::tr!(scripts.col_for) />
                        <SortHeader base=BASE query=query_memo key="size" label=crate::tr!(scripts.col_size) />
                        <SortHeader base=BASE query=query_memo key="id" label=crate::tr!(scripts.col_id) />
                        <th scope="col"><span class="sr-only">{crate::tr!(scripts.actions)}</span></th>
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
            <td class="col-name" data-label=crate::tr!(scripts.col_title)>
                <a class="script-title" href=href.clone()>{row.title.clone()}</a>
                {(!row.own).then(|| view! {
                    <span class="tag tag-public" title=crate::tr!(scripts.foreign_title)>
                        {crate::tr!(scripts.public_by, owner = row.owner.clone().unwrap_or_else(|| crate::tr!(scripts.shared).into())).to_string()}
                    </span>
                })}
                {(row.own && row.public).then(|| view! { <span class="tag tag-public">{crate::tr!(scripts.public)}</span> })}
                {(!row.summary.is_empty()).then(|| view! { <span class="script-summary mono muted" title=row.summary.clone()>{row.summary.clone()}</span> })}
            </td>
            <td data-label=crate::tr!(scripts.col_for)>
                <span class=if row.windows { "tag tag-windows" } else { "tag" }>{row.system()}</span>
            </td>
            <td data-label=crate::tr!(scripts.col_size) class="num">{row.size_text()}</td>
            <td data-label=crate::tr!(scripts.col_id)><span class="mono">{row.id.to_string()}</span></td>
            <td class="col-actions">
                <span class="row-actions">
                    <a class="btn btn-sm" href=use_href data-testid="use-script">{crate::tr!(scripts.use_in_new)}</a>
                    {if row.own {
                        view! {
                            <a class="btn btn-sm" href=href>{crate::tr!(scripts.edit)}</a>
                            <button class="btn btn-sm btn-ghost danger-text" type="button" on:click=on_delete>{crate::tr!(scripts.delete)}</button>
                        }.into_any()
                    } else {
                        view! { <a class="btn btn-sm" href=href>{crate::tr!(scripts.view)}</a> }.into_any()
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
        <Dialog open title=crate::tr!(scripts.delete_dialog) id="delete-script">
            <p>{crate::tr!(scripts.delete_question)}<strong>{title}</strong>{crate::tr!(scripts.delete_question_end)}</p>
            <p class="notice notice-warn">{crate::tr!(scripts.delete_warn)}</p>
            <ShowApiCall call=Signal::derive(move || {
                ApiCall::delete_script(&target.with(|t| t.as_ref().map(|s| s.id.to_string())).unwrap_or_default())
            }) />
            <DialogActions
                open
                pending
                label=move || crate::tr!(scripts.delete_named, title = title()).to_string()
                busy=crate::tr!(scripts.deleting)
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
