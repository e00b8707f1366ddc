//! Bulk actions: with servers selected, power them on or off or delete them. One confirmation
//! lists them; the answer says, server by server, what happened and why.

use leptos::prelude::*;

use crate::i18n::td_string;

use crate::api::servers::lifecycle::BulkServers;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::live::use_live;
use crate::components::toast::use_toasts;
use crate::error::AppError;
use crate::model::lifecycle::{BulkOp, BulkResult};

#[component]
pub fn BulkBar(selected: RwSignal<Vec<String>>) -> impl IntoView {
    let l = crate::locale::untracked();
    let live = use_live();
    let toasts = use_toasts();
    let op = RwSignal::new(BulkOp::PowerOff);
    let confirming = RwSignal::new(false);
    let showing = RwSignal::new(false);
    let action = ServerAction::<BulkServers>::new();
    let results = RwSignal::new(Vec::<BulkResult>::new());
    let ask = move |o: BulkOp| {
        op.set(o);
        confirming.set(true);
    };
    Effect::new(move |_| {
        let Some(outcome) = action.value().get() else {
            return;
        };
        confirming.set(false);
        match outcome {
            Ok(list) => {
                let verb = op.get_untracked();
                for r in &list {
                    if let Some(id) = r.action {
                        let name = &r.name;
                        let (done, failed) = match verb {
                            BulkOp::PowerOn => (
                                td_string!(l, servers.bulk_on_done, name = name).to_string(),
                                td_string!(l, servers.bulk_on_failed, name = name).to_string(),
                            ),
                            BulkOp::PowerOff => (
                                td_string!(l, servers.bulk_off_done, name = name).to_string(),
                                td_string!(l, servers.bulk_off_failed, name = name).to_string(),
                            ),
                            BulkOp::Delete => (
                                td_string!(l, servers.bulk_delete_done, name = name).to_string(),
                                td_string!(l, servers.bulk_delete_failed, name = name).to_string(),
                            ),
                        };
                        live.watch(id, done, failed);
                    }
                }
                // What was accepted leaves the selection; what failed, or was left out because
                // it was busy, stays selected to retry.
                selected.update(|s| {
                    s.retain(|n| {
                        list.iter()
                            .find(|r| r.name == *n)
                            .is_none_or(|r| r.error.is_some())
                    })
                });
                results.set(list);
                showing.set(true);
                live.poke();
            }
            Err(AppError::SessionExpired) => crate::components::error_view::go_to_sign_in(),
            Err(e) => toasts.error(e.words(l)),
        }
    });
    let count = move || selected.with(Vec::len);
    // ECS refuses a new action on a server while one runs: those wait, and are left out.
    let idle = move || {
        selected
            .get()
            .into_iter()
            .filter(|n| live.on(n).is_none())
            .collect::<Vec<_>>()
    };
    let idle_count = move || idle().len();
    let pending = action.pending();
    view! {
        <div class="bulkbar" data-testid="bulk-bar" hidden=move || count() == 0>
            <strong>{move || td_string!(l, servers.selected, count = count()).to_string()}</strong>
            <button class="btn btn-sm" type="button" on:click=move |_| ask(BulkOp::PowerOn)>{td_string!(l, servers.power_on)}</button>
            <button class="btn btn-sm" type="button" on:click=move |_| ask(BulkOp::PowerOff)>{td_string!(l, servers.power_off)}</button>
            <button class="btn btn-sm btn-danger" type="button" on:click=move |_| ask(BulkOp::Delete)>{td_string!(l, servers.delete)}</button>
            <button class="btn btn-sm btn-ghost" type="button" on:click=move |_| selected.set(Vec::new())>{td_string!(l, servers.clear_selection)}</button>
        </div>
        <Dialog open=confirming title=td_string!(l, servers.bulk_confirm) id="bulk-confirm">
            <p>{move || td_string!(l, servers.bulk_question, verb = op.get().verb(), count = idle_count()).to_string()}</p>
            <ul class="plain names">
                {move || selected.get().into_iter().map(|n| {
                    let busy = live.on(&n);
                    view! {
                        <li data-testid="bulk-name" data-name=n.clone()>
                            <span class="mono">{n.clone()}</span>
                            {busy.map(|r| view! {
                                <span class="muted small" data-testid="bulk-busy">
                                    {td_string!(l, servers.bulk_left_out, doing = r.doing, progress = r.progress.map(|p| format!("{p}%")).unwrap_or_default()).to_string()}
                                </span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || (op.get() == BulkOp::Delete).then(|| view! {
                <p class="notice notice-warn">{td_string!(l, servers.bulk_delete_warning)}</p>
            })}
            <DialogActions
                open=confirming
                pending
                label=move || td_string!(l, servers.bulk_label, verb = op.get().verb(), count = idle_count()).to_string()
                busy=td_string!(l, servers.working)
                danger=move || op.get() == BulkOp::Delete
                blocked=move || idle_count() == 0
                on_confirm=Callback::new(move |()| {
                    action.dispatch(BulkServers { op: op.get_untracked(), names: idle() });
                })
            />
        </Dialog>
        <Dialog open=showing title=td_string!(l, servers.bulk_results) id="bulk-results">
            <ul class="plain results">
                {move || results.get().into_iter().map(|r| {
                    let ok = r.error.is_none();
                    view! {
                        <li class=if ok { "result result-ok" } else { "result result-error" } data-testid="bulk-result" data-name=r.name.clone()>
                            <span aria-hidden="true">{if ok { "✓" } else { "✗" }}</span>
                            <span class="mono">{r.name.clone()}</span>
                            <span>{r.error.clone().unwrap_or_else(|| td_string!(l, servers.started).into())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="dialog-actions">
                <button class="btn btn-primary" type="button" on:click=move |_| showing.set(false)>{td_string!(l, servers.close)}</button>
            </div>
        </Dialog>
    }
}
