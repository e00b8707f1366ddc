//! Generated servers for a large `demo` account (`--extra-servers N`, `ECS_SIM_EXTRA_SERVERS`):
//! for benchmarks and for trying lists, search and paging at scale.
//!
//! Server `i` is a pure function of `i` and the seed's "now": names `ec300000 + i`, notes such as
//! `app-0042`, catalogue plans in regions that sell them, images that fit the plan, creation dates
//! over the past two years, some in the demo library's groups, some powered off, and addresses
//! from their own blocks (no clash with the hand-made servers or with servers created later).
//!
//! They sit on hosts outside the capacity model (`catalogue::HOSTS`), so the demo's capacity facts
//! (sold-out pairs, "it-fr2 takes five more eCS6") hold whatever N is.

use chrono::{DateTime, Duration, Utc};

use crate::seed::servers::{server, Spec};
use crate::util::mix;
use crate::world::catalogue;
use crate::world::servers::Server;

/// Upper bound of `--extra-servers` (names stay below `ec350000`, IPv4 within one /16).
pub const MAX_EXTRA_SERVERS: u32 = 50_000;
/// The first generated server is `ec300000`.
pub const FIRST_EXTRA_SERVER: u32 = 300_000;

/// Plans by weight (per mille): mostly the standard sizes, a few Windows and high-memory ones.
const PLAN_MIX: &[(&str, u64)] = &[
    ("eCS1", 250),
    ("eCS2", 220),
    ("eCS3", 170),
    ("eCS4", 120),
    ("eCS5", 80),
    ("eCS6", 50),
    ("eCS2W", 30),
    ("eCS3W", 20),
    ("eCS4W", 10),
    ("eCS1HM", 30),
    ("eCS2HM", 20),
];

/// Regions by weight; each server keeps only those its plan is sold in.
const REGION_MIX: &[(&str, u64)] = &[
    ("it-fr2", 50),
    ("it-mi2", 30),
    ("ch-lug1", 12),
    ("bg-sof1", 8),
];

const ROLES: &[&str] = &[
    "app", "web", "api", "db", "cache", "worker", "queue", "mail", "ci", "batch", "proxy", "search",
];

const LINUX_IMAGES: &[&str] = &[
    "ubuntu-2404",
    "ubuntu-2404",
    "ubuntu-2204",
    "ubuntu-2004",
    "debian-12",
    "debian-11",
    "almalinux-9",
    "almalinux-8",
    "sci-docker-ubuntu-2404",
];

const WINDOWS_IMAGES: &[&str] = &["windows-2022", "windows-2019", "windows-2016"];

/// (region, host type, hosts): the rest of the fleet, not counted by the capacity model.
const FLEET: &[(&str, &str, &[&str])] = &[
    (
        "it-fr2",
        "ECS",
        &[
            "ecs570.host.seeweb.it",
            "ecs571.host.seeweb.it",
            "ecs572.host.seeweb.it",
            "ecs573.host.seeweb.it",
        ],
    ),
    (
        "it-fr2",
        "ECSHM",
        &["ecshm11.host.seeweb.it", "ecshm12.host.seeweb.it"],
    ),
    (
        "it-mi2",
        "ECS",
        &[
            "ecs650.host.seeweb.it",
            "ecs651.host.seeweb.it",
            "ecs652.host.seeweb.it",
        ],
    ),
    (
        "ch-lug1",
        "ECS",
        &["ecs730.host.seeweb.it", "ecs731.host.seeweb.it"],
    ),
    (
        "bg-sof1",
        "ECS",
        &["ecs820.host.seeweb.it", "ecs821.host.seeweb.it"],
    ),
];

/// Groups of the demo library (`library.rs`) the generated servers may join.
const GROUPS: &[&str] = &["eg100001", "eg100002"];

/// Two years, in minutes: how far back creation dates go.
const SPREAD_MINUTES: u64 = 730 * 24 * 60;

fn pick<'a>(items: &[(&'a str, u64)], h: u64) -> &'a str {
    let total: u64 = items.iter().map(|(_, w)| w).sum();
    let mut r = h % total.max(1);
    for (item, weight) in items {
        if r < *weight {
            return item;
        }
        r -= weight;
    }
    items[0].0
}

fn one_of<'a>(items: &[&'a str], h: u64) -> &'a str {
    items[(h % items.len() as u64) as usize]
}

/// The `n` generated servers (at most `MAX_EXTRA_SERVERS`).
pub fn extra_servers(n: u32, now: DateTime<Utc>) -> Vec<Server> {
    (0..n.min(MAX_EXTRA_SERVERS))
        .map(|i| extra_server(i, now))
        .collect()
}

fn extra_server(i: u32, now: DateTime<Utc>) -> Server {
    let h = |salt: u64| mix(u64::from(i) ^ mix(salt));
    let plan = catalogue::plan(pick(PLAN_MIX, h(1))).expect("PLAN_MIX names catalogue plans");
    let regions: Vec<(&str, u64)> = REGION_MIX
        .iter()
        .filter(|(r, _)| plan.regions.contains(r))
        .copied()
        .collect();
    let location = pick(&regions, h(2));
    let (image, role) = if plan.windows {
        (one_of(WINDOWS_IMAGES, h(3)), "win")
    } else {
        (one_of(LINUX_IMAGES, h(3)), one_of(ROLES, h(4)))
    };
    let host = FLEET
        .iter()
        .find(|(r, t, _)| *r == location && *t == plan.host_type)
        .map_or("ecs570.host.seeweb.it", |(_, _, hosts)| one_of(hosts, h(5)));

    let mut s = server(
        Spec {
            name: "",
            notes: "",
            plan: plan.name,
            location,
            image,
            host,
            days_ago: 0,
        },
        now,
        0,
    );
    s.name = format!("ec{}", FIRST_EXTRA_SERVER + i);
    s.notes = format!("{role}-{i:04}");
    let created = now - Duration::minutes((60 + h(6) % SPREAD_MINUTES) as i64);
    s.creation_date = created;
    s.booted_at = Some(created + Duration::minutes(2));
    s.power_changed_at = created;
    s.ipv4 = format!("185.221.{}.{}", i / 250, i % 250 + 2);
    s.ipv6 = format!("2001:4b7e:200:{i:x}::1");
    // About one in four in a group, one in ten powered off (some time after it was created).
    s.group = match h(7) % 8 {
        0 => Some(GROUPS[0].into()),
        1 => Some(GROUPS[1].into()),
        _ => None,
    };
    if h(8) % 10 == 0 {
        s.powered = false;
        let off_hours = (1 + h(9) % 2000) as i64;
        s.power_changed_at =
            (now - Duration::hours(off_hours)).max(created + Duration::minutes(30));
    }
    s
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn generated_servers_are_valid_distinct_and_deterministic() {
        let now = Utc::now();
        let servers = extra_servers(2_000, now);
        assert_eq!(servers.len(), 2_000);
        assert_eq!(servers[0].name, "ec300000");
        assert_eq!(servers[42].notes.split('-').nth(1), Some("0042"));
        for s in &servers {
            let plan = catalogue::plan(&s.plan).expect("a catalogue plan");
            assert!(plan.regions.contains(&s.location.as_str()), "{}", s.name);
            let image = crate::world::images::image_named(&s.image).expect("a catalogue image");
            assert!(image.fits(plan), "{} {} on {}", s.name, s.image, s.plan);
            assert!(s.creation_date < now && s.creation_date > now - Duration::days(731));
            assert!(catalogue::HOSTS
                .iter()
                .all(|h| Some(h.name) != s.host.as_deref()));
        }
        let names: HashSet<_> = servers.iter().map(|s| &s.name).collect();
        let v4: HashSet<_> = servers.iter().map(|s| &s.ipv4).collect();
        let v6: HashSet<_> = servers.iter().map(|s| &s.ipv6).collect();
        assert_eq!((names.len(), v4.len(), v6.len()), (2_000, 2_000, 2_000));
        let plans: HashSet<_> = servers.iter().map(|s| s.plan.as_str()).collect();
        assert!(plans.contains("eCS6") && plans.contains("eCS3W") && plans.contains("eCS1HM"));
        let regions: HashSet<_> = servers.iter().map(|s| s.location.as_str()).collect();
        assert_eq!(regions.len(), 4);
        let off = servers.iter().filter(|s| !s.powered).count();
        let grouped = servers.iter().filter(|s| s.group.is_some()).count();
        assert!((100..400).contains(&off), "{off} powered off");
        assert!((300..700).contains(&grouped), "{grouped} in groups");

        let again = extra_servers(2_000, now);
        assert!(servers.iter().zip(&again).all(|(a, b)| a.name == b.name
            && a.notes == b.notes
            && a.plan == b.plan
            && a.ipv4 == b.ipv4
            && a.creation_date == b.creation_date));
        assert_eq!(
            extra_servers(MAX_EXTRA_SERVERS + 5, now).len() as u32,
            MAX_EXTRA_SERVERS
        );
    }
}
