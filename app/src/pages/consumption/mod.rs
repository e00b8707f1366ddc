//! `/consumption?year=&month=&kind=`: what a month cost, resource by resource (servers, templates
//! or snapshots), with a chart of it and of the last twelve months; for the month under way the
//! cost so far and an estimate to its end. The month and kind live in the URL; Export CSV hands
//! over ECS's own file (`/consumption/export`, served by the server crate).

mod charts;
mod table;

use crate::page_data::{page_data, PageData};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{lazy_route, LazyRoute};

use crate::api::consumption::{consumption_history, consumption_month};
use crate::components::error_view::ErrorNotice;
use crate::model::consumption::{euros, hours, ConsumptionView, Kind, MonthState, MonthTotals};

/// A lazy route: `data` starts both fetches while the page's code loads.
pub struct ConsumptionPage {
    data: PageData<ConsumptionView>,
    history: PageData<Vec<MonthTotals>>,
}

#[lazy_route]
impl LazyRoute for ConsumptionPage {
    fn data() -> Self {
        let q = use_query_map();
        let asked = Memo::new(move |_| {
            q.with(|m| {
                let year: i32 = m
                    .get("year")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                let month: u32 = m
                    .get("month")
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                (year, month, m.get("kind").unwrap_or_default())
            })
        });
        let data = page_data(move || asked.get(), |(y, m, k)| consumption_month(y, m, k));
        let history = page_data(
            move || asked.with(|(y, m, _)| (*y, *m)),
            |(y, m)| consumption_history(y, m),
        );
        Self { data, history }
    }

    fn view(this: Self) -> AnyView {
        consumption_page(this).into_any()
    }
}

fn consumption_page(ConsumptionPage { data, history }: ConsumptionPage) -> impl IntoView {
    view! {
        <Title text=crate::tr!(consumption.title) />
        <div class="page-head">
            <h1>{crate::tr!(consumption.title)}</h1>
            <p class="lead">{crate::tr!(consumption.lead)}</p>
        </div>
        <Transition fallback=|| view! { <section class="card"><p class="muted">{crate::tr!(consumption.loading)}</p></section> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <Month view history /> }.into_any(),
                    Err(e) => view! {
                        <section class="card">
                            <ErrorNotice error=e />
                            <a class="btn" href="/consumption">{crate::tr!(consumption.show_this_month)}</a>
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Month(view: ConsumptionView, history: PageData<Vec<MonthTotals>>) -> impl IntoView {
    let (month, kind) = (view.month, view.kind);
    let export = format!(
        "/consumption/export?year={}&month={}&kind={}",
        month.year,
        month.month,
        kind.key()
    );
    let next = (month < view.current).then(|| month.next());
    let picker = view! {
        <nav class="month-picker" aria-label=crate::tr!(consumption.month) data-testid="month-picker">
            <a class="btn btn-sm" href=month.prev().href(kind) rel="prev" data-testid="month-prev">{format!("← {}", month.prev().label())}</a>
            <h2 class="month-now" data-testid="month">{month.label()}</h2>
            {match next {
                Some(n) => view! { <a class="btn btn-sm" href=n.href(kind) rel="next" data-testid="month-next">{format!("{} →", n.label())}</a> }.into_any(),
                None => view! { <span class="btn btn-sm" aria-disabled="true">{crate::tr!(consumption.next_month)}</span> }.into_any(),
            }}
        </nav>
        <div class="kind-tabs" role="group" aria-label=crate::tr!(consumption.what_to_show)>
            {Kind::ALL.into_iter().map(|k| view! {
                <a class="tab" href=month.href(k) aria-current=(k == kind).then_some("page")>{kind_label(k)}</a>
            }).collect_view()}
            {(view.state != MonthState::Future).then(|| view! {
                <a class="btn btn-sm export" href=export download="" data-testid="export-csv">{crate::tr!(consumption.export_csv)}</a>
            })}
        </div>
    };
    let body = match view.state {
        MonthState::Future => view! {
            <section class="card empty" data-testid="month-future">
                <h2>{crate::tr!(consumption.future_title, month = month.label()).to_string()}</h2>
                <p class="muted">{crate::tr!(consumption.future_text)}</p>
                <a class="btn btn-primary" href=view.current.href(kind)>{crate::tr!(consumption.show_this_month)}</a>
            </section>
        }
        .into_any(),
        _ if view.rows.is_empty() => view! {
            <section class="card empty" data-testid="month-empty">
                <h2>{crate::tr!(consumption.empty_title, kind = kind_label(kind).to_lowercase(), month = month.label()).to_string()}</h2>
                <p class="muted">{crate::tr!(consumption.empty_text)}</p>
            </section>
        }
        .into_any(),
        _ => view! { <Figures view=view.clone() history /> }.into_any(),
    };
    let alone = view.rows.is_empty() || view.state == MonthState::Future;
    view! {
        {picker}
        <div class="stack">
            {view.projection.clone().map(|p| view! { <charts::Estimate p month /> })}
            {body}
            {alone.then(|| view! { <charts::History history month kind /> })}
        </div>
    }
}

#[component]
fn Figures(view: ConsumptionView, history: PageData<Vec<MonthTotals>>) -> impl IntoView {
    let saved = view.original.filter(|o| *o > view.total + 0.005);
    view! {
        <div class="figures" data-testid="month-totals">
            <div class="figure">
                <span class="figure-label">{crate::tr!(consumption.kind_in_month, kind = kind_label(view.kind), month = view.month.label()).to_string()}</span>
                <span class="figure-value" data-testid="month-total">{euros(view.total)}</span>
                {saved.map(|o| view! { <span class="muted small">{crate::tr!(consumption.saved, list = euros(o), saved = euros(o - view.total)).to_string()}</span> })}
            </div>
            <div class="figure">
                <span class="figure-label">{crate::tr!(consumption.col.hours)}</span>
                <span class="figure-value">{hours(view.hours)}</span>
                <span class="muted small">{crate::tr!(consumption.resources, n = view.rows.len()).to_string()}</span>
            </div>
        </div>
        <div class="chart-pair">
            <charts::ByResource rows=view.rows.clone() kind=view.kind />
            <charts::History history month=view.month kind=view.kind />
        </div>
        <table::UsageTable rows=view.rows total=view.total kind=view.kind />
    }
}

/// A kind's name in the reader's language (the tabs, headings and the history chart's legend).
pub(crate) fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Servers => crate::tr!(consumption.kind.servers),
        Kind::Templates => crate::tr!(consumption.kind.templates),
        Kind::Snapshots => crate::tr!(consumption.kind.snapshots),
    }
}
