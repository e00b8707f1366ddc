//! The simulator's shared state: one `World` (every account's resources and the shared physical
//! hosts) behind a mutex, plus the settings that do not change with the world (clock, forms,
//! faults, the request log).
//!
//! Every lock first brings the world up to the clock's "now" (see `world/lifecycle.rs`), so what a
//! request sees is always consistent with simulated time, with no background task.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use crate::clock::Clock;
use crate::config::{FaultConfig, SimConfig};
use crate::request_log::RequestLog;
use crate::seed;
use crate::util::random_token;
use crate::world::World;

/// Settings that survive a world reset.
pub struct Settings {
    pub config: SimConfig,
    pub legacy: AtomicBool,
    pub jwt_secret: Vec<u8>,
    pub faults: Mutex<FaultConfig>,
    pub requests: Mutex<RequestLog>,
}

/// A cheap handle on the simulator's state, shared by every handler.
#[derive(Clone)]
pub struct Store {
    world: Arc<Mutex<World>>,
    pub clock: Clock,
    pub settings: Arc<Settings>,
}

/// A poisoned lock still holds valid data here: a panicking handler leaves no half-made change
/// that the next request could not live with.
fn relock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Store {
    pub fn new(config: SimConfig, clock: Clock) -> Self {
        let world = seed::world(&config, clock.now());
        let jwt_secret = match &config.jwt_secret {
            Some(secret) => secret.as_bytes().to_vec(),
            None => random_token(48).into_bytes(),
        };
        let settings = Settings {
            legacy: AtomicBool::new(config.legacy_forms),
            jwt_secret,
            faults: Mutex::new(config.faults.clone()),
            requests: Mutex::new(RequestLog::new(config.request_log_size)),
            config,
        };
        Self {
            world: Arc::new(Mutex::new(world)),
            clock,
            settings: Arc::new(settings),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Locks the world after bringing it up to the current simulated time.
    pub fn lock(&self) -> (MutexGuard<'_, World>, DateTime<Utc>) {
        let now = self.clock.now();
        let mut world = relock(&self.world);
        world.advance(now);
        (world, now)
    }

    /// Back to the seeded world and the configured faults; the clock keeps running.
    pub fn reset(&self) {
        let fresh = seed::world(&self.settings.config, self.clock.now());
        *relock(&self.world) = fresh;
        *self.faults() = self.settings.config.faults.clone();
        self.requests().clear();
        self.set_legacy(self.settings.config.legacy_forms);
    }

    pub fn legacy(&self) -> bool {
        self.settings.legacy.load(Ordering::Relaxed)
    }

    pub fn set_legacy(&self, legacy: bool) {
        self.settings.legacy.store(legacy, Ordering::Relaxed);
    }

    pub fn faults(&self) -> MutexGuard<'_, FaultConfig> {
        relock(&self.settings.faults)
    }

    pub fn requests(&self) -> MutexGuard<'_, RequestLog> {
        relock(&self.settings.requests)
    }
}
