//! The simulator's state: one `World` (every account's resources and the shared physical hosts)
//! behind a mutex, plus the settings that do not change with the world (clock, forms, faults).
//!
//! Every lock first brings the world up to the clock's "now" (see `lifecycle.rs`), so what a
//! request sees is always consistent with simulated time, with no background task.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{DateTime, Utc};

use super::account::ApiKey;
use super::actions::{Action, Pending};
use super::catalogue::{self, HostSpec, Plan};
use super::clock::Clock;
use super::error::{SimError, SimResult};
use super::faults::FaultConfig;
use super::groups::Group;
use super::logs::LogEntry;
use super::networks::{Network, Vlan};
use super::reqlog::RequestLog;
use super::scripts::Script;
use super::servers::Server;
use super::snapshots::{Cron, Snapshot};
use super::sshkeys::SshKey;
use super::templates::Template;
use super::SimConfig;

/// One customer: credentials and everything they own. Accounts never see each other's data.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub username: String,
    pub password: String,
    pub email: String,
    pub reserved_available: bool,
    pub ecs_special_discount: i64,
    pub api_keys: Vec<ApiKey>,
    /// JWTs issued by /login that are still honoured (expiry aside); revoking clears it.
    pub sessions: Vec<String>,
    /// "401 after N calls": authenticated calls left before every session is revoked.
    pub expire_countdown: Option<u32>,
    pub servers: BTreeMap<String, Server>,
    /// Deleted servers, kept for billing.
    pub graveyard: Vec<Server>,
    pub actions: Vec<Action>,
    pub logs: Vec<LogEntry>,
    pub templates: Vec<Template>,
    pub scripts: Vec<Script>,
    pub sshkeys: Vec<SshKey>,
    pub groups: Vec<Group>,
    pub networks: Vec<Network>,
    pub vlans: Vec<Vlan>,
    pub snapshots: Vec<Snapshot>,
    pub crons: Vec<Cron>,
}

impl Account {
    pub fn server(&self, name: &str) -> SimResult<&Server> {
        self.servers
            .get(name)
            .ok_or_else(|| SimError::not_found("server not found"))
    }

    pub fn server_mut(&mut self, name: &str) -> SimResult<&mut Server> {
        self.servers
            .get_mut(name)
            .ok_or_else(|| SimError::not_found("server not found"))
    }

    pub fn action(&self, id: u64) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    pub fn action_mut(&mut self, id: u64) -> Option<&mut Action> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// Revokes every JWT and API key of the account (forced expiry).
    pub fn revoke_all(&mut self) {
        self.sessions.clear();
        for key in &mut self.api_keys {
            key.revoked = true;
        }
    }
}

/// Next free numbers, shared by all accounts like the live service's database sequences.
#[derive(Debug, Clone, Default)]
pub struct Counters {
    pub server: u32,
    pub action: u64,
    pub template: u64,
    pub group: u64,
    pub network: u64,
    pub snapshot: u64,
    pub script: u64,
    pub sshkey: u64,
    pub key: u64,
    pub log: u64,
    pub vlan: u64,
    pub reserved: u64,
    pub ip: u32,
}

/// How long each kind of operation takes, in simulated seconds.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub boot: f64,
    pub customize: f64,
    pub power: f64,
    pub delete: f64,
    pub task: f64,
}

#[derive(Debug, Clone)]
pub struct World {
    pub accounts: BTreeMap<String, Account>,
    pub pending: Vec<Pending>,
    pub next: Counters,
    pub timing: Timing,
    pub seq: u64,
}

impl World {
    pub fn account(&self, username: &str) -> SimResult<&Account> {
        self.accounts
            .get(username)
            .ok_or_else(|| SimError::Unauthorized("Invalid token".into()))
    }

    pub fn account_mut(&mut self, username: &str) -> SimResult<&mut Account> {
        self.accounts
            .get_mut(username)
            .ok_or_else(|| SimError::Unauthorized("Invalid token".into()))
    }

    /// What is free on `host`: the spec's free share minus every simulated server placed there.
    pub fn host_free(&self, host: &HostSpec) -> (i64, i64, i64) {
        let (mut cpu, mut ram, mut gpus) = (
            i64::from(host.cpu),
            i64::from(host.ram),
            i64::from(host.gpus),
        );
        for account in self.accounts.values() {
            for server in account
                .servers
                .values()
                .filter(|s| s.host.as_deref() == Some(host.name))
            {
                if let Some(plan) = catalogue::plan(&server.plan) {
                    cpu -= i64::from(plan.cpu);
                    ram -= i64::from(plan.ram);
                    gpus -= i64::from(plan.gpu);
                }
            }
        }
        (cpu, ram, gpus)
    }

    /// Hosts of `region` where `plan` fits right now.
    pub fn hosts_for(&self, plan: &Plan, region: &str) -> Vec<&'static HostSpec> {
        if !plan.regions.contains(&region) {
            return Vec::new();
        }
        catalogue::HOSTS
            .iter()
            .filter(|h| h.region == region && h.host_type == plan.host_type)
            .filter(|h| plan.gpu == 0 || h.gpu_label == plan.gpu_label)
            .filter(|h| {
                let (cpu, ram, gpus) = self.host_free(h);
                cpu >= i64::from(plan.cpu)
                    && ram >= i64::from(plan.ram)
                    && gpus >= i64::from(plan.gpu)
            })
            .collect()
    }

    /// Picks a host for a new server, avoiding `avoid` (isolation): the one with most free cores.
    pub fn place(
        &self,
        plan: &Plan,
        region: &str,
        avoid: &[String],
    ) -> Result<&'static str, String> {
        let hosts = self.hosts_for(plan, region);
        if hosts.is_empty() {
            return Err(format!(
                "lack of resources: {} not available in {region} (no capacity)",
                plan.name
            ));
        }
        hosts
            .into_iter()
            .filter(|h| !avoid.iter().any(|a| a == h.name))
            .max_by_key(|h| (self.host_free(h).0, std::cmp::Reverse(h.name)))
            .map(|h| h.name)
            .ok_or_else(|| {
                format!("lack of resources: no host in {region} satisfies the requested isolation")
            })
    }

    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }
}

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

impl Store {
    pub fn new(config: SimConfig, clock: Clock) -> Self {
        let world = super::seed::world(&config, clock.now());
        let jwt_secret = match &config.jwt_secret {
            Some(secret) => secret.as_bytes().to_vec(),
            None => super::util::random_token(48).into_bytes(),
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
        let mut world = self
            .world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        world.advance(now);
        (world, now)
    }

    /// Back to the seeded world and the configured faults; the clock keeps running.
    pub fn reset(&self) {
        let fresh = super::seed::world(&self.settings.config, self.clock.now());
        *self
            .world
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = fresh;
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
        self.settings
            .faults
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn requests(&self) -> MutexGuard<'_, RequestLog> {
        self.settings
            .requests
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
