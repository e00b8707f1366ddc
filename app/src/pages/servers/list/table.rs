//! The servers table. Sortable headers are links (the sort lives in the URL); each row's status
//! follows the live feed; a checkbox per row feeds the bulk bar. On phones rows become cards.

use leptos::prelude::*;

use crate::components::address::Address;
use crate::components::live::use_live;
use crate::components::status::StatusBadge;
use crate::components::table::SortHeader;
use crate::model::server::ServerRow;
use crate::model::table::TableQuery;

const BASE: &str = "/servers";

#[component]
pub fn ServerTable(
    rows: Vec<ServerRow>,
    query: Memo<TableQuery>,
    selected: RwSignal<Vec<String>>,
    /// The names on this page, for "select all".
    shown: Vec<String>,
) -> impl IntoView {
    let all_shown = StoredValue::new(shown.clone());
    let all_checked = move || {
        selected.with(|s| {
            all_shown.with_value(|shown| !shown.is_empty() && shown.iter().all(|n| s.contains(n)))
        })
    };
    let toggle_all = move |_| {
        let every = all_checked();
        selected.update(|s| {
            if every {
                s.retain(|n| !shown.contains(n));
            } else {
                for n in &shown {
                    if !s.contains(n) {
                        s.push(n.clone());
                    }
                }
            }
        });
    };
    view! {
        <div class="table-wrap card">
            <table class="table servers" data-testid="servers-table">
                <thead>
                    <tr>
                        <th scope="col" class="col-check">
                            <input
                                type="checkbox"
                                aria-label="Select all servers on this page"
                                prop:checked=all_checked
                                on:change=toggle_all
                            />
                        </th>
                        <SortHeader base=BASE query key="name" label="Server" default=true />
                        <SortHeader base=BASE query key="status" label="Status" />
                        <SortHeader base=BASE query key="plan" label="Plan" />
                        <SortHeader base=BASE query key="region" label="Region" />
                        <th scope="col">"Addresses"</th>
                        <th scope="col">"Group"</th>
                        <SortHeader base=BASE query key="created" label="Created" />
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <Row row selected /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(row: ServerRow, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let live = use_live();
    let name = row.name.clone();
    let running = Signal::derive({
        let name = name.clone();
        move || live.on(&name)
    });
    let checked = {
        let name = name.clone();
        move || selected.with(|s| s.contains(&name))
    };
    let toggle = {
        let name = name.clone();
        move |_| {
            selected.update(|s| {
                if let Some(i) = s.iter().position(|n| *n == name) {
                    s.remove(i);
                } else {
                    s.push(name.clone());
                }
            })
        }
    };
    let href = format!("/servers/{}", row.name);
    let title = row.title().to_string();
    view! {
        <tr data-testid="server-row" data-name=row.name.clone()>
            <td class="col-check">
                <input
                    type="checkbox"
                    aria-label=format!("Select {title}")
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <td class="col-name" data-label="Server">
                <a class="server-title" href=href>{title}</a>
                <span class="mono muted small">{row.name.clone()}</span>
                <span class="badges">
                    {row.reserved_until.clone().map(|r| view! {
                        <span class="tag tag-reserved" title=format!("Reserved until {}", r.exact)>"Reserved"</span>
                    })}
                    {row.support.clone().map(|s| view! {
                        <span class="tag tag-support" title="Support plan">{s}</span>
                    })}
                </span>
            </td>
            <td class="col-status" data-label="Status">
                <StatusBadge health=row.health progress=row.progress running />
            </td>
            <td data-label="Plan">
                <span class="plan">{row.plan.clone()}</span>
                <span class="muted small block">{row.size.clone()}</span>
                {row.gpu.clone().map(|g| view! { <span class="tag tag-gpu">{g}</span> })}
            </td>
            <td data-label="Region">
                {row.region_label.clone()}
                <span class="muted small block">{row.os_label.clone()}</span>
            </td>
            <td class="col-ip" data-label="Addresses">
                <Address ip=row.ipv4.clone() what="IPv4 address" />
                <Address ip=row.ipv6.clone() what="IPv6 address" />
            </td>
            <td data-label="Group">
                {match row.group.clone() {
                    Some(g) => view! { <span class="tag">{g.label}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td data-label="Created">
                {row.created.clone().map(|c| view! {
                    <time datetime=c.iso.clone() title=c.exact.clone()>{c.relative.clone()}</time>
                })}
            </td>
        </tr>
    }
}
