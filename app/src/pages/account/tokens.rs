//! API tokens: the list, the form that makes one (and shows it once), and the rename and destroy
//! dialogs.

use leptos::prelude::*;

use super::AccountCtx;
use crate::api::account::{CreateToken, DeleteToken, RenameToken};
use crate::components::api_call::ShowApiCall;
use crate::components::copy::CopyButton;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::field::FieldError;
use crate::components::when::When;
use crate::error::AppError;
use crate::model::account::{notes_problem, TokenRow, NOTES_MAX};
use crate::model::api_call::ApiCall;

#[component]
pub fn TokenList(rows: Vec<TokenRow>) -> impl IntoView {
    // Marks the table live once hydrated: its buttons work only from then on.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let body = if rows.is_empty() {
        view! {
            <p class="muted" data-testid="tokens-empty">
                {crate::tr!(account.tokens.empty)}
            </p>
        }
        .into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="table tokens" data-testid="tokens-table">
                    <thead>
                        <tr>
                            <th scope="col">{crate::tr!(account.tokens.name)}</th>
                            <th scope="col">{crate::tr!(account.tokens.id)}</th>
                            <th scope="col">{crate::tr!(account.tokens.created)}</th>
                            <th scope="col"><span class="sr-only">{crate::tr!(account.tokens.actions)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|row| view! { <TokenRowView row /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="tokens-h" data-testid="tokens" data-ready=move || ready.get().to_string()>
            <h2 id="tokens-h">{crate::tr!(account.tokens.title)}</h2>
            <p class="muted small">{crate::tr!(account.tokens.help_before)}<code>"X-APITOKEN"</code>{crate::tr!(account.tokens.help_after)}</p>
            <FreshToken />
            {body}
        </section>
    }
}

#[component]
fn TokenRowView(row: TokenRow) -> impl IntoView {
    let ctx = expect_context::<AccountCtx>();
    let rename = {
        let row = row.clone();
        move |_| {
            ctx.rename_text.set(row.notes.clone());
            ctx.rename_error.set(None);
            ctx.target.set(Some(row.clone()));
            ctx.rename_open.set(true);
        }
    };
    let destroy = {
        let row = row.clone();
        move |_| {
            ctx.target.set(Some(row.clone()));
            ctx.delete_open.set(true);
        }
    };
    view! {
        <tr data-testid="token-row" data-notes=row.notes.clone() data-id=row.id.to_string()>
            <td class="col-name" data-label=crate::tr!(account.tokens.name)><span class="token-notes">{row.notes.clone()}</span></td>
            <td data-label=crate::tr!(account.tokens.id) class="mono">{row.id}</td>
            <td data-label=crate::tr!(account.tokens.created)>
                {row.created.clone().map(|c| view! {
                    <When at=c/>
                })}
            </td>
            <td class="col-actions">
                <span class="row-actions">
                    <button class="btn btn-sm" type="button" data-testid="token-rename" on:click=rename>{crate::tr!(account.tokens.rename)}</button>
                    <button class="btn btn-sm btn-ghost danger-text" type="button" data-testid="token-destroy" on:click=destroy>{crate::tr!(account.tokens.destroy)}</button>
                </span>
            </td>
        </tr>
    }
}

/// The token just made, with a copy button, until the person says they have it.
#[component]
fn FreshToken() -> impl IntoView {
    let ctx = expect_context::<AccountCtx>();
    move || {
        ctx.fresh.get().map(|fresh| {
            view! {
                <div class="notice notice-warn fresh-token" role="status" data-testid="fresh-token">
                    <p><strong>{crate::tr!(account.tokens.copy_now, name = fresh.notes.clone()).to_string()}</strong></p>
                    <div class="token-reveal">
                        <code class="mono token-text" data-testid="fresh-token-text">{fresh.token.clone()}</code>
                        <CopyButton text=fresh.token.clone() what=crate::tr!(account.tokens.copy_what) />
                    </div>
                    <p class="small">{crate::tr!(account.tokens.keep_it)}</p>
                    <button class="btn btn-sm" type="button" data-testid="fresh-token-done" on:click=move |_| ctx.fresh.set(None)>
                        {crate::tr!(account.tokens.copied)}
                    </button>
                </div>
            }
        })
    }
}

#[component]
pub fn CreateTokenForm() -> impl IntoView {
    let ctx = expect_context::<AccountCtx>();
    let error = Signal::derive(move || {
        let typed = ctx.notes.get();
        let shown = ctx.tried.get() || !typed.trim().is_empty();
        shown
            .then(|| ctx.tokens.with(|t| notes_problem(&typed, t, None)))
            .flatten()
            .map(|m| AppError::invalid("notes", m))
            .or_else(|| ctx.create_error.get())
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.tried.set(true);
        let notes = ctx.notes.get_untracked();
        let ok = ctx
            .tokens
            .with_untracked(|t| notes_problem(&notes, t, None).is_none());
        if ok && !ctx.create.pending().get_untracked() {
            ctx.create.dispatch(CreateToken { notes });
        }
    };
    let pending = ctx.create.pending();
    view! {
        <section class="card" aria-labelledby="new-token-h">
            <h2 id="new-token-h">{crate::tr!(account.tokens.new_title)}</h2>
            <form class="form form-inline" on:submit=on_submit novalidate=true data-testid="token-form">
                <label class="field">
                    <span>{crate::tr!(account.tokens.name)}</span>
                    <input
                        name="notes"
                        autocomplete="off"
                        maxlength=NOTES_MAX.to_string()
                        placeholder="terraform-ci"
                        aria-invalid=move || error.get().is_some().then_some("true")
                        prop:value=move || ctx.notes.get()
                        on:input=move |ev| {
                            ctx.create_error.set(None);
                            ctx.notes.set(event_target_value(&ev));
                        }
                    />
                    <FieldError error field="notes" />
                    <span class="muted small">{crate::tr!(account.tokens.name_help)}</span>
                </label>
                <button class="btn btn-primary" type="submit" data-testid="token-create" disabled=move || pending.get()>
                    {move || if pending.get() { crate::tr!(account.tokens.making) } else { crate::tr!(account.tokens.make) }}
                </button>
            </form>
            <ShowApiCall call=Signal::derive(move || ApiCall::create_api_token(ctx.notes.get().trim())) />
        </section>
    }
}

/// Rename and destroy, for the token in `ctx.target`.
#[component]
pub fn TokenDialogs() -> impl IntoView {
    let ctx = expect_context::<AccountCtx>();
    let notes = move || {
        ctx.target
            .with(|t| t.as_ref().map(|t| t.notes.clone()).unwrap_or_default())
    };
    let target_id = move || ctx.target.with_untracked(|t| t.as_ref().map(|t| t.id));
    let shown_id = move || {
        ctx.target
            .with(|t| t.as_ref().map(|t| t.id.to_string()))
            .unwrap_or_default()
    };
    let rename_error = Signal::derive(move || {
        if !ctx.rename_open.get() {
            return None;
        }
        let id = ctx.target.with(|t| t.as_ref().map(|t| t.id));
        let typed = ctx.rename_text.get();
        ctx.tokens
            .with(|t| notes_problem(&typed, t, id))
            .map(|m| AppError::invalid("notes", m))
            .or_else(|| ctx.rename_error.get())
    });
    let rename_other = move || {
        ctx.rename_error
            .get()
            .filter(|e| e.field_message("notes").is_none())
            .map(|e| e.words(crate::locale::untracked()))
    };
    let on_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = target_id() else { return };
        if rename_error.get_untracked().is_none() && !ctx.rename.pending().get_untracked() {
            ctx.rename.dispatch(RenameToken {
                id,
                notes: ctx.rename_text.get_untracked(),
            });
        }
    };
    view! {
        <Dialog open=ctx.rename_open title=crate::tr!(account.tokens.rename_title) id="rename-token">
            <form class="form" on:submit=on_rename novalidate=true>
                <label class="field">
                    <span>{crate::tr!(account.tokens.name)}</span>
                    <input
                        name="notes"
                        autocomplete="off"
                        autofocus=true
                        maxlength=NOTES_MAX.to_string()
                        prop:value=move || ctx.rename_text.get()
                        on:input=move |ev| {
                            ctx.rename_error.set(None);
                            ctx.rename_text.set(event_target_value(&ev));
                        }
                    />
                    <FieldError error=rename_error field="notes" />
                </label>
                {move || rename_other().map(|m| view! { <p class="field-error" role="alert" data-field="form">{m}</p> })}
                <p class="muted small">{crate::tr!(account.tokens.rename_note)}</p>
                <ShowApiCall call=Signal::derive(move || ApiCall::rename_api_token(&shown_id(), ctx.rename_text.get().trim())) />
                <DialogActions open=ctx.rename_open pending=ctx.rename.pending() label=crate::tr!(account.tokens.rename) busy=crate::tr!(account.tokens.renaming) test_id="rename-token-confirm" />
            </form>
        </Dialog>
        <Dialog open=ctx.delete_open title=crate::tr!(account.tokens.destroy_title) id="destroy-token">
            <p>{crate::tr!(account.tokens.destroy_before)}<strong>{notes}</strong>{crate::tr!(account.tokens.destroy_after)}</p>
            <p class="notice notice-warn">{crate::tr!(account.tokens.destroy_warn)}</p>
            <ShowApiCall call=Signal::derive(move || ApiCall::delete_api_token(&shown_id())) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label=move || crate::tr!(account.tokens.destroy_named, name = notes()).to_string()
                busy=crate::tr!(account.tokens.destroying)
                danger=true
                test_id="destroy-token-confirm"
                on_confirm=Callback::new(move |()| {
                    if let Some(id) = target_id() {
                        ctx.delete.dispatch(DeleteToken { id });
                    }
                })
            />
        </Dialog>
    }
}
