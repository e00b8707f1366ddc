//! Sign-in throttling: failed attempts slow down further ones, per peer address and per
//! username, with exponential backoff and no hard lockout (a lockout would let anyone lock the
//! admin out). A success clears both counters.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before any waiting.
const FREE_FAILURES: u32 = 5;
/// The first wait, doubled with every further failure…
const FIRST_WAIT: Duration = Duration::from_secs(1);
/// …up to this.
const MAX_WAIT: Duration = Duration::from_secs(60);
/// A key with no failure for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// Bound on remembered keys, so a flood of usernames cannot grow memory without end.
const MAX_KEYS: usize = 100_000;

/// The peer address of a request, put into its extensions by the server (never taken from
/// `X-Forwarded-For`, which any client can write).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub IpAddr);

/// This request's peer address, when the server knows it.
pub fn request_peer() -> Option<IpAddr> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Peer>().copied())
        .map(|p| p.0)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Peer(IpAddr),
    User(String),
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    last: Instant,
    until: Instant,
}

#[derive(Debug, Default)]
pub struct Throttle {
    entries: Mutex<HashMap<Key, Entry>>,
}

impl Throttle {
    /// How long this attempt must still wait (`None`: go ahead).
    pub fn wait(&self, peer: Option<IpAddr>, username: &str, now: Instant) -> Option<Duration> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        keys(peer, username)
            .filter_map(|k| entries.get(&k))
            .filter_map(|e| e.until.checked_duration_since(now))
            .filter(|d| !d.is_zero())
            .max()
    }

    pub fn failed(&self, peer: Option<IpAddr>, username: &str, now: Instant) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= MAX_KEYS {
            entries.retain(|_, e| now.duration_since(e.last) < FORGET_AFTER);
        }
        for key in keys(peer, username) {
            let e = entries.entry(key).or_insert(Entry {
                failures: 0,
                last: now,
                until: now,
            });
            if now.duration_since(e.last) >= FORGET_AFTER {
                e.failures = 0;
            }
            e.failures += 1;
            e.last = now;
            e.until = now + backoff(e.failures);
        }
    }

    pub fn succeeded(&self, peer: Option<IpAddr>, username: &str) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        for key in keys(peer, username) {
            entries.remove(&key);
        }
    }
}

fn keys(peer: Option<IpAddr>, username: &str) -> impl Iterator<Item = Key> {
    let user = username.trim().to_lowercase();
    peer.map(Key::Peer)
        .into_iter()
        .chain((!user.is_empty()).then_some(Key::User(user)))
}

/// The wait after `failures` failures: none for the first few, then 1 s, 2 s, 4 s… up to a minute.
fn backoff(failures: u32) -> Duration {
    match failures.checked_sub(FREE_FAILURES) {
        None | Some(0) => Duration::ZERO,
        Some(n) => FIRST_WAIT
            .saturating_mul(1u32 << (n - 1).min(16))
            .min(MAX_WAIT),
    }
}

/// "Too many failed sign-ins. Try again in 4 s."
pub fn try_again_words(wait: Duration) -> String {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    format!("Too many failed sign-ins. Try again in {secs} s.")
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1)));
    const B: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2)));

    #[test]
    fn backoff_starts_after_the_free_failures_doubles_and_is_capped() {
        let waits: Vec<u64> = (1..=14).map(|n| backoff(n).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn failures_slow_the_peer_and_the_username_then_expire() {
        let t = Throttle::default();
        let now = Instant::now();
        for _ in 0..6 {
            assert_eq!(t.wait(A, "demo", now), None);
            t.failed(A, "demo", now);
        }
        assert_eq!(t.wait(A, "demo", now), Some(Duration::from_secs(1)));
        // The same username from elsewhere waits too; another user from elsewhere does not.
        assert_eq!(t.wait(B, "DEMO ", now), Some(Duration::from_secs(1)));
        assert_eq!(t.wait(B, "alice", now), None);
        // The same peer trying another username waits (guessing across accounts).
        assert!(t.wait(A, "alice", now).is_some());
        // No lockout: the wait ends.
        assert_eq!(t.wait(A, "demo", now + Duration::from_secs(1)), None);
        t.failed(A, "demo", now + Duration::from_secs(1));
        assert_eq!(
            t.wait(A, "demo", now + Duration::from_secs(1)),
            Some(Duration::from_secs(2))
        );
    }

    #[test]
    fn success_clears_and_old_failures_are_forgotten() {
        let t = Throttle::default();
        let now = Instant::now();
        for _ in 0..8 {
            t.failed(A, "demo", now);
        }
        t.succeeded(A, "demo");
        assert_eq!(t.wait(A, "demo", now), None);
        for _ in 0..8 {
            t.failed(A, "demo", now);
        }
        let later = now + FORGET_AFTER;
        t.failed(A, "demo", later);
        // Counting starts again: one failure, no wait.
        assert_eq!(t.wait(A, "demo", later), None);
    }

    #[test]
    fn words_round_up() {
        assert_eq!(
            try_again_words(Duration::from_millis(1500)),
            "Too many failed sign-ins. Try again in 2 s."
        );
    }
}
