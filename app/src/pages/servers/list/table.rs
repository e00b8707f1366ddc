//! The servers table. Sortable headers are links (the sort lives in the URL); each row's status
//! follows the live feed; a checkbox per row feeds the bulk bar. On phones rows become cards.

use leptos::prelude::*;

use crate::i18n::td_string;

use crate::components::address::Address;
use crate::components::live::use_live;
use crate::components::status::StatusBadge;
use crate::components::table::SortHeader;
use crate::components::when::When;
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
    let l = crate::locale::untracked();
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
                                aria-label=td_string!(l, servers.select_all)
                                prop:checked=all_checked
                                on:change=toggle_all
                            />
                        </th>
                        <SortHeader base=BASE query key="name" label=td_string!(l, servers.col_server) default=true />
                        <SortHeader base=BASE query key="status" label=td_string!(l, servers.status) />
                        <SortHeader base=BASE query key="plan" label=td_string!(l, servers.plan) />
                        <SortHeader base=BASE query key="region" label=td_string!(l, servers.region) />
                        <th scope="col">{td_string!(l, servers.col_addresses)}</th>
                        <th scope="col">{td_string!(l, servers.group)}</th>
                        <SortHeader base=BASE query key="created" label=td_string!(l, servers.col_created) />
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
    let l = crate::locale::untracked();
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
                    aria-label=td_string!(l, servers.select, name = title.clone()).to_string()
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <td class="col-name" data-label=td_string!(l, servers.col_server)>
                <a class="server-title" href=href>{title}</a>
                <span class="mono muted small">{row.name.clone()}</span>
                <span class="badges">
                    {row.reserved_until.clone().map(|r| view! {
                        <span class="tag tag-reserved" title=td_string!(l, servers.reserved_until, when = r.exact(l)).to_string()>{td_string!(l, servers.reserved)}</span>
                    })}
                    {row.support.clone().map(|s| view! {
                        <span class="tag tag-support" title=td_string!(l, servers.support_plan)>{s}</span>
                    })}
                </span>
            </td>
            <td class="col-status" data-label=td_string!(l, servers.status)>
                <StatusBadge health=row.health progress=row.progress running />
            </td>
            <td data-label=td_string!(l, servers.plan)>
                <span class="plan">{row.plan.clone()}</span>
                <span class="muted small block">{row.size.clone()}</span>
                {row.gpu.clone().map(|g| view! { <span class="tag tag-gpu">{g}</span> })}
            </td>
            <td data-label=td_string!(l, servers.region)>
                {row.region_label.clone()}
                <span class="muted small block">{row.os_label.clone()}</span>
            </td>
            <td class="col-ip" data-label=td_string!(l, servers.col_addresses)>
                <Address ip=row.ipv4.clone() what=td_string!(l, servers.ipv4) />
                <Address ip=row.ipv6.clone() what=td_string!(l, servers.ipv6) />
            </td>
            <td data-label=td_string!(l, servers.group)>
                {match row.group.clone() {
                    Some(g) => view! { <span class="tag">{g.label}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td data-label=td_string!(l, servers.col_created)>
                {row.created.clone().map(|c| view! {
                    <When at=c/>
                })}
            </td>
        </tr>
    }
}
