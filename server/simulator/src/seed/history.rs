//! Months of believable history for the seeded accounts: the creation of every seeded resource,
//! short-lived servers created and deleted (a few whose creation failed), power cycles, consoles,
//! and the matching audit log with regular logins. Deterministic (hash-driven, no randomness).

use chrono::{DateTime, Duration, Utc};

use crate::util::{mix, unit};
use crate::world::account::Account;
use crate::world::actions::{Action, ActionStatus, Effect, FAIL_AT};
use crate::world::logs::Severity;
use crate::world::servers::{Server, ServerStatus};
use crate::world::World;

struct Past {
    at: DateTime<Utc>,
    kind: &'static str,
    resource: String,
    resource_type: &'static str,
    secs: i64,
    failed: bool,
}

fn past(
    at: DateTime<Utc>,
    kind: &'static str,
    resource: &str,
    resource_type: &'static str,
    secs: i64,
) -> Past {
    Past {
        at,
        kind,
        resource: resource.into(),
        resource_type,
        secs,
        failed: false,
    }
}

const GHOST_PLANS: &[&str] = &["eCS1", "eCS2", "eCS3", "eCS2", "eCS1", "eCS4"];
const GHOST_PLACES: &[&str] = &["it-fr2", "it-mi2", "it-fr2", "ch-lug1"];
const GHOST_IMAGES: &[&str] = &["ubuntu-2404", "debian-12", "ubuntu-2204", "almalinux-9"];

/// Servers created and deleted in the last six months (kept in the graveyard for billing).
fn ghosts(account: &mut Account, events: &mut Vec<Past>, now: DateTime<Utc>) {
    for i in 0..36u64 {
        let h = mix(0xD3_u64 ^ i);
        let created = now - Duration::days(180)
            + Duration::days(i as i64 * 5)
            + Duration::minutes((h % 600) as i64);
        let name = format!("ec2002{:02}", 10 + i);
        let failed = i % 9 == 4;
        let lifetime = Duration::hours(6 + (h >> 8) as i64 % 90);
        let deleted = created + lifetime;
        let mut create = past(created, "create_server", &name, "ECS", 70 + (h % 60) as i64);
        create.failed = failed;
        events.push(create);
        if !failed {
            for c in 0..(h >> 20) % 3 {
                let off = created + Duration::hours(2 + c as i64 * 3);
                if off + Duration::hours(1) < deleted {
                    events.push(past(off, "power_off", &name, "ECS", 12));
                    events.push(past(
                        off + Duration::minutes(40),
                        "power_on",
                        &name,
                        "ECS",
                        25,
                    ));
                }
            }
        }
        events.push(past(deleted, "delete_server", &name, "ECS", 35));
        let image = GHOST_IMAGES[(h % 4) as usize];
        account.graveyard.push(Server {
            notes: format!("test-{i:02}"),
            status: ServerStatus::Deleted,
            power_changed_at: deleted,
            deletion_date: Some(deleted),
            ..Server::new(
                name.clone(),
                GHOST_PLANS[(h % 6) as usize].into(),
                GHOST_PLACES[((h >> 4) % 4) as usize].into(),
                image.into(),
                created,
            )
        });
    }
}

/// Power cycles and consoles on the live servers, spread over their lives.
fn routine(account: &Account, events: &mut Vec<Past>, now: DateTime<Utc>, cycles: u64) {
    for (n, server) in account.servers.values().enumerate() {
        events.push(past(
            server.creation_date,
            "create_server",
            &server.name,
            "ECS",
            95,
        ));
        let life = (now - server.creation_date).num_minutes().max(1) as f64;
        for c in 0..cycles {
            let h = mix((n as u64) << 32 ^ c);
            let at =
                server.creation_date + Duration::minutes((life * (0.05 + 0.9 * unit(h))) as i64);
            if !server.powered && at >= server.power_changed_at - Duration::hours(1) {
                continue;
            }
            if h.is_multiple_of(5) {
                events.push(past(at, "console", &server.name, "ECS", 2));
            } else {
                events.push(past(at, "power_off", &server.name, "ECS", 10));
                events.push(past(
                    at + Duration::minutes(3 + (h >> 40) as i64 % 50),
                    "power_on",
                    &server.name,
                    "ECS",
                    22,
                ));
            }
        }
        if !server.powered {
            events.push(past(
                server.power_changed_at - Duration::seconds(8),
                "power_off",
                &server.name,
                "ECS",
                8,
            ));
        }
    }
}

/// An audit entry waiting for its id: (when, action, target, severity, description).
type LogLine = (
    DateTime<Utc>,
    &'static str,
    String,
    Severity,
    Option<String>,
);

fn label(kind: &str) -> &'static str {
    match kind {
        "create_server" => "Create server",
        "delete_server" => "Delete server",
        "create_template" => "Create template",
        "create_snapshot" => "Create snapshot",
        "add_vlan" => "Add VLAN",
        "console" => "Server action console",
        "power_on" => "Server action power_on",
        _ => "Server action power_off",
    }
}

fn record(
    world: &mut World,
    username: &str,
    mut events: Vec<Past>,
    logins: i64,
    now: DateTime<Utc>,
) {
    events.sort_by_key(|e| e.at);
    let mut entries: Vec<LogLine> = Vec::new();
    for day in 0..logins {
        let at =
            now - Duration::days(2 * day + 1) + Duration::minutes((mix(day as u64) % 600) as i64);
        entries.push((at, "Login", username.to_string(), Severity::Info, None));
    }
    let Some(account) = world.accounts.get_mut(username) else {
        return;
    };
    for e in events.into_iter().filter(|e| e.at < now) {
        world.next.action += 1;
        let started = e.at + Duration::milliseconds(1);
        let (status, completed) = if e.failed {
            (
                ActionStatus::Failed,
                started + Duration::seconds((e.secs as f64 * FAIL_AT) as i64),
            )
        } else {
            (ActionStatus::Completed, started + Duration::seconds(e.secs))
        };
        let description = e
            .failed
            .then(|| "lack of resources: no host with capacity (no capacity)".to_string());
        let severity = if e.failed {
            Severity::Error
        } else {
            Severity::Info
        };
        entries.push((
            e.at,
            label(e.kind),
            e.resource.clone(),
            severity,
            description,
        ));
        account.actions.push(Action {
            id: world.next.action,
            user: username.into(),
            kind: e.kind,
            resource: e.resource,
            resource_type: e.resource_type,
            created_at: e.at,
            started_at: started,
            duration: e.secs as f64,
            status,
            completed_at: Some(completed.min(now)),
            fail: e.failed.then(|| (FAIL_AT, "lack of resources".to_string())),
            effect: Effect::None,
        });
    }
    entries.sort_by_key(|e| e.0);
    for (at, action, target, severity, description) in entries {
        world.next.log += 1;
        account.push_log(world.next.log, at, action, &target, severity, description);
    }
}

/// Adds the history of both seeded accounts.
pub fn add_history(world: &mut World, now: DateTime<Utc>) {
    if let Some(demo) = world.accounts.get_mut("demo") {
        let mut events = Vec::new();
        ghosts(demo, &mut events, now);
        routine(demo, &mut events, now, 22);
        for t in &demo.templates {
            events.push(past(t.creation_date, "create_template", &t.name, "DI", 240));
        }
        for s in &demo.snapshots {
            events.push(past(
                s.created_at,
                "create_snapshot",
                &s.id.to_string(),
                "SNP",
                120,
            ));
        }
        for v in &demo.vlans {
            events.push(past(
                v.created_at,
                "add_vlan",
                &format!("{}-{}", v.server, v.network),
                "network",
                30,
            ));
        }
        record(world, "demo", events, 90, now);
    }
    if let Some(alice) = world.accounts.get_mut("alice") {
        let mut events = Vec::new();
        routine(alice, &mut events, now, 3);
        record(world, "alice", events, 8, now);
    }
}
