//! Plan and region: a plan table grouped by family with sizes and prices, and the regions. A plan
//! that cannot be created in the chosen region (and a region the plan cannot use) is disabled
//! with the reason, from `/plans` and `/plans/availables`.

use leptos::prelude::*;

use super::{CreateCtx, Problem};
use crate::model::create::PlanOption;

/// Families in the order people shop them.
const FAMILIES: [&str; 5] = [
    "Standard",
    "Windows",
    "High memory",
    "GPU",
    "AI accelerator",
];

// Shared with the plans page.
pub use crate::model::plans::euro;

#[component]
pub fn PlanSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let plans = ctx.options.with_value(|o| o.plans.clone());
    view! {
        <section class="card create-section" aria-labelledby="plan-h">
            <h2 id="plan-h">{crate::tr!(create.plan)}</h2>
            {ctx.options.with_value(|o| o.availability_unknown.clone()).map(|why| view! {
                <p class="notice notice-warn" role="status" data-testid="availability-unknown">
                    {crate::tr!(create.unknown_capacity)} {why}
                    {crate::tr!(create.unknown_capacity_end)}
                </p>
            })}
            <div class="table-wrap plan-wrap">
                <table class="table plans" data-testid="plan-table">
                    <thead>
                        <tr>
                            <th scope="col"><span class="sr-only">{crate::tr!(create.choose)}</span></th>
                            <th scope="col">{crate::tr!(create.plan)}</th>
                            <th scope="col">"vCPU"</th>
                            <th scope="col">{crate::tr!(create.ram)}</th>
                            <th scope="col">{crate::tr!(create.disk)}</th>
                            <th scope="col">"GPU"</th>
                            <th scope="col" class="num">{crate::tr!(create.hour)}</th>
                            <th scope="col" class="num">{crate::tr!(create.month)}</th>
                        </tr>
                    </thead>
                    {FAMILIES
                        .iter()
                        .map(|family| {
                            let rows: Vec<PlanOption> = plans.iter().filter(|p| p.family == *family).cloned().collect();
                            (!rows.is_empty()).then(|| view! {
                                <tbody>
                                    <tr class="family"><th colspan="8" scope="rowgroup">{crate::model::plans::family_label(family)}</th></tr>
                                    {rows.into_iter().map(|p| view! { <PlanRow plan=p /> }).collect_view()}
                                </tbody>
                            })
                        })
                        .collect_view()}
                </table>
            </div>
            <Problem field="plan" />
        </section>
    }
}

#[component]
fn PlanRow(plan: PlanOption) -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let name = plan.name.clone();
    let why = {
        let plan = plan.clone();
        Memo::new(move |_| {
            let region = ctx.form.with(|f| f.region.clone());
            if region.is_empty() {
                return None;
            }
            ctx.options
                .with_value(|o| plan.unavailable_in(&region, o.city(&region)))
        })
    };
    let checked = {
        let name = name.clone();
        move || ctx.form.with(|f| f.plan == name)
    };
    let id = format!("plan-{}", plan.name);
    let pick = {
        let name = name.clone();
        move |_| ctx.update(|f| f.plan = name.clone())
    };
    view! {
        <tr class="plan-row" class:disabled=move || why.with(Option::is_some) data-plan=plan.name.clone()>
            <td>
                <input
                    type="radio"
                    name="plan"
                    id=id.clone()
                    value=plan.name.clone()
                    prop:checked=checked
                    disabled=move || why.with(Option::is_some)
                    on:change=pick
                />
            </td>
            <td>
                <label for=id><strong>{plan.name.clone()}</strong></label>
                {move || why.get().map(|w| view! { <span class="muted small block" data-testid="plan-why">{w}</span> })}
            </td>
            <td>{plan.cpu.map(|c| c.to_string()).unwrap_or_default()}</td>
            <td>{plan.ram.clone()}</td>
            <td>{plan.disk_gb.map(|d| format!("{d} GB")).unwrap_or_default()}</td>
            <td>{plan.gpu.clone().unwrap_or_else(|| "—".into())}</td>
            <td class="num">{euro(plan.hourly, 3)}</td>
            <td class="num">{euro(plan.monthly, 0)}</td>
        </tr>
    }
}

#[component]
pub fn RegionSection() -> impl IntoView {
    let ctx = expect_context::<CreateCtx>();
    let regions = ctx.options.with_value(|o| o.regions.clone());
    view! {
        <section class="card create-section" aria-labelledby="region-h">
            <h2 id="region-h">{crate::tr!(create.region)}</h2>
            <div class="choice-grid" role="radiogroup" aria-labelledby="region-h">
                {regions.into_iter().map(|r| {
                    let code = r.code.clone();
                    let city = r.city.clone();
                    let why = {
                        let (code, city) = (code.clone(), city.clone());
                        Memo::new(move |_| {
                            let plan = ctx.form.with(|f| f.plan.clone());
                            ctx.options.with_value(|o| o.plan(&plan).and_then(|p| p.unavailable_in(&code, &city)))
                        })
                    };
                    let checked = {
                        let code = code.clone();
                        move || ctx.form.with(|f| f.region == code)
                    };
                    let pick = {
                        let code = code.clone();
                        move |_| ctx.update(|f| f.region = code.clone())
                    };
                    view! {
                        <label class="choice" class:disabled=move || why.with(Option::is_some) data-region=code.clone()>
                            <input type="radio" name="region" value=code.clone() prop:checked=checked disabled=move || why.with(Option::is_some) on:change=pick />
                            <span>
                                <strong>{city}</strong>
                                <span class="muted small block mono">{code.clone()}</span>
                                {move || why.get().map(|w| view! { <span class="small block why">{w}</span> })}
                            </span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <Problem field="region" />
        </section>
    }
}
