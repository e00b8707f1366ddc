//! The actions table. A running action's bar follows the live feed between reloads; on phones
//! rows become cards.

use leptos::prelude::*;

use crate::components::live::use_live;
use crate::components::status::Progress;
use crate::components::when::When;
use crate::model::actions::{ActionLine, Target};
use crate::model::activity::Outcome;

#[component]
pub fn ActionTable(lines: Vec<ActionLine>) -> impl IntoView {
    view! {
        <div class="table-wrap card">
            <table class="table actions-log" data-testid="actions-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(actions.col.action)}</th>
                        <th scope="col">{crate::tr!(actions.col.status)}</th>
                        <th scope="col">{crate::tr!(actions.col.resource)}</th>
                        <th scope="col">{crate::tr!(actions.col.by)}</th>
                        <th scope="col">{crate::tr!(actions.col.started)}</th>
                        <th scope="col" class="num">{crate::tr!(actions.col.took)}</th>
                    </tr>
                </thead>
                <tbody>
                    {lines.into_iter().map(|line| view! { <Row line /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Row(line: ActionLine) -> impl IntoView {
    let live = use_live();
    let ActionLine { row, target } = line;
    let id = row.id;
    let outcome = row.outcome;
    let fallback = row.progress;
    // The feed's progress is fresher than this page's; it is gone once the action ends.
    let progress = move || {
        live.running
            .with(|r| r.iter().find(|a| a.id == id).and_then(|a| a.progress))
            .or(fallback)
    };
    let started = row.started.clone().or(row.created.clone());
    let tone = outcome.tone();
    view! {
        <tr data-testid="action-row" data-id=id data-outcome=tone data-resource=row.resource.clone()>
            <td class="col-name" data-label=crate::tr!(actions.col.action)>
                <span class="action-kind">{row.kind.clone()}</span>
                <span class="mono muted small action-id">{format!("#{id}")}</span>
            </td>
            <td class="col-status" data-label=crate::tr!(actions.col.status)>
                <span class="status" data-testid="action-status">
                    <span class=format!("badge badge-{tone}")>{outcome.label()}</span>
                    {(outcome == Outcome::Running).then_some(move || view! { <Progress value=progress() /> })}
                </span>
            </td>
            <td class="col-target" data-label=crate::tr!(actions.col.resource)>
                <TargetCell target />
            </td>
            <td class="col-by" data-label=crate::tr!(actions.col.by)>
                {if row.user.is_empty() {
                    view! { <span class="muted">"—"</span> }.into_any()
                } else {
                    view! { <span class="who">{row.user.clone()}</span> }.into_any()
                }}
            </td>
            <td data-label=crate::tr!(actions.col.started)>
                {started.map(|s| view! { <When at=s/> })}
            </td>
            <td class="num" data-label=crate::tr!(actions.col.took)>
                {match (&row.took, outcome) {
                    (Some(t), _) => view! { <span>{t.clone()}</span> }.into_any(),
                    (None, Outcome::Running) => view! { <span class="muted">{crate::tr!(actions.running)}</span> }.into_any(),
                    (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
        </tr>
    }
}

#[component]
fn TargetCell(target: Target) -> impl IntoView {
    let id = target
        .id
        .map(|id| view! { " " <span class="mono muted small target-id">{id}</span> });
    match (target.href, target.gone) {
        (Some(href), _) => view! {
            <a class="target" href=href>{target.label}</a>
            {id}
        }
        .into_any(),
        (None, true) => view! {
            <span class="mono">{target.label}</span>
            " "
            <span class="tag" title=crate::tr!(actions.deleted_title)>{crate::tr!(actions.deleted)}</span>
        }
        .into_any(),
        (None, false) => view! {
            <span>{target.label}</span>
            {id}
        }
        .into_any(),
    }
}
