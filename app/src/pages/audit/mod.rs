//! `/audit` (admins): every change made through the panel, and every one a role refused, newest
//! first. Filters and page live in the URL (`/audit?actor=ops&outcome=denied&page=2`); the same
//! filters export as CSV (`/audit/export?…`).

mod filter;

use crate::components::when::When;
use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::audit::list_audit;
use crate::components::error_view::ErrorNotice;
use crate::components::table::{use_table_query, Pager};
use crate::model::audit::{AuditFilter, AuditPage, AuditRow, Outcome};
use crate::model::table::TableQuery;

const BASE: &str = "/audit";
const KEYS: &[&str] = &["actor", "operation", "outcome", "from", "to"];

fn filter_of(q: &TableQuery) -> AuditFilter {
    AuditFilter {
        actor: q.filter("actor").to_string(),
        operation: q.filter("operation").to_string(),
        outcome: q.filter("outcome").to_string(),
        from: q.filter("from").to_string(),
        to: q.filter("to").to_string(),
    }
}

pub struct AuditLogPage {
    query: Memo<TableQuery>,
    data: PageData<AuditPage>,
}

#[lazy_route]
impl LazyRoute for AuditLogPage {
    fn data() -> Self {
        let query = use_table_query(KEYS);
        let data = page_data(
            move || query.with(|q| (filter_of(q), q.page)),
            |(filter, page)| list_audit(filter, page),
        );
        Self { query, data }
    }

    fn view(this: Self) -> AnyView {
        audit_page(this).into_any()
    }
}

fn audit_page(AuditLogPage { query, data }: AuditLogPage) -> impl IntoView {
    let export = move || {
        let q = query.with(filter_of).query();
        if q.is_empty() {
            "/audit/export".to_string()
        } else {
            format!("/audit/export?{q}")
        }
    };
    view! {
        <Title text=crate::tr!(audit.title) />
        <div class="page-head page-head-row">
            <div>
                <h1>{crate::tr!(audit.title)}</h1>
                <p class="lead">{crate::tr!(audit.lead)}</p>
            </div>
            <a class="btn" href=export download="" data-testid="audit-export">{crate::tr!(audit.export_csv)}</a>
        </div>
        <filter::AuditFilters query data />
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(audit.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Loaded page query=query.get_untracked() /> }.into_any(),
                    Err(e) if KEYS.iter().any(|f| e.field_message(f).is_some()) => view! {
                        <section class="card empty"><h2>{crate::tr!(audit.bad_filter_title)}</h2>
                            <p class="muted">{crate::tr!(audit.bad_filter_text)}</p>
                            <a class="btn" href=BASE>{crate::tr!(audit.show_all_entries)}</a></section>
                    }.into_any(),
                    Err(e) => view! { <section class="card"><ErrorNotice error=e /></section> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Loaded(page: AuditPage, query: TableQuery) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let pages = (page.total as usize).div_ceil(page.per_page).max(1);
    let summary = if page.total == 1 {
        crate::tr!(
            audit.summary_one,
            n = page.total,
            kept = page.retention.clone()
        )
        .to_string()
    } else {
        crate::tr!(
            audit.summary_many,
            n = page.total,
            kept = page.retention.clone()
        )
        .to_string()
    };
    if page.rows.is_empty() {
        return view! {
            <section class="card empty" data-testid="audit-empty" data-ready=move || ready.get().to_string()>
                <h2>{crate::tr!(audit.empty_title)}</h2>
                <p class="muted">{crate::tr!(audit.empty_text)}</p>
            </section>
        }
        .into_any();
    }
    let query = query.at_page(page.page);
    view! {
        <p class="result-count muted" data-testid="result-count">{summary}</p>
        <div class="table-wrap card" data-testid="audit" data-ready=move || ready.get().to_string()>
            <table class="table audit" data-testid="audit-table">
                <caption class="sr-only">{crate::tr!(audit.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{crate::tr!(audit.col.when)}</th>
                        <th scope="col">{crate::tr!(audit.col.who)}</th>
                        <th scope="col">{crate::tr!(audit.col.what)}</th>
                        <th scope="col">{crate::tr!(audit.col.resource)}</th>
                        <th scope="col">{crate::tr!(audit.col.result)}</th>
                        <th scope="col">{crate::tr!(audit.col.from)}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager base=BASE query pages />
    }
    .into_any()
}

#[component]
fn Row(row: AuditRow) -> impl IntoView {
    let badge = match row.outcome {
        Outcome::Done => "badge badge-ok",
        Outcome::Refused => "badge badge-warn",
        Outcome::Failed => "badge badge-danger",
        Outcome::Denied => "badge badge-danger",
    };
    let action = row.action_id.map(|id| {
        view! {
            " "<a class="small" href=format!("/actions?resource={id}")>{crate::tr!(audit.action_link, id = id).to_string()}</a>
        }
    });
    let role = (!row.role.is_empty() && row.role != "personal")
        .then(|| view! { <span class="muted small">" ("{row.role.clone()}")"</span> });
    view! {
        <tr data-testid="audit-row" data-operation=row.operation.clone() data-actor=row.actor.clone() data-outcome=row.outcome.as_str()>
            <td data-label=crate::tr!(audit.col.when)><When at=row.at.clone()/></td>
            <td data-label=crate::tr!(audit.col.who)><strong>{row.actor.clone()}</strong>{role}</td>
            <td data-label=crate::tr!(audit.col.what)>
                {row.label.clone()}
                <details class="audit-params">
                    <summary class="small">{crate::tr!(audit.parameters)}</summary>
                    <pre class="mono small">{row.params.clone()}</pre>
                </details>
            </td>
            <td data-label=crate::tr!(audit.col.resource) class="mono">{row.resource.clone()}</td>
            <td data-label=crate::tr!(audit.col.result)>
                <span class=badge data-testid="audit-outcome">{outcome_label(row.outcome)}</span>
                {action}
                {(!row.detail.is_empty()).then(|| view! { <p class="small muted audit-detail">{row.detail.clone()}</p> })}
            </td>
            <td data-label=crate::tr!(audit.col.from) class="mono small">{row.peer.clone()}</td>
        </tr>
    }
}

/// An outcome in the reader's language (the filter keeps `Outcome::as_str` as its value).
fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Done => crate::tr!(audit.outcome.done),
        Outcome::Refused => crate::tr!(audit.outcome.refused),
        Outcome::Failed => crate::tr!(audit.outcome.failed),
        Outcome::Denied => crate::tr!(audit.outcome.denied),
    }
}
