//! Name, access (an SSH key or a one-time password by email), isolation and a private network.

use leptos::prelude::*;

use super::{CreateCtx, Problem};
use crate::model::create_check::generated_name;

#[component]
pub fn NameSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let generated = move || {
        let today = ctx.options.with_value(|o| o.today.clone());
        ctx.form.with(|f| generated_name(f, &today))
    };
    view! {
        <section class="card create-section" aria-labelledby="name-h">
            <h2 id="name-h">{crate::tr!(create.name)}</h2>
            <label class="field">
                <span>{crate::tr!(create.display_name)}</span>
                <input
                    name="notes"
                    maxlength="64"
                    autocomplete="off"
                    placeholder=generated
                    prop:value=move || ctx.form.with(|f| f.notes.clone())
                    on:input=move |ev| ctx.update(|f| f.notes = event_target_value(&ev))
                />
            </label>
            <p class="muted small" data-testid="name-hint">
                {move || if ctx.form.with(|f| f.notes.trim().is_empty()) {
                    crate::tr!(create.generated, name = generated()).to_string()
                } else {
                    crate::tr!(create.spaces).to_string()
                }}
            </p>
            <Problem field="notes" />
        </section>
    }
}

#[component]
pub fn AccessSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let keys = ctx.options.with_value(|o| o.ssh_keys.clone());
    view! {
        <section class="card create-section" aria-labelledby="access-h">
            <h2 id="access-h">{crate::tr!(create.access)}</h2>
            <label class="field">
                <span>{crate::tr!(create.ssh_key)}</span>
                <select name="ssh_key" on:change=move |ev| ctx.update(|f| f.ssh_key = event_target_value(&ev))>
                    <option value="" selected=move || ctx.form.with(|f| f.ssh_key.is_empty())>
                        {crate::tr!(create.no_key)}
                    </option>
                    {keys.into_iter().map(|k| {
                        let label = k.clone();
                        view! { <option value=k.clone() selected=move || ctx.form.with(|f| f.ssh_key == label)>{k.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <p class="muted small">{crate::tr!(create.keys_registered)}<a href="/ssh-keys">{crate::tr!(create.keys_page)}</a>{crate::tr!(create.keys_registered_end)}</p>
            <Problem field="ssh_key" />
        </section>
    }
}

#[component]
pub fn IsolationSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let servers = ctx.options.with_value(|o| o.servers.clone());
    // Some host in the region must be free of every server chosen (hosts from /plans/availables).
    let warning = move || {
        let f = ctx.form.get();
        if f.isolate_from.is_empty() {
            return None;
        }
        ctx.options.with_value(|o| {
            // Without `/plans/availables` nothing is known about hosts.
            if o.availability_unknown.is_some() {
                return None;
            }
            let plan = o.plan(&f.plan)?;
            let placement = plan.placeable.iter().find(|p| p.region == f.region)?;
            let satisfiable = placement
                .hosts
                .iter()
                .any(|host| !host.iter().any(|s| f.isolate_from.contains(s)));
            (!satisfiable).then(|| {
                crate::tr!(
                    create.isolation_impossible,
                    city = o.city(&f.region),
                    plan = plan.name.clone()
                )
            })
        })
    };
    view! {
        <section class="card create-section" aria-labelledby="iso-h">
            <h2 id="iso-h">{crate::tr!(create.isolation)}</h2>
            <p class="muted small">{crate::tr!(create.isolation_hint)}</p>
            {if servers.is_empty() {
                view! { <p class="muted">{crate::tr!(create.no_other)}</p> }.into_any()
            } else {
                view! {
                    <div class="iso-list">
                        {servers.into_iter().map(|s| {
                            let name = s.name.clone();
                            let checked = {
                                let name = name.clone();
                                move || ctx.form.with(|f| f.isolate_from.contains(&name))
                            };
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        name="isolate_from"
                                        value=name.clone()
                                        prop:checked=checked
                                        on:change=move |_| ctx.update(|f| {
                                            if let Some(i) = f.isolate_from.iter().position(|n| *n == name) {
                                                f.isolate_from.remove(i);
                                            } else {
                                                f.isolate_from.push(name.clone());
                                            }
                                        })
                                    />
                                    <span class="mono">{s.name.clone()}</span>
                                    <span>{s.notes.clone()}</span>
                                    <span class="muted small">{s.region.clone()}</span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
            {move || warning().map(|w| view! { <p class="notice notice-warn" data-testid="isolation-warning">{w}</p> })}
            <Problem field="isolate_from" />
        </section>
    }
}

/// A private network to attach the new server to, with its VLAN (made the PVID) or a range.
#[component]
pub fn NetworkSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let networks = ctx.options.with_value(|o| o.networks.clone());
    let chosen = move || ctx.form.with(|f| !f.network.is_empty());
    view! {
        <section class="card create-section" aria-labelledby="net-h">
            <h2 id="net-h">{crate::tr!(create.private_network)}</h2>
            {if networks.is_empty() {
                view! { <p class="muted small">{crate::tr!(create.no_networks)} <a href="/networks">{crate::tr!(common.nav.networks)}</a></p> }.into_any()
            } else {
                view! {
                    <label class="field">
                        <span>{crate::tr!(create.network)}</span>
                        <select name="network" on:change=move |ev| ctx.update(|f| {
                            f.network = event_target_value(&ev);
                            if f.network_vlans.trim().is_empty() {
                                f.network_vlans = "100".into();
                            }
                        })>
                            <option value="" selected=move || !chosen()>{crate::tr!(create.none)}</option>
                            {networks.into_iter().map(|n| {
                                let value = n.clone();
                                view! { <option value=n.clone() selected=move || ctx.form.with(|f| f.network == value)>{n.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field" hidden=move || !chosen()>
                        <span>{crate::tr!(create.vlan)}</span>
                        <input
                            name="network_vlans"
                            inputmode="numeric"
                            placeholder="100"
                            prop:value=move || ctx.form.with(|f| f.network_vlans.clone())
                            on:input=move |ev| ctx.update(|f| f.network_vlans = event_target_value(&ev))
                        />
                    </label>
                    <p class="muted small" hidden=move || !chosen()>{crate::tr!(create.vlan_hint)}</p>
                    <Problem field="network_vlans" />
                    <Problem field="network" />
                }.into_any()
            }}
        </section>
    }
}
