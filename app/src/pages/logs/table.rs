//! The log table: an entry a row (a card on phones), its id opening everything ECS recorded.

use leptos::prelude::*;

use crate::components::when::When;
use crate::model::logs::{LogRow, LogTarget};

#[component]
pub fn LogTable(rows: Vec<LogRow>) -> impl IntoView {
    view! {
        <div class="table-wrap card">
            <table class="table logs" data-testid="logs-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(logs.col.entry)}</th>
                        <th scope="col">{crate::tr!(logs.col.action)}</th>
                        <th scope="col">{crate::tr!(logs.col.severity)}</th>
                        <th scope="col">{crate::tr!(logs.col.status)}</th>
                        <th scope="col">{crate::tr!(logs.col.target)}</th>
                        <th scope="col">{crate::tr!(logs.col.by)}</th>
                        <th scope="col">{crate::tr!(logs.col.from)}</th>
                        <th scope="col">{crate::tr!(logs.col.when)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(row: LogRow) -> impl IntoView {
    let id = row.id;
    view! {
        <tr data-testid="log-row" data-id=id data-severity=row.severity_text.to_lowercase() data-failed=row.failed.to_string()>
            <td data-label=crate::tr!(logs.col.entry)><a class="mono" href=format!("/logs/{id}") aria-label=crate::tr!(logs.entry_details, id = id).to_string()>{format!("#{id}")}</a></td>
            <td class="col-name" data-label=crate::tr!(logs.col.action)>{row.action.clone()}</td>
            <td data-label=crate::tr!(logs.col.severity)><span class=row.severity.badge()>{row.severity_text.clone()}</span></td>
            <td data-label=crate::tr!(logs.col.status)>
                <span class=if row.failed { "badge badge-danger" } else { "badge badge-ok" }>{row.status_text.clone()}</span>
            </td>
            <td data-label=crate::tr!(logs.col.target)>{target_cell(row.target.clone())}</td>
            <td data-label=crate::tr!(logs.col.by)><span class="who">{row.actor.clone()}</span></td>
            <td data-label=crate::tr!(logs.col.from)>
                <span class="mono">{row.ip.clone().unwrap_or_else(|| "—".into())}</span>
                {row.user_agent.clone().map(|ua| {
                    let full = ua.clone();
                    view! { <span class="muted small block ua" title=full>{ua}</span> }
                })}
            </td>
            <td data-label=crate::tr!(logs.col.when)>
                {row.when.clone().map(|s| view! { <When at=s/> })}
            </td>
        </tr>
    }
}

/// A target with its kind; linked when the panel has its page.
pub fn target_cell(target: Option<LogTarget>) -> AnyView {
    let Some(t) = target else {
        return view! { <span class="muted">"—"</span> }.into_any();
    };
    let kind = (!t.kind.is_empty())
        .then(|| view! { <span class="muted small block">{t.kind.clone()}</span> });
    match t.href {
        Some(href) => view! { <a class="mono" href=href>{t.name}</a>{kind} }.into_any(),
        None => view! { <span class="mono">{t.name}</span>{kind} }.into_any(),
    }
}
