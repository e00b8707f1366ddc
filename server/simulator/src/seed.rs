//! The seeded world: a rich `demo` account and a small, separate `alice` account, each with a fixed
//! API token, placed on the catalogue's hosts. Everything is relative to the clock's "now" at
//! start, and deterministic.

use chrono::{DateTime, Duration, Months, Utc};

use super::account::ApiKey;
use super::catalogue;
use super::groups::Group;
use super::servers::{Server, ServerStatus};
use super::store::{Account, Counters, Timing, World};
use super::support::{Reservation, Support};
use super::SimConfig;

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

/// A real, valid ed25519 public key (its private half was thrown away).
pub const DEMO_SSH_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAxhPOAnRc4W1RTpDdASGLG2L4A4W7JGFurmBUww5chy demo@ecs-panel";

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

pub(super) struct Spec {
    pub name: &'static str,
    pub notes: &'static str,
    pub plan: &'static str,
    pub location: &'static str,
    pub image: &'static str,
    pub host: &'static str,
    pub days_ago: i64,
}

pub(super) fn server(spec: Spec, now: DateTime<Utc>, ip: u32) -> Server {
    let created = now - Duration::days(spec.days_ago) - Duration::minutes(i64::from(ip) * 37);
    let image = catalogue::image_named(spec.image);
    Server {
        name: spec.name.into(),
        notes: spec.notes.into(),
        plan: catalogue::plan(spec.plan)
            .map_or(spec.plan, |p| p.name)
            .into(),
        location: spec.location.into(),
        image: spec.image.into(),
        so_label: image.map_or(spec.image, |i| i.description).into(),
        windows: image.is_some_and(|i| i.windows()),
        group: None,
        host: Some(spec.host.into()),
        ipv4: format!("213.171.{}.{}", 184 + ip / 250, ip % 250 + 2),
        ipv6: format!("2001:4b7e:100:{ip:x}::1"),
        status: ServerStatus::Booted,
        active_flag: true,
        powered: true,
        power_changed_at: created,
        creation_date: created,
        deletion_date: None,
        booted_at: Some(created + Duration::minutes(2)),
        api_version: 5,
        support: None,
        reservations: Vec::new(),
        last_restored_snapshot: None,
        busy: None,
        isolate_from: Vec::new(),
        snapshot_counter: 0,
    }
}

fn demo_servers(now: DateTime<Utc>) -> Vec<Server> {
    let mut web = server(
        Spec {
            name: "ec200401",
            notes: "web-1",
            plan: "eCS2",
            location: "it-fr2",
            image: "ubuntu-2404",
            host: "ecs560.host.seeweb.it",
            days_ago: 120,
        },
        now,
        11,
    );
    web.group = Some("eg100001".into());
    web.snapshot_counter = 2;

    let mut db = server(
        Spec {
            name: "ec200402",
            notes: "db-1",
            plan: "eCS4",
            location: "it-fr2",
            image: "debian-12",
            host: "ecs561.host.seeweb.it",
            days_ago: 200,
        },
        now,
        12,
    );
    db.isolate_from = vec!["ec200401".into()];
    // Started 45 days ago: the 30-day period is over, so it may be downgraded or removed.
    db.support = Support::new("global", now - Duration::days(45)).ok();

    let mut staging = server(
        Spec {
            name: "ec200403",
            notes: "staging",
            plan: "eCS1",
            location: "it-mi2",
            image: "almalinux-9",
            host: "ecs640.host.seeweb.it",
            days_ago: 60,
        },
        now,
        13,
    );
    staging.powered = false;
    staging.power_changed_at = now - Duration::days(3) - Duration::hours(5);

    let mut erp = server(
        Spec {
            name: "ec200404",
            notes: "erp-reserved",
            plan: "eCS3",
            location: "it-fr2",
            image: "ubuntu-2204",
            host: "ecs562.host.seeweb.it",
            days_ago: 100,
        },
        now,
        14,
    );
    let start = erp.creation_date;
    erp.reservations.push(Reservation {
        id: 1,
        reserved_plan: catalogue::plan("eCS3")
            .and_then(|p| catalogue::reserved_plan_id(p, 12))
            .unwrap_or(0),
        months: 12,
        plan_id: 8,
        discount: 15,
        start,
        end: start.checked_add_months(Months::new(12)).unwrap_or(start),
    });

    let mut win = server(
        Spec {
            name: "ec200405",
            notes: "win-ad",
            plan: "eCS3W",
            location: "it-mi2",
            image: "windows-2022",
            host: "ecs641.host.seeweb.it",
            days_ago: 30,
        },
        now,
        15,
    );
    win.support = Support::new("basic", now - Duration::days(10))
        .ok()
        .map(|s| Support {
            immutable: true,
            ..s
        });

    let vpn = server(
        Spec {
            name: "ec200406",
            notes: "vpn-sofia",
            plan: "eCS1",
            location: "bg-sof1",
            image: "debian-11",
            host: "ecs810.host.seeweb.it",
            days_ago: 300,
        },
        now,
        16,
    );

    // A deprecated v1 server: no metrics, console or templates (as Seeweb's guide says).
    let mut old = server(
        Spec {
            name: "ec200399",
            notes: "legacy-v1",
            plan: "eCS1",
            location: "ch-lug1",
            image: "debian-10",
            host: "ecs721.host.seeweb.it",
            days_ago: 700,
        },
        now,
        10,
    );
    old.api_version = 1;
    vec![old, web, db, staging, erp, win, vpn]
}

/// Builds the whole seeded world at `now`.
pub fn world(config: &SimConfig, now: DateTime<Utc>) -> World {
    let mut demo = account(&ACCOUNTS[0], true, now, 1);
    for s in demo_servers(now) {
        demo.servers.insert(s.name.clone(), s);
    }
    super::seed_library::demo_library(&mut demo, now);
    for s in super::seed_bulk::extra_servers(config.extra_servers, now) {
        demo.servers.insert(s.name.clone(), s);
    }

    let mut alice = account(&ACCOUNTS[1], false, now, 2);
    alice.servers.insert(
        "ec200407".into(),
        server(
            Spec {
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

    let mut accounts = std::collections::BTreeMap::new();
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
            snapshot: 102,
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
    super::seed_history::add_history(&mut world, now);
    world
}
