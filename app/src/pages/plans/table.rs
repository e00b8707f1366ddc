//! The comparison table: one row a plan, one column a region saying whether the plan can be
//! created there now. Headers sort (links: the sort lives in the URL). On phones rows become cards.

use leptos::prelude::*;

use crate::components::table::SortHeader;
use crate::model::create::{Availability, PlanOption, RegionOption};
use crate::model::plans::{create_href, euro, Catalogue};
use crate::model::table::TableQuery;

const BASE: &str = "/plans";

#[component]
pub fn PlanTable(
    rows: Vec<PlanOption>,
    cat: StoredValue<Catalogue>,
    query: Memo<TableQuery>,
) -> impl IntoView {
    let regions = cat.with_value(|c| c.regions.clone());
    let known = cat.with_value(|c| c.availability_known());
    let region_filter = query.with_untracked(|q| q.filter("region").to_string());
    view! {
        <div class="table-wrap card">
            <table class="table plan-catalogue" data-testid="plans-table">
                <thead>
                    <tr>
                        <SortHeader base=BASE query key="name" label=crate::tr!(plans.col_plan) />
                        <SortHeader base=BASE query key="family" label=crate::tr!(plans.family) />
                        <SortHeader base=BASE query key="cpu" label="vCPU" />
                        <SortHeader base=BASE query key="ram" label="RAM" />
                        <SortHeader base=BASE query key="disk" label=crate::tr!(plans.col_disk) />
                        <SortHeader base=BASE query key="gpu" label="GPU" />
                        <SortHeader base=BASE query key="hourly" label=crate::tr!(plans.col_hour) />
                        <SortHeader base=BASE query key="monthly" label=crate::tr!(plans.col_month) />
                        <th scope="col">"Windows"</th>
                        {regions.iter().map(|r| view! {
                            <th scope="col" class="col-region" title=format!("{} ({})", r.city, r.code)>
                                {r.city.clone()}
                            </th>
                        }).collect_view()}
                        <th scope="col"><span class="sr-only">{crate::tr!(plans.create)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|plan| view! {
                        <Row plan regions=regions.clone() known region_filter=region_filter.clone() />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(
    plan: PlanOption,
    regions: Vec<RegionOption>,
    known: bool,
    region_filter: String,
) -> impl IntoView {
    let creatable_somewhere = !known || !plan.placeable.is_empty();
    let create = if creatable_somewhere {
        let href = create_href(&plan.name, &region_filter);
        view! {
            <a class="btn btn-sm" href=href aria-label=crate::tr!(plans.create_with, plan = plan.name.clone()).to_string()>{crate::tr!(plans.create)}</a>
        }
        .into_any()
    } else {
        view! { <span class="muted small" title=crate::tr!(plans.no_room)>{crate::tr!(plans.sold_out)}</span> }.into_any()
    };
    view! {
        <tr data-testid="plan-row" data-plan=plan.name.clone()>
            <td class="col-name" data-label=crate::tr!(plans.col_plan)>
                <strong class="plan">{plan.name.clone()}</strong>
            </td>
            <td data-label=crate::tr!(plans.family) class="col-family">
                {crate::model::plans::family_label(&plan.family).to_string()}
            </td>
            <td class="num" data-label="vCPU">{plan.cpu.map(|c| c.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="num" data-label="RAM">{if plan.ram.is_empty() { "—".to_string() } else { plan.ram.clone() }}</td>
            <td class="num" data-label=crate::tr!(plans.col_disk)>{plan.disk_gb.map(|d| format!("{d} GB")).unwrap_or_else(|| "—".into())}</td>
            <td data-label="GPU" class=if plan.gpu.is_some() { "col-gpu" } else { "col-gpu no-gpu" }>
                {match plan.gpu.clone() {
                    Some(g) => view! { <span class="tag tag-gpu">{g}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="num" data-label=crate::tr!(plans.col_hour)>{euro(plan.hourly, 3)}</td>
            <td class="num price-month" data-label=crate::tr!(plans.col_month) data-testid="monthly">{euro(plan.monthly, 0)}</td>
            <td data-label="Windows">
                {if plan.windows {
                    view! { <span>{crate::tr!(plans.yes)}</span> }.into_any()
                } else {
                    view! { <span class="muted">{crate::tr!(plans.no)}</span> }.into_any()
                }}
            </td>
            {regions.into_iter().map(|r| {
                let a = plan.availability(&r.code);
                view! {
                    <td class="col-region" data-label=r.city.clone() data-region=r.code.clone() data-availability=slug(a, known)>
                        <AvailabilityCell a known city=r.city.clone() />
                    </td>
                }
            }).collect_view()}
            <td class="col-create">{create}</td>
        </tr>
    }
}

fn slug(a: Availability, known: bool) -> &'static str {
    match (a, known) {
        (Availability::NotOffered, _) => "not-offered",
        (_, false) => "unknown",
        (Availability::Available, true) => "available",
        (Availability::SoldOut, true) => "sold-out",
    }
}

#[component]
fn AvailabilityCell(a: Availability, known: bool, city: String) -> impl IntoView {
    match (a, known) {
        (Availability::NotOffered, _) => view! {
            <span class="avail avail-none" title=crate::tr!(plans.not_offered_in, city = city.clone()).to_string()>
                <span aria-hidden="true">"—"</span>
                <span class="sr-only">{crate::tr!(plans.not_offered)}</span>
            </span>
        }
        .into_any(),
        (_, false) => view! { <span class="avail avail-unknown">{crate::tr!(plans.offered)}</span> }.into_any(),
        (Availability::Available, true) => {
            view! { <span class="badge badge-ok">{crate::tr!(plans.available)}</span> }.into_any()
        }
        (Availability::SoldOut, true) => {
            view! { <span class="badge badge-soldout">{crate::tr!(plans.sold_out)}</span> }.into_any()
        }
    }
}
