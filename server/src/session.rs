//! Session stores and the cookie policy. One config value picks the store: SQLite by default
//! (sessions survive a restart), Redis for several replicas, memory for tests. The same backend
//! keeps the panel's other shared state (`crate::shared_store`).
//!
//! Records are written only for signed-in users: nothing anonymous is saved, so a flood of
//! made-up cookies stores nothing; and a save never brings back a record that sign-out deleted
//! (a request still in flight at sign-out, such as the live poller, cannot undo it).

use std::sync::Arc;
use std::time::Duration;

use app::shared_state::{MemoryState, SharedState};
use async_trait::async_trait;
use tower_sessions::{
    cookie::{time, SameSite},
    session::{Id, Record},
    session_store::{self, ExpiredDeletion},
    Expiry, MemoryStore, SessionManagerLayer, SessionStore,
};
use tower_sessions_redis_store::{
    fred::prelude::{ClientLike, Config as RedisConfig, Pool as RedisPool},
    RedisStore,
};
use tower_sessions_sqlx_store::{
    sqlx::{self, SqlitePool},
    SqliteStore,
};

use crate::config::SessionStoreKind;
use crate::shared_store::{RedisShared, SqliteShared};

/// The cookie's name over plain http (the demo, tests).
pub const COOKIE_NAME: &str = "ecs_panel_session";
/// Its name when `Secure`: the `__Host-` prefix makes browsers refuse it unless it is Secure,
/// host-only and for `/`, so no sibling subdomain can plant or shadow it.
pub const SECURE_COOKIE_NAME: &str = "__Host-ecs_panel_session";

/// Whichever store the configuration selected, behind one type.
#[derive(Debug, Clone)]
pub enum AnyStore {
    Memory(MemoryStore),
    Sqlite(SqliteStore, SqlitePool),
    Redis(RedisStore<RedisPool>),
}

/// How often expired SQLite records (sessions and shared state) are deleted.
const CLEANUP_EVERY: Duration = Duration::from_secs(600);

impl AnyStore {
    /// Opens (and for SQLite, migrates) the store, and the shared state beside it. SQLite gets a
    /// task that deletes expired records; Redis expires them itself; memory never does (tests).
    pub async fn open(kind: &SessionStoreKind) -> Result<(Self, Arc<dyn SharedState>), String> {
        match kind {
            SessionStoreKind::Memory => Ok((
                AnyStore::Memory(MemoryStore::default()),
                Arc::new(MemoryState::default()),
            )),
            SessionStoreKind::Sqlite(path) => {
                owner_only_file(path)
                    .map_err(|e| format!("cannot create the session database {path:?}: {e}"))?;
                let pool = SqlitePool::connect(&format!("sqlite://{path}?mode=rwc"))
                    .await
                    .map_err(|e| format!("cannot open the session database {path:?}: {e}"))?;
                let store = SqliteStore::new(pool.clone());
                store
                    .migrate()
                    .await
                    .map_err(|e| format!("cannot prepare the session database {path:?}: {e}"))?;
                let shared =
                    Arc::new(SqliteShared::open(pool.clone()).await.map_err(|e| {
                        format!("cannot prepare the session database {path:?}: {e}")
                    })?);
                tokio::spawn(delete_expired_forever(
                    store.clone(),
                    shared.clone(),
                    CLEANUP_EVERY,
                ));
                Ok((AnyStore::Sqlite(store, pool), shared))
            }
            SessionStoreKind::Redis(url) => {
                let config = RedisConfig::from_url(url)
                    .map_err(|e| format!("ECS_PANEL_SESSION_STORE is not a Redis URL: {e}"))?;
                let pool = RedisPool::new(config, None, None, None, 4)
                    .map_err(|e| format!("cannot create the Redis pool: {e}"))?;
                pool.connect();
                tokio::time::timeout(Duration::from_secs(5), pool.wait_for_connect())
                    .await
                    .map_err(|_| "cannot reach Redis within 5 s".to_string())?
                    .map_err(|e| format!("cannot reach Redis: {e}"))?;
                let shared = Arc::new(RedisShared::new(pool.clone()));
                Ok((AnyStore::Redis(RedisStore::new(pool)), shared))
            }
        }
    }

    /// Records in the store (tests and the flood check); `None` for Redis, which is not counted.
    pub async fn record_count(&self) -> Option<i64> {
        match self {
            AnyStore::Sqlite(_, pool) => sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
                .fetch_one(pool)
                .await
                .ok(),
            _ => None,
        }
    }

    /// Whether a record with this id is stored now.
    async fn exists(&self, id: &Id) -> session_store::Result<bool> {
        Ok(self.load(id).await?.is_some())
    }
}

/// The session database is created readable and writable by its owner only: it holds upstream
/// tokens. SQLite gives its `-wal` and `-shm` files the database file's permissions.
fn owner_only_file(path: &str) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
}

/// Deletes expired records every ten minutes; a failure is logged and the task carries on (a
/// database briefly locked or full must not end the cleanup for good).
async fn delete_expired_forever(store: SqliteStore, shared: Arc<SqliteShared>, every: Duration) {
    let mut every = tokio::time::interval(every);
    loop {
        every.tick().await;
        if let Err(err) = store.delete_expired().await {
            tracing::warn!(%err, "could not delete expired sessions; trying again later");
        }
        if let Err(err) = shared.delete_expired().await {
            tracing::warn!(%err, "could not delete expired shared state; trying again later");
        }
    }
}

#[async_trait]
impl SessionStore for AnyStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => s.create(record).await,
            AnyStore::Sqlite(s, _) => s.create(record).await,
            AnyStore::Redis(s) => s.create(record).await,
        }
    }

    /// Only ever updates: a record deleted by sign-out stays deleted, whatever request that
    /// loaded it earlier finishes later. (Redis's own save is `SET XX` already.)
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => {
                if self.exists(&record.id).await? {
                    s.save(record).await?;
                }
                Ok(())
            }
            AnyStore::Sqlite(s, _) => {
                if self.exists(&record.id).await? {
                    s.save(record).await?;
                }
                Ok(())
            }
            AnyStore::Redis(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            AnyStore::Memory(s) => s.load(id).await,
            AnyStore::Sqlite(s, _) => s.load(id).await,
            AnyStore::Redis(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => s.delete(id).await,
            AnyStore::Sqlite(s, _) => s.delete(id).await,
            AnyStore::Redis(s) => s.delete(id).await,
        }
    }
}

/// The cookie holds only the opaque session id: HttpOnly, SameSite=Lax, Secure (and `__Host-`)
/// when configured. Nothing is saved unless something changed: signing in writes the record,
/// and `app::auth::session::renew` moves a signed-in session's expiry on as it is used.
pub fn session_layer(
    store: AnyStore,
    secure: bool,
    idle: Duration,
) -> SessionManagerLayer<AnyStore> {
    let idle = time::Duration::seconds(i64::try_from(idle.as_secs()).unwrap_or(i64::MAX));
    SessionManagerLayer::new(store)
        .with_name(if secure {
            SECURE_COOKIE_NAME
        } else {
            COOKIE_NAME
        })
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_cleanup_task_survives_a_failing_database_and_carries_on() {
        // One connection: each in-memory connection is a database of its own.
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .expect("pool");
        let store = SqliteStore::new(pool.clone());
        let shared = Arc::new(SqliteShared::open(pool.clone()).await.expect("shared"));
        // No session table yet: every round fails.
        let task = tokio::spawn(delete_expired_forever(
            store.clone(),
            shared.clone(),
            Duration::from_millis(20),
        ));
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!task.is_finished(), "a failed round must not end the task");
        // Once the database is whole again, the next rounds delete what expired.
        store.migrate().await.expect("migrate");
        sqlx::query("INSERT INTO tower_sessions (id, data, expiry_date) VALUES ('x', x'80', 0)")
            .execute(&pool)
            .await
            .expect("an expired record");
        tokio::time::sleep(Duration::from_millis(100)).await;
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
            .fetch_one(&pool)
            .await
            .expect("count");
        assert_eq!(left, 0);
        task.abort();
    }
}
