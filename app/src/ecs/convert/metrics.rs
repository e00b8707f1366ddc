//! `/servers/{name}/metrics`: the upstream series parsed once, split at gaps and down-sampled
//! (about one point per horizontal pixel), so 30 days of 5-minute data stays light.

use crate::ecs::dto::{self, MetricPoint};
use crate::model::metrics::{lttb, segments, Point, Unit};
use crate::model::metrics_view::{ChartView, MetricsView, SeriesView};

/// Points per series kept for a chart about this many pixels wide.
pub const CHART_POINTS: usize = 900;

fn series(label: &str, raw: &[MetricPoint]) -> SeriesView {
    let mut points: Vec<Point> = raw.iter().map(|(t, v)| (t.timestamp(), *v)).collect();
    points.sort_by_key(|p| p.0);
    let values = points.iter().map(|p| p.1);
    let n = points.len();
    let segs = segments(&points);
    let total: usize = segs.iter().map(Vec::len).sum::<usize>().max(1);
    // Each run keeps its share of the pixels, so gaps stay where they are.
    let segs = segs
        .iter()
        .map(|s| lttb(s, (CHART_POINTS * s.len() / total).max(3)))
        .collect();
    SeriesView {
        label: label.to_string(),
        segments: segs,
        min: values.clone().reduce(f64::min),
        avg: (n > 0).then(|| values.clone().sum::<f64>() / n as f64),
        max: values.reduce(f64::max),
    }
}

/// The three charts of `server` for `start..end` (unix seconds); `unavailable` says why there are
/// no metrics at all.
pub fn view(
    server: &dto::Server,
    m: &dto::Metrics,
    start: i64,
    end: i64,
    unavailable: Option<String>,
) -> MetricsView {
    let chart = |key: &str, title: &str, unit, list: Vec<SeriesView>| ChartView {
        key: key.into(),
        title: title.into(),
        unit,
        series: list,
    };
    MetricsView {
        name: server.name.clone(),
        title: server.notes.clone().unwrap_or_else(|| server.name.clone()),
        start,
        end,
        created: server.creation_date.map(|d| d.timestamp()),
        samples: m.core.len()
            + m.disk.reads.len()
            + m.disk.writes.len()
            + m.network.received.len()
            + m.network.transmitted.len(),
        charts: vec![
            chart(
                "cpu",
                crate::tr!(ecs.metrics.cpu),
                Unit::Percent,
                vec![series(crate::tr!(ecs.metrics.cpu), &m.core)],
            ),
            chart(
                "disk",
                crate::tr!(ecs.metrics.disk),
                Unit::KbPerSec,
                vec![
                    series(crate::tr!(ecs.metrics.reads), &m.disk.reads),
                    series(crate::tr!(ecs.metrics.writes), &m.disk.writes),
                ],
            ),
            chart(
                "network",
                crate::tr!(ecs.metrics.network),
                Unit::KbPerSec,
                vec![
                    series(crate::tr!(ecs.metrics.received), &m.network.received),
                    series(crate::tr!(ecs.metrics.transmitted), &m.network.transmitted),
                ],
            ),
        ],
        unavailable,
    }
}
