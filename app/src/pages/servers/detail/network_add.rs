//! The networks tab's "Add a VLAN" card: choose a network, type a VLAN id or range, PVID or not.
//! A VLAN on a network the server is not on yet adds an interface and reboots the server, so that
//! one is confirmed first.

use leptos::prelude::*;

use super::net_ctx::NetCtx;
use super::DetailCtx;
use crate::api::servers::networks::AddVlans;
use crate::components::api_call::ShowApiCall;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::field::FieldError;
use crate::model::activity::Running;
use crate::model::api_call::ApiCall;
use crate::model::network::ServerNetworksView;

#[component]
pub fn AddCard(view: ServerNetworksView, busy: Signal<Option<Running>>) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let net = expect_context::<NetCtx>();
    let error = Signal::derive(move || net.add.value().get().and_then(Result::err));
    let attached: Vec<String> = view.interfaces.iter().map(|i| i.network.clone()).collect();
    let networks = view.networks.clone();
    let first = networks.first().cloned().unwrap_or_default();
    let chosen = move || {
        let n = net.network.get();
        if n.is_empty() {
            first.clone()
        } else {
            n
        }
    };
    let new_interface = {
        let chosen = chosen.clone();
        move || !attached.contains(&chosen())
    };
    let pending = net.add.pending();
    let pvid = {
        let new_interface = new_interface.clone();
        move || net.make_pvid.get().unwrap_or_else(&new_interface)
    };
    let send = {
        let chosen = chosen.clone();
        let pvid = pvid.clone();
        move || {
            net.add.dispatch(AddVlans {
                name: ctx.name.get_untracked(),
                network: chosen(),
                vlans: net.vlans.get_untracked(),
                pvid: pvid(),
            });
        }
    };
    let send_now = send.clone();
    // The call the form would send now (none while the VLANs typed do not parse: nothing is
    // sent then).
    let call = {
        let chosen = chosen.clone();
        let pvid = pvid.clone();
        move || ApiCall::add_vlans_form(&ctx.name.get(), &chosen(), &net.vlans.get(), pvid())
    };
    let shown = {
        let call = call.clone();
        Signal::derive(move || call().unwrap_or_else(|| ApiCall::bare("POST", &[])))
    };
    let parses = {
        let call = call.clone();
        move || call().is_some()
    };
    let parses_in_dialog = parses.clone();
    let empty = networks.is_empty();
    view! {
        <section class="card" aria-labelledby="vlan-add-title">
            <h2 id="vlan-add-title">{crate::tr!(server.networks.add.title)}</h2>
            {empty.then(|| view! {
                <p class="muted" data-testid="no-networks">{crate::tr!(server.networks.add.no_networks)}<a href="/networks">{crate::tr!(server.networks.add.networks_link)}</a>{crate::tr!(server.networks.add.no_networks_end)}</p>
            })}
            <form
                class="form"
                on:submit={
                    let new_interface = new_interface.clone();
                    move |ev| {
                        ev.prevent_default();
                        // A new interface reboots the server: confirm first.
                        if new_interface() {
                            net.confirm_open.set(true);
                        } else {
                            send_now();
                        }
                    }
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.networks.add.network)}</span>
                    <select name="network" disabled=empty on:change=move |ev| net.network.set(event_target_value(&ev))>
                        {networks.iter().map(|n| {
                            let n = n.clone();
                            let value = n.clone();
                            let selected = {
                                let chosen = chosen.clone();
                                let n = n.clone();
                                move || chosen() == n
                            };
                            view! { <option value=value selected=selected>{n}</option> }
                        }).collect_view()}
                    </select>
                    <FieldError error field="network" />
                </label>
                <label class="field">
                    <span>{crate::tr!(server.networks.add.vlans)}</span>
                    <input
                        name="vlans"
                        inputmode="numeric"
                        placeholder=crate::tr!(server.networks.add.placeholder)
                        prop:value=move || net.vlans.get()
                        on:input=move |ev| net.vlans.set(event_target_value(&ev))
                    />
                    <FieldError error field="vlans" />
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        name="pvid"
                        prop:checked=pvid
                        on:change=move |ev| net.make_pvid.set(Some(event_target_checked(&ev)))
                    />
                    {crate::tr!(server.networks.add.pvid)}
                </label>
                <p class="muted small">
                    {let new_interface = new_interface.clone(); move || if new_interface() {
                        crate::tr!(server.networks.add.new_interface)
                    } else {
                        crate::tr!(server.networks.add.existing)
                    }}
                </p>
                <button
                    class="btn btn-primary"
                    type="submit"
                    data-testid="vlan-add"
                    disabled=move || empty || pending.get() || busy.get().is_some()
                    title=move || busy.get().map(|r| crate::tr!(server.wait_until, doing = r.doing.to_lowercase()).to_string())
                >
                    {move || if pending.get() { crate::tr!(server.sending) } else { crate::tr!(server.networks.add.add) }}
                </button>
                <Show when=parses.clone()><ShowApiCall call=shown /></Show>
            </form>
        </section>
        <Dialog open=net.confirm_open title=crate::tr!(server.networks.add.dialog) id="vlan-reboot-dialog">
            <p>
                {crate::tr!(server.networks.add.dialog_adds)}<strong>{move || ctx.name.get()}</strong>{crate::tr!(server.networks.add.dialog_on)}<span class="mono">{chosen.clone()}</span>
                {crate::tr!(server.networks.add.dialog_and)}<strong>{crate::tr!(server.networks.reboots)}</strong>{crate::tr!(server.networks.add.dialog_end)}
            </p>
            <Show when=parses_in_dialog.clone()><ShowApiCall call=shown /></Show>
            <DialogActions
                open=net.confirm_open
                pending=pending
                label=crate::tr!(server.networks.add.confirm)
                busy=crate::tr!(server.sending)
                danger=true
                test_id="vlan-reboot-confirm"
                on_confirm=Callback::new(move |()| send())
            />
        </Dialog>
    }
}
