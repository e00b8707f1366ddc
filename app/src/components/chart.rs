//! A time-series chart as server-rendered SVG: readable before hydration (axes, lines, legend),
//! interactive after it (a crosshair and a tooltip with every series' value at the pointer).
//! Lines break where samples are missing; times are shown in the viewer's time zone.

use leptos::prelude::*;

use crate::model::metrics::{civil, scale, time_label, time_ticks, value_ticks, Point};
use crate::model::metrics_view::ChartView;

/// Width before the browser measures the real one (SSR and the first render agree on it).
const W: f64 = 900.0;
const H: f64 = 220.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 14.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;

/// "2026-11-24 10:35" in local time (`offset` minutes east of UTC).
pub fn full_time(t: i64, offset: i32) -> String {
    let local = t + i64::from(offset) * 60;
    let (y, m, d) = civil(local.div_euclid(86_400));
    let secs = local.rem_euclid(86_400);
    format!(
        "{y}-{m:02}-{d:02} {:02}:{:02}",
        secs / 3_600,
        (secs % 3_600) / 60
    )
}

fn number(v: f64) -> String {
    let text = if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    match crate::locale::untracked() {
        crate::i18n::Locale::en => text,
        crate::i18n::Locale::it => text.replace('.', ","),
    }
}

/// An axis label: whole numbers without decimals.
fn tick_label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        number(v)
    }
}

/// The sample of `points` nearest to `t`.
fn nearest(segments: &[Vec<Point>], t: i64) -> Option<Point> {
    segments
        .iter()
        .flatten()
        .min_by_key(|p| (p.0 - t).abs())
        .copied()
}

#[component]
pub fn Chart(
    chart: ChartView,
    start: i64,
    end: i64,
    /// Minutes east of UTC; 0 until the browser says otherwise.
    offset: Signal<i32>,
    /// What to say when there are no samples.
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    let (unit, div) = scale(chart.unit, chart.max());
    let ticks = value_ticks(chart.max() / div, 4);
    let ymax = ticks.last().copied().unwrap_or(1.0).max(f64::MIN_POSITIVE);
    // Drawn at the box's real pixel width, so text is never stretched.
    let width = RwSignal::new(W);
    let boxed: NodeRef<leptos::html::Div> = NodeRef::new();
    // True once hydrated: the hover works from then on (tests wait for it).
    let live = RwSignal::new(false);
    Effect::new(move |_| {
        live.set(true);
        if let Some(el) = boxed.get() {
            let w = f64::from(el.client_width());
            if w >= 200.0 {
                width.set(w);
            }
        }
    });
    let plot_h = H - TOP - BOTTOM;
    let span = (end - start).max(1);
    let x = move |t: i64| LEFT + (t - start) as f64 / span as f64 * (width.get() - LEFT - RIGHT);
    let y = move |v: f64| TOP + plot_h - (v / div / ymax).clamp(0.0, 1.05) * plot_h;
    let title_id = format!("chart-{}-title", chart.key);
    let labelled_by = title_id.clone();
    let summary = chart
        .series
        .iter()
        .map(|s| {
            let label = s.label.clone();
            match (s.min, s.avg, s.max) {
                (Some(lo), Some(avg), Some(hi)) => crate::tr!(
                    model.components.chart_series,
                    label = label,
                    min = number(lo / div),
                    avg = number(avg / div),
                    max = number(hi / div),
                    unit = unit
                )
                .to_string(),
                _ => crate::tr!(model.components.chart_series_empty, label = label).to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let series = StoredValue::new(chart.series.clone());
    let paths = move || -> Vec<(usize, String)> {
        series.with_value(|list| {
            list.iter()
                .enumerate()
                .flat_map(|(i, s)| {
                    s.segments
                        .iter()
                        .filter(|seg| !seg.is_empty())
                        .map(move |seg| {
                            let mut d = String::with_capacity(seg.len() * 14);
                            for (k, p) in seg.iter().enumerate() {
                                d.push_str(if k == 0 { "M" } else { "L" });
                                d.push_str(&format!("{:.1},{:.1}", x(p.0), y(p.1)));
                            }
                            if seg.len() == 1 {
                                d.push_str("h0.1");
                            }
                            (i, d)
                        })
                })
                .collect()
        })
    };
    let hover = RwSignal::new(None::<i64>);
    let on_move = move |ev: leptos::ev::MouseEvent| {
        use leptos::wasm_bindgen::JsCast;
        let Some(target) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = target.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return;
        }
        let vx = (f64::from(ev.client_x()) - rect.left()) / rect.width() * width.get_untracked();
        let frac = ((vx - LEFT) / (width.get_untracked() - LEFT - RIGHT)).clamp(0.0, 1.0);
        hover.set(Some(start + (frac * span as f64) as i64));
    };
    let empty_now = chart.is_empty();
    view! {
        <figure
            class="chart"
            aria-labelledby=labelled_by
            data-testid=format!("chart-{}", chart.key)
            data-live=move || live.get().to_string()
        >
            <div class="chart-head">
                <h3 id=title_id>{chart.title.clone()}<span class="muted small">{format!(" ({unit})")}</span></h3>
                <ul class="legend">
                    {chart.series.iter().enumerate().map(|(i, s)| view! {
                        <li><span class=format!("swatch s{i}") aria-hidden="true"></span>{s.label.clone()}
                            {s.avg.map(|a| view! { <span class="muted small">{crate::tr!(model.components.chart_avg, value = number(a / div), unit = unit).to_string()}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
            <figcaption class="sr-only">{summary.clone()}</figcaption>
            <div class="chart-box" node_ref=boxed>
                <svg
                    viewBox=move || format!("0 0 {:.0} {H}", width.get())
                    role="img"
                    aria-label=summary
                    on:mousemove=on_move
                    on:mouseleave=move |_| hover.set(None)
                >
                    {ticks.iter().map(|v| {
                        let yy = TOP + plot_h - v / ymax * plot_h;
                        view! {
                            <line class="grid" x1=LEFT x2=move || width.get() - RIGHT y1=yy y2=yy />
                            <text class="tick" x=LEFT - 6.0 y=yy + 4.0 text-anchor="end">{tick_label(*v)}</text>
                        }
                    }).collect_view()}
                    {move || {
                        let off = offset.get();
                        // About one label per 90 px, so they never run into each other.
                        let room = ((width.get() - LEFT - RIGHT) / 90.0).max(2.0) as usize;
                        time_ticks(start, end, room, off).into_iter().map(|t| view! {
                            <text class="tick" x=x(t) y=H - 6.0 text-anchor="middle">{time_label(t, span, off)}</text>
                        }).collect_view()
                    }}
                    {move || paths().into_iter().map(|(i, d)| view! { <path class=format!("line s{i}") d=d /> }).collect_view()}
                    {move || hover.get().map(|t| view! { <line class="crosshair" x1=x(t) x2=x(t) y1=TOP y2=TOP + plot_h /> })}
                </svg>
                {empty_now.then(|| view! { <p class="chart-empty muted">{empty.clone()}</p> })}
                {move || hover.get().filter(|_| !empty_now).map(|t| {
                    let left = (x(t) / width.get() * 100.0).clamp(8.0, 78.0);
                    let off = offset.get();
                    view! {
                        <div class="tooltip" role="status" data-testid="tooltip" style=format!("left: {left:.1}%")>
                            <strong>{full_time(t, off)}</strong>
                            {series.with_value(|list| list.iter().enumerate().map(|(i, s)| {
                                let value = nearest(&s.segments, t)
                                    .filter(|p| (p.0 - t).abs() <= span / 50 + 600)
                                    .map(|p| format!("{} {unit}", number(p.1 / div)))
                                    .unwrap_or_else(|| crate::tr!(model.components.chart_no_data).into());
                                view! { <span><span class=format!("swatch s{i}") aria-hidden="true"></span>{format!("{}: {value}", s.label)}</span> }
                            }).collect_view())}
                        </div>
                    }
                })}
            </div>
        </figure>
    }
}
