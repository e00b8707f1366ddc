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
        return view! { <section class="card"><p class="muted">"No actions on this server yet."</p></section> }.into_any();
    }
    let link = move |p: usize| format!("/servers/{name}?tab=actions&page={p}");
    view! {
        <div class="table-wrap card">
            <table class="table actions" data-testid="actions-table">
                <thead>
                    <tr>
                        <th scope="col">"Action"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Started"</th>
                        <th scope="col">"Took"</th>
                        <th scope="col">"By"</th>
                        <th scope="col">"Id"</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.into_iter().map(|a| view! {
                        <tr data-testid="action-row">
                            <td data-label="Action">{a.kind.clone()}</td>
                            <td data-label="Status">
                                <span class=format!("badge badge-{}", a.outcome.tone())>{a.outcome.label()}</span>
                                {(a.outcome == Outcome::Running).then(|| view! { <Progress value=a.progress /> })}
                            </td>
                            <td data-label="Started">
                                {a.started.clone().or(a.created.clone()).map(|s| view! {
                                    <When at=s/>
                                })}
                            </td>
                            <td data-label="Took">{a.took.clone().unwrap_or_else(|| "—".into())}</td>
                            <td data-label="By">{a.user.clone()}</td>
                            <td data-label="Id" class="mono muted">{a.id}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(page.pages > 1).then(|| view! {
            <nav class="pager" aria-label="Action pages">
                {(page.page > 1).then(|| view! { <a class="btn btn-sm" href=link(page.page - 1) rel="prev">"← Newer"</a> })}
                <span class="muted">{format!("Page {} of {}", page.page, page.pages)}</span>
                {(page.page < page.pages).then(|| view! { <a class="btn btn-sm" href=link(page.page + 1) rel="next">"Older →"</a> })}
            </nav>
        })}
    }
    .into_any()
}
