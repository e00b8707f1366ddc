//! `/servers/{name}/metrics`: one upstream call for the range, parsed once, split at gaps and
//! down-sampled (`crate::ecs::convert::metrics`), so 30 days of 5-minute data stays light.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::metrics_view::MetricsView;

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
        return Err(AppError::NotFound(
            crate::tr!(errors.api.metrics.no_such_server, name = &name).to_string(),
        ));
    }
    let now = Utc::now();
    let (start, end) = if range == "custom" {
        let parse = |field: &'static str, v: &str| {
            NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M")
                .map(|d| Utc.from_utc_datetime(&d))
                .map_err(|_| {
                    AppError::invalid(field, crate::tr!(errors.api.metrics.enter_date_time))
                })
        };
        let (s, e) = (parse("from", &from)?, parse("to", &to)?);
        if e <= s {
            return Err(AppError::invalid(
                "to",
                crate::tr!(errors.api.metrics.end_before_start),
            ));
        }
        if e - s > Duration::days(90) {
            return Err(AppError::invalid(
                "to",
                crate::tr!(errors.api.metrics.range_too_long),
            ));
        }
        (s, e.min(now))
    } else {
        let secs = RANGES
            .iter()
            .find(|(key, _)| *key == range)
            .map(|(_, s)| *s)
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
    Ok(crate::ecs::convert::metrics::view(
        &server,
        &metrics,
        start.timestamp(),
        end.timestamp(),
        unavailable,
    ))
}
