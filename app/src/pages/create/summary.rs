//! The summary beside the form: what will be created and what it costs, the create button, and the
//! equivalent API call (`curl`), built from the same body the server will send.

use leptos::prelude::*;

use super::plan::euro;
use super::{CreateCtx, Problem};
use crate::components::api_call::ShowApiCall;
use crate::model::create_check::{body, create_call, display_name};
use crate::model::server::reserved_formula;

#[component]
pub fn Summary() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let plan = move || {
        let name = ctx.form.with(|f| f.plan.clone());
        ctx.options.with_value(|o| o.plan(&name).cloned())
    };
    let line = |label: &'static str, value: String| {
        view! { <div class="kv"><dt>{label}</dt><dd>{value}</dd></div> }
    };
    let call = Signal::derive(move || {
        let today = ctx.options.with_value(|o| o.today.clone());
        create_call(&ctx.form.with(|f| body(f, &today)))
    });
    let pending = ctx.submit.pending();
    view! {
        <aside class="create-summary card" aria-labelledby="summary-h" data-testid="summary">
            <h2 id="summary-h">{crate::tr!(create.summary)}</h2>
            <dl class="kvs">
                {move || {
                    let f = ctx.form.get();
                    let (today, city, image) = ctx.options.with_value(|o| {
                        (o.today.clone(), o.city(&f.region).to_string(), o.image(&f.image).map(|i| i.label.clone()))
                    });
                    let p = plan();
                    view! {
                        {line(crate::tr!(create.name), display_name(&f, &today))}
                        {line(crate::tr!(create.plan), p.as_ref().map(|p| format!("{} · {} vCPU · {} · {} GB", p.name, p.cpu.unwrap_or(0), p.ram, p.disk_gb.unwrap_or(0))).unwrap_or_else(|| "—".into()))}
                        {p.as_ref().and_then(|p| p.gpu.clone()).map(|g| line(crate::tr!(create.gpu), g))}
                        {line(crate::tr!(create.region), if f.region.is_empty() { "—".into() } else { format!("{city} ({})", f.region) })}
                        {line(crate::tr!(create.image), image.unwrap_or_else(|| "—".into()))}
                        {line(crate::tr!(create.access), if f.ssh_key.is_empty() { crate::tr!(create.one_time_password).into() } else { crate::tr!(create.ssh_key_named, key = f.ssh_key.clone()).to_string() })}
                        {(!f.isolate_from.is_empty()).then(|| line(crate::tr!(create.isolated_from), f.isolate_from.join(", ")))}
                        {(!f.group.is_empty()).then(|| line(crate::tr!(create.group), f.group.clone()))}
                        {(!f.support.is_empty()).then(|| line(crate::tr!(create.support), f.support.clone()))}
                        {(f.reserved_months > 0).then(|| line(crate::tr!(create.reserved), crate::tr!(create.months_formula, months = f.reserved_months, formula = reserved_formula(f.reserved_months, &f.plan)).to_string()))}
                    }
                }}
            </dl>
            <p class="price" data-testid="price">
                {move || plan().map(|p| view! {
                    <strong>{euro(p.monthly, 0)}</strong><span class="muted">{crate::tr!(create.a_month)}</span>
                    <span class="muted small block">{crate::tr!(create.an_hour, price = euro(p.hourly, 3)).to_string()}</span>
                })}
                {move || (ctx.form.with(|f| f.reserved_months) > 0).then(|| view! {
                    <span class="muted small block">{crate::tr!(create.reserved_discount)}</span>
                })}
            </p>
            <Problem field="form" />
            <button class="btn btn-primary btn-block" type="submit" data-testid="create-submit" disabled=move || pending.get()>
                {move || if pending.get() { crate::tr!(create.creating) } else { crate::tr!(create.create) }}
            </button>
            <ShowApiCall call />
            // Fixed at the bottom on narrow screens (CSS); inside the aside to keep one root.
            <div class="mobile-bar">
            <span>
                {move || plan().map(|p| view! {
                    <strong>{euro(p.monthly, 0)}</strong><span class="muted">{crate::tr!(create.a_month_plan, plan = p.name.clone()).to_string()}</span>
                })}
            </span>
            <button class="btn btn-primary" type="submit" disabled=move || pending.get()>
                {move || if pending.get() { crate::tr!(create.creating) } else { crate::tr!(create.create) }}
            </button>
            </div>
        </aside>
    }
}
