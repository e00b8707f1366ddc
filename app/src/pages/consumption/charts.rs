//! The page's figures: the estimate for the month under way, the month by resource, and the last
//! twelve months by kind (its own fetch: the month's table does not wait for it).

use crate::page_data::PageData;
use leptos::prelude::*;

use crate::components::bar_chart::{Bar, ColumnChart, RowChart};
use crate::components::error_view::ErrorNotice;
use crate::model::consumption::{euros, Kind, Month, MonthTotals, Projection, UsageRow};

/// Resources drawn in the month's chart; the table lists them all.
const TOP: usize = 10;

#[component]
pub fn Estimate(p: Projection, month: Month) -> impl IntoView {
    view! {
        <section class="card estimate" data-testid="estimate" aria-labelledby="estimate-h">
            <h2 id="estimate-h">{crate::tr!(consumption.estimate.title, month = month.label()).to_string()}</h2>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{crate::tr!(consumption.estimate.so_far)}</span>
                    <span class="figure-value" data-testid="so-far">{euros(p.so_far)}</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{crate::tr!(consumption.estimate.projected)}</span>
                    <span class="figure-value" data-testid="projected">{euros(p.projected)}</span>
                    <span class="badge">{crate::tr!(consumption.estimate.badge)}</span>
                </div>
            </div>
            <p class="muted small">{crate::tr!(
                consumption.estimate.how,
                servers = p.servers,
                hourly = euros(p.hourly),
                hours = format!("{:.0}", p.hours_left)
            ).to_string()}</p>
        </section>
    }
}

#[component]
pub fn ByResource(rows: Vec<UsageRow>, kind: Kind) -> impl IntoView {
    let class = class_of(kind);
    let bars: Vec<Bar> = rows
        .iter()
        .take(TOP)
        .map(|r| Bar {
            label: r
                .title
                .clone()
                .map(|t| format!("{t} ({})", r.name))
                .unwrap_or_else(|| r.name.clone()),
            parts: vec![(r.cost, class)],
            tooltip: format!("{}: {}", r.name, euros(r.cost)),
            href: r.href.clone(),
            current: false,
        })
        .collect();
    let more = rows.len().saturating_sub(TOP);
    view! {
        <section class="card" aria-labelledby="by-resource-h">
            <h2 id="by-resource-h">{crate::tr!(consumption.chart.by_resource)}</h2>
            <RowChart bars label=crate::tr!(consumption.chart.by_resource_label, kind = super::kind_label(kind).to_lowercase()).to_string() testid="chart-resources" />
            {(more > 0).then(|| view! { <p class="muted small">{crate::tr!(consumption.chart.more, top = TOP, more = more).to_string()}</p> })}
        </section>
    }
}

fn class_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Servers => "k-servers",
        Kind::Templates => "k-templates",
        Kind::Snapshots => "k-snapshots",
    }
}

#[component]
pub fn History(history: PageData<Vec<MonthTotals>>, month: Month, kind: Kind) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="history-h">
            <h2 id="history-h">{crate::tr!(consumption.chart.history)}</h2>
            <Transition fallback=|| view! { <p class="muted">{crate::tr!(consumption.chart.history_loading)}</p> }>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(months) => {
                            let bars = months.iter().map(|t| Bar {
                                label: t.month.short().to_string(),
                                parts: Kind::ALL.iter().map(|k| (t.of(*k), class_of(*k))).collect(),
                                tooltip: crate::tr!(
                                    consumption.chart.history_tooltip,
                                    month = t.month.label(), total = euros(t.total()), servers = euros(t.servers), templates = euros(t.templates), snapshots = euros(t.snapshots)
                                ).to_string(),
                                href: Some(t.month.href(kind)),
                                current: t.month == month,
                            }).collect();
                            let legend = Kind::ALL.iter().map(|k| (class_of(*k), super::kind_label(*k))).collect();
                            view! {
                                <ColumnChart bars legend label=crate::tr!(consumption.chart.history_label) testid="chart-history" />
                            }.into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
