//! State that must hold across requests *and across replicas*: sign-in throttle counters and the
//! create form's one-server-per-token claims. It lives in the configured session store's backend
//! when that one is shared (Redis, SQLite: the server crate implements this trait for them), and in
//! this process's memory only with the `memory` store.

use std::time::Duration;

mod memory;
mod once;

pub use memory::{MemoryState, MEMORY_CAP};
pub use once::{once, Ran};

#[derive(Debug, thiserror::Error)]
#[error("the panel's shared store failed: {0}")]
pub struct SharedError(pub String);

/// What the panel keeps beside its sessions.
#[async_trait::async_trait]
pub trait SharedState: Send + Sync + 'static {
    /// One sign-in attempt against every key at once, atomically: when any key must still wait,
    /// that wait (nothing counted); otherwise the attempt is counted against each key *before*
    /// the upstream call, so attempts sent together cannot all pass.
    async fn throttle_attempt(
        &self,
        keys: &[String],
        now_ms: i64,
    ) -> Result<Option<Duration>, SharedError>;

    /// After the upstream answered: the attempt is taken back from `refund` (it was no failure)
    /// and `clear` is forgotten altogether (a success for that username).
    async fn throttle_settle(&self, refund: &[String], clear: &[String])
        -> Result<(), SharedError>;

    /// Sets `key` to `value` for `ttl` unless it is set: `None` when this call set it, else the
    /// value it holds.
    async fn claim(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<Option<String>, SharedError>;

    /// The value of `key`, if set and not expired.
    async fn get(&self, key: &str) -> Result<Option<String>, SharedError>;

    /// Sets `key` to `value` for `ttl`, whatever it held.
    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), SharedError>;

    async fn remove(&self, key: &str) -> Result<(), SharedError>;
}
