//! Sign-in throttling: failed attempts slow down further ones, per peer address and per
//! username, with exponential backoff and no hard lockout (a lockout would let anyone lock the
//! admin out). The attempt is counted *before* the upstream call, so a burst of guesses sent at
//! once cannot all pass; the counters live in the shared store ([`SharedState`]), so N replicas
//! do not give an attacker N times the attempts.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::shared_state::{SharedError, SharedState};

/// Attempts that go through before any waiting.
pub const FREE_ATTEMPTS: u32 = 5;
/// The first wait, doubled with every further failure…
const FIRST_WAIT_MS: i64 = 1_000;
/// …up to this.
const MAX_WAIT_MS: i64 = 60_000;
/// A key with no attempt for this long is forgotten.
pub const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// Longer usernames are refused at the field and never reach the throttle or the upstream.
pub const MAX_USERNAME_BYTES: usize = 256;

/// The client's address as the throttle counts it, put into the request's extensions by the
/// server: the TCP peer, or behind a trusted proxy the address it forwarded for (see the server's
/// `--trusted-proxies`); never a header any client can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peer(pub IpAddr);

/// This request's peer address, when the server knows it.
pub fn request_peer() -> Option<IpAddr> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<Peer>().copied())
        .map(|p| p.0)
}

/// One key's count: failures in the window, the latest attempt, and when the next may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub failures: u32,
    pub last_ms: i64,
    pub until_ms: i64,
}

/// One attempt on a key: the wait still due, or the record that counts this attempt.
pub fn attempt(record: Option<Record>, now_ms: i64) -> Result<Record, Duration> {
    let record = record.filter(|r| now_ms - r.last_ms < FORGET_AFTER.as_millis() as i64);
    if let Some(r) = record.filter(|r| r.until_ms > now_ms) {
        return Err(Duration::from_millis((r.until_ms - now_ms) as u64));
    }
    let failures = record.map_or(0, |r| r.failures) + 1;
    Ok(Record {
        failures,
        last_ms: now_ms,
        until_ms: now_ms + backoff_ms(failures),
    })
}

/// [`attempt`] on every key of one sign-in at once: the wait any key still owes (nothing counted),
/// or each key's record counting this attempt. What every backend runs inside its atomic step.
pub fn attempt_all(records: &[Option<Record>], now_ms: i64) -> Result<Vec<Record>, Duration> {
    records.iter().map(|r| attempt(*r, now_ms)).collect()
}

/// Takes one counted attempt back (it was no failure); `None` when nothing is left.
pub fn refund(record: Option<Record>) -> Option<Record> {
    let r = record?;
    let failures = r.failures.checked_sub(1).filter(|f| *f > 0)?;
    Some(Record {
        failures,
        until_ms: r.last_ms + backoff_ms(failures),
        ..r
    })
}

/// The wait after `failures` failures: none until the free attempts are used, then 1 s, 2 s,
/// 4 s… up to a minute.
pub fn backoff_ms(failures: u32) -> i64 {
    match failures.checked_sub(FREE_ATTEMPTS) {
        None => 0,
        Some(n) => (FIRST_WAIT_MS << n.min(16)).min(MAX_WAIT_MS),
    }
}

/// The keys one attempt counts against: the peer (IPv6 per /64, which one subscriber usually
/// holds whole) and the username (case and surrounding spaces ignored).
pub fn keys(peer: Option<IpAddr>, username: &str) -> (Option<String>, Option<String>) {
    let peer = peer.map(|ip| match ip {
        IpAddr::V4(v4) => format!("throttle:peer:{v4}"),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!(
                "throttle:peer:{:x}:{:x}:{:x}:{:x}::/64",
                s[0], s[1], s[2], s[3]
            )
        }
    });
    let user = username.trim().to_lowercase();
    let user = (!user.is_empty()).then(|| format!("throttle:user:{user}"));
    (peer, user)
}

/// The sign-in throttle over the panel's shared store.
#[derive(Clone)]
pub struct Throttle {
    store: Arc<dyn SharedState>,
}

/// An attempt that was let through; say how it ended.
#[must_use = "say how the attempt ended"]
pub struct Attempt {
    store: Arc<dyn SharedState>,
    peer: Option<String>,
    user: Option<String>,
}

impl Throttle {
    pub fn new(store: Arc<dyn SharedState>) -> Self {
        Self { store }
    }

    /// Counts one attempt, or says how long to wait (`Err(Some(wait))`); `Err(None)` when the
    /// shared store cannot be reached (the attempt is not let through unchecked).
    pub async fn begin(
        &self,
        peer: Option<IpAddr>,
        username: &str,
    ) -> Result<Attempt, Option<Duration>> {
        let (peer, user) = keys(peer, username);
        let all: Vec<String> = peer.iter().chain(user.iter()).cloned().collect();
        let now_ms = chrono::Utc::now().timestamp_millis();
        match self.store.throttle_attempt(&all, now_ms).await {
            Ok(None) => Ok(Attempt {
                store: self.store.clone(),
                peer,
                user,
            }),
            Ok(Some(wait)) => Err(Some(wait)),
            Err(err) => {
                tracing::error!(%err, "the sign-in throttle cannot reach its store");
                Err(None)
            }
        }
    }
}

impl Attempt {
    /// Wrong credentials: the attempt stays counted.
    pub fn failed(self) {}

    /// Signed in: that username starts afresh; the address keeps its other failures (one good
    /// sign-in must not reset an attacker's count), only this attempt is taken back.
    pub async fn succeeded(self) {
        let refund: Vec<String> = self.peer.iter().cloned().collect();
        let clear: Vec<String> = self.user.iter().cloned().collect();
        self.settle(&refund, &clear).await;
    }

    /// The upstream never judged the credentials (an outage): nothing is counted.
    pub async fn not_judged(self) {
        let refund: Vec<String> = self.peer.iter().chain(self.user.iter()).cloned().collect();
        self.settle(&refund, &[]).await;
    }

    async fn settle(&self, refund: &[String], clear: &[String]) {
        if let Err(SharedError(err)) = self.store.throttle_settle(refund, clear).await {
            tracing::warn!(%err, "could not settle a sign-in attempt");
        }
    }
}

/// "Too many failed sign-ins. Try again in 4 s."
pub fn try_again_words(wait: Duration) -> String {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    crate::tr!(errors.api.auth.throttled, secs = secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared_state::MemoryState;

    fn t() -> Throttle {
        Throttle::new(Arc::new(MemoryState::default()))
    }

    const A: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1)));
    const B: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 2)));

    #[test]
    fn backoff_starts_after_the_free_attempts_doubles_and_is_capped() {
        let waits: Vec<i64> = (1..=13).map(|n| backoff_ms(n) / 1000).collect();
        assert_eq!(waits, [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn a_record_waits_then_counts_and_is_forgotten() {
        let mut r = None;
        for n in 1..=5 {
            r = Some(attempt(r, 0).expect("free"));
            assert_eq!(r.unwrap().failures, n);
        }
        assert_eq!(attempt(r, 0), Err(Duration::from_secs(1)));
        assert_eq!(attempt(r, 400), Err(Duration::from_millis(600)));
        let sixth = attempt(r, 1_000).expect("the wait is over");
        assert_eq!(sixth.until_ms, 3_000);
        let forgotten = attempt(Some(sixth), 1_000 + FORGET_AFTER.as_millis() as i64).unwrap();
        assert_eq!(forgotten.failures, 1);
        assert_eq!(refund(Some(forgotten)), None);
    }

    #[test]
    fn ipv6_peers_are_counted_per_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(keys(Some(a), "").0, keys(Some(b), "").0);
        assert_ne!(keys(Some(a), "").0, keys(Some(c), "").0);
        assert_eq!(
            keys(None, " DEMO ").1.as_deref(),
            Some("throttle:user:demo")
        );
    }

    #[tokio::test]
    async fn failures_slow_the_peer_and_the_username() {
        let t = t();
        for _ in 0..5 {
            t.begin(A, "demo").await.expect("free").failed();
        }
        assert!(matches!(t.begin(A, "demo").await, Err(Some(_))));
        // The same username from elsewhere waits too; another user from elsewhere does not.
        assert!(t.begin(B, "DEMO ").await.is_err());
        assert!(t.begin(B, "alice").await.is_ok());
        // The same peer trying another username waits (guessing across accounts).
        assert!(t.begin(A, "alice").await.is_err());
    }

    #[tokio::test]
    async fn a_success_clears_the_username_but_not_the_address() {
        let t = t();
        for _ in 0..4 {
            t.begin(A, "mallory").await.unwrap().failed();
        }
        // A good sign-in from the same address does not reset the address's count…
        t.begin(A, "demo").await.unwrap().succeeded().await;
        t.begin(A, "mallory").await.unwrap().failed();
        assert!(
            t.begin(A, "other").await.is_err(),
            "the fifth failure counts"
        );
        // …but that username starts afresh.
        for _ in 0..4 {
            t.begin(B, "demo").await.unwrap().failed();
        }
        t.begin(B, "demo").await.unwrap().succeeded().await;
        assert!(t.begin(None, "demo").await.is_ok());
    }

    #[tokio::test]
    async fn an_outage_counts_nothing() {
        let t = t();
        for _ in 0..20 {
            t.begin(A, "demo").await.unwrap().not_judged().await;
        }
        assert!(t.begin(A, "demo").await.is_ok());
    }

    #[tokio::test]
    async fn attempts_sent_together_are_counted_before_any_answer() {
        let t = t();
        let held: Vec<_> = futures_util::future::join_all((0..50).map(|_| t.begin(A, "demo")))
            .await
            .into_iter()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(held.len(), FREE_ATTEMPTS as usize);
    }

    #[test]
    fn words_round_up() {
        assert_eq!(
            try_again_words(Duration::from_millis(1500)),
            "Too many failed sign-ins. Try again in 2 s."
        );
    }
}
