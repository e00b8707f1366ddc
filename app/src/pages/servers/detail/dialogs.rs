//! The detail page's power, console and delete dialogs (above the refreshing part of the page),
//! and what happens when a power change or a deletion answers.

use leptos::prelude::*;

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
        <Dialog open=ctx.power_open title="Change power state" id="power-dialog">
            <p>{move || if on() {
                format!("Power off {}? Running programs stop as if the power were cut; unsaved work is lost.", title())
            } else {
                format!("Power on {}?", title())
            }}</p>
            <ShowApiCall call=Signal::derive(move || {
                let action = if on() { EcsAction::PowerOff } else { EcsAction::PowerOn };
                ApiCall::server_action(&ctx.name.get(), &action)
            }) />
            <DialogActions
                open=ctx.power_open
                pending=ctx.power.pending()
                label=move || if on() { "Power off" } else { "Power on" }.to_string()
                busy="Sending…"
                test_id="power-confirm"
                on_confirm=Callback::new(move |()| {
                    ctx.power.dispatch(PowerServer { name: ctx.name.get_untracked(), on: !on() });
                })
            />
        </Dialog>
        <Dialog open=ctx.console_open title="Console key" id="console-dialog">
            {move || console_key().map(|k| view! {
                <p>"A one-time key for this server's remote console (Seeweb's console is noVNC):"</p>
                <p class="secret">
                    <code class="mono" data-testid="console-key">{k.key.clone()}</code>
                    <CopyButton text=k.key.clone() what="console key" />
                </p>
                <p class="muted small">
                    "Give it to the noVNC client your team uses for Seeweb consoles, or open the console from Seeweb's panel. \
                     The ECS API documents only the key, so this panel cannot open the console window itself. \
                     Treat the key like a password: the panel does not keep it and will not show it again."
                </p>
            })}
            <div class="dialog-actions">
                <button class="btn btn-primary" type="button" on:click=move |_| ctx.console_open.set(false)>"Done"</button>
            </div>
        </Dialog>
        <Dialog open=ctx.delete_open title="Delete server" id="delete-dialog">
            <p>"This destroys "<strong>{title}</strong>" and its disk. It cannot be undone."</p>
            <TypedName name=ctx.name notes=Signal::derive(notes) text=ctx.confirm_text error=delete_error />
            <ShowApiCall call=Signal::derive(move || ApiCall::delete_server(&ctx.name.get())) />
            <DialogActions
                open=ctx.delete_open
                pending=ctx.delete.pending()
                label="Delete server"
                busy="Deleting…"
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
                            format!("{} is powered on", who()),
                            format!("{} could not be powered on", who()),
                        )
                    } else {
                        (
                            format!("{} is powered off", who()),
                            format!("{} could not be powered off", who()),
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
                            format!("{name} is deleted"),
                            format!("{name} could not be deleted"),
                        );
                    }
                    toasts.ok(format!("Deleting {name}…"));
                    navigate("/servers", Default::default());
                }
                // A wrong confirmation shows next to the field (report_failure leaves it).
                Err(e) => report_failure(&e),
            }
        }
    });
}
