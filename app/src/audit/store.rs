//! The audit log in the panel database: append, read a filtered page (newest first), export as
//! CSV, and forget what is older than the retention.

use chrono::{NaiveDate, TimeZone, Utc};

use super::Entry;
use crate::db::{new_id, now_ms, Db, DbError};
use crate::model::audit::{AuditFilter, AuditRow, Outcome};
use crate::model::time::Stamp;

pub async fn append(db: &Db, e: &Entry) -> Result<(), DbError> {
    let at = now_ms();
    sqlx::query(
        "INSERT INTO audit_log (id, at_ms, actor, role, operation, resource, params, peer, outcome, detail, action_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(new_id(at))
    .bind(at)
    .bind(&e.actor)
    .bind(&e.role)
    .bind(&e.operation)
    .bind(&e.resource)
    .bind(&e.params)
    .bind(&e.peer)
    .bind(e.outcome.as_str())
    .bind(&e.detail)
    .bind(e.action_id.and_then(|id| i64::try_from(id).ok()))
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Why a filter cannot be used, at its field.
pub fn filter_problem(f: &AuditFilter) -> Option<(&'static str, String)> {
    if !f.outcome.is_empty() && Outcome::parse(&f.outcome).is_none() {
        return Some(("outcome", crate::tr!(errors.api.audit.pick_outcome).into()));
    }
    for (field, value) in [("from", &f.from), ("to", &f.to)] {
        if !value.is_empty() && NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err() {
            return Some((field, crate::tr!(errors.api.audit.date_format).into()));
        }
    }
    None
}

/// The WHERE clause of `f` and its values, numbered from `$1`.
fn conditions(f: &AuditFilter) -> (String, Vec<String>, Vec<i64>) {
    let mut clauses = Vec::new();
    let mut texts = Vec::new();
    for (column, value) in [
        ("actor", &f.actor),
        ("operation", &f.operation),
        ("outcome", &f.outcome),
    ] {
        let value = value.trim();
        if !value.is_empty() {
            texts.push(value.to_string());
            clauses.push(format!("{column} = ${}", texts.len()));
        }
    }
    let day = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| Utc.from_utc_datetime(&d).timestamp_millis())
    };
    let mut times = Vec::new();
    if let Some(from) = day(&f.from) {
        times.push(from);
        clauses.push(format!("at_ms >= ${}", texts.len() + times.len()));
    }
    if let Some(to) = day(&f.to) {
        times.push(to + 86_400_000);
        clauses.push(format!("at_ms < ${}", texts.len() + times.len()));
    }
    let clause = if clauses.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", clauses.join(" AND "))
    };
    (clause, texts, times)
}

type Row = (
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
);

const COLUMNS: &str =
    "id, at_ms, actor, role, operation, resource, params, peer, outcome, detail, action_id";

fn row(r: Row, now: chrono::DateTime<Utc>) -> AuditRow {
    let (id, at_ms, actor, role, operation, resource, params, peer, outcome, detail, action_id) = r;
    let at = Utc.timestamp_millis_opt(at_ms).single().unwrap_or(now);
    let pretty = serde_json::from_str::<serde_json::Value>(&params)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or(params);
    AuditRow {
        id,
        at: Stamp::new(at, now),
        actor,
        role,
        label: crate::access::label(&operation).to_string(),
        operation,
        resource,
        params: pretty,
        peer,
        outcome: Outcome::parse(&outcome).unwrap_or(Outcome::Failed),
        detail,
        action_id: action_id.and_then(|a| u64::try_from(a).ok()),
    }
}

/// One page of entries matching `f`, newest first, and how many match in all.
pub async fn page(
    db: &Db,
    f: &AuditFilter,
    offset: usize,
    limit: usize,
) -> Result<(Vec<AuditRow>, u64), DbError> {
    let (clause, texts, times) = conditions(f);
    let sql = format!("SELECT COUNT(*) FROM audit_log{clause}");
    let mut count = sqlx::query_as::<_, (i64,)>(&sql);
    for t in &texts {
        count = count.bind(t.clone());
    }
    for t in &times {
        count = count.bind(*t);
    }
    let (total,) = count.fetch_one(&db.pool).await?;
    let rows = fetch(db, &clause, &texts, &times, offset, limit).await?;
    let now = Utc::now();
    Ok((
        rows.into_iter().map(|r| row(r, now)).collect(),
        u64::try_from(total).unwrap_or(0),
    ))
}

async fn fetch(
    db: &Db,
    clause: &str,
    texts: &[String],
    times: &[i64],
    offset: usize,
    limit: usize,
) -> Result<Vec<Row>, DbError> {
    let n = texts.len() + times.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log{clause} ORDER BY at_ms DESC, id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let mut q = sqlx::query_as::<_, Row>(&sql);
    for t in texts {
        q = q.bind(t.clone());
    }
    for t in times {
        q = q.bind(*t);
    }
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let offset = i64::try_from(offset).unwrap_or(0);
    Ok(q.bind(limit).bind(offset).fetch_all(&db.pool).await?)
}

/// Every entry matching `f` (at most `max`, newest first) as CSV with a header row.
pub async fn csv(db: &Db, f: &AuditFilter, max: usize) -> Result<Vec<u8>, DbError> {
    let (clause, texts, times) = conditions(f);
    let rows = fetch(db, &clause, &texts, &times, 0, max).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let header = [
        "time_utc",
        "actor",
        "role",
        "operation",
        "resource",
        "outcome",
        "detail",
        "action_id",
        "peer",
        "params",
    ];
    let write = |out: &mut csv::Writer<Vec<u8>>, rec: &[String]| {
        out.write_record(rec).map_err(|e| {
            tracing::error!(%e, "could not write an audit CSV row");
            DbError::Query(sqlx::Error::Protocol("CSV".into()))
        })
    };
    write(&mut out, &header.map(str::to_string))?;
    for (_, at_ms, actor, role, operation, resource, params, peer, outcome, detail, action_id) in
        rows
    {
        let at = Utc
            .timestamp_millis_opt(at_ms)
            .single()
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default();
        write(
            &mut out,
            &[
                at,
                actor,
                role,
                operation,
                resource,
                outcome,
                detail,
                action_id.map(|a| a.to_string()).unwrap_or_default(),
                peer,
                params,
            ],
        )?;
    }
    out.into_inner()
        .map_err(|_| DbError::Query(sqlx::Error::Protocol("CSV".into())))
}

/// Forgets entries older than `keep`; how many went.
pub async fn purge(db: &Db, keep: std::time::Duration) -> Result<u64, DbError> {
    let cutoff = now_ms() - i64::try_from(keep.as_millis()).unwrap_or(i64::MAX / 2);
    let done = sqlx::query("DELETE FROM audit_log WHERE at_ms < $1")
        .bind(cutoff)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected())
}
