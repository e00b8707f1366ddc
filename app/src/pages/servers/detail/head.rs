//! The detail page's header: name, live status, and the buttons for power and delete (which open
//! their dialogs) and the console (which asks for a key, and shows it once it comes).

use leptos::prelude::*;

use super::DetailCtx;
use crate::api::servers::lifecycle::ConsoleKey;
use crate::components::copy::CopyButton;
use crate::components::error_view::report_failure;
use crate::components::live::use_live;
use crate::components::status::StatusBadge;
use crate::model::server::ServerDetail;

#[component]
pub fn DetailHead(detail: ServerDetail) -> impl IntoView {
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
                    <CopyButton text=row.name.clone() what="server name" />
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
                            title=move || running.get().map(|r| format!("Wait until “{}” ends", r.doing.to_lowercase()))
                            on:click=move |_| ctx.power_open.set(true)
                        >
                            {if on { "Power off" } else { "Power on" }}
                        </button>
                    }.into_any(),
                    None => view! {
                        <button class="btn" type="button" disabled=true title="The power state is not known right now">"Power"</button>
                    }.into_any(),
                }}
                <button
                    class="btn"
                    type="button"
                    data-testid="console-button"
                    disabled=move || detail.legacy_v1 || ctx.console.pending().get()
                    title=if detail.legacy_v1 { "v1 servers have no remote console" } else { "Get a one-time console key" }
                    on:click=move |_| {
                        ctx.console.dispatch(ConsoleKey { name: ctx.name.get_untracked() });
                    }
                >
                    {move || if ctx.console.pending().get() { "Requesting…" } else { "Console" }}
                </button>
                <button
                    class="btn btn-danger"
                    type="button"
                    data-testid="delete-button"
                    // ECS refuses a deletion while an action runs ("Server is busy"): wait for it.
                    disabled=move || !deletable || running.get().is_some()
                    title=move || match running.get() {
                        Some(r) => format!("Wait until “{}” ends: ECS takes no new action until then", r.doing.to_lowercase()),
                        None if detail.is_reserved => "Reserved servers cannot be deleted before the period ends".into(),
                        None => "Delete this server".into(),
                    }
                    on:click=move |_| ctx.delete_open.set(true)
                >
                    "Delete"
                </button>
            </div>
            {(row.health == crate::model::server::Health::Failed).then(|| view! {
                <p class="notice notice-error detail-note" data-testid="failed-note">
                    "ECS could not build this server, most often because the plan has no capacity left in that region. "
                    "Create it again with another region or plan, then delete this one."
                </p>
            })}
            {detail.is_reserved.then(|| view! {
                <p class="notice notice-info detail-note" data-testid="reserved-note">
                    "This server is on a reserved plan"
                    {row.reserved_until.clone().map(|r| format!(" until {}", r.exact))}
                    ": it cannot be deleted before the reserved period ends."
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
