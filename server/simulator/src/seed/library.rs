//! The demo account's library: groups, templates, scripts, an SSH key, a private network with
//! VLANs, snapshots with a weekly schedule, and a second API key.

use chrono::{DateTime, Duration, Utc};

use crate::util::random_token;
use crate::world::account::{Account, ApiKey};
use crate::world::library::{Group, ImageStatus, SshKey, Template};
use crate::world::networks::{Network, Vlan};
use crate::world::scripts::Script;
use crate::world::snapshots::{Cron, Snapshot};

/// A real, valid ed25519 public key (its private half was thrown away).
pub const DEMO_SSH_KEY: &str =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAxhPOAnRc4W1RTpDdASGLG2L4A4W7JGFurmBUww5chy demo@ecs-panel";

/// Fills the `demo` account's library.
pub fn demo_library(account: &mut Account, now: DateTime<Utc>) {
    account.groups = vec![
        Group {
            id: 1,
            name: "eg100001".into(),
            notes: "production".into(),
        },
        Group {
            id: 2,
            name: "eg100002".into(),
            notes: "experiments".into(),
        },
    ];
    let template = |id: u64, description: &str, so_base: &str, days: i64| Template {
        id,
        name: format!("ei{}", 100_000 + id),
        creation_date: now - Duration::days(days),
        status: ImageStatus::Created,
        active_flag: true,
        description: description.into(),
        notes: String::new(),
        so_base: so_base.into(),
        required_disk: 40,
    };
    account.templates = vec![
        template(1, "web-1 golden image", "ubuntu", 90),
        template(2, "db baseline", "debian", 150),
    ];
    account.scripts = vec![
        Script {
            id: 1,
            user: "demo".into(),
            title: "install-nginx".into(),
            content: "#!/bin/bash\napt-get update && apt-get install -y nginx\necho \"i'm $NAME, i work in $WORK\" > /var/www/html/index.html\n".into(),
            windows: false,
            public: false,
            category: Some("web".into()),
        },
        Script {
            id: 2,
            user: "demo".into(),
            title: "windows-hostname".into(),
            content: "#ps1\nRename-Computer -NewName \"$env:NAME\" -Force\n".into(),
            windows: true,
            public: false,
            category: None,
        },
    ];
    account.sshkeys = vec![SshKey {
        id: 1,
        label: "demo-laptop".into(),
        key: DEMO_SSH_KEY.into(),
        created_at: now - Duration::days(365),
    }];
    account.networks = vec![Network {
        id: 35,
        network_id: 15,
        name: "net000015".into(),
        created_at: now - Duration::days(80),
    }];
    let mut vlan = Vlan::new(
        132_001,
        100,
        true,
        "ec200401",
        "net000015",
        now - Duration::days(79),
    );
    vlan.status = "ok".into();
    let mut vlan_db = Vlan::new(
        132_002,
        100,
        true,
        "ec200402",
        "net000015",
        now - Duration::days(79),
    );
    vlan_db.status = "ok".into();
    account.vlans = vec![vlan, vlan_db];
    let snapshot = |id: u64, n: u32, days: i64, protected: bool, description: &str| Snapshot {
        id,
        name: format!("ec200401-SNP-{n}"),
        server: "ec200401".into(),
        status: ImageStatus::Created,
        description: description.into(),
        notes: description.into(),
        protected,
        restoring: false,
        is_last_restored: false,
        active_flag: true,
        size_on_disk: Some(3_804_560 + i64::from(n) * 120_000),
        created_at: now - Duration::days(days),
        updated_at: now - Duration::days(days),
        deleted_at: None,
    };
    account.snapshots = vec![
        snapshot(101, 1, 30, true, "before upgrade"),
        snapshot(102, 2, 9, false, "periodic snapshot"),
        snapshot(103, 3, 2, false, "after nginx config"),
    ];
    account.crons = vec![Cron {
        server: "ec200401".into(),
        enabled: true,
        max_retention: 2,
        day_of_week: 0,
        since: now,
        last_run_at: None,
    }];
    account.api_keys.push(ApiKey {
        id: 3,
        notes: "ci-pipeline".into(),
        token: random_token(128),
        created_at: now - Duration::days(50),
        revoked: false,
    });
}
