//! The month's rows: every resource with what it cost and how, and the total.

use leptos::prelude::*;

use crate::model::consumption::{euros, hours, Kind, UsageRow};

#[component]
pub fn UsageTable(rows: Vec<UsageRow>, total: f64, kind: Kind) -> impl IntoView {
    let servers = kind == Kind::Servers;
    let hours_total: f64 = rows.iter().map(|r| r.hours).sum();
    view! {
        <div class="table-wrap card">
            <table class="table usage" data-testid="usage-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(consumption.col.resource)}</th>
                        {servers.then(|| view! { <th scope="col">{crate::tr!(consumption.col.plan)}</th><th scope="col">{crate::tr!(consumption.col.group)}</th> })}
                        <th scope="col">{crate::tr!(consumption.col.status)}</th>
                        <th scope="col" class="num">{crate::tr!(consumption.col.hours)}</th>
                        <th scope="col" class="num">{crate::tr!(consumption.col.cost)}</th>
                        <th scope="col">{crate::tr!(consumption.col.how)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! { <Row r servers /> }).collect_view()}
                </tbody>
                <tfoot>
                    <tr data-testid="usage-total">
                        <th scope="row">{crate::tr!(consumption.col.total)}</th>
                        {servers.then(|| view! { <td></td><td></td> })}
                        <td></td>
                        <td class="num">{hours(hours_total)}</td>
                        <td class="num" data-testid="usage-total-cost">{euros(total)}</td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[component]
fn Row(r: UsageRow, servers: bool) -> impl IntoView {
    let name = match r.href.clone() {
        Some(href) => view! { <a class="mono" href=href>{r.name.clone()}</a> }.into_any(),
        None => view! { <span class="mono">{r.name.clone()}</span> }.into_any(),
    };
    let dash = || "—".to_string();
    view! {
        <tr data-testid="usage-row" data-name=r.name.clone() data-cost=format!("{:.2}", r.cost)>
            <td class="col-name" data-label=crate::tr!(consumption.col.resource)>
                {name}
                {r.title.clone().map(|t| view! { <span class="muted small block">{t}</span> })}
            </td>
            {servers.then(|| view! {
                <td data-label=crate::tr!(consumption.col.plan)>{r.plan.clone().unwrap_or_else(dash)}</td>
                <td data-label=crate::tr!(consumption.col.group)>{r.group.clone().unwrap_or_else(dash)}</td>
            })}
            <td data-label=crate::tr!(consumption.col.status)>{if r.status.is_empty() { dash() } else { r.status.clone() }}</td>
            <td class="num" data-label=crate::tr!(consumption.col.hours)>{hours(r.hours)}</td>
            <td class="num" data-label=crate::tr!(consumption.col.cost)><strong>{euros(r.cost)}</strong></td>
            <td data-label=crate::tr!(consumption.col.how) class="small">
                {r.detail.iter().map(|d| view! { <span class="block">{d.clone()}</span> }).collect_view()}
                {r.original.filter(|o| *o > r.cost + 0.005).map(|o| view! { <span class="muted block">{crate::tr!(consumption.list_price, list = euros(o)).to_string()}</span> })}
            </td>
        </tr>
    }
}
