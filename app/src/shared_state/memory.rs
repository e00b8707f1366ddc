//! The single-process shared state (`--session-store memory`): one bounded LRU map.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hashlink::LruCache;

use super::{SharedError, SharedState};
use crate::auth::throttle::{self, Record};

/// At most this many keys in memory; the least recently used goes first. A hard bound, and O(1)
/// per attempt: a flood of distinct usernames neither grows memory nor slows anyone's sign-in.
pub const MEMORY_CAP: usize = 100_000;

enum Value {
    Throttle(Record),
    Text(String, Instant),
}

/// The single-process store (`--session-store memory`): one LRU map behind a mutex.
pub struct MemoryState {
    map: Mutex<LruCache<String, Value>>,
}

impl Default for MemoryState {
    fn default() -> Self {
        Self::with_capacity(MEMORY_CAP)
    }
}

impl MemoryState {
    pub fn with_capacity(cap: usize) -> Self {
        Self {
            map: Mutex::new(LruCache::new(cap)),
        }
    }

    fn map(&self) -> std::sync::MutexGuard<'_, LruCache<String, Value>> {
        self.map.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn len(&self) -> usize {
        self.map().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn text(map: &mut LruCache<String, Value>, key: &str) -> Option<String> {
        match map.get(key) {
            Some(Value::Text(v, until)) if *until > Instant::now() => Some(v.clone()),
            _ => None,
        }
    }
}

fn record(map: &mut LruCache<String, Value>, key: &str) -> Option<Record> {
    match map.get(key) {
        Some(Value::Throttle(r)) => Some(*r),
        _ => None,
    }
}

#[async_trait::async_trait]
impl SharedState for MemoryState {
    async fn throttle_attempt(
        &self,
        keys: &[String],
        now_ms: i64,
    ) -> Result<Option<Duration>, SharedError> {
        let mut map = self.map();
        let records: Vec<Option<Record>> = keys.iter().map(|k| record(&mut map, k)).collect();
        let counted = match throttle::attempt_all(&records, now_ms) {
            Ok(counted) => counted,
            Err(wait) => return Ok(Some(wait)),
        };
        for (key, next) in keys.iter().zip(counted) {
            map.insert(key.clone(), Value::Throttle(next));
        }
        Ok(None)
    }

    async fn throttle_settle(
        &self,
        refund: &[String],
        clear: &[String],
    ) -> Result<(), SharedError> {
        let mut map = self.map();
        for key in refund {
            match throttle::refund(record(&mut map, key)) {
                Some(r) => map.insert(key.clone(), Value::Throttle(r)),
                None => map.remove(key),
            };
        }
        for key in clear {
            map.remove(key);
        }
        Ok(())
    }

    async fn claim(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<Option<String>, SharedError> {
        let mut map = self.map();
        if let Some(held) = Self::text(&mut map, key) {
            return Ok(Some(held));
        }
        map.insert(
            key.to_string(),
            Value::Text(value.to_string(), Instant::now() + ttl),
        );
        Ok(None)
    }

    async fn get(&self, key: &str) -> Result<Option<String>, SharedError> {
        Ok(Self::text(&mut self.map(), key))
    }

    async fn put(&self, key: &str, value: &str, ttl: Duration) -> Result<(), SharedError> {
        self.map().insert(
            key.to_string(),
            Value::Text(value.to_string(), Instant::now() + ttl),
        );
        Ok(())
    }

    async fn remove(&self, key: &str) -> Result<(), SharedError> {
        self.map().remove(key);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_claim_is_held_until_it_expires_or_is_removed() {
        let s = MemoryState::default();
        let ttl = Duration::from_secs(60);
        assert_eq!(s.claim("k", "pending", ttl).await.unwrap(), None);
        assert_eq!(
            s.claim("k", "pending", ttl).await.unwrap().as_deref(),
            Some("pending")
        );
        s.put("k", "done", ttl).await.unwrap();
        assert_eq!(s.get("k").await.unwrap().as_deref(), Some("done"));
        s.remove("k").await.unwrap();
        assert_eq!(s.claim("k", "again", Duration::ZERO).await.unwrap(), None);
        // Expired at once: claimable again.
        assert_eq!(s.claim("k", "third", ttl).await.unwrap(), None);
    }

    #[tokio::test]
    async fn a_flood_of_usernames_keeps_memory_bounded_and_attempts_flat() {
        let s = MemoryState::default();
        let mut batches = Vec::new();
        for batch in 0..20 {
            let started = Instant::now();
            for i in 0..10_000 {
                let key = [format!("throttle:user:flood-{batch}-{i}")];
                s.throttle_attempt(&key, 0).await.unwrap();
            }
            batches.push(started.elapsed());
        }
        assert_eq!(
            s.len(),
            MEMORY_CAP,
            "200,000 usernames, at most {MEMORY_CAP} kept"
        );
        // Past the cap an attempt costs what it cost before it (no scan of the whole map).
        let (first, last) = (batches[0], batches[19]);
        assert!(
            last < first * 5 + Duration::from_millis(50),
            "first 10,000: {first:?}, last 10,000: {last:?}"
        );
    }
}
