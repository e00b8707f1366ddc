//! The keys table (a card per key on phones) and the rename and delete dialogs.

use leptos::prelude::*;

use super::{KeysCtx, BASE};
use crate::api::ssh_keys::{DeleteSshKey, RenameSshKey};
use crate::components::api_call::ShowApiCall;
use crate::components::copy::CopyButton;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::empty::EmptyCard;
use crate::components::field::FieldError;
use crate::components::table::{Pager, SortHeader};
use crate::components::when::When;
use crate::error::AppError;
use crate::model::api_call::ApiCall;
use crate::model::ssh_key_list::{label_problem, not_a_key, shown, SshKeyRow};
use crate::model::table::{count_text, Noun, TableQuery};

/// Keys per page (accounts rarely have more).
const PAGE_SIZE: usize = 50;

#[component]
pub fn KeyList(
    rows: Vec<SshKeyRow>,
    /// The URL's query now, and as a memo for the sort links.
    query: TableQuery,
    query_memo: Memo<TableQuery>,
) -> impl IntoView {
    // Marks the table live once hydrated: its buttons work only from then on.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    if rows.is_empty() {
        return view! {
            <EmptyCard testid="keys-empty" title=crate::tr!(ssh_keys.empty_title) text=crate::tr!(ssh_keys.empty_text) href="#add-key" action=crate::tr!(ssh_keys.add_a_key) primary=true />
        }
        .into_any();
    }
    let total = rows.len();
    let matched = shown(&rows, &query);
    if matched.is_empty() {
        return view! {
            <EmptyCard testid="keys-no-match" title=crate::tr!(ssh_keys.no_match_title) text=crate::tr!(ssh_keys.no_match_text) href=BASE action=crate::tr!(ssh_keys.clear_search) />
        }
        .into_any();
    }
    let count = count_text(
        matched.len(),
        total,
        query.is_filtered(),
        Noun::Key,
        crate::locale::untracked(),
    );
    let (page, pages) = query.paged(matched, PAGE_SIZE);
    view! {
        <p class="result-count muted" data-testid="result-count">{count}</p>
        <div class="table-wrap card" data-ready=move || ready.get().to_string() data-testid="keys">
            <table class="table keys" data-testid="keys-table">
                <thead>
                    <tr>
                        <SortHeader base=BASE query=query_memo key="label" label=crate::tr!(ssh_keys.label) default=true />
                        <SortHeader base=BASE query=query_memo key="type" label=crate::tr!(ssh_keys.kind) />
                        <th scope="col">{crate::tr!(ssh_keys.fingerprint)}</th>
                        <th scope="col">{crate::tr!(ssh_keys.comment)}</th>
                        <SortHeader base=BASE query=query_memo key="created" label=crate::tr!(ssh_keys.col_added) />
                        <th scope="col"><span class="sr-only">{crate::tr!(ssh_keys.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {page.into_iter().map(|row| view! { <KeyRow row /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager base=BASE query pages />
    }
    .into_any()
}

#[component]
fn KeyRow(row: SshKeyRow) -> impl IntoView {
    let ctx = expect_context::<KeysCtx>();
    let facts = row.facts.clone();
    let rename = {
        let row = row.clone();
        move |_| {
            ctx.rename_text.set(row.label.clone());
            ctx.rename_error.set(None);
            ctx.target.set(Some(row.clone()));
            ctx.rename_open.set(true);
        }
    };
    let delete = {
        let row = row.clone();
        move |_| {
            ctx.target.set(Some(row.clone()));
            ctx.delete_open.set(true);
        }
    };
    view! {
        <tr data-testid="key-row" data-label=row.label.clone() data-id=row.id.to_string()>
            <td class="col-name" data-label=crate::tr!(ssh_keys.label)>
                <span class="key-label">{row.label.clone()}</span>
            </td>
            <td data-label=crate::tr!(ssh_keys.kind)>
                {match &facts {
                    Some(f) => view! {
                        <span class="tag">{f.kind.clone()}</span>
                        {f.bits.map(|b| view! { <span class="muted small block">{crate::tr!(ssh_keys.bits, bits = b).to_string()}</span> })}
                    }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="col-fingerprint" data-label=crate::tr!(ssh_keys.fingerprint_sha)>
                {match &facts {
                    Some(f) => view! {
                        <span class="mono fingerprint" data-testid="fingerprint">{f.fingerprint.clone()}</span>
                    }.into_any(),
                    None => view! {
                        <span class="badge badge-danger" data-testid="not-a-key" title=row.problem.clone().unwrap_or_default()>{not_a_key()}</span>
                    }.into_any(),
                }}
            </td>
            <td class="col-comment" data-label=crate::tr!(ssh_keys.comment)>
                {match facts.as_ref().and_then(|f| f.comment.clone()) {
                    Some(c) => view! { <span class="comment">{c}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td data-label=crate::tr!(ssh_keys.col_added)>
                {row.created.clone().map(|c| view! {
                    <When at=c/>
                })}
            </td>
            <td class="col-actions">
                <span class="row-actions">
                    <CopyButton text=row.key.clone() what=crate::tr!(ssh_keys.copy_what, label = row.label.clone()).to_string() />
                    <button class="btn btn-sm" type="button" on:click=rename>{crate::tr!(ssh_keys.rename)}</button>
                    <button class="btn btn-sm btn-ghost danger-text" type="button" on:click=delete>{crate::tr!(ssh_keys.delete)}</button>
                </span>
            </td>
        </tr>
    }
}

/// Rename and delete, for the key in `ctx.target`.
#[component]
pub fn KeyDialogs() -> impl IntoView {
    let ctx = expect_context::<KeysCtx>();
    let label = move || {
        ctx.target
            .with(|t| t.as_ref().map(|k| k.label.clone()).unwrap_or_default())
    };
    let fingerprint = move || {
        ctx.target.with(|t| {
            t.as_ref()
                .and_then(|k| k.fingerprint().map(str::to_string))
                .unwrap_or_else(|| not_a_key().to_string())
        })
    };
    // The browser's check first (a label taken by another key, or empty), then the server's.
    let rename_error = Signal::derive(move || {
        if !ctx.rename_open.get() {
            return None;
        }
        let id = ctx.target.with(|t| t.as_ref().map(|k| k.id));
        let typed = ctx.rename_text.get();
        ctx.keys
            .with(|keys| label_problem(&typed, keys, id))
            .map(|m| AppError::invalid("label", m))
            .or_else(|| ctx.rename_error.get())
    });
    let target_id = move || {
        ctx.target
            .with(|t| t.as_ref().map(|k| k.id.to_string()))
            .unwrap_or_default()
    };
    let on_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = ctx.target.with_untracked(|t| t.as_ref().map(|k| k.id)) else {
            return;
        };
        if rename_error.get_untracked().is_none() && !ctx.rename.pending().get_untracked() {
            ctx.rename.dispatch(RenameSshKey {
                id,
                label: ctx.rename_text.get_untracked(),
            });
        }
    };
    view! {
        <Dialog open=ctx.rename_open title=crate::tr!(ssh_keys.rename_dialog) id="rename-key">
            <form class="form" on:submit=on_rename novalidate=true>
                <p class="muted small">{crate::tr!(ssh_keys.fingerprint_prefix)}<span class="mono">{fingerprint}</span></p>
                <label class="field">
                    <span>{crate::tr!(ssh_keys.label)}</span>
                    <input
                        name="label"
                        autocomplete="off"
                        autofocus=true
                        maxlength="200"
                        prop:value=move || ctx.rename_text.get()
                        on:input=move |ev| {
                            ctx.rename_error.set(None);
                            ctx.rename_text.set(event_target_value(&ev));
                        }
                    />
                    <FieldError error=rename_error field="label" />
                </label>
                <p class="muted small">{crate::tr!(ssh_keys.rename_note)}</p>
                <ShowApiCall call=Signal::derive(move || ApiCall::rename_ssh_key(&target_id(), ctx.rename_text.get().trim())) />
                <DialogActions open=ctx.rename_open pending=ctx.rename.pending() label=crate::tr!(ssh_keys.rename) busy=crate::tr!(ssh_keys.renaming) />
            </form>
        </Dialog>
        <Dialog open=ctx.delete_open title=crate::tr!(ssh_keys.delete_dialog) id="delete-key">
            <p>{crate::tr!(ssh_keys.delete_question)}<strong class="key-label">{label}</strong>{crate::tr!(ssh_keys.delete_question_end)}</p>
            <p class="muted small">{crate::tr!(ssh_keys.fingerprint_prefix)}<span class="mono">{fingerprint}</span></p>
            <p class="notice notice-warn">{crate::tr!(ssh_keys.delete_warn)}</p>
            <ShowApiCall call=Signal::derive(move || ApiCall::delete_ssh_key(&target_id())) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label=move || crate::tr!(ssh_keys.delete_named, label = label()).to_string()
                busy=crate::tr!(ssh_keys.deleting)
                danger=true
                test_id="confirm-delete"
                on_confirm=Callback::new(move |()| {
                    if let Some(id) = ctx.target.with_untracked(|t| t.as_ref().map(|k| k.id)) {
                        ctx.delete.dispatch(DeleteSshKey { id });
                    }
                })
            />
        </Dialog>
    }
}
