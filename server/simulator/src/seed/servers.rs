//! The hand-made servers of the seeded accounts, and the one way every seeded server is made.

use chrono::{DateTime, Duration, Months, Utc};

use crate::world::catalogue;
use crate::world::images::image_named;
use crate::world::servers::{Server, ServerStatus};
use crate::world::support::{Reservation, Support};

/// A hand-made server: the facts that differ; the rest follows from them.
pub struct Spec {
    pub name: &'static str,
    pub notes: &'static str,
    pub plan: &'static str,
    pub location: &'static str,
    pub image: &'static str,
    pub host: &'static str,
    pub days_ago: i64,
}

/// A booted, powered-on server made `days_ago` before `now`, numbered `ip` in the address plan.
pub fn server(spec: Spec, now: DateTime<Utc>, ip: u32) -> Server {
    let created = now - Duration::days(spec.days_ago) - Duration::minutes(i64::from(ip) * 37);
    let image = image_named(spec.image);
    Server {
        notes: spec.notes.into(),
        so_label: image.map_or(spec.image, |i| i.description).into(),
        windows: image.is_some_and(|i| i.windows()),
        host: Some(spec.host.into()),
        ipv4: format!("213.171.{}.{}", 184 + ip / 250, ip % 250 + 2),
        ipv6: format!("2001:4b7e:100:{ip:x}::1"),
        status: ServerStatus::Booted,
        active_flag: true,
        powered: true,
        booted_at: Some(created + Duration::minutes(2)),
        ..Server::new(
            spec.name.into(),
            catalogue::plan(spec.plan)
                .map_or(spec.plan, |p| p.name)
                .into(),
            spec.location.into(),
            spec.image.into(),
            created,
        )
    }
}

/// The `demo` account's seven servers.
pub fn demo_servers(now: DateTime<Utc>) -> Vec<Server> {
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
    web.snapshot_counter = 3;

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
