//! The shared state (`app::shared_state::SharedState`: sign-in throttle counters, form-token
//! claims) kept in the session store's own backend, so replicas that share sessions share it too:
//! Redis (a Lua script makes each throttle step atomic; claims are `SET NX PX`) and SQLite (one
//! table, each step an `IMMEDIATE` transaction, so two processes on one file agree).

use std::time::Duration;

use app::auth::throttle::{self, Record};
use app::shared_state::{SharedError, SharedState};
use fred::prelude::{Expiration, KeysInterface, LuaInterface, Pool as RedisPool, SetOptions};
use tower_sessions_sqlx_store::sqlx::{self, Row, SqliteConnection, SqlitePool};

fn err(e: impl std::fmt::Display) -> SharedError {
    SharedError(e.to_string())
}

fn ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A throttle record as stored: `failures,last_ms,until_ms` (readable by the Lua script too).
fn encode(r: &Record) -> String {
    format!("{},{},{}", r.failures, r.last_ms, r.until_ms)
}

fn decode(s: &str) -> Option<Record> {
    let mut parts = s.split(',').map(|p| p.parse::<i64>().ok());
    let record = Record {
        failures: u32::try_from(parts.next()??).ok()?,
        last_ms: parts.next()??,
        until_ms: parts.next()??,
    };
    parts.next().is_none().then_some(record)
}

// ---------------------------------------------------------------------------------------------
// Redis

pub struct RedisShared {
    pool: RedisPool,
}

impl RedisShared {
    pub fn new(pool: RedisPool) -> Self {
        Self { pool }
    }
}

/// `throttle::attempt` over every key at once, in one atomic step. ARGV: now, free attempts,
/// first wait, max wait, forget-after (all ms). Returns the wait in ms, or 0 when counted.
/// The same rule as `app::auth::throttle::attempt`; the two are held together by the tests that
/// run the same journeys against each backend.
const ATTEMPT_LUA: &str = r#"
local now, free, first, maxw, forget = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local next = {}
for i, key in ipairs(KEYS) do
  local f, last, untl = 0, 0, 0
  local v = redis.call('GET', key)
  if v then
    local a, b, c = string.match(v, '^(%d+),(%-?%d+),(%-?%d+)$')
    if a and now - tonumber(b) < forget then f, last, untl = tonumber(a), tonumber(b), tonumber(c) end
  end
  if untl > now then return untl - now end
  f = f + 1
  local wait = 0
  if f >= free then wait = math.min(first * 2 ^ math.min(f - free, 16), maxw) end
  next[i] = string.format('%d,%d,%d', f, now, now + wait)
end
for i, key in ipairs(KEYS) do redis.call('SET', key, next[i], 'PX', forget) end
return 0
"#;

/// `throttle::refund` on one key.
const REFUND_LUA: &str = r#"
local free, first, maxw, forget = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local v = redis.call('GET', KEYS[1])
if not v then return 0 end
local a, b = string.match(v, '^(%d+),(%-?%d+),')
if not a then redis.call('DEL', KEYS[1]) return 0 end
local f, last = tonumber(a) - 1, tonumber(b)
if f <= 0 then redis.call('DEL', KEYS[1]) return 0 end
local wait = 0
if f >= free then wait = math.min(first * 2 ^ math.min(f - free, 16), maxw) end
redis.call('SET', KEYS[1], string.format('%d,%d,%d', f, last, last + wait), 'PX', forget)
return 0
"#;

fn policy_args() -> Vec<i64> {
    vec![
        i64::from(throttle::FREE_ATTEMPTS),
        throttle::backoff_ms(throttle::FREE_ATTEMPTS),
        throttle::backoff_ms(u32::MAX),
        ms(throttle::FORGET_AFTER),
    ]
}

#[async_trait::async_trait]
impl SharedState for RedisShared {
    async fn throttle_attempt(
        &self,
        keys: &[String],
        now_ms: i64,
    ) -> Result<Option<Duration>, SharedError> {
        if keys.is_empty() {
            return Ok(None);
        }
        let mut args = vec![now_ms];
        args.extend(policy_args());
        let wait: i64 = self
            .pool
            .eval(ATTEMPT_LUA, keys.to_vec(), args)
            .await
            .map_err(err)?;
        Ok((wait > 0).then(|| Duration::from_millis(wait as u64)))
    }

    async fn throttle_settle(
        &self,
        refund: &[String],
        clear: &[String],
    ) -> Result<(), SharedError> {
        for key in refund {
            let _: i64 = self
                .pool
                .eval(REFUND_LUA, vec![key.clone()], policy_args())
                .await
                .map_err(err)?;
        }
        if !clear.is_empty() {
            let _: i64 = self.pool.del(clear.to_vec()).await.map_err(err)?;
        }
        Ok(())
    }

    async fn claim(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<Option<String>, SharedError> {
        let set: Option<String> = self
            .pool
            .set(
                key,
                value,
                Some(Expiration::PX(ms(ttl).max(1))),
                Some(SetOptions::NX),
                false,
            )
            .await
            .map_err(err)?;
        if set.is_some() {
            return Ok(None);
        }
        // Held: its value (or, if it expired in between, the caller's try counts as held by
        // nobody: claim again).
        match self.get(key).await? {
            Some(held) => Ok(Some(held)),
            None => Box::pin(self.claim(key, value, ttl)).await,
        }
    }

    async fn get(&self, key: &str) -> Result<Option<String>, SharedError> {
        self.pool.get(key).await.map_err(err)
    }

    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), SharedError> {
        let _: Option<String> = self
            .pool
            .set(
                key,
                value,
                Some(Expiration::PX(ms(ttl).max(1))),
                None,
                false,
            )
            .await
            .map_err(err)?;
        Ok(())
    }

    async fn remove(&self, key: &str) -> Result<(), SharedError> {
        let _: i64 = self.pool.del(key).await.map_err(err)?;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// SQLite

pub struct SqliteShared {
    pool: SqlitePool,
}

impl SqliteShared {
    /// Creates the table beside the session store's own.
    pub async fn open(pool: SqlitePool) -> Result<Self, SharedError> {
        sqlx::query(
            "CREATE TABLE IF NOT EXISTS panel_shared (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,
                expires_ms INTEGER NOT NULL
            )",
        )
        .execute(&pool)
        .await
        .map_err(err)?;
        Ok(Self { pool })
    }

    /// Deletes what has expired (the session cleanup task calls this).
    pub async fn delete_expired(&self) -> Result<u64, SharedError> {
        let done = sqlx::query("DELETE FROM panel_shared WHERE expires_ms <= ?")
            .bind(now_ms())
            .execute(&self.pool)
            .await
            .map_err(err)?;
        Ok(done.rows_affected())
    }

    /// Runs `step` in a write transaction taken at once (`BEGIN IMMEDIATE`): a deferred one
    /// could read, then fail to upgrade when another process writes first.
    async fn write<T: Send>(
        &self,
        step: impl for<'c> FnOnce(
                &'c mut SqliteConnection,
            )
                -> futures_util::future::BoxFuture<'c, Result<T, sqlx::Error>>
            + Send,
    ) -> Result<T, SharedError> {
        use sqlx::Connection;
        let mut conn = self.pool.acquire().await.map_err(err)?;
        let mut tx = (*conn).begin_with("BEGIN IMMEDIATE").await.map_err(err)?;
        let out = step(&mut tx).await.map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(out)
    }
}

async fn read(conn: &mut SqliteConnection, key: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM panel_shared WHERE key = ? AND expires_ms > ?")
        .bind(key)
        .bind(now_ms())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|r| r.get::<String, _>(0)))
}

async fn upsert(
    conn: &mut SqliteConnection,
    key: &str,
    value: &str,
    ttl: Duration,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO panel_shared (key, value, expires_ms) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_ms = excluded.expires_ms",
    )
    .bind(key)
    .bind(value)
    .bind(now_ms().saturating_add(ms(ttl)))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn delete(conn: &mut SqliteConnection, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM panel_shared WHERE key = ?")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[async_trait::async_trait]
impl SharedState for SqliteShared {
    async fn throttle_attempt(
        &self,
        keys: &[String],
        now_ms: i64,
    ) -> Result<Option<Duration>, SharedError> {
        let keys = keys.to_vec();
        self.write(move |conn| {
            Box::pin(async move {
                let mut records = Vec::with_capacity(keys.len());
                for key in &keys {
                    records.push(read(conn, key).await?.as_deref().and_then(decode));
                }
                let counted = match throttle::attempt_all(&records, now_ms) {
                    Ok(counted) => counted,
                    Err(wait) => return Ok(Some(wait)),
                };
                for (key, next) in keys.iter().zip(&counted) {
                    upsert(conn, key, &encode(next), throttle::FORGET_AFTER).await?;
                }
                Ok(None)
            })
        })
        .await
    }

    async fn throttle_settle(
        &self,
        refund: &[String],
        clear: &[String],
    ) -> Result<(), SharedError> {
        let (refund, clear) = (refund.to_vec(), clear.to_vec());
        self.write(move |conn| {
            Box::pin(async move {
                for key in &refund {
                    let record = read(conn, key).await?.as_deref().and_then(decode);
                    match throttle::refund(record) {
                        Some(r) => upsert(conn, key, &encode(&r), throttle::FORGET_AFTER).await?,
                        None => delete(conn, key).await?,
                    }
                }
                for key in &clear {
                    delete(conn, key).await?;
                }
                Ok(())
            })
        })
        .await
    }

    async fn claim(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<Option<String>, SharedError> {
        let (key, value) = (key.to_string(), value.to_string());
        self.write(move |conn| {
            Box::pin(async move {
                if let Some(held) = read(conn, &key).await? {
                    return Ok(Some(held));
                }
                upsert(conn, &key, &value, ttl).await?;
                Ok(None)
            })
        })
        .await
    }

    async fn get(&self, key: &str) -> Result<Option<String>, SharedError> {
        let mut conn = self.pool.acquire().await.map_err(err)?;
        read(&mut conn, key).await.map_err(err)
    }

    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), SharedError> {
        let mut conn = self.pool.acquire().await.map_err(err)?;
        upsert(&mut conn, key, value, ttl).await.map_err(err)
    }

    async fn remove(&self, key: &str) -> Result<(), SharedError> {
        let mut conn = self.pool.acquire().await.map_err(err)?;
        delete(&mut conn, key).await.map_err(err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_and_junk_reads_as_none() {
        let r = Record {
            failures: 7,
            last_ms: 1_700_000_000_000,
            until_ms: 1_700_000_004_000,
        };
        assert_eq!(decode(&encode(&r)), Some(r));
        for junk in ["", "1,2", "x,1,2", "-1,2,3", "1,2,3,4"] {
            assert_eq!(decode(junk), None, "{junk:?}");
        }
    }

    #[test]
    fn the_lua_scripts_are_given_the_rust_policy() {
        // free attempts, first wait, max wait, forget-after
        assert_eq!(policy_args(), vec![5, 1_000, 60_000, 900_000]);
    }
}
