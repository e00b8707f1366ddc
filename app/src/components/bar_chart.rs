//! Bar charts as server-rendered SVG, readable before the wasm loads: stacked columns (a value per
//! period and kind) and horizontal bars (a value per item). Every bar carries its words in a
//! `<title>` (the browser's tooltip, and what a screen reader reads) and may link somewhere.

use leptos::prelude::*;

use crate::model::consumption::euros;

/// An axis value: whole euros without decimals ("€20", "20 €"), others as `euros` writes them.
fn tick(v: f64) -> String {
    let cents = (v * 100.0).round();
    if v >= 0.005 && cents % 100.0 == 0.0 || v == 0.0 {
        crate::locale::money(cents / 100.0, 0, crate::locale::untracked())
    } else {
        euros(v)
    }
}

/// One bar: its label under or beside it, its parts (value, CSS class), a tooltip, a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub parts: Vec<(f64, &'static str)>,
    pub tooltip: String,
    pub href: Option<String>,
    /// Drawn stronger (the month being looked at).
    pub current: bool,
}

impl Bar {
    fn total(&self) -> f64 {
        self.parts.iter().map(|(v, _)| v.max(0.0)).sum()
    }
}

/// A round step for the value axis: 1, 2 or 5 times a power of ten, about four ticks.
fn step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 4.0;
    let pow = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * pow)
}

// The charts are drawn in CSS pixels (no `viewBox`): text keeps its size at every width while
// the bars stretch, given as percentages of the chart's width.
const CH: f64 = 220.0;
/// The value labels' share of the width, left of the columns.
const LEFT_PCT: f64 = 12.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 8.0;

/// A chart whose bars are links is a group of links (an image cannot hold controls), else one
/// image with its label.
fn svg_role(bars: &[Bar]) -> &'static str {
    if bars.iter().any(|b| b.href.is_some()) {
        "group"
    } else {
        "img"
    }
}

fn pct(v: f64) -> String {
    format!("{v:.3}%")
}

/// Stacked columns, one per bar (twelve months), with a value axis in euros.
#[component]
pub fn ColumnChart(
    bars: Vec<Bar>,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: String,
    legend: Vec<(&'static str, &'static str)>,
    testid: &'static str,
) -> impl IntoView {
    let max = bars.iter().map(Bar::total).fold(0.0, f64::max);
    let step = step(max);
    let top = (max / step).ceil().max(1.0) * step;
    let plot_h = CH - TOP - BOTTOM;
    let y = move |v: f64| TOP + plot_h - v / top * plot_h;
    let n = bars.len().max(1) as f64;
    let slot = (100.0 - LEFT_PCT) / n;
    let width = slot * 0.62;
    let ticks: Vec<f64> = (0..=((top / step).round() as usize))
        .map(|i| i as f64 * step)
        .collect();
    let role = svg_role(&bars);
    view! {
        <figure class="bar-chart" data-testid=testid>
            <svg width="100%" height=CH role=role aria-label=label>
                {ticks.into_iter().map(|t| view! {
                    <line class="grid" x1=pct(LEFT_PCT) x2="100%" y1=y(t) y2=y(t) />
                    <text class="tick" x=pct(LEFT_PCT - 1.5) y=y(t) + 4.0 text-anchor="end">{tick(t)}</text>
                }).collect_view()}
                {bars.into_iter().enumerate().map(|(i, bar)| {
                    let left = LEFT_PCT + slot * i as f64;
                    let x = left + (slot - width) / 2.0;
                    let mut base = 0.0;
                    let rects = bar.parts.iter().map(|(v, class)| {
                        let v = v.max(0.0);
                        let (y0, y1) = (y(base + v), y(base));
                        base += v;
                        view! { <rect class=*class x=pct(x) y=y0 width=pct(width) height=(y1 - y0).max(0.0) rx="2" /> }
                    }).collect_view();
                    let cls = if bar.current { "bar current" } else { "bar" };
                    let inner = view! {
                        <title>{bar.tooltip.clone()}</title>
                        {rects}
                        // The whole column answers the pointer, not only its painted part.
                        <rect class="hit" x=pct(left) y=TOP width=pct(slot) height=plot_h />
                        <text class="tick" x=pct(left + slot / 2.0) y=CH - 6.0 text-anchor="middle">{bar.label.clone()}</text>
                    };
                    match bar.href {
                        Some(href) => view! { <a class=cls href=href data-testid="chart-bar">{inner}</a> }.into_any(),
                        None => view! { <g class=cls data-testid="chart-bar">{inner}</g> }.into_any(),
                    }
                }).collect_view()}
            </svg>
            <figcaption class="legend">
                {legend.into_iter().map(|(class, text)| view! {
                    <span class="key"><span class=format!("swatch {class}") aria-hidden="true"></span>{text}</span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}

const ROW: f64 = 34.0;

/// Horizontal bars, one per item, largest first, each labelled above with its value.
#[component]
pub fn RowChart(
    bars: Vec<Bar>,
    #[prop(into)] label: String,
    testid: &'static str,
) -> impl IntoView {
    let max = bars.iter().map(Bar::total).fold(0.0, f64::max).max(1e-9);
    let h = ROW * bars.len().max(1) as f64;
    let role = svg_role(&bars);
    view! {
        <figure class="bar-chart rows" data-testid=testid>
            <svg width="100%" height=h role=role aria-label=label>
                {bars.into_iter().enumerate().map(|(i, bar)| {
                    let top = ROW * i as f64;
                    let total = bar.total();
                    let w = if total > 0.0 { (total / max * 100.0).max(0.5) } else { 0.0 };
                    let class = bar.parts.first().map(|(_, c)| *c).unwrap_or("k-servers");
                    let inner = view! {
                        <title>{bar.tooltip.clone()}</title>
                        <text class="row-label" x="0" y=top + 13.0>{bar.label.clone()}</text>
                        <text class="row-value" x="100%" y=top + 13.0 text-anchor="end">{euros(total)}</text>
                        <rect class=class x="0" y=top + 18.0 width=pct(w) height="9" rx="2" />
                        <rect class="hit" x="0" y=top width="100%" height=ROW />
                    };
                    match bar.href {
                        Some(href) => view! { <a class="bar" href=href data-testid="chart-row">{inner}</a> }.into_any(),
                        None => view! { <g class="bar" data-testid="chart-row">{inner}</g> }.into_any(),
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(step(0.0), 1.0);
        assert_eq!(step(7.3), 2.0);
        assert_eq!(step(38.0), 10.0);
        assert_eq!(step(0.9), 0.5);
    }
}
