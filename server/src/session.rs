//! Session stores and the cookie policy. One config value picks the store: SQLite by default
//! (sessions survive a restart), Redis for several replicas, memory for tests.

use std::time::Duration;

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
use tower_sessions_sqlx_store::{sqlx::SqlitePool, SqliteStore};

use crate::config::SessionStoreKind;

pub const COOKIE_NAME: &str = "ecs_panel_session";

/// Whichever store the configuration selected, behind one type.
#[derive(Debug, Clone)]
pub enum AnyStore {
    Memory(MemoryStore),
    Sqlite(SqliteStore),
    Redis(RedisStore<RedisPool>),
}

impl AnyStore {
    /// Opens (and for SQLite, migrates) the store. SQLite gets a task that deletes expired
    /// records; Redis expires them itself; memory never does (tests only).
    pub async fn open(kind: &SessionStoreKind) -> Result<Self, String> {
        match kind {
            SessionStoreKind::Memory => Ok(AnyStore::Memory(MemoryStore::default())),
            SessionStoreKind::Sqlite(path) => {
                let pool = SqlitePool::connect(&format!("sqlite://{path}?mode=rwc"))
                    .await
                    .map_err(|e| format!("cannot open the session database {path:?}: {e}"))?;
                let store = SqliteStore::new(pool);
                store
                    .migrate()
                    .await
                    .map_err(|e| format!("cannot prepare the session database {path:?}: {e}"))?;
                tokio::spawn(
                    store
                        .clone()
                        .continuously_delete_expired(tokio::time::Duration::from_secs(600)),
                );
                Ok(AnyStore::Sqlite(store))
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
                Ok(AnyStore::Redis(RedisStore::new(pool)))
            }
        }
    }
}

#[async_trait]
impl SessionStore for AnyStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => s.create(record).await,
            AnyStore::Sqlite(s) => s.create(record).await,
            AnyStore::Redis(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => s.save(record).await,
            AnyStore::Sqlite(s) => s.save(record).await,
            AnyStore::Redis(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            AnyStore::Memory(s) => s.load(id).await,
            AnyStore::Sqlite(s) => s.load(id).await,
            AnyStore::Redis(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            AnyStore::Memory(s) => s.delete(id).await,
            AnyStore::Sqlite(s) => s.delete(id).await,
            AnyStore::Redis(s) => s.delete(id).await,
        }
    }
}

/// The cookie holds only the opaque session id: HttpOnly, SameSite=Lax, Secure when configured.
/// `always_save` makes the idle timeout count every request, not only writes.
pub fn session_layer(
    store: AnyStore,
    secure: bool,
    idle: Duration,
) -> SessionManagerLayer<AnyStore> {
    let idle = time::Duration::seconds(i64::try_from(idle.as_secs()).unwrap_or(i64::MAX));
    SessionManagerLayer::new(store)
        .with_name(COOKIE_NAME)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
        .with_always_save(true)
}
