//! Every variant a client must accept (the README's “Demo mode and the ECS API simulator”, “Live
//! and legacy forms”), fed through the DTOs.
//! The documents' example payloads are fed end to end through the client in `ecs::tests`.

use chrono::{TimeZone, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

use super::*;

fn parse<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    match serde_json::from_value(v) {
        Ok(t) => t,
        Err(e) => panic!("does not parse: {e}"),
    }
}

#[test]
fn server_sizes_as_strings_or_numbers() {
    let strings: Server = parse(
        json!({"name": "ec1", "plan_size": {"core": "1", "ram": "1024", "disk": "20", "gpu": "0"}}),
    );
    let numbers: Server =
        parse(json!({"name": "ec1", "plan_size": {"core": 1, "ram": 1024, "disk": 20, "gpu": 0}}));
    assert_eq!(strings.plan_size, numbers.plan_size);
    let size = strings.plan_size.unwrap_or_default();
    assert_eq!(
        (size.core, size.ram, size.disk, size.gpu),
        (Some(1), Some(1024), Some(20), Some(0))
    );
}

#[test]
fn server_so_or_os_and_empty_strings() {
    let so: Server =
        parse(json!({"name": "ec1", "so": "debian-12", "ipv4": "", "reserved_until": ""}));
    let os: Server = parse(json!({"name": "ec1", "os": "debian-12"}));
    assert_eq!(so.image(), Some("debian-12"));
    assert_eq!(os.image(), Some("debian-12"));
    assert_eq!(so.ipv4, None);
    assert_eq!(so.reserved_until, None);
}

#[test]
fn server_missing_null_and_unknown_fields() {
    let s: Server = parse(json!({
        "name": "ec1", "group": null, "plan_size": null, "reserved_plans": null, "support": null,
        "notes": null, "status": null, "progress": null, "creation_date": null,
        "brand_new_field": {"nested": [1, 2]}, "another": 3
    }));
    assert_eq!(s.name, "ec1");
    assert_eq!(s.group, None);
    assert!(s.reserved_plans.is_empty());
    assert_eq!(s.status, ServerState::Unknown(String::new()));
    let bare: Server = parse(json!({"name": "ec2"}));
    assert_eq!(bare.plan, "");
    assert!(!bare.active_flag);
    // The name is what everything else hangs on: without it the answer is malformed.
    assert!(serde_json::from_value::<Server>(json!({"plan": "eCS1"})).is_err());
}

#[test]
fn server_status_in_any_case_and_dates_in_every_form() {
    let want = Utc.with_ymd_and_hms(2025, 2, 11, 13, 42, 58).single();
    for (status, date) in [
        ("Booted", "2025-02-11T13:42:58+00:00"),
        ("BOOTED", "2025-02-11T13:42:58Z"),
        ("booted", "2025-02-11 13:42:58"),
    ] {
        let s: Server = parse(json!({"name": "ec1", "status": status, "creation_date": date}));
        assert_eq!(s.status, ServerState::Booted);
        assert_eq!(s.creation_date, want);
    }
    let s: Server = parse(
        json!({"name": "ec1", "status": "Customizing", "reserved_until": "2026-01-01 00:00:00"}),
    );
    assert_eq!(s.status, ServerState::Customizing);
    assert!(s.reserved_until.is_some());
}

#[test]
fn power_status_nested_or_flat_any_case() {
    for v in [
        json!({"status": "ok", "server": {"name": "ec1", "current_status": "Running"}}),
        json!({"status": "ok", "name": "ec1", "current_status": "RUNNING"}),
        json!({"status": "ok", "server": {"name": "ec1", "current_status": "running"}}),
    ] {
        let s: ServerPowerStatus = parse(v);
        assert_eq!(s.name.as_deref(), Some("ec1"));
        assert_eq!(s.current_status, PowerState::Running);
    }
    let off: ServerPowerStatus = parse(json!({"current_status": "SHUTOFF"}));
    assert_eq!(off.current_status, PowerState::Stopped);
    assert!(serde_json::from_value::<ServerPowerStatus>(json!({"status": "ok"})).is_err());
}

#[test]
fn created_server_action_id_or_action() {
    let server = json!({"name": "ec200001"});
    for v in [
        json!({"status": "ok", "action_id": 38, "server": server}),
        json!({"status": "ok", "action": 38, "server": server}),
        json!({"status": "ok", "action": "38", "server": server}),
        json!({"status": "ok", "action": {"id": 38, "type": "create_server"}, "server": server}),
    ] {
        let c: CreatedServer = parse(v);
        assert_eq!(c.action_id, Some(38));
        assert_eq!(c.server.name, "ec200001");
    }
    let none: CreatedServer = parse(json!({"server": server}));
    assert_eq!(none.action_id, None);
}

#[test]
fn action_outcome_bare_or_wrapped() {
    let action = json!({"id": 40, "status": "in-progress", "type": "power_on", "started_at": "", "completed_at": ""});
    let bare: ActionOutcome = parse(action.clone());
    let wrapped: ActionOutcome = parse(json!({"action": action}));
    assert_eq!(bare.action, wrapped.action);
    assert_eq!(bare.action.kind, ActionKind::PowerOn);
    assert_eq!(bare.action.started_at, None);
    assert!(bare.console_key.is_none());
    let console: ActionOutcome =
        parse(json!({"id": 41, "type": "console", "console_key": "4bd4c166"}));
    assert_eq!(
        console
            .console_key
            .as_ref()
            .map(|k| k.expose_secret().to_string()),
        Some("4bd4c166".to_string())
    );
    assert!(!format!("{console:?}").contains("4bd4c166"));
}

#[test]
fn action_failure_and_creation_words() {
    for (word, want) in [
        ("failed", ActionStatus::Failed),
        ("error", ActionStatus::Failed),
        ("completed", ActionStatus::Completed),
        ("in-progress", ActionStatus::InProgress),
        ("rebooting", ActionStatus::Unknown("rebooting".into())),
    ] {
        let a: Action = parse(json!({"id": 1, "status": word}));
        assert_eq!(a.status, want, "{word}");
    }
    for word in ["create_server", "new_server"] {
        let a: Action = parse(json!({"id": "2", "type": word, "resource_type": "ECS"}));
        assert_eq!(a.kind, ActionKind::CreateServer);
        assert_eq!(a.resource_type, ResourceKind::Server);
        assert_eq!(a.id, 2);
    }
    let snp: Action = parse(json!({"id": 3, "resource": 104, "resource_type": "SNP"}));
    assert_eq!(snp.resource.as_deref(), Some("104"));
    assert_eq!(snp.resource_type, ResourceKind::Snapshot);
}

#[test]
fn image_status_codes_or_words() {
    for (word, want) in [
        ("CD", ImageStatus::Created),
        ("Created", ImageStatus::Created),
        ("CG", ImageStatus::Creating),
        ("Creating", ImageStatus::Creating),
        ("DE", ImageStatus::Deleting),
        ("DD", ImageStatus::Deleted),
        ("Deleted", ImageStatus::Deleted),
        ("FL", ImageStatus::Failed),
    ] {
        let i: Image = parse(json!({"name": "ei1", "status": word}));
        assert_eq!(i.status, want, "{word}");
    }
}

#[test]
fn plan_prices_as_float_int_or_string() {
    for price in [json!(14), json!(14.0), json!("14"), json!("14.00")] {
        let p: Plan =
            parse(json!({"name": "eCS1", "montly_price": price, "hourly_price": "0.019"}));
        assert_eq!(p.monthly_price, Some(14.0));
        assert_eq!(p.hourly_price, Some(0.019));
    }
    let p: Plan = parse(json!({"name": "eCS1"}));
    assert_eq!(p.available, None);
    assert!(p.available_regions.is_empty());
}

#[test]
fn regions_with_or_without_id() {
    let with: Region = parse(json!({"id": 1, "location": "it-fr2", "description": "Frosinone"}));
    let without: Region = parse(json!({"location": "it-fr2", "description": "Frosinone"}));
    assert_eq!(with.id, Some(1));
    assert_eq!(without.id, None);
    assert_eq!(with.location, without.location);
}

#[test]
fn host_servers_as_names_or_objects() {
    let h: Host = parse(
        json!({"host": "ecs564.host.seeweb.it", "servers": ["ec000025", {"name": "ec000026", "notes": "db"}]}),
    );
    assert_eq!(h.servers[0].name, "ec000025");
    assert_eq!(h.servers[1].notes.as_deref(), Some("db"));
}

#[test]
fn metric_points_in_both_shapes() {
    let m: Metrics = parse(json!({
        "resource": "ec1",
        "core": [[1551088373.819, "1.5"], {"t": "2024-10-17 08:25:58", "y": "0.25"}, ["1551088373", 2],
                 [null, "1"], {"t": "", "y": "1"}, {"t": "2024-10-17 08:25:58", "y": "n/a"}, "junk"],
        "disk": {"reads": null},
        "unknown_series": []
    }));
    assert_eq!(m.core.len(), 3, "unreadable points are dropped");
    assert_eq!(m.core[0].1, 1.5);
    assert_eq!(m.core[0].0.timestamp_millis(), 1_551_088_373_819);
    assert_eq!(
        m.core[1],
        (Utc.with_ymd_and_hms(2024, 10, 17, 8, 25, 58).unwrap(), 0.25)
    );
    assert!(m.disk.reads.is_empty());
    assert!(m.network.received.is_empty());
}

#[test]
fn server_create_serialises_exactly_the_documented_names() {
    let minimal = ServerCreate {
        plan: "ECS6".into(),
        location: "it-fr2".into(),
        image: "debian-12".into(),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&minimal).ok(),
        Some(json!({"plan": "ECS6", "location": "it-fr2", "image": "debian-12"}))
    );
    let full = ServerCreate {
        plan: "ECS6".into(),
        location: "it-fr2".into(),
        image: "debian-12".into(),
        notes: Some("web-1".into()),
        ssh_key: Some("my-key-label".into()),
        password: Some(SecretString::from("hunter2-pass")),
        group: Some("eg100001".into()),
        support: Some(SupportCode::Global),
        reserved_plan: Some("M12PECS6".into()),
        user_customize: Some(UserCustomize::Library(2)),
        user_customize_env: Some(SecretString::from("NAME=\"bob\"\nTOKEN=\"s3cr3t-env\"")),
        isolate_from: Some(vec!["ec000001".into(), "ec000002".into()]),
        networks: Some(vec![NetworkAttachment {
            name: "net000015".into(),
            vlans: vec![
                VlanSpec::Single {
                    vlan_id: 100,
                    pvid: true,
                },
                VlanSpec::Range {
                    vlans: "1-99".into(),
                },
            ],
        }]),
    };
    assert_eq!(
        serde_json::to_value(&full).ok(),
        Some(json!({
            "plan": "ECS6", "location": "it-fr2", "image": "debian-12", "notes": "web-1",
            "ssh_key": "my-key-label", "password": "hunter2-pass", "group": "eg100001",
            "support": "global", "reserved_plan": "M12PECS6", "user_customize": 2,
            "user_customize_env": "NAME=\"bob\"\nTOKEN=\"s3cr3t-env\"",
            "isolate_from": ["ec000001", "ec000002"],
            "networks": [{"name": "net000015", "vlans": [{"vlan_id": 100, "pvid": true}, {"vlans": "1-99"}]}]
        }))
    );
    let script = ServerCreate {
        user_customize: Some(UserCustomize::Script("#!/bin/bash\necho hi".into())),
        ..minimal
    };
    assert_eq!(
        serde_json::to_value(&script)
            .ok()
            .and_then(|v| v.get("user_customize").cloned()),
        Some(json!("#!/bin/bash\necho hi"))
    );
    // Debug redacts the secrets.
    let debug = format!("{full:?}");
    assert!(!debug.contains("hunter2-pass"), "{debug}");
    assert!(!debug.contains("s3cr3t-env"), "{debug}");
    assert!(debug.contains("<redacted>"));
}

#[test]
fn server_actions_serialise_as_documented() {
    let v = |a: ServerAction| serde_json::to_value(a).ok();
    assert_eq!(v(ServerAction::PowerOn), Some(json!({"type": "power_on"})));
    assert_eq!(
        v(ServerAction::PowerOff),
        Some(json!({"type": "power_off"}))
    );
    assert_eq!(v(ServerAction::Console), Some(json!({"type": "console"})));
    assert_eq!(
        v(ServerAction::Rollback { snapshot: 105 }),
        Some(json!({"type": "rollback", "snapshot": 105}))
    );
}

#[test]
fn login_grant_keeps_the_token_secret() {
    let g: LoginGrant =
        parse(json!({"token": "eyJ.secret.sig", "expire": "1728560902", "status": "ok"}));
    assert_eq!(g.expire, 1_728_560_902);
    assert_eq!(g.token.expose_secret(), "eyJ.secret.sig");
    assert!(!format!("{g:?}").contains("eyJ.secret.sig"));
    assert!(serde_json::from_value::<LoginGrant>(json!({"token": "t"})).is_err());
}

#[test]
fn support_and_discount_records() {
    let s: ServerSupport = parse(
        json!({"support_code": "basic", "weigth": "2", "start": "2024-10-10 17:03:00", "end": null}),
    );
    assert_eq!(s.weight, Some(2));
    assert!(s.start.is_some());
    let d: DiscountRecord = parse(
        json!({"reserved_plan": 50, "reserved_months": 12, "plan": "eCS1", "discount": "20"}),
    );
    assert_eq!(d.reserved_plan.as_deref(), Some("50"));
    assert_eq!(d.reserved_months, Some(12));
    assert_eq!(d.discount, Some(20.0));
}
