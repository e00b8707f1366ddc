//! The detail page's networks tab (`?tab=networks`): the server's interfaces and their VLANs per
//! private network, how to configure each inside the server, and adding, re-PVIDing and removing
//! VLANs. A change that adds or removes an interface reboots the server, so it is confirmed
//! first. State lives in [`NetCtx`], above the part that refreshes.

use leptos::prelude::*;

use super::net_ctx::NetCtx;
use super::DetailCtx;
use crate::api::servers::networks::{RemoveVlans, SetPvid};
use crate::components::api_call::ShowApiCall;
use crate::components::copy::CopyButton;
use crate::components::dialog::{Dialog, DialogActions};
use crate::components::error_view::report_failure;
use crate::components::field::FieldError;
use crate::components::live::use_live;
use crate::components::toast::use_toasts;
use crate::model::activity::Running;
use crate::model::api_call::ApiCall;
use crate::model::network::{setup_commands, suggested_subnet, Interface, ServerNetworksView};

/// The server's action (a reboot for an interface, a power change…) from the live feed: VLAN
/// actions name `<server>-<network>`.
fn running_on(live: crate::components::live::Live, name: &str) -> Option<Running> {
    let pair = format!("{name}-");
    live.running.with(|r| {
        r.iter()
            .find(|a| a.resource == name || a.resource.starts_with(&pair))
            .cloned()
    })
}

#[component]
pub fn NetworksTab() -> impl IntoView {
    let net = expect_context::<NetCtx>();
    view! {
        <super::tab_data::TabData
            data=net.data
            loading=crate::tr!(server.networks.loading)
            testid="server-networks"
            render=|view| view! { <Loaded view /> }.into_any()
        />
    }
}

#[component]
fn Loaded(view: ServerNetworksView) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let live = use_live();
    let busy = Signal::derive(move || running_on(live, &ctx.name.get()));
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let interfaces = view.interfaces.clone();
    let os = view.os;
    let addresses = view.addresses.clone();
    view! {
        <div class="grid grid-detail" data-ready=move || ready.get().to_string()>
            <super::network_add::AddCard view=view.clone() busy />
            <section class="card">
                <h2>{crate::tr!(server.networks.about)}</h2>
                <p class="muted small">
                    {crate::tr!(server.networks.about_text)}
                </p>
                <p class="small"><a href="/networks">{crate::tr!(server.networks.all_networks)}</a></p>
            </section>
        </div>
        <super::busy::BusyNotice busy />
        {if interfaces.is_empty() {
            view! {
                <section class="card empty" data-testid="no-interfaces">
                    <p><strong>{crate::tr!(server.networks.no_network)}</strong></p>
                    <p class="muted">{crate::tr!(server.networks.no_network_hint)}</p>
                </section>
            }.into_any()
        } else {
            interfaces.into_iter().map(|i| {
                let address = addresses
                    .iter()
                    .find(|(n, _)| *n == i.network)
                    .map(|(_, a)| a.clone())
                    .unwrap_or_else(|| "192.168.1.1".into());
                view! { <InterfaceCard iface=i os address busy /> }
            }).collect_view().into_any()
        }}
    }
}

#[component]
fn InterfaceCard(
    iface: Interface,
    os: crate::model::network::OsFamily,
    address: String,
    busy: Signal<Option<Running>>,
) -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let net = expect_context::<NetCtx>();
    let network = iface.network.clone();
    let commands = setup_commands(os, &iface.mac, &address, suggested_subnet(&network));
    let script = commands.join("\n");
    let remove_error = Signal::derive(move || net.remove.value().get().and_then(Result::err));
    let unstable = iface.busy();
    let all_ids: Vec<u16> = iface.vlans.iter().map(|v| v.vlan_id).collect();
    let (n1, n2, n3) = (network.clone(), network.clone(), network.clone());
    // The removal the form would send now (none while the VLANs typed do not parse).
    let removal = {
        let network = network.clone();
        move || ApiCall::delete_vlans_form(&ctx.name.get(), &network, &net.removal_text(&network))
    };
    let parses = {
        let removal = removal.clone();
        move || removal().is_some()
    };
    let shown = Signal::derive(move || removal().unwrap_or_else(|| ApiCall::bare("DELETE", &[])));
    view! {
        <section class="card interface" data-testid="interface" data-network=network.clone()>
            <div class="card-title-row">
                <h2>
                    <a class="mono" href="/networks">{network.clone()}</a>
                </h2>
                <span class="muted small mac">"MAC "<span class="mono" data-testid="mac">{iface.mac.clone()}</span><CopyButton text=iface.mac.clone() what=crate::tr!(server.networks.mac_address) /></span>
            </div>
            <table class="table vlans" data-testid="vlans">
                <thead><tr><th scope="col">"VLAN"</th><th scope="col">{crate::tr!(server.networks.state)}</th><th scope="col">"PVID"</th><th scope="col"><span class="sr-only">{crate::tr!(server.networks.actions)}</span></th></tr></thead>
                <tbody>
                    {iface.vlans.iter().map(|v| {
                        let (id, pvid, state) = (v.vlan_id, v.pvid, v.state);
                        let network = n1.clone();
                        view! {
                            <tr data-testid="vlan-row" data-vlan=id.to_string()>
                                <td class="mono">{id}</td>
                                <td><span class=format!("badge badge-{}", state.tone())>{state.label()}</span></td>
                                <td>{if pvid { view! { <strong data-testid="pvid">"PVID"</strong> }.into_any() } else { view! { <span class="muted">"—"</span> }.into_any() }}</td>
                                <td class="col-actions">
                                    {(!pvid).then(|| view! {
                                        <button
                                            class="btn btn-sm"
                                            type="button"
                                            data-testid="vlan-pvid"
                                            disabled=move || !state.is_stable() || busy.get().is_some() || net.pvid.pending().get()
                                            title=crate::tr!(server.networks.make_pvid_title)
                                            on:click=move |_| { net.pvid.dispatch(SetPvid { name: ctx.name.get_untracked(), network: network.clone(), vlan_id: id }); }
                                        >{crate::tr!(server.networks.make_pvid)}</button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <form
                class="form remove-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    let text = net.removal_text(&n2);
                    // Removing every VLAN removes the interface: a reboot, confirmed first.
                    let all = crate::model::network::parse_vlans(&text)
                        .map(|(a, b)| all_ids.iter().all(|v| (a..=b).contains(v)))
                        .unwrap_or(false);
                    if all {
                        net.pending_remove.set(Some((n2.clone(), text)));
                    } else {
                        net.remove.dispatch(RemoveVlans { name: ctx.name.get_untracked(), network: n2.clone(), vlans: text });
                    }
                }
            >
                <label class="field">
                    <span>{crate::tr!(server.networks.remove_label)}</span>
                    <input
                        name="remove"
                        inputmode="numeric"
                        placeholder=crate::tr!(server.networks.remove_placeholder)
                        prop:value={let n = n3.clone(); move || net.removal_text(&n)}
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            net.removing.update(|r| {
                                r.retain(|(n, _)| *n != n3);
                                r.push((n3.clone(), text));
                            });
                        }
                    />
                    <FieldError error=remove_error field="remove" />
                </label>
                <button class="btn" type="submit" data-testid="vlan-remove" disabled=move || unstable || busy.get().is_some() || net.remove.pending().get()>{crate::tr!(server.networks.remove)}</button>
            </form>
            <Show when=parses.clone()><ShowApiCall call=shown /></Show>
            <details class="setup" data-testid="setup">
                <summary>{crate::tr!(server.networks.configure)}</summary>
                <p class="muted small">
                    {crate::tr!(server.networks.configure_hint, address = address.clone()).to_string()}
                </p>
                <pre class="code"><code data-testid="setup-commands">{script.clone()}</code></pre>
                <CopyButton text=script what=crate::tr!(server.networks.commands) />
            </details>
        </section>
    }
}

/// The reboot confirmation of a removal that takes the last VLANs.
#[component]
pub fn RemoveDialog() -> impl IntoView {
    let ctx = expect_context::<DetailCtx>();
    let net = expect_context::<NetCtx>();
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(net.pending_remove.with(Option::is_some)));
    Effect::new(move |prev: Option<bool>| {
        let now = open.get();
        if prev == Some(true) && !now {
            net.pending_remove.set(None);
        }
        now
    });
    view! {
        <Dialog open title=crate::tr!(server.networks.remove_dialog) id="vlan-remove-dialog">
            <p>{crate::tr!(server.networks.remove_dialog_text)}<strong>{crate::tr!(server.networks.reboots)}</strong>"."</p>
            <ShowApiCall call=Signal::derive(move || {
                let (network, vlans) = net.pending_remove.get().unwrap_or_default();
                ApiCall::delete_vlans_form(&ctx.name.get(), &network, &vlans)
                    .unwrap_or_else(|| ApiCall::delete_vlans(&ctx.name.get(), &network, vlans.trim()))
            }) />
            <DialogActions
                open
                pending=net.remove.pending()
                label=crate::tr!(server.networks.remove_confirm)
                busy=crate::tr!(server.sending)
                danger=true
                test_id="vlan-remove-confirm"
                on_confirm=Callback::new(move |()| {
                    if let Some((network, vlans)) = net.pending_remove.get_untracked() {
                        net.remove.dispatch(RemoveVlans { name: ctx.name.get_untracked(), network, vlans });
                    }
                })
            />
        </Dialog>
    }
}

/// Toasts and followed actions when the tab's changes answer.
pub fn follow_answers(ctx: DetailCtx, net: NetCtx) {
    let live = use_live();
    let toasts = use_toasts();
    Effect::new(move |_| {
        if let Some(r) = net.add.value().get() {
            net.confirm_open.set(false);
            match r {
                Ok(id) => {
                    let name = ctx.name.get_untracked();
                    toasts.ok(crate::tr!(
                        server.networks.adding,
                        vlans = net.vlans.get_untracked().trim().to_string()
                    )
                    .to_string());
                    net.make_pvid.set(None);
                    live.watch(
                        id,
                        crate::tr!(server.networks.vlan_ready, name = name.clone()).to_string(),
                        crate::tr!(server.networks.vlan_failed, name = name.clone()).to_string(),
                    );
                    net.data.refetch();
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = net.pvid.value().get() {
            match r {
                Ok(id) => {
                    toasts.ok(crate::tr!(server.networks.pvid_changing));
                    live.watch(
                        id,
                        crate::tr!(server.networks.pvid_changed),
                        crate::tr!(server.networks.pvid_failed),
                    );
                    net.data.refetch();
                }
                Err(e) => report_failure(&e),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(r) = net.remove.value().get() {
            net.pending_remove.set(None);
            match r {
                Ok(id) => {
                    toasts.ok(crate::tr!(server.networks.removing));
                    live.watch(
                        id,
                        crate::tr!(server.networks.removed),
                        crate::tr!(server.networks.not_removed),
                    );
                    net.removing.set(Vec::new());
                    net.data.refetch();
                }
                Err(e) => report_failure(&e),
            }
        }
    });
}
