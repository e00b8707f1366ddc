//! The panel's own database: team mode's people and the audit log (sessions have their own
//! store). SQLite by default, Postgres when several replicas share it; one set of portable
//! migrations, embedded and run at start, through sqlx's Any driver.

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the panel database URL must be sqlite://<file>, sqlite::memory: or postgres://…, got {0:?}")]
    Url(String),
    #[error("cannot open the panel database: {0}")]
    Open(sqlx::Error),
    #[error("cannot migrate the panel database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("panel database: {0}")]
    Query(#[from] sqlx::Error),
}

#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
}

impl Db {
    /// Opens (creating a SQLite file if needed) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let url = url.trim();
        let (url, connections) = if url == "sqlite::memory:" {
            // Every connection to `:memory:` is a database of its own: keep exactly one.
            (url.to_string(), 1)
        } else if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(DbError::Url(url.into()));
            }
            // Create the file on first start, as the session store does.
            let sep = if path.contains('?') { '&' } else { '?' };
            let url = if path.contains("mode=") {
                url.to_string()
            } else {
                format!("{url}{sep}mode=rwc")
            };
            (url, 4)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (url.to_string(), 8)
        } else {
            return Err(DbError::Url(url.into()));
        };
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .min_connections(if connections == 1 { 1 } else { 0 })
            // The in-memory database lives as long as its one connection.
            .idle_timeout((connections > 1).then_some(std::time::Duration::from_secs(600)))
            .max_lifetime((connections > 1).then_some(std::time::Duration::from_secs(1800)))
            .connect(&url)
            .await
            .map_err(DbError::Open)?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Db { pool })
    }
}

/// Now, in Unix milliseconds (how the database keeps time).
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A new row id that sorts by time: the millisecond, then random bits (no two replicas collide).
pub fn new_id(at_ms: i64) -> String {
    format!("{at_ms:013}-{:016x}", rand::random::<u64>())
}
