//! The detail page's actions tab: this server's actions, newest first, a page at a time.

use leptos::prelude::*;

use crate::components::status::Progress;
use crate::components::when::When;
use crate::model::activity::Outcome;
use crate::model::server::ServerDetail;

#[component]
pub fn ActionsTab(detail: ServerDetail) -> impl IntoView {
    let name = detail.row.name.clone();
    let page = detail.actions;
    if page.rows.is_empty() && page.page == 1 {
        return view! { <section class="card"><p class="muted">{crate::tr!(server.actions.empty)}</p></section> }.into_any();
    }
    let link = move |p: usize| format!("/servers/{name}?tab=actions&page={p}");
    view! {
        <div class="table-wrap card">
            <table class="table actions" data-testid="actions-table">
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(server.actions.action)}</th>
                        <th scope="col">{crate::tr!(server.actions.status)}</th>
                        <th scope="col">{crate::tr!(server.actions.started)}</th>
                        <th scope="col">{crate::tr!(server.actions.took)}</th>
                        <th scope="col">{crate::tr!(server.actions.by)}</th>
                        <th scope="col">{crate::tr!(server.actions.id)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.into_iter().map(|a| view! {
                        <tr data-testid="action-row">
                            <td data-label=crate::tr!(server.actions.action)>{a.kind.clone()}</td>
                            <td data-label=crate::tr!(server.actions.status)>
                                <span class=format!("badge badge-{}", a.outcome.tone())>{a.outcome.label()}</span>
                                {(a.outcome == Outcome::Running).then(|| view! { <Progress value=a.progress /> })}
                            </td>
                            <td data-label=crate::tr!(server.actions.started)>
                                {a.started.clone().or(a.created.clone()).map(|s| view! {
                                    <When at=s/>
                                })}
                            </td>
                            <td data-label=crate::tr!(server.actions.took)>{a.took.clone().unwrap_or_else(|| "—".into())}</td>
                            <td data-label=crate::tr!(server.actions.by)>{a.user.clone()}</td>
                            <td data-label=crate::tr!(server.actions.id) class="mono muted">{a.id}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(page.pages > 1).then(|| view! {
            <nav class="pager" aria-label=crate::tr!(server.actions.pages)>
                {(page.page > 1).then(|| view! { <a class="btn btn-sm" href=link(page.page - 1) rel="prev">{crate::tr!(server.actions.newer)}</a> })}
                <span class="muted">{crate::tr!(common.table.page_of, page = page.page, pages = page.pages).to_string()}</span>
                {(page.page < page.pages).then(|| view! { <a class="btn btn-sm" href=link(page.page + 1) rel="next">{crate::tr!(server.actions.older)}</a> })}
            </nav>
        })}
    }
    .into_any()
}
