//! Server functions of `/consumption`: one month of one kind (with, for the month under way, the
//! cost so far and an estimate to its end), and the last twelve months' totals per kind, read in
//! parallel. The CSV download is not a server function: `server/src/export.rs` relays ECS's file.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::consumption::{ConsumptionView, MonthTotals};

/// Months read at once for the history chart (36 calls in all: never one after another).
#[cfg(feature = "ssr")]
const HISTORY_IN_FLIGHT: usize = 8;

#[server(endpoint = "consumption_month")]
pub async fn consumption_month(
    // 0 (not sent): this month.
    #[server(default)] year: i32,
    #[server(default)] month: u32,
    // "", servers, templates or snapshots.
    #[server(default)] kind: String,
) -> Result<ConsumptionView, AppError> {
    use crate::model::consumption::{Kind, MonthState};
    use crate::state::upstream;

    let kind = Kind::parse(&kind)
        .ok_or_else(|| AppError::invalid("kind", crate::tr!(errors.api.consumption.choose_kind)))?;
    let now = chrono::Utc::now();
    let current = ssr::this_month(now);
    let month = ssr::asked(year, month, current)?;
    let (client, cred, session) = upstream().await?;
    let state = match month.cmp(&current) {
        std::cmp::Ordering::Less => MonthState::Past,
        std::cmp::Ordering::Equal => MonthState::Current,
        std::cmp::Ordering::Greater => MonthState::Future,
    };
    if state == MonthState::Future {
        return Ok(ssr::view(month, kind, current, state, Vec::new(), None));
    }
    let rows = ssr::rows(&client, &cred, &session, kind, month).await?;
    let projection = if state == MonthState::Current {
        Some(ssr::projection(&client, &cred, &session, month, now).await?)
    } else {
        None
    };
    Ok(ssr::view(month, kind, current, state, rows, projection))
}

#[server(endpoint = "consumption_history")]
pub async fn consumption_history(
    #[server(default)] year: i32,
    #[server(default)] month: u32,
) -> Result<Vec<MonthTotals>, AppError> {
    use futures_util::stream::{self, StreamExt, TryStreamExt};

    use crate::model::consumption::Kind;
    use crate::state::upstream;

    let current = ssr::this_month(chrono::Utc::now());
    let last = ssr::asked(year, month, current)?.min(current);
    let (client, cred, session) = upstream().await?;
    let calls = last
        .last_twelve()
        .into_iter()
        .flat_map(|m| Kind::ALL.map(|k| (m, k)));
    let sums: Vec<_> = stream::iter(calls)
        .map(|(m, k)| {
            let (client, cred, session) = (&client, &cred, &session);
            async move {
                let rows = ssr::rows(client, cred, session, k, m).await?;
                Ok::<_, AppError>((m, k, rows.iter().map(|r| r.cost).sum::<f64>()))
            }
        })
        .buffer_unordered(HISTORY_IN_FLIGHT)
        .try_collect()
        .await?;
    Ok(last
        .last_twelve()
        .into_iter()
        .map(|m| {
            let of = |k: Kind| {
                sums.iter()
                    .filter(|(sm, sk, _)| *sm == m && *sk == k)
                    .map(|(_, _, c)| c)
                    .sum()
            };
            MonthTotals {
                month: m,
                servers: of(Kind::Servers),
                templates: of(Kind::Templates),
                snapshots: of(Kind::Snapshots),
            }
        })
        .collect())
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use chrono::{DateTime, Datelike, TimeZone, Utc};
    use tower_sessions::Session;

    use crate::ecs::convert::consumption as convert;
    use crate::ecs::{BillingKind, Credential, EcsClient};
    use crate::error::AppError;
    use crate::model::consumption::{
        project, ConsumptionView, Kind, Month, MonthState, Projection, UsageRow,
    };
    use crate::state::checked;

    pub fn this_month(now: DateTime<Utc>) -> Month {
        Month {
            year: now.year(),
            month: now.month(),
        }
    }

    /// The month the URL asks for (0: this month), or why it cannot be one.
    pub fn asked(year: i32, month: u32, current: Month) -> Result<Month, AppError> {
        if year == 0 && month == 0 {
            return Ok(current);
        }
        let year = if year == 0 { current.year } else { year };
        Month::new(year, month).ok_or_else(|| {
            AppError::invalid("month", crate::tr!(errors.api.consumption.choose_month))
        })
    }

    pub fn billing_kind(kind: Kind) -> BillingKind {
        match kind {
            Kind::Servers => BillingKind::Servers,
            Kind::Templates => BillingKind::Templates,
            Kind::Snapshots => BillingKind::Snapshots,
        }
    }

    pub async fn rows(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
        kind: Kind,
        m: Month,
    ) -> Result<Vec<UsageRow>, AppError> {
        let (y, mo) = (m.year, m.month);
        let rows = match kind {
            Kind::Servers => checked(client.billing_servers(cred, y, mo).await, session)
                .await?
                .into_iter()
                .map(convert::server)
                .collect(),
            Kind::Templates => checked(client.billing_templates(cred, y, mo).await, session)
                .await?
                .into_iter()
                .map(convert::template)
                .collect(),
            Kind::Snapshots => checked(client.billing_snapshots(cred, y, mo).await, session)
                .await?
                .into_iter()
                .map(convert::snapshot)
                .collect(),
        };
        Ok(convert::sorted(rows))
    }

    /// So far: the month's three kinds. To its end: every server there is now at its plan's
    /// hourly price (ECS bills a server powered off too), templates and snapshots at their rate
    /// so far this month.
    pub async fn projection(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
        m: Month,
        now: DateTime<Utc>,
    ) -> Result<Projection, AppError> {
        let (servers, templates, snapshots, list, plans) = tokio::join!(
            rows(client, cred, session, Kind::Servers, m),
            rows(client, cred, session, Kind::Templates, m),
            rows(client, cred, session, Kind::Snapshots, m),
            client.list_servers(cred),
            client.list_plans(cred),
        );
        let sum = |r: &[UsageRow]| r.iter().map(|r| r.cost).sum::<f64>();
        let (servers, templates, snapshots) = (servers?, templates?, snapshots?);
        let list = checked(list, session).await?;
        let plans = checked(plans, session).await?;
        let hourly_of = |plan: &str| {
            plans
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(plan))
                .and_then(|p| p.hourly_price)
                .unwrap_or(0.0)
        };
        let start = Utc
            .with_ymd_and_hms(m.year, m.month, 1, 0, 0, 0)
            .single()
            .unwrap_or(now);
        let next = m.next();
        let end = Utc
            .with_ymd_and_hms(next.year, next.month, 1, 0, 0, 0)
            .single()
            .unwrap_or(now);
        let hours_gone = ((now - start).num_seconds() as f64 / 3600.0).max(1.0);
        let hours_left = ((end - now).num_seconds() as f64 / 3600.0).max(0.0);
        let server_hourly: f64 = list.iter().map(|s| hourly_of(&s.plan)).sum();
        let storage_hourly = (sum(&templates) + sum(&snapshots)) / hours_gone;
        let so_far = sum(&servers) + sum(&templates) + sum(&snapshots);
        let hourly = server_hourly + storage_hourly;
        Ok(Projection {
            so_far,
            projected: project(so_far, hourly, hours_left),
            servers: list.len(),
            hourly,
            hours_left,
        })
    }

    /// ECS's CSV of one month and kind, and the file name to save it as
    /// (`ecs-servers-2026-11.csv`).
    pub async fn csv(
        client: &EcsClient,
        cred: &Credential,
        session: &Session,
        kind: &str,
        year: i32,
        month: u32,
    ) -> Result<(String, Vec<u8>), AppError> {
        let kind = Kind::parse(kind).ok_or_else(|| {
            AppError::invalid("kind", crate::tr!(errors.api.consumption.choose_kind))
        })?;
        let m = asked(year, month, this_month(Utc::now()))?;
        let body = checked(
            client
                .billing_csv(cred, billing_kind(kind), m.year, m.month)
                .await,
            session,
        )
        .await?;
        Ok((format!("ecs-{}-{}.csv", kind.key(), m.stamp()), body))
    }

    pub fn view(
        month: Month,
        kind: Kind,
        current: Month,
        state: MonthState,
        rows: Vec<UsageRow>,
        projection: Option<Projection>,
    ) -> ConsumptionView {
        let total = rows.iter().map(|r| r.cost).sum();
        let hours = rows.iter().map(|r| r.hours).sum();
        let original = rows
            .iter()
            .map(|r| r.original)
            .try_fold(0.0, |acc, o| o.map(|o| acc + o))
            .filter(|_| !rows.is_empty());
        ConsumptionView {
            month,
            kind,
            current,
            state,
            rows,
            total,
            hours,
            original,
            projection,
        }
    }
}
