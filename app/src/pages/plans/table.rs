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
                        <SortHeader base=BASE query key="name" label="Plan" />
                        <SortHeader base=BASE query key="family" label="Family" />
                        <SortHeader base=BASE query key="cpu" label="vCPU" />
                        <SortHeader base=BASE query key="ram" label="RAM" />
                        <SortHeader base=BASE query key="disk" label="Disk" />
                        <SortHeader base=BASE query key="gpu" label="GPU" />
                        <SortHeader base=BASE query key="hourly" label="Hour" />
                        <SortHeader base=BASE query key="monthly" label="Month" />
                        <th scope="col">"Windows"</th>
                        {regions.iter().map(|r| view! {
                            <th scope="col" class="col-region" title=format!("{} ({})", r.city, r.code)>
                                {r.city.clone()}
                            </th>
                        }).collect_view()}
                        <th scope="col"><span class="sr-only">"Create"</span></th>
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
            <a class="btn btn-sm" href=href aria-label=format!("Create a server with {}", plan.name)>"Create"</a>
        }
        .into_any()
    } else {
        view! { <span class="muted small" title="No region has room for it right now">"Sold out"</span> }.into_any()
    };
    view! {
        <tr data-testid="plan-row" data-plan=plan.name.clone()>
            <td class="col-name" data-label="Plan">
                <strong class="plan">{plan.name.clone()}</strong>
            </td>
            <td data-label="Family" class="col-family">
                {plan.family.clone()}
            </td>
            <td class="num" data-label="vCPU">{plan.cpu.map(|c| c.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="num" data-label="RAM">{if plan.ram.is_empty() { "—".to_string() } else { plan.ram.clone() }}</td>
            <td class="num" data-label="Disk">{plan.disk_gb.map(|d| format!("{d} GB")).unwrap_or_else(|| "—".into())}</td>
            <td data-label="GPU" class=if plan.gpu.is_some() { "col-gpu" } else { "col-gpu no-gpu" }>
                {match plan.gpu.clone() {
                    Some(g) => view! { <span class="tag tag-gpu">{g}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td class="num" data-label="Hour">{euro(plan.hourly, 3)}</td>
            <td class="num price-month" data-label="Month" data-testid="monthly">{euro(plan.monthly, 0)}</td>
            <td data-label="Windows">
                {if plan.windows {
                    view! { <span>"Yes"</span> }.into_any()
                } else {
                    view! { <span class="muted">"No"</span> }.into_any()
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
            <span class="avail avail-none" title=format!("Not offered in {city}")>
                <span aria-hidden="true">"—"</span>
                <span class="sr-only">"Not offered"</span>
            </span>
        }
        .into_any(),
        (_, false) => view! { <span class="avail avail-unknown">"Offered"</span> }.into_any(),
        (Availability::Available, true) => {
            view! { <span class="badge badge-ok">"Available"</span> }.into_any()
        }
        (Availability::SoldOut, true) => {
            view! { <span class="badge badge-soldout">"Sold out"</span> }.into_any()
        }
    }
}
