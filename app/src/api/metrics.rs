//! `/servers/{name}/metrics`: one upstream call for the range, parsed once, split at gaps and
//! down-sampled here (about one point per horizontal pixel), so 30 days of 5-minute data stays light.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::metrics_view::MetricsView;

/// Points per series kept for a chart about this many pixels wide.
pub const CHART_POINTS: usize = 900;

/// `range` is one of `RANGES` or `custom` (then `from`/`to`, `YYYY-MM-DDTHH:MM` in UTC).
#[server(endpoint = "servers_metrics")]
pub async fn load_metrics(
    name: String,
    range: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<MetricsView, AppError> {
    use crate::ecs::EcsError;
    use crate::model::metrics_view::RANGES;
    use crate::state::{checked, upstream};
    use chrono::{Duration, NaiveDateTime, TimeZone, Utc};

    if crate::ecs::ids::server_name(&name).is_err() {
        return Err(AppError::NotFound(format!(
            "There is no server called “{name}”."
        )));
    }
    let now = Utc::now();
    let (start, end) = if range == "custom" {
        let parse = |field: &'static str, v: &str| {
            NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M")
                .map(|d| Utc.from_utc_datetime(&d))
                .map_err(|_| AppError::invalid(field, "Enter a date and time."))
        };
        let (s, e) = (parse("from", &from)?, parse("to", &to)?);
        if e <= s {
            return Err(AppError::invalid(
                "to",
                "The end must come after the start.",
            ));
        }
        if e - s > Duration::days(90) {
            return Err(AppError::invalid("to", "Choose at most 90 days."));
        }
        (s, e.min(now))
    } else {
        let secs = RANGES
            .iter()
            .find(|(key, _, _)| *key == range)
            .map(|(_, _, s)| *s)
            .unwrap_or(86_400);
        (now - Duration::seconds(secs), now)
    };
    let (client, cred, session) = upstream().await?;
    let (server, metrics) = tokio::join!(
        client.get_server(&cred, &name),
        client.server_metrics(&cred, &name, Some(start), Some(end)),
    );
    let server = checked(server, &session).await?;
    let (metrics, unavailable) = match metrics {
        Ok(m) => (m, None),
        Err(EcsError::Unauthorized) => {
            return Err(crate::state::upstream_error(EcsError::Unauthorized, &session).await)
        }
        Err(e) => (Default::default(), Some(e.user_message())),
    };
    Ok(ssr::view(
        &server,
        &metrics,
        start.timestamp(),
        end.timestamp(),
        unavailable,
    ))
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::ecs::dto::{self, MetricPoint};
    use crate::model::metrics::{lttb, segments, Point, Unit};
    use crate::model::metrics_view::{ChartView, MetricsView, SeriesView};

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
            .map(|s| lttb(s, (super::CHART_POINTS * s.len() / total).max(3)))
            .collect();
        SeriesView {
            label: label.to_string(),
            segments: segs,
            min: values.clone().reduce(f64::min),
            avg: (n > 0).then(|| values.clone().sum::<f64>() / n as f64),
            max: values.reduce(f64::max),
        }
    }

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
                chart("cpu", "CPU", Unit::Percent, vec![series("CPU", &m.core)]),
                chart(
                    "disk",
                    "Disk",
                    Unit::KbPerSec,
                    vec![
                        series("Reads", &m.disk.reads),
                        series("Writes", &m.disk.writes),
                    ],
                ),
                chart(
                    "network",
                    "Network",
                    Unit::KbPerSec,
                    vec![
                        series("Received", &m.network.received),
                        series("Transmitted", &m.network.transmitted),
                    ],
                ),
            ],
            unavailable,
        }
    }
}
