//! Group, support plan and reserved period.

use leptos::prelude::*;

use super::{CreateCtx, Problem};
use crate::model::server::{reserved_formula, RESERVE_MONTHS};

#[component]
pub fn ChoicesSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let (groups, reserved_ok) = ctx
        .options
        .with_value(|o| (o.groups.clone(), o.reserved_available));
    let support = move |code: &'static str, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="support"
                    value=code
                    prop:checked=move || ctx.form.with(|f| f.support == code)
                    on:change=move |_| ctx.update(|f| f.support = code.to_string())
                />
                <span><strong>{label}</strong><span class="muted small block">{hint}</span></span>
            </label>
        }
    };
    view! {
        <section class="card create-section" aria-labelledby="more-h">
            <h2 id="more-h">{crate::tr!(create.more)}</h2>
            <label class="field">
                <span>{crate::tr!(create.group)}</span>
                <select name="group" on:change=move |ev| ctx.update(|f| f.group = event_target_value(&ev))>
                    <option value="" selected=move || ctx.form.with(|f| f.group.is_empty())>{crate::tr!(create.no_group)}</option>
                    {groups.into_iter().map(|g| {
                        let id = g.id.clone();
                        view! { <option value=g.id.clone() selected=move || ctx.form.with(|f| f.group == id)>{format!("{} ({})", g.label, g.id)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <Problem field="group" />
            <fieldset class="choices">
                <legend>{crate::tr!(create.support_plan)}</legend>
                <div class="choice-grid">
                    {support("", crate::tr!(create.unmanaged), crate::tr!(create.unmanaged_hint))}
                    {support("basic", crate::tr!(create.basic), crate::tr!(create.basic_hint))}
                    {support("global", crate::tr!(create.global), crate::tr!(create.global_hint))}
                </div>
                <p class="muted small">{crate::tr!(create.proactive)}</p>
            </fieldset>
            <Problem field="support" />
            <label class="field">
                <span>{crate::tr!(create.reserved_period)}</span>
                <select
                    name="reserved"
                    disabled=!reserved_ok
                    on:change=move |ev| ctx.update(|f| f.reserved_months = event_target_value(&ev).parse().unwrap_or(0))
                >
                    <option value="0" selected=move || ctx.form.with(|f| f.reserved_months == 0)>{crate::tr!(create.not_reserved)}</option>
                    {RESERVE_MONTHS.into_iter().map(|m| view! {
                        <option value=m.to_string() selected=move || ctx.form.with(|f| f.reserved_months == m)>{crate::tr!(create.months, months = m).to_string()}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="muted small">
                {move || {
                    let f = ctx.form.get();
                    if !reserved_ok {
                        crate::tr!(create.reserved_off).to_string()
                    } else if f.reserved_months > 0 {
                        crate::tr!(create.reserved_sent, formula = reserved_formula(f.reserved_months, &f.plan)).to_string()
                    } else {
                        crate::tr!(create.reserved_hint).to_string()
                    }
                }}
            </p>
            <Problem field="reserved" />
        </section>
    }
}
