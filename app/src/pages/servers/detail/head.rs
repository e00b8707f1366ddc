//! The detail page's header: name, live status, and the buttons for power and delete (which open
//! their dialogs) and the console (which asks for a key, and shows it once it comes).

use leptos::prelude::*;

use crate::i18n::td_string;

use super::DetailCtx;
use crate::api::servers::lifecycle::ConsoleKey;
use crate::components::copy::CopyButton;
use crate::components::error_view::report_failure;
use crate::components::live::use_live;
use crate::components::status::StatusBadge;
use crate::model::server::ServerDetail;

#[component]
pub fn DetailHead(detail: ServerDetail) -> impl IntoView {
    let l = crate::locale::untracked();
    let ctx = expect_context::<DetailCtx>();
    let live = use_live();
    let row = detail.row.clone();
    let running = Signal::derive({
        let name = row.name.clone();
        move || live.on(&name)
    });
    let busy = move || running.get().is_some() || ctx.power.pending().get();
    let powered_on = detail.powered_on;
    let deletable = !detail.is_reserved && !row.health.eq(&crate::model::server::Health::Deleting);
    // A viewer gets no power, console or delete (the access gate refuses them anyway).
    let operator = crate::components::layout::may(crate::model::team::Role::Operator);
    view! {
        <header class="detail-head card">
            <div class="detail-title">
                <h1 data-testid="server-title">{row.title().to_string()}</h1>
                <p class="detail-sub">
                    <span class="mono">{row.name.clone()}</span>
                    <CopyButton text=row.name.clone() what=td_string!(l, server.server_name) />
                    <StatusBadge health=row.health progress=row.progress running />
                </p>
            </div>
            <div class="detail-actions" hidden=!operator>
                {match powered_on {
                    Some(on) => view! {
                        <button
                            class=if on { "btn" } else { "btn btn-primary" }
                            type="button"
                            data-testid="power-button"
                            disabled=busy
                            title=move || running.get().map(|r| td_string!(l, server.wait_until, doing = r.doing.to_lowercase()).to_string())
                            on:click=move |_| ctx.power_open.set(true)
                        >
                            {if on { td_string!(l, server.power_off) } else { td_string!(l, server.power_on) }}
                        </button>
                    }.into_any(),
                    None => view! {
                        <button class="btn" type="button" disabled=true title=td_string!(l, server.power_unknown)>{td_string!(l, server.power)}</button>
                    }.into_any(),
                }}
                <button
                    class="btn"
                    type="button"
                    data-testid="console-button"
                    disabled=move || detail.legacy_v1 || ctx.console.pending().get()
                    title=if detail.legacy_v1 { td_string!(l, server.no_console_v1) } else { td_string!(l, server.console_title) }
                    on:click=move |_| {
                        ctx.console.dispatch(ConsoleKey { name: ctx.name.get_untracked() });
                    }
                >
                    {move || if ctx.console.pending().get() { td_string!(l, server.requesting) } else { td_string!(l, server.console) }}
                </button>
                <button
                    class="btn btn-danger"
                    type="button"
                    data-testid="delete-button"
                    // ECS refuses a deletion while an action runs ("Server is busy"): wait for it.
                    disabled=move || !deletable || running.get().is_some()
                    title=move || match running.get() {
                        Some(r) => td_string!(l, server.wait_busy, doing = r.doing.to_lowercase()).to_string(),
                        None if detail.is_reserved => td_string!(l, server.reserved_no_delete).into(),
                        None => td_string!(l, server.delete_title).into(),
                    }
                    on:click=move |_| ctx.delete_open.set(true)
                >
                    {td_string!(l, server.delete)}
                </button>
            </div>
            {(row.health == crate::model::server::Health::Failed).then(|| view! {
                <p class="notice notice-error detail-note" data-testid="failed-note">
                    {td_string!(l, server.failed_note)}
                </p>
            })}
            {detail.is_reserved.then(|| view! {
                <p class="notice notice-info detail-note" data-testid="reserved-note">
                    {match row.reserved_until.clone() {
                        Some(r) => td_string!(l, server.reserved_note_until, when = r.exact(l)).to_string(),
                        None => td_string!(l, server.reserved_note).to_string(),
                    }}
                </p>
            })}
        </header>
    }
}

/// The console key, once it comes, opens its dialog.
pub fn follow_answers(ctx: DetailCtx) {
    Effect::new(move |_| {
        if let Some(result) = ctx.console.value().get() {
            match result {
                Ok(_) => ctx.console_open.set(true),
                Err(e) => report_failure(&e),
            }
        }
    });
}
