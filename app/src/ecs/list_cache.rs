//! A short-lived copy of each account's server list and groups, so sorting, filtering and paging
//! `/servers` do not fetch and decode the whole account on every click.
//!
//! The rule (README, "The server list's copy"):
//! - a copy is used for at most [`MAX_AGE`];
//! - any change the panel sends upstream (every non-GET call, whatever its answer) drops the copy
//!   of that account at once, on every replica;
//! - so does the live poller when the activity feed shows an action start or end;
//! - the list's Refresh button drops it by hand.
//!
//! Replicas agree through a *generation* kept in the shared store: a copy records the generation
//! it was read under and is used only while the store still holds it. The copies themselves stay
//! in each process (a 5,000-server list is megabytes; the store holds a few bytes per account).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hashlink::LruCache;
use sha2::{Digest, Sha256};

use crate::ecs::dto::{Group, Server};
use crate::ecs::{Credential, EcsClient, EcsError};
use crate::shared_state::SharedState;

/// The longest a copy is used, whatever else happens.
pub const MAX_AGE: Duration = Duration::from_secs(5);
/// Accounts kept per process; the least recently listed goes first.
const MAX_ACCOUNTS: usize = 64;
/// How long a generation outlives its change in the store: longer than [`MAX_AGE`], so a copy
/// read before the change can never see it expire and look current again.
const GENERATION_TTL: Duration = Duration::from_secs(600);

/// One account's list as the API last gave it.
#[derive(Clone)]
pub struct Listing {
    pub servers: Arc<Vec<Server>>,
    pub groups: Arc<Vec<Group>>,
}

struct Entry {
    read_at: Instant,
    generation: Option<String>,
    listing: Listing,
}

/// The per-process copies, and the shared store that tells when they stop being current.
pub struct ListCache {
    shared: Arc<dyn SharedState>,
    copies: Mutex<LruCache<String, Entry>>,
}

/// An account's key: a digest of its credential, so no token is ever a key in the store.
pub fn account_key(cred: &Credential) -> String {
    use secrecy::ExposeSecret;
    let token = match cred {
        Credential::Bearer(t) | Credential::ApiToken(t) => t.expose_secret(),
    };
    let digest = Sha256::digest(token.trim().as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

fn generation_key(account: &str) -> String {
    format!("list-gen:{account}")
}

fn activity_key(account: &str) -> String {
    format!("list-seen:{account}")
}

impl ListCache {
    pub fn new(shared: Arc<dyn SharedState>) -> Self {
        Self {
            shared,
            copies: Mutex::new(LruCache::new(MAX_ACCOUNTS)),
        }
    }

    /// The generation the store holds now; a store failure reads as "no copy is current".
    pub async fn generation(&self, account: &str) -> Result<Option<String>, ()> {
        self.shared
            .get(&generation_key(account))
            .await
            .map_err(|err| tracing::warn!(%err, "list copy skipped: shared store"))
    }

    /// The account's copy if it is current: young enough and read under today's generation.
    pub async fn current(&self, account: &str, generation: &Option<String>) -> Option<Listing> {
        let mut copies = self.copies.lock().unwrap_or_else(|p| p.into_inner());
        let entry = copies.get(account)?;
        if entry.read_at.elapsed() <= MAX_AGE && entry.generation == *generation {
            return Some(entry.listing.clone());
        }
        copies.remove(account);
        None
    }

    /// Keeps `listing`, read under `generation` (taken *before* the upstream call, so a change
    /// made while it was on the way makes it stale at once).
    pub fn keep(&self, account: &str, generation: Option<String>, listing: Listing) {
        self.keep_read_at(account, generation, listing, Instant::now());
    }

    fn keep_read_at(
        &self,
        account: &str,
        generation: Option<String>,
        listing: Listing,
        read_at: Instant,
    ) {
        let mut copies = self.copies.lock().unwrap_or_else(|p| p.into_inner());
        // Copies past their age are never used again: free them (a 5,000-server list is
        // megabytes), oldest first.
        while copies
            .iter()
            .next()
            .is_some_and(|(_, e)| e.read_at.elapsed() > MAX_AGE)
        {
            copies.remove_lru();
        }
        copies.insert(
            account.to_string(),
            Entry {
                read_at,
                generation,
                listing,
            },
        );
    }

    /// Drops the account's copies on every replica.
    pub async fn forget(&self, account: &str) {
        self.copies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(account);
        let fresh = format!("{:016x}", rand::random::<u64>());
        if let Err(err) = self
            .shared
            .put(&generation_key(account), &fresh, GENERATION_TTL)
            .await
        {
            // Other replicas then keep their copy until it is MAX_AGE old.
            tracing::warn!(%err, "list copy dropped here only: shared store");
        }
    }

    /// The live feed's mark (newest action, running ones): when it moved since the last poll,
    /// an action started or ended, and the copy goes.
    pub async fn saw_activity(&self, account: &str, mark: &str) {
        let key = activity_key(account);
        match self.shared.get(&key).await {
            Ok(Some(seen)) if seen == mark => {}
            Ok(_) => {
                if let Err(err) = self.shared.put(&key, mark, GENERATION_TTL).await {
                    tracing::warn!(%err, "activity mark not kept: shared store");
                }
                self.forget(account).await;
            }
            Err(err) => tracing::warn!(%err, "activity mark not read: shared store"),
        }
    }
}

impl EcsClient {
    /// The account's servers and groups: the current copy when there is one, else both read
    /// from the API at once. Groups that cannot be read are left empty (the list is still
    /// useful with group ids), and such a partial answer is not kept.
    pub async fn listing(&self, cred: &Credential) -> Result<Listing, EcsError> {
        let account = self.lists.as_ref().map(|_| account_key(cred));
        let mut generation = Err(());
        if let (Some(lists), Some(account)) = (&self.lists, &account) {
            generation = lists.generation(account).await;
            if let Ok(g) = &generation {
                if let Some(listing) = lists.current(account, g).await {
                    return Ok(listing);
                }
            }
        }
        let (servers, groups) = tokio::join!(self.list_servers(cred), self.list_groups(cred));
        let complete = groups.is_ok();
        let listing = Listing {
            servers: Arc::new(servers?),
            groups: Arc::new(groups.unwrap_or_default()),
        };
        if let (Some(lists), Some(account), Ok(g), true) =
            (&self.lists, &account, generation, complete)
        {
            lists.keep(account, g, listing.clone());
        }
        Ok(listing)
    }

    /// Drops the account's server-list copy (the list's Refresh button).
    pub async fn forget_listing(&self, cred: &Credential) {
        if let Some(lists) = &self.lists {
            lists.forget(&account_key(cred)).await;
        }
    }

    /// Tells the copies what the live feed shows now (its mark): a started or ended action
    /// drops the account's copy.
    pub async fn saw_activity(&self, cred: &Credential, mark: &str) {
        if let Some(lists) = &self.lists {
            lists.saw_activity(&account_key(cred), mark).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared_state::MemoryState;
    use secrecy::SecretString;

    fn listing(n: usize) -> Listing {
        let servers = (0..n)
            .map(|i| {
                serde_json::from_value(serde_json::json!({ "name": format!("ec{i:06}") }))
                    .expect("a minimal server")
            })
            .collect();
        Listing {
            servers: Arc::new(servers),
            groups: Arc::new(Vec::new()),
        }
    }

    fn cache() -> ListCache {
        ListCache::new(Arc::new(MemoryState::default()))
    }

    #[tokio::test]
    async fn a_copy_is_used_until_a_change_drops_it() {
        let cache = cache();
        let gen = cache.generation("a").await.unwrap();
        cache.keep("a", gen.clone(), listing(3));
        assert_eq!(cache.current("a", &gen).await.unwrap().servers.len(), 3);
        cache.forget("a").await;
        let now = cache.generation("a").await.unwrap();
        assert_ne!(now, gen);
        assert!(cache.current("a", &now).await.is_none());
    }

    #[tokio::test]
    async fn a_copy_older_than_max_age_is_not_used() {
        let cache = cache();
        let gen = cache.generation("a").await.unwrap();
        let old = Instant::now() - MAX_AGE - Duration::from_millis(1);
        cache.keep_read_at("a", gen.clone(), listing(1), old);
        assert!(cache.current("a", &gen).await.is_none());
    }

    #[tokio::test]
    async fn copies_past_their_age_are_freed_when_another_is_kept() {
        let cache = cache();
        let gen = cache.generation("a").await.unwrap();
        let old = Instant::now() - MAX_AGE - Duration::from_millis(1);
        cache.keep_read_at("old", gen.clone(), listing(1), old);
        cache.keep("new", gen, listing(1));
        let copies = cache.copies.lock().unwrap();
        assert!(!copies.contains_key("old"));
        assert!(copies.contains_key("new"));
    }

    #[tokio::test]
    async fn a_change_during_the_read_makes_the_copy_stale_at_once() {
        let cache = cache();
        let before = cache.generation("a").await.unwrap();
        cache.forget("a").await; // a change lands while the list is on the way
        cache.keep("a", before, listing(1));
        let now = cache.generation("a").await.unwrap();
        assert!(cache.current("a", &now).await.is_none());
    }

    #[tokio::test]
    async fn replicas_sharing_a_store_drop_each_others_copies() {
        let store: Arc<dyn SharedState> = Arc::new(MemoryState::default());
        let (one, two) = (ListCache::new(store.clone()), ListCache::new(store));
        let gen = one.generation("a").await.unwrap();
        one.keep("a", gen.clone(), listing(2));
        two.forget("a").await;
        let now = one.generation("a").await.unwrap();
        assert!(one.current("a", &now).await.is_none());
    }

    #[tokio::test]
    async fn the_feed_moving_drops_the_copy_and_a_quiet_feed_keeps_it() {
        let cache = cache();
        cache.saw_activity("a", "7::40").await;
        let gen = cache.generation("a").await.unwrap();
        cache.keep("a", gen.clone(), listing(1));
        cache.saw_activity("a", "7::40").await;
        assert!(cache.current("a", &gen).await.is_some(), "same mark: kept");
        cache.saw_activity("a", "8:8:41").await;
        let now = cache.generation("a").await.unwrap();
        assert!(
            cache.current("a", &now).await.is_none(),
            "new action: dropped"
        );
    }

    #[tokio::test]
    async fn accounts_have_their_own_copies_and_keys_hide_the_token() {
        let cache = cache();
        let a = account_key(&Credential::ApiToken(SecretString::from("token-a")));
        let b = account_key(&Credential::Bearer(SecretString::from("token-b")));
        assert_ne!(a, b);
        assert!(!a.contains("token"));
        let gen = cache.generation(&a).await.unwrap();
        cache.keep(&a, gen.clone(), listing(1));
        assert!(cache.current(&b, &gen).await.is_none());
        assert!(cache.current(&a, &gen).await.is_some());
    }
}
