//! The seeded world: a rich `demo` account and a small, separate `alice` account, each with a fixed
//! API token, placed on the catalogue's hosts. Everything is relative to the clock's "now" at
//! start, and deterministic.

mod bulk;
mod history;
mod library;
mod servers;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use crate::config::SimConfig;
use crate::world::account::{Account, ApiKey};
use crate::world::library::Group;
use crate::world::{Counters, Timing, World};

pub use bulk::MAX_EXTRA_SERVERS;

/// A seeded account's credentials (also listed by `GET /__sim/accounts`).
pub struct SeedAccount {
    pub username: &'static str,
    pub password: &'static str,
    pub email: &'static str,
    pub api_token: &'static str,
}

/// Clearly fake, fixed tokens so tests and demos can use `X-APITOKEN` without logging in.
pub const DEMO_API_TOKEN: &str = "demo-api-token-0000000000000000000000000000000000000000";
pub const ALICE_API_TOKEN: &str = "alice-api-token-000000000000000000000000000000000000000";

pub const ACCOUNTS: &[SeedAccount] = &[
    SeedAccount {
        username: "demo",
        password: "demo",
        email: "demo@example.com",
        api_token: DEMO_API_TOKEN,
    },
    SeedAccount {
        username: "alice",
        password: "alice",
        email: "alice@example.com",
        api_token: ALICE_API_TOKEN,
    },
];

/// Seeded server names (the first free number after them is used for new servers).
pub const FIRST_NEW_SERVER: u32 = 200_500;

fn account(
    seed: &SeedAccount,
    reserved_available: bool,
    now: DateTime<Utc>,
    key_id: u64,
) -> Account {
    Account {
        username: seed.username.into(),
        password: seed.password.into(),
        email: seed.email.into(),
        reserved_available,
        api_keys: vec![ApiKey {
            id: key_id,
            notes: "simulator fixed token".into(),
            token: seed.api_token.into(),
            created_at: now - Duration::days(400),
            revoked: false,
        }],
        ..Account::default()
    }
}

/// Builds the whole seeded world at `now`.
pub fn world(config: &SimConfig, now: DateTime<Utc>) -> World {
    let mut demo = account(&ACCOUNTS[0], true, now, 1);
    for s in servers::demo_servers(now) {
        demo.servers.insert(s.name.clone(), s);
    }
    library::demo_library(&mut demo, now);
    for s in bulk::extra_servers(config.extra_servers, now) {
        demo.servers.insert(s.name.clone(), s);
    }

    let mut alice = account(&ACCOUNTS[1], false, now, 2);
    alice.servers.insert(
        "ec200407".into(),
        servers::server(
            servers::Spec {
                name: "ec200407",
                notes: "alice-blog",
                plan: "eCS1",
                location: "it-fr2",
                image: "ubuntu-2204",
                host: "ecs560.host.seeweb.it",
                days_ago: 20,
            },
            now,
            17,
        ),
    );
    alice.groups = vec![Group {
        id: 3,
        name: "eg100003".into(),
        notes: "personal".into(),
    }];

    let mut accounts = BTreeMap::new();
    for mut a in [demo, alice] {
        a.expire_countdown = config.expire_after_calls;
        accounts.insert(a.username.clone(), a);
    }
    let mut world = World {
        accounts,
        pending: Vec::new(),
        next: Counters {
            server: FIRST_NEW_SERVER,
            action: 0,
            template: 2,
            group: 3,
            network: 15,
            snapshot: 103,
            script: 2,
            sshkey: 1,
            key: 3,
            log: 0,
            vlan: 132_002,
            reserved: 1,
            ip: 40,
        },
        timing: Timing {
            boot: config.boot_secs,
            customize: config.customize_secs,
            power: config.power_secs,
            delete: config.delete_secs,
            task: config.task_secs,
        },
        seq: 0,
    };
    history::add_history(&mut world, now);
    world
}
