//! The detail page's power, console and delete dialogs (above the refreshing part of the page),
//! and what happens when a power change or a deletion answers.

use leptos::prelude::*;

use crate::i18n::td_string;

use super::typed_name::TypedName;
use super::DetailCtx;
use crate::api::servers::lifecycle::{DeleteServer, PowerServer};
use crate::components::api_call::ShowApiCall;
use crate::components::copy::CopyButton;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::report_failure;
use crate::components::live::use_live;
use crate::components::toast::use_toasts;
use crate::model::api_call::{ApiCall, ServerAction as EcsAction};
use crate::model::server::confirms_delete;

/// The power, console and delete dialogs.
#[component]
pub fn DetailDialogs() -> impl IntoView {
    let l = crate::locale::untracked();
    let ctx = expect_context::<DetailCtx>();
    let on = move || {
        ctx.current
            .with(|c| c.as_ref().and_then(|d| d.powered_on))
            .unwrap_or(false)
    };
    let title = move || {
        ctx.current
            .with(|c| c.as_ref().map(|d| d.row.title().to_string()))
            .unwrap_or_default()
    };
    let notes = move || {
        ctx.current
            .with(|c| c.as_ref().map(|d| d.row.notes.clone()))
            .unwrap_or_default()
    };
    let delete_error = Signal::derive(move || ctx.delete.value().get().and_then(Result::err));
    let console_key = move || ctx.console.value().get().and_then(Result::ok);
    view! {
        <Dialog open=ctx.power_open title=td_string!(l, server.power_dialog) id="power-dialog">
            <p>{move || if on() {
                td_string!(l, server.power_off_question, name = title()).to_string()
            } else {
                td_string!(l, server.power_on_question, name = title()).to_string()
            }}</p>
            <ShowApiCall call=Signal::derive(move || {
                let action = if on() { EcsAction::PowerOff } else { EcsAction::PowerOn };
                ApiCall::server_action(&ctx.name.get(), &action)
            }) />
            <DialogActions
                open=ctx.power_open
                pending=ctx.power.pending()
                label=move || if on() { td_string!(l, server.power_off) } else { td_string!(l, server.power_on) }.to_string()
                busy=td_string!(l, server.sending)
                test_id="power-confirm"
                on_confirm=Callback::new(move |()| {
                    ctx.power.dispatch(PowerServer { name: ctx.name.get_untracked(), on: !on() });
                })
            />
        </Dialog>
        <Dialog open=ctx.console_open title=td_string!(l, server.console_dialog) id="console-dialog">
            {move || console_key().map(|k| view! {
                <p>{td_string!(l, server.console_intro)}</p>
                <p class="secret">
                    <code class="mono" data-testid="console-key">{k.key.clone()}</code>
                    <CopyButton text=k.key.clone() what=td_string!(l, server.console_key) />
                </p>
                <p class="muted small">
                    {td_string!(l, server.console_note)}
                </p>
            })}
            <ShowApiCall call=Signal::derive(move || ApiCall::server_action(&ctx.name.get(), &EcsAction::Console)) />
            <div class="dialog-actions">
                <button class="btn btn-primary" type="button" on:click=move |_| ctx.console_open.set(false)>{td_string!(l, server.done)}</button>
            </div>
        </Dialog>
        <Dialog open=ctx.delete_open title=td_string!(l, server.delete_dialog) id="delete-dialog">
            <p>{td_string!(l, server.delete_destroys)}<strong>{title}</strong>{td_string!(l, server.delete_destroys_end)}</p>
            <TypedName name=ctx.name notes=Signal::derive(notes) text=ctx.confirm_text error=delete_error />
            <ShowApiCall call=Signal::derive(move || ApiCall::delete_server(&ctx.name.get())) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label=td_string!(l, server.delete_dialog)
                busy=td_string!(l, server.deleting)
                danger=true
                // Enabled once the name (or display name) is typed.
                blocked=move || !confirms_delete(&ctx.confirm_text.get(), &ctx.name.get(), &notes())
                test_id="delete-confirm"
                on_confirm=Callback::new(move |()| {
                    ctx.delete.dispatch(DeleteServer { name: ctx.name.get_untracked(), typed: ctx.confirm_text.get_untracked() });
                })
            />
        </Dialog>
    }
}

/// Toasts, followed actions and the way back to the list when a power change or a deletion
/// answers.
pub fn follow_answers(ctx: DetailCtx) {
    let l = crate::locale::untracked();
    let live = use_live();
    let toasts = use_toasts();
    let navigate = leptos_router::hooks::use_navigate();
    let who = move || {
        ctx.current
            .with_untracked(|c| c.as_ref().map(|d| d.row.title().to_string()))
            .unwrap_or_else(|| ctx.name.get_untracked())
    };
    Effect::new(move |_| {
        if let Some(result) = ctx.power.value().get() {
            ctx.power_open.set(false);
            match result {
                Ok(id) => {
                    let on = !ctx
                        .current
                        .with_untracked(|c| c.as_ref().and_then(|d| d.powered_on))
                        .unwrap_or(false);
                    let (done, failed) = if on {
                        (
                            td_string!(l, server.powered_on, name = who()).to_string(),
                            td_string!(l, server.not_powered_on, name = who()).to_string(),
                        )
                    } else {
                        (
                            td_string!(l, server.powered_off, name = who()).to_string(),
                            td_string!(l, server.not_powered_off, name = who()).to_string(),
                        )
                    };
                    live.watch(id, done, failed);
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(result) = ctx.delete.value().get() {
            match result {
                Ok(id) => {
                    ctx.delete_open.set(false);
                    let name = who();
                    if let Some(id) = id {
                        live.watch(
                            id,
                            td_string!(l, server.deleted, name = name.clone()).to_string(),
                            td_string!(l, server.not_deleted, name = name.clone()).to_string(),
                        );
                    }
                    toasts.ok(td_string!(l, server.deleting_name, name = name).to_string());
                    navigate("/servers", Default::default());
                }
                // A wrong confirmation shows next to the field (report_failure leaves it).
                Err(e) => report_failure(&e),
            }
        }
    });
}
