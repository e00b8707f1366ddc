//! The templates table: sortable headers (links, the sort lives in the URL), each row's state
//! following the live feed, and the row's own actions. On phones rows become cards.

use leptos::prelude::*;

use super::{TemplatesCtx, BASE};
use crate::components::live::use_live;
use crate::components::status::Progress;
use crate::components::table::SortHeader;
use crate::components::when::When;
use crate::model::table::TableQuery;
use crate::model::template::TemplateRow;

#[component]
pub fn TemplateTable(rows: Vec<TemplateRow>, query: Memo<TableQuery>) -> impl IntoView {
    view! {
        <div class="table-wrap card">
            <table class="table templates" data-testid="templates-table">
                <thead>
                    <tr>
                        <SortHeader base=BASE query key="description" label=crate::tr!(templates.col_template) />
                        <SortHeader base=BASE query key="status" label=crate::tr!(templates.col_status) />
                        <SortHeader base=BASE query key="os" label=crate::tr!(templates.col_os) />
                        <SortHeader base=BASE query key="disk" label=crate::tr!(templates.col_disk) />
                        <SortHeader base=BASE query key="created" label=crate::tr!(templates.col_created) />
                        <th scope="col"><span class="sr-only">{crate::tr!(templates.actions)}</span></th>
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
fn Row(row: TemplateRow) -> impl IntoView {
    let ctx = expect_context::<TemplatesCtx>();
    let title = row.title().to_string();
    let ready = row.state == crate::model::template::TemplateState::Ready;
    let busy = row.state.is_busy();
    // Only the description and notes change: fine while it is being made, pointless once it goes.
    let deleting = row.state == crate::model::template::TemplateState::Deleting;
    let (edit_row, delete_row) = (row.clone(), row.clone());
    view! {
        <tr data-testid="template-row" data-name=row.name.clone()>
            <td class="col-name" data-label=crate::tr!(templates.col_template)>
                <strong class="template-title">{title.clone()}</strong>
                <span class="mono muted small">{row.name.clone()}</span>
                {(!row.notes.is_empty()).then(|| view! { <span class="notes" data-testid="template-notes">{row.notes.clone()}</span> })}
            </td>
            <td class="col-status" data-label=crate::tr!(templates.col_status)>
                <StateBadge row=row.clone() />
            </td>
            <td data-label=crate::tr!(templates.col_os)>
                {if row.os_base.is_empty() {
                    view! { <span class="muted">"—"</span> }.into_any()
                } else {
                    view! { <span class="mono">{row.os_base.clone()}</span> }.into_any()
                }}
            </td>
            <td data-label=crate::tr!(templates.col_disk) class="num">
                {row.required_disk.map_or_else(|| "—".to_string(), |d| format!("{d} GB"))}
            </td>
            <td class="col-created" data-label=crate::tr!(templates.col_created)>
                {row.created.clone().map(|c| view! {
                    <When at=c/>
                })}
            </td>
            <td class="col-actions">
                <div class="row-actions">
                    {ready.then(|| view! {
                        <a
                            class="btn btn-sm btn-primary"
                            href=row.create_server_href()
                            data-testid="create-server-link"
                            title=crate::tr!(templates.create_from, title = title.clone()).to_string()
                        >
                            {crate::tr!(templates.create_server)}
                        </a>
                    })}
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="edit-template"
                        disabled=deleting
                        on:click=move |_| ctx.edit(edit_row.clone())
                    >
                        {crate::tr!(templates.edit)}
                    </button>
                    <button
                        class="btn btn-sm"
                        type="button"
                        data-testid="delete-template"
                        disabled=busy
                        title=if busy { crate::tr!(templates.wait) } else { crate::tr!(templates.delete_this) }
                        on:click=move |_| ctx.confirm_delete(delete_row.clone())
                    >
                        {crate::tr!(templates.delete)}
                    </button>
                </div>
            </td>
        </tr>
    }
}

/// The state in words; while the live feed reports an action on the template, its progress.
#[component]
fn StateBadge(row: TemplateRow) -> impl IntoView {
    let live = use_live();
    let name = row.name.clone();
    let running = Signal::derive(move || live.on(&name));
    let state = row.state;
    let title = crate::tr!(
        templates.status_title,
        meaning = state.meaning(),
        code = row.code.clone()
    )
    .to_string();
    view! {
        <span class="status" data-testid="template-status" title=title>
            {move || match running.get() {
                Some(r) => view! {
                    <span class="badge badge-busy">
                        {if state.is_busy() { state.label().to_string() } else { r.doing.clone() }}
                    </span>
                    <Progress value=r.progress />
                }
                .into_any(),
                None => view! {
                    <span class=format!("badge badge-{}", state.tone())>{state.label()}</span>
                    {state.is_busy().then(|| view! { <Progress value=None /> })}
                }
                .into_any(),
            }}
        </span>
    }
}
